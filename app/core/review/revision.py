"""The contract between the review loop and whatever rewrites a section (the model, a test)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from app.core.cancel import CancelToken
from app.core.generation.events import Event
from app.core.models import Language
from app.core.review.problems import Problem
from app.core.textutil import count_words


@dataclass(frozen=True, slots=True)
class RevisionRequest:
    keyword: str
    language: Language
    title: str
    section: int                      # 0 = introduction
    heading: str                      # the H2 the section keeps ("" for the introduction)
    text: str                         # the section's Markdown without its H2 / H1 line
    problems: tuple[Problem, ...]

    @property
    def words(self) -> int:
        return count_words(self.text)


@dataclass(frozen=True, slots=True)
class Revision:
    text: str                         # the revised section, same shape as RevisionRequest.text
    output_tokens: int = 0


class SectionReviser(Protocol):
    """Rewrites one section. Yields progress events (never TextDelta: revised text must not
    be appended to a draft) and ends with exactly one `Revision`, or raises `Cancelled` /
    a `PlumeError`. Must stop promptly when `cancel` is set."""

    def revise(self, request: RevisionRequest, cancel: CancelToken | None
               ) -> Iterator[Event | Revision]: ...
