"""Words and sentences of prose, with character offsets (elisions per language pack).

Words keep elisions and hyphens together ("l'eau", "jusqu'à", "arc-en-ciel", "3,5") so
counts match what writers and Yoast count; `base_form` then strips the elided article or the
English possessive so "l'introduction" matches "introduction". Sentences end on . ! ? …
unless the period closes a known abbreviation (M., Mme, p. ex., e.g., U.S.), an initial,
a decimal, or the next word starts in lowercase.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from app.core.textutil import WORD_RE, fold_accents

_SENTENCE_END = re.compile(r"(?:\.{3}|[.!?…]+)(?:[\s\u00a0\u202f]?[»”\"’')\]])*(?=\s|$)")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_PREV_TOKEN = re.compile(r"(\S+)$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_OPENERS = "«“\"‘'([¿¡-–—*"



@cache
def _word_rules(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The language pack's elided words ("l" of "l'eau") and possessive endings ("'s")."""
    from app.core.languages import pack

    lp = pack(lang)
    return lp.elisions, lp.possessives


def normalize(word: str) -> str:
    """Lowercase with the typographic apostrophe made straight."""
    return word.lower().replace("’", "'")


def base_form(norm: str, lang: str) -> str:
    """The word a keyphrase should match: without elided article or possessive."""
    if "'" not in norm:
        return norm
    elisions, possessives = _word_rules(lang)
    head, _, tail = norm.partition("'")
    if head in elisions and tail:
        return tail
    for ending in possessives:          # "'s" -> drop it all; "s'" -> keep the s
        if norm.endswith(ending):
            return norm[: norm.index("'", len(norm) - len(ending))]
    return norm


def phrase_tokens(norm: str, lang: str) -> list[str]:
    """A word as the tokens phrase lists use: "d'une" -> ["d'", "une"]."""
    if "'" in norm:
        head, _, tail = norm.partition("'")
        if head in _word_rules(lang)[0] and tail:
            return [head + "'", tail]
    return [norm]


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalized word) for every word of `text`."""
    return [(m.start(), m.end(), normalize(m.group())) for m in WORD_RE.finditer(text)]


def has_letter(word: str) -> bool:
    return _HAS_LETTER.search(word) is not None


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    return fold_accents(word)


def split_sentences(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if not _is_boundary(text, match, abbreviations):
            continue
        _append(spans, text, start, match.end())
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped and WORD_RE.search(stripped):
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
    elif stripped and spans:  # stray punctuation joins the previous sentence
        spans[-1] = (spans[-1][0], start + len(chunk.rstrip()))


def _is_boundary(text: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    nxt = _NEXT_CHAR.match(text, match.end())
    if nxt is None:
        return True
    following = nxt.group(1)
    punct = match.group()
    if following.islower():
        return False            # "etc. et", "... puis", "p. ex. le"
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return following not in ",;:"
    if punct.startswith(".") and not punct.startswith("..."):
        prev = _PREV_TOKEN.search(text, max(0, match.start() - 80), match.start())   # never rescan the text
        if prev:
            original = prev.group(1).lstrip("(«\"“'‘")
            if original.lower() + "." in abbreviations:
                return False
            if len(original) == 1 and original.isupper():    # an initial: "J. K. Rowling"
                return False
    return True
