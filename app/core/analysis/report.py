"""The structured result of analysing an article (scores, checks, spans, snippet).

Messages are codes with parameters; their French and English texts live in
`app.core.analysis.messages` so the UI, CLI and exports word them the same way.
Spans are character offsets into the analysed text of the named field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    GOOD = "good"
    OK = "ok"
    BAD = "bad"
    INFO = "info"


class Group(StrEnum):
    SEO = "seo"
    READABILITY = "readability"
    LINT = "lint"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    field: str = "body"     # "body" | "title" | "meta_description" | "slug"


@dataclass(frozen=True, slots=True)
class CheckResult:
    id: str                                  # stable, e.g. "keyphrase_in_introduction"
    group: Group
    status: Status
    score: int                               # Yoast-style per-check score (9 good, 6 ok, 3 bad…)
    code: str                                # message code, e.g. "keyphrase_in_introduction.bad"
    params: dict[str, Any] = field(default_factory=dict)
    spans: tuple[Span, ...] = ()
    counted: bool = True                     # part of its group's score (Yoast's arithmetic)


@dataclass(frozen=True, slots=True)
class Snippet:
    title: str                 # as shown (truncated with … when too wide)
    title_px: float
    title_truncated: bool
    description: str
    description_px: float
    description_truncated: bool
    url: str


@dataclass(frozen=True, slots=True)
class Report:
    language: str
    seo_score: int                           # 0–100
    seo_status: Status
    readability_score: int                   # 0–100 (Yoast-style points turned into a percentage)
    readability_status: Status
    flesch: float                            # reading ease, 0–100
    words: int
    sentences: int
    reading_minutes: float
    checks: tuple[CheckResult, ...]
    snippet: Snippet | None = None

    def by_id(self, check_id: str) -> CheckResult | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def group(self, group: Group) -> tuple[CheckResult, ...]:
        return tuple(c for c in self.checks if c.group is group)
