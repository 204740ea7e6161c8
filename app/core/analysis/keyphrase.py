"""Keyphrase matching: content words in any order, case and accents ignored, word forms.

A keyphrase in double quotes must appear exactly, as a phrase. Otherwise it "occurs" where
all of its content words occur (function words dropped); a word matches its exact form
(accents folded) or one of the forms generated from it (`forms.word_forms`: "jardins" for
"jardin", "composting" for "compost", never "insurer" for "insurance"), and matches
through a form are reported as such. Nothing here keeps state between calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from app.core.analysis.forms import form_key, word_forms
from app.core.analysis.lexicon import lexicon
from app.core.analysis.text import base_form, fold, normalize, words

_QUOTES = "\"“”«»„"


@dataclass(frozen=True, slots=True)
class Keyphrase:
    text: str
    exact: bool                         # written in double quotes
    folds: tuple[str, ...]              # content words (all words when exact)
    forms: tuple[frozenset[str], ...]   # per content word: its own forms (itself included)
    stems: tuple[str, ...] = ()         # per content word: a key its forms share (forms.form_key)
    only_function_words: bool = False   # no content word: all its words are kept

    @property
    def size(self) -> int:
        return len(self.folds)

    @property
    def signature(self) -> tuple[bool, tuple[str, ...]]:
        return self.exact, self.folds


@dataclass(frozen=True, slots=True)
class Match:
    found: int                          # content words present
    all_found: bool
    count: int                          # full occurrences
    via_forms: tuple[str, ...]          # text words matched only through another form
    spans: tuple[tuple[int, int], ...]  # matched words


NO_MATCH = Match(0, False, 0, (), ())


def parse_keyphrase(text: str, lang: str) -> Keyphrase:
    raw = " ".join(text.split())
    stripped = raw.strip(_QUOTES + " ")
    exact = len(raw) > 2 and raw[0] in _QUOTES and raw[-1] in _QUOTES
    bases = [base_form(w, lang) for _, _, w in words(stripped)]
    only_function = False
    if not exact:
        function_words = lexicon(lang).function_words
        content = [b for b in bases if fold(b) not in function_words]
        only_function = bool(bases) and not content
        bases = content or bases         # only function words: keep them all
    folds = tuple(fold(b) for b in bases)
    forms = tuple(frozenset({f}) if exact else word_forms(f, lang) for f in folds)
    keys = folds if exact else tuple(form_key(f, lang) for f in folds)
    return Keyphrase(stripped, exact, folds, forms, keys, only_function)


def match_tokens(
    kp: Keyphrase,
    folds: tuple[str, ...],
    stems: tuple[str, ...] | None,
    spans: tuple[tuple[int, int], ...],
    fold_counts: dict[str, int] | None = None,
    stem_counts: dict[str, int] | None = None,
) -> Match:
    """How a keyphrase occurs in one sentence (or title, alt text, heading…).

    `folds` are the text's words (base form, accents folded). `stems`/`stem_counts` are
    no longer read (word forms come from the keyphrase); they stay for existing callers.
    """
    if not kp.folds or not folds:
        return NO_MATCH
    if kp.exact:
        return _match_exact(kp, folds, spans)
    if fold_counts is None:
        fold_counts = _counts(folds)
    found = 0
    occurrences = None
    via: list[str] = []
    for f, forms in zip(kp.folds, kp.forms, strict=True):
        n = 0
        for form in forms:
            k = fold_counts.get(form, 0)
            if k:
                n += k
                if form != f:
                    via.append(form)
        if n:
            found += 1
        occurrences = n if occurrences is None else min(occurrences, n)
    if not found:
        return NO_MATCH
    wanted = frozenset().union(*kp.forms)
    hits = [i for i in range(len(folds)) if folds[i] in wanted]
    return Match(found, found == kp.size, occurrences or 0, tuple(dict.fromkeys(via)), _merged(hits, spans))


def _merged(indexes: list[int], spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Spans of matched words, neighbours joined: "home composting" is one highlight."""
    out: list[tuple[int, int]] = []
    previous = -2
    for i in indexes:
        if i == previous + 1 and out:
            out[-1] = (out[-1][0], spans[i][1])
        else:
            out.append(spans[i])
        previous = i
    return tuple(out)


def _match_exact(kp: Keyphrase, folds: tuple[str, ...], spans: tuple[tuple[int, int], ...]) -> Match:
    size = kp.size
    hits = [i for i in range(len(folds) - size + 1) if folds[i : i + size] == kp.folds]
    if not hits:
        return NO_MATCH
    marked = tuple((spans[i][0], spans[i + size - 1][1]) for i in hits)
    return Match(size, True, len(hits), (), marked)


def _counts(items: tuple[str, ...]) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out


@lru_cache(maxsize=8192)
def match_text(kp: Keyphrase, text: str, lang: str) -> Match:
    """Match against a short text (title, alt text, anchor, heading)."""
    toks = words(text)
    folds = tuple(fold(base_form(w, lang)) for _, _, w in toks)
    return match_tokens(kp, folds, None, tuple((a, b) for a, b, _ in toks))


@lru_cache(maxsize=1024)
def starts_with_phrase(kp: Keyphrase, text: str, lang: str) -> tuple[bool, bool]:
    """(exact phrase present, exact phrase at the start — leading function words allowed)."""
    folds = [fold(base_form(w, lang)) for _, _, w in words(text)]
    full = [fold(base_form(w, lang)) for _, _, w in words(kp.text)] if not kp.exact else list(kp.folds)
    size = len(full)
    if not size:
        return False, False
    positions = [i for i in range(len(folds) - size + 1) if folds[i : i + size] == full]
    if not positions:
        return False, False
    function_words = lexicon(lang).function_words
    first = positions[0]
    return True, all(f in function_words for f in folds[:first])


def same_keyphrase(a: str, b: str) -> bool:
    """The same keyphrase written differently (case, accents, spaces, apostrophes)."""
    def key(text: str) -> str:
        return fold(normalize(" ".join(text.split()))).strip(_QUOTES + " ")

    return key(a) == key(b)
