"""Word forms through the Snowball stemmers (French, English), cached per word."""

from __future__ import annotations

import threading
from functools import cache

import snowballstemmer

from app.core.analysis.text import fold

_cache: dict[tuple[str, str], str] = {}
_lock = threading.Lock()
_local = threading.local()   # Snowball stemmer objects keep state: one per thread


@cache
def _algorithm(lang: str) -> str:
    return "french" if lang == "fr" else "english"


def _stemmer(lang: str) -> snowballstemmer.stemmer:
    table = getattr(_local, "stemmers", None)
    if table is None:
        table = _local.stemmers = {}
    st = table.get(lang)
    if st is None:
        st = table[lang] = snowballstemmer.stemmer(_algorithm(lang))
    return st


def stem_key(word: str, lang: str) -> str:
    """'jardins' and 'jardin' share a key; accents folded after stemming."""
    key = (word, lang)
    found = _cache.get(key)
    if found is None:
        if len(word) > 2:
            stemmer = _stemmer(lang)
            stem = stemmer.stemWord(word)
            if lang == "fr":          # French Snowball leaves "potagers" -> "potager": stem again
                stem = stemmer.stemWord(stem)
            found = fold(stem)
        else:
            found = fold(word)
        with _lock:
            _cache[key] = found
    return found
