"""The main window: composes panels, actions, menus, toolbar and status bar.

Logic lives in controllers (generation, analysis, export, writing flow) and core;
this class only builds the layout, wires signals and exposes the article:
`current_article()`, `article_changed`, `load_article(article)`. Its parts:

    composition.py          the widget tree, toolbars, saved layout
    menus.py                the menu bar (entries built right after the first frame)
    window_actions.py       what each action does
    window_controllers.py   generation, writing flow, export (built on first use)
    window_modes.py         Writing | Batch (the Batch tab built on first use)
    window_saving.py        library, open, save, Save / Discard / Cancel
    window_settings.py      the Settings dialog and applying settings
"""

from __future__ import annotations

import datetime as _dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from app.core.brief import Brief
from app.core.errors import InputError
from app.ui import composition, menus, window_saving, window_settings
from app.ui.actions import Actions
from app.ui.controllers.analysis_controller import AnalysisController
from app.ui.controllers.file_controller import FileController, article_paths
from app.ui.model_connection import ModelConnection
from app.ui.ui_state import UiState
from app.ui.window_actions import wire_actions
from app.ui.window_controllers import WritingControllers
from app.ui.window_modes import WindowModes
from app.ui.workers.task_runner import run_in_background, wait_for_background_tasks

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent

    from app.core.models import Article, FaqItem
    from app.core.settings import Settings
    from app.core.store import Library
    from app.ui.controllers.autosave_controller import AutosaveController
    from app.ui.controllers.connection_controller import ConnectionController
    from app.ui.controllers.export_controller import ExportController
    from app.ui.controllers.generation_controller import GenerationController
    from app.ui.controllers.run_notes import RunNotes
    from app.ui.controllers.writing_flow import WritingFlow
    from app.ui.editing_tools import EditingTools
    from app.ui.errors import ErrorText
    from app.ui.panels.batch_panel import BatchPanel
    from app.ui.panels.connection_banner import ConnectionBanner
    from app.ui.panels.library_panel import LibraryPanel
    from app.ui.panels.outline_editor import OutlineEditor

logger = logging.getLogger(__name__)

WARM_UP_DELAY_MS = 150   # after the first frame: load engines while the writer reads the UI


