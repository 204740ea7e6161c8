"""Runs one batch job (core BatchRunner) on a QThread and reports it by signals.

The runner's own threads do the articles; this worker's thread only blocks in
`BatchRunner.run()` and relays events. Pause/resume/stop/cancel are called directly on the
runner from the GUI thread (they are thread-safe and never wait). The worker never touches a
widget. index.csv and failures.txt are written here, off the GUI thread, when the run ends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from app.core.errors import PlumeError

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("BatchWorker", text)


class BatchWorker(QObject):
    # ---- Signals
    event_received = Signal(object)        # a core.batch.runner event (ItemStarted, ItemEnded…)
    run_ended = Signal(object)             # RunOutcome
    run_failed = Signal(object)            # PlumeError: the run could not start or crashed

    def __init__(self, store: Any, make_runner: Callable[[Callable[[Any], None]], Any]) -> None:
        """`make_runner(on_event)` builds the job's BatchRunner (`Plume.batch_runner`)."""
        super().__init__()
        self.store = store
        self.runner = make_runner(self.event_received.emit)

    @Slot()
    def run(self) -> None:
        from app.core.batch.lock import JobLock
        from app.core.batch.output import write_outputs

        try:
            with JobLock(self.store.path):
                outcome = self.runner.run()
                write_outputs(self.store)
        except PlumeError as exc:
            self.run_failed.emit(exc)
        except Exception as exc:  # noqa: BLE001 — worker boundary: never lose an exception
            logger.exception("batch run crashed")
            self.run_failed.emit(PlumeError(_tr("The batch stopped unexpectedly: {0}").format(exc)))
        else:
            self.run_ended.emit(outcome)
        finally:
            self.store.close_thread()
