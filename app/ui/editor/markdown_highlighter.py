"""Light Markdown highlighting: headings, emphasis, links, code, lists, quotes.

Line-local rules only (no multi-line state), so a keystroke re-highlights one block
and a streamed chunk only the blocks it touches.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

_HEADING = re.compile(r"^(#{1,6})\s+.*$")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![*\w])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![*\w])")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_CODE = re.compile(r"`[^`\n]+`")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_QUOTE = re.compile(r"^\s*>.*$")
_TABLE = re.compile(r"^\s*\|.*\|\s*$")


def _fmt(color: QColor, *, bold: bool = False, italic: bool = False,
         scale: float = 0.0, underline: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(color)
    if bold:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    if italic:
        fmt.setFontItalic(True)
    if underline:
        fmt.setFontUnderline(True)
    if scale:
        fmt.setProperty(QTextCharFormat.Property.FontSizeAdjustment, int(scale))
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self._dark: bool | None = None
        self.refresh_colors(QPalette())

    def refresh_colors(self, palette: QPalette) -> None:
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        if dark == self._dark:
            return          # palette events are frequent; colours only change with the theme
        self._dark = dark
        text = palette.color(QPalette.ColorRole.Text)
        accent = QColor("#8ab4f8") if dark else QColor("#1a56b8")
        muted = QColor(text)
        muted.setAlpha(140)
        code_bg = QColor("#2d313a") if dark else QColor("#eef1f5")
        self._formats = {
            "h1": _fmt(accent, bold=True, scale=2),
            "h2": _fmt(accent, bold=True, scale=1),
            "h3": _fmt(accent, bold=True),
            "bold": _fmt(text, bold=True),
            "italic": _fmt(text, italic=True),
            "link": _fmt(accent, underline=True),
            "url": _fmt(muted),
            "marker": _fmt(muted),
            "quote": _fmt(muted, italic=True),
        }
        code = _fmt(QColor("#e4b96b") if dark else QColor("#9a4a00"))
        code.setBackground(code_bg)
        code.setFontFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self._formats["code"] = code
        if self.document() is not None and not self.document().isEmpty():
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        f = self._formats
        heading = _HEADING.match(text)
        if heading:
            level = len(heading.group(1))
            self.setFormat(0, len(text), f["h1" if level == 1 else "h2" if level == 2 else "h3"])
            return
        if _QUOTE.match(text):
            self.setFormat(0, len(text), f["quote"])
        if _TABLE.match(text):
            for i, ch in enumerate(text):
                if ch == "|":
                    self.setFormat(i, 1, f["marker"])
        marker = _LIST.match(text)
        if marker:
            self.setFormat(0, marker.end(), f["marker"])
        for m in _BOLD.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), f["bold"])
        for m in _ITALIC.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), f["italic"])
        for m in _LINK.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), f["link"])
            self.setFormat(m.start(2) - 1, len(m.group(2)) + 2, f["url"])
        for m in _CODE.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), f["code"])
