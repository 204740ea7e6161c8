"""The window's link to Ollama: the model picker (built with the window), the connection
controller and its banner (built on first use, after the first frame), and Pull.

    link = ModelConnection(window, parts, actions, settings=lambda: window.settings)
    link.picker.current_model(); link.connection.check(); link.open_pull_dialog("")
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.core.errors import InputError
from app.ui.widgets.model_picker import ModelPicker

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.core.settings import Settings
    from app.ui.actions import Actions
    from app.ui.composition import Parts
    from app.ui.controllers.connection_controller import ConnectionController
    from app.ui.panels.connection_banner import ConnectionBanner

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def host_of(settings: Settings) -> str:
    """The Ollama host the app dials: chosen in Settings, else $OLLAMA_HOST, else the default."""
    from app.application import Plume

    return Plume(settings).host(strict=False)


def _present_error(parent: QWidget, error: BaseException) -> None:
    from app.ui.errors import present_error  # on first use: not before the first frame

    present_error(parent, error)


class ModelConnection(QObject):
    # ---- Signals
    model_changed = Signal(str)     # the model picked (after the list refreshed, too)
    settings_requested = Signal()   # the banner's "Settings…": open on the connection page
    models_changed = Signal(list)   # installed models (ModelInfo), each time the list arrives

    def __init__(self, window: QWidget, parts: Parts, actions: Actions,
                 settings: Callable[[], Settings], service_factory: Any = None) -> None:
        super().__init__(window)
        self._window = window
        self._parts = parts
        self._actions = actions
        self._settings = settings
        self._service_factory = service_factory
        self._connection: ConnectionController | None = None
        self._banner: ConnectionBanner | None = None
        self._built = False
        self._banner_built = False
        self.pending_model = ""      # selected as soon as the list has it (after a pull)
        self.models: list[Any] = []  # installed models as last listed
        self.picker = ModelPicker(parts.side)
        parts.model_box.addWidget(self.picker)
        self.picker.model_changed.connect(self._on_model)
        self.picker.pull_requested.connect(self.open_pull_dialog)
        actions.retry_connection.triggered.connect(self.check)
        actions.pull_model.triggered.connect(lambda: self.open_pull_dialog(""))
        parts.status.set_host(host_of(settings()), "checking")

    # ---- Public API

    @property
    def connection(self) -> ConnectionController | None:
        """The controller, built on first use (its imports cost start-up time)."""
        if not self._built:
            self._built = True
            self._connection = self._build_connection()
        return self._connection

    @property
    def banner(self) -> ConnectionBanner | None:
        if not self._banner_built:
            self._banner_built = True
            self._banner = self._build_banner()
        return self._banner

    @property
    def banner_built(self) -> bool:
        """Whether the banner exists (reading `banner` would build it)."""
        return self._banner_built

    def start(self) -> None:
        if self.connection is not None:
            self.connection.start()

    def start_after_first_frame(self) -> None:
        # The controller and the check (which imports the Ollama client in a background
        # thread) would otherwise compete with building the window.
        QTimer.singleShot(0, self.start)

    def check(self, *_args: object) -> None:
        if self.connection is not None:
            self.connection.check()

    def stop(self) -> None:
        """At close: stops the controller if it was ever built (never builds it)."""
        if self._connection is not None:
            self._connection.stop()

    def host_changed(self, old: Settings, new: Settings) -> None:
        if host_of(new) != host_of(old) and self.connection is not None:
            self.connection.set_host(host_of(new))

    def open_pull_dialog(self, name: str) -> None:
        try:
            from app.ui.dialogs.pull_dialog import PullDialog
        except ImportError:
            _present_error(self._window, InputError(
                _tr("Pulling models from the app is not available yet."),
                hint=_tr("Run “ollama pull NAME” in a terminal.")))
            return
        connection = self.connection
        service = connection.service() if connection is not None else None
        if connection is None or service is None:
            from app.core.errors import OllamaUnavailable

            _present_error(self._window, OllamaUnavailable(
                _tr("Ollama is not reachable, so no model can be pulled now.")))
            return
        dialog = PullDialog(service, name, self._window)

        def pulled(model: str) -> None:
            self.pending_model = model
            connection.check()

        dialog.model_pulled.connect(pulled)
        dialog.open()

    # ---- Private

    def _classes(self) -> tuple[Any, Any] | None:
        try:
            from app.ui.controllers.connection_controller import ConnectionController
            from app.ui.panels.connection_banner import ConnectionBanner
        except ImportError as exc:  # a build without the connection widgets
            logger.warning("connection widgets unavailable: %s", exc)
            return None
        return ConnectionController, ConnectionBanner

    def _build_banner(self) -> ConnectionBanner | None:
        loaded = self._classes()
        if loaded is None:
            return None
        banner: ConnectionBanner = loaded[1](self._parts.central)
        self._parts.top_box.addWidget(banner)
        banner.retry_requested.connect(self.check)
        banner.settings_requested.connect(self.settings_requested)
        banner.pull_requested.connect(self._actions.pull_model.trigger)
        return banner

    def _build_connection(self) -> ConnectionController | None:
        loaded = self._classes()
        if loaded is None:
            return None
        kwargs = {"service_factory": self._service_factory} if self._service_factory else {}
        connection: ConnectionController = loaded[0](host_of(self._settings()), self, **kwargs)
        banner = self.banner
        if banner is not None:
            connection.status_changed.connect(banner.show_status)
        connection.status_changed.connect(self._on_status)
        return connection

    def _on_status(self, status: Any) -> None:
        self._parts.status.set_host(status.host, str(getattr(status.state, "value",
                                                             status.state)))
        if not status.connected:
            return
        picker = self.picker
        previous = picker.current_model()
        self.models = list(status.models)
        picker.set_models(self.models)
        self.models_changed.emit(self.models)
        # First list: start on the default model from settings; later keep the choice.
        preferred = self.pending_model or previous or self._settings().default_model
        self.pending_model = ""
        if preferred and picker.current_model() != preferred:
            picker.set_current(preferred)
        self._on_model(picker.current_model())

    def _on_model(self, name: str) -> None:
        self._parts.status.set_model(name)
        info = self.picker.current_info() if name else None
        can_think = bool(getattr(info, "can_think", False))
        levels = bool(getattr(info, "think_levels", ()))
        self._parts.thinking.set_capabilities(thinking=can_think, levels=levels)
        self.model_changed.emit(name)
