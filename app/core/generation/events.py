"""Typed events the generation pipeline yields; the CLI, the GUI and batch consume them.

A run yields, in order: PhaseStarted(PLAN) … PlanReady, then per section
PhaseStarted(SECTION, i, n), ThinkingDelta*, TextDelta*, Metrics, SectionDone,
then the FAQ the same way, and finally ArticleReady — or Failed at any point
(with the partial article so nothing written is lost). Cancellation ends the
run with Failed(error=Cancelled(...)).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.core.errors import PlumeError
from app.core.models import Article, Plan


class Phase(StrEnum):
    LOAD = "load"          # model loading (cold start)
    PLAN = "plan"          # title, meta, slug, outline (JSON schema)
    SECTION = "section"    # one outline section streamed
    FAQ = "faq"            # question/answer pairs
    REVIEW = "review"      # self-review pass
    ASSEMBLE = "assemble"  # invariants, final Markdown


@dataclass(frozen=True, slots=True)
class PhaseStarted:
    phase: Phase
    index: int = 0         # 1-based section index for SECTION, else 0
    total: int = 0
    label: str = ""        # e.g. the section heading


@dataclass(frozen=True, slots=True)
class PlanReady:
    plan: Plan


@dataclass(frozen=True, slots=True)
class TextDelta:
    section: int           # 1-based section index; 0 for intro/H1, -1 for FAQ
    text: str


@dataclass(frozen=True, slots=True)
class ThinkingDelta:
    text: str


@dataclass(frozen=True, slots=True)
class SectionDone:
    section: int
    heading: str
    markdown: str          # the section's final Markdown, heading included


@dataclass(frozen=True, slots=True)
class Metrics:
    output_tokens: int
    prompt_tokens: int
    seconds: float
    tokens_per_second: float
    done_reason: str = ""


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the writer should know that is not an error (codes, not sentences)."""

    code: str                              # e.g. "keyword_missing_in_intro"
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ArticleReady:
    article: Article


@dataclass(frozen=True, slots=True)
class Failed:
    error: PlumeError
    partial: Article | None = None


@dataclass(frozen=True, slots=True)
class ReviewReady:
    """The self-review's outcome, yielded just before the reviewed ArticleReady.
    `result` is an `app.core.review.ReviewResult` (fixes, before/after reports, undo)."""

    result: Any


Event = PhaseStarted | PlanReady | TextDelta | ThinkingDelta | SectionDone | Metrics | Notice | ArticleReady | Failed | ReviewReady
