"""The Batch tab: drop a keyword list, check its rows, run it over the Ollama hosts, follow it.

Self-contained: it owns its BatchController (and through it the worker thread). The main
window only adds it as a page and calls `shutdown()` when closing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.controllers.batch_controller import BatchController, RunOptions

_LIST_SUFFIXES = (".txt", ".csv", ".tsv")


class BatchPanel(QWidget):
    def __init__(self, parent: QWidget | None = None, *, controller: BatchController | None = None,
                 settings: Any = None) -> None:
        super().__init__(parent)
        settings = settings if settings is not None else getattr(parent, "settings", None)
        self.controller = controller or BatchController(settings, self)
        self.setAcceptDrops(True)
        self._build()
        self._connect()
        self.retranslate_ui()
        self._update_buttons()
        # Closing the window or quitting mid-run stops the run cleanly (every finished
        # section is kept) before the worker thread could be destroyed with the window.
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        if parent is not None:
            parent.window().installEventFilter(self)

    # ---- Public API
    def open_list(self, path: str | Path) -> None:
        self.file_label.setText(str(path))
        if not self.out_edit.text():
            p = Path(path)
            self.out_edit.setText(str(p.with_name(f"{p.stem}-articles")))
        self.summary.setText(self.tr("Reading the list…"))
        self.controller.load_list(path)

    def shutdown(self) -> None:
        self.controller.shutdown()

    def retranslate_ui(self) -> None:
        self.drop_label.setText(self.tr("Drop a keyword list here (TXT, one keyword per line, or "
                                        "CSV/TSV with a 'keyword' column)"))
        self.open_button.setText(self.tr("Open list…"))
        self.resume_job_button.setText(self.tr("Resume a job…"))
        self.browse_button.setText(self.tr("Browse…"))
        self.md_check.setText(self.tr("Markdown"))
        self.html_check.setText(self.tr("HTML page"))
        self.review_check.setText(self.tr("Self-review each article"))
        self.dup_combo.setItemText(0, self.tr("Skip the later ones"))
        self.dup_combo.setItemText(1, self.tr("Keep them all"))
        self.run_button.setText(self.tr("Run"))
        self.pause_button.setText(self.tr("Pause"))
        self.resume_button.setText(self.tr("Resume"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.open_out_button.setText(self.tr("Open output folder"))
        self.model_edit.setPlaceholderText(self.tr("Default model, e.g. qwen3:8b"))
        self.concurrency.setToolTip(self.tr("Parallel requests per host. Match the host's "
                                            "OLLAMA_NUM_PARALLEL (1 unless you changed it)."))
        labels = (self.tr("Output folder"), self.tr("Formats"), self.tr("Model"),
                  self.tr("Hosts"), self.tr("Per host"), self.tr("Duplicates"))
        for label, text in zip(self._form_labels, labels, strict=True):
            label.setText(text)
        self.hosts_label.setText(", ".join(self.controller.hosts()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and watched is self.window():
            self.shutdown()
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_path(event) is not None and not self.controller.running:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_list(path)

    # ---- Private
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.drop_label = QLabel(self)
        self.drop_label.setWordWrap(True)
        self.drop_label.setStyleSheet("QLabel { border: 2px dashed palette(mid); padding: 12px; }")
        self.open_button = QPushButton(self)
        self.resume_job_button = QPushButton(self)
        top.addWidget(self.drop_label, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.resume_job_button)
        layout.addLayout(top)
        self.file_label = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary)

        form = QFormLayout()
        self._form_labels = [QLabel(self) for _ in range(6)]
        out_row = QHBoxLayout()
        self.out_edit = QLineEdit(self)
        self.browse_button = QPushButton(self)
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.browse_button)
        formats = QHBoxLayout()
        self.md_check = QCheckBox(self)
        self.md_check.setChecked(True)
        self.html_check = QCheckBox(self)
        self.review_check = QCheckBox(self)
        self.review_check.setChecked(bool(getattr(self.controller.settings, "self_review", False)))
        formats.addWidget(self.md_check)
        formats.addWidget(self.html_check)
        formats.addWidget(self.review_check)
        formats.addStretch(1)
        self.model_edit = QLineEdit(self)
        settings = self.controller.settings
        if settings is not None and settings.default_model:
            self.model_edit.setText(settings.default_model)
        self.hosts_label = QLabel(self)
        self.concurrency = QSpinBox(self)
        self.concurrency.setRange(1, 16)
        self.dup_combo = QComboBox(self)
        self.dup_combo.addItem("", "skip")
        self.dup_combo.addItem("", "keep")
        for label, field in zip(self._form_labels, (out_row, formats, self.model_edit,
                                                    self.hosts_label, self.concurrency,
                                                    self.dup_combo), strict=True):
            form.addRow(label, field)
        layout.addLayout(form)

        self.table = QTableView(self)
        self.table.setModel(self.controller.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)

        self.progress = QProgressBar(self)
        self.progress_label = QLabel(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(self)
        self.pause_button = QPushButton(self)
        self.resume_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.open_out_button = QPushButton(self)
        for button in (self.run_button, self.pause_button, self.resume_button,
                       self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_out_button)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        c = self.controller
        self.open_button.clicked.connect(self._on_open_clicked)
        self.resume_job_button.clicked.connect(self._on_resume_job_clicked)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.run_button.clicked.connect(self._on_run_clicked)
        self.pause_button.clicked.connect(c.pause)
        self.pause_button.clicked.connect(self._update_buttons)
        self.resume_button.clicked.connect(c.resume)
        self.resume_button.clicked.connect(self._update_buttons)
        self.cancel_button.clicked.connect(c.cancel)
        self.open_out_button.clicked.connect(self._on_open_out_clicked)
        c.list_loaded.connect(self._on_list_loaded)
        c.load_failed.connect(self._on_error)
        c.start_failed.connect(self._on_error)
        c.run_failed.connect(self._on_error)
        c.job_started.connect(self._on_job_started)
        c.progress_changed.connect(self._on_progress)
        c.run_finished.connect(self._on_run_finished)
        c.busy_changed.connect(self._update_buttons)
        c.host_changed.connect(self._on_host_changed)

    def _dropped_path(self, event: QDragEnterEvent | QDropEvent) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) == 1 and urls[0].isLocalFile():
            path = urls[0].toLocalFile()
            if Path(path).suffix.lower() in _LIST_SUFFIXES:
                return path
        return None

    def _options(self) -> RunOptions:
        formats = tuple(f for f, box in (("md", self.md_check), ("html", self.html_check))
                        if box.isChecked()) or ("md",)
        return RunOptions(out_dir=self.out_edit.text().strip(), formats=formats,
                          hosts=tuple(self.controller.hosts()),
                          concurrency=self.concurrency.value(),
                          model=self.model_edit.text().strip(),
                          duplicates=str(self.dup_combo.currentData()),
                          review=self.review_check.isChecked(),
                          preset=str(getattr(self.controller.settings, "export_preset", "")
                                     or "plain"))

    @Slot()
    def _update_buttons(self, *_args: Any) -> None:
        c = self.controller
        ready = c.parsed is not None and bool(c.parsed.valid_rows)
        self.run_button.setEnabled(ready and not c.running and bool(self.out_edit.text().strip()))
        self.pause_button.setEnabled(c.running and not c.paused)
        self.resume_button.setEnabled(c.running and c.paused)
        self.cancel_button.setEnabled(c.running)
        self.open_button.setEnabled(not c.running)
        self.resume_job_button.setEnabled(not c.running)
        self.open_out_button.setEnabled(bool(self.out_edit.text().strip()))

    @Slot()
    def _on_open_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a keyword list"), "",
                                              self.tr("Keyword lists (*.txt *.csv *.tsv)"))
        if path:
            self.open_list(path)

    @Slot()
    def _on_resume_job_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder of the job"))
        if folder:
            self.out_edit.setText(folder)
            self.controller.open_job(folder)

    @Slot()
    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder"),
                                                  self.out_edit.text())
        if folder:
            self.out_edit.setText(folder)
            self._update_buttons()

    @Slot()
    def _on_run_clicked(self) -> None:
        self.summary.setText(self.tr("Checking the hosts…"))
        self.controller.start(self._options())

    @Slot()
    def _on_open_out_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.out_edit.text().strip()))

    @Slot(object)
    def _on_list_loaded(self, parsed: Any) -> None:
        c = self.controller
        errors = len([r for r in parsed.rows if not r.ok])
        text = self.tr("{rows} rows, {errors} with errors (shown in red; they will be "
                       "skipped).").format(rows=len(parsed.rows), errors=errors)
        file_problems = [p.message for p in parsed.file_problems]
        if file_problems:
            text += " " + " ".join(file_problems)
        if c.groups:
            text += " " + self.tr("{n} group(s) of duplicate or near-duplicate keywords "
                                  "(cannibalisation risk): {first}.").format(
                n=len(c.groups), first=", ".join(c.groups[0].keywords))
        self.summary.setText(text)
        self._update_buttons()

    @Slot(object)
    def _on_job_started(self, store: Any) -> None:
        self.summary.setText(self.tr("Running. You can keep writing in the Write tab; the job "
                                     "is saved in {folder}.").format(folder=store.config.out_dir))
        self._update_buttons()

    @Slot(object)
    def _on_progress(self, p: Any) -> None:
        settled = p.done + p.failed + p.skipped
        self.progress.setRange(0, max(1, p.total))
        self.progress.setValue(settled)
        eta = self._duration(p.eta) if p.eta is not None else "…"
        text = self.tr("{done}/{total} done · {failed} failed · {running} running · "
                       "{rate:.1f} articles/hour · ETA {eta}").format(
            done=p.done, total=p.total, failed=p.failed, running=p.running,
            rate=p.per_hour, eta=eta)
        if self.controller.paused:
            text += " · " + self.tr("paused (running articles finish)")
        self.progress_label.setText(text)
        self._update_buttons()

    @Slot(object)
    def _on_run_finished(self, outcome: Any) -> None:
        messages = {"finished": self.tr("Finished."), "cancelled": self.tr("Cancelled."),
                    "stopped": self.tr("Stopped; resume it with “Resume a job…”."),
                    "stalled": self.tr("Stopped: no host could serve the articles.")}
        text = messages.get(outcome.reason, outcome.reason)
        if outcome.message:
            text += " " + outcome.message
        self.summary.setText(text)
        self._update_buttons()

    @Slot(object)
    def _on_host_changed(self, event: Any) -> None:
        text = (self.tr("{host} is answering again") if event.up
                else self.tr("{host} is down; its articles go to the other hosts, retrying it "
                             "in {s} s")).format(host=event.url, s=round(event.retry_in))
        self.progress_label.setText(text)

    @Slot(object)
    def _on_error(self, exc: BaseException) -> None:
        self.summary.setText(str(exc))
        self._update_buttons()

    def _duration(self, seconds: float) -> str:
        seconds = int(seconds)
        if seconds >= 3600:
            return self.tr("{h} h {m:02d} min").format(h=seconds // 3600, m=seconds % 3600 // 60)
        return self.tr("{m} min {s:02d} s").format(m=seconds // 60, s=seconds % 60)
