"""A thread-safe cancel flag. The UI thread calls `cancel()` directly (never through
a queued signal); workers check it between chunks and close their stream."""

from __future__ import annotations

import threading

from app.core.errors import Cancelled


class CancelToken:
    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, timeout: float) -> bool:
        """Sleep up to `timeout` seconds, waking early on cancel. True if cancelled."""
        return self._event.wait(timeout)
