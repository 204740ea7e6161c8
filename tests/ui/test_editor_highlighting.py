"""The Markdown editor highlights headings, emphasis and links as the writer types."""

from __future__ import annotations

from PySide6.QtGui import QFont

from app.ui.editor.article_editor import ArticleEditor


def _formats_on_line(editor: ArticleEditor, line: int) -> list[tuple[str, bool, bool]]:
    block = editor.document().findBlockByNumber(line)
    text = block.text()
    return [(text[r.start:r.start + r.length], r.format.fontWeight() >= QFont.Weight.DemiBold,
             r.format.fontUnderline())
            for r in block.layout().formats()]


def test_heading_bold_and_link_are_highlighted(qtbot):
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("## Choosing a composter\n\nPlain words, **key point** and "
                        "[a guide](https://example.com).")
    heading = _formats_on_line(editor, 0)
    assert heading and heading[0][0].startswith("## Choosing") and heading[0][1]
    body = _formats_on_line(editor, 2)
    assert any("key point" in span and bold for span, bold, _ in body)
    assert any("a guide" in span for span, _, _ in body)
    assert not any(span.startswith("Plain words") and bold for span, bold, _ in body)
