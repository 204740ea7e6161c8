"""The self-review pass: analyse, fix what rules can fix, ask the model for the rest, keep
only what scores better, and hand back a `ReviewResult` the writer can undo piece by piece.

Events, in order: PhaseStarted(REVIEW, 0, 0, "checks"), then per model revision
PhaseStarted(REVIEW, i, n, heading) and Notice("review.revision_kept" / "review.revision_rejected"),
then ReviewReady(result) and finally ArticleReady(result.article). Revised text is never
yielded as TextDelta (consumers append those to the draft). Stop (the CancelToken) ends the
pass at once: the best version so far is returned, with `result.stopped` set — a review
never fails an article the writer already has.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any

from app.core.analysis.language import language_share
from app.core.analysis.report import Report, Status
from app.core.cancel import CancelToken
from app.core.errors import Cancelled, PlumeError
from app.core.generation.events import (
    ArticleReady,
    Event,
    Failed,
    Metrics,
    Notice,
    Phase,
    PhaseStarted,
    ReviewReady,
)
from app.core.models import Article
from app.core.review import document as doc
from app.core.review import fixers
from app.core.review.fixes import Fix, apply_fix, get_field, merge
from app.core.review.problems import Problem, plan_revisions
from app.core.review.result import Rejected, ReviewResult
from app.core.review.revision import Revision, RevisionRequest, SectionReviser
from app.core.review.terms import covered, with_terms
from app.core.review.toc import fix_table_of_contents
from app.core.textutil import count_words

logger = logging.getLogger(__name__)
Analyze = Callable[[Article], Report]

# A rule fixer runs only when one of these checks is not good (None: its own test decides).
_GATES: dict[Callable[[Article], Fix | None], tuple[str, ...] | None] = {
    fixers.fix_h1: None,
    fixers.fix_slug: ("keyphrase_in_slug", "url_length"),
    fixers.fix_intro_keyword: ("keyphrase_in_introduction", "keyphrase_in_first_10_percent"),
    fixers.fix_subheadings: ("keyphrase_in_subheadings",),
    fixers.fix_title: ("keyphrase_in_title", "title_width"),
    fixers.fix_meta_description: ("meta_description_length", "keyphrase_in_meta_description"),
    fix_table_of_contents: ("table_of_contents",),
}


@dataclass(frozen=True, slots=True)
class ReviewLimits:
    max_rounds: int = 2                 # model passes over the article
    max_sections_per_round: int = 4
    token_budget: int = 8000            # output tokens the model may spend in all
    min_length_ratio: float = 0.6       # a revision shorter than this share of the section is refused
    max_length_ratio: float = 1.6


SMALL_MODEL_LIMITS = ReviewLimits(max_rounds=1, max_sections_per_round=2)
TINY_MODEL_LIMITS = ReviewLimits(max_rounds=0)   # the rule fixes only


def limits_for(info: Any) -> ReviewLimits | None:
    """A model under 2B rarely writes a revision that scores better: one round, two sections;
    under 0.5B none was ever kept (measured on Gemma 3 270M), so only the rules revise
    (`info`: its `ModelInfo`, or None when unknown: the default limits)."""
    if info is None or not info.is_small:
        return None
    return TINY_MODEL_LIMITS if info.is_tiny else SMALL_MODEL_LIMITS


def compare(old: Report, new: Report) -> int:
    """-1 worse, 0 same, 1 better. Worse = either score drops, or as many scores but fewer
    good checks / more bad ones."""
    if new.seo_score < old.seo_score or new.readability_score < old.readability_score:
        return -1
    if new.seo_score > old.seo_score or new.readability_score > old.readability_score:
        return 1
    tally_old, tally_new = _tally(old), _tally(new)
    return (tally_new > tally_old) - (tally_new < tally_old)


def _tally(report: Report) -> tuple[int, int]:
    """(good, -bad) over the checks that count in a score (the further SEO hints do not)."""
    checks = [c for c in report.checks if c.status is not Status.INFO and c.counted]
    return sum(c.status is Status.GOOD for c in checks), -sum(c.status is Status.BAD for c in checks)


# Checks a section revision can repair (the planner asks the model about these).
MODEL_REPAIRABLE = frozenset({
    "keyphrase_density", "paragraph_length", "subheading_distribution", "transition_words",
    "ai_cliches", "sentence_length", "passive_voice", "consecutive_sentences",
    "keyphrase_distribution", "related_keyphrases",
})


def _model_can_repair(old: Report, new: Report | None) -> bool:
    """Every check that got worse is one the model can repair, and something got better."""
    if new is None:
        return False
    better = 0
    for check in old.checks:
        after = new.by_id(check.id)
        if after is None or after.score == check.score:
            continue
        if after.score < check.score:
            if check.id not in MODEL_REPAIRABLE:
                return False
        else:
            better += 1
    return better > 0


def _default_analyzer(site_url: str | None, previous: tuple[str, ...] | None) -> Analyze:
    from app.core.analysis.analyzer import Analyzer

    analyzer = Analyzer()  # one per review: re-scoring after a small edit reuses its caches

    def run(article: Article) -> Report:
        return analyzer.analyze(article, site_url=site_url, previous_keyphrases=previous)
    return run


class SelfReview:
    """One review of one article; iterate `run()` for events (see module doc)."""

    def __init__(self, article: Article, *, reviser: SectionReviser | None = None,
                 cancel: CancelToken | None = None, limits: ReviewLimits | None = None,
                 site_url: str | None = None, previous_keyphrases: tuple[str, ...] | None = None,
                 analyze: Analyze | None = None, terms: tuple[str, ...] = ()) -> None:
        self.original = article
        self.terms = terms                 # topic terms: a missing one is asked for (review/terms.py)
        self.reviser = reviser
        self.cancel = cancel or CancelToken()
        self.limits = limits or ReviewLimits()
        self.analyze = analyze or _default_analyzer(site_url, previous_keyphrases)
        self.result: ReviewResult | None = None
        self._article = article
        self._report: Report | None = None
        self._fixes: list[Fix] = []
        self._rejected: list[Rejected] = []
        self._notices: list[tuple[str, dict[str, object]]] = []
        self._tokens = 0
        self._rounds = 0
        self._model_failed = False
        self._refusals: Counter[str] = Counter()   # why model revisions were refused
        self._pending: list[Callable[[Article], Fix | None]] = []  # rule fixes waiting for the model
        self._last_report: Report | None = None

    # ---- Public API

    def run(self) -> Iterator[Event]:
        yield PhaseStarted(Phase.REVIEW, 0, 0, "checks")
        try:
            before = self._report = self.analyze(self.original)
        except Exception:  # noqa: BLE001 - a review must never cost the writer the article
            logger.exception("self-review could not analyse the article")
            yield Notice("review.failed", {})
            yield ArticleReady(self.original)
            return
        stopped = False
        try:
            self._rule_fixes()
            if self.reviser is not None:
                try:
                    yield from self._model_rounds()
                finally:
                    self._retry_pending()
            self._typography()
        except Cancelled:
            stopped = True
        except Exception:  # noqa: BLE001 - keep the best version reached so far
            logger.exception("self-review stopped on an internal error")
            self._notice("review.failed")
            yield Notice("review.failed", {})
        after = self._report
        result = ReviewResult(self.original, self._article, self._fixes, before, after,
                              self._rejected, self._rounds, stopped, self._tokens,
                              list(self._notices))
        self.result = result
        yield ReviewReady(result)
        yield ArticleReady(result.article)

    # ---- Rule fixes

    def _try(self, fix: Fix, *, need_gain: bool) -> bool:
        """Apply `fix` if the article scores no worse (better, when `need_gain`). While rule
        fixes wait for the model (see `_pending`), revisions are also judged with them applied."""
        assert self._report is not None
        candidate = apply_fix(self._article, fix)
        report = self._last_report = self.analyze(candidate)
        verdict = compare(self._report, report)
        if need_gain and self._pending and verdict >= 0:
            verdict = compare(self._view(self._article)[1], self._view(candidate)[1])
        if verdict > 0 or (verdict == 0 and not need_gain):
            self._article, self._report = candidate, report
            self._fixes.append(fix)
            return True
        self._rejected.append(Rejected(
            fix, "score_worse" if verdict < 0 else "no_gain",
            (self._report.seo_score, report.seo_score),
            (self._report.readability_score, report.readability_score)))
        return False

    def _rule_fixes(self) -> None:
        assert self._report is not None
        for fixer, gate in _GATES.items():
            self.cancel.raise_if_cancelled()
            if gate is not None and not any(
                    (c := self._report.by_id(cid)) is not None and c.status in (Status.BAD, Status.OK)
                    for cid in gate):
                continue
            fix = fixer(self._article)
            if fix is None or self._try(fix, need_gain=False):
                continue
            if self.reviser is not None and _model_can_repair(self._report, self._last_report):
                # e.g. the keyphrase added to the introduction tips the density over 3 %:
                # the model is asked to repeat it less, then the fix is tried again.
                self._rejected.pop()
                self._pending.append(fixer)

    def _view(self, article: Article) -> tuple[Article, Report]:
        """The article as it would be with the waiting rule fixes, and its report."""
        for fixer in self._pending:
            fix = fixer(article)
            if fix is not None:
                article = apply_fix(article, fix)
        return article, self.analyze(article)

    def _retry_pending(self, *, final: bool = True) -> None:
        """Try the waiting rule fixes again; before the last round, failures keep waiting."""
        for fixer in list(self._pending):
            fix = fixer(self._article)
            if fix is None:
                self._pending.remove(fixer)
                continue
            kept = self._try(fix, need_gain=False)
            if kept or final:
                self._pending.remove(fixer)
            elif self._rejected:
                self._rejected.pop()

    def _typography(self) -> None:
        check = self._report.by_id("french_typography") if self._report else None
        if check is not None and check.status is Status.GOOD:
            return
        for fix in fixers.fix_typography(self._article):
            self.cancel.raise_if_cancelled()
            # Fixes are chained on the body: rebase each one on the current text.
            current = get_field(self._article, fix.field)
            rebased = Fix(fix.id, fix.code, fix.field, current,
                          merge(current, fix.before, fix.after), fix.section, fix.params)
            if rebased.after != current:
                self._try(rebased, need_gain=False)

    # ---- Model revisions

    def _model_rounds(self) -> Iterator[Event]:
        assert self.reviser is not None
        limits = self.limits
        failures: dict[int, int] = {}
        faq = fixers.faq_section(self._article)
        for round_no in range(1, limits.max_rounds + 1):
            skip = frozenset({i for i, n in failures.items() if n >= 2} | ({faq} if faq is not None else set()))
            assert self._report is not None
            seen, report = self._view(self._article) if self._pending else (self._article, self._report)
            plan = plan_revisions(seen, report, skip)[:limits.max_sections_per_round]
            if self.terms:
                plan = with_terms(plan, seen, self.terms, skip, limits.max_sections_per_round)
            if not plan:
                break
            self._rounds = round_no
            kept = 0
            for position, (index, problems) in enumerate(plan, 1):
                if self._model_failed:
                    return
                if self._refusals and max(self._refusals.values()) >= 2:
                    reason = self._refusals.most_common(1)[0][0]
                    self._notice("review.model_stopped", reason=reason)   # twice the same way
                    return
                if self._tokens >= limits.token_budget:
                    self._notice("review.budget_spent", tokens=self._tokens)
                    return
                self.cancel.raise_if_cancelled()
                section = doc.split(self._article.body)[index]
                yield PhaseStarted(Phase.REVIEW, position, len(plan), section.heading)
                ok = yield from self._revise(index, problems, round_no)
                kept += ok
                if not ok:
                    failures[index] = failures.get(index, 0) + 1
            self._retry_pending(final=False)
            if not kept:
                break

    def _revise(self, index: int, problems: list[Problem], round_no: int
                ) -> Generator[Event, None, bool]:
        section = doc.split(self._article.body)[index]
        head, text = _split_head(section)
        asks = list(problems)
        if index == 0 and self._article.keyword.strip():   # the introduction keeps its keyphrase
            asks.append(Problem("keyphrase_in_introduction", "keep_intro_keyphrase",
                                {"keyphrase": self._article.keyword}))
        request = RevisionRequest(self._article.keyword, self._article.language,
                                  self._article.title, index, section.heading, text, tuple(asks))
        revision: Revision | None = None
        try:
            for item in self.reviser.revise(request, self.cancel):  # type: ignore[union-attr]
                if isinstance(item, Revision):
                    revision = item
                elif isinstance(item, (Notice, Metrics)):
                    yield item
        except Cancelled:
            raise
        except PlumeError as exc:
            logger.info("review of section %s failed: %s", index, exc)
            self._model_failed = True  # server down, model missing…: no point asking again
            self._notice("review.revision_failed", section=index, error=exc.message)
            yield Notice("review.revision_failed", {"section": index, "error": exc.message})
            return False
        self.cancel.raise_if_cancelled()
        if revision is None:
            return False
        self._tokens += revision.output_tokens
        checks = sorted({p.check for p in problems})
        new_text = _reattach(head, revision.text, section.text)
        fix = Fix(f"revision-{index}-{round_no}", "review.section.revised", "body",
                  self._article.body, doc.replace_section(self._article.body, index, new_text),
                  section=index, params={"checks": checks, "heading": section.heading},
                  by_model=True)
        reason = self._refuse(request, revision.text)
        if reason:
            self._refusals[reason] += 1
            self._rejected.append(Rejected(fix, reason))
            kept = False
        else:
            lang = str(self._article.language)
            more_terms = bool(self.terms) and covered(fix.after, self.terms, lang) > covered(
                fix.before, self.terms, lang)
            kept = self._try(fix, need_gain=not more_terms)   # a term added: no worse is enough
        code = "review.revision_kept" if kept else "review.revision_rejected"
        yield Notice(code, {"section": index, "heading": section.heading, "checks": checks})
        return kept

    def _refuse(self, request: RevisionRequest, text: str) -> str:
        """Structural reasons to discard a revision before scoring it."""
        if not text.strip():
            return "empty"
        ratio = count_words(text) / max(1, request.words)
        if ratio < self.limits.min_length_ratio or ratio > self.limits.max_length_ratio:
            return "length_changed"
        if language_share(text, request.language) < 0.5 <= language_share(request.text,
                                                                               request.language):
            return "wrong_language"
        old = [h for h in doc.headings(request.text)]
        new = [h for h in doc.headings(text)]
        if any(level <= 2 for _, level, _ in new):
            return "headings_changed"
        if not {t for _, _, t in old} <= {t for _, _, t in new}:
            return "headings_changed"
        return ""

    def _notice(self, code: str, **params: object) -> None:
        self._notices.append((code, params))


def _split_head(section: doc.Section) -> tuple[str, str]:
    """(lines the model must not see or change, the rest): the H2 line, or the H1 line."""
    lines = section.text.split("\n")
    if section.index:
        return lines[0] + "\n", "\n".join(lines[1:])
    for n, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[:n + 1]) + "\n", "\n".join(lines[n + 1:])
    return "", section.text


def _reattach(head: str, revised: str, old_text: str) -> str:
    body = revised.strip("\n")
    trailing = old_text[len(old_text.rstrip("\n")):]
    joined = head + ("\n" if head else "") + body if body else head
    return joined + (trailing or "")


def review_article(article: Article, *, reviser: SectionReviser | None = None,
                   cancel: CancelToken | None = None, max_rounds: int = 2,
                   site_url: str | None = None, previous_keyphrases: tuple[str, ...] | None = None,
                   limits: ReviewLimits | None = None, analyze: Analyze | None = None,
                   terms: tuple[str, ...] = ()) -> Iterator[Event]:
    """Events of a self-review (see module doc); the last two are ReviewReady, ArticleReady."""
    limits = limits or ReviewLimits(max_rounds=max_rounds)
    return SelfReview(article, reviser=reviser, cancel=cancel, limits=limits, site_url=site_url,
                      previous_keyphrases=previous_keyphrases, analyze=analyze, terms=terms).run()


def run_review(article: Article, **options: object) -> ReviewResult:
    """Run a review to the end without looking at its events (batch, scripts)."""
    review = SelfReview(article, **options)  # type: ignore[arg-type]
    for _ in review.run():
        pass
    assert review.result is not None
    return review.result


def with_review(events: Iterator[Event], *, enabled: bool = True, reviser: SectionReviser | None = None,
                cancel: CancelToken | None = None, **options: object) -> Iterator[Event]:
    """Pass a generation run's events through, and review the article before it is handed
    over: the run's ArticleReady is replaced by the review's events (ending with ReviewReady
    and ArticleReady of the reviewed article). Failed runs and disabled reviews pass as-is.
    `limits` may be a callable, asked when the article is ready (the model is known then)."""
    try:
        for event in events:
            if enabled and isinstance(event, ArticleReady) and not (cancel and cancel.cancelled):
                limits = options.get("limits")
                if callable(limits):
                    options = {**options, "limits": limits()}
                yield from review_article(event.article, reviser=reviser, cancel=cancel,
                                          **options)  # type: ignore[arg-type]
            else:
                yield event
                if isinstance(event, Failed):
                    return
    finally:
        close = getattr(events, "close", None)
        if close is not None:
            close()  # closing the run closes its HTTP stream, so Ollama stops
