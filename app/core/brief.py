"""What a writer asks for: the brief (keyword, language, tone, length, options), and the
article languages. Split from app/core/models.py, which re-exports it, so the window's first
frame (brief panel, settings) loads these without the article types' dataclasses.
"""

from __future__ import annotations

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
