"""Cannibalisation risks: keywords that would produce two articles competing for one intent.

Two keywords share an intent key when, after case/accent/punctuation folding, dropping
function words and intent-neutral modifiers ("best", "guide"…), stemming each word
(singular/plural, verb forms) and sorting the words (word order), they are equal. Exact
duplicates (same text once folded) are reported apart from near-duplicates. Linear time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from app.core.models import Language
from app.core.textutil import fold_accents

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("""
a an the of for to in on at by with and or from into about your my our its is are be de du des
la le les l d un une et ou en au aux pour par sur avec dans sans son sa ses votre vos mon ma
mes notre nos ce cet cette ces qu que qui est sont
""".split())  # noqa: SIM905 (a word list reads best as words)
_NEUTRAL = frozenset("""
best top ultimate complete guide tips meilleur meilleure meilleurs meilleures complet conseils
astuces
""".split())  # noqa: SIM905 (a word list reads best as words)


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    kind: Literal["duplicate", "near_duplicate"]
    lines: tuple[int, ...]          # file lines, first occurrence first
    keywords: tuple[str, ...]

    @property
    def keep(self) -> int:
        return self.lines[0]

    @property
    def later(self) -> tuple[int, ...]:
        return self.lines[1:]


def exact_key(keyword: str) -> str:
    return " ".join(_WORD.findall(fold_accents(keyword).lower()))


def intent_key(keyword: str, language: Language = Language.EN) -> str:
    words = _WORD.findall(fold_accents(keyword).lower())
    kept = [w for w in words if w not in _STOP and w not in _NEUTRAL]
    return " ".join(sorted(_stem(w, language) for w in (kept or words)))


@lru_cache(maxsize=4)
def _stemmer_obj(language: Language) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("french" if language is Language.FR else "english")


_STEMS: dict[tuple[Language, str], str] = {}


def _stem(word: str, language: Language) -> str:
    if word.isdigit():
        return word
    key = (language, word)
    hit = _STEMS.get(key)
    if hit is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        base = word
        if language is Language.FR and len(word) > 3 and word[-1] in "sx":
            base = word[:-1]              # Snowball keeps the plural -s after a vowel (vélos)
        hit = _STEMS[key] = str(_stemmer_obj(language).stemWord(base))
    return hit


def find_duplicates(
    rows: Sequence[tuple[int, str, Language]],
) -> list[DuplicateGroup]:
    """`rows` are (line, keyword, language). Keywords in different languages never clash."""
    exact: dict[tuple[Language, str], list[tuple[int, str]]] = {}
    for line, keyword, lang in rows:
        exact.setdefault((lang, exact_key(keyword)), []).append((line, keyword))
    groups: list[DuplicateGroup] = []
    intents: dict[tuple[Language, str], list[tuple[int, str]]] = {}
    for (lang, _key), members in exact.items():
        if len(members) > 1:
            groups.append(_group("duplicate", members))
        first_line, first_kw = members[0]
        intents.setdefault((lang, intent_key(first_kw, lang)), []).append((first_line, first_kw))
    for members in intents.values():
        if len(members) > 1:
            groups.append(_group("near_duplicate", members))
    groups.sort(key=lambda g: g.lines[0])
    return groups


def _group(kind: Literal["duplicate", "near_duplicate"],
           members: list[tuple[int, str]]) -> DuplicateGroup:
    members = sorted(members)
    return DuplicateGroup(kind, tuple(m[0] for m in members), tuple(m[1] for m in members))


def lines_to_skip(groups: Sequence[DuplicateGroup]) -> dict[int, str]:
    """For the "skip" choice: every later member → why it is skipped."""
    skip: dict[int, str] = {}
    for group in groups:
        for line in group.later:
            what = "a duplicate" if group.kind == "duplicate" else "a near-duplicate"
            skip[line] = f"{what} of line {group.keep} ('{group.keywords[0]}')"
    return skip
