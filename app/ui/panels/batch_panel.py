"""The Batch tab: drop a keyword list, check its rows, run it over the Ollama hosts, follow it.

Self-contained: it owns its BatchController (and through it the worker thread). The main
window only adds it as a page and calls `shutdown()` when closing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.controllers.batch_controller import BatchController, RunOptions
from app.ui.icons import icon
from app.ui.widgets.model_picker import ModelPicker

_LIST_SUFFIXES = (".txt", ".csv", ".tsv")


class BatchPanel(QWidget):
    # ---- Signals
    article_requested = Signal(str)    # "Open in editor" on a finished row: its file

    def __init__(self, parent: QWidget | None = None, *, controller: BatchController | None = None,
                 settings: Any = None) -> None:
        super().__init__(parent)
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
        self._say(self.file_label, str(path))
        if not self.out_edit.text():
            p = Path(path)
            self.out_edit.setText(str(p.with_name(f"{p.stem}-articles")))
        self._say(self.summary, self.tr("Reading the list…"))
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
        self.run_action.setText(self.tr("Run"))
        self.run_action.setToolTip(self.tr("Write every ready row"))
        self.pause_action.setText(self.tr("Pause"))
        self.resume_action.setText(self.tr("Resume"))
        self.cancel_action.setText(self.tr("Cancel"))
        self.open_article_action.setText(self.tr("Open in editor"))
        self.open_article_action.setToolTip(self.tr(
            "Open the selected finished article in the editor (or double-click its row)"))
        self.open_out_action.setText(self.tr("Open output folder"))
        self.toolbar.setWindowTitle(self.tr("Batch toolbar"))
        self.paste_box.setPlaceholderText(self.tr(
            "…or paste keywords here, one per line (or CSV with a 'keyword' header)"))
        self.paste_button.setText(self.tr("Use pasted keywords"))
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
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("batchToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.run_action = QAction(icon("write"), "", self)
        self.pause_action = QAction(icon("stop"), "", self)
        self.resume_action = QAction(icon("retry"), "", self)
        self.cancel_action = QAction(icon("close"), "", self)
        self.open_article_action = QAction(icon("new"), "", self)
        self.open_out_action = QAction(icon("export"), "", self)
        for action in (self.run_action, self.pause_action, self.resume_action,
                       self.cancel_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.open_article_action)
        self.toolbar.addAction(self.open_out_action)
        self.run_button = self._button(self.run_action)
        self.run_button.setObjectName("primaryAction")
        self.pause_button = self._button(self.pause_action)
        self.resume_button = self._button(self.resume_action)
        self.cancel_button = self._button(self.cancel_action)
        self.open_article_button = self._button(self.open_article_action)
        self.open_out_button = self._button(self.open_out_action)
        layout.addWidget(self.toolbar)
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
        paste_row = QHBoxLayout()
        self.paste_box = QPlainTextEdit(self)
        self.paste_box.setMaximumHeight(72)
        self.paste_box.setTabChangesFocus(True)
        self.paste_button = QPushButton(self)
        paste_row.addWidget(self.paste_box, 1)
        paste_row.addWidget(self.paste_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(paste_row)
        self.file_label = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary)
        self.file_label.hide()
        self.summary.hide()

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
        # The same picker as the writing side; the window feeds it the installed models.
        self.model_picker = ModelPicker(self)
        settings = self.controller.settings
        if settings is not None and settings.default_model:
            self.model_picker.set_preferred(settings.default_model)
        self.hosts_label = QLabel(self)
        self.hosts_label.setWordWrap(True)
        self.concurrency = QSpinBox(self)
        self.concurrency.setRange(1, 16)
        concurrency_row = QHBoxLayout()
        concurrency_row.addWidget(self.concurrency)
        concurrency_row.addStretch(1)               # a number field, not a banner
        self.dup_combo = QComboBox(self)
        dup_row = QHBoxLayout()
        dup_row.addWidget(self.dup_combo)
        dup_row.addStretch(1)
        self.dup_combo.addItem("", "skip")
        self.dup_combo.addItem("", "keep")
        model_row = QHBoxLayout()
        model_row.addWidget(self.model_picker, 0)
        model_row.addStretch(1)
        for label, field in zip(self._form_labels, (out_row, formats, model_row,
                                                    self.hosts_label, concurrency_row,
                                                    dup_row), strict=True):
            form.addRow(label, field)
        layout.addLayout(form)

        self.table = QTableView(self)
        self.table.setModel(self.controller.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)

        self.progress = QProgressBar(self)
        self.progress_label = QLabel(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)

    @staticmethod
    def _say(label: QLabel, text: str) -> None:
        """An empty status line takes no room above the form."""
        label.setText(text)
        label.setVisible(bool(text))

    def _button(self, action: QAction) -> QToolButton:
        button = self.toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton)
        return button

    def _connect(self) -> None:
        c = self.controller
        self.open_button.clicked.connect(self._on_open_clicked)
        self.resume_job_button.clicked.connect(self._on_resume_job_clicked)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.run_action.triggered.connect(self._on_run_clicked)
        self.pause_action.triggered.connect(c.pause)
        self.pause_action.triggered.connect(self._update_buttons)
        self.resume_action.triggered.connect(c.resume)
        self.resume_action.triggered.connect(self._update_buttons)
        self.cancel_action.triggered.connect(c.cancel)
        self.open_out_action.triggered.connect(self._on_open_out_clicked)
        self.open_article_action.triggered.connect(self.open_selected_article)
        self.table.doubleClicked.connect(self._on_row_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.paste_button.clicked.connect(self._on_paste_clicked)
        self.paste_box.textChanged.connect(self._update_buttons)
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
                          model=self.model_picker.current_model(),
                          duplicates=str(self.dup_combo.currentData()),
                          review=self.review_check.isChecked(),
                          preset=str(getattr(self.controller.settings, "export_preset", "")
                                     or "plain"))

    @Slot()
    def _update_buttons(self, *_args: Any) -> None:
        c = self.controller
        ready = c.parsed is not None and bool(c.parsed.valid_rows)
        self.run_action.setEnabled(ready and not c.running and bool(self.out_edit.text().strip()))
        self.pause_action.setEnabled(c.running and not c.paused)
        self.resume_action.setEnabled(c.running and c.paused)
        self.cancel_action.setEnabled(c.running)
        self.open_button.setEnabled(not c.running)
        self.resume_job_button.setEnabled(not c.running)
        self.paste_button.setEnabled(not c.running and bool(self.paste_box.toPlainText().strip()))
        self.open_out_action.setEnabled(bool(self.out_edit.text().strip()))
        self.open_article_action.setEnabled(self._selected_article() is not None)

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
        self._say(self.summary, self.tr("Checking the hosts…"))
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
        self._say(self.summary, text)
        self._update_buttons()

    @Slot(object)
    def _on_job_started(self, store: Any) -> None:
        self._say(self.summary, self.tr("Running. You can keep writing in the Write tab; the job "
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
        self._say(self.summary, text)
        self._update_buttons()

    @Slot(object)
    def _on_host_changed(self, event: Any) -> None:
        text = (self.tr("{host} is answering again") if event.up
                else self.tr("{host} is down; its articles go to the other hosts, retrying it "
                             "in {s} s")).format(host=event.url, s=round(event.retry_in))
        self.progress_label.setText(text)

    @Slot(object)
    def _on_error(self, exc: BaseException) -> None:
        from app.ui.errors import present_error  # the window's message bar

        self._say(self.summary, "")
        present_error(self, exc)
        self._update_buttons()

    # ---- Public API: finished articles

    def set_models(self, models: list[Any]) -> None:
        """The installed models (from the window's connection), as on the writing side."""
        previous = self.model_picker.current_model()
        self.model_picker.set_models(models)
        if previous:
            self.model_picker.set_current(previous)

    def open_selected_article(self) -> None:
        path = self._selected_article()
        if path is not None:
            self.article_requested.emit(str(path))

    def _selected_article(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.controller.model.article_file(rows[0].row()) if rows else None

    @Slot(QModelIndex)
    def _on_row_double_clicked(self, index: QModelIndex) -> None:
        path = self.controller.model.article_file(index.row())
        if path is not None:
            self.article_requested.emit(str(path))

    @Slot()
    def _on_paste_clicked(self) -> None:
        text = self.paste_box.toPlainText()
        if not text.strip():
            return
        self._say(self.file_label, self.tr("Pasted keywords"))
        if not self.out_edit.text():
            from PySide6.QtCore import QStandardPaths

            documents = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation)
            self.out_edit.setText(str(Path(documents or Path.home()) / "plume-batch"))
        self._say(self.summary, self.tr("Reading the list…"))
        self.controller.load_text(text)

    def _duration(self, seconds: float) -> str:
        seconds = int(seconds)
        if seconds >= 3600:
            return self.tr("{h} h {m:02d} min").format(h=seconds // 3600, m=seconds % 3600 // 60)
        return self.tr("{m} min {s:02d} s").format(m=seconds // 60, s=seconds % 60)
