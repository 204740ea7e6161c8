"""The Markdown editor: streaming appends, one undo step per generated section, span highlights.

Streaming never rebuilds the document: text is inserted with a cursor at the stream
position, and the view follows only when the writer was already at the bottom. Only the
block being written is read-only: the writer can keep editing the rest of the article
meanwhile (undo/redo wait for the end of the stream). Each generated block is one undo step
(`beginEditBlock` for its first chunk, then `joinPreviousEditBlock` for the following ones);
when the writer edits elsewhere mid-block, the block's next chunk opens a new step rather
than joining theirs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from app.core.textutil import count_words
from app.ui.editor.markdown_highlighter import MarkdownHighlighter

if TYPE_CHECKING:   # event and menu classes cost ~5 ms to load: not before the first frame
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import (
        QContextMenuEvent,
        QDragEnterEvent,
        QDragMoveEvent,
        QDropEvent,
        QKeyEvent,
        QResizeEvent,
    )
    from PySide6.QtWidgets import QMenu

_HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
_ANY_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")


def marker_colors(dark: bool) -> tuple[QColor, QColor]:
    """(background, text) of the check marker: a solid amber that reads on either theme."""
    if dark:
        return QColor("#f2b705"), QColor("#14161a")
    return QColor("#ffd43b"), QColor("#1d2127")


MAX_LINE_PX = 820   # wide screens: the text column stays readable (~90 characters)


def _dropped_files(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
    mime = event.mimeData()
    return mime.hasUrls() and any(url.isLocalFile() for url in mime.urls())


class ArticleEditor(QPlainTextEdit):
    # ---- Signals
    word_count_changed = Signal(int)
    text_edited = Signal()          # any change (typing or streaming), for debounced consumers

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self.document().setDocumentMargin(18)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.5) + 0.5)
        self.setFont(font)
        self.highlighter = MarkdownHighlighter(self.document())
        self._stream_cursor: QTextCursor | None = None
        self._start_cursor: QTextCursor | None = None   # start of the block being written
        self._stream_first = True
        self._streaming = False
        self._own_revision: int | None = None    # document revision after our last edit
        self._user_edited = False
        self._words = 0
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._typewriter = False
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(150)
        self._count_timer.timeout.connect(self._recount)
        self.textChanged.connect(self._on_text_changed)
        self.cursorPositionChanged.connect(self._update_read_only)
        self.selectionChanged.connect(self._update_read_only)
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        self.retranslate_ui()

    # ---- Public API: content

    def markdown(self) -> str:
        return self.toPlainText()

    def set_markdown(self, text: str) -> None:
        """Replace everything (loading an article): not undoable, resets the undo stack."""
        self.setPlainText(text)
        self._recount()

    def apply_text(self, text: str) -> bool:
        """Change the text to `text` as ONE undo step, touching only the part that differs
        (the view and the writer's cursor stay where they were). False if nothing changed."""
        from app.ui.editor.find_engine import Utf16Map

        old = self.toPlainText()
        if old == text:
            return False
        prefix = 0
        limit = min(len(old), len(text))
        while prefix < limit and old[prefix] == text[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[-1 - suffix] == text[-1 - suffix]:
            suffix += 1
        positions = Utf16Map(old)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(positions.to_qt(prefix))
        cursor.setPosition(positions.to_qt(len(old) - suffix), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text[prefix:len(text) - suffix])
        cursor.endEditBlock()
        return True

    def word_count(self) -> int:
        return self._words

    @property
    def streaming(self) -> bool:
        return self._streaming

    @property
    def edited_during_stream(self) -> bool:
        """The writer changed the text while the last (or current) stream was writing."""
        revision = self._own_revision
        return self._user_edited or (revision is not None and
                                     self.document().revision() != revision)

    def stream_region(self) -> tuple[int, int] | None:
        """[start, end] of the block being written (read-only to the writer), if any."""
        if not self._streaming or self._stream_cursor is None:
            return None
        return self._stream_start, self._stream_cursor.position()

    # ---- Public API: streaming

    def begin_stream(self, position: int | None = None, replace_to: int | None = None,
                     prefix: str = "") -> None:
        """Start a generated block at `position` (end of text by default).

        With `replace_to`, the text in [position, replace_to) is removed as part of the
        same undo step (regenerating a section).
        """
        self._streaming = True
        self._user_edited = False
        self._own_revision = self.document().revision()
        cursor = QTextCursor(self.document())
        if position is None:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            position = cursor.position()
            text = self.toPlainText()
            separator = "" if not text.strip() else ("\n" if text.endswith("\n") else "\n\n")
            if text.endswith("\n\n"):
                separator = ""
            self._stream_first = True
            if separator:
                self._stream_edit(cursor, separator)
        else:
            cursor.setPosition(position)
            self._stream_first = True
            if replace_to is not None and replace_to > position:
                cursor.setPosition(replace_to, QTextCursor.MoveMode.KeepAnchor)
                self._stream_edit(cursor, "")      # replaces the selection
            if prefix:
                self._stream_edit(cursor, prefix)
        self._stream_start = cursor.position()
        self._stream_cursor = cursor
        self._update_read_only()

    def append_stream(self, text: str) -> None:
        cursor = self._stream_cursor
        if cursor is None or not text:
            return
        if cursor.position() == self._stream_start and self._ends_paragraph(cursor.position()):
            text = text.lstrip("\n")   # the block's own leading blank line is already there
            if not text:
                return
        bar = self.verticalScrollBar()
        # Follow the new text when the view is at the bottom, unless the writer's cursor is
        # in view somewhere else (they are typing or reading there): the view stays on it.
        cursor_now = self.textCursor()
        elsewhere = not self._in_stream_region(cursor_now.selectionStart(),
                                               cursor_now.selectionEnd())
        follow = bar.value() >= bar.maximum() - 4 and not (elsewhere and self._cursor_in_view())
        self._stream_edit(cursor, text)
        if follow:
            bar.setValue(bar.maximum())

    def finish_block(self, final_markdown: str | None = None) -> None:
        """End the current generated block; optionally replace it with its final form."""
        cursor = self._stream_cursor
        if cursor is None:
            return
        if final_markdown is not None:
            current = self._block_text(cursor)
            final = final_markdown.strip("\n")
            if current.strip("\n") != final:
                edit = QTextCursor(self.document())
                edit.setPosition(self._stream_start)
                edit.setPosition(cursor.position(), QTextCursor.MoveMode.KeepAnchor)
                self._stream_edit(edit, final)
                cursor = QTextCursor(self.document())
                cursor.setPosition(edit.position())
        self._stream_cursor = QTextCursor(cursor)
        self._stream_start = cursor.position()

    def next_block(self) -> None:
        """Start a new undo step at the current stream position (a new section begins)."""
        if self._stream_cursor is None:
            return
        text = self.toPlainText()
        pos = self._stream_cursor.position()
        before = text[:pos]
        self._stream_first = True
        if before.strip() and not before.endswith("\n\n"):
            self._stream_edit(self._stream_cursor, "\n" if before.endswith("\n") else "\n\n")
        self._stream_start = self._stream_cursor.position()

    def _stream_edit(self, cursor: QTextCursor, text: str) -> None:
        """Insert `text` (replacing any selection) inside the current generated block's
        single undo step: the block's first edit opens the step, later ones join it."""
        doc = self.document()
        if self._own_revision is not None and doc.revision() != self._own_revision:
            self._user_edited = True      # the writer typed elsewhere since our last chunk:
            self._stream_first = True     # their edit is its own undo step, do not join it
        if self._stream_first:
            cursor.beginEditBlock()
            self._stream_first = False
        else:
            cursor.joinPreviousEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self._own_revision = doc.revision()

    def end_stream(self) -> None:
        cursor = self._stream_cursor
        if cursor is not None and not cursor.atEnd():
            following = self.toPlainText()[cursor.position():cursor.position() + 2]
            gap = "" if following == "\n\n" else ("\n" if following.startswith("\n") else "\n\n")
            if gap:
                self._stream_edit(cursor, gap)
        self._user_edited = self.edited_during_stream
        self._own_revision = None
        self._stream_cursor = None
        self._start_cursor = None
        self._streaming = False
        self.setReadOnly(False)
        self._recount()

    # ---- Public API: sections and highlights

    def section_bounds(self, position: int) -> tuple[int, int, str] | None:
        """(start, end, heading) of the H2/H3 section containing `position`."""
        starts: list[tuple[int, str]] = []
        offset = 0
        for line in self.toPlainText().split("\n"):
            match = _HEADING.match(line)
            if match and len(match.group(1)) >= 2:
                starts.append((offset, match.group(2).strip()))
            offset += len(line) + 1
        total = len(self.toPlainText())
        for i, (start, heading) in enumerate(starts):
            end = starts[i + 1][0] if i + 1 < len(starts) else total
            if start <= position < end or (i + 1 == len(starts) and position == total):
                return start, end, heading
        return None

    def heading_blocks(self) -> list[tuple[int, int, str]]:
        """(block number, level, text) of every Markdown heading outside code fences."""
        result = []
        fenced = False
        block = self.document().begin()
        while block.isValid():
            line = block.text()
            if line.startswith(("```", "~~~")):
                fenced = not fenced
            elif not fenced and line.startswith("#"):
                match = _ANY_HEADING.match(line)
                if match:
                    result.append((block.blockNumber(), len(match.group(1)),
                                   match.group(2).strip()))
            block = block.next()
        return result

    def go_to_block(self, number: int) -> None:
        """Put the cursor at the start of a block (line) and show it near the top."""
        block = self.document().findBlockByNumber(number)
        if not block.isValid():
            return
        self.setTextCursor(QTextCursor(block))
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())      # from the bottom, ensureCursorVisible scrolls up
        self.ensureCursorVisible()       # just enough: the line lands at the top

    def scroll_to_position(self, position: float) -> None:
        """Scroll (the cursor stays) so the view's top is at a fractional block number, the
        inverse of `top_position`."""
        block = self.document().findBlockByNumber(max(0, int(position)))
        if not block.isValid():
            return
        lines = block.layout().lineCount() if block.layout() is not None else 1
        share = position - int(position)
        self.verticalScrollBar().setValue(block.firstLineNumber() + round(share * max(1, lines)))

    def top_position(self) -> float:
        """The view's top as a fractional block number (first visible block + the share of
        it scrolled past): where the scroll sync starts from."""
        block = self.firstVisibleBlock()
        rect = self.blockBoundingGeometry(block).translated(self.contentOffset())
        height = rect.height() or 1.0
        return block.blockNumber() + min(1.0, max(0.0, -rect.top() / height))

    def highlight_spans(self, spans: list[tuple[int, int]]) -> None:
        """Mark character ranges of the text (from a check) and scroll to the first.
        The marker is a solid colour with contrasting text, in light and dark themes alike."""
        background, foreground = marker_colors(self._dark())
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        fmt.setForeground(foreground)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(foreground)
        selections = self._selections(spans, fmt)
        self.set_selection_layer("check", selections)
        if selections:
            first = QTextCursor(selections[0].cursor)
            first.setPosition(first.selectionStart())
            self.setTextCursor(first)
            self.centerCursor()

    def highlighted_spans(self) -> list[tuple[int, int]]:
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd())
                for s in self._layers.get("check", [])]

    def clear_highlights(self) -> None:
        self.set_selection_layer("check", [])

    def set_selection_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Extra selections by layer ("check" marks, "find" matches…): each layer is set
        and cleared on its own; later layers draw over earlier ones."""
        if not selections and not self._layers.get(name):
            return
        self._layers[name] = selections
        self.setExtraSelections([s for layer in self._layers.values() for s in layer])

    def _selections(self, spans: list[tuple[int, int]], fmt: QTextCharFormat
                    ) -> list[QTextEdit.ExtraSelection]:
        selections = []
        length = self.document().characterCount()
        for start, end in spans:
            if start >= length - 1:
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format = QTextCharFormat(fmt)
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(min(end, length - 1), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        return selections

    def _dark(self) -> bool:
        return self.palette().base().color().lightness() < 128

    # ---- Public API: typewriter mode

    @property
    def typewriter(self) -> bool:
        return self._typewriter

    def set_typewriter(self, on: bool) -> None:
        """Focus mode: the line being written stays in the middle of the view."""
        self._typewriter = on
        self.setCenterOnScroll(on)
        if on:
            self.centerCursor()

    def _on_cursor_moved(self) -> None:
        if self._typewriter and not self._streaming:
            self.centerCursor()

    # ---- Qt overrides

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtGui import QKeySequence

        if self._streaming and (event.matches(QKeySequence.StandardKey.Undo)
                                or event.matches(QKeySequence.StandardKey.Redo)):
            event.accept()        # undoing mid-stream would tear the block being written
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """Qt's standard menu; Undo/Redo are off while a stream writes."""
        menu = self.createStandardContextMenu(pos)
        if self._streaming:
            for action in menu.actions():
                if action.objectName() in ("edit-undo", "edit-redo"):
                    action.setEnabled(False)
        return menu

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if _dropped_files(event):
            event.ignore()        # a dropped file is opened by the window, not pasted as text
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _dropped_files(event) or self._in_stream_region(self._drop_position(event)):
            event.ignore()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if _dropped_files(event) or self._in_stream_region(self._drop_position(event)):
            event.ignore()
            return
        super().dropEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Centre a text column of at most MAX_LINE_PX on wide screens."""
        spare = self.width() - MAX_LINE_PX - 2 * self.frameWidth()
        side = max(0, spare // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange:
            self.highlighter.refresh_colors(self.palette())
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Article text (Markdown)"))
        self.setPlaceholderText(
            self.tr(
                "Write here, or fill the brief and press Generate outline (Ctrl+Shift+O).\n\n"
                "Markdown: # title, ## section, **bold**, *italic*, [link](https://…)"
            )
        )

    # ---- Private

    @property
    def _stream_start(self) -> int:
        return self._start_cursor.position() if self._start_cursor is not None else 0

    @_stream_start.setter
    def _stream_start(self, position: int) -> None:
        # A cursor, not an int: the writer's edits above the block move it along. It stays
        # put when text is inserted right at it (the block's own first chunk).
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setKeepPositionOnInsert(True)
        self._start_cursor = cursor

    def _in_stream_region(self, start: int, end: int | None = None) -> bool:
        region = self.stream_region()
        if region is None:
            return False
        return start <= region[1] and (start if end is None else end) >= region[0]

    def _update_read_only(self) -> None:
        """Read-only exactly when the writer's cursor or selection touches the block being
        written; everywhere else they can type while the model writes."""
        cursor = self.textCursor()
        locked = self._in_stream_region(cursor.selectionStart(), cursor.selectionEnd())
        if locked != self.isReadOnly():
            self.setReadOnly(locked)

    def _cursor_in_view(self) -> bool:
        # cursorRect() is in viewport coordinates; contentsRect() avoids wrapping viewport()
        rect = self.cursorRect()
        return rect.bottom() >= 0 and rect.top() <= self.contentsRect().height()

    def _drop_position(self, event: QDropEvent) -> int:
        return self.cursorForPosition(event.position().toPoint()).position()

    def _ends_paragraph(self, position: int) -> bool:
        """True at the start of the text or after a blank line."""
        if position == 0:
            return True
        breaks = ("\n", "\u2029")
        doc = self.document()
        return position >= 2 and doc.characterAt(position - 1) in breaks and \
            doc.characterAt(position - 2) in breaks

    def _block_text(self, cursor: QTextCursor) -> str:
        return self.toPlainText()[self._stream_start : cursor.position()]

    def _on_text_changed(self) -> None:
        self.text_edited.emit()
        if not self._count_timer.isActive():
            self._count_timer.start()

    def _recount(self) -> None:
        """The header's count (debounced by the count timer: ~10 ms for 10,000 words, on the
        GUI thread, as one count is cheaper than a thread hand-over to get right)."""
        from app.core.analysis.word_count import article_words  # after the first frame

        words = article_words(self.toPlainText())
        if words != self._words:
            self._words = words
            self.word_count_changed.emit(words)


__all__ = ["ArticleEditor", "count_words", "marker_colors"]
