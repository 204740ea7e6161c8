"""Connects the generation controller to the widgets: brief → outline → streamed text.

Slots here gather input and render results; the pipeline itself is in core and the
run bookkeeping in `GenerationController`. Errors go to `present_error` only, never
into the editor; a stopped or failed run keeps every character already shown.
Stop during the self-review keeps the best version reached: the draft with the fixes
kept so far replaces the text as one undo step, unless the writer has typed since Stop.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from app.core.errors import InputError
from app.core.generation.events import Metrics, Phase, PhaseStarted, SectionDone
from app.core.models import Article, Brief, Plan
from app.ui.controllers.generation_controller import GenerationController, GenerationState, RunKind
from app.ui.controllers.views import (
    BriefView,
    OutlineView,
    StatusView,
    StreamingEditor,
    ThinkingView,
)
from app.ui.dialogs.write_choice import WriteChoice, ask_write_choice
from app.ui.errors import present_error

logger = logging.getLogger(__name__)
_SPACES = re.compile(r"\s+")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def resume_point(text: str, plan: Plan, open_section: int | None,
                 faq_missing: bool = False) -> tuple[int, int] | None:
    """Where Write continues in `text`: (outline index, offset from which the text is
    written again), or None when every section is there. `open_section` is the section a
    stopped run was writing (it is written again from its heading; 0 = the introduction).
    With `faq_missing`, a text with every section continues with the FAQ (index n + 1)."""
    found: dict[int, int] = {}
    offset = 0
    wanted = {_norm(s.heading): i for i, s in enumerate(plan.outline, start=1)}
    for line in text.split("\n"):
        match = _HEADING.match(line)
        if match and len(match.group(1)) >= 2:
            index = wanted.get(_norm(match.group(2)))
            if index is not None:
                found.setdefault(index, offset)
        offset += len(line) + 1
    last = max(found, default=0)
    if open_section is not None and open_section == last and (last == 0 or last in found):
        return last, found.get(last, 0)
    if last >= len(plan.outline):
        return (len(plan.outline) + 1, len(text)) if faq_missing else None
    return last + 1, len(text)


class WritingFlow(QObject):
    @property
    def _outline(self) -> OutlineView:
        return self._outline_getter()

    # ---- Signals
    busy_changed = Signal(bool)
    article_generated = Signal(object)     # final Article of a full run
    plan_received = Signal()
    review_available = Signal(object)      # ReviewResult of the run's self-review

    def __init__(
        self,
        window: QWidget,
        controller: GenerationController,
        brief: BriefView,
        outline: OutlineView | Callable[[], OutlineView],
        editor: StreamingEditor,
        thinking: ThinkingView,
        status: StatusView,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.controller = controller
        self._brief = brief
        # The window builds its outline editor on first use: it may pass a getter.
        self._outline_getter: Callable[[], OutlineView] = (
            outline if callable(outline) else (lambda: outline))
        self._editor = editor
        self._thinking = thinking
        self._status = status
        self._section = None            # section id of the text being streamed
        self._open_section: int | None = None   # streamed, not finished (kept after Stop)
        self._chain: tuple[Brief, Plan, int, int] | None = None  # Continue: next, first
        self._extending = False
        self.last_article: Article | None = None
        self.last_review: Any = None
        self._stopped_review_text: str | None = None   # editor text when Stop hit the review
        self._done_notice: str | None = None          # status text for this run's Done
        self._then_write = False        # one-click article: Write follows the outline
        c = controller
        c.run_started.connect(self._on_run_started)
        c.review_stopped.connect(self._on_review_stopped)
        c.plan_ready.connect(self._on_plan_ready)
        c.phase_started.connect(self._on_phase_started)
        c.text_received.connect(self._on_text)
        c.thinking_received.connect(self._on_thinking)
        c.section_done.connect(self._on_section_done)
        c.metrics_updated.connect(self._on_metrics)
        c.article_ready.connect(self._on_article_ready)
        c.review_ready.connect(self._on_review_ready)
        c.generation_failed.connect(self._on_failed)
        c.generation_stopped.connect(self._on_stopped)
        c.run_finished.connect(self._on_run_finished)
        c.state_changed.connect(self._on_state_changed)

    # ---- Public API (action slots)

    def show_article_text(self, article: Article) -> None:
        """Replace the text with `article.body` as one undo step (e.g. after the review)."""
        cursor = QTextCursor(self._editor.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(article.body.strip("\n") + "\n")
        cursor.endEditBlock()
        self._show_fields(article)

    def _show_fields(self, article: Article) -> None:
        """Title, meta description and slug of a reviewed article (the review may fix them)."""
        self._outline.title.setEditText(article.title)
        self._outline.meta.setText(article.meta_description)
        self._outline.slug.setText(article.slug)

    def write_article(self, *, stop_at_outline: bool = False) -> None:
        """One click: the outline, then (unless `stop_at_outline`) the article and, when
        Settings › Self-review is on, its review: the same runs as Outline then Write."""
        self.generate_outline()
        self._then_write = self.controller.busy and not stop_at_outline

    def generate_outline(self) -> None:
        self._then_write = False
        try:
            brief = self._brief.brief()
        except InputError as exc:
            present_error(self._window, exc)
            self._brief.keyword.setFocus()
            return
        self._thinking.clear()
        self.last_review = None
        self.controller.plan(brief)

    def write(self) -> None:
        inputs = self._inputs()
        if inputs is None:
            return
        brief, plan = inputs
        text = self._editor.toPlainText()
        if text.strip():
            resume = resume_point(text, plan, self._open_section,
                                  faq_missing=self._wants_faq(brief, text))
            index = resume[0] if resume else None
            in_outline = index is not None and 0 < index <= len(plan.outline)
            heading = plan.outline[index - 1].heading if in_outline else ""
            choice = ask_write_choice(self._window, index, heading,
                                      faq=index == len(plan.outline) + 1)
            if choice is WriteChoice.CANCEL:
                return
            if choice is WriteChoice.CONTINUE and resume is not None:
                self._thinking.clear()
                self._chain = (brief, plan, resume[0], resume[0])
                self._write_next_section(cut=resume[1])
                return
        self._chain = None
        self._thinking.clear()
        if text:
            cursor = QTextCursor(self._editor.document())
            cursor.beginEditBlock()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.removeSelectedText()   # one undo step: Ctrl+Z brings the old text back
            cursor.endEditBlock()
        self._section = None
        self._extending = False
        self._editor.begin_stream()
        self.controller.write(brief, plan)
        if not self.controller.busy:      # did not start (e.g. no model): editable again
            self._editor.end_stream()

    def regenerate_section(self) -> None:
        self._section_run(extend=False)

    def extend_section(self) -> None:
        self._section_run(extend=True)

    def stop(self) -> None:
        self._chain = None
        self._then_write = False
        self.controller.stop()

    # ---- Private: starting runs

    def _checked_plan(self) -> Plan:
        plan = self._outline.plan()
        if not plan.outline:
            raise InputError(
                self.tr("There is no outline yet."),
                hint=self.tr("Generate an outline (Ctrl+Shift+O) or add sections by hand."),
            )
        return plan

    def _inputs(self) -> tuple[Brief, Plan] | None:
        """The brief and the outline, or None after showing what is missing."""
        try:
            return self._brief.brief(), self._checked_plan()
        except InputError as exc:
            present_error(self._window, exc)
            return None

    def _write_next_section(self, cut: int | None = None) -> None:
        """One step of Continue: write the chain's next section (after the outline: the
        FAQ, if the brief wants one) at the end of the text; the first step replaces the
        text from `cut`, as the same undo step."""
        if self._chain is None or self.controller.busy:
            return
        brief, plan, index, _first = self._chain
        text = self._editor.toPlainText()
        faq = index > len(plan.outline)
        if faq and not self._wants_faq(brief, text[:cut]):
            self._chain_done()
            return
        self._section = None
        self._extending = False
        if cut is not None and cut < len(text):
            self._editor.begin_stream(position=cut, replace_to=len(text))
            text = text[:cut]
        else:
            self._editor.begin_stream()
        if faq:
            self.controller.write_faq(brief, plan)
        else:
            self.controller.write_section(brief, plan, index, text)
        if not self.controller.busy:
            self._chain = None
            self._editor.end_stream()

    @staticmethod
    def _wants_faq(brief: Brief, text: str) -> bool:
        from app.core.export.structure import extract_faq

        return bool(brief.options.faq) and not extract_faq(text)

    def _chain_done(self) -> None:
        assert self._chain is not None
        _brief, plan, _index, first = self._chain
        self._chain = None
        self._status.set_phase(self.tr("Continued: sections {0} to {1} written").format(
            first, len(plan.outline)))

    def _section_run(self, *, extend: bool) -> None:
        inputs = self._inputs()
        if inputs is None:
            return
        self._chain = None
        brief, plan = inputs
        bounds = self._editor.section_bounds(self._editor.textCursor().position())
        if bounds is None:
            present_error(self._window, InputError(
                self.tr("The cursor is not inside a section."),
                hint=self.tr("Click in a section (under a ## heading), then try again.")))
            return
        start, end, heading = bounds
        index = self._outline_index(plan, heading, start)
        text = self._editor.toPlainText()
        section_text = text[start:end].rstrip("\n")
        self._thinking.clear()
        self._section = None
        self._extending = extend
        if extend:
            self._editor.begin_stream(position=start + len(section_text), prefix="\n\n")
        else:
            self._editor.begin_stream(position=start, replace_to=start + len(section_text))
        self.controller.write_section(
            brief, plan, index, text[:start], extend_text=section_text if extend else None)
        if not self.controller.busy:
            self._editor.end_stream()

    def _outline_index(self, plan: Plan, heading: str, start: int) -> int:
        """1-based index of `heading` in the outline (by text, else by position)."""
        for i, section in enumerate(plan.outline, start=1):
            if _norm(section.heading) == _norm(heading):
                return i
        before = self._editor.toPlainText()[:start]
        ordinal = sum(1 for line in before.split("\n") if line.startswith(("## ", "### ")))
        return min(ordinal + 1, len(plan.outline))

    # ---- Private: controller signals

    def _on_state_changed(self, state: str) -> None:
        busy = state in (GenerationState.PLANNING, GenerationState.WRITING)
        self._brief.set_busy(busy)
        self._outline.set_busy(busy)
        notice = self._done_notice if state == GenerationState.DONE else None
        self._status.set_phase(notice or state)
        if not busy:
            self._status.set_tokens_per_second(0.0)
        self.busy_changed.emit(busy)

    def _on_plan_ready(self, plan: Plan) -> None:
        self._outline.set_plan(plan)
        self.plan_received.emit()

    def _on_phase_started(self, event: PhaseStarted) -> None:
        self._thinking.start_block()
        if event.phase in (Phase.SECTION, Phase.FAQ, Phase.REVIEW, Phase.LOAD, Phase.ASSEMBLE):
            self._status.set_phase(event.phase.value, event.index, event.total)

    def _on_text(self, section: int, text: str) -> None:
        if not self._editor.streaming:
            return
        if self._section is not None and section != self._section and not self._extending:
            self._editor.next_block()     # each section is its own undo step
        if section != self._section:
            self._open_section = section
        self._section = section
        self._editor.append_stream(text)

    def _on_thinking(self, text: str) -> None:
        self._thinking.append_thinking(text)

    def _on_section_done(self, event: SectionDone) -> None:
        self._open_section = None
        if self._editor.streaming and not self._extending and event.markdown.strip():
            self._editor.finish_block(event.markdown)
        elif self._editor.streaming:
            self._editor.finish_block(None)

    def _on_metrics(self, metrics: Metrics) -> None:
        self._status.set_tokens_per_second(metrics.tokens_per_second)

    def _on_run_started(self, _kind: str) -> None:
        self._stopped_review_text = None
        self._done_notice = None

    def _on_review_stopped(self) -> None:
        self._stopped_review_text = self._editor.toPlainText()
        self._status.set_phase(self.tr("Review stopped: keeping the fixes made so far…"))

    def _on_article_ready(self, article: Article) -> None:
        self.last_article = article
        if self.controller.run_kind is not RunKind.WRITE:
            return
        if self._stopped_review_text is not None and not self._stopped_review_ready(article):
            return
        body = article.body.strip("\n")
        differs = bool(body) and body != self._editor.toPlainText().strip("\n")
        if differs and self._editor.edited_during_stream:
            # The writer edited while it was written: their text stays; the final
            # version's differences (e.g. the self-review's fixes) are in Review changes….
            reviewed = self.last_review is not None and self.last_review.article == article
            self._done_notice = (self.tr(
                "Written. Your edits made during writing are kept; Review changes… shows "
                "the self-review's fixes") if reviewed else self.tr(
                "Written. Your edits made during writing are kept"))     # shown at Done
        elif differs:
            # The assembled/reviewed article differs (e.g. self-review fixes): one undo step.
            cursor = QTextCursor(self._editor.document())
            cursor.beginEditBlock()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(body + "\n")
            cursor.endEditBlock()
        plan = self._outline.plan()
        if self.last_review is not None and self.last_review.article == article:
            self._show_fields(article)       # the self-review's title/meta/slug fixes
        if not plan.title and article.title:
            self._outline.title.setEditText(article.title)
        if not plan.meta_description and article.meta_description:
            self._outline.meta.setText(article.meta_description)
        self.article_generated.emit(article)

    def _stopped_review_ready(self, article: Article) -> bool:
        """The best version of a stopped review arrived: say so; False if the writer has
        typed since Stop (their text stays; "Review changes…" can still apply the fixes)."""
        edited = self._editor.toPlainText() != self._stopped_review_text
        self._stopped_review_text = None
        review = self.last_review
        kept = len(review.fixes) if review is not None and review.article == article else 0
        if edited:
            self._status.set_phase(self.tr(
                "Review stopped: your edits are kept; Review changes… shows the {0} fix(es) "
                "kept").format(kept))
            return False
        if kept:
            self._status.set_phase(self.tr(
                "Review stopped: draft kept with the {0} fix(es) made so far "
                "(Ctrl+Z: the draft as written)").format(kept))
        else:
            self._status.set_phase(self.tr("Review stopped: the draft is kept as written"))
        return True

    def _on_review_ready(self, result: Any) -> None:
        """The self-review ran: its article arrives next (one undo step); offer the diff."""
        self.last_review = result
        self.review_available.emit(result)

    def _on_failed(self, error: Any, _partial: object) -> None:
        self._chain = None
        self._then_write = False
        self._release_editor()         # writable at once, like after Stop (text kept)
        present_error(self._window, error)

    def _on_stopped(self) -> None:
        self._chain = None
        self._release_editor()

    def _on_run_finished(self) -> None:
        self._release_editor()
        if self._then_write:
            self._then_write = False
            if (self.controller.run_kind is RunKind.PLAN
                    and self.controller.state is GenerationState.OUTLINE_REVIEW):
                QTimer.singleShot(0, self.write)     # after this run's signals
            return
        chain = self._chain
        if chain is None or self.controller.state is not GenerationState.DONE:
            self._chain = None
            return
        brief, plan, index, first = chain
        if index <= len(plan.outline):
            self._chain = (brief, plan, index + 1, first)
            QTimer.singleShot(0, self._write_next_section)   # after this run's signals
            return
        self._chain_done()

    def _release_editor(self) -> None:
        """The run no longer writes: the editor is the writer's again (idempotent)."""
        self._editor.end_stream()
        self._thinking.finish()
