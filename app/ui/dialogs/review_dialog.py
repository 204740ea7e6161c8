"""Shows what the self-review changed and lets the writer undo any of it.

    dialog = ReviewDialog(result, window)          # result: app.core.review.ReviewResult
    dialog.article_chosen.connect(show_article)    # the draft + the fixes left ticked
    dialog.open()                                  # (or exec() and then dialog.article())

Left: every fix with a checkbox (ticked = keep), and the discarded attempts below.
Right: the changes of the selected fix, or of every changed section ("All changes"), word by
word: removed words struck through in red, added words in green, unchanged paragraphs folded.
Top: SEO and readability scores before and after the review. "Undo all" returns the draft.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.models import Article
from app.core.review import Fix, ReviewResult
from app.core.review import document as doc
from app.core.review.messages import describe, describe_rejected, review_summary
from app.ui.locale import ui_language

_ALL = -1
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
Run = tuple[str, str]          # (kind, text): "title" | "same" | "removed" | "added" | "fold"


def change_runs(before: str, after: str) -> list[Run]:
    """Word-level changes between two texts; unchanged paragraphs are folded to "…"."""
    old, new = before.splitlines(), after.splitlines()
    runs: list[Run] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(("fold", "…\n"))
            continue
        pairs = max(i2 - i1, j2 - j1)
        for k in range(pairs):
            a = old[i1 + k] if i1 + k < i2 else None
            b = new[j1 + k] if j1 + k < j2 else None
            if a is None:
                runs.append(("added", b + "\n"))            # type: ignore[operator]
            elif b is None:
                runs.append(("removed", a + "\n"))
            else:
                runs += _word_runs(a, b) + [("same", "\n")]
    return runs


def _word_runs(a: str, b: str) -> list[Run]:
    x, y = _TOKEN.findall(a), _TOKEN.findall(b)
    runs: list[Run] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(("same", "".join(x[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", "".join(x[i1:i2])))
        if j2 > j1:
            runs.append(("added", "".join(y[j1:j2])))
    return runs


def fix_runs(fix: Fix) -> list[Run]:
    """The changes of one fix, limited to its section for body fixes."""
    before, after = fix.before, fix.after
    if fix.field == "body" and fix.section is not None:
        old, new = doc.split(before), doc.split(after)
        if fix.section < len(old) and fix.section < len(new):
            before, after = old[fix.section].text, new[fix.section].text
    return change_runs(before, after)


class ReviewDialog(QDialog):
    # ---- Signals
    article_chosen = Signal(object)     # Article: the draft + ticked fixes, on "Keep"/"Undo all"

    def __init__(self, result: ReviewResult, parent: QWidget | None = None,
                 language: str | None = None) -> None:
        super().__init__(parent)
        self.review = result
        self._lang = language or ui_language()   # never the system's "C" locale
        self._runs: list[Run] = []
        self._scores = QLabel(self)
        self._scores.setTextFormat(Qt.TextFormat.PlainText)
        self._fixes = QListWidget(self)
        self._fixes.setWordWrap(True)
        self._fixes.currentItemChanged.connect(self._on_fixes_current_changed)
        self._rejected = QLabel(self)
        self._rejected.setWordWrap(True)
        self._diff = QPlainTextEdit(self)
        self._diff.setReadOnly(True)
        self._diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._fixes, 1)
        left_layout.addWidget(self._rejected)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self._diff)
        splitter.setSizes([380, 560])
        self._buttons = QDialogButtonBox(self)
        self._apply = QPushButton(self)
        self._undo_all = QPushButton(self)
        self._close = QPushButton(self)
        self._buttons.addButton(self._apply, QDialogButtonBox.ButtonRole.AcceptRole)
        self._buttons.addButton(self._undo_all, QDialogButtonBox.ButtonRole.ResetRole)
        self._buttons.addButton(self._close, QDialogButtonBox.ButtonRole.RejectRole)
        self._apply.clicked.connect(self.accept)
        self._undo_all.clicked.connect(self.undo_all)
        self._close.clicked.connect(self.reject)
        self._apply.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._scores)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._buttons)
        self._all_item = QListWidgetItem()
        self._all_item.setData(Qt.ItemDataRole.UserRole, _ALL)
        self._fixes.addItem(self._all_item)
        for fix in result.fixes:
            item = QListWidgetItem(describe(fix, self._lang))
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, fix.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self._fixes.addItem(item)
        self.retranslate_ui()
        self._fixes.setCurrentItem(self._all_item)
        self.resize(960, 580)

    # ---- Public API

    def kept_fix_ids(self) -> list[str]:
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in self._fix_items()
                if item.checkState() == Qt.CheckState.Checked]

    def undone_fix_ids(self) -> list[str]:
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in self._fix_items()
                if item.checkState() != Qt.CheckState.Checked]

    def set_kept(self, fix_id: str, keep: bool) -> None:
        self._item(fix_id).setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)

    def select_fix(self, fix_id: str | None) -> None:
        """Show the changes of one fix (None: every changed section)."""
        self._fixes.setCurrentItem(self._all_item if fix_id is None else self._item(fix_id))

    def article(self) -> Article:
        """The draft with the ticked fixes applied."""
        return self.review.article_without(self.undone_fix_ids())

    def shown_changes(self) -> list[Run]:
        """What the change view shows, as (kind, text) runs."""
        return list(self._runs)

    def undo_all(self) -> None:
        for item in self._fix_items():
            item.setCheckState(Qt.CheckState.Unchecked)
        self.accept()

    def accept(self) -> None:
        self.article_chosen.emit(self.article())
        super().accept()

    # ---- Qt

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        r = self.review
        self.setWindowTitle(self.tr("Self-review"))
        scores = review_summary(r, self._lang) + "\n" + self.tr(
            "SEO {0} → {1}   ·   Readability {2} → {3}").format(*r.score_change)
        if r.stopped:
            scores += "   ·   " + self.tr("stopped before the end")
        if not r.fixes:
            scores += "   ·   " + self.tr("nothing to fix")
        self._scores.setText(scores)
        self._all_item.setText(self.tr("All changes, section by section"))
        rejected = [describe_rejected(x, self._lang) for x in r.rejected]
        self._rejected.setText("\n".join(rejected))
        self._rejected.setVisible(bool(rejected))
        self._apply.setText(self.tr("Keep ticked changes"))
        self._undo_all.setText(self.tr("Undo all"))
        self._close.setText(self.tr("Close"))

    # ---- Private

    def _fix_items(self) -> list[QListWidgetItem]:
        return [self._fixes.item(i) for i in range(1, self._fixes.count())]

    def _item(self, fix_id: str) -> QListWidgetItem:
        for item in self._fix_items():
            if item.data(Qt.ItemDataRole.UserRole) == fix_id:
                return item
        raise KeyError(fix_id)

    def _on_fixes_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        key = current.data(Qt.ItemDataRole.UserRole)
        runs: list[Run] = []
        if key == _ALL:
            old, new = doc.split(self.review.original.body), doc.split(self.review.article.body)
            for section in self.review.section_diffs():
                title = section.heading or self.tr("Introduction")
                a = old[section.index].text if section.index < len(old) else ""
                b = new[section.index].text if section.index < len(new) else ""
                runs += [("title", f"{title}\n")] + change_runs(a, b) + [("same", "\n")]
            for fix in self.review.fixes:
                if fix.field not in ("body", "faq"):
                    title = describe(fix, self._lang)
                    runs += [("title", f"{title}\n")] + fix_runs(fix) + [("same", "\n")]
        else:
            runs = fix_runs(self.review.fix(str(key)))
        self._show(runs)

    def _show(self, runs: list[Run]) -> None:
        self._runs = runs
        self._diff.clear()
        cursor = QTextCursor(self._diff.document())
        styles = {
            "title": self._format(weight=QFont.Weight.Bold),
            "same": self._format(),
            "fold": self._format(color=QColor("#888888")),
            "removed": self._format(color=QColor("#cf222e"), strike=True),
            "added": self._format(color=QColor("#1a7f37"), underline=True),
        }
        for kind, text in runs:
            cursor.insertText(text, styles[kind])
        self._diff.moveCursor(QTextCursor.MoveOperation.Start)

    @staticmethod
    def _format(*, color: QColor | None = None, strike: bool = False, underline: bool = False,
                weight: QFont.Weight | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if color is not None:
            fmt.setForeground(color)
        fmt.setFontStrikeOut(strike)
        fmt.setFontUnderline(underline)
        if weight is not None:
            fmt.setFontWeight(weight)
        return fmt
