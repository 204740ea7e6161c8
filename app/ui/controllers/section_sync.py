"""Editor, outline and preview follow each other, by heading.

- The preview follows the editor's scroll: the editor's top line lies between two headings
  (or before the first); the preview is scrolled to the same place between the same two
  rendered headings. With no matching headings it falls back to the same share of the text.
- And the editor follows the preview: scrolling the preview scrolls the editor the same
  way back; a click on a rendered paragraph puts the editor's cursor on its Markdown line.
- Clicking a section in the outline moves the editor's cursor to its heading.
- The section the editor's cursor is in is marked in the outline.

Everything runs on short single-shot timers: scrolling or typing never does the work twice
in one event-loop turn, and a 10,000-word article costs one pass over its blocks.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from app.ui.editor.article_editor import ArticleEditor
    from app.ui.editor.preview_pane import PreviewPane

SCROLL_DELAY_MS = 15
CURSOR_DELAY_MS = 120


class SectionSync(QObject):
    def __init__(self, editor: ArticleEditor, preview: PreviewPane,
                 outline: Callable[[], Any] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor, self.preview = editor, preview
        self._outline = outline
        self._connected_outline: Any = None
        self._scroll_timer = self._timer(SCROLL_DELAY_MS, self.sync_preview)
        self._cursor_timer = self._timer(CURSOR_DELAY_MS, self.sync_outline)
        self._editor_timer = self._timer(SCROLL_DELAY_MS, self.sync_editor)
        self._render_timer = self._timer(0, self.sync_preview)     # after a render, on the next turn
        self._moving = ""        # "preview" or "editor" while this class scrolls that view
        editor.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        preview.verticalScrollBar().valueChanged.connect(self._on_preview_scrolled)
        preview.rendered.connect(self._on_rendered)
        preview.clicked.connect(self.show_preview_position)
        editor.cursorPositionChanged.connect(self._cursor_timer.start)

    # ---- Public API

    def attach_outline(self, outline: Any) -> None:
        """The outline editor exists (it is built on first use): follow its clicks."""
        if outline is self._connected_outline:
            return
        self._connected_outline = outline
        outline.section_activated.connect(self.show_section)

    def show_section(self, row: int, heading: str) -> None:
        """Move the editor to a section's heading (by text; else the row-th H2/H3)."""
        headings = [h for h in self.editor.heading_blocks() if h[1] in (2, 3)]
        wanted = " ".join(heading.split()).casefold()
        block = next((n for n, _, text in headings
                      if " ".join(text.split()).casefold() == wanted), None)
        if block is None and 0 <= row < len(headings):
            block = headings[row][0]
        if block is None:
            return
        self.editor.go_to_block(block)   # the focus stays in the outline (rename, drag)
        self.sync_preview()

    def sync_preview(self) -> None:
        if not self.preview.isVisible():
            return
        self._moving = "preview"
        try:
            self.preview.scroll_to_y(self.preview_target())
        finally:
            self._moving = ""

    def sync_editor(self) -> None:
        """Scroll the editor to where the preview's top is."""
        target = self.editor_target()
        self._moving = "editor"
        try:
            if target is None:
                bar = self.editor.verticalScrollBar()
                bar.setValue(bar.maximum())
            else:
                self.editor.scroll_to_position(target)
        finally:
            self._moving = ""

    def editor_target(self) -> float | None:
        """The editor's top (fractional block number) matching the preview's top; None for
        the end of the text."""
        bar = self.preview.verticalScrollBar()
        if bar.value() <= 0:
            return 0.0
        if bar.value() >= bar.maximum() > 0:
            return None
        blocks = [n for n, _, _ in self.editor.heading_blocks()]
        rendered = self.preview.heading_blocks()
        end = float(self.editor.blockCount())
        if not blocks or len(blocks) != len(rendered):
            return bar.value() / bar.maximum() * end if bar.maximum() else 0.0
        tops = [0.0] + [self.preview.block_top(b) for b in rendered]
        tops.append(max(tops[-1], self.preview.document().size().height()))
        anchors = [0.0] + [float(b) for b in blocks] + [end]
        i = min(max(0, bisect.bisect_right(tops, bar.value()) - 1), len(tops) - 2)
        span = tops[i + 1] - tops[i]
        share = (bar.value() - tops[i]) / span if span else 0.0
        return anchors[i] + share * (anchors[i + 1] - anchors[i])

    def show_preview_position(self, position: int) -> None:
        """A click on the preview: the editor's cursor goes to that line, the view stays."""
        number = self.editor_block_for(position)
        if number is None:
            return
        top = self.editor.top_position()
        self._moving = "editor"
        try:
            self.editor.go_to_block(number)
            self.editor.scroll_to_position(top)   # the view stays where the preview is
            self.editor.ensureCursorVisible()
        finally:
            self._moving = ""
        self.editor.setFocus()

    def editor_block_for(self, preview_position: int) -> int | None:
        """The editor's Markdown line for a position in the preview: in the same section
        (between the same two headings), the line that starts with the same words."""
        block = self.preview.document().findBlock(preview_position)
        if not block.isValid():
            return None
        rendered = self.preview.heading_blocks()
        headings = [n for n, _, _ in self.editor.heading_blocks()]
        numbers = [b.blockNumber() for b in rendered]
        i = bisect.bisect_right(numbers, block.blockNumber())      # headings at or above
        if len(headings) == len(rendered) and i > 0:
            first, last = headings[i - 1], (headings[i] if i < len(headings) else None)
        else:
            first, last = 0, None
        wanted = _letters(block.text())[:40]
        if not wanted:
            return first
        doc_block = self.editor.document().findBlockByNumber(first)
        while doc_block.isValid() and (last is None or doc_block.blockNumber() < last):
            if wanted in _letters(doc_block.text()):
                return doc_block.blockNumber()
            doc_block = doc_block.next()
        return first

    def preview_target(self) -> float:
        """The preview y that matches the editor's top line."""
        bar = self.editor.verticalScrollBar()
        preview_bar = self.preview.verticalScrollBar()
        if bar.value() <= 0:
            return 0.0                                   # the top shows the top
        if bar.value() >= bar.maximum() > 0:
            return float(preview_bar.maximum())          # the end shows the end
        top = self.editor.top_position()
        blocks = [n for n, _, _ in self.editor.heading_blocks()]
        rendered = self.preview.heading_blocks()
        if not blocks or len(blocks) != len(rendered):
            share = bar.value() / bar.maximum() if bar.maximum() else 0.0
            return share * preview_bar.maximum()
        anchors = [0.0] + [float(b) for b in blocks] + [float(self.editor.blockCount())]
        i = max(0, bisect.bisect_right(anchors, top) - 1)
        i = min(i, len(anchors) - 2)
        span = anchors[i + 1] - anchors[i]
        share = (top - anchors[i]) / span if span else 0.0
        # only the two headings around the view are laid out (not the whole preview)
        y0 = self.preview.block_top(rendered[i - 1]) if i > 0 else 0.0
        y1 = (self.preview.block_top(rendered[i]) if i < len(rendered)
              else self.preview.document().size().height())
        return y0 + share * (y1 - y0)

    def sync_outline(self) -> None:
        outline = self._outline() if self._outline is not None else None
        if outline is None:
            return
        self.attach_outline(outline)
        bounds = self.editor.section_bounds(self.editor.textCursor().position())
        outline.set_current_section(bounds[2] if bounds else None)

    # ---- Private

    def _on_scrolled(self, _value: int) -> None:
        if self._moving != "editor":
            self._scroll_timer.start()

    def _on_rendered(self) -> None:
        self._editor_timer.stop()       # the new HTML moved the preview, not the writer
        # On the next turn of the event loop: laying out a new 10,000-word preview right
        # after setting it made one 35 ms stall of two ~18 ms ones.
        self._render_timer.start()

    def _on_preview_scrolled(self, _value: int) -> None:
        if self._moving != "preview" and self.preview.isVisible():
            self._render_timer.stop()     # the writer scrolled it: the preview leads now
            self._editor_timer.start()

    def _timer(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer


def _letters(text: str) -> str:
    """Letters and digits only, folded: a rendered line and its Markdown compare equal."""
    return "".join(c for c in text.casefold() if c.isalnum())


__all__ = ["SectionSync"]
