"""SIGTERM and SIGHUP (`kill`, a closed session, a system shutdown) close the window the way
the close button does: the recovery copy takes the words streamed or typed since the last
autosave before the app exits.

Qt's event loop does not run Python code between events, so a Python signal handler alone
would wait for the next event; `signal.set_wakeup_fd` writes to a socket that a
QSocketNotifier watches, which wakes the loop at once.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class StopSignals(QObject):
    """Calls `on_stop(signum)` on the GUI thread when a stop signal arrives."""

    def __init__(self, on_stop: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_stop = on_stop
        self._received: list[int] = []
        self._reader, self._writer = socket.socketpair()
        for sock in (self._reader, self._writer):
            sock.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)
        for signum in STOP_SIGNALS:
            signal.signal(signum, self._note)

    def _note(self, signum: int, _frame: object) -> None:
        self._received.append(signum)

    def _wake(self) -> None:
        try:
            while self._reader.recv(64):
                pass
        except OSError:
            pass
        while self._received:
            self._on_stop(self._received.pop(0))
