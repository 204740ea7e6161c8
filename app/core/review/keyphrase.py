"""The fixers' view of the keyphrase, over the analysis' one matcher.

Matching (content words in any order, word forms through the language pack's stemmer,
elisions) is `app/core/analysis/keyphrase.py`'s, so a fix places the keyphrase exactly where
the checks will look for it; every fix is then verified by a fresh analysis. Thread-safe:
the stemmers behind it are one per thread.
"""

from __future__ import annotations

import re

from app.core.analysis.keyphrase import match_text, parse_keyphrase
from app.core.analysis.lexicon import lexicon
from app.core.analysis.text import base_form, fold, words
from app.core.models import Language

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»)\u00a0\u202f]*\s+|\n+")


def function_words(language: Language) -> frozenset[str]:
    """The language's function words, folded ("à" -> "a")."""
    return lexicon(language.value).function_words


def content_stems(text: str, language: Language) -> list[str]:
    """Word-form keys of the content words of `text` (all words if it has none)."""
    return list(parse_keyphrase(text.strip("\"“”«»„ "), language.value).stems)


def contains(text: str, keyphrase: str, language: Language) -> bool:
    """True when every content word of `keyphrase` (any form, any order) is in `text`."""
    return match_text(parse_keyphrase(keyphrase, language.value), text, language.value).all_found


def share(text: str, keyphrase: str, language: Language) -> float:
    """Share of the keyphrase's content words found in `text`."""
    kp = parse_keyphrase(keyphrase, language.value)
    if not kp.size:
        return 0.0
    return match_text(kp, text, language.value).found / kp.size


def _folds(text: str, language: Language) -> list[str]:
    return [fold(base_form(w, language.value)) for _, _, w in words(text)]


def starts_with(text: str, keyphrase: str, language: Language) -> bool:
    """The exact phrase opens `text` (case, accents and elided articles ignored)."""
    key = _folds(keyphrase, language)
    return bool(key) and _folds(text, language)[: len(key)] == key


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]
