"""A thread-safe cancel flag. The UI thread calls `cancel()` directly (never through
a queued signal); workers check it between chunks and close their stream."""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.core.errors import Cancelled


class CancelToken:
    __slots__ = ("_event", "_callbacks", "_lock")

    def __init__(self) -> None:
        self._event = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Run `callback` (in the cancelling thread) when cancelled — at once if already.
        Returns a function that unregisters it. Used to abort a blocking socket read."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return lambda: self._remove(callback)
        callback()
        return lambda: None

    def _remove(self, callback: Callable[[], None]) -> None:
        with self._lock:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, timeout: float) -> bool:
        """Sleep up to `timeout` seconds, waking early on cancel. True if cancelled."""
        return self._event.wait(timeout)
