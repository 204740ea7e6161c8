"""Editor, outline and preview follow each other, by heading.

- The preview follows the editor's scroll: the editor's top line lies between two headings
  (or before the first); the preview is scrolled to the same place between the same two
  rendered headings. With no matching headings it falls back to the same share of the text.
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
        editor.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        preview.rendered.connect(self.sync_preview)
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
        self.preview.scroll_to_y(self.preview_target())

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
        self._scroll_timer.start()

    def _timer(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer


__all__ = ["SectionSync"]
