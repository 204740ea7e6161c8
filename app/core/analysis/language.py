"""Which language a text is written in: the one language guesser.

A text votes for each installed language pack whose frequent words it uses — the words of
the pack's `function_words.txt` that no other pack lists (`lexicon(lang).drift_words`). Used
by the generation flow (a section drifting out of its language), the self-review, the
language-drift lint, and the readers of Markdown and HTML articles without a language.
"""

from __future__ import annotations

import unicodedata

from app.core.analysis.lexicon import lexicon
from app.core.analysis.text import fold, words
from app.core.models import Language


def language_votes(text: str) -> dict[Language, int]:
    """How many words of `text` are typical of each language (first 20,000 characters)."""
    sample = [fold(w) for _, _, w in words(text[:20000])]
    votes: dict[Language, int] = {}
    for language in Language:
        typical = lexicon(language.value).drift_words
        votes[language] = sum(w in typical for w in sample)
    return votes


def language_share(text: str, language: Language) -> float:
    """Share of the language-typical words of `text` that belong to `language` (1.0 if none);
    0.0 for a text written mostly in another script (Japanese in a French article)."""
    if latin_share(text) < 0.5:
        return 0.0
    votes = language_votes(text)
    total = sum(votes.values())
    return votes[language] / total if total else 1.0


def latin_share(text: str) -> float:
    """Share of the letters of `text` that are Latin (1.0 for a text without letters)."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return 1.0
    latin = sum(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in letters)
    return latin / len(letters)


def guess_language(text: str, default: Language = Language.EN) -> Language:
    """The language with the most votes (`default` when none leads)."""
    ranked = sorted(language_votes(text).items(), key=lambda item: -item[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top > second else default
