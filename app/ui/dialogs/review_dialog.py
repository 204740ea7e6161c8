"""Shows what the self-review changed and lets the writer undo any of it.

    dialog = ReviewDialog(result, window)          # result: app.core.review.ReviewResult
    dialog.article_chosen.connect(show_article)    # the draft + the fixes left ticked
    dialog.open()                                  # (or exec() and then dialog.article())

Left: every fix with a checkbox (ticked = keep), and the discarded attempts below.
Right: the diff of the selected fix, or of every changed section ("All changes").
Top: SEO and readability scores before and after the review. "Undo all" returns the draft.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor
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
from app.core.review.messages import describe, describe_rejected

_ALL = -1
_ADDED, _REMOVED = QColor("#1a7f37"), QColor("#cf222e")


def fix_diff(fix: Fix) -> str:
    """Unified diff of one fix, limited to its section for body fixes."""
    import difflib

    before, after = fix.before, fix.after
    if fix.field == "body" and fix.section is not None:
        old, new = doc.split(before), doc.split(after)
        if fix.section < len(old) and fix.section < len(new):
            before, after = old[fix.section].text, new[fix.section].text
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fix.field, fix.field, n=2)
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


class ReviewDialog(QDialog):
    # ---- Signals
    article_chosen = Signal(object)     # Article: the draft + ticked fixes, on "Keep"/"Undo all"

    def __init__(self, result: ReviewResult, parent: QWidget | None = None,
                 language: str | None = None) -> None:
        super().__init__(parent)
        self.review = result
        self._lang = language or QLocale().name()[:2]
        self._scores = QLabel(self)
        self._scores.setTextFormat(Qt.TextFormat.PlainText)
        self._fixes = QListWidget(self)
        self._fixes.currentItemChanged.connect(self._on_fixes_current_changed)
        self._rejected = QLabel(self)
        self._rejected.setWordWrap(True)
        self._diff = QPlainTextEdit(self)
        self._diff.setReadOnly(True)
        self._diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._fixes, 1)
        left_layout.addWidget(self._rejected)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self._diff)
        splitter.setStretchFactor(1, 1)
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
            item.setData(Qt.ItemDataRole.UserRole, fix.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self._fixes.addItem(item)
        self.retranslate_ui()
        self._fixes.setCurrentItem(self._all_item)
        self.resize(900, 560)

    # ---- Public API

    def kept_fix_ids(self) -> list[str]:
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in self._fix_items()
                if item.checkState() == Qt.CheckState.Checked]

    def undone_fix_ids(self) -> list[str]:
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in self._fix_items()
                if item.checkState() != Qt.CheckState.Checked]

    def set_kept(self, fix_id: str, keep: bool) -> None:
        for item in self._fix_items():
            if item.data(Qt.ItemDataRole.UserRole) == fix_id:
                item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
                return
        raise KeyError(fix_id)

    def select_fix(self, fix_id: str | None) -> None:
        """Show the diff of one fix (None: every changed section)."""
        if fix_id is None:
            self._fixes.setCurrentItem(self._all_item)
            return
        for item in self._fix_items():
            if item.data(Qt.ItemDataRole.UserRole) == fix_id:
                self._fixes.setCurrentItem(item)
                return
        raise KeyError(fix_id)

    def article(self) -> Article:
        """The draft with the ticked fixes applied."""
        return self.review.article_without(self.undone_fix_ids())

    def diff_text(self) -> str:
        return self._diff.toPlainText()

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
        scores = self.tr("SEO {0} → {1}   ·   Readability {2} → {3}").format(*r.score_change)
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

    def _on_fixes_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        key = current.data(Qt.ItemDataRole.UserRole)
        if key == _ALL:
            parts = []
            for section in self.review.section_diffs():
                title = section.heading or self.tr("Introduction")
                parts.append(f"## {title}\n{section.diff}")
            fields = [f for f in self.review.fixes if f.field != "body"]
            parts += [fix_diff(f) for f in fields]
            self._show_diff("\n".join(parts))
        else:
            self._show_diff(fix_diff(self.review.fix(str(key))))

    def _show_diff(self, text: str) -> None:
        self._diff.setPlainText(text)
        cursor = QTextCursor(self._diff.document())
        block = self._diff.document().begin()
        while block.isValid():
            line = block.text()
            color = _ADDED if line.startswith("+") and not line.startswith("+++") else \
                _REMOVED if line.startswith("-") and not line.startswith("---") else None
            if color is not None:
                cursor.setPosition(block.position())
                cursor.setPosition(block.position() + block.length() - 1,
                                   QTextCursor.MoveMode.KeepAnchor)
                fmt = QTextCharFormat()
                fmt.setForeground(color)
                cursor.setCharFormat(fmt)
            block = block.next()
