"""Cannibalisation risks: keywords that would produce two articles competing for one intent.

Two keywords share an intent key when their content words, matched as the analysis matches
a keyphrase (function words dropped, word forms by the language pack's stemmer, accents
folded), less the pack's intent-neutral modifiers ("best", "guide"…), are the same set. Exact
duplicates (same text once folded) are reported apart from near-duplicates. Linear time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.core.analysis.keyphrase import parse_keyphrase
from app.core.languages import pack
from app.core.models import Language
from app.core.textutil import fold_accents

_WORD = re.compile(r"[a-z0-9]+")


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


def intent_key(keyword: str, language: Language) -> str:
    """The keyphrase's content words as the analysis matches them (word forms, accents folded),
    without the pack's intent-neutral words ("best", "guide"…), sorted."""
    kp = parse_keyphrase(keyword, language.value)
    neutral = pack(language.value).intent_neutral
    kept = [stem for stem, folded in zip(kp.stems, kp.folds, strict=True) if folded not in neutral]
    return " ".join(sorted(kept or kp.stems))


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
