"""A language pack as read from its `pack.json` (paths are relative to that file's folder).

    {"code": "fr", "name": "French", "native_name": "Français", "aliases": ["french"],
     "prompts": "../../prompts/fr", "analysis": "../../analysis/fr",
     "messages": "../../messages/fr", "checks": "checks.json",
     "stemmer": {"name": "snowball", "algorithm": "french", "passes": 2},
     "syllables": {"name": "french"},
     "readability": {"name": "flesch", "base": 207.0, "per_sentence": 1.015, "per_syllable": 73.6},
     "plural": "zero_and_one", "words_per_minute": 195, "tokens_per_word": 1.8,
     "words": {...}, "typography": {...}, "dates": {...}, "texts": {...}, "review": {...}}

Only `code`, `name`, `prompts`, `analysis` and `messages` are required; every other key has a
neutral default (no elisions, plain quotes, the generic methods), so a pack can be data only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from app.core.errors import InputError

_CODE = re.compile(r"^[a-z]{2,3}$")


# Records are NamedTuples, not frozen dataclasses: a dataclass generates and compiles its
# methods when the module is imported (~13 M instructions for LanguagePack alone), and this
# module loads before the window's first frame.


class Method(NamedTuple):
    """A named implementation (`methods.py`) and the data it works from."""

    name: str
    params: dict[str, Any] = {}       # never mutated (shared default)

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


class Typography(NamedTuple):
    quotes: tuple[str, str] = ("\u201c", "\u201d")        # around a quoted phrase, spaces included
    decimal_separator: str = "."
    space_before: dict[str, str] = {}                    # sign -> space put before it
    title_separator: str = ": "                          # "Keyword: rest of the title"
    lint: str = ""                                       # a typography check by name ("french")

    def apply(self, text: str) -> str:
        """`text` with the language's spaces before signs and inside quotes (« x »)."""
        for sign, space in self.space_before.items():
            text = text.replace(f" {sign}", f"{space}{sign}")
        open_q, close_q = self.quotes
        if open_q.endswith(" ") and close_q.startswith(" "):
            text = text.replace(open_q, open_q.rstrip() + "\u00a0")
            text = text.replace(close_q, "\u00a0" + close_q.lstrip())
        return text

    def quote(self, phrase: str) -> str:
        return f"{self.quotes[0]}{phrase}{self.quotes[1]}"


class LanguagePack(NamedTuple):
    code: str
    name: str                       # in English ("French")
    native_name: str                # as its writers say it ("Français")
    root: Path                      # the folder of pack.json
    prompts_dir: Path               # *.txt templates and labels.json
    analysis_dir: Path              # word lists (resources/analysis/README.md)
    messages_dir: Path              # notices.json
    checks_file: Path | None        # check titles and advice; None = not translated
    aliases: tuple[str, ...] = ()
    stemmer: Method = Method("suffixes")
    syllables: Method = Method("vowel_groups")
    readability: Method = Method("flesch")
    plural: str = "one"             # "one": only 1 is singular; "zero_and_one": 0 and 1
    words_per_minute: int = 220
    tokens_per_word: float = 1.8
    elisions: frozenset[str] = frozenset()       # "l" of "l'eau": dropped before matching
    possessives: tuple[str, ...] = ()            # "'s", "s'": dropped before matching
    participle_pattern: str = ""                 # regular past participles (regex)
    participle_inflections: tuple[str, ...] = () # derived from irregular participles (fr: e, es)
    intent_neutral: frozenset[str] = frozenset() # "best", "guide": no change of search intent
    faq_headings: tuple[str, ...] = ()           # other names of an FAQ section than the label
    typography: Typography = Typography()
    locale: str = ""                             # og:locale, e.g. fr_FR
    months: tuple[str, ...] = ()
    date_format: str = "{year}-{month:02d}-{day:02d}"   # {day} {month_name} {year} …
    texts: dict[str, str] = {}                            # short texts: "untitled" …
    review: dict[str, Any] = {}                           # self-review data (review/fixers.py)

    def text(self, key: str) -> str:
        try:
            return self.texts[key]
        except KeyError:
            raise InputError(f"The '{self.code}' language pack has no text '{key}'.",
                             hint=f"Add \"{key}\" to \"texts\" in {self.root / 'pack.json'}.") from None

    def format_date(self, year: int, month: int, day: int) -> str:
        month_name = self.months[month - 1] if len(self.months) == 12 else str(month)
        return self.date_format.format(year=year, month=month, day=day, month_name=month_name)


