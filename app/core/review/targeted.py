"""One check, one section: "Ask the model" from the score panel.

The model revises only the section the check points at (its first span, else the first
section the planner picks for that check), with only that check's problem as the request.
The revision is kept only if the article scores better (the self-review's own rule:
`SelfReview._try(need_gain=True)`); otherwise it comes back as rejected and the text is
unchanged. The result is a `ReviewResult`, so the review dialog shows its diff.
"""

from __future__ import annotations

from app.core.analysis.report import Report
from app.core.cancel import CancelToken
from app.core.models import Article
from app.core.review import document as doc
from app.core.review.problems import Problem, plan_revisions
from app.core.review.result import ReviewResult
from app.core.review.review import MODEL_REPAIRABLE, Analyze, ReviewLimits, SelfReview
from app.core.review.revision import SectionReviser

ASKABLE_CHECKS = MODEL_REPAIRABLE


def revise_for_check(article: Article, check_id: str, reviser: SectionReviser, *,
                     cancel: CancelToken | None = None, analyze: Analyze | None = None,
                     site_url: str | None = None) -> ReviewResult:
    review = SelfReview(article, reviser=reviser, cancel=cancel, site_url=site_url,
                        analyze=analyze, limits=ReviewLimits(max_rounds=1,
                                                             max_sections_per_round=1))
    before = review.analyze(article)
    review._report = before
    target = _target(article, before, check_id)
    if target is not None:
        index, problems = target
        steps = review._revise(index, problems, 1)
        try:
            while True:
                next(steps)
        except StopIteration:
            pass
    return ReviewResult(article, review._article, review._fixes, before,
                        review._report or before, review._rejected,
                        rounds=1 if target else 0, stopped=review.cancel.cancelled,
                        output_tokens=review._tokens, notices=list(review._notices))


def _target(article: Article, report: Report, check_id: str
            ) -> tuple[int, list[Problem]] | None:
    plan = [(i, [p for p in problems if p.check == check_id])
            for i, problems in plan_revisions(article, report)]
    plan = [(i, problems) for i, problems in plan if problems]
    if not plan:
        return None
    check = report.by_id(check_id)
    spans = [s for s in (check.spans if check else ()) if s.field == "body"]
    if spans:
        wanted = doc.section_of_offset(article.body, spans[0].start)
        for index, problems in plan:
            if index == wanted:
                return index, problems
    return plan[0]


__all__ = ["ASKABLE_CHECKS", "revise_for_check"]
