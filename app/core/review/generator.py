"""An ArticleGenerator whose full runs end with the self-review: a one-line switch for callers.

    generator = ReviewingGenerator(ArticleGenerator(service, model, ...),
                                   enabled=settings.self_review)
    for event in generator.write(brief, plan, cancel): ...   # … ReviewReady, ArticleReady

`generate()` and `write()` are reviewed (with the same model, thinking and context window as
the draft); `plan()`, `write_section()` and every attribute pass through unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.core.cancel import CancelToken
from app.core.generation.events import Event
from app.core.models import Brief, Plan
from app.core.review.model_reviser import ModelSectionReviser
from app.core.review.review import ReviewLimits, limits_for, with_review


class ReviewingGenerator:
    def __init__(self, generator: Any, *, enabled: bool = True, site_url: str | None = None,
                 previous_keyphrases: tuple[str, ...] | None = None, limits: ReviewLimits | None = None,
                 reviser: Any = None) -> None:
        self.generator = generator
        self.enabled = enabled
        self.site_url = site_url
        self.previous_keyphrases = previous_keyphrases
        self.limits = limits
        self.reviser = reviser or ModelSectionReviser.for_generator(generator)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.generator, name)

    def generate(self, brief: Brief, cancel: CancelToken | None = None) -> Iterator[Event]:
        return self._reviewed(self.generator.generate(brief, cancel), cancel, brief.terms)

    def write(self, brief: Brief, plan: Plan, cancel: CancelToken | None = None) -> Iterator[Event]:
        return self._reviewed(self.generator.write(brief, plan, cancel), cancel, brief.terms)

    def _reviewed(self, events: Iterator[Event], cancel: CancelToken | None,
                  terms: tuple[str, ...] = ()) -> Iterator[Event]:
        return with_review(events, enabled=self.enabled, reviser=self.reviser, cancel=cancel,
                           site_url=self.site_url, previous_keyphrases=self.previous_keyphrases,
                           terms=terms,
                           limits=self.limits or self._limits_for_model)   # the model is known then

    def _limits_for_model(self) -> ReviewLimits | None:
        return limits_for(getattr(self.generator, "info", None))
