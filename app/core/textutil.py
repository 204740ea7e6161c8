"""Small text helpers shared by generation, analysis, export and batch."""

from __future__ import annotations

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "’": "'"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A word: letters/digits, joined by hyphens or apostrophes, or by . and , between digits
# ("l'eau", "arc-en-ciel", "3,5"): the analysis' word and Plume's one word count.
WORD_RE = re.compile(r"[^\W_]+(?:(?:[-'’]|(?<=\d)[.,](?=\d))[^\W_]+)*")


def count_words(text: str) -> int:
    """Words a reader sees, counted the same way everywhere (editor, library, generation,
    review, batch): Markdown markers and punctuation are not words."""
    return sum(1 for _ in WORD_RE.finditer(text))


def capitalize_first(text: str) -> str:
    """`text` with its first letter in capitals ("compost maison" → "Compost maison")."""
    return text[:1].upper() + text[1:]


def fold_accents(text: str) -> str:
    """'Réussir œuvre' -> 'Reussir oeuvre'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str, max_length: int = 75) -> str:
    """Lowercase ASCII words joined by hyphens, cut at a word boundary."""
    slug = _NON_SLUG.sub("-", fold_accents(text).lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug.strip("-")


def strip_control(text: str) -> str:
    """Remove control characters (keeps tab, newline, carriage return)."""
    return _CONTROL.sub("", text)


def truncate_words(text: str, limit: int, ellipsis: str = "") -> str:
    """Cut `text` to at most `limit` characters at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = limit - len(ellipsis)
    cut = text[: room + 1].rsplit(" ", 1)[0] if " " in text[:room] else text[:room]
    return cut.rstrip(" ,;:-–—") + ellipsis
