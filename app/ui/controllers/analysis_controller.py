"""Scores the article on a debounce, in a worker, from a snapshot, coalescing requests.

`schedule()` is cheap (restarts a timer): call it on every keystroke and streamed
chunk. When the timer fires, an `Article` snapshot is taken on the GUI thread and
analysed in the background. While one analysis runs, new requests only mark the
text dirty; when it ends, one more run starts with the newest text. So the score
panel is never more than one analysis behind and the GUI thread never analyses.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.ui.workers.task_runner import run_in_background

if TYPE_CHECKING:
    from app.core.models import Article

logger = logging.getLogger(__name__)

DEBOUNCE_MS = 400
MAX_WAIT_MS = 2000   # while text keeps changing (streaming), still score this often


class _AnalyzerHolder:
    """One Analyzer, built lazily in the worker (imports the analysis off the GUI thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._analyzer: Any = None

    def warm_up(self) -> None:
        """Import the engine and build the Analyzer ahead of the first real analysis."""
        import datetime as dt

        from app.core.models import Article, Language

        sample = Article(keyword="warm up", language=Language.EN, title="Warm up",
                         meta_description="", slug="warm-up",
                         body="# Warm up\n\nA short text to load the dictionaries.",
                         created=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
        report = self.analyze(sample, "")
        from app.core.analysis.messages import check_title, message

        for lang in ("en", "fr"):     # the wording tables load on first use
            for check in report.checks:
                message(check, lang)
                check_title(check.id, lang)

    def analyze(self, article: Article, site_url: str) -> Any:
        with self._lock:
            if self._analyzer is None:
                from app.core.analysis import Analyzer

                self._analyzer = Analyzer()
            return self._analyzer.analyze(article, site_url=site_url)


class AnalysisController(QObject):
    # ---- Signals
    report_ready = Signal(object)        # Report
    analysis_failed = Signal(object)     # exception (logged; the panel keeps the last report)

    def __init__(
        self,
        source: Callable[[], Article],
        site_url: Callable[[], str] = lambda: "",
        parent: QObject | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._site_url = site_url
        self._holder = _AnalyzerHolder()
        self._in_flight = False
        self._dirty = False
        self.runs = 0                    # analyses started (benchmarks, tests)
        self.last_report: Any = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._debounce_ms = debounce_ms
        self._pending_since: float | None = None
        self._timer.timeout.connect(self._run)

    # ---- Public API

    def schedule(self) -> None:
        """Debounce, but never postpone longer than MAX_WAIT_MS (streamed text never pauses)."""
        now = time.monotonic()
        if self._pending_since is None:
            self._pending_since = now
        waited_ms = (now - self._pending_since) * 1000
        self._timer.start(int(max(0, min(self._debounce_ms, MAX_WAIT_MS - waited_ms))))

    def analyze_now(self) -> None:
        self._timer.stop()
        self._run()

    def warm_up(self) -> None:
        """Load the analysis engine in the background while the writer is idle, so the
        first score during streaming does not compete for the interpreter lock."""
        run_in_background(self._holder.warm_up, None, self._on_warm_failed, owner=self)

    @property
    def busy(self) -> bool:
        return self._in_flight or self._timer.isActive()

    # ---- Private

    def _run(self) -> None:
        self._pending_since = None
        if self._in_flight:
            self._dirty = True
            return
        article = self._source()
        if not article.body.strip():
            return
        self._in_flight = True
        self._dirty = False
        self.runs += 1
        holder, site = self._holder, self._site_url()
        run_in_background(
            lambda: holder.analyze(article, site), self._on_done, self._on_error, owner=self
        )

    def _on_done(self, report: Any) -> None:
        self._in_flight = False
        self.last_report = report
        self.report_ready.emit(report)
        if self._dirty:
            self.schedule()

    def _on_warm_failed(self, exc: BaseException) -> None:
        logger.warning("analysis warm-up failed: %r", exc)

    def _on_error(self, exc: BaseException) -> None:
        self._in_flight = False
        logger.warning("analysis failed: %r", exc)
        self.analysis_failed.emit(exc)
        if self._dirty:
            self.schedule()
