"""French typography, applied only to prose (never code, URLs or link targets).

- a narrow no-break space (U+202F) before ; ! ? and a no-break space (U+00A0) before :
  when the sign ends a clause (followed by a space, the end of the line or a closing mark),
  so `10:30`, `https://`, `![image]` and `?q=` stay as they are;
- a no-break space inside « »;
- curly apostrophes (’) between letters.
"""

from __future__ import annotations

import re

from app.core.review.document import map_editable

NBSP = "\u00a0"
NNBSP = "\u202f"
_SPACES = "[ \t\u00a0\u202f]"
_HIGH = re.compile(rf"(?<=[^\s;:!?(\[«]){_SPACES}*([;:!?]+)(?=[\s*_)\]»”\"]|$)", re.MULTILINE)
_OPEN = re.compile(rf"«{_SPACES}*")
_CLOSE = re.compile(rf"{_SPACES}*»")
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿŒœ"
_APOSTROPHE = re.compile(rf"(?<=[{_LETTER}])'(?=[{_LETTER}])")


def _space_before(signs: str) -> str:
    return (NBSP if signs[0] == ":" else NNBSP) + signs


def fix_prose(text: str) -> str:
    text = _HIGH.sub(lambda m: _space_before(m.group(1)), text)
    text = _OPEN.sub("«" + NBSP, text)
    text = _CLOSE.sub(NBSP + "»", text)
    return _APOSTROPHE.sub("’", text)


def fix_french_typography(markdown: str) -> str:
    """Apply French typography to the editable parts of a Markdown text."""
    return map_editable(markdown, fix_prose)
