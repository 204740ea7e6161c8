"""Word forms through the language pack's stemmer (Snowball for fr/en), cached per word."""

from __future__ import annotations

import threading

from app.core.analysis.text import fold
from app.core.languages import methods, pack

_cache: dict[tuple[str, str], str] = {}
_lock = threading.Lock()


def stem_key(word: str, lang: str) -> str:
    """'jardins' and 'jardin' share a key; accents folded after stemming."""
    key = (word, lang)
    found = _cache.get(key)
    if found is None:
        if len(word) > 2:
            found = fold(methods.stemmer(pack(lang))(word))   # the pack's stemmer, this thread's
        else:
            found = fold(word)
        with _lock:
            _cache[key] = found
    return found
