"""HTML preview with the export's look, re-rendered on a debounce in a worker.

Typing only restarts a timer; when it fires, the Markdown snapshot is rendered off
the GUI thread (`render_body`, the same code as the HTML export). While a render is
running, further edits only set a "dirty again" flag: at most one render is in flight
and the last text always wins. A hidden preview does no work.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.core.resources import read_text
from app.ui.workers.task_runner import run_in_background

if TYPE_CHECKING:   # event classes cost start-up time to load: not before the first frame
    from PySide6.QtGui import QMouseEvent

logger = logging.getLogger(__name__)

DEBOUNCE_MS = 400
MAX_WAIT_MS = 1500   # while text keeps changing (streaming), still refresh this often


@cache
def _export_css() -> str:
    # Read the file directly: importing the export module (Markdown, sanitiser) at
    # start-up would cost ~170 ms before the first frame.
    return read_text("templates", "article.css")


def _render_body(markdown_text: str) -> str:
    try:
        from app.core.export.html import render_body
    except ImportError:  # html.py not landed yet: same sanitised renderer
        from app.core.export.sanitise import render_body
    return render_body(markdown_text)


_TOP_BLOCK = re.compile(r"\n(?=<(?:p|h[1-6]|ul|ol|table|blockquote|pre|hr|div|dl|figure)[\s>/])")
_PARAGRAPH = re.compile(r"<p>(?:(?!</?p[\s>]|<(?:div|table|ul|ol|img|h[1-6])[\s>]).)*</p>", re.DOTALL)


def _top_blocks(html: str) -> list[str]:
    """The rendered body's top-level blocks (the Markdown renderer starts each on a line)."""
    return _TOP_BLOCK.split(html.strip())


def _blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def preview_stylesheet(dark: bool) -> str:
    """The export stylesheet (resources/templates/article.css, the file
    app.core.export.html.stylesheet() inlines) with colours fitted to the theme."""
    try:
        css = _export_css()
    except OSError:
        css = ""
    text, muted, rule, code = (
        ("#e6e8eb", "#a9b0ba", "#3a3f47", "#2b2f36") if dark
        else ("#1d2127", "#5b6470", "#e3e6ea", "#f2f4f7")
    )
    link = "#8ab4f8" if dark else "#1a56b8"
    # QTextBrowser understands a CSS subset; keep the rules simple and explicit.
    return css + f"""
body {{ color: {text}; font-size: 11pt; line-height: 150%; }}
h1, h2, h3, h4 {{ color: {text}; }}
h1 {{ font-size: 14pt; font-weight: 600; margin: 4px 0 12px 0; }}
h2 {{ font-size: 11.5pt; font-weight: 600; margin: 18px 0 6px 0; }}
h3 {{ font-size: 10pt; font-weight: 600; margin: 14px 0 4px 0; }}
p {{ margin: 0 0 10px 0; }}
a {{ color: {link}; }}
blockquote {{ color: {muted}; margin-left: 12px; }}
code, pre {{ background-color: {code}; font-family: "DejaVu Sans Mono", monospace; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid {rule}; padding: 4px 8px; }}
"""


def _ignore(exc: BaseException) -> None:
    logger.debug("preview warm-up failed: %r", exc)


class PreviewPane(QTextBrowser):
    # ---- Signals
    rendered = Signal()   # a new HTML was shown
    clicked = Signal(int)  # a click (not a selection): the document position under it

    def __init__(self, source: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self._source = source
        self._in_flight = False
        self._dirty = False
        self._last_html = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._pending_since: float | None = None
        self._timer.timeout.connect(self._render_now)
        self.apply_theme(dark=False)
        self.retranslate_ui()

    # ---- Public API

    def schedule(self) -> None:
        """Text changed: render after the debounce (no work while hidden)."""
        if not self.isVisible():
            self._dirty = True
            return
        now = time.monotonic()
        if self._pending_since is None:
            self._pending_since = now
        waited_ms = (now - self._pending_since) * 1000
        self._timer.start(int(max(0, min(DEBOUNCE_MS, MAX_WAIT_MS - waited_ms))))

    def render_now(self) -> None:
        self._timer.stop()
        self._render_now()

    def warm_up(self) -> None:
        """Import the Markdown renderer in the background ahead of the first preview."""
        run_in_background(lambda: _render_body("# Plume\n\n*warm*"), None, _ignore, owner=self)

    def apply_theme(self, dark: bool) -> None:
        self.document().setDefaultStyleSheet(preview_stylesheet(dark))
        self.document().setDocumentMargin(22)
        if self._last_html:
            self.setHtml(self._last_html)

    def html(self) -> str:
        return self._last_html

    def heading_blocks(self) -> list[QTextBlock]:
        """The rendered headings (h1–h6), top to bottom: the anchors the scroll sync aligns
        with the editor's headings (no layout needed to list them)."""
        blocks = []
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                blocks.append(block)
            block = block.next()
        return blocks

    def block_top(self, block: QTextBlock) -> float:
        """Document y of a block (lays the document out only down to it)."""
        return float(self.document().documentLayout().blockBoundingRect(block).top())

    def heading_tops(self) -> list[int]:
        return [int(self.block_top(b)) for b in self.heading_blocks()]

    def scroll_to_y(self, y: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(max(0, min(bar.maximum(), int(y))))

    # ---- Qt overrides

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked.emit(self.cursorForPosition(event.position().toPoint()).position())

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty or not self._last_html:
            self._timer.start(0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Preview"))

    # ---- Private

    def _render_now(self) -> None:
        self._pending_since = None
        if self._in_flight:
            self._dirty = True
            return
        self._in_flight = True
        self._dirty = False
        snapshot = self._source()
        run_in_background(
            lambda: _render_body(snapshot), self._on_rendered, self._on_failed, owner=self
        )

    def _on_rendered(self, html: str) -> None:
        self._in_flight = False
        if not html.strip():
            html = '<p style="color: gray; margin-top: 24px;" align="center">{}</p>'.format(
                self.tr("The preview shows the article as the HTML export will look."))
        if html != self._last_html:
            if not self._patch_paragraph(self._last_html, html):
                bar = self.verticalScrollBar()
                ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
                self.setHtml(html)
                bar.setValue(int(ratio * bar.maximum()))   # the scroll sync refines it on `rendered`
            self._last_html = html
            self.rendered.emit()
        if self._dirty:
            self.schedule()

    def _patch_paragraph(self, old: str, new: str) -> bool:
        """Typing changes one paragraph: only that paragraph of the shown document is
        replaced (re-laying out 10,000 words with setHtml stalled typing 20–40 ms). False
        when the change is anything else, or the patch does not read as the new HTML."""
        from PySide6.QtGui import QTextCursor, QTextDocumentFragment

        before, after = _top_blocks(old), _top_blocks(new)
        if len(before) != len(after):
            return False
        changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        if len(changed) != 1:
            return False
        was, now = before[changed[0]], after[changed[0]]
        if not (_PARAGRAPH.fullmatch(was) and _PARAGRAPH.fullmatch(now)):
            return False
        text = QTextDocumentFragment.fromHtml(was).toPlainText()
        blocks = [b for b in _blocks(self.document()) if b.text() == text]
        if len(blocks) != 1 or not text:
            return False
        cursor = QTextCursor(blocks[0])
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertHtml(now[3:-4])
        # not what a full render shows: False, and the caller shows that instead
        return cursor.block().text() == QTextDocumentFragment.fromHtml(now).toPlainText()

    def _on_failed(self, exc: BaseException) -> None:
        self._in_flight = False
        logger.warning("preview render failed: %s", exc)
        if self._dirty:
            self.schedule()
