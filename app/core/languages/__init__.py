"""Article languages as data: one registry of language packs.

A pack is a folder with a `pack.json` manifest (`resources/languages/<code>/pack.json`, or a
folder listed in `$PLUME_LANGUAGE_PACKS`) that points at the language's prompts, word lists
and messages, and names the stemmer, syllable counter and readability formula it uses
(`methods.py`). Code asks the pack (`pack("fr").typography.quotes`); it never branches on a
language code. An unknown code is an `InputError`, never English.

    manifest.py   LanguagePack and its parts, read from pack.json
    registry.py   where packs are found; lookup by code or alias
    methods.py    the named implementations: stemmers, reading ease, plural rules (the
                  syllable counters are in app/core/analysis/syllables.py)
"""

from app.core.languages.manifest import LanguagePack, Method, Typography
from app.core.languages.registry import codes, faq_headings, find, labels, pack, packs

__all__ = ["LanguagePack", "Method", "Typography", "codes", "faq_headings", "find", "labels",
           "pack", "packs"]
