"""What a usable main keyword is: one cleaner and one length limit for every entry point.

`plume generate`, the Brief panel, batch lists and the prompts all read a keyword through
this module, so a keyword accepted anywhere reaches the model whole (the prompts never cut it).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.core.errors import InputError

MAX_KEYWORD_CHARS = 120   # a search query, not a sentence; the prompts quote it whole

# Also used for the other fields of a keyword list (app.core.batch.keywords).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
HTML_OR_SCRIPT = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|javascript:", re.IGNORECASE)
_HINT = 'Type the search query the article should rank for, e.g. "vélo électrique".'


class KeywordProblem(NamedTuple):  # not a dataclass: no code generated at start-up
    code: str          # stable: empty_keyword, keyword_too_long, html, no_letters, control_chars
    message: str       # English, says what to do
    error: bool        # False: the keyword was fixed (control characters removed) and can run


def normalize_keyword(text: str) -> str:
    """Invisible and control characters removed, spaces collapsed: the keyword as meant."""
    return " ".join(CONTROL_CHARS.sub(" ", text or "").split())


def check_keyword(text: str) -> tuple[str, list[KeywordProblem]]:
    """(the normalised keyword, what is wrong with it); any `error` problem means refuse it."""
    value = normalize_keyword(text)
    problems: list[KeywordProblem] = []
    if CONTROL_CHARS.search(text or ""):
        problems.append(KeywordProblem("control_chars", "Invisible control characters were "
                                       "removed from the keyword.", error=False))
    if not value:
        problems.append(KeywordProblem("empty_keyword", "The keyword is empty.", error=True))
    elif len(value) > MAX_KEYWORD_CHARS:
        problems.append(KeywordProblem(
            "keyword_too_long", f"The keyword is {len(value):,} characters long; the limit is "
            f"{MAX_KEYWORD_CHARS}. Is a sentence or a whole column pasted here?", error=True))
    elif HTML_OR_SCRIPT.search(value):
        problems.append(KeywordProblem("html", "The keyword contains HTML or script; write "
                                       "plain text.", error=True))
    elif not any(c.isalnum() for c in value):
        problems.append(KeywordProblem("no_letters", "The keyword has no letters or digits.",
                                       error=True))
    return value, problems


def clean_keyword(text: str) -> str:
    """The normalised keyword; raises InputError (saying why) when it cannot be written about."""
    value, problems = check_keyword(text)
    for problem in problems:
        if problem.error:
            raise InputError(problem.message, hint=_HINT)
    return value
