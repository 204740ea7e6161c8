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

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

logger = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Dispatcher(QObject):
    """One long-lived object on the GUI thread; pool threads post finished tasks to it.

    It is never deleted while the app runs, so a pool thread never emits on a destroyed
    object (per-task relays parented to a closing widget could be freed mid-emit)."""

    task_finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.task_finished.connect(self._deliver)

    @Slot(object)
    def _deliver(self, task: _Task) -> None:
        task.deliver()


class _Task:
    def __init__(self, fn: Callable[[], Any], on_done: DoneCallback | None,
                 on_error: ErrorCallback | None, owner: QObject | None,
                 runner: ThreadPoolRunner) -> None:
        self.fn = fn
        self.on_done = on_done
        self.on_error = on_error
        self.owner = owner
        self.runner = runner
        self.discarded = False
        self.result: Any = None
        self.error: BaseException | None = None

    def deliver(self) -> None:
        """On the GUI thread: call back unless discarded or the owner is gone; then let go
        of all the task holds."""
        self.runner._forget(self)
        try:
            if self.discarded or (self.owner is not None and not shiboken6.isValid(self.owner)):
                return
            if self.error is None:
                if self.on_done is not None:
                    self.on_done(self.result)
            elif self.on_error is not None:
                self.on_error(self.error)
            else:
                from app.ui.errors import present_error

                present_error(self.owner, self.error)
        finally:
            self._let_go()

    def _let_go(self) -> None:
        """Drop the owner, the callbacks (and the widgets their closures hold), the result
        and the error here, on the GUI thread. The pool thread may hold the task last: a
        QWidget freed there crashes the app later (a parentless picker freed by a pool
        thread corrupted the heap: `tests/ui/test_pull_dialog.py`)."""
        self.fn = _nothing
        self.on_done = self.on_error = None
        self.owner = self.result = self.error = None


def _nothing() -> None:
    return None


class _Job(QRunnable):
    def __init__(self, task: _Task, dispatcher: _Dispatcher) -> None:
        super().__init__()
        self._task = task
        self._dispatcher = dispatcher

    def run(self) -> None:
        task = self._task
        try:
            task.result = task.fn()
        except BaseException as exc:  # noqa: BLE001 - the boundary: hand every failure back
            logger.debug("background task failed", exc_info=True)
            task.error = exc
        self._dispatcher.task_finished.emit(task)


class TaskHandle:
    """What `run_in_background` returns: `discard()` drops the callbacks."""

    def __init__(self, task: _Task | None) -> None:
        self._task = task

    def discard(self) -> None:
        if self._task is not None:
            self._task.discarded = True


class ThreadPoolRunner:
    """The real runner: a small private QThreadPool, results queued to the GUI thread."""

    def __init__(self, max_threads: int = 4) -> None:
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max_threads)
        self._dispatcher = _Dispatcher()
        self._pending: set[_Task] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> TaskHandle:
        task = _Task(fn, on_done, on_error, owner, self)
        self._pending.add(task)
        self._pool.start(_Job(task, self._dispatcher))
        return TaskHandle(task)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until running tasks end (used when the app closes)."""
        return self._pool.waitForDone(msecs)

    def _forget(self, task: _Task) -> None:
        self._pending.discard(task)


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
