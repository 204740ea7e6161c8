"""Iterates one generation pipeline on a worker thread and reports it by batched signals.

The worker never touches a widget. Text and thinking deltas are gathered and emitted
at most every `BATCH_SECONDS` (and whenever the section changes or another event
arrives), so the GUI thread receives ~25 updates a second whatever the token rate.
Every signal carries the run id so the controller can drop signals of an old run.
On cancel the worker closes the pipeline's generator, which closes the HTTP stream
(and so stops Ollama); it never waits for the model to finish. Only a self-review that is
stopped is read to its end: it ends at once with its best version (ReviewReady, ArticleReady).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from app.core.cancel import CancelToken
from app.core.errors import Cancelled, GenerationError, PlumeError
from app.core.generation.events import (
    ArticleReady,
    Event,
    Failed,
    Phase,
    PhaseStarted,
    ReviewReady,
    TextDelta,
    ThinkingDelta,
)

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("GenerationWorker", text)

BATCH_SECONDS = 0.04
PipelineFactory = Callable[[CancelToken], Iterator[Event]]


class GenerationWorker(QObject):
    # ---- Signals (run_id first)
    text_received = Signal(int, int, str)      # run_id, section, text
    thinking_received = Signal(int, str)       # run_id, text
    event_received = Signal(int, object)       # run_id, any other pipeline event
    run_failed = Signal(int, object, object)   # run_id, PlumeError, partial Article | None
    run_ended = Signal(int)                    # always last, success or not

    def __init__(self, run_id: int, pipeline: PipelineFactory, token: CancelToken) -> None:
        super().__init__()
        self.run_id = run_id
        self._pipeline = pipeline
        self._token = token
        self._text: list[str] = []
        self._text_section = 0
        self._thinking: list[str] = []
        self._last_flush = 0.0
        self._failed = False

    # ---- Public API

    @Slot()
    def run(self) -> None:
        events: Iterator[Event] | None = None
        reviewing = False
        try:
            events = self._pipeline(self._token)
            for event in events:
                if isinstance(event, PhaseStarted) and event.phase is Phase.REVIEW:
                    reviewing = True
                if self._token.cancelled:
                    # A stopped self-review still hands over the best version it reached
                    # (ReviewReady, then ArticleReady) within milliseconds: pass those on.
                    if not reviewing:
                        break
                    if isinstance(event, ReviewReady | ArticleReady):
                        self._handle(event)
                        if isinstance(event, ArticleReady):
                            break
                    continue
                self._handle(event)
            if self._token.cancelled:
                self._fail(Cancelled(), None)
        except PlumeError as exc:
            self._fail(exc, None)
        except Exception as exc:  # noqa: BLE001 - worker boundary: never lose an exception
            logger.exception("generation pipeline crashed")
            error = GenerationError(_tr("Unexpected error during generation: {0}").format(exc))
            error.__cause__ = exc
            self._fail(error, None)
        finally:
            self._close(events)
            self._flush()
            self.run_ended.emit(self.run_id)

    # ---- Private

    def _handle(self, event: Event) -> None:
        if isinstance(event, TextDelta):
            if event.section != self._text_section and self._text:
                self._flush()
            self._text_section = event.section
            self._text.append(event.text)
        elif isinstance(event, ThinkingDelta):
            self._thinking.append(event.text)
        elif isinstance(event, Failed):
            self._fail(event.error, event.partial)
            return
        else:
            self._flush()
            self.event_received.emit(self.run_id, event)
            return
        if time.monotonic() - self._last_flush >= BATCH_SECONDS:
            self._flush()

    def _fail(self, error: PlumeError, partial: object) -> None:
        self._flush()
        if not self._failed:
            self._failed = True
            self.run_failed.emit(self.run_id, error, partial)

    def _flush(self) -> None:
        self._last_flush = time.monotonic()
        if self._thinking:
            text, self._thinking = "".join(self._thinking), []
            self.thinking_received.emit(self.run_id, text)
        if self._text:
            text, self._text = "".join(self._text), []
            self.text_received.emit(self.run_id, self._text_section, text)

    @staticmethod
    def _close(events: Iterator[Event] | None) -> None:
        close = getattr(events, "close", None)
        if close is None:
            return
        try:
            close()  # GeneratorExit inside the pipeline closes the HTTP stream
        except Exception:  # noqa: BLE001
            logger.debug("closing the pipeline raised", exc_info=True)
