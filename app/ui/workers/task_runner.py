"""Run one-shot blocking work (model lists, keyring reads, exports) off the GUI thread.

    run_in_background(fn, on_done, on_error, owner=widget)

`fn()` runs in a pool thread; `on_done(result)` or `on_error(exc)` then runs on the
GUI thread. When `owner` (a QObject) is destroyed first, neither callback runs, so a
closed dialog is never called back. Tests can swap in `SynchronousRunner` with
`set_runner()` to get the callbacks inline (Picard's FakeThreadPool idea).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

logger = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; carries the result back with a queued signal."""

    # ---- Signals
    result_ready = Signal(object)
    error_raised = Signal(object)

    def __init__(
        self,
        on_done: DoneCallback | None,
        on_error: ErrorCallback | None,
        owner: QObject | None,
        runner: ThreadPoolRunner,
    ) -> None:
        super().__init__(owner)
        self._on_done = on_done
        self._on_error = on_error
        self._runner = runner
        self.discarded = False
        self.result_ready.connect(self._deliver_result)
        self.error_raised.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self._runner._forget(self)
        if not self.discarded and self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        self._runner._forget(self)
        if self.discarded:
            return
        if self._on_error is not None:
            self._on_error(exc)
        else:
            from app.ui.errors import present_error

            present_error(self.parent() if isinstance(self.parent(), QObject) else None, exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - the boundary: hand every failure back
            logger.debug("background task failed", exc_info=True)
            self._emit(self._relay.error_raised, exc)
        else:
            self._emit(self._relay.result_ready, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The owner (and the relay with it) was destroyed: nobody to tell.
            pass


class TaskHandle:
    """What `run_in_background` returns: `discard()` drops the callbacks."""

    def __init__(self, relay: _Relay | None) -> None:
        self._relay = relay

    def discard(self) -> None:
        if self._relay is not None:
            self._relay.discarded = True


class ThreadPoolRunner:
    """The real runner: a small private QThreadPool, results queued to the GUI thread."""

    def __init__(self, max_threads: int = 4) -> None:
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max_threads)
        self._pending: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> TaskHandle:
        relay = _Relay(on_done, on_error, owner, self)
        self._pending.add(relay)  # keep the Python wrapper alive until delivery
        self._pool.start(_Job(fn, relay))
        return TaskHandle(relay)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until running tasks end (used when the app closes)."""
        return self._pool.waitForDone(msecs)

    def _forget(self, relay: _Relay) -> None:
        self._pending.discard(relay)


class SynchronousRunner:
    """Runs `fn` inline and calls back at once. For tests and scripts only."""

    def run(
        self,
        fn: Callable[[], Any],
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> TaskHandle:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001
            if on_error is not None:
                on_error(exc)
            else:
                from app.ui.errors import present_error

                present_error(owner, exc)
        else:
            if on_done is not None:
                on_done(result)
        return TaskHandle(None)

    def wait(self, msecs: int = 5000) -> bool:
        return True


Runner = ThreadPoolRunner | SynchronousRunner
_runner: Runner | None = None


def runner() -> Runner:
    global _runner
    if _runner is None:
        _runner = ThreadPoolRunner()
    return _runner


def set_runner(new: Runner | None) -> Runner | None:
    """Install another runner (tests); returns the previous one. None restores the default."""
    global _runner
    previous, _runner = _runner, new
    return previous


def run_in_background(
    fn: Callable[[], Any],
    on_done: DoneCallback | None = None,
    on_error: ErrorCallback | None = None,
    owner: QObject | None = None,
) -> TaskHandle:
    """Run `fn()` off the GUI thread; call `on_done(result)` / `on_error(exc)` on it.

    Without `on_error`, failures go to `present_error(owner, exc)`.
    """
    return runner().run(fn, on_done, on_error, owner)


def wait_for_background_tasks(msecs: int = 5000) -> bool:
    return runner().wait(msecs)
