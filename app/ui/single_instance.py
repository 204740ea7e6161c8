"""One Plume window per profile: a second launch on the same library hands over to the
first (which comes forward) instead of opening a second window whose autosave would
clobber the first one's drafts.

    instance = SingleInstance(SingleInstance.key_for(library_path))
    if instance.forward_to_running():
        return 0                     # the running window came forward
    instance.listen()
    instance.activation_requested.connect(lambda: bring_forward(window))
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

logger = logging.getLogger(__name__)
_WAIT_MS = 500


class SingleInstance(QObject):
    activation_requested = Signal()   # another launch on this profile asked to be shown

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None

    @staticmethod
    def key_for(profile_file: Path) -> str:
        """A socket name for one profile (its library file), short enough for every OS."""
        digest = hashlib.sha256(str(Path(profile_file).resolve()).encode()).hexdigest()
        return f"plume-{digest[:24]}"

    def forward_to_running(self) -> bool:
        """True when a Plume already runs on this profile (it was asked to come forward)."""
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(_WAIT_MS):
            return False
        socket.write(b"activate\n")
        socket.waitForBytesWritten(_WAIT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        server = QLocalServer(self)
        if not server.listen(self.key):
            QLocalServer.removeServer(self.key)   # a socket file left by a crashed Plume
            if not server.listen(self.key):
                logger.warning("single-instance guard unavailable: %s", server.errorString())
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
        self.activation_requested.emit()


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
