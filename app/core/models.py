"""The data every layer shares: a brief, its plan, and the article it becomes.

An `Article` is the unit that generation produces, analysis scores, export writes,
the store saves and the editor shows. Its `body` is Markdown that starts with the
single `# H1` line; the FAQ, when present, is also in `body` as a section (so the
writer can edit it) and mirrored in `faq` for structured data (JSON-LD).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from app.core.brief import (
    TARGET_WORDS_MAX,
    TARGET_WORDS_MIN,
    Brief,
    BriefOptions,
    Language,
    PointOfView,
    Tone,
)

__all__ = ["TARGET_WORDS_MAX", "TARGET_WORDS_MIN", "Article", "Brief", "BriefOptions", "FaqItem",
           "Language", "OutlineSection", "Plan", "PointOfView", "Tone"]


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
