"""Download a model into Ollama: overall progress, one bar per layer, speed and time left.

    dialog = PullDialog(connection.service(), "qwen3:8b", window)
    dialog.model_pulled.connect(lambda _name: connection.check())
    dialog.open()          # non-modal; with a name the pull starts at once, with "" the
                           # user picks one (suggestions for this machine's RAM) first

Cancel sets the `CancelToken` directly from the GUI thread; the service closes the
stream, which closes the HTTP connection so Ollama stops downloading. Errors are shown
inside the dialog (never a second modal box).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections import deque
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.cancel import CancelToken
from app.core.errors import Cancelled, OllamaUnavailable, PlumeError
from app.core.model_advice import CATALOGUE, suggest_models, total_ram_bytes

logger = logging.getLogger(__name__)

EMIT_INTERVAL = 0.05      # seconds between progress signals (the rest is coalesced)
SPEED_WINDOW = 3.0        # seconds of history for the download speed
_alive: set[tuple[QThread, QObject]] = set()   # threads outlive a closed dialog until done


class PullWorker(QObject):
    # ---- Signals
    progress = Signal(object)      # PullProgress
    succeeded = Signal()
    failed = Signal(object)        # exception
    cancelled = Signal()

    def __init__(self, service: Any, name: str, token: CancelToken) -> None:
        super().__init__()
        self._service, self._name, self._token = service, name, token

    @Slot()
    def run(self) -> None:
        last_emit, last_status, latest = 0.0, "", None
        try:
            # closing(): leaving the loop early closes the stream, hence the connection.
            with contextlib.closing(self._service.pull(self._name, self._token)) as updates:
                for update in updates:
                    latest = update
                    now = time.monotonic()
                    if update.status != last_status or now - last_emit >= EMIT_INTERVAL:
                        self.progress.emit(update)
                        last_emit, last_status, latest = now, update.status, None
                    if self._token.cancelled:
                        raise Cancelled()
            if latest is not None:
                self.progress.emit(latest)
        except Cancelled:
            self.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - the worker boundary: report, never lose
            if self._token.cancelled:
                self.cancelled.emit()
            else:
                logger.info("pull of %s failed: %s", self._name, exc)
                self.failed.emit(exc)
        else:
            if self._token.cancelled:
                self.cancelled.emit()
            else:
                self.succeeded.emit()


class PullDialog(QDialog):
    # ---- Signals
    model_pulled = Signal(str)
    pull_failed = Signal(object)
    pull_cancelled = Signal()

    def __init__(self, service: Any, model_name: str, parent: QWidget | None = None, *,
                 autostart: bool = True) -> None:
        super().__init__(parent)
        self._service, self._name = service, model_name
        self._token = CancelToken()
        self._state = "idle"   # idle / running / cancelling / done / failed / cancelled
        self._samples: deque[tuple[float, int]] = deque()
        self._layers: dict[str, QTreeWidgetItem] = {}
        self._bars: dict[str, QProgressBar] = {}
        self._last: Any = None
        self._error: BaseException | None = None
        self._thread: QThread | None = None
        self._title = QLabel(self)
        self._name_box = QComboBox(self)
        self._name_box.setEditable(True)
        self._name_box.addItems([a.name for a in suggest_models(total_ram_bytes(),
                                                                limit=len(CATALOGUE))])
        self._name_box.setCurrentText(model_name)
        self._name_box.setVisible(not model_name)
        self._status = QLabel(self)
        self._status.setWordWrap(True)
        self._status.setTextFormat(Qt.TextFormat.PlainText)   # the server's status lines
        self._overall = QProgressBar(self)
        self._overall.setRange(0, 1000)
        self._overall.setTextVisible(True)
        self._rate = QLabel(self)
        self._tree = QTreeWidget(self)
        self._tree.setRootIsDecorated(False)
        self._tree.setColumnCount(3)
        self._tree.header().setStretchLastSection(False)
        self._tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._buttons = QDialogButtonBox(self)
        self._cancel = QPushButton(self)
        self._close = QPushButton(self)
        self._pull = QPushButton(self)
        self._pull.clicked.connect(self.start)
        self._buttons.addButton(self._pull, QDialogButtonBox.ButtonRole.ActionRole)
        self._buttons.addButton(self._cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self._buttons.addButton(self._close, QDialogButtonBox.ButtonRole.AcceptRole)
        self._cancel.clicked.connect(self.cancel)
        self._close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self._title, self._name_box, self._status, self._overall, self._rate,
                       self._tree, self._buttons):
            layout.addWidget(widget)
        self.resize(520, 340)
        self.retranslate_ui()
        if autostart and model_name:
            self.start()

    # ---- Public API

    @property
    def state(self) -> str:
        return self._state

    def status_text(self) -> str:
        return self._status.text()

    def rate_text(self) -> str:
        return self._rate.text()

    def overall_percent(self) -> float:
        return self._overall.value() / 10

    def layer_count(self) -> int:
        return self._tree.topLevelItemCount()

    def start(self) -> None:
        if self._state == "running":
            return
        self._name = self._name_box.currentText().strip()
        if not self._name:
            return
        self._name_box.setEnabled(False)
        self._error = None
        if self._service is None:
            self._on_failed(OllamaUnavailable(
                "Plume is not connected to Ollama, so it cannot download models.",
                hint="Start Ollama (or check the host in Settings), then try again."))
            return
        self._clear_layers()
        self._token = CancelToken()
        self._state = "running"
        self._retranslate_title()
        worker = PullWorker(self._service, self._name, self._token)
        thread = QThread()
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.succeeded.connect(self._on_succeeded)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        for signal in (worker.succeeded, worker.failed, worker.cancelled):
            signal.connect(thread.quit)
        pair = (thread, worker)
        _alive.add(pair)
        thread.finished.connect(lambda: _alive.discard(pair))
        thread.finished.connect(worker.deleteLater)
        thread.finished.connect(thread.deleteLater)
        self._thread = thread
        # Destroyed without a close event (its window went first): stop the download too.
        token = self._token
        self.destroyed.connect(lambda *_: token.cancel())
        self._render()
        thread.start()

    @Slot()
    def cancel(self) -> None:
        """Stop the pull now (the connection is closed) and close the dialog."""
        if self._state == "running":
            self._token.cancel()
            self._state = "cancelling"
            self._render()
        self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._state == "running":
            self._token.cancel()
            self._state = "cancelling"
        super().closeEvent(event)

    def reject(self) -> None:
        if self._state == "running":
            self._token.cancel()
            self._state = "cancelling"
        super().reject()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Pull a model"))
        self._retranslate_title()
        self._name_box.setToolTip(self.tr("Model name as listed on ollama.com/library"))
        self._pull.setText(self.tr("Pull"))
        self._tree.setHeaderLabels([self.tr("Layer"), self.tr("Progress"), self.tr("Size")])
        self._cancel.setText(self.tr("Cancel"))
        self._close.setText(self.tr("Close"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- Private

    def _retranslate_title(self) -> None:
        if self._state == "idle" and not self._name:
            self._title.setText(self.tr("Which model should Ollama download?"))
        else:
            self._title.setText(self.tr("Downloading <b>{name}</b> into Ollama")
                                .format(name=self._name.replace("<", "&lt;")))

    def _clear_layers(self) -> None:
        self._tree.clear()
        self._layers.clear()
        self._bars.clear()
        self._samples.clear()
        self._last = None
        self._overall.setValue(0)

    @Slot(object)
    def _on_progress(self, update: Any) -> None:
        if self._state != "running":
            return
        self._last = update
        now = time.monotonic()
        self._samples.append((now, int(update.bytes_done)))
        while len(self._samples) > 2 and now - self._samples[0][0] > SPEED_WINDOW:
            self._samples.popleft()
        for layer in update.layers:
            self._update_layer(layer)
        self._overall.setValue(int(round(update.overall_fraction * 1000)))
        self._render()

    def _update_layer(self, layer: Any) -> None:
        item = self._layers.get(layer.digest)
        if item is None:
            item = QTreeWidgetItem([_short_digest(layer.digest), "", ""])
            self._tree.addTopLevelItem(item)
            bar = QProgressBar(self._tree)
            bar.setRange(0, 1000)
            self._tree.setItemWidget(item, 1, bar)
            self._layers[layer.digest] = item
            self._bars[layer.digest] = bar
        fraction = layer.completed / layer.total if layer.total else 0.0
        self._bars[layer.digest].setValue(int(round(min(fraction, 1.0) * 1000)))
        item.setText(2, _size(layer.total))

    def _on_succeeded(self) -> None:
        self._state = "done"
        self._overall.setValue(1000)
        self._render()
        self.model_pulled.emit(self._name)

    def _on_failed(self, exc: BaseException) -> None:
        self._state = "failed"
        self._error = exc
        self._render()
        self.pull_failed.emit(exc)

    def _on_cancelled(self) -> None:
        self._state = "cancelled"
        self._render()
        self.pull_cancelled.emit()

    def _speed(self) -> float:
        if len(self._samples) < 2:
            return 0.0
        (t0, b0), (t1, b1) = self._samples[0], self._samples[-1]
        return (b1 - b0) / (t1 - t0) if t1 > t0 and b1 > b0 else 0.0

    def _render(self) -> None:
        running = self._state in ("running", "cancelling")
        can_start = self._state in ("idle", "failed", "cancelled")
        self._pull.setVisible(can_start)
        self._name_box.setEnabled(can_start)
        if self._state == "idle":
            self._status.setText(self.tr("Pick a suggested model or type a name, then Pull."))
            self._rate.setText("")
            self._cancel.setVisible(False)
            self._close.setVisible(True)
            return
        self._cancel.setVisible(running)
        self._cancel.setEnabled(self._state == "running")
        self._close.setVisible(not running)
        self._status.setText(self._status_message())
        self._status.setStyleSheet("color: #b00020;" if self._state == "failed" else "")
        self._rate.setText(self._rate_message() if self._state == "running" else "")

    def _status_message(self) -> str:
        if self._state == "done":
            return self.tr("{name} is ready to use.").format(name=self._name)
        if self._state == "cancelled":
            return self.tr("Download cancelled. Pulling again resumes where it stopped.")
        if self._state == "cancelling":
            return self.tr("Cancelling…")
        if self._state == "failed":
            exc = self._error
            message = exc.message if isinstance(exc, PlumeError) else str(exc)
            hint = exc.hint if isinstance(exc, PlumeError) else ""
            return self.tr("The download failed: {message}").format(message=message) + (
                f"\n{hint}" if hint else "")
        status = str(getattr(self._last, "status", "") or "")
        if status.startswith("pulling manifest") or not status:
            return self.tr("Fetching the model manifest…")
        if status.startswith("pulling") or status.startswith("downloading"):
            return self.tr("Downloading…")
        if status.startswith("verifying"):
            return self.tr("Verifying the download…")
        if status.startswith("writing") or status.startswith("removing"):
            return self.tr("Finishing…")
        return status

    def _rate_message(self) -> str:
        update = self._last
        if update is None or not update.bytes_total:
            return ""
        done, total = int(update.bytes_done), int(update.bytes_total)
        speed = self._speed()
        text = self.tr("{done} of {total}").format(done=_size(done), total=_size(total))
        if speed > 0:
            locale = QLocale()
            seconds = max(0, int((total - done) / speed))
            text += " · " + self.tr("{speed} MB/s").format(
                speed=locale.toString(speed / 1e6, "f", 1))
            text += " · " + self.tr("about {time} left").format(time=_duration(seconds))
        return text


def _short_digest(digest: str) -> str:
    return digest.removeprefix("sha256:")[:12]


def _size(count: int) -> str:
    locale = QLocale()
    if count >= 1e9:
        return QCoreApplication.translate("PullDialog", "{0} GB").format(
            locale.toString(count / 1e9, "f", 2))
    if count >= 1e6:
        return QCoreApplication.translate("PullDialog", "{0} MB").format(
            locale.toString(count / 1e6, "f", 1))
    return QCoreApplication.translate("PullDialog", "{0} kB").format(
        locale.toString(count / 1e3, "f", 0))


def _duration(seconds: int) -> str:
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"
