"""The writing workflow as a small state machine, with no widget in it.

    idle ─ plan() → planning ─ PlanReady → outline_review ─ write() → writing → done
                       └──────── stop()/error ───────────┴──→ stopped / failed

Each run gets an id; signals from an older run are ignored, so a stopped run can
never write into the editor after Stop. `stop()` cancels the token directly (a
queued signal would wait behind the blocking stream) and answers at once.
One exception: Stop during the self-review. The draft is complete then, and the review
hands over its best version (the draft plus the fixes kept so far) a few milliseconds
later; that ReviewReady and ArticleReady still arrive (`review_stopped` tells the view),
unless another run has started meanwhile.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.application import Plume
from app.core.cancel import CancelToken
from app.core.errors import Cancelled, PlumeError
from app.core.generation.events import (
    ArticleReady,
    Event,
    Metrics,
    Notice,
    Phase,
    PhaseStarted,
    PlanReady,
    ReviewReady,
    SectionDone,
)
from app.core.models import Brief, Plan
from app.ui.workers.generation_worker import GenerationWorker

logger = logging.getLogger(__name__)

# Called on the GUI thread; returns a builder the worker calls to get an ArticleGenerator.
GeneratorFactory = Callable[[], Callable[[], Any]]


class GenerationState(StrEnum):
    IDLE = "idle"
    PLANNING = "planning"
    OUTLINE_REVIEW = "outline_review"
    WRITING = "writing"
    DONE = "done"
    STOPPED = "stopped"
    FAILED = "failed"


BUSY_STATES = (GenerationState.PLANNING, GenerationState.WRITING)


class RunKind(StrEnum):
    PLAN = "plan"
    WRITE = "write"
    SECTION = "section"


class GenerationController(QObject):
    # ---- Signals
    state_changed = Signal(str)                 # GenerationState value
    plan_ready = Signal(object)                 # Plan
    phase_started = Signal(object)              # PhaseStarted
    text_received = Signal(int, str)            # section, text (batched)
    thinking_received = Signal(str)
    section_done = Signal(object)               # SectionDone
    metrics_updated = Signal(object)            # Metrics
    notice_received = Signal(object)            # Notice: what the flow repaired or flags
    article_ready = Signal(object)              # Article
    review_ready = Signal(object)               # app.core.review.ReviewResult
    generation_failed = Signal(object, object)  # PlumeError, partial Article | None
    generation_stopped = Signal()
    run_started = Signal(str)                   # RunKind value
    run_finished = Signal()                     # the run's stream is over (any outcome)
    review_stopped = Signal()                   # Stop hit the self-review: its result follows

    def __init__(self, generator_factory: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = generator_factory
        self._state = GenerationState.IDLE
        self._run_id = 0
        self._token: CancelToken | None = None
        self._kind: RunKind | None = None
        self._reviewing = False                 # the current run is in its self-review
        self._late_review: int | None = None    # stopped run whose review result may arrive
        self._threads: dict[int, tuple[QThread, GenerationWorker]] = {}

    # ---- Public API

    @property
    def state(self) -> GenerationState:
        return self._state

    @property
    def busy(self) -> bool:
        return self._state in BUSY_STATES

    @property
    def run_kind(self) -> RunKind | None:
        return self._kind

    @property
    def reviewing(self) -> bool:
        """The current run is past its draft, in the self-review."""
        return self.busy and self._reviewing

    def set_generator_factory(self, factory: Callable[[], Any]) -> None:
        self._factory = factory

    def plan(self, brief: Brief) -> None:
        if (checked := self._checked(brief)) is not None:
            self._start(RunKind.PLAN, GenerationState.PLANNING, functools.partial(_plan, checked))

    def write(self, brief: Brief, plan: Plan) -> None:
        if (checked := self._checked(brief)) is not None:
            self._start(RunKind.WRITE, GenerationState.WRITING,
                        functools.partial(_write, checked, plan))

    def write_section(
        self,
        brief: Brief,
        plan: Plan,
        index: int,
        previous_markdown: str,
        extend_text: str | None = None,
    ) -> None:
        if (checked := self._checked(brief)) is None:
            return
        pipeline = functools.partial(_section, checked, plan, index, previous_markdown, extend_text)
        self._start(RunKind.SECTION, GenerationState.WRITING, pipeline)

    def write_faq(self, brief: Brief, plan: Plan) -> None:
        """The FAQ alone (Write → Continue, when the run stopped before it)."""
        if (checked := self._checked(brief)) is not None:
            self._start(RunKind.SECTION, GenerationState.WRITING,
                        functools.partial(_faq, checked, plan))

    def stop(self) -> None:
        """Cancel the current run now; its text stays, its late signals are ignored."""
        if not self.busy or self._token is None:
            return
        in_review = self._reviewing
        self._late_review = self._run_id if in_review else None
        self._token.cancel()
        self._run_id += 1  # everything the old run still emits is now stale…
        self._reviewing = False
        self._set_state(GenerationState.STOPPED)
        if in_review:
            self.review_stopped.emit()  # …except the stopped review's best version
        self.generation_stopped.emit()
        self.run_finished.emit()

    def shutdown(self, msecs: int = 3000) -> None:
        """Called when the window closes: cancel, then quit and wait for every thread."""
        if self._token is not None:
            self._token.cancel()
        self._run_id += 1
        for thread, _worker in list(self._threads.values()):
            thread.quit()
            thread.wait(msecs)

    def outline_accepted(self) -> None:
        """The writer goes back to reviewing the outline (e.g. after editing it)."""
        if not self.busy:
            self._set_state(GenerationState.OUTLINE_REVIEW)

    # ---- Private

    def _checked(self, brief: Brief) -> Brief | None:
        """The brief with its keyword read by the one keyword rule (as `plume generate` and
        batch lists read it); None, after `generation_failed`, when it cannot be used."""
        if self.busy:
            return None
        try:
            return Plume.checked_brief(brief)
        except PlumeError as exc:
            self.generation_failed.emit(exc, None)
            return None

    def _start(self, kind: RunKind, state: GenerationState, pipeline: Callable[..., Any]) -> None:
        if self.busy:
            return
        try:
            build = self._factory()   # GUI thread: snapshot of model/options
        except PlumeError as exc:
            self.generation_failed.emit(exc, None)
            return
        self._run_id += 1
        run_id = self._run_id
        self._reviewing = False
        self._late_review = None
        self._token = token = CancelToken()
        self._kind = kind
        # The generator is built on the worker thread (it may read the keychain).
        worker = GenerationWorker(run_id, functools.partial(pipeline, build), token)
        thread = QThread(self)
        thread.setObjectName(f"generation-{run_id}")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.text_received.connect(self._on_worker_text)
        worker.thinking_received.connect(self._on_worker_thinking)
        worker.event_received.connect(self._on_worker_event)
        worker.run_failed.connect(self._on_worker_failed)
        worker.run_ended.connect(self._on_worker_ended)
        worker.run_ended.connect(thread.quit)
        # The worker has no parent: Python owns it and frees it when `_threads` lets go
        # (no deleteLater as well: two owners would delete it twice).
        thread.finished.connect(self._on_thread_finished)
        self._threads[run_id] = (thread, worker)
        self._set_state(state)
        self.run_started.emit(kind.value)
        thread.start()

    def _set_state(self, state: GenerationState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)

    def _current(self, run_id: int) -> bool:
        return run_id == self._run_id and self.busy

    @Slot(int, int, str)
    def _on_worker_text(self, run_id: int, section: int, text: str) -> None:
        if self._current(run_id):
            self.text_received.emit(section, text)

    @Slot(int, str)
    def _on_worker_thinking(self, run_id: int, text: str) -> None:
        if self._current(run_id):
            self.thinking_received.emit(text)

    def _late_review_event(self, run_id: int, event: Event) -> bool:
        """The result of a review stopped by the writer, with no other run started since."""
        return (run_id == self._late_review and self._run_id == run_id + 1
                and self._state is GenerationState.STOPPED
                and isinstance(event, ReviewReady | ArticleReady))

    @Slot(int, object)
    def _on_worker_event(self, run_id: int, event: Event) -> None:
        if self._late_review_event(run_id, event):
            if isinstance(event, ReviewReady):
                self.review_ready.emit(event.result)
            elif isinstance(event, ArticleReady):
                self._late_review = None
                self.article_ready.emit(event.article)
            return
        if not self._current(run_id):
            return
        if isinstance(event, PlanReady):
            self.plan_ready.emit(event.plan)
        elif isinstance(event, PhaseStarted):
            if event.phase is Phase.REVIEW:
                self._reviewing = True
            self.phase_started.emit(event)
        elif isinstance(event, SectionDone):
            self.section_done.emit(event)
        elif isinstance(event, Metrics):
            self.metrics_updated.emit(event)
        elif isinstance(event, Notice):
            self.notice_received.emit(event)
        elif isinstance(event, ArticleReady):
            self.article_ready.emit(event.article)
        elif isinstance(event, ReviewReady):
            self.review_ready.emit(event.result)

    @Slot(int, object, object)
    def _on_worker_failed(self, run_id: int, error: PlumeError, partial: object) -> None:
        if not self._current(run_id):
            return
        if isinstance(error, Cancelled):
            self._set_state(GenerationState.STOPPED)
            self.generation_stopped.emit()
            return
        self._set_state(GenerationState.FAILED)
        self.generation_failed.emit(error, partial)

    @Slot(int)
    def _on_worker_ended(self, run_id: int) -> None:
        if run_id != self._run_id:
            return
        if self._state is GenerationState.PLANNING:
            self._set_state(GenerationState.OUTLINE_REVIEW)
        elif self._state is GenerationState.WRITING:
            self._set_state(GenerationState.DONE)
        self.run_finished.emit()

    @Slot()
    def _on_thread_finished(self) -> None:
        for run_id, (thread, _worker) in list(self._threads.items()):
            if thread.isFinished():
                del self._threads[run_id]
                thread.deleteLater()


# Pipelines: called on the worker thread with (..., generator factory, token).


def _plan(brief: Brief, factory: Callable[[], Any], token: CancelToken) -> Iterator[Event]:
    return iter(factory().plan(brief, token))


def _write(brief: Brief, plan: Plan, factory: Callable[[], Any],
           token: CancelToken) -> Iterator[Event]:
    return iter(factory().write(brief, plan, token))


def _faq(brief: Brief, plan: Plan, factory: Callable[[], Any],
         token: CancelToken) -> Iterator[Event]:
    return iter(factory().write_faq(brief, plan, None, token))


def _section(
    brief: Brief,
    plan: Plan,
    index: int,
    previous: str,
    extend_text: str | None,
    factory: Callable[[], Any],
    token: CancelToken,
) -> Iterator[Event]:
    return iter(
        factory().write_section(brief, plan, index, previous, token, extend_text=extend_text)
    )


__all__ = ["GenerationController", "GenerationState", "Phase", "RunKind"]
