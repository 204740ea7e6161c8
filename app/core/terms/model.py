"""A topic term with its target count range, and the writer's own list read from a file.

A terms file has one term per line, optionally followed by its range:
    batterie lithium: 2-4
    autonomie, 3
    "moteur central"   (quoted: the exact phrase, as for the keyphrase)
Lines starting with '#' are comments. A JSON file ([{"term": …, "min": …, "max": …}]) works too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import InputError
from app.core.textutil import strip_control

MAX_TERMS = 60
MAX_TERM_CHARS = 60
WORDS_PER_USE = 200          # a term used at most about once per 200 words of the article
_LINE = re.compile(r"^(?P<term>.+?)\s*(?:[:,;\t]\s*(?P<low>\d{1,3})(?:\s*[-–]\s*(?P<high>\d{1,3}))?)?\s*$")


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    low: int = 1
    high: int = 3

    def scaled(self, cap: int) -> Term:
        """The range bounded by `cap` (see `length_cap`), never empty."""
        high = max(1, min(self.high, cap))
        return Term(self.text, max(1, min(self.low, high)), high)


def length_cap(words: int) -> int:
    """The most uses of one term an article of `words` words should have."""
    return max(2, round(words / WORDS_PER_USE))


def parse_terms(text: str, *, source: str = "the terms list") -> list[Term]:
    """Terms from a text list or JSON; InputError (with the line) for what cannot be read."""
    stripped = text.strip()
    if stripped.startswith("["):
        return _from_json(stripped, source)
    terms: dict[str, Term] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = strip_control(line).strip()
        if not line or line.startswith("#"):
            continue
        m = _LINE.match(line)
        if not m:
            raise InputError(f"{source}, line {number}: cannot read '{line[:60]}'.",
                             hint="Write one term per line, optionally followed by ': 2-4'.")
        term = _term(m.group("term"), m.group("low"), m.group("high"), f"{source}, line {number}")
        terms.setdefault(term.text.lower(), term)
    return _checked(list(terms.values()), source)


def read_terms_file(path: Path) -> list[Term]:
    if not path.is_file():
        raise InputError(f"No such terms file: {path}.",
                         hint="Give a text file with one term per line.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read {path}: {exc}.", hint="Save it as UTF-8 text.") from None
    return parse_terms(text, source=str(path))


def _term(text: str, low: str | None, high: str | None, where: str) -> Term:
    text = " ".join(text.split()).strip(" ,;:")
    if not text or len(text) > MAX_TERM_CHARS:
        raise InputError(f"{where}: a term must have 1 to {MAX_TERM_CHARS} characters.")
    lo = int(low) if low else 1
    hi = int(high) if high else (lo if low else 3)
    if lo < 0 or hi < max(lo, 1):
        raise InputError(f"{where}: the range {lo}-{hi} is empty.", hint="Write it as 2-4.")
    return Term(text, lo, hi)


def _from_json(text: str, source: str) -> list[Term]:
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source} is not valid JSON ({exc.msg}, line {exc.lineno}).") from None
    terms = []
    for i, item in enumerate(data if isinstance(data, list) else [], 1):
        if isinstance(item, str):
            item = {"term": item}
        if not isinstance(item, dict):
            raise InputError(f"{source}, item {i}: expected {{\"term\": …, \"min\": …, \"max\": …}}.")
        low, high = item.get("min"), item.get("max")
        terms.append(_term(str(item.get("term") or ""), str(low) if low is not None else None,
                           str(high) if high is not None else None, f"{source}, item {i}"))
    return _checked(terms, source)


def _checked(terms: list[Term], source: str) -> list[Term]:
    if not terms:
        raise InputError(f"{source} has no terms.", hint="Write one term per line.")
    if len(terms) > MAX_TERMS:
        raise InputError(f"{source} has {len(terms)} terms; at most {MAX_TERMS}.")
    return terms
