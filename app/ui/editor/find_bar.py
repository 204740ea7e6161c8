"""The find / replace bar under the editor (Ctrl+F, Ctrl+H), as in VS Code or ghostwriter.

Options: match case, whole word, regular expression, in selection. Every match is tinted,
the current one stronger; "3 of 12" counts them. Next/previous wrap around the text.
Replace and Replace all are one undo step each. An invalid expression shows a short message
in the bar and changes nothing. Esc closes the bar and gives the focus back to the editor.

Searching a 10,000-word article is one Python regex pass over a snapshot of the text
(a few milliseconds); only the matches in and around the view are tinted (again as it
scrolls), so a query matching thousands of times never builds thousands of selections.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from app.ui.editor.find_engine import FindError, FindQuery, Utf16Map, expand, find_all
from app.ui.styling import set_style_property

if TYPE_CHECKING:
    from app.ui.editor.article_editor import ArticleEditor

TINT_LIMIT = 400          # at most this many tints (those in and around the view)
RESEARCH_DELAY_MS = 120   # the text changed while the bar is open: count again after this


class FindBar(QFrame):
    # ---- Signals
    matches_changed = Signal(int)      # number of matches (0 also for an invalid pattern)

    def __init__(self, editor: ArticleEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        self._matches: list[tuple[int, int]] = []     # Qt positions, in text order
        self._starts: list[int] = []                  # their starts (bisect)
        self._current = -1
        self._error = ""
        self._scope: tuple[QTextCursor, QTextCursor] | None = None
        self.find_field = QLineEdit(self)
        self.find_field.setObjectName("findField")
        self.find_field.setClearButtonEnabled(True)
        self.replace_field = QLineEdit(self)
        self.replace_field.setObjectName("replaceField")
        self.case_button = self._toggle("Aa")
        self.word_button = self._toggle("ab|")
        self.regex_button = self._toggle(".*")
        self.selection_button = self._toggle("⌶")
        self.previous_button = self._tool("↑")
        self.next_button = self._tool("↓")
        self.close_button = self._tool("✕")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(80)
        self.message = QLabel(self)
        self.message.setObjectName("findMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.replace_button = QPushButton(self)
        self.replace_all_button = QPushButton(self)
        find_row = QHBoxLayout()
        find_row.setSpacing(2)
        find_row.addWidget(self.find_field, 1)
        for button in (self.case_button, self.word_button, self.regex_button,
                       self.selection_button):
            find_row.addWidget(button)
        find_row.addSpacing(6)
        find_row.addWidget(self.count_label)
        find_row.addWidget(self.previous_button)
        find_row.addWidget(self.next_button)
        find_row.addWidget(self.close_button)
        replace_row = QHBoxLayout()
        replace_row.setSpacing(4)
        replace_row.addWidget(self.replace_field, 1)
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(self.replace_all_button)
        self._replace_row = QWidget(self)
        self._replace_row.setLayout(replace_row)
        replace_row.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setVerticalSpacing(4)
        grid.addLayout(find_row, 0, 0)
        grid.addWidget(self._replace_row, 1, 0)
        grid.addWidget(self.message, 2, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESEARCH_DELAY_MS)
        self._timer.timeout.connect(self._research)
        self.find_field.textChanged.connect(self._on_query_changed)
        self.find_field.returnPressed.connect(self.find_next)
        self.replace_field.returnPressed.connect(self.replace)
        for button in (self.case_button, self.word_button, self.regex_button):
            button.toggled.connect(self._on_query_changed)
        self.selection_button.toggled.connect(self._on_scope_toggled)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        editor.textChanged.connect(self._on_text_changed)
        editor.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        for field in (self.find_field, self.replace_field):
            field.installEventFilter(self)
        self.retranslate_ui()
        self.hide()

    # ---- Public API

    def open_find(self) -> None:
        self._open(replace=False)

    def open_replace(self) -> None:
        self._open(replace=True)

    def close_bar(self) -> None:
        self.hide()
        self._set_tints([])
        self.selection_button.setChecked(False)
        self.editor.setFocus()

    def query(self) -> FindQuery:
        return FindQuery(self.find_field.text(), self.case_button.isChecked(),
                         self.word_button.isChecked(), self.regex_button.isChecked())

    def matches(self) -> list[tuple[int, int]]:
        """(start, end) editor positions of every match (in the scope, when there is one)."""
        return list(self._matches)

    def current_index(self) -> int:
        return self._current

    def error(self) -> str:
        return self._error

    def find_next(self) -> bool:
        return self._step(forward=True)

    def find_previous(self) -> bool:
        return self._step(forward=False)

    def replace(self) -> bool:
        """Replace the current match (one undo step), then go to the next one."""
        self._research()
        if not self._matches:
            return False
        cursor = self.editor.textCursor()
        span = (cursor.selectionStart(), cursor.selectionEnd())
        if span not in self._matches:
            return self.find_next()
        try:
            text = self._replacement(cursor.selectedText())
        except FindError as exc:
            self._show_error(exc)
            return False
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self._research()
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many were replaced."""
        self._research()
        if not self._matches:
            return 0
        document = self.editor.document()
        full = self.editor.toPlainText()
        positions = Utf16Map(full)
        try:   # every replacement is built before the first change: an error changes nothing
            texts = [self._replacement(full[positions.to_py(a):positions.to_py(b)])
                     for a, b in self._matches]
        except FindError as exc:
            self._show_error(exc)
            return 0
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for (start, end), text in zip(reversed(self._matches), reversed(texts), strict=True):
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text)
        cursor.endEditBlock()
        count = len(texts)
        self._research()
        self.count_label.setText(self.tr("%n replaced", "", count))
        return count

    # ---- Qt overrides

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                event.accept()      # Esc closes the bar, never the window's Stop shortcut
                return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier and \
                    watched is self.find_field:
                self.find_previous()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange and self.isVisible():
            self._tint()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.find_field.setPlaceholderText(self.tr("Find"))
        self.replace_field.setPlaceholderText(self.tr("Replace with"))
        self.find_field.setAccessibleName(self.tr("Find"))
        self.replace_field.setAccessibleName(self.tr("Replace with"))
        self.replace_button.setText(self.tr("Replace"))
        self.replace_all_button.setText(self.tr("Replace all"))
        for button, tip in (
            (self.case_button, self.tr("Match case")),
            (self.word_button, self.tr("Whole word")),
            (self.regex_button, self.tr("Regular expression")),
            (self.selection_button, self.tr("Find in selection")),
            (self.previous_button, self.tr("Previous match (Shift+Enter)")),
            (self.next_button, self.tr("Next match (Enter)")),
            (self.close_button, self.tr("Close (Esc)")),
        ):
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        self._show_count()

    # ---- Private

    def _toggle(self, text: str) -> QToolButton:
        button = self._tool(text)
        button.setCheckable(True)
        return button

    def _tool(self, text: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _open(self, *, replace: bool) -> None:
        cursor = self.editor.textCursor()
        selected = cursor.selectedText()
        if selected and "\u2029" not in selected and len(selected) <= 200:
            self.find_field.setText(selected)        # a word or phrase: search for it
        elif selected and "\u2029" in selected:
            self.selection_button.setChecked(True)   # several lines: search inside them
        self._replace_row.setVisible(replace)
        self.show()
        target = self.replace_field if replace and self.find_field.text() else self.find_field
        target.setFocus()
        target.selectAll()
        self._research()

    def _on_query_changed(self, *_args: object) -> None:
        self._research(tint=False)     # selecting the first match tints, once
        if self._matches:
            self._select_from(self.editor.textCursor().selectionStart(), forward=True)
        else:
            self._tint()

    def _on_scope_toggled(self, on: bool) -> None:
        cursor = self.editor.textCursor()
        if on and cursor.hasSelection():
            start, end = QTextCursor(self.editor.document()), QTextCursor(self.editor.document())
            start.setPosition(cursor.selectionStart())
            end.setPosition(cursor.selectionEnd())
            self._scope = (start, end)
        else:
            self._scope = None
            if on:
                self.selection_button.setChecked(False)   # nothing selected: whole text
                return
        self._research()

    def _on_text_changed(self) -> None:
        if self.isVisible():
            self._timer.start()

    def _on_scrolled(self, _value: int) -> None:
        if self.isVisible() and self._matches:
            self._tint()

    def _research(self, *, tint: bool = True) -> None:
        """Find every match again in the current text (and scope)."""
        self._timer.stop()
        self._error = ""
        try:
            pattern = self.query().compile()
        except FindError as exc:
            self._matches, self._starts, self._current = [], [], -1
            self._show_error(exc)
            self._tint()
            self.matches_changed.emit(0)
            return
        self.message.hide()
        set_invalid(self.find_field, False)
        text = self.editor.toPlainText()
        if pattern is None:
            self._matches = []
        else:
            positions = Utf16Map(text)
            lo, hi = 0, len(text)
            if self._scope is not None:
                lo = positions.to_py(self._scope[0].position())
                hi = positions.to_py(self._scope[1].position())
            found = find_all(pattern, text, lo, hi)
            self._matches = found if positions.identity else [
                (positions.to_qt(a), positions.to_qt(b)) for a, b in found]
        self._starts = [a for a, _ in self._matches]
        cursor = self.editor.textCursor()
        span = (cursor.selectionStart(), cursor.selectionEnd())
        at = bisect.bisect_left(self._starts, span[0])
        found = at < len(self._matches) and self._matches[at] == span
        self._current = at if found else -1
        self._show_count()
        if tint:
            self._tint()
        self.matches_changed.emit(len(self._matches))

    def _step(self, *, forward: bool) -> bool:
        if self._timer.isActive() or not self._matches:
            self._research()
        if not self._matches:
            return False
        cursor = self.editor.textCursor()
        return self._select_from(cursor.selectionEnd() if forward else cursor.selectionStart(),
                                 forward=forward)

    def _select_from(self, position: int, *, forward: bool) -> bool:
        """Select the first match at or after `position` (before it, going back), wrapping."""
        count = len(self._matches)
        if forward:
            index = bisect.bisect_left(self._starts, position)
            index = index if index < count else 0
        else:
            # the last match that ends at or before `position` (matches never overlap)
            index = bisect.bisect_right(self._starts, position) - 1
            while index >= 0 and self._matches[index][1] > position:
                index -= 1
            index = index if index >= 0 else count - 1
        start, end = self._matches[index]
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self._current = index
        self._show_count()
        self._tint()
        return True

    def _replacement(self, matched: str) -> str:
        query = self.query()
        pattern = query.compile()
        if pattern is None:
            return self.replace_field.text()
        return expand(pattern, query, matched.replace("\u2029", "\n"), self.replace_field.text())

    def _show_error(self, exc: FindError) -> None:
        self._error = str(exc)
        self.message.setText(self.tr("Invalid expression: {0}").format(self._error))
        self.message.show()
        set_invalid(self.find_field, True)
        self.count_label.setText(self.tr("Invalid"))

    def _show_count(self) -> None:
        if self._error:
            return
        if not self.find_field.text():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText(self.tr("No results"))
        elif self._current >= 0:
            self.count_label.setText(self.tr("{0} of {1}").format(
                self._current + 1, len(self._matches)))
        else:
            self.count_label.setText(self.tr("%n match(es)", "", len(self._matches)))

    def _tint(self) -> None:
        if not self.isVisible() or not self._matches:
            self._set_tints([])
            return
        first, last = self._visible_range()
        lo = bisect.bisect_left(self._starts, first)
        hi = min(bisect.bisect_right(self._starts, last), lo + TINT_LIMIT)
        shown = self._matches[lo:hi]
        if 0 <= self._current < len(self._matches) and not lo <= self._current < hi:
            shown, lo = [self._matches[self._current]], self._current   # off screen: just it
        dark = self.editor.palette().base().color().lightness() < 128
        soft, strong = _find_colors(dark)
        selections = []
        document = self.editor.document()
        for index, (start, end) in enumerate(shown, lo):
            fmt = QTextCharFormat()
            fmt.setBackground(strong if index == self._current else soft)
            selection = QTextEdit.ExtraSelection()
            selection.format = fmt
            cursor = QTextCursor(document)
            cursor.setPosition(min(start, document.characterCount() - 1))
            cursor.setPosition(min(end, document.characterCount() - 1),
                               QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self._set_tints(selections)

    def _visible_range(self) -> tuple[int, int]:
        """Editor positions from a screen above the view to a screen below it."""
        view = self.editor.viewport().rect()
        top = self.editor.cursorForPosition(view.topLeft()).position()
        bottom = self.editor.cursorForPosition(view.bottomRight()).position()
        span = max(bottom - top, 2000)
        return max(0, top - span), bottom + span

    def _set_tints(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        self.editor.set_selection_layer("find", selections)


def _find_colors(dark: bool) -> tuple[QColor, QColor]:
    """(every match, the current match)."""
    if dark:
        return QColor(90, 120, 170, 140), QColor("#d9822b")
    return QColor(120, 170, 255, 90), QColor("#f5a623")


def set_invalid(field: QLineEdit, invalid: bool) -> None:
    set_style_property(field, "state", "error" if invalid else "")


__all__ = ["FindBar"]
