"""The main window: composes panels, actions, menus, toolbar and status bar.

Logic lives in controllers (generation, analysis, export, writing flow) and core;
this class only builds the layout, wires signals and exposes the article:
`current_article()`, `article_changed`, `load_article(article)`.
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
from app.ui import composition, menus
from app.ui.actions import Actions
from app.ui.controllers.analysis_controller import AnalysisController
from app.ui.controllers.file_controller import FileController, article_paths
from app.ui.model_connection import ModelConnection
from app.ui.ui_state import UiState
from app.ui.workers.task_runner import run_in_background, wait_for_background_tasks

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent

    from app.application.articles import OpenedFile
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


def _present_error(parent: QMainWindow, error: BaseException) -> None:
    from app.ui.errors import present_error  # on first use: not before the first frame

    present_error(parent, error)


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
    batch_panel: BatchPanel | None = None
    run_notes: RunNotes | None = None

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

        # Controllers (generation, writing flow, export: built on first use, see _controllers)
        self._generation: GenerationController | None = None
        self._flow: WritingFlow | None = None
        self._exporter: ExportController | None = None
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
        self._update_actions()
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
        self._build_controllers()
        assert self._generation is not None
        return self._generation

    @property
    def flow(self) -> WritingFlow:
        self._build_controllers()
        assert self._flow is not None
        return self._flow

    @property
    def exporter(self) -> ExportController:
        self._build_controllers()
        assert self._exporter is not None
        return self._exporter

    def _build_controllers(self) -> None:
        if self._generation is not None:
            return
        from app.ui.controllers.export_controller import ExportController
        from app.ui.controllers.generation_controller import GenerationController
        from app.ui.controllers.run_notes import RunNotes
        from app.ui.controllers.writing_flow import WritingFlow

        generation = GenerationController(self.make_generator, self)
        # Every word on disk before the editor shows it (connected first: slots run in order).
        generation.text_received.connect(self._journal_text)
        flow = WritingFlow(self, generation, self.brief_panel, self._get_outline,
                           self.editor, self.thinking, self.status)
        exporter = ExportController(self, self.current_article, self.ui_state,
                                    self._export_options)
        exporter.exported.connect(self._on_exported)
        exporter.copied.connect(self._on_copied)
        flow.busy_changed.connect(self._update_actions)
        flow.plan_received.connect(self._focus_outline)
        flow.article_generated.connect(self._on_article_generated)
        flow.review_available.connect(self._on_review_available)
        generation.run_finished.connect(self.analysis.analyze_now)
        generation.section_done.connect(self._on_section_written)
        generation.run_finished.connect(self._on_run_finished)
        generation.run_started.connect(lambda _kind: self.score_panel.hold_checks(True))
        generation.run_finished.connect(lambda: self.score_panel.hold_checks(False))
        generation.run_started.connect(self._on_run_started)
        self._generation, self._flow, self._exporter = generation, flow, exporter
        self.run_notes = RunNotes(generation, self.message_bar, self)
        self.editing.generation_built(generation)

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
        editor.plan_changed.connect(self._update_actions)
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
        if self._generation is not None:
            self._generation.stop()
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
        if not self.has_unsaved_changes():
            return True
        from app.ui.dialogs.unsaved_changes import UnsavedChoice, ask_unsaved

        choice = ask_unsaved(self, can_save=self.library is not None, opening=opening)
        if choice is UnsavedChoice.CANCEL:
            return False
        if choice is UnsavedChoice.SAVE:
            return self.save_to_library()
        if self.autosave is not None:
            self.autosave.discard_current()
        return True

    def new_article(self) -> None:
        if self._generation is not None:
            self._generation.stop()
        if self.autosave is not None:
            self.autosave.flush()   # unsaved text stays recoverable; never deleted by New
            self.autosave.detach()
        self.files.forget()
        self._show_file_name()
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

    def _on_run_started(self, _kind: str) -> None:
        """A new run starts: errors from earlier attempts are no longer current."""
        if self.message_bar.last is not None:
            self.message_bar.dismiss()
        if self.autosave is not None:
            self.autosave.stream_started()

    def _on_run_finished(self) -> None:
        if self.autosave is not None:
            self.autosave.stream_finished()

    def _on_section_written(self, _done: object) -> None:
        if self.autosave is not None:
            self.autosave.section_written()

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

    # ---- Public API: library, autosave

    def set_library(self, library: Library | None) -> None:
        """The library opens after the first frame: then its tab, Save and autosave."""
        self.library = library
        if library is None or self.library_panel is not None:
            return
        try:
            from app.ui.controllers.autosave_controller import AutosaveController
            from app.ui.panels.library_panel import LibraryPanel
        except ImportError as exc:  # a build without the library widgets
            logger.warning("library widgets unavailable: %s", exc)
            return
        panel = LibraryPanel(library, self)
        self.library_panel = panel
        self.parts.left_tabs.addTab(panel, _tr("Library"))
        panel.article_opened.connect(self.open_saved)
        self.actions.show_library.triggered.connect(
            lambda: self.parts.left_tabs.setCurrentWidget(panel))
        autosave = AutosaveController(library, self.current_article, self,
                                      interval_seconds=self.settings.autosave_seconds)
        self.autosave = autosave
        self.article_changed.connect(autosave.notify_changed)
        autosave.autosave_failed.connect(lambda exc: _present_error(self, exc))
        QTimer.singleShot(0, panel.refresh)

    def open_saved(self, article_id: int) -> None:
        """Open a library article (Save / Discard / Cancel first for unsaved text)."""
        if self.library is None or not self.settle_unsaved_changes(opening=True):
            return
        try:
            article = self.library.get(article_id)
        except Exception as exc:  # noqa: BLE001
            _present_error(self, exc)
            return
        autosave = self.autosave
        if autosave is not None:
            autosave.flush()      # the last seconds of typing reach the recovery copy first
            autosave.detach()     # which stays recoverable: opening never loses unsaved text
        self.load_article(article)
        self.files.forget()
        self._show_file_name()
        if autosave is not None:
            autosave.set_article_id(article_id)

    # ---- Public API: article files (File ▸ Open, Open Recent, drop, Save back)

    def open_file(self, path: str | Path) -> bool:
        """Open a Markdown/HTML article (as File ▸ Open does once a file is chosen)."""
        return self.files.open_path(Path(path))

    def save(self, *_args: object) -> bool:
        """Save (Ctrl+S): back to the file the article came from, else to the library."""
        if self.files.current is None:
            return self.save_to_library()
        options = self._export_options()
        if not self.files.save(self.current_article(), preset=options["preset"],
                               site_url=options["site_url"], author=options["author"]):
            return False
        if self.autosave is not None:
            self.autosave.discard_current()   # the file has the text: no recovery copy needed
        self.mark_saved()
        self.status.showMessage(_tr("Saved to {0}").format(self.files.current.path.name), 4000)
        return True

    def _show_opened_file(self, opened: OpenedFile) -> None:
        autosave = self.autosave
        if autosave is not None:
            autosave.flush()      # the text being replaced stays recoverable
            autosave.detach()
        self.load_article(opened.article)
        if autosave is not None:
            autosave.set_article_id(None)
        self.show_writing()       # e.g. dropped on the Batch tab: the writer sees the text
        self._show_file_name()
        self.status.showMessage(_tr("Opened {0}").format(opened.path.name), 4000)

    def _show_file_name(self) -> None:
        current = self.files.current
        self.setWindowFilePath(str(current.path) if current is not None else "")
        # Images with relative paths (images/x.jpg) show from the file's own folder.
        self.preview.setSearchPaths([str(current.path.parent)] if current is not None else [])
        self.retranslate_ui()

    def save_to_library(self, *_args: object) -> bool:
        """Save the article; False (error shown) when it could not be saved."""
        if self.library is None:
            return False
        autosave = self.autosave
        try:
            article_id = self.library.save(
                self.current_article(), article_id=autosave.article_id if autosave else None)
        except Exception as exc:  # noqa: BLE001
            _present_error(self, exc)
            return False
        if autosave is not None:
            autosave.mark_saved(article_id)
        self.mark_saved()
        if self.library_panel is not None:
            self.library_panel.refresh()
        self.status.showMessage(_tr("Saved in the library"), 4000)
        return True

    # ---- Public API: settings

    def open_settings(self, *_args: object, page: int = 0) -> None:
        from PySide6.QtWidgets import QDialog  # here: PySide types cost set-up on first use

        from app.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self, models=self.model_picker.installed_names(),
                                page=page)
        self._settings_dialog = dialog          # tests and screenshots reach the open dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            self.apply_settings(dialog.settings())
        finally:
            self._settings_dialog = None

    def open_connection_settings(self) -> None:
        """From the banner: Settings on its Ollama page, with Test connection."""
        from app.ui.dialogs.settings_dialog import SettingsDialog

        self.open_settings(page=SettingsDialog.CONNECTION_PAGE)

    def apply_settings(self, settings: Settings) -> None:
        old, self.settings = self.settings, settings
        if self.settings_path is not None:
            from app.core.settings import save_settings

            try:
                save_settings(settings, self.settings_path)
            except Exception as exc:  # noqa: BLE001
                _present_error(self, exc)
        self.link.host_changed(old, settings)
        self._brief_follows_defaults(old, settings)
        if self.batch_panel is not None:
            self.batch_panel.controller.settings = settings
        if settings.theme != old.theme:
            from PySide6.QtWidgets import QApplication

            from app.ui.theme import apply_theme

            name = apply_theme(QApplication.instance(), settings.theme)
            self.preview.apply_theme(name == "dark")
            self.editor.highlighter.refresh_colors(self.editor.palette())
        if settings.ui_language != old.ui_language:
            from PySide6.QtWidgets import QApplication

            from app.ui.i18n import install_translators
            from app.ui.locale import set_ui_language

            set_ui_language(install_translators(QApplication.instance(), settings.ui_language))
        if self.autosave is not None:
            self.autosave.set_interval(settings.autosave_seconds)

    def _brief_follows_defaults(self, old: Settings, new: Settings) -> None:
        """A new default article language, tone or length reaches the brief when the brief
        still had the old default (a value the writer chose for this article stays)."""
        brief = self.brief_panel.brief(strict=False)
        changes: dict[str, Any] = {}
        if new.article_language != old.article_language and brief.language == old.article_language:
            changes["language"] = new.article_language
        if new.tone != old.tone and brief.tone == old.tone:
            changes["tone"] = new.tone
        if new.target_words != old.target_words and brief.target_words == old.target_words:
            changes["target_words"] = new.target_words
        if changes:
            self.brief_panel.set_brief(brief.with_(**changes))

    def _set_theme(self, name: str) -> None:
        self.apply_settings(self.settings.with_(theme=name))

    # ---- Public API: Writing and Batch modes

    def show_batch(self) -> None:
        if self.batch_panel is None:
            self.batch_panel = self._build_batch_panel()
        self.parts.stack.setCurrentWidget(self.batch_panel)
        self.toolbar.hide()                  # the Batch tab has its own toolbar
        self.actions.mode_batch.setChecked(True)

    def show_writing(self) -> None:
        self.parts.stack.setCurrentWidget(self.parts.workspace)
        self.toolbar.show()
        self.actions.mode_write.setChecked(True)

    def _build_batch_panel(self) -> BatchPanel:
        from app.ui.panels.batch_panel import BatchPanel

        panel = BatchPanel(self, settings=self.settings)
        self.parts.stack.addWidget(panel)
        panel.set_models(self.link.models)
        self.link.models_changed.connect(panel.set_models)
        panel.article_requested.connect(self._open_batch_article)
        panel.controller.article_written.connect(self._add_batch_article_to_library)
        return panel

    def _open_batch_article(self, path: str) -> None:
        self.open_file(path)      # shows the Writing tab once it is open

    def _add_batch_article_to_library(self, path: str) -> None:
        """A batch article is listed in the library as soon as it is written."""
        if self.library is None:
            return
        from app.application.articles import read_article_file

        try:
            self.library.save(read_article_file(Path(path)).article)
        except Exception as exc:  # noqa: BLE001 - the file is written; the listing is a bonus
            logger.warning("batch article not added to the library: %s", exc)
            return
        if self.library_panel is not None:
            self.library_panel.refresh()

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

    def _journal_text(self, _section: int, text: str) -> None:
        if self.autosave is not None:
            self.autosave.streamed(text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._text_kept_for_close():
            event.ignore()             # the writer chose to stay: nothing is stopped
            return
        self._warm_timer.stop()        # no background work may start after the close
        composition.save_state(self, self.parts, self.actions, self.ui_state)
        if self._generation is not None:
            self._generation.shutdown()
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
        a = self.actions
        # Lambdas: the controllers are built on first use, not when the window is.
        a.write_article.triggered.connect(lambda: self.flow.write_article(
            stop_at_outline=a.stop_at_outline.isChecked()))
        a.stop_at_outline.setChecked(self.ui_state.text("flow/stop_at_outline", "0") == "1")
        a.stop_at_outline.toggled.connect(lambda on: self.ui_state.set_text(
            "flow/stop_at_outline", "1" if on else "0"))
        a.generate_outline.triggered.connect(lambda: self.flow.generate_outline())
        a.write.triggered.connect(lambda: self.flow.write())
        a.stop.triggered.connect(lambda: self.flow.stop())
        a.regenerate_section.triggered.connect(lambda: self.flow.regenerate_section())
        a.extend_section.triggered.connect(lambda: self.flow.extend_section())
        a.export_markdown.triggered.connect(lambda: self.exporter.export_markdown())
        a.export_html.triggered.connect(lambda: self.exporter.export_html())
        a.copy_html.triggered.connect(lambda: self.exporter.copy_html())
        a.copy_markdown.triggered.connect(lambda: self.exporter.copy_markdown())
        a.settings.triggered.connect(self.open_settings)
        for name, action in (("system", a.theme_system), ("light", a.theme_light),
                             ("dark", a.theme_dark)):
            action.setChecked(self.settings.theme == name)
            action.triggered.connect(lambda _checked=False, n=name: self._set_theme(n))
        a.preset_group.triggered.connect(
            lambda action: self.ui_state.set_text("export/preset", str(action.data())))
        a.mode_batch.triggered.connect(self.show_batch)
        a.mode_write.triggered.connect(self.show_writing)
        self.link.settings_requested.connect(self.open_connection_settings)
        self.link.model_changed.connect(self._on_model_chosen)
        a.new_article.triggered.connect(self.request_new_article)
        a.open_file.triggered.connect(self.files.open_dialog)
        a.save_article.triggered.connect(self.save)
        a.save_to_library.triggered.connect(self.save_to_library)
        self.files.opened.connect(self._show_opened_file)
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
        a.write_article.setEnabled(not busy)
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
        menus.show_shortcuts(self, self.actions.shortcut_rows())

    def _site_url(self) -> str:
        return self.settings.site_url or ""

    def _export_options(self) -> dict[str, str]:
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

