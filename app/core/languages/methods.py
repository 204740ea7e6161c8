"""The per-language behaviour a pack chooses by name: stemmers, reading ease, plural rules.

Each family has a generic member that works from the pack's data alone (`suffixes`,
`flesch` with the pack's coefficients, `one`), so a new language needs no Python. Syllable
counters live with the syllable cache (`app/core/analysis/syllables.py`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from app.core.errors import InputError
from app.core.languages.manifest import LanguagePack, Method

_local = threading.local()   # Snowball stemmer objects keep state: one per thread and language


def _snowball(lp: LanguagePack) -> Callable[[str], str]:
    import snowballstemmer

    table: dict[str, Any] = _local.__dict__.setdefault("snowball", {})
    algorithm = str(lp.stemmer.get("algorithm", lp.name.lower()))
    passes = int(lp.stemmer.get("passes", 1))
    plural = str(lp.stemmer.get("plural_endings", ""))   # fr: Snowball keeps "vélos" whole

    def stem(word: str) -> str:
        st = table.get(algorithm)
        if st is None:
            st = table[algorithm] = snowballstemmer.stemmer(algorithm)
        if plural and len(word) > 3 and word[-1] in plural:
            word = word[:-1]
        for _ in range(passes):            # French Snowball leaves "potagers" -> "potager"
            word = str(st.stemWord(word))
        return word

    return stem


def _suffixes(lp: LanguagePack) -> Callable[[str], str]:
    """The generic stemmer: strip the longest listed ending that leaves `min_stem` letters."""
    endings = sorted((str(s) for s in lp.stemmer.get("suffixes", ())), key=len, reverse=True)
    keep = int(lp.stemmer.get("min_stem", 3))

    def stem(word: str) -> str:
        for end in endings:
            if word.endswith(end) and len(word) - len(end) >= keep:
                return word[: -len(end)]
        return word

    return stem


def _no_stem(lp: LanguagePack) -> Callable[[str], str]:
    return lambda word: word


STEMMERS: dict[str, Callable[[LanguagePack], Callable[[str], str]]] = {
    "snowball": _snowball, "suffixes": _suffixes, "none": _no_stem,
}


def stemmer(lp: LanguagePack) -> Callable[[str], str]:
    """A stem function for this thread (Snowball objects are not shared between threads)."""
    cache: dict[str, Callable[[str], str]] = _local.__dict__.setdefault("stemmers", {})
    fn = cache.get(lp.code)
    if fn is None:
        fn = cache[lp.code] = STEMMERS[lp.stemmer.name](lp)
    return fn


def reading_ease(lp: LanguagePack, words: int, sentences: int, syllables: int) -> float:
    """Flesch reading ease with the pack's coefficients (English ones by default), 0–100."""
    m: Method = lp.readability
    base = float(m.get("base", 206.835))
    per_sentence = float(m.get("per_sentence", 1.015))
    per_syllable = float(m.get("per_syllable", 84.6))
    raw = base - per_sentence * words / sentences - per_syllable * syllables / words
    return max(0.0, min(100.0, raw))


READABILITY = {"flesch": reading_ease}


def is_singular(lp: LanguagePack, n: float) -> bool:
    """French: 0 and 1 take the singular; English: only 1."""
    return abs(n) < 2 if lp.plural == "zero_and_one" else n == 1


PLURALS = ("one", "zero_and_one")
# Implemented in app/core/analysis/syllables.py and app/core/analysis/lints.py (a test keeps
# these names and those tables equal).
SYLLABLE_COUNTERS = ("english", "french", "cmu+pyphen", "pyphen", "vowel_groups")
TYPOGRAPHY_LINTS = ("", "french")


def check(lp: LanguagePack) -> None:
    """InputError when the pack names a method Plume does not have."""
    chosen = {"stemmer": (lp.stemmer.name, tuple(STEMMERS)),
              "syllables": (lp.syllables.name, SYLLABLE_COUNTERS),
              "readability": (lp.readability.name, tuple(READABILITY)),
              "plural": (lp.plural, PLURALS),
              "typography.lint": (lp.typography.lint, TYPOGRAPHY_LINTS)}
    for key, (name, known) in chosen.items():
        if name not in known:
            raise InputError(f"Language pack {lp.root / 'pack.json'}: unknown {key} '{name}'.",
                             hint=f"Use one of: {', '.join(k for k in known if k)}.")
