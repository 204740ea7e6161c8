"""The networks Plume writes posts for, with their limits and where each limit comes from.

Counting follows each network: X weighs characters as twitter-text v3 does (code points in
the Latin/General-Punctuation ranges weigh 1, everything else — emoji, CJK — weighs 2) and
counts any URL as 23 (t.co wrapping); the others count Unicode characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.errors import InputError

URL_PATTERN = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>()\"']+")
X_URL_WEIGHT = 23
# twitter-text config v3 "ranges" of weight 100 (= 1 character); the rest weigh 200.
_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


@dataclass(frozen=True, slots=True)
class Network:
    name: str
    label: str
    max_chars: int           # the network's hard limit for the post text
    hook_chars: int          # schema bounds for the model's parts (they add up under max_chars)
    text_chars: int
    max_hashtags: int
    hashtag_chars: int
    with_url: bool           # the URL goes in the post (Instagram captions have no live links)
    weighted: bool = False   # X counting: weights and URLs as 23
    source: str = ""


NETWORKS: dict[str, Network] = {n.name: n for n in (
    # 90 + 110 + 23 + 2 × 24 + separators (8) = 279 ≤ 280 by construction.
    Network("x", "X", 280, 90, 110, 2, 24, True, weighted=True,
            source="X developer docs, 'Counting characters' (280 weighted, URLs = 23)"),
    Network("linkedin", "LinkedIn", 3000, 150, 1200, 5, 30, True,
            source="LinkedIn Help, 'Post on LinkedIn' (posts up to 3,000 characters)"),
    Network("facebook", "Facebook", 63206, 150, 600, 3, 30, True,
            source="Facebook post limit 63,206 characters; Plume keeps posts short (≤ 800)"),
    Network("instagram", "Instagram", 2200, 150, 900, 10, 30, False,
            source="Instagram Help: captions up to 2,200 characters and 30 hashtags; "
                   "links in captions are not clickable"),
    Network("newsletter", "Newsletter", 2000, 60, 1200, 0, 0, True,
            source="Plume's own bound: a subject line of ≤ 60 characters (what mail clients "
                   "show) and a short teaser"),
)}


def parse_networks(text: str) -> tuple[Network, ...]:
    """'x,linkedin' → those networks, in the order given; InputError naming the known ones."""
    aliases = {"twitter": "x", "fb": "facebook", "ig": "instagram", "email": "newsletter"}
    names = [aliases.get(n, n) for n in (n.strip().lower() for n in text.split(",")) if n]
    unknown = [n for n in names if n not in NETWORKS]
    if not names or unknown:
        raise InputError(f"Unknown network '{', '.join(unknown) or text}'.",
                         hint=f"Use one or more of: {', '.join(NETWORKS)} (comma-separated).")
    return tuple(NETWORKS[n] for n in dict.fromkeys(names))


def weighted_length(text: str, network: Network) -> int:
    """The length the network counts for `text`."""
    if not network.weighted:
        return len(text)
    total = 0
    last = 0
    for m in URL_PATTERN.finditer(text):
        total += _x_weight(text[last:m.start()]) + X_URL_WEIGHT
        last = m.end()
    return total + _x_weight(text[last:])


def _x_weight(text: str) -> int:
    return sum(1 if any(a <= ord(c) <= b for a, b in _LIGHT_RANGES) else 2 for c in text)