class NoModelSelected(InputError):
    """Write/Outline with no model picked (cleared as soon as one is)."""

    kind = "NoModel"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    # ---- Signals
    article_changed = Signal()          # brief, outline or text changed (for autosave)
    fully_built = Signal()              # the parts built after the first frame exist

    # ---- Parts built after the first frame or on first use (None until then)
    library: Library | None
    library_panel: LibraryPanel | None = None
    _settings_dialog: Any = None
    autosave: AutosaveController | None = None

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        ui_state: UiState | None = None,
        library: Library | None = None,
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
        self._outline_editor: OutlineEditor | None = None   # built on first use
        p.outline_getter = self._get_outline
        self.message_bar, self.status = p.message_bar, p.status
        self.setStatusBar(self.status)
        self.setCentralWidget(p.central)
        self.mode_toolbar, self.toolbar = composition.build_toolbars(self, self.actions)
        self._menu_texts = menus.build_menus(self)   # titles; entries after the first frame

        # Controllers (generation, writing flow, export: built on first use)
        self.controllers = WritingControllers(self)
        self.modes = WindowModes(self)          # Writing | Batch (built on first use)
        self.analysis = AnalysisController(self.current_article, self._site_url, self)
        self.link = ModelConnection(self, p, self.actions, lambda: self.settings,
                                    connection_service_factory)
        self.model_picker = self.link.picker
        self.files = FileController(self, self.ui_state,
                                    lambda: self.settle_unsaved_changes(opening=True))
        self.setAcceptDrops(True)
        self._wire()
        self._editing: EditingTools | None = None     # built after the first frame
        self._rest_queued = self._rest_built = False
        self.set_library(library)
        self._apply_settings_to_brief()
        self.retranslate_ui()
        self.update_actions()
        composition.restore_state(self, p, self.actions, self.ui_state)
        if start_connection:
            self.link.start_after_first_frame()
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.timeout.connect(self._warm_up)
        self._warm_timer.start(WARM_UP_DELAY_MS)

    # ---- Public API: what the first frame does not show, built right after it

    @property
    def editing(self) -> EditingTools:
        """Find / replace, focus mode, scroll sync, check actions (app/ui/editing_tools.py)."""
        if self._editing is None:
            from app.ui.editing_tools import EditingTools

            self._editing = EditingTools(self)
        return self._editing

    def finish_building(self) -> None:
        """Build the parts the first frame does not show: the menus' entries (and with them
        their shortcuts), the Edit menu's tools. Runs right after the first paint (or when
        called); once. Emits `fully_built`."""
        if self._rest_built:
            return
        self._rest_built = True
        menus.fill_menus(self, self.actions, self._menu_texts)
        recent = self._menu_texts.menus["recent"]
        recent.aboutToShow.connect(lambda: self.files.fill_recent_menu(recent))
        _ = self.editing
        self.fully_built.emit()

    def is_fully_built(self) -> bool:
        return self._rest_built

    # ---- Public API: controllers (built on first use: their imports cost start-up time)

    @property
    def generation(self) -> GenerationController:
        self.controllers.build()
        assert self.controllers.generation is not None
        return self.controllers.generation

    @property
    def flow(self) -> WritingFlow:
        self.controllers.build()
        assert self.controllers.flow is not None
        return self.controllers.flow

    @property
    def exporter(self) -> ExportController:
        self.controllers.build()
        assert self.controllers.exporter is not None
        return self.controllers.exporter

    @property
    def run_notes(self) -> RunNotes | None:
        return self.controllers.run_notes

    def open_review(self) -> None:
        """Show what the self-review changed; the writer keeps or undoes each fix."""
        self.controllers.open_review()

    # ---- Public API: the connection controller (built on first use, after the first frame)

    @property
    def connection(self) -> ConnectionController | None:
        return self.link.connection

    @property
    def connection_banner(self) -> ConnectionBanner | None:
        return self.link.banner

    # ---- Public API: the outline editor (built on first use: not needed for the first frame)

    @property
    def outline_editor(self) -> OutlineEditor:
        if self._outline_editor is None:
            self._outline_editor = self._build_outline_editor()
        return self._outline_editor

    def _get_outline(self) -> OutlineEditor:
        return self.outline_editor

    def _build_outline_editor(self) -> OutlineEditor:
        from app.ui.panels.outline_editor import OutlineEditor

        page = self.parts.outline_page
        editor = OutlineEditor(page)
        page.layout().addWidget(editor)
        editor.show()   # the page may already be on screen
        editor.plan_changed.connect(self.update_actions)
        editor.plan_changed.connect(self._on_meta_edited)
        self.editing.outline_built(editor)
        return editor

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
        from app.core.models import Article  # here: not needed for the first frame

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
        if self.controllers.generation is not None:
            self.controllers.generation.stop()
        brief = self.brief_panel.brief(strict=False).with_(
            keyword=article.keyword, language=article.language,
            secondary_keywords=article.secondary_keywords)
        self.brief_panel.set_brief(brief)
        from app.application.articles import outline_from_body
        from app.core.models import Plan

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
        return window_saving.settle_unsaved_changes(self, opening=opening)

    def new_article(self) -> None:
        if self.controllers.generation is not None:
            self.controllers.generation.stop()
        if self.autosave is not None:
            self.autosave.flush()   # unsaved text stays recoverable; never deleted by New
            self.autosave.detach()
        self.files.forget()
        window_saving.show_file_name(self)
        self.brief_panel.set_brief(Brief(keyword="", language=self.settings.article_language,
                                         tone=self.settings.tone,
                                         target_words=self.settings.target_words))
        from app.core.models import Plan

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
        """The one place errors appear (called by app.ui.errors.present_error). "Ollama is
        not reachable" is not repeated while the connection banner already says it."""
        banner = self.link.banner if self.link.banner_built else None
        if text.kind == "OllamaUnavailable" and banner is not None and banner.isVisible():
            self.status.showMessage(text.title, 4000)
            return
        self.message_bar.show_error(text)

    def _on_model_chosen(self, name: str) -> None:
        """A model is picked: an error about the model is no longer true."""
        last = self.message_bar.last
        if name and last is not None and last.kind in ("NoModel", "ModelNotFound"):
            self.message_bar.dismiss()

    def current_model(self) -> str:
        return self.model_picker.current_model() or self.settings.default_model

    def make_generator(self) -> Any:
        """On the GUI thread: snapshot host/model/think and return the builder that the
        worker thread calls to get an ArticleGenerator (keyring access happens there)."""
        from app.application import Plume

        model = self.current_model()
        if not model:
            raise NoModelSelected(_tr("No model is selected."),
                                  hint=_tr("Pick a model in the Model list (or pull one first)."))
        plume, think = Plume(self.settings), self.thinking.think()
        connection = plume.connection()

        def build() -> Any:
            return plume.generator(connection.open(), model, think=think)

        return build

    # ---- Public API: library, article files (File ▸ Open, Open Recent, drop, Save back)

    def set_library(self, library: Library | None) -> None:
        """The library opens after the first frame: then its tab, Save and autosave."""
        self.library = library
        if library is not None and self.library_panel is None:
            attached = window_saving.attach_library(self, library)
            if attached is not None:
                self.library_panel, self.autosave = attached

    def open_saved(self, article_id: int) -> None:
        """Open a library article (Save / Discard / Cancel first for unsaved text)."""
        window_saving.open_saved(self, article_id)

    def open_file(self, path: str | Path) -> bool:
        """Open a Markdown/HTML article (as File ▸ Open does once a file is chosen)."""
        return self.files.open_path(Path(path))

    def save(self, *_args: object) -> bool:
        """Save (Ctrl+S): back to the file the article came from, else to the library."""
        return window_saving.save(self)

    def save_to_library(self, *_args: object) -> bool:
        """Save the article; False (error shown) when it could not be saved."""
        return window_saving.save_to_library(self)

    # ---- Public API: settings

    def open_settings(self, *_args: object, page: int = 0) -> None:
        dialog = window_settings.settings_dialog(self, page)
        self._settings_dialog = dialog          # tests and screenshots reach the open dialog
        try:
            if window_settings.accepted(dialog):
                self.apply_settings(dialog.settings())
        finally:
            self._settings_dialog = None

    def open_connection_settings(self) -> None:
        """From the banner: Settings on its Ollama page, with Test connection."""
        self.open_settings(page=window_settings.connection_page())

    def apply_settings(self, settings: Settings) -> None:
        old, self.settings = self.settings, settings
        window_settings.settings_changed(self, old, settings)

    # ---- Public API: Writing and Batch modes

    @property
    def batch_panel(self) -> BatchPanel | None:
        return self.modes.batch_panel

    def show_batch(self) -> None:
        self.modes.show_batch()

    def show_writing(self) -> None:
        self.modes.show_writing()

    # ---- Qt overrides

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._rest_queued:        # the first frame is painted: build the rest next
            self._rest_queued = True
            QTimer.singleShot(0, self.finish_building)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._text_kept_for_close():
            event.ignore()             # the writer chose to stay: nothing is stopped
            return
        self._warm_timer.stop()        # no background work may start after the close
        composition.save_state(self, self.parts, self.actions, self.ui_state)
        if self.controllers.generation is not None:
            self.controllers.generation.shutdown()
        self.link.stop()               # never built just to be stopped
        autosave = self.autosave
        if autosave is not None:
            try:
                autosave.close()       # text streamed since the check above; no journal left
            except Exception:  # noqa: BLE001 - the writer was asked already
                logger.exception("last recovery copy failed at close")
        wait_for_background_tasks(3000)
        super().closeEvent(event)

    def _text_kept_for_close(self) -> bool:
        """Unsaved text is kept as a recovery copy; if that fails (disk full), ask."""
        autosave = self.autosave
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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and article_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = article_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open_file(paths[0]))   # not inside the drop

    def retranslate_ui(self) -> None:
        current = self.files.current
        if current is not None:
            self.setWindowTitle(self.tr("{0} — Plume").format(current.path.name))
        else:
            self.setWindowTitle(self.tr("Plume — SEO writing studio"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.mode_toolbar.setWindowTitle(self.tr("Modes"))
        composition.retranslate(self.parts, self.library_panel)

    # ---- Private

    def _wire(self) -> None:
        """The window's own signals (its actions: app/ui/window_actions.py)."""
        wire_actions(self)
        self.link.settings_requested.connect(self.open_connection_settings)
        self.link.model_changed.connect(self._on_model_chosen)
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
            QTimer.singleShot(200, self.update_actions)

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
                self.focus_outline()
            elif "title" in fields:
                self.focus_outline()
                self.outline_editor.title.setFocus()

    def keep_generated(self, article: Article) -> None:
        """The FAQ and model of the article a model just wrote, kept with the text."""
        self._faq = list(article.faq)
        self._model = article.model or self._model

    def _faq_for(self, body: str) -> list[FaqItem]:
        from app.core.export.structure import extract_faq

        try:
            return extract_faq(body)
        except Exception:  # noqa: BLE001 - FAQ mirroring must never break the article
            return list(self._faq)

    def update_actions(self, *_args: object) -> None:
        self._update_pending = False
        generation = self.controllers.generation
        busy = generation is not None and generation.busy
        built = self._outline_editor
        has_outline = built is not None and built.has_outline()
        has_text = bool(self.editor.document().characterCount() > 1)
        a = self.actions
        a.stop.setEnabled(busy)
        a.generate_outline.setEnabled(not busy)
        a.write_article.setEnabled(not busy)
        a.write.setEnabled(not busy and has_outline)
        a.regenerate_section.setEnabled(not busy and has_outline and has_text)
        a.extend_section.setEnabled(not busy and has_outline and has_text)
        a.new_article.setEnabled(not busy)

    def focus_brief(self) -> None:
        self.parts.left_tabs.setCurrentWidget(self.parts.brief_page)
        self.brief_panel.keyword.setFocus()

    def focus_outline(self) -> None:
        self._get_outline()
        self.parts.left_tabs.setCurrentWidget(self.parts.outline_page)

    def show_shortcuts(self) -> None:
        menus.show_shortcuts(self, self.actions.shortcut_rows())

    def _site_url(self) -> str:
        return self.settings.site_url or ""

    def export_options(self) -> dict[str, str]:
        checked = self.actions.preset_group.checkedAction()
        return {
            "preset": str(checked.data()) if checked else "plain",
            "site_url": self._site_url(),
            "author": self.settings.author or "",
        }

    def _apply_settings_to_brief(self) -> None:
        s = self.settings
        self.brief_panel.set_brief(Brief(keyword="", language=s.article_language, tone=s.tone,
                                         target_words=s.target_words))
        preset = self.ui_state.text("export/preset", s.export_preset or "plain")
        if preset in self.actions.presets:
            self.actions.presets[preset].setChecked(True)
        self.thinking.set_think(s.think)

