"""The Batch tab's workflow: load a list → preview rows and problems → run → follow → finish.

    controller = BatchController(settings)
    controller.load_list(path)            # → list_loaded / load_failed
    controller.start(options)             # → job_started, then progress/item signals
    controller.pause(); controller.resume(); controller.cancel(); controller.stop()

Parsing, host checks and job creation run in the background; the run itself runs in a
BatchWorker on its own QThread. The writer can keep working in the Write tab meanwhile.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor

from app.application import Plume
from app.core.errors import InputError, PlumeError
from app.ui.workers.batch_worker import BatchWorker
from app.ui.workers.task_runner import run_in_background

logger = logging.getLogger(__name__)
_Index = QModelIndex | QPersistentModelIndex


@dataclass
class RunOptions:
    out_dir: str
    formats: tuple[str, ...] = ("md",)
    hosts: tuple[str, ...] = ()
    concurrency: int = 1
    model: str = ""
    duplicates: str = "keep"             # "skip" | "keep"
    preset: str = "plain"
    review: bool = False                 # self-review pass per article


@dataclass
class TableRow:
    line: int
    keyword: str
    slug: str
    model: str
    state: str                           # ready, invalid, pending, running, done, failed, skipped
    detail: str = ""
    severity: str = ""                   # "", "warning", "error"
    item_id: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class BatchTableModel(QAbstractTableModel):
    """Rows of the list (before a run) or of the job (during and after)."""

    COLUMNS = ("line", "keyword", "file", "model", "status", "details")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TableRow] = []
        self._by_item: dict[int, int] = {}

    def set_rows(self, rows: list[TableRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._by_item = {r.item_id: i for i, r in enumerate(rows) if r.item_id}
        self.endResetModel()

    def update_item(self, item_id: int, **changes: Any) -> None:
        index = self._by_item.get(item_id)
        if index is None:
            return
        row = self.rows[index]
        for name, value in changes.items():
            setattr(row, name, value)
        self.dataChanged.emit(self.index(index, 0), self.index(index, len(self.COLUMNS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Line"), self.tr("Keyword"), self.tr("File"), self.tr("Model"),
                self.tr("Status"), self.tr("Details")][section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (row.line, row.keyword, row.slug, row.model, self.status_text(row.state),
                      row.detail)
            return values[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return _BACKGROUNDS.get(self.tone(row))
        if role == Qt.ItemDataRole.ForegroundRole and self.tone(row):
            return QColor(25, 25, 25)      # the light tints stay readable in the dark theme
        return None

    @staticmethod
    def tone(row: TableRow) -> str:
        """"bad", "ok", "good" or "": a done row takes the colour of its SEO score, as the
        score panel does (app/core/analysis/seo.py), not a plain "done" green."""
        if row.severity == "error" or row.state == "failed":
            return "bad"
        if row.severity == "warning":
            return "ok"
        if row.state == "done":
            seo = row.extra.get("seo")
            if seo is None:
                return "good"
            from app.core.analysis.seo import seo_status

            return {"good": "good", "ok": "ok"}.get(str(seo_status(seo).value), "bad")
        return ""

    def article_file(self, row: int) -> Path | None:
        """The article a done row wrote (Markdown first), to open in the editor."""
        if not 0 <= row < len(self.rows):
            return None
        return _article_file(self.rows[row].extra.get("files", ()))

    def status_text(self, state: str) -> str:
        return {
            "ready": self.tr("Ready"), "invalid": self.tr("Has errors"),
            "pending": self.tr("Waiting"), "running": self.tr("Writing…"),
            "done": self.tr("Done"), "failed": self.tr("Failed"), "skipped": self.tr("Skipped"),
        }.get(state, state)


_BACKGROUNDS = {"bad": QColor(255, 205, 205), "ok": QColor(255, 236, 179),
                "good": QColor(212, 240, 212)}


class BatchController(QObject):
    # ---- Signals
    list_loaded = Signal(object)          # ParsedList
    load_failed = Signal(object)          # PlumeError
    job_started = Signal(object)          # JobStore
    start_failed = Signal(object)         # PlumeError (bad list, no model, no host…)
    progress_changed = Signal(object)     # core.batch.runner.Progress
    host_changed = Signal(object)         # HostChanged
    run_finished = Signal(object)         # RunOutcome
    run_failed = Signal(object)           # PlumeError
    busy_changed = Signal(bool)           # a run is in progress (paused included)
    article_written = Signal(str)         # path of a finished article (Markdown first)

    def __init__(self, settings: Any = None, parent: QObject | None = None, *,
                 process: Any = None, probe: Any = None, stall_timeout: float = 300.0) -> None:
        super().__init__(parent)
        self.settings = settings
        self.model = BatchTableModel(self)
        self.parsed: Any = None
        self.groups: list[Any] = []
        self.store: Any = None
        self.source = ""
        self._process = process
        self._probe = probe
        self._stall_timeout = stall_timeout
        self._thread: QThread | None = None
        self._worker: BatchWorker | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._tick)

    # ---- Public API
    @property
    def running(self) -> bool:
        return self._worker is not None

    @property
    def paused(self) -> bool:
        return self._worker is not None and self._worker.runner.paused

    @property
    def app(self) -> Plume:
        """The application object for the settings as they are now (Settings… may change them)."""
        return Plume(self.settings)

    @property
    def defaults(self) -> Any:
        return self.app.batch_defaults()

    def hosts(self) -> list[str]:
        """Where a run goes: the Ollama host and the extra hosts, as they will be dialled."""
        try:
            return [spec.url for spec in self.app.batch_hosts()]
        except PlumeError:                 # a malformed host: shown as typed; Run says why
            s = self.settings
            return [s.host, *s.extra_hosts] if s is not None else []

    def load_list(self, path: str | Path) -> None:
        from app.core.batch.keywords import parse_file
        from app.core.batch.prepare import duplicate_groups

        defaults = self.defaults
        self.source = str(Path(path).resolve())

        def work() -> tuple[Any, list[Any]]:
            parsed = parse_file(path)
            return parsed, duplicate_groups(parsed, defaults)

        run_in_background(work, self._on_list_parsed, self._on_load_error, owner=self)

    def load_text(self, text: str) -> None:
        """Keywords pasted in the Batch tab: one per line, or CSV with a header row."""
        from app.core.batch.keywords import parse_bytes
        from app.core.batch.prepare import duplicate_groups

        defaults = self.defaults
        self.source = ""
        data = text.encode("utf-8")
        suffix = ".csv" if "keyword" in text.split("\n", 1)[0].lower() and "," in text else ""

        def work() -> tuple[Any, list[Any]]:
            parsed = parse_bytes(data, suffix)
            return parsed, duplicate_groups(parsed, defaults)

        run_in_background(work, self._on_list_parsed, self._on_load_error, owner=self)

    def start(self, options: RunOptions) -> None:
        if self.running:
            return
        if self.parsed is None:
            self.start_failed.emit(InputError(self.tr("Open a keyword list first.")))
            return
        run_in_background(lambda: self._create_job(options), self._on_job_created,
                          self.start_failed.emit, owner=self)

    def open_job(self, folder: str | Path) -> None:
        """Resume a job left in `folder` (stopped, crashed, or with failures to retry) — one
        made here or by `plume batch`."""
        if self.running:
            return
        try:
            store = self.app.open_batch_job(folder)
            store.retry_failed()
        except PlumeError as exc:
            self.start_failed.emit(exc)
            return
        self._launch(store)

    def pause(self) -> None:
        if self._worker is not None:
            self._worker.runner.pause()
            self._tick()

    def resume(self) -> None:
        if self._worker is not None:
            self._worker.runner.resume()
            self._tick()

    def stop(self) -> None:
        """Interrupt now; the job can be resumed later (Resume a job… on its folder)."""
        if self._worker is not None:
            self._worker.runner.stop()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.runner.cancel_job()

    def shutdown(self, wait_ms: int = 10_000) -> None:
        """Window closing: stop the run (progress kept) and wait for the thread."""
        self.stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(wait_ms)
            self._finish()

    # ---- Private
    def _create_job(self, options: RunOptions) -> Any:
        from app.core.batch import prepare

        app, parsed = self.app, self.parsed
        defaults = app.batch_defaults(model=options.model or None)
        if not defaults.model and any("model" not in r.overrides for r in parsed.valid_rows):
            raise InputError(_tr("No model chosen."), hint=_tr("Pick a model for the batch."))
        if not parsed.valid_rows:
            raise InputError(_tr("No row can run."), hint=_tr("Fix the rows marked in red."))
        specs = app.batch_hosts(options.hosts, options.concurrency)
        checks = prepare.check_hosts(specs, self._probe or app.probe)
        if not any(c.up for c in checks):
            from app.core.errors import OllamaUnavailable

            raise OllamaUnavailable(_tr("No Ollama host answered: {0}").format(
                "; ".join(f"{c.spec.url}: {c.error}" for c in checks)))
        missing = prepare.missing_models(parsed.valid_rows, defaults, checks)
        store = app.create_batch_job(
            parsed, out_dir=Path(options.out_dir), defaults=defaults, hosts=specs,
            formats=options.formats, preset=options.preset, duplicates=self.groups,
            duplicate_choice=options.duplicates,  # type: ignore[arg-type]
            unavailable=missing, review=options.review, source=self.source)
        store.close_thread()
        return store

    def _launch(self, store: Any) -> None:
        self.store = store
        self.model.set_rows([_row_of(item) for item in store.items()])
        app = self.app
        self._worker = BatchWorker(store, lambda on_event: app.batch_runner(
            store, on_event=on_event, process=self._process, probe=self._probe,
            stall_timeout=self._stall_timeout))
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.event_received.connect(self._on_event)
        self._worker.run_ended.connect(self._on_run_ended)
        self._worker.run_failed.connect(self._on_run_failed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.finished.connect(self._thread.deleteLater)
        self._thread.start()
        self._timer.start()
        self.job_started.emit(store)
        self.busy_changed.emit(True)

    @Slot(object)
    def _on_list_parsed(self, result: tuple[Any, list[Any]]) -> None:
        parsed, groups = result
        self.parsed, self.groups = parsed, groups
        self.model.set_rows([_preview_row(r, self.defaults.model) for r in parsed.rows])
        self.list_loaded.emit(parsed)

    @Slot(object)
    def _on_load_error(self, exc: BaseException) -> None:
        self.load_failed.emit(exc if isinstance(exc, PlumeError) else PlumeError(str(exc)))

    @Slot(object)
    def _on_job_created(self, store: Any) -> None:
        self._launch(store)

    @Slot(object)
    def _on_event(self, event: Any) -> None:
        from app.core.batch.runner import HostChanged, ItemEnded, ItemStarted

        if isinstance(event, ItemStarted):
            self.model.update_item(event.item_id, state="running", detail=event.host)
        elif isinstance(event, ItemEnded) and self.store is not None:
            item = self.store.item(event.item_id)
            self.model.update_item(event.item_id, **_changes(item))
            self._tick()
            written = _article_file(item.files or ()) if item.state.value == "done" else None
            if written is not None:
                self.article_written.emit(str(written))
        elif isinstance(event, HostChanged):
            self.host_changed.emit(event)

    @Slot()
    def _tick(self) -> None:
        if self._worker is not None:
            self.progress_changed.emit(self._worker.runner.progress())

    @Slot(object)
    def _on_run_ended(self, outcome: Any) -> None:
        self._finish()
        self.model.set_rows([_row_of(item) for item in self.store.items()])
        self.progress_changed.emit(outcome.progress)
        self.run_finished.emit(outcome)

    @Slot(object)
    def _on_run_failed(self, exc: PlumeError) -> None:
        self._finish()
        self.run_failed.emit(exc)

    def _finish(self) -> None:
        if self._thread is None and self._worker is None:
            return
        self._timer.stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(5000)
        self._thread, self._worker = None, None
        self.busy_changed.emit(False)


def _tr(text: str) -> str:
    return QCoreApplication.translate("BatchTableModel", text)


def _article_file(files: Any) -> Path | None:
    paths = [Path(f) for f in files]
    for suffix in (".md", ".html"):
        for path in paths:
            if path.suffix == suffix and path.is_file():
                return path
    return None


def _preview_row(row: Any, default_model: str) -> TableRow:
    errors = [p for p in row.problems if p.severity == "error"]
    severity = "error" if errors else ("warning" if row.problems else "")
    return TableRow(row.line, row.keyword, row.slug,
                    str(row.overrides.get("model") or default_model),
                    "ready" if row.ok else "invalid",
                    "; ".join(p.message for p in row.problems), severity)


def _row_of(item: Any) -> TableRow:
    row = TableRow(item.line, item.keyword, item.slug, item.model, item.state.value,
                   item_id=item.id)
    for name, value in _changes(item).items():
        setattr(row, name, value)
    return row


def _changes(item: Any) -> dict[str, Any]:
    state = item.state.value
    if state == "done":
        parts = [_tr("{n} words").format(n=item.words or 0)]
        if item.seo_score is not None:
            parts.append(_tr("SEO {score}").format(score=round(item.seo_score)))
        if item.readability_score is not None:
            parts.append(_tr("readability {score}").format(score=round(item.readability_score)))
        parts.append(_tr("{s} s").format(s=round(item.seconds)))
        detail = " · ".join(parts)
    else:
        detail = item.error
    return {"state": state, "detail": detail, "severity": "error" if state == "failed" else "",
            "extra": {"seo": item.seo_score, "files": list(item.files or ())}}
