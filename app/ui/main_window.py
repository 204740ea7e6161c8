"""The main window: composes panels, actions, menus, toolbar and status bar.

Logic lives in controllers (generation, analysis, export, writing flow) and core;
this class only builds the layout, wires signals and exposes the article:
`current_article()`, `article_changed`, `load_article(article)`.
"""

from __future__ import annotations

import datetime as _dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from app.core.models import Article, Brief, FaqItem, Plan
from app.ui import composition, menus
from app.ui.actions import Actions
from app.ui.controllers.analysis_controller import AnalysisController
from app.ui.ui_state import UiState
from app.ui.workers.task_runner import run_in_background, wait_for_background_tasks

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from app.ui.errors import ErrorText

logger = logging.getLogger(__name__)

WARM_UP_DELAY_MS = 150   # after the first frame: load engines while the writer reads the UI


class MainWindow(QMainWindow):
    # ---- Signals
    article_changed = Signal()          # brief, outline or text changed (for autosave)

    def __init__(
        self,
        settings: Any = None,
        *,
        ui_state: UiState | None = None,
        library: Any = None,
        settings_path: Any = None,
        connection_service_factory: Any = None,
        start_connection: bool = True,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else composition.default_settings()
        self.settings_path = settings_path
        self.ui_state = ui_state or UiState()
        self.library = library
        self._created = _dt.datetime.now(_dt.UTC)
        self._faq: list[FaqItem] = []
        self._model = ""
        self._unsaved = False   # changed since the last save, load or new article
        self.actions = Actions(self)

        # Widgets (built in composition.py so this file stays a table of contents)
        self.parts = composition.build_workspace(self)
        p = self.parts
        self.editor, self.preview, self.thinking = p.editor, p.preview, p.thinking
        self.brief_panel, self.score_panel = p.brief, p.scores
        self._outline_editor: Any = None   # built on first use (see outline_editor)
        p.outline_getter = self._get_outline
        self.message_bar, self.status = p.message_bar, p.status
        self.setStatusBar(self.status)
        self.setCentralWidget(p.central)
        self.toolbar = composition.build_toolbar(self)
        menus.build_menus(self)

        # Controllers (generation, writing flow, export: built on first use, see _controllers)
        self._generation: Any = None
        self._flow: Any = None
        self._exporter: Any = None
        self.analysis = AnalysisController(self.current_article, self._site_url, self)
        self._wire()
        from app.ui.editing_tools import EditingTools

        self.editing = EditingTools(self)   # find/replace, focus mode, sync, check actions
        composition.attach_connection(self, connection_service_factory, start_connection)
        composition.attach_library(self)
        composition.attach_batch(self)
        self._apply_settings_to_brief()
        self.retranslate_ui()
        self._update_actions()
        composition.restore_state(self)
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.timeout.connect(self._warm_up)
        self._warm_timer.start(WARM_UP_DELAY_MS)

    # ---- Public API: controllers (built on first use: their imports cost start-up time)

    @property
    def generation(self) -> Any:
        self._build_controllers()
        return self._generation

    @property
    def flow(self) -> Any:
        self._build_controllers()
        return self._flow

    @property
    def exporter(self) -> Any:
        self._build_controllers()
        return self._exporter

    def _build_controllers(self) -> None:
        if self._generation is not None:
            return
        from app.ui.controllers.export_controller import ExportController
        from app.ui.controllers.generation_controller import GenerationController
        from app.ui.controllers.run_notes import RunNotes
        from app.ui.controllers.writing_flow import WritingFlow

        self._generation = GenerationController(self.make_generator, self)
        self._flow = WritingFlow(self, self._generation, self.brief_panel, self._get_outline,
                                 self.editor, self.thinking, self.status)
        self._exporter = ExportController(self, self.current_article, self.ui_state,
                                          self._export_options)
        self._exporter.exported.connect(self._on_exported)
        self._exporter.copied.connect(self._on_copied)
        self._flow.busy_changed.connect(self._update_actions)
        self._flow.plan_received.connect(self._focus_outline)
        self._flow.article_generated.connect(self._on_article_generated)
        self._flow.review_available.connect(self._on_review_available)
        self._generation.run_finished.connect(self.analysis.analyze_now)
        self.run_notes = RunNotes(self._generation, self.message_bar, self)
        self.editing.generation_built(self._generation)

    def _flow_slot(self, name: str) -> Any:
        return lambda *_args: getattr(self.flow, name)()

    def _export_slot(self, name: str) -> Any:
        return lambda *_args: getattr(self.exporter, name)()

    # ---- Public API: the connection controller (built on first use, after the first frame)

    _connection: Any = None
    _connection_factory: Any = None
    _banner: Any = None
    _banner_factory: Any = None

    @property
    def connection(self) -> Any:
        if self._connection is None and self._connection_factory is not None:
            factory, self._connection_factory = self._connection_factory, None
            self._connection = factory()
        return self._connection

    @connection.setter
    def connection(self, value: Any) -> None:
        self._connection, self._connection_factory = value, None

    @property
    def connection_banner(self) -> Any:
        if self._banner is None and self._banner_factory is not None:
            factory, self._banner_factory = self._banner_factory, None
            self._banner = factory()
        return self._banner

    def set_connection_factories(self, connection: Any, banner: Any) -> None:
        self._connection, self._connection_factory = None, connection
        self._banner, self._banner_factory = None, banner

    # ---- Public API: the outline editor (built on first use: not needed for the first frame)

    @property
    def outline_editor(self) -> Any:
        if self._outline_editor is None:
            self._build_outline_editor()
        return self._outline_editor

    def _get_outline(self) -> Any:
        return self.outline_editor

    def _build_outline_editor(self) -> None:
        from app.ui.panels.outline_editor import OutlineEditor

        page = self.parts.outline_page
        editor = OutlineEditor(page)
        page.layout().addWidget(editor)
        editor.show()   # the page may already be on screen
        self._outline_editor = editor
        editor.plan_changed.connect(self._update_actions)
        editor.plan_changed.connect(self._on_meta_edited)
        self.editing.outline_built(editor)

    def _on_left_tab_changed(self, index: int) -> None:
        if self.parts.left_tabs.widget(index) is self.parts.outline_page:
            self._get_outline()

    # ---- Public API: the article

    def current_article(self) -> Article:
        """The article as the writer sees it now (brief + plan + editor text)."""
        brief = self.brief_panel.brief(strict=False)
        plan = self.outline_editor.plan()
        body = self.editor.toPlainText()
        h1 = next((ln[2:].strip() for ln in body.splitlines() if ln.startswith("# ")), "")
        extra: dict[str, Any] = {}
        if plan.h1 and plan.h1 != h1:
            extra["h1"] = plan.h1
        return Article(
            keyword=brief.keyword,
            language=brief.language,
            title=plan.title or h1,
            meta_description=plan.meta_description,
            slug=plan.slug,
            body=body,
            secondary_keywords=brief.secondary_keywords,
            faq=self._faq_for(body),
            created=self._created,
            model=self._model,
            extra=extra,
        )

    def load_article(self, article: Article) -> None:
        """Show a saved or recovered article (brief, plan fields and text)."""
        if self._generation is not None:
            self._generation.stop()
        brief = self.brief_panel.brief(strict=False).with_(
            keyword=article.keyword, language=article.language,
            secondary_keywords=article.secondary_keywords)
        self.brief_panel.set_brief(brief)
        from app.ui.composition import outline_from_body

        self.outline_editor.set_plan(Plan(
            title=article.title, meta_description=article.meta_description, slug=article.slug,
            h1=article.h1, outline=outline_from_body(article.body)))
        self._created = article.created
        self._faq = list(article.faq)
        self._model = article.model
        self.editor.set_markdown(article.body)
        self.score_panel.show_report(None)
        self.analysis.analyze_now()
        self.article_changed.emit()
        self._unsaved = False

    def has_unsaved_changes(self) -> bool:
        """Text or brief changed since the last save, and there is something to lose."""
        return self._unsaved and bool(self.editor.toPlainText().strip()
                                      or self.brief_panel.keyword.text().strip())

    def mark_saved(self) -> None:
        self._unsaved = False

    def request_new_article(self) -> None:
        """New (Ctrl+N): Save / Discard / Cancel first when the article has unsaved changes."""
        if self.settle_unsaved_changes():
            self.new_article()

    def settle_unsaved_changes(self, *, opening: bool = False) -> bool:
        """Before the text is replaced: ask Save / Discard / Cancel if it has unsaved
        changes; False when the writer cancels (or the save failed, error shown)."""
        if not self.has_unsaved_changes():
            return True
        from app.ui.dialogs.unsaved_changes import UnsavedChoice, ask_unsaved
        from app.ui.integration import save_to_library

        choice = ask_unsaved(self, can_save=self.library is not None, opening=opening)
        if choice is UnsavedChoice.CANCEL:
            return False
        if choice is UnsavedChoice.SAVE:
            return save_to_library(self)
        autosave = getattr(self, "autosave", None)
        if autosave is not None:
            autosave.discard_current()
        return True

    def new_article(self) -> None:
        if self._generation is not None:
            self._generation.stop()
        autosave = getattr(self, "autosave", None)
        if autosave is not None:
            autosave.flush()   # unsaved text stays recoverable; a new article never deletes it
            autosave.detach()
        self.brief_panel.set_brief(Brief(keyword="", language=self.settings.article_language,
                                         tone=self.settings.tone,
                                         target_words=self.settings.target_words))
        self.outline_editor.set_plan(Plan(title="", meta_description="", slug="", h1=""))
        self._created = _dt.datetime.now(_dt.UTC)
        self._faq = []
        self.editor.set_markdown("")
        self.thinking.clear()
        self.score_panel.show_report(None)
        self.message_bar.dismiss()
        self.brief_panel.keyword.setFocus()
        self.article_changed.emit()
        self._unsaved = False

    # ---- Public API: errors, model

    def show_error(self, text: ErrorText) -> None:
        """The one place errors appear (called by app.ui.errors.present_error)."""
        self.message_bar.show_error(text)

    def current_model(self) -> str:
        picker = getattr(self, "model_picker", None)
        name = picker.current_model() if picker is not None else ""
        return name or self.settings.default_model

    def make_generator(self) -> Any:
        """Build an ArticleGenerator. Runs on the generation worker thread."""
        return composition.make_generator(self)

    # ---- Qt overrides

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._text_kept_for_close():
            event.ignore()             # the writer chose to stay: nothing is stopped
            return
        self._warm_timer.stop()        # no background work may start after the close
        composition.save_state(self)
        if self._generation is not None:
            self._generation.shutdown()
        connection = self._connection   # never built just to be stopped
        if connection is not None:
            connection.stop()
        autosave = getattr(self, "autosave", None)
        if autosave is not None:
            try:
                autosave.flush()       # text streamed since the check above
            except Exception:  # noqa: BLE001 - the writer was asked already
                logger.exception("last recovery copy failed at close")
        wait_for_background_tasks(3000)
        super().closeEvent(event)

    def _text_kept_for_close(self) -> bool:
        """Unsaved text is kept as a recovery copy; if that fails (disk full), ask."""
        autosave = getattr(self, "autosave", None)
        if autosave is None:
            return True
        try:
            autosave.flush()
            return True
        except Exception as exc:  # noqa: BLE001 - StoreError, OSError: the disk said no
            logger.warning("recovery copy failed at close: %s", exc)
            if not self.has_unsaved_changes():
                return True
            from app.ui.dialogs.unsaved_changes import ask_close_unkept

            return ask_close_unkept(self, str(exc))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Plume — SEO writing studio"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        composition.retranslate(self)

    # ---- Private

    def _wire(self) -> None:
        a = self.actions
        for name in ("generate_outline", "write", "stop", "regenerate_section",
                     "extend_section"):
            getattr(a, name).triggered.connect(self._flow_slot(name))
        for name in ("export_markdown", "export_html", "copy_html", "copy_markdown"):
            getattr(a, name).triggered.connect(self._export_slot(name))
        a.new_article.triggered.connect(self.request_new_article)
        a.quit.triggered.connect(self.close)
        a.toggle_preview.toggled.connect(self.preview.setVisible)
        a.toggle_thinking.toggled.connect(self.thinking.set_expanded)
        a.focus_brief.triggered.connect(self._focus_brief)
        a.focus_outline.triggered.connect(self._focus_outline)
        a.focus_editor.triggered.connect(self.editor.setFocus)
        a.shortcuts.triggered.connect(self._show_shortcuts)
        self.parts.left_tabs.currentChanged.connect(self._on_left_tab_changed)
        self.editor.word_count_changed.connect(self.status.set_words)
        self.editor.text_edited.connect(self._on_text_edited)
        self.brief_panel.brief_changed.connect(self._on_meta_edited)
        self.analysis.report_ready.connect(self.score_panel.show_report)
        self.score_panel.check_selected.connect(self._on_check_selected)

    def _warm_up(self) -> None:
        """Load analysis, Markdown and the Ollama client in the background and pre-build
        score rows, so the first stream never waits on an import (GIL) or widget creation."""
        self.analysis.warm_up()
        self.preview.warm_up()
        self.score_panel.prepare_rows()
        run_in_background(composition.import_engine, None, composition.log_warm_failure,
                          owner=self)

    def _on_text_edited(self) -> None:
        self._unsaved = True
        self.analysis.schedule()
        self.preview.schedule()
        self.article_changed.emit()
        if not self.editor.streaming:
            self.editor.clear_highlights()
        if not self._update_pending:
            self._update_pending = True
            QTimer.singleShot(200, self._update_actions)

    _update_pending = False

    def _on_meta_edited(self) -> None:
        self._unsaved = True
        self.analysis.schedule()
        self.article_changed.emit()

    def _on_check_selected(self, check: Any) -> None:
        spans = [(s.start, s.end) for s in check.spans if s.field == "body"]
        if spans:
            self.editor.highlight_spans(spans)
        else:
            fields = {s.field for s in check.spans}
            if "meta_description" in fields:
                self.outline_editor.meta.setFocus()
                self._focus_outline()
            elif "title" in fields:
                self._focus_outline()
                self.outline_editor.title.setFocus()

    def _on_article_generated(self, article: Article) -> None:
        self._faq = list(article.faq)
        self._model = article.model or self._model

    def _on_review_available(self, result: Any) -> None:
        fixes = len(getattr(result, "fixes", ()))
        before, after = result.before.seo_score, result.after.seo_score
        if getattr(result, "stopped", False):
            self.message_bar.show_info(
                self.tr("Self-review stopped: {0} fix(es) kept so far, SEO {1} → {2}").format(
                    fixes, before, after),
                self.tr("Review changes… shows them; undo any you don't want."),
                self.tr("Review changes…"), self.open_review)
            return
        if not fixes:
            self.message_bar.show_info(
                self.tr("Self-review: the draft is kept as written (SEO {0}).").format(after))
            return
        if self.editor.edited_during_stream:   # the writer's own edits win over the fixes
            self.message_bar.show_info(
                self.tr("Self-review: {0} fix(es) found, SEO {1} → {2}; not applied, to keep "
                        "your edits").format(fixes, before, after),
                self.tr("Review changes… shows them (applying replaces the text; Ctrl+Z "
                        "undoes it)."),
                self.tr("Review changes…"), self.open_review)
            return
        from app.core.review.messages import review_summary
        from app.ui.locale import ui_language

        # what changed, not how many: "Split 2 long paragraphs; … — SEO 46 → 62"
        title = self.tr("Self-review: {0}").format(review_summary(result, ui_language()))
        self.message_bar.show_info(title, self.tr("Ctrl+Z returns to the draft as written."),
                                   self.tr("Review changes…"), self.open_review)

    def open_review(self) -> None:
        """Show what the self-review changed; the writer keeps or undoes each fix."""
        result = self.flow.last_review
        if result is None:
            return
        from app.ui.dialogs.review_dialog import ReviewDialog

        dialog = ReviewDialog(result, self)
        dialog.article_chosen.connect(self.flow.show_article_text)
        dialog.open()

    def _faq_for(self, body: str) -> list[FaqItem]:
        from app.core.export.structure import extract_faq

        try:
            return extract_faq(body)
        except Exception:  # noqa: BLE001 - FAQ mirroring must never break the article
            return list(self._faq)

    def _update_actions(self, *_args: object) -> None:
        self._update_pending = False
        busy = self._generation is not None and self._generation.busy
        built = self._outline_editor
        has_outline = built is not None and built.has_outline()
        has_text = bool(self.editor.document().characterCount() > 1)
        a = self.actions
        a.stop.setEnabled(busy)
        a.generate_outline.setEnabled(not busy)
        a.write.setEnabled(not busy and has_outline)
        a.regenerate_section.setEnabled(not busy and has_outline and has_text)
        a.extend_section.setEnabled(not busy and has_outline and has_text)
        a.new_article.setEnabled(not busy)

    def _focus_brief(self) -> None:
        self.parts.left_tabs.setCurrentWidget(self.parts.brief_page)
        self.brief_panel.keyword.setFocus()

    def _focus_outline(self) -> None:
        self._get_outline()
        self.parts.left_tabs.setCurrentWidget(self.parts.outline_page)

    def _on_exported(self, path: str) -> None:
        self.status.showMessage(self.tr("Exported to {0}").format(path), 6000)

    def _on_copied(self, kind: str) -> None:
        text = self.tr("HTML copied to the clipboard") if kind == "html" else self.tr(
            "Markdown copied to the clipboard")
        self.status.showMessage(text, 4000)

    def _show_shortcuts(self) -> None:
        menus.show_shortcuts(self)

    def _site_url(self) -> str:
        return str(getattr(self.settings, "site_url", "") or "")

    def _export_options(self) -> dict[str, str]:
        checked = self.actions.preset_group.checkedAction()
        return {
            "preset": str(checked.data()) if checked else "plain",
            "site_url": self._site_url(),
            "author": str(getattr(self.settings, "author", "") or ""),
        }

    def _apply_settings_to_brief(self) -> None:
        s = self.settings
        self.brief_panel.set_brief(Brief(keyword="", language=s.article_language, tone=s.tone,
                                         target_words=s.target_words))
        preset = self.ui_state.text("export/preset", getattr(s, "export_preset", "plain"))
        if preset in self.actions.presets:
            self.actions.presets[preset].setChecked(True)
        self.thinking.set_think(getattr(s, "think", None))

