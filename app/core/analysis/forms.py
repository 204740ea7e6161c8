"""Word forms of a keyphrase word, generated from the word itself (never from a shared stem).

A keyphrase word matches the text's words that are one of its own forms: the plural, the
verb's conjugated forms and participles, the feminine (French) — "jardin" matches
"jardins", "compost" matches "composting", "isoler" matches "isolé" — but not a different
word that merely shares a stem ("insurer" is not "insurance", "isolation" is not "isoler").
Each language's rules are a small table below; irregular families (buy/bought,
cheval/chevaux) come from `resources/analysis/<lang>/irregular_forms.txt`. Everything is
pure and cached, so threads share no mutable state. Forms are accent-folded.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from app.core.analysis.lexicon import lines
from app.core.analysis.text import fold

_VOWELS = frozenset("aeiouy")


@cache
def _families(lang: str) -> dict[str, frozenset[str]]:
    """Word -> every member of its irregular family (one family per line)."""
    table: dict[str, frozenset[str]] = {}
    for line in lines(lang, "irregular_forms.txt"):
        members = frozenset(fold(w.lower()) for w in line.split())
        for word in members:
            table[word] = table.get(word, frozenset()) | members
    return table


# ---- English


def _en_bases(w: str) -> set[str]:
    """The word and what it may be a form of ("gardens" -> "garden", "baking" -> "bake")."""
    out = {w}
    if len(w) > 3 and w.endswith("ies"):
        out.add(w[:-3] + "y")
    if len(w) > 3 and w.endswith("es") and w[:-2].endswith(("s", "x", "z", "ch", "sh")):
        out.add(w[:-2])                 # boxes -> box; shoes stays shoe (below)
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ews", "ous")):
        out.add(w[:-1])                 # gardens -> garden; never news -> new, this -> thi
    for suffix in ("ing", "ed"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            stem = w[: -len(suffix)]
            out |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                out.add(stem[:-1])          # stopping -> stop
            if suffix == "ed" and stem.endswith("i"):
                out.add(stem[:-1] + "y")    # carried -> carry
    return out


def _en_forms_of(base: str) -> set[str]:
    """Plural and verb forms of one base word."""
    out = {base}
    if base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        out |= {base[:-1] + "ies", base[:-1] + "ied"}
    elif base.endswith(("s", "x", "z", "ch", "sh", "o")):
        out.add(base + "es")
    else:
        out.add(base + "s")
    if base.endswith("fe"):
        out.add(base[:-2] + "ves")
    elif base.endswith("f"):
        out.add(base[:-1] + "ves")
    stem = base[:-1] if base.endswith("e") and not base.endswith(("ee", "ye", "oe")) else base
    out |= {stem + "ing", stem + "ed" if not base.endswith("e") else base + "d"}
    if (len(base) >= 3 and base[-1] not in _VOWELS | {"w", "x"} and base[-2] in _VOWELS
            and base[-3] not in _VOWELS):
        out |= {base + base[-1] + "ing", base + base[-1] + "ed"}   # stop -> stopping
    if base.endswith("ie"):
        out.add(base[:-2] + "ying")                                # tie -> tying
    return out


# ---- French

_FR_FEMININE = (  # masculine ending -> feminine ending
    ("eux", "euse"), ("eur", "euse"), ("teur", "trice"), ("if", "ive"), ("er", "ere"),
    ("ien", "ienne"), ("on", "onne"), ("el", "elle"), ("et", "ette"), ("en", "enne"), ("x", "se"),
)
_FR_ER_ENDINGS = (
    "er", "e", "es", "ent", "ons", "ez", "e", "ee", "es", "ees", "ant", "ais", "ait", "aient",
    "ions", "iez", "era", "erai", "eras", "erons", "erez", "eront", "erait", "eraient", "a", "erent",
)
_FR_IR_ENDINGS = (
    "ir", "is", "it", "issons", "issez", "issent", "i", "ie", "ies", "issant", "issait",
    "issaient", "ira", "iront", "irait",
)
_FR_RE_ENDINGS = (
    "re", "s", "", "ons", "ez", "ent", "u", "ue", "us", "ues", "ant", "ait", "aient", "ra", "ront", "rait",
)


def _fr_bases(w: str) -> set[str]:
    """The word and the masculine singular / infinitive it may be a form of."""
    out = {w}
    singular = {w}
    if len(w) > 3 and w.endswith("aux"):
        singular |= {w[:-3] + "al", w[:-3] + "ail"}
    if len(w) > 3 and w.endswith(("s", "x")):
        singular.add(w[:-1])
    out |= singular
    for word in singular:
        for masc, fem in _FR_FEMININE:
            if len(word) > len(fem) + 1 and word.endswith(fem):
                out.add(word[: -len(fem)] + masc)
        if len(word) > 3 and word.endswith("e"):
            out.add(word[:-1])                                  # verte -> vert
        # only unambiguous verb endings lead back to an infinitive ("isolée" -> "isoler"):
        # "enfant" is not a form of "enfer", nor "heureux" of "heurer"
        for ending, infinitive in (("ee", "er"), ("e", "er"), ("issant", "ir")):
            if len(word) > len(ending) + 2 and word.endswith(ending):
                out.add(word[: -len(ending)] + infinitive)
    return out


def _fr_forms_of(base: str) -> set[str]:
    out = {base, base + "s"}
    if base.endswith(("s", "x", "z")):
        out.add(base)
    if base.endswith(("eau", "eu", "au")):
        out.add(base + "x")
    if base.endswith("al"):
        out.add(base[:-2] + "aux")
    for masc, fem in _FR_FEMININE:
        if base.endswith(masc):
            out |= {base[: -len(masc)] + fem, base[: -len(masc)] + fem + "s"}
            break
    else:
        if not base.endswith("e"):
            out |= {base + "e", base + "es"}
    for infinitive, endings in (("er", _FR_ER_ENDINGS), ("ir", _FR_IR_ENDINGS), ("re", _FR_RE_ENDINGS)):
        if len(base) > len(infinitive) + 2 and base.endswith(infinitive):
            stem = base[: -len(infinitive)]
            out |= {stem + e for e in endings}
    return out


_RULES: dict[str, tuple[Callable[[str], set[str]], Callable[[str], set[str]]]] = {
    "en": (_en_bases, _en_forms_of),
    "fr": (_fr_bases, _fr_forms_of),
}


@lru_cache(maxsize=4096)
def word_forms(word: str, lang: str) -> frozenset[str]:
    """Every (folded) form of `word` the keyphrase should match, the word itself included."""
    w = fold(word.lower())
    rules = _RULES.get(lang)
    if rules is None or len(w) <= 2 or not w.isalpha():
        return frozenset({w})           # a language without form rules: the word itself
    bases_of, forms_of = rules
    forms: set[str] = set()
    families = _families(lang)
    for base in bases_of(w):
        forms |= forms_of(base)
        for member in families.get(base, ()):
            forms |= forms_of(member)
    forms |= families.get(w, frozenset())
    return frozenset(f for f in forms if len(f) > 1)


@lru_cache(maxsize=4096)
def form_key(word: str, lang: str) -> str:
    """One key shared by a word's forms: of the bases whose forms include it, the one with
    the most forms, then the shortest ("composting" -> "compost", "isolées" -> "isoler";
    "insurer" stays "insurer")."""
    w = fold(word.lower())
    rules = _RULES.get(lang)
    if rules is None or len(w) <= 2 or not w.isalpha():
        return w
    bases_of, forms_of = rules
    family = _families(lang).get(w)
    if family:
        return min(family, key=lambda m: (len(m), m))
    best, best_rank = w, (0, 0, w)
    for base in bases_of(w):
        forms = forms_of(base)
        rank = (len(forms), -len(base), base)
        if w in forms and (best_rank[0] == 0 or rank[:2] > best_rank[:2]
                           or (rank[:2] == best_rank[:2] and base < best)):
            best, best_rank = base, rank
    return best
