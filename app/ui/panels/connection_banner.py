"""A non-blocking strip at the top of the window that says what to do when Ollama is not
usable: install/start it (with the host tried), or change the host; Retry and Settings
buttons. Hidden while connected. While a re-check runs, the last message stays put (no
flicker) and Retry shows that it is checking.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.controllers.connection_controller import ConnectionState, ConnectionStatus

OLLAMA_DOWNLOAD_URL = "https://ollama.com/download"


class ConnectionBanner(QFrame):
    # ---- Signals
    retry_requested = Signal()
    settings_requested = Signal()
    pull_requested = Signal()       # connected, but no model installed yet

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#connectionBanner { background: palette(alternate-base); "
            "border-left: 4px solid #d08700; }"
        )
        self._status: ConnectionStatus | None = None
        self._message = QLabel(self)
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.RichText)
        self._message.setOpenExternalLinks(True)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self._retry = QPushButton(self)
        self._settings = QPushButton(self)
        self._pull = QPushButton(self)
        self._retry.clicked.connect(self.retry_requested)
        self._settings.clicked.connect(self.settings_requested)
        self._pull.clicked.connect(self.pull_requested)
        layout = QHBoxLayout(self)
        layout.addWidget(self._message, 1)
        layout.addWidget(self._retry)
        layout.addWidget(self._pull)
        layout.addWidget(self._settings)
        self.retranslate_ui()
        self.hide()

    # ---- Public API

    def show_status(self, status: ConnectionStatus) -> None:
        previous = self._status
        self._status = status
        if status.state is ConnectionState.CHECKING:
            if previous is not None and previous.state is not ConnectionState.CONNECTED:
                self._retry.setEnabled(False)
                self._retry.setText(self.tr("Checking…"))
            return
        if status.connected and status.models:
            self.hide()
            return
        self._render()
        self.show()

    def message_text(self) -> str:
        """The plain text shown (for tests and accessibility)."""
        return QTextDocumentFragment.fromHtml(self._message.text()).toPlainText()

    def retranslate_ui(self) -> None:
        self._retry.setText(self.tr("Retry"))
        self._retry.setToolTip(self.tr("Check the connection to Ollama again"))
        self._settings.setText(self.tr("Settings…"))
        self._settings.setToolTip(self.tr("Change the Ollama host or token"))
        self._pull.setText(self.tr("Pull a model…"))
        self._pull.setToolTip(self.tr("Download a model into Ollama"))
        if self._status is not None and self._status.state is not ConnectionState.CHECKING:
            self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- Private

    def _render(self) -> None:
        status = self._status
        if status is None:
            return
        self._retry.setEnabled(True)
        self._retry.setText(self.tr("Retry"))
        host = _escape(status.host)
        no_models = status.connected and not status.models
        self._pull.setVisible(no_models)
        self._retry.setVisible(not no_models)
        if no_models:
            text = self.tr(
                "<b>Ollama is running at {host} but has no model yet.</b> "
                "Pull one to start writing (e.g. gpt-oss:20b or qwen3:8b)."
            ).format(host=host)
        elif status.state is ConnectionState.UNREACHABLE and not _is_local(status.host):
            text = self.tr(
                "<b>Plume cannot reach Ollama at {host}.</b> Check that Ollama runs on that "
                "machine and listens on the network (start it with "
                "<code>OLLAMA_HOST=0.0.0.0 ollama serve</code>), that no firewall blocks the "
                "port, or change the host in Settings. Plume keeps checking and will connect "
                "as soon as it answers."
            ).format(host=host)
        elif status.state is ConnectionState.UNREACHABLE:
            text = self.tr(
                "<b>Plume cannot reach Ollama at {host}.</b> "
                "If Ollama is not installed, get it from <a href=\"{url}\">ollama.com</a>; "
                "then start it (open the Ollama app or run <code>ollama serve</code>). "
                "If Ollama runs elsewhere, change the host in Settings. "
                "Plume keeps checking and will connect as soon as it answers."
            ).format(host=host, url=OLLAMA_DOWNLOAD_URL)
        else:
            text = self.tr(
                "<b>Ollama at {host} answered with an error:</b> {error} "
                "Check the host and the access token in Settings, then retry."
            ).format(host=host, error=_escape(status.error))
        self._message.setText(text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _is_local(host: str) -> bool:
    from app.core.hosts import is_loopback, parse_host

    try:
        return is_loopback(parse_host(host))
    except Exception:  # noqa: BLE001 - a malformed host: give the local advice
        return True
