"""Keyphrase matching for the fixers: content words, word forms (Snowball), elisions.

The analysis has the authoritative checks; the fixers only need to know where the
keyphrase already is so they can place it, and every fix is verified by a fresh analysis.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from app.core.models import Language
from app.core.textutil import fold_accents

_FUNCTION_WORDS = {
    Language.FR: set(
        "le la les l un une des du de d au aux a à et ou en dans par pour sur sous avec sans "
        "comment quel quelle quels quelles que qu qui quoi ce cet cette ces son sa ses mon ma mes "
        "ton ta tes notre nos votre vos leur leurs est sont etre faire plus moins tout tous se s "
        "ne pas y il elle on nous vous ils elles je tu j c n m t".split()
    ),
    Language.EN: set(
        "the a an of for to in on at by with without and or how what which who why when where "
        "is are be do does your you my our their its it this that these those from as into about "
        "vs can should i we".split()
    ),
}
_WORD = re.compile(r"[\w’']+", re.UNICODE)
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»)\u00a0\u202f]*\s+|\n+")


@lru_cache(maxsize=2)
def _stemmer(language: Language) -> snowballstemmer.Stemmer:
    return snowballstemmer.stemmer("french" if language is Language.FR else "english")


def words(text: str) -> list[str]:
    """Lowercase words without elided articles: "L'engrais" -> ["engrais"]."""
    found = []
    for raw in _WORD.findall(text.lower()):
        word = _ELISION.sub("", raw).strip("'’")
        if word:
            found.append(word)
    return found


def stem(word: str, language: Language) -> str:
    return fold_accents(_stemmer(language).stemWord(word.lower()))


def content_stems(text: str, language: Language) -> list[str]:
    stop = _FUNCTION_WORDS[language]
    return [stem(w, language) for w in words(text) if fold_accents(w) not in stop and w not in stop]


def contains(text: str, keyphrase: str, language: Language) -> bool:
    """True when every content word of `keyphrase` (any form, any order) is in `text`."""
    wanted = set(content_stems(keyphrase, language))
    return bool(wanted) and wanted <= set(content_stems(text, language))


def share(text: str, keyphrase: str, language: Language) -> float:
    """Share of the keyphrase's content words found in `text`."""
    wanted = set(content_stems(keyphrase, language))
    if not wanted:
        return 0.0
    return len(wanted & set(content_stems(text, language))) / len(wanted)


def starts_with(text: str, keyphrase: str) -> bool:
    """The exact phrase opens `text` (case and accents ignored)."""
    norm = " ".join(words(fold_accents(text)))
    key = " ".join(words(fold_accents(keyphrase)))
    return bool(key) and (norm == key or norm.startswith(key + " "))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]