def _method(value: Any, default: str) -> Method:
    if value is None:
        return Method(default)
    if isinstance(value, str):
        return Method(value)
    params = dict(value)
    return Method(str(params.pop("name", default)), params)


def _dir(root: Path, data: dict[str, Any], key: str) -> Path:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise InputError(f"Language pack {root / 'pack.json'} has no \"{key}\" folder.",
                         hint=f"Add \"{key}\": \"<folder relative to pack.json>\".")
    path = (root / value).resolve()
    if not path.is_dir():
        raise InputError(f"Language pack {root / 'pack.json'}: \"{key}\" points at {path}, "
                         "which is not a folder.", hint="Fix the path (relative to pack.json).")
    return path


def read_manifest(path: Path) -> LanguagePack:
    """The pack described by `path` (a pack.json); InputError saying what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"Cannot read language pack {path}: {exc}",
                         hint="A pack.json must be a JSON object.") from None
    if not isinstance(data, dict):
        raise InputError(f"Language pack {path} is not a JSON object.", hint="Start it with {.")
    root = path.parent
    code = str(data.get("code", "")).strip().lower()
    if not _CODE.match(code):
        raise InputError(f"Language pack {path} has no valid \"code\" ('{code}').",
                         hint="Use the two- or three-letter ISO 639 code, e.g. \"es\".")
    words = data.get("words") or {}
    typo = data.get("typography") or {}
    dates = data.get("dates") or {}
    checks = data.get("checks")
    quotes = typo.get("quotes") or ["\u201c", "\u201d"]
    return LanguagePack(
        code=code,
        name=str(data.get("name") or code),
        native_name=str(data.get("native_name") or data.get("name") or code),
        root=root,
        prompts_dir=_dir(root, data, "prompts"),
        analysis_dir=_dir(root, data, "analysis"),
        messages_dir=_dir(root, data, "messages"),
        checks_file=(root / checks).resolve() if checks else None,
        aliases=tuple(str(a).lower() for a in data.get("aliases", ())),
        stemmer=_method(data.get("stemmer"), "suffixes"),
        syllables=_method(data.get("syllables"), "vowel_groups"),
        readability=_method(data.get("readability"), "flesch"),
        plural=str(data.get("plural", "one")),
        words_per_minute=int(data.get("words_per_minute", 220)),
        tokens_per_word=float(data.get("tokens_per_word", 1.8)),
        elisions=frozenset(words.get("elisions", ())),
        possessives=tuple(words.get("possessives", ())),
        participle_pattern=str(words.get("participle_pattern", "")),
        participle_inflections=tuple(words.get("participle_inflections", ())),
        intent_neutral=frozenset(words.get("intent_neutral", ())),
        faq_headings=tuple(str(h) for h in words.get("faq_headings", ())),
        typography=Typography(
            quotes=(str(quotes[0]), str(quotes[1])),
            decimal_separator=str(typo.get("decimal_separator", ".")),
            space_before={str(k): str(v) for k, v in (typo.get("space_before") or {}).items()},
            title_separator=str(typo.get("title_separator", ": ")),
            lint=str(typo.get("lint", "")),
        ),
        locale=str(data.get("locale", "")),
        months=tuple(dates.get("months", ())),
        date_format=str(dates.get("format", "{year}-{month:02d}-{day:02d}")),
        texts={str(k): str(v) for k, v in (data.get("texts") or {}).items()},
        review=dict(data.get("review") or {}),
    )
