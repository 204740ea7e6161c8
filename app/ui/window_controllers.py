"""The window's writing controllers: generation, the writing flow (outline, write, review)
and export, built on first use (their imports cost start-up time), and what the window
shows on their signals (autosave of the stream, the self-review's outcome, export notices).

    controllers = WritingControllers(window)     # app/ui/main_window.py
    controllers.built(); controllers.generation; controllers.open_review()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from app.ui.controllers.export_controller import ExportController
    from app.ui.controllers.generation_controller import GenerationController
    from app.ui.controllers.run_notes import RunNotes
    from app.ui.controllers.writing_flow import WritingFlow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class WritingControllers:
    def __init__(self, window: Any) -> None:     # the MainWindow
        self._window = window
        self.generation: GenerationController | None = None
        self.flow: WritingFlow | None = None
        self.exporter: ExportController | None = None
        self.run_notes: RunNotes | None = None

    def build(self) -> None:
        """Build them (once) and connect them to the window."""
        if self.generation is not None:
            return
        from app.ui.controllers.export_controller import ExportController
        from app.ui.controllers.generation_controller import GenerationController
        from app.ui.controllers.run_notes import RunNotes
        from app.ui.controllers.writing_flow import WritingFlow

        w = self._window
        generation = GenerationController(w.make_generator, w)
        # Every word on disk before the editor shows it (connected first: slots run in order).
        generation.text_received.connect(self._journal_text)
        flow = WritingFlow(w, generation, w.brief_panel, lambda: w.outline_editor,
                           w.editor, w.thinking, w.status)
        exporter = ExportController(w, w.current_article, w.ui_state, w.export_options)
        exporter.exported.connect(self._on_exported)
        exporter.copied.connect(self._on_copied)
        flow.busy_changed.connect(w.update_actions)
        flow.plan_received.connect(w.focus_outline)
        flow.article_generated.connect(w.keep_generated)
        flow.review_available.connect(self._on_review_available)
        generation.run_finished.connect(w.analysis.analyze_now)
        generation.section_done.connect(self._on_section_written)
        generation.run_finished.connect(self._on_run_finished)
        generation.run_started.connect(lambda _kind: w.score_panel.hold_checks(True))
        generation.run_finished.connect(lambda: w.score_panel.hold_checks(False))
        generation.run_started.connect(self._on_run_started)
        self.generation, self.flow, self.exporter = generation, flow, exporter
        self.run_notes = RunNotes(generation, w.message_bar, w)
        w.editing.generation_built(generation)

    def open_review(self) -> None:
        """Show what the self-review changed; the writer keeps or undoes each fix."""
        self.build()
        assert self.flow is not None
        result = self.flow.last_review
        if result is None:
            return
        from app.ui.dialogs.review_dialog import ReviewDialog

        dialog = ReviewDialog(result, self._window)
        dialog.article_chosen.connect(self.flow.show_article_text)
        dialog.open()

    # ---- Private: the stream reaches the recovery copy

    def _journal_text(self, _section: int, text: str) -> None:
        if self._window.autosave is not None:
            self._window.autosave.streamed(text)

    def _on_run_started(self, _kind: str) -> None:
        """A new run starts: errors from earlier attempts are no longer current."""
        w = self._window
        if w.message_bar.last is not None:
            w.message_bar.dismiss()
        if w.autosave is not None:
            w.autosave.stream_started()

    def _on_run_finished(self) -> None:
        if self._window.autosave is not None:
            self._window.autosave.stream_finished()

    def _on_section_written(self, _done: object) -> None:
        if self._window.autosave is not None:
            self._window.autosave.section_written()

    # ---- Private: notices

    def _on_exported(self, path: str) -> None:
        self._window.status.showMessage(_tr("Exported to {0}").format(path), 6000)

    def _on_copied(self, kind: str) -> None:
        text = _tr("HTML copied to the clipboard") if kind == "html" else _tr(
            "Markdown copied to the clipboard")
        self._window.status.showMessage(text, 4000)

    def _on_review_available(self, result: Any) -> None:
        w = self._window
        fixes = len(getattr(result, "fixes", ()))
        before, after = result.before.seo_score, result.after.seo_score
        if getattr(result, "stopped", False):
            w.message_bar.show_info(
                _tr("Self-review stopped: {0} fix(es) kept so far, SEO {1} → {2}").format(
                    fixes, before, after),
                _tr("Review changes… shows them; undo any you don't want."),
                _tr("Review changes…"), self.open_review)
            return
        if not fixes:
            w.message_bar.show_info(
                _tr("Self-review: the draft is kept as written (SEO {0}).").format(after))
            return
        if w.editor.edited_during_stream:   # the writer's own edits win over the fixes
            w.message_bar.show_info(
                _tr("Self-review: {0} fix(es) found, SEO {1} → {2}; not applied, to keep "
                    "your edits").format(fixes, before, after),
                _tr("Review changes… shows them (applying replaces the text; Ctrl+Z "
                    "undoes it)."),
                _tr("Review changes…"), self.open_review)
            return
        from app.core.review.messages import review_summary
        from app.ui.locale import ui_language

        # what changed, not how many: "Split 2 long paragraphs; … — SEO 46 → 62"
        title = _tr("Self-review: {0}").format(review_summary(result, ui_language()))
        w.message_bar.show_info(title, _tr("Ctrl+Z returns to the draft as written."),
                                _tr("Review changes…"), self.open_review)
