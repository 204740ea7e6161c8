"""Typed events the generation pipeline yields; the CLI, the GUI and batch consume them.

A run yields, in order: PhaseStarted(PLAN) … PlanReady, then per section
PhaseStarted(SECTION, i, n), ThinkingDelta*, TextDelta*, Metrics, SectionDone,
then the FAQ the same way, and finally ArticleReady — or Failed at any point
(with the partial article so nothing written is lost). Cancellation ends the
run with Failed(error=Cancelled(...)).

Details of ArticleGenerator's streams:
- The introduction is section 0: PhaseStarted(SECTION, 0, n), TextDelta(0, "# H1\n\n"),
  the intro text, SectionDone(0, "", "# H1\n\n<intro>"). Sections are 1..n, the FAQ is -1.
- Each section's first TextDelta is its heading line ("\n\n## Heading\n\n"); so the
  concatenation of all TextDelta texts is the draft as it was streamed.
- A PhaseStarted for a section already streamed (e.g. the intro asked again because the
  keyword was missing) means: drop that section's streamed text, it is being rewritten.
- SectionDone.markdown is authoritative for a section (cleaned: no repeated heading, no
  stray H1); ArticleReady.article.body is authoritative for the whole article.
- FaqReady(items) precedes the FAQ's SectionDone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.core.errors import PlumeError
from app.core.models import Article, FaqItem, Plan


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
    chars: int = 0                 # characters of answer generated (content, not thinking)
    wall_seconds: float = 0.0      # request sent → stream closed, as Plume waited for it
    step: str = ""                 # "plan", "section 2", "FAQ", "review"…


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the writer should know that is not an error (codes, not sentences)."""

    code: str                              # e.g. "keyword_missing_in_intro"
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FaqReady:
    faq: list[FaqItem]


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


Event = (PhaseStarted | PlanReady | TextDelta | ThinkingDelta | SectionDone | Metrics | Notice
         | ArticleReady | Failed | ReviewReady | FaqReady)
