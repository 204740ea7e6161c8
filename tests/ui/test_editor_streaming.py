"""The editor during streaming: appends at the end, one undo step per generated section,
read-only only where a stream writes (the rest stays editable), highlights of check spans."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
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
    assert editor.isReadOnly()              # the writer's cursor sits where text arrives
    editor.append_stream("Some text")
    editor.end_stream()
    assert not editor.isReadOnly()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " more")
    assert editor.toPlainText() == "Some text more"


def _menu_undo_enabled(editor: ArticleEditor) -> bool | None:
    menu = editor.context_menu(QPoint(0, 0))     # kept alive while its actions are read
    try:
        undo = [a for a in menu.actions() if a.objectName() == "edit-undo"]
        return undo[0].isEnabled() if undo else None
    finally:
        menu.deleteLater()


def _click_at(editor: ArticleEditor, position: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def test_writer_edits_other_sections_while_one_streams(qtbot):
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.setPlainText("# Title\n\nIntro.\n\n## One\n\nFirst section.")
    editor.begin_stream()
    editor.append_stream("## Two\n\nSecond ")
    _click_at(editor, editor.toPlainText().index("Intro.") + len("Intro"))
    assert not editor.isReadOnly()          # outside the block being written: writable
    qtbot.keyClicks(editor, " typed")
    editor.append_stream("section.")
    assert editor.toPlainText() == ("# Title\n\nIntro typed.\n\n## One\n\nFirst section."
                                    "\n\n## Two\n\nSecond section.")
    region = editor.stream_region()
    assert region is not None
    assert editor.toPlainText()[region[0]:region[1]] == "## Two\n\nSecond section."
    _click_at(editor, region[0] + 3)       # into the block being written: locked
    assert editor.isReadOnly()
    qtbot.keyClicks(editor, "xx")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert "## Two\n\nSecond section." in editor.toPlainText()
    assert "xx" not in editor.toPlainText()
    editor.end_stream()
    assert not editor.isReadOnly()
    assert editor.edited_during_stream


def test_selection_reaching_into_the_streamed_block_cannot_delete_it(qtbot):
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.setPlainText("Intro.")
    editor.begin_stream()
    editor.append_stream("## Streamed\n\nText.")
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.toPlainText() == "Intro.\n\n## Streamed\n\nText."
    editor.end_stream()


def test_undo_waits_for_the_end_of_the_stream_and_keeps_sections_whole(qtbot):
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.setPlainText("Intro.")
    editor.begin_stream()
    editor.append_stream("## One\n\nAlpha ")
    _click_at(editor, len("Intro."))
    qtbot.keyClicks(editor, "!")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "Intro.!\n\n## One\n\nAlpha "   # no undo mid-stream
    assert _menu_undo_enabled(editor) is False       # the context menu's Undo too
    editor.append_stream("beta.")
    editor.end_stream()
    assert _menu_undo_enabled(editor) is True
    full = "Intro.!\n\n## One\n\nAlpha beta."
    assert editor.toPlainText() == full
    editor.undo()                           # the part written after the writer's edit
    assert editor.toPlainText() == "Intro.!\n\n## One\n\nAlpha "
    editor.undo()                           # the writer's "!"
    assert editor.toPlainText() == "Intro.\n\n## One\n\nAlpha "
    editor.undo()                           # the start of the section
    assert editor.toPlainText() == "Intro."


def test_section_replaced_by_its_final_form_after_an_edit_above(qtbot):
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.setPlainText("Intro.")
    editor.begin_stream()
    editor.append_stream("## One\n\nraw text")
    _click_at(editor, 0)
    qtbot.keyClicks(editor, "My ")
    editor.finish_block("## One\n\nClean text.")
    editor.end_stream()
    assert editor.toPlainText() == "My Intro.\n\n## One\n\nClean text."


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


def test_the_view_stays_with_a_writer_typing_above_the_stream(qtbot):
    editor = ArticleEditor()
    editor.resize(400, 300)
    qtbot.addWidget(editor)
    editor.show()
    editor.setPlainText("# Title\n\nIntro.")
    editor.begin_stream()
    editor.append_stream("## One\n\nShort.")             # everything still fits: at bottom
    _click_at(editor, len("# Title"))
    qtbot.keyClicks(editor, " edited")
    for i in range(60):
        editor.append_stream(f"\n\nstreamed paragraph {i}")
    bar = editor.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() < bar.maximum() // 2   # still near the title
    assert editor.cursorRect().top() >= 0                          # the caret is in view
    editor.end_stream()
