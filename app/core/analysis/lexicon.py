"""Word lists per language, read once from the pack's analysis folder (`resources/analysis/<lang>/`).

Lists are plain text, one entry per line, `#` starts a comment, so writers and translators
can edit them without touching code. Phrases are stored as token tuples in the same
normalized form the analysis uses ("d'une part" -> ("d'", "une", "part")); two-part
transitions are written "not only … but also".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from app.core.analysis.text import fold, normalize, phrase_tokens, words
from app.core.languages import codes, pack

Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PhraseIndex:
    """Phrases indexed by their first token, longest first."""

    by_first: dict[str, tuple[Phrase, ...]]

    def matches(self, tokens: list[str]) -> list[tuple[int, int]]:
        """(first, last+1) token ranges of every phrase found, left to right, no overlap."""
        found: list[tuple[int, int]] = []
        if self.by_first.keys().isdisjoint(tokens):
            return found                # most sentences: no phrase can start here
        i, n = 0, len(tokens)
        while i < n:
            for phrase in self.by_first.get(tokens[i], ()):
                size = len(phrase)
                if tuple(tokens[i : i + size]) == phrase:
                    found.append((i, i + size))
                    i += size - 1
                    break
            i += 1
        return found


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    function_words: frozenset[str]          # folded
    abbreviations: frozenset[str]           # "mme.", "p.", "u.s."
    first_word_exceptions: frozenset[str]
    transitions: PhraseIndex
    two_part_transitions: tuple[tuple[Phrase, Phrase], ...]
    passive_auxiliaries: frozenset[str]
    participles: frozenset[str]             # irregular past participles
    participle_exceptions: frozenset[str]   # look like participles, are not
    participle_pattern: re.Pattern[str] | None   # regular past participles (the pack's)
    etre_verbs: frozenset[str]              # fr participles of verbs conjugated with être
    clause_breaks: frozenset[str]           # words that end a clause (passive voice search)
    reflexives: frozenset[str]
    cliches: PhraseIndex
    claim_markers: PhraseIndex
    drift_words: frozenset[str]             # frequent words of this language only (of all packs)
    foreign_words: frozenset[str]           # frequent words of one other language only


def lines(lang: str, name: str) -> list[str]:
    """Entries of the pack's analysis list `name` (comments and blank lines dropped)."""
    path = pack(lang).analysis_dir / name
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def to_phrase(text: str, lang: str) -> Phrase:
    tokens: list[str] = []
    for _, _, norm in words(text):
        tokens.extend(phrase_tokens(norm, lang))
    return tuple(tokens)


def _index(phrases: list[Phrase]) -> PhraseIndex:
    table: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        if phrase:
            table.setdefault(phrase[0], []).append(phrase)
    return PhraseIndex({k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in table.items()})


def _set(lang: str, name: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in lines(lang, name))


def _participles(lang: str) -> frozenset[str]:
    base = _set(lang, "irregular_participles.txt")
    endings = pack(lang).participle_inflections
    forms = set(base)
    for word in base:        # fr: fait -> faite, faits, faites; pris -> prise, prises
        forms.update(word + end for end in endings if not (end == "s" and word.endswith("s")))
    return frozenset(forms)


@cache
def lexicon(lang: str) -> Lexicon:
    lp = pack(lang)
    lang = lp.code
    single: list[Phrase] = []
    pairs: list[tuple[Phrase, Phrase]] = []
    for entry in lines(lang, "transition_words.txt"):
        if "…" in entry or "..." in entry:
            first, second = entry.replace("...", "…").split("…", 1)
            pairs.append((to_phrase(first, lang), to_phrase(second, lang)))
        else:
            single.append(to_phrase(entry, lang))
    mine = _function_words(lang)
    others = [c for c in codes() if c != lang]
    theirs = frozenset().union(*(_function_words(c) for c in others))
    return Lexicon(
        lang=lang,
        function_words=frozenset(mine),
        abbreviations=_set(lang, "abbreviations.txt"),
        first_word_exceptions=_set(lang, "first_word_exceptions.txt"),
        transitions=_index(single),
        two_part_transitions=tuple(pairs),
        passive_auxiliaries=_set(lang, "passive_auxiliaries.txt"),
        participles=_participles(lang),
        participle_exceptions=_set(lang, "participle_exceptions.txt"),
        participle_pattern=re.compile(lp.participle_pattern) if lp.participle_pattern else None,
        etre_verbs=_set(lang, "etre_verb_participles.txt"),
        clause_breaks=_set(lang, "clause_breaks.txt"),
        reflexives=_set(lang, "reflexive_pronouns.txt"),
        cliches=_index([to_phrase(e, lang) for e in lines(lang, "ai_cliches.txt")]),
        claim_markers=_index([to_phrase(e, lang) for e in lines(lang, "claim_markers.txt")]),
        drift_words=frozenset(mine - theirs),
        foreign_words=frozenset().union(*(_drift_words(c) for c in others)),
    )


@cache
def _function_words(lang: str) -> frozenset[str]:
    return frozenset(fold(normalize(w)) for w in lines(lang, "function_words.txt"))


def _drift_words(lang: str) -> frozenset[str]:
    """Function words of `lang` that no other installed language uses."""
    theirs = frozenset().union(*(_function_words(c) for c in codes() if c != lang))
    return _function_words(lang) - theirs
