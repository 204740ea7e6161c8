"""The self-review as batch calls it: one article in, the reviewed article (and its record) out.

`review_for_batch` matches `app.core.batch.article.ReviewFn`
(article, brief, service, model, cancel) → Article. `review_with_summary` also returns the
JSON-ready record (`ReviewResult.summary()`: seo/readability before and after, share of good
checks, fixes) for the job database and the seo_before/seo_after/readability_before/
readability_after columns of index.csv.
"""

from __future__ import annotations

from typing import Any

from app.core.cancel import CancelToken
from app.core.errors import PlumeError
from app.core.models import Article, Brief
from app.core.review.model_reviser import ModelSectionReviser
from app.core.review.review import ReviewLimits, limits_for, run_review

SUMMARY_COLUMNS = ("seo_before", "seo_after", "readability_before", "readability_after")


def review_with_summary(article: Article, brief: Brief | None, service: Any, model: str,
                        cancel: CancelToken | None, *, site_url: str | None = None,
                        think: bool | str | None = None, num_ctx: int | None = None,
                        limits: ReviewLimits | None = None) -> tuple[Article, dict[str, Any]]:
    """Review one batch article with its own model. A review never fails an article: Stop
    keeps the best version reached, a model error keeps the rule fixes."""
    reviser = ModelSectionReviser(service, model, think=think, num_ctx=num_ctx)
    if limits is None:
        try:
            limits = limits_for(service.show(model))
        except PlumeError:
            limits = None
    result = run_review(article, reviser=reviser, cancel=cancel, site_url=site_url or None,
                        limits=limits)
    reviewed = result.article
    reviewed.slug = article.slug      # batch file names are fixed when the job is created
    return reviewed, result.summary()


def review_for_batch(article: Article, brief: Brief | None, service: Any, model: str,
                     cancel: CancelToken) -> Article:
    return review_with_summary(article, brief, service, model, cancel)[0]
