"""Finding text in the article: the pattern rules of the find bar, without Qt.

`FindQuery.compile()` turns what the writer typed (plain text or a regular expression,
match case, whole word) into one Python pattern; `find_all` lists the matches of a text
range; `expand` builds a replacement (`\\1`, `\\g<name>` in regex mode, literal otherwise).
Offsets are Python string indexes; `Utf16Map` converts them to the editor's positions
(Qt counts a character outside the Basic Multilingual Plane, e.g. an emoji, as two).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_ASTRAL = re.compile(r"[\U00010000-\U0010FFFF]")


class FindError(ValueError):
    """The pattern or the replacement cannot be used; `str(exc)` says why (plain text)."""


@dataclass(frozen=True, slots=True)
class FindQuery:
    text: str
    match_case: bool = False
    whole_word: bool = False
    regex: bool = False

    def compile(self) -> re.Pattern[str] | None:
        """The pattern to search with; None for an empty query; FindError when invalid."""
        if not self.text:
            return None
        source = self.text if self.regex else re.escape(self.text)
        if self.whole_word:
            source = rf"(?<![\w’'-])(?:{source})(?![\w’'-])"
        flags = re.MULTILINE | (0 if self.match_case else re.IGNORECASE)
        try:
            pattern = re.compile(source, flags)
        except re.error as exc:
            raise FindError(str(exc)) from exc
        if pattern.search("") is not None and self.regex:
            # "a*" or "^" match empty strings everywhere: nothing a writer wants to replace
            raise FindError("the expression matches empty text")
        return pattern


def find_all(pattern: re.Pattern[str], text: str, start: int = 0,
             end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every non-empty match inside text[start:end]."""
    stop = len(text) if end is None else end
    return [m.span() for m in pattern.finditer(text, start, stop) if m.end() > m.start()]


def expand(pattern: re.Pattern[str], query: FindQuery, matched: str, replacement: str) -> str:
    """The text that replaces `matched` (group references only in regex mode)."""
    if not query.regex:
        return replacement
    match = pattern.fullmatch(matched) or pattern.match(matched)
    if match is None:
        return replacement
    try:
        return match.expand(replacement)
    except (re.error, IndexError) as exc:
        raise FindError(str(exc)) from exc


class Utf16Map:
    """Python index ↔ Qt (UTF-16) position for one text; free when the text is all BMP."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_qt = [index + k for k, index in enumerate(self._astral)]

    @property
    def identity(self) -> bool:
        """Python indexes are Qt positions (no character outside the BMP)."""
        return not self._astral

    def to_qt(self, index: int) -> int:
        if not self._astral:
            return index
        return index + bisect.bisect_left(self._astral, index)

    def to_py(self, position: int) -> int:
        if not self._astral:
            return position
        return position - bisect.bisect_left(self._astral_qt, position)


__all__ = ["FindError", "FindQuery", "Utf16Map", "expand", "find_all"]
