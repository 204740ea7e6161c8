"""Generate › Topic terms…: the writer's terms (typed, pasted, or proposed by the model) and
their coverage in the editor's text, refreshed as the text changes (debounced), counted like
the keyphrase (app/core/terms). It lives in a panel docked beside the editor
(app/ui/dialogs/content_actions.py), so the coverage stays in sight while writing.

    panel = TermsPanel(window, dock)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.workers.task_runner import run_in_background

REFRESH_MS = 400
_COLOURS = {"ok": "#2e7d32", "over": "#ef6c00", "under": "#f9a825", "missing": "#c62828"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TermsPanel", text)


def panel_terms(window: Any) -> tuple[str, ...]:
    """The terms listed in the window's Topic terms panel (none when it was never opened or
    its list cannot be read)."""
    from PySide6.QtWidgets import QDockWidget

    dock = window.findChild(QDockWidget, "plume-dock-terms")
    panel = dock.widget() if dock is not None else None
    return panel.term_texts() if isinstance(panel, TermsPanel) else ()


class TermsPanel(QWidget):
    # ---- Signals
    coverage_updated = Signal(int)      # the coverage score, 0-100

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Topic terms"))
        self._window = window
        self.terms = QPlainTextEdit(self)
        self.terms.setPlaceholderText(_tr("One term per line, optionally with a range:\n"
                                          "battery life: 2-4"))
        self.propose_button = QPushButton(_tr("Propose with the model"), self)
        self.score = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([_tr("Term"), _tr("Uses"), _tr("Target")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        top = QHBoxLayout()
        top.addWidget(self.score, 1)
        top.addWidget(self.propose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.terms, 1)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 2)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.terms.textChanged.connect(self._timer.start)
        window.editor.textChanged.connect(self._timer.start)
        self.propose_button.clicked.connect(self.propose)

    # ---- Public API
    def refresh(self) -> None:
        from app.core.errors import InputError
        from app.core.terms import coverage, coverage_score, parse_terms

        text = self.terms.toPlainText()
        self.table.setRowCount(0)
        if not text.strip():
            self.score.setText("")
            return
        try:
            terms = parse_terms(text, source=_tr("The list"))
        except InputError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText("")
        article = self._window.current_article()
        counts = coverage(article.body, terms, str(article.language))
        self.table.setRowCount(len(counts))
        for row, c in enumerate(counts):
            cells = [c.term.text, str(c.count), f"{c.term.low}–{c.term.high}"]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setForeground(QColor(_COLOURS[c.status]))
                self.table.setItem(row, column, item)
        score = coverage_score(counts)
        self.score.setText(_tr("Coverage: %1/100").replace("%1", str(score)))
        self.coverage_updated.emit(score)

    def term_texts(self) -> tuple[str, ...]:
        """The listed terms (none while the list cannot be read)."""
        from app.core.errors import InputError
        from app.core.terms import parse_terms

        try:
            return tuple(t.text for t in parse_terms(self.terms.toPlainText(),
                                                     source=_tr("The list")))
        except InputError:
            return ()

    def propose(self) -> None:
        from app.application import Plume
        from app.core.errors import InputError

        window = self._window
        brief = window.brief_panel.brief(strict=False)
        model = window.current_model()
        if not brief.keyword.strip() or not model:
            self.status.setText(str(InputError(_tr("Give a keyword and pick a model first."))))
            return
        plume = Plume(window.settings)
        connection = plume.connection()

        draft = window.current_article().body      # the text on the topic, when there is one

        def work() -> Any:
            with connection.open() as service:
                return plume.propose_terms(service, model, brief,
                                           context=[draft] if draft.strip() else [])

        self.propose_button.setEnabled(False)
        self.status.setText(_tr("Asking the model…"))
        run_in_background(work, self._proposed, self._failed, owner=self)

    # ---- Private
    def _proposed(self, proposal: Any) -> None:
        self.propose_button.setEnabled(True)
        refused = ", ".join(r.text for r in proposal.refused)
        self.status.setText(_tr("Refused from the model: %1").replace("%1", refused)
                            if refused else "")
        self.terms.setPlainText("\n".join(f"{t.text}: {t.low}-{t.high}"
                                           for t in proposal.terms))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        from app.core.errors import PlumeError

        self.propose_button.setEnabled(True)
        self.status.setText(exc.message if isinstance(exc, PlumeError) else str(exc))
