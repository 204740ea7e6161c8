"""The data every layer shares: a brief, its plan, and the article it becomes.

An `Article` is the unit that generation produces, analysis scores, export writes,
the store saves and the editor shows. Its `body` is Markdown that starts with the
single `# H1` line; the FAQ, when present, is also in `body` as a section (so the
writer can edit it) and mirrored in `faq` for structured data (JSON-LD).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, ClassVar


class _LanguageType(type):
    def __iter__(cls) -> Iterator[Language]:
        """Every installed language (`for lang in Language`), in code order."""
        from app.core.languages import codes

        return iter([Language(code) for code in codes()])


class Language(str, metaclass=_LanguageType):
    """An article language: the code of an installed language pack ("fr", "en", …).

    `Language("French")`, `Language("fr-FR")` and `Language.parse("fr")` all give `Language.FR`
    (one instance per code); a language with no pack is an InputError, never English.
    """

    __slots__ = ()
    _instances: ClassVar[dict[str, Language]] = {}
    FR: ClassVar[Language]
    EN: ClassVar[Language]

    def __new__(cls, value: str | Language) -> Language:
        found = cls._instances.get(value) if isinstance(value, str) else None
        if found is not None:
            return found
        from app.core.languages import pack

        code = pack(str(value)).code
        return cls._instances.get(code) or cls._make(code)

    @classmethod
    def _make(cls, code: str) -> Language:
        made = cls._instances[code] = str.__new__(cls, code)
        return made

    @classmethod
    def parse(cls, value: str | Language) -> Language:
        return cls(value)

    @property
    def value(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Language({self.value!r})"

    def __reduce__(self) -> tuple[type[Language], tuple[str]]:
        return Language, (self.value,)


Language.FR = Language._make("fr")
Language.EN = Language._make("en")


# The article lengths Plume accepts anywhere (brief, settings, CLI, keyword lists).
TARGET_WORDS_MIN, TARGET_WORDS_MAX = 300, 10_000


class Tone(StrEnum):
    NEUTRAL = "neutral"
    FRIENDLY = "friendly"
    PROFESSIONAL = "professional"
    EXPERT = "expert"
    PERSUASIVE = "persuasive"


class PointOfView(StrEnum):
    FIRST_SINGULAR = "first_singular"   # je / I
    FIRST_PLURAL = "first_plural"       # nous / we
    SECOND = "second"                   # vous / you
    THIRD = "third"                     # impersonal


@dataclass(frozen=True, slots=True)
class BriefOptions:
    faq: bool = True
    key_takeaways: bool = False
    conclusion: bool = True
    lists_and_tables: bool = True


@dataclass(frozen=True, slots=True)
class Brief:
    keyword: str
    language: Language = Language.EN
    secondary_keywords: tuple[str, ...] = ()
    audience: str = ""
    tone: Tone = Tone.NEUTRAL
    point_of_view: PointOfView = PointOfView.SECOND
    target_words: int = 1200
    options: BriefOptions = field(default_factory=BriefOptions)
    instructions: str = ""
    terms: tuple[str, ...] = ()        # topic terms to cover (app/core/terms), placed per section

    def with_(self, **changes: Any) -> Brief:
        return replace(self, **changes)


@dataclass(slots=True)
class OutlineSection:
    heading: str
    level: int = 2                    # 2 = H2, 3 = H3
    words: int = 200                  # target words for this section
    notes: str = ""                   # key points the model should cover


@dataclass(slots=True)
class Plan:
    title: str                        # SEO title (<title>), ~60 characters
    meta_description: str             # 120–156 characters
    slug: str                         # lowercase ASCII with hyphens
    h1: str                           # on-page headline
    outline: list[OutlineSection] = field(default_factory=list)
    title_candidates: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FaqItem:
    question: str
    answer: str


@dataclass(slots=True)
class Article:
    keyword: str
    language: Language
    title: str
    meta_description: str
    slug: str
    body: str                                           # Markdown, starts with "# H1"
    secondary_keywords: tuple[str, ...] = ()
    faq: list[FaqItem] = field(default_factory=list)
    created: _dt.datetime = field(default_factory=lambda: _dt.datetime.now(_dt.UTC))
    model: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # front-matter fields kept as-is

    @property
    def h1(self) -> str:
        for line in self.body.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
        return ""
