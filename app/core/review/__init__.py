"""Self-review: after the draft, Plume scores the article, fixes what rules can fix, asks the
model to rework only the sections that still fail, keeps only what scores better, and lets
the writer undo any fix. Qt-free; used by the CLI, the GUI and batch.

    from app.core.review import review_article, with_review, ModelSectionReviser
    for event in review_article(article, reviser=ModelSectionReviser(service, model)):
        ...  # PhaseStarted(REVIEW…), Notice…, ReviewReady(result), ArticleReady(article)
"""

from app.core.review.fixes import Fix
from app.core.review.problems import Problem
from app.core.review.result import Rejected, ReviewResult, SectionDiff, good_share
from app.core.review.review import (
    ReviewLimits,
    SelfReview,
    compare,
    review_article,
    run_review,
    with_review,
)
from app.core.review.revision import Revision, RevisionRequest, SectionReviser

__all__ = [
    "Fix", "Problem", "Rejected", "ReviewLimits", "ReviewResult", "Revision", "RevisionRequest",
    "SectionDiff", "SectionReviser", "SelfReview", "compare", "good_share", "review_article",
    "run_review", "with_review",
]
