"""The editor during streaming: appends at the end, one undo step per generated section,
read-only only while a stream writes, highlights of check spans."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from app.ui.editor.article_editor import ArticleEditor, count_words


def _stream_sections(editor: ArticleEditor, sections: list[list[str]]) -> None:
    editor.begin_stream()
    for i, chunks in enumerate(sections):
        if i:
            editor.next_block()
        for chunk in chunks:
            editor.append_stream(chunk)
    editor.end_stream()


def test_each_generated_section_is_one_undo_step(qtbot):
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("# Title\n\nIntro typed by hand.")
    _stream_sections(editor, [
        ["## One\n\n", "First ", "section ", "text."],
        ["## Two\n\n", "Second ", "section."],
    ])
    text = editor.toPlainText()
    assert text.startswith("# Title\n\nIntro typed by hand.\n\n## One")
    assert text.endswith("## Two\n\nSecond section.")
    editor.undo()
    assert "## Two" not in editor.toPlainText()
    assert editor.toPlainText().rstrip().endswith("First section text.")
    editor.undo()
    assert editor.toPlainText().rstrip() == "# Title\n\nIntro typed by hand."
    editor.redo()
    editor.redo()
    assert editor.toPlainText() == text


def test_read_only_only_while_streaming(qtbot):
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    assert not editor.isReadOnly()
    editor.begin_stream()
    assert editor.isReadOnly()
    editor.append_stream("Some text")
    editor.end_stream()
    assert not editor.isReadOnly()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " more")
    assert editor.toPlainText() == "Some text more"


def test_streaming_does_not_drag_a_reader_away(qtbot):
    editor = ArticleEditor()
    editor.resize(400, 200)
    qtbot.addWidget(editor)
    editor.show()
    editor.setPlainText("\n".join(f"line {i}" for i in range(300)))
    bar = editor.verticalScrollBar()
    bar.setValue(10)                       # the writer reads near the top
    editor.begin_stream()
    for i in range(50):
        editor.append_stream(f"\nstreamed {i}")
    assert bar.value() == 10
    bar.setValue(bar.maximum())            # at the bottom: the view follows the text
    editor.append_stream("\n" + "more\n" * 40)
    assert bar.value() == bar.maximum()
    editor.end_stream()


def test_regenerating_a_section_replaces_it_as_one_step(qtbot):
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    original = "# T\n\n## A\n\nOld A.\n\n## B\n\nText B."
    editor.setPlainText(original)
    start, end, heading = editor.section_bounds(original.index("Old A"))
    assert heading == "A"
    section = original[start:end].rstrip("\n")
    editor.begin_stream(position=start, replace_to=start + len(section))
    editor.append_stream("## A\n\nNew ")
    editor.append_stream("A.")
    editor.end_stream()
    assert editor.toPlainText() == "# T\n\n## A\n\nNew A.\n\n## B\n\nText B."
    editor.undo()
    assert editor.toPlainText() == original


def test_span_highlight_selects_the_text(qtbot):
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("alpha beta gamma")
    editor.highlight_spans([(6, 10)])
    assert editor.highlighted_spans() == [(6, 10)]
    assert editor.textCursor().position() == 6


def test_word_count():
    assert count_words("# Un titre\n\nL’été, c'est **très** chaud — 30 degrés.") == 8
