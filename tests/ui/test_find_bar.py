"""The find / replace bar: what a writer searching and replacing in an article sees."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.editor.article_editor import ArticleEditor
from app.ui.editor.find_bar import FindBar

TEXT = ("# Compost\n\nCompost at home. A compost bin helps; composting is easy.\n\n"
        "## Why compost\n\nThe COMPOST feeds the soil.")


def _bar(qtbot, text: str = TEXT) -> tuple[ArticleEditor, FindBar]:
    host = QWidget()
    layout = QVBoxLayout(host)
    editor = ArticleEditor(host)
    bar = FindBar(editor, host)
    layout.addWidget(editor)
    layout.addWidget(bar)
    qtbot.addWidget(host)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    editor.set_markdown(text)
    editor.host = host          # keep the window alive as long as the editor
    return editor, bar


def _selected(editor: ArticleEditor) -> str:
    return editor.textCursor().selectedText()


def test_find_counts_matches_and_steps_with_wrap(qtbot):
    editor, bar = _bar(qtbot)
    bar.open_find()
    assert bar.isVisible()
    qtbot.waitUntil(bar.find_field.hasFocus)
    qtbot.keyClicks(bar.find_field, "compost")
    # case-insensitive, not whole word: "composting" counts too
    assert len(bar.matches()) == 6
    assert bar.count_label.text() == "1 of 6"
    positions = []
    for _ in range(6):
        positions.append(editor.textCursor().selectionStart())
        bar.find_next()
    assert positions == sorted(positions)
    assert editor.textCursor().selectionStart() == positions[0]   # wrapped to the first
    bar.find_previous()
    assert editor.textCursor().selectionStart() == positions[-1]  # and back round the end
    assert bar.count_label.text() == "6 of 6"


def test_match_case_and_whole_word(qtbot):
    editor, bar = _bar(qtbot)
    bar.open_find()
    bar.find_field.setText("compost")
    bar.word_button.setChecked(True)
    assert len(bar.matches()) == 5                     # "composting" no longer counts
    bar.case_button.setChecked(True)
    found = [editor.toPlainText()[a:b] for a, b in bar.matches()]
    assert found == ["compost", "compost"]             # "Compost", "COMPOST" left out


def test_invalid_regex_shows_a_message_and_changes_nothing(qtbot):
    editor, bar = _bar(qtbot)
    bar.open_replace()
    bar.regex_button.setChecked(True)
    bar.find_field.setText("compost(")
    assert bar.matches() == []
    assert bar.message.isVisible()
    assert "Invalid expression" in bar.message.text()
    assert bar.replace_all() == 0
    assert editor.toPlainText() == TEXT
    bar.find_field.setText("compost(ing)?")            # fixed: the message goes away
    assert not bar.message.isVisible()
    assert len(bar.matches()) == 6


def test_regex_replace_all_is_one_undo_step(qtbot):
    editor, bar = _bar(qtbot)
    bar.open_replace()
    bar.regex_button.setChecked(True)
    bar.case_button.setChecked(True)
    bar.find_field.setText(r"\b([Cc])ompost\b")
    bar.replace_field.setText(r"\1ompost heap")
    assert bar.replace_all() == 4
    text = editor.toPlainText()
    assert text.count("ompost heap") == 4
    assert "composting" in text and "COMPOST" in text  # untouched
    editor.undo()                                      # one step takes all four back
    assert editor.toPlainText() == TEXT


def test_replace_one_then_next(qtbot):
    editor, bar = _bar(qtbot)
    bar.open_replace()
    bar.word_button.setChecked(True)
    bar.find_field.setText("compost")
    bar.replace_field.setText("mulch")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    bar.find_next()
    assert bar.replace()
    assert editor.toPlainText().startswith("# mulch\n")
    assert len(bar.matches()) == 4
    assert _selected(editor).lower() == "compost"      # the next one is selected


def test_in_selection_limits_the_search(qtbot):
    editor, bar = _bar(qtbot)
    start = TEXT.index("## Why")
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    bar.open_replace()                                 # several lines selected: in selection
    assert bar.selection_button.isChecked()
    bar.find_field.setText("compost")
    assert len(bar.matches()) == 2
    bar.replace_field.setText("humus")
    assert bar.replace_all() == 2
    assert editor.toPlainText().startswith(TEXT[:start])
    assert editor.toPlainText().endswith("## Why humus\n\nThe humus feeds the soil.")


def test_escape_closes_and_returns_focus(qtbot):
    editor, bar = _bar(qtbot)
    bar.open_find()
    qtbot.keyClicks(bar.find_field, "soil")
    assert editor.extraSelections()                    # the match is tinted
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    qtbot.waitUntil(editor.hasFocus)
    assert editor.extraSelections() == []


def test_find_is_not_fooled_by_emoji(qtbot):
    editor, bar = _bar(qtbot, "🌱 compost 🌱 compost")
    bar.open_find()
    bar.find_field.setText("compost")
    for _ in range(2):
        assert _selected(editor) == "compost"
        bar.find_next()


def test_large_article_counts_all_and_tints_only_some(qtbot):
    paragraph = "The compost heap needs air, water and time to turn into humus. " * 20
    text = "# Big\n\n" + "\n\n".join(paragraph for _ in range(80))   # ~10,000 words
    editor, bar = _bar(qtbot, text)
    bar.open_find()
    bar.find_field.setText("the")
    assert len(bar.matches()) == 1600
    assert 0 < len(editor.extraSelections()) <= 400
