"""SIGTERM and SIGHUP (`kill`, a closed session, a system shutdown) close the window the way
the close button does: the recovery copy takes the words streamed or typed since the last
autosave before the app exits.

Qt's event loop does not run Python code between events, so a Python signal handler alone
would wait for the next event; `signal.set_wakeup_fd` writes to a pipe (a socket on
Windows) that a QSocketNotifier watches, which wakes the loop at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class StopSignals(QObject):
    """Calls `on_stop(signum)` on the GUI thread when a stop signal arrives."""

    def __init__(self, on_stop: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_stop = on_stop
        self._received: list[int] = []
        self._read, write = _wake_pair()
        signal.set_wakeup_fd(write)
        self._notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)
        for signum in STOP_SIGNALS:
            signal.signal(signum, self._note)

    def _note(self, signum: int, _frame: object) -> None:
        self._received.append(signum)

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            while _drain(self._read):
                pass
        while self._received:
            self._on_stop(self._received.pop(0))


def _wake_pair() -> tuple[int, int]:
    """Non-blocking (read, write) descriptors for `set_wakeup_fd`: a pipe, or on Windows
    (where it must be a socket) a socket pair."""
    if sys.platform == "win32":
        import socket

        reader, writer = socket.socketpair()
        for sock in (reader, writer):
            sock.setblocking(False)
        _SOCKETS[reader.fileno()], _SOCKETS[writer.fileno()] = reader, writer
        return reader.fileno(), writer.fileno()
    read, write = os.pipe()
    os.set_blocking(read, False)
    os.set_blocking(write, False)
    return read, write


def _drain(fd: int) -> bytes:
    if fd in _SOCKETS:
        return bytes(_SOCKETS[fd].recv(64))
    return os.read(fd, 64)


_SOCKETS: dict[int, Any] = {}   # Windows: the socket pair, kept open for the app's life
