"""The lengths an SEO article is held to, in one place: generation aims at them, the
self-review fixes toward them, the analysis scores against them, export truncates to them.

A meta description of 121–156 characters is "good"; 1–120 only "ok" (search results show
about 920 px, ~156 characters, and a very short one is often replaced by the engine). An SEO
title is cut at 60 characters (about 600 px in results; the width check is the snippet's).
The schema bounds let the model write a little outside the target; the code then fits it.
"""

from __future__ import annotations

TITLE_MAX = 60
META_MIN, META_MAX = 121, 156
# What the JSON schema allows the model to write (then fitted to the limits above).
TITLE_LENGTH = (20, 70)
META_LENGTH = (110, 160)
HEADING_LENGTH = (8, 70)
