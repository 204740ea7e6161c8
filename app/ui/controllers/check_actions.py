"""What the score panel's per-check buttons do: Fix, Ask the model, Review again.

    actions = CheckActions(panel, editor, article=window.current_article,
                           outline=lambda: window.outline_editor,
                           make_reviser=…,   # GUI thread → a builder run in the background
                           show_review=…)
    analysis.report_ready.connect(actions.on_report)

- **Fix** applies the check's rule fixes (`app.core.review.fixers.fixes_for_check`): the
  text change is one undo step that touches only what the fix changes; title, description
  and slug go to their fields. The next report says what changed and the scores.
- **Ask the model** revises only the section the check concerns, in the background
  (`app.core.review.targeted.revise_for_check`); the review dialog shows the diff, and the
  revision is there only if the article scores better.
- **Review again** runs the whole self-review on the text as it is now, with the topic
  terms of the Terms panel (a missing one is asked for where it fits).
A model's answer is merged into the current text, so what the writer typed meanwhile stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.core.cancel import CancelToken
from app.core.models import Article
from app.ui.workers.task_runner import run_in_background

if TYPE_CHECKING:
    from app.core.analysis.report import Report
    from app.core.review.fixes import Fix
    from app.ui.editor.article_editor import ArticleEditor
    from app.ui.panels.score_panel import ScorePanel

logger = logging.getLogger(__name__)


class CheckActions(QObject):
    # ---- Signals
    fixed = Signal(str)              # check id whose rule fix was applied
    model_result = Signal(object)    # ReviewResult of "Ask the model" / "Review again"
    busy_changed = Signal(bool)

    def __init__(self, panel: ScorePanel, editor: ArticleEditor, *,
                 article: Callable[[], Article], outline: Callable[[], Any],
                 make_reviser: Callable[[], Callable[[], Any]] | None = None,
                 show_review: Callable[[Any], None] | None = None,
                 language: Callable[[], str] = lambda: "en",
                 has_model: Callable[[], bool] = lambda: True,
                 terms: Callable[[], tuple[str, ...]] = tuple,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel, self.editor = panel, editor
        self._article, self._outline = article, outline
        self._make_reviser, self._show_review = make_reviser, show_review
        self._language = language
        self._pending: tuple[list[Fix], Report] | None = None
        self._cancel: CancelToken | None = None
        self._has_model = has_model
        self._terms = terms
        self._can_ask: bool | None = None
        self._update_model_actions()
        panel.fix_requested.connect(self.fix)
        panel.ask_model_requested.connect(self.ask_model)
        panel.review_again_requested.connect(self.review_again)

    # ---- Public API

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def fix(self, check_id: str) -> bool:
        """Apply the rule fix of one check; False when there was nothing to fix."""
        from app.core.review.fixers import fixes_for_check
        from app.core.review.fixes import apply_fix

        if self.editor.streaming:
            self.panel.show_change(self.tr("Fixes wait until the model has finished writing."))
            return False
        article = self._article()
        fixes = fixes_for_check(article, check_id)
        if not fixes:
            self.panel.show_change(self.tr("Nothing Plume can fix by rule here right now."))
            return False
        fixed = article
        for fix in fixes:
            fixed = apply_fix(fixed, fix)
        before = self.panel.report
        self.apply_article(fixed, base=article)
        self._pending = (fixes, before) if before is not None else None
        self.fixed.emit(check_id)
        return True

    def ask_model(self, check_id: str) -> None:
        from app.core.review.targeted import revise_for_check

        article = self._article()
        self._run(lambda reviser, cancel: revise_for_check(article, check_id, reviser,
                                                           cancel=cancel),
                  self.tr("Asking the model to revise the part this check concerns…"))

    def review_again(self) -> None:
        from app.core.review.review import run_review

        article, terms = self._article(), self._terms()
        self._run(lambda reviser, cancel: run_review(article, reviser=reviser, cancel=cancel,
                                                     terms=terms),
                  self.tr("Reviewing the article again…"))

    def stop(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def apply_article(self, article: Article, base: Article | None = None) -> None:
        """Show `article`: the body as one undo step (merged into what the writer typed since
        `base` was read), then title, description and slug in their fields."""
        body = article.body
        if base is not None and base.body != self.editor.toPlainText():
            from app.core.review.fixes import merge

            body = merge(self.editor.toPlainText(), base.body, article.body)
        self.editor.clear_highlights()
        self.editor.apply_text(body)
        current = base or self._article()
        fields = {name: getattr(article, name) for name in ("title", "meta_description", "slug")
                  if getattr(article, name) != getattr(current, name)}
        if fields:
            self._outline().set_fields(**fields)

    def on_report(self, report: Report) -> None:
        """A new report: say what the last fix changed, with the scores."""
        self._update_model_actions()
        if self._pending is None:
            return
        from app.core.review.messages import change_summary

        fixes, before = self._pending
        self._pending = None
        self.panel.show_change(change_summary(
            fixes, (before.seo_score, report.seo_score,
                    before.readability_score, report.readability_score), self._language()))

    # ---- Private

    def _update_model_actions(self) -> None:
        """"Ask the model" and "Review again" only when a model is chosen."""
        from app.core.review.fixers import FIXABLE_CHECKS, UNFIXABLE_CODES
        from app.core.review.targeted import ASKABLE_CHECKS

        can = self._make_reviser is not None and self._has_model()
        if can == self._can_ask:
            return
        self._can_ask = can
        self.panel.set_check_actions(FIXABLE_CHECKS, ASKABLE_CHECKS - FIXABLE_CHECKS,
                                     can_ask=can, unfixable_codes=UNFIXABLE_CODES)
        self.panel.set_review_again(can)

    def _run(self, work: Callable[[Any, CancelToken], Any], waiting: str) -> None:
        if self._make_reviser is None:
            return
        if self.editor.streaming:
            self.panel.show_change(self.tr("The model is writing; ask again when it is done."))
            return
        if self._cancel is not None:
            self.panel.show_change(self.tr("The model is still working on the last request."))
            return
        try:
            make = self._make_reviser()   # on the GUI thread: reads the picker, settings
        except Exception as exc:  # noqa: BLE001 - InputError "No model is selected"…
            self._on_failed(exc)
            return
        cancel = self._cancel = CancelToken()
        self.panel.show_change(waiting)
        self.busy_changed.emit(True)
        run_in_background(lambda: work(make(), cancel), self._on_done, self._on_failed,
                          owner=self)

    def _on_done(self, result: Any) -> None:
        self._cancel = None
        self.busy_changed.emit(False)
        from app.core.review.messages import review_summary

        if self._article().keyword != result.original.keyword:
            return          # another article was opened meanwhile: this answer is not for it

        if result.fixes:
            self.panel.show_change(review_summary(result, self._language()))
        elif result.rejected:
            self.panel.show_change(self.tr(
                "The model's rewrite did not score better: your text is unchanged."))
        else:
            self.panel.show_change(self.tr("Nothing to revise for this check right now."))
        self.model_result.emit(result)
        if self._show_review is not None and result.fixes:
            self._show_review(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._cancel = None
        self.busy_changed.emit(False)
        logger.info("check action failed: %r", exc)
        message = getattr(exc, "message", "") or str(exc) or type(exc).__name__
        self.panel.show_change(self.tr("The model could not help: {0}").format(message))


__all__ = ["CheckActions"]
