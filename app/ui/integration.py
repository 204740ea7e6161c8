"""Glue to the parts other modules own: connection, models, library, autosave, settings,
pull, batch. Each is attached only if its module is there (clearly logged otherwise)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer

from app.core.errors import InputError

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

logger = logging.getLogger(__name__)


def present_error(window: Any, error: BaseException) -> None:
    """app.ui.errors.present_error, imported on first use (not before the first frame)."""
    from app.ui.errors import present_error as show

    show(window, error)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


# ---- Connection, model picker -----------------------------------------------------------


def attach_connection(window: MainWindow, classes: Any, picker_cls: Any,
                      service_factory: Any, start: bool) -> None:
    """The model picker now; the controller and its (hidden) banner are built on first use
    of `window.connection` / `window.connection_banner` (`classes()` returns their classes,
    or None when missing)."""
    picker = picker_cls(window.parts.side)
    window.parts.model_box.addWidget(picker)
    window.model_picker = picker

    def check(*_args: object) -> None:
        if window.connection is not None:
            window.connection.check()

    def build_banner() -> Any:
        loaded = classes()
        if loaded is None:
            return None
        banner = loaded[1](window.parts.central)
        window.parts.top_box.addWidget(banner)
        banner.retry_requested.connect(check)
        banner.settings_requested.connect(window.actions.settings.trigger)
        banner.pull_requested.connect(window.actions.pull_model.trigger)
        return banner

    def build() -> Any:
        loaded = classes()
        if loaded is None:
            return None
        kwargs = {"service_factory": service_factory} if service_factory is not None else {}
        connection = loaded[0](_host(window.settings), window, **kwargs)
        banner = window.connection_banner
        if banner is not None:
            connection.status_changed.connect(banner.show_status)
        connection.status_changed.connect(window_status_slot(window))
        return connection

    window.set_connection_factories(build, build_banner)
    picker.model_changed.connect(model_changed_slot(window))
    picker.pull_requested.connect(lambda name: open_pull_dialog(window, name))
    window.actions.retry_connection.triggered.connect(check)
    window.actions.pull_model.triggered.connect(lambda: open_pull_dialog(window, ""))
    window.status.set_host(_host(window.settings), "checking")
    if start:
        # After the first frame: the controller and the check (which imports the Ollama
        # client in a background thread) would otherwise compete with building the window.
        QTimer.singleShot(0, lambda: window.connection and window.connection.start())


def _host(settings: Any) -> str:
    """The Ollama host the app dials: chosen in Settings, else $OLLAMA_HOST, else the default."""
    from app.application import Plume

    return Plume(settings).host(strict=False)


def window_status_slot(window: MainWindow) -> Any:
    def on_status(status: Any) -> None:
        window.status.set_host(status.host, str(getattr(status.state, "value", status.state)))
        if status.connected and window.model_picker is not None:
            picker = window.model_picker
            previous = picker.current_model()
            picker.set_models(list(status.models))
            # First list: start on the default model from settings; later keep the choice.
            preferred = (getattr(window, "pending_model", "") or previous
                         or window.settings.default_model)
            window.pending_model = ""
            if preferred and picker.current_model() != preferred:
                picker.set_current(preferred)
            model_changed_slot(window)(window.model_picker.current_model())
    return on_status


def model_changed_slot(window: MainWindow) -> Any:
    def on_model(name: str) -> None:
        window.status.set_model(name)
        info = None
        picker = window.model_picker
        if picker is not None and name:
            info = picker.current_info()
        can_think = bool(getattr(info, "can_think", False))
        levels = bool(getattr(info, "think_levels", ()))
        window.thinking.set_capabilities(thinking=can_think, levels=levels)
    return on_model


def open_pull_dialog(window: MainWindow, name: str) -> None:
    try:
        from app.ui.dialogs.pull_dialog import PullDialog
    except ImportError:
        present_error(window, InputError(_tr("Pulling models from the app is not available yet."),
                                         hint=_tr("Run “ollama pull NAME” in a terminal.")))
        return
    connection = getattr(window, "connection", None)
    service = connection.service() if connection is not None else None
    if service is None:
        from app.core.errors import OllamaUnavailable

        present_error(window, OllamaUnavailable(
            _tr("Ollama is not reachable, so no model can be pulled now.")))
        return
    dialog = PullDialog(service, name, window)

    def pulled(model: str) -> None:
        window.pending_model = model        # selected as soon as the list is refreshed
        connection.check()

    dialog.model_pulled.connect(pulled)
    dialog.open()


# ---- Settings ------------------------------------------------------------------------------


def open_settings(window: MainWindow) -> None:
    try:
        from app.ui.dialogs.settings_dialog import SettingsDialog
    except ImportError:
        return
    picker = getattr(window, "model_picker", None)
    models = picker.installed_names() if picker is not None else []
    dialog = SettingsDialog(window.settings, window, models=models)
    from PySide6.QtWidgets import QDialog  # here: PySide types cost their set-up on first use

    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    apply_settings(window, dialog.settings())


def apply_settings(window: MainWindow, settings: Any) -> None:
    old, window.settings = window.settings, settings
    if window.settings_path is not None:
        from app.core.settings import save_settings

        try:
            save_settings(settings, window.settings_path)
        except Exception as exc:  # noqa: BLE001
            present_error(window, exc)
    if _host(settings) != _host(old) and getattr(window, "connection", None) is not None:
        window.connection.set_host(_host(settings))
    batch = getattr(window, "batch_panel", None)
    if batch is not None:
        batch.controller.settings = settings
    if settings.theme != old.theme:
        from PySide6.QtWidgets import QApplication

        from app.ui.theme import apply_theme

        name = apply_theme(QApplication.instance(), settings.theme)
        window.preview.apply_theme(name == "dark")
        window.editor.highlighter.refresh_colors(window.editor.palette())
    if settings.ui_language != old.ui_language:
        try:
            from PySide6.QtWidgets import QApplication

            from app.ui.i18n import install_translators
            from app.ui.locale import set_ui_language

            set_ui_language(install_translators(QApplication.instance(), settings.ui_language))
        except ImportError:
            pass
    autosave = getattr(window, "autosave", None)
    if autosave is not None:
        autosave.set_interval(settings.autosave_seconds)


# ---- Library, autosave, batch ----------------------------------------------------------------


def attach_library(window: MainWindow) -> None:
    if window.library is None:
        return
    try:
        from app.ui.controllers.autosave_controller import AutosaveController
        from app.ui.panels.library_panel import LibraryPanel
    except ImportError as exc:  # integration point: library widgets not landed
        logger.warning("library widgets unavailable: %s", exc)
        return
    panel = LibraryPanel(window.library, window)
    window.library_panel = panel
    window.parts.left_tabs.addTab(panel, _tr("Library"))
    panel.article_opened.connect(lambda article_id: open_saved(window, article_id))
    window.actions.show_library.triggered.connect(
        lambda: window.parts.left_tabs.setCurrentWidget(panel))
    autosave = AutosaveController(window.library, window.current_article, window,
                                  interval_seconds=window.settings.autosave_seconds)
    window.autosave = autosave
    window.article_changed.connect(autosave.notify_changed)
    autosave.autosave_failed.connect(lambda exc: present_error(window, exc))
    window.actions.save_article.triggered.connect(lambda: save_to_library(window))
    QTimer.singleShot(0, panel.refresh)


def open_saved(window: MainWindow, article_id: int) -> None:
    if not window.settle_unsaved_changes(opening=True):
        return
    try:
        article = window.library.get(article_id)
    except Exception as exc:  # noqa: BLE001
        present_error(window, exc)
        return
    autosave = getattr(window, "autosave", None)
    if autosave is not None:
        autosave.flush()      # the last seconds of typing reach the recovery copy first
        autosave.detach()     # which stays recoverable: opening never loses unsaved text
    window.load_article(article)
    if autosave is not None:
        autosave.set_article_id(article_id)


def save_to_library(window: MainWindow) -> bool:
    """Save the article; False (error shown) when it could not be saved."""
    autosave = getattr(window, "autosave", None)
    try:
        article_id = window.library.save(window.current_article(),
                                         article_id=autosave.article_id if autosave else None)
    except TypeError:
        article_id = window.library.save(window.current_article())
    except Exception as exc:  # noqa: BLE001
        present_error(window, exc)
        return False
    if autosave is not None:
        autosave.mark_saved(article_id)
    window.mark_saved()
    window.library_panel.refresh()
    window.status.showMessage(_tr("Saved in the library"), 4000)
    return True


def attach_batch(window: MainWindow) -> None:
    """The Batch mode shows app.ui.panels.batch_panel.BatchPanel when it exists."""
    actions = window.actions

    def show_batch() -> None:
        panel = getattr(window, "batch_panel", None)
        if panel is None:
            try:
                from app.ui.panels.batch_panel import BatchPanel
            except ImportError:
                actions.mode_write.setChecked(True)
                present_error(window, InputError(_tr("Batch mode is not available in this build.")))
                return
            panel = BatchPanel(window)
            window.batch_panel = panel
            window.parts.stack.addWidget(panel)
        window.parts.stack.setCurrentWidget(panel)

    def show_writing() -> None:
        window.parts.stack.setCurrentWidget(window.parts.workspace)

    actions.mode_batch.triggered.connect(show_batch)
    actions.mode_write.triggered.connect(show_writing)


# ---- Generation ------------------------------------------------------------------------------


def make_generator(window: MainWindow) -> Any:
    """On the GUI thread: snapshot host/model/think and return the builder that the
    worker thread calls to get an ArticleGenerator (keyring access happens there)."""
    from app.application import Plume

    model = window.current_model()
    if not model:
        raise InputError(_tr("No model is selected."),
                         hint=_tr("Pick a model in the Model list (or pull one first)."))
    plume, think = Plume(window.settings), window.thinking.think()
    connection = plume.connection()

    def build() -> Any:
        return plume.generator(connection.open(), model, think=think)

    return build
