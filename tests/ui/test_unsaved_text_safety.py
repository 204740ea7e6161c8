"""Replacing the editor's text never loses unsaved typing: New asks Save / Discard / Cancel;
opening a saved article keeps it recoverable; closing keeps it, or asks when it cannot."""

from __future__ import annotations

from pathlib import Path

from app.core.store import Library
from app.ui.main_window import MainWindow
from tests.ui.main_window_fixtures import make_window, no_keyring, sample_article  # noqa: F401
from tests.ui.test_write_after_stop import answer_next_question


def _window_with_library(make_window, tmp_path: Path) -> tuple[MainWindow, Library]:  # noqa: F811
    from app.core.settings import Settings
    from app.ui.ui_state import UiState

    library = Library(tmp_path / "library.sqlite3")
    window = make_window()
    window.close()
    window = MainWindow(Settings(host="http://127.0.0.1:9", self_review=False,
                                 autosave_seconds=600),
                        ui_state=UiState(tmp_path / "ui2.ini"), library=library,
                        start_connection=False)
    window.show()
    return window, library


def _offered_next_start(library: Library) -> list[str]:
    with Library(library.path) as other:
        return [other.load_draft(d.draft_id).body for d in other.recoverable()]


def _type(window: MainWindow, qtbot, text: str) -> None:
    window.editor.setFocus()
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, text)


def test_new_article_asks_and_cancel_keeps_the_text(make_window, qtbot, tmp_path):  # noqa: F811
    window, library = _window_with_library(make_window, tmp_path)
    qtbot.addWidget(window)
    window.load_article(sample_article())
    _type(window, qtbot, " Typed just before New.")
    buttons: list[str] = []
    answer_next_question("Cancel", buttons)
    window.actions.new_article.trigger()
    assert {"Save", "Discard", "Cancel"} <= set(buttons)
    assert window.editor.toPlainText().endswith("Typed just before New.")
    window.close()
    library.close()


def test_new_article_discard_leaves_no_crash_offer(make_window, qtbot, tmp_path):  # noqa: F811
    window, library = _window_with_library(make_window, tmp_path)
    qtbot.addWidget(window)
    window.load_article(sample_article())
    _type(window, qtbot, " Not wanted.")
    answer_next_question("Discard", [])
    window.actions.new_article.trigger()
    assert window.editor.toPlainText() == ""
    window.close()
    assert _offered_next_start(library) == []    # no "was not closed properly" next time
    library.close()


def test_new_article_save_puts_it_in_the_library(make_window, qtbot, tmp_path):  # noqa: F811
    window, library = _window_with_library(make_window, tmp_path)
    qtbot.addWidget(window)
    window.load_article(sample_article())
    _type(window, qtbot, " Keep this.")
    answer_next_question("Save", [])
    window.actions.new_article.trigger()
    assert window.editor.toPlainText() == ""
    [summary] = library.list()
    assert library.load(summary.id).body.endswith("Keep this.")
    window.close()
    assert _offered_next_start(library) == []
    library.close()


def test_closing_when_the_disk_refuses_the_copy_asks(make_window, qtbot, tmp_path):  # noqa: F811
    window, library = _window_with_library(make_window, tmp_path)
    qtbot.addWidget(window)
    window.load_article(sample_article())
    _type(window, qtbot, " Last words.")
    library.close()                                 # the disk "goes away" (full, unplugged)
    buttons: list[str] = []
    answer_next_question("Cancel", buttons)
    window.close()
    assert "Close without saving" in buttons
    assert window.isVisible()                       # still open, text still there
    assert window.editor.toPlainText().endswith("Last words.")
    answer_next_question("Close without saving", [])
    window.close()
    assert not window.isVisible()


def test_a_draft_without_words_is_never_offered(tmp_path):
    from app.core.models import Article, Language

    with Library(tmp_path / "library.sqlite3") as crashed:
        crashed.autosave(None, Article("a keyword", Language.EN, "", "", "", "   \n"))
    assert _offered_next_start(Library(tmp_path / "library.sqlite3")) == []


def test_opening_a_saved_article_asks_first(make_window, qtbot, tmp_path):  # noqa: F811
    window, library = _window_with_library(make_window, tmp_path)
    qtbot.addWidget(window)
    saved_id = library.save(sample_article(body="# Saved one\n\nAlready in the library."))
    window.load_article(sample_article())
    _type(window, qtbot, " Never saved anywhere.")
    answer_next_question("Cancel", [])
    window.open_saved(saved_id)
    assert window.editor.toPlainText().endswith("Never saved anywhere.")   # still here
    answer_next_question("Save", [])
    window.open_saved(saved_id)
    assert window.editor.toPlainText().startswith("# Saved one")
    bodies = [library.load(s.id).body for s in library.list()]
    assert any(body.endswith("Never saved anywhere.") for body in bodies)
    window.close()
    assert _offered_next_start(library) == []
    library.close()


def test_window_state_follows_an_isolated_profile(tmp_path, monkeypatch, qapp):
    """PLUME_CONFIG_DIR (used for portable/test profiles) also holds the window state."""
    from app.ui.ui_state import UiState

    monkeypatch.setenv("PLUME_CONFIG_DIR", str(tmp_path / "profile"))
    (tmp_path / "profile").mkdir()
    state = UiState()
    state.set_text("export_folder", "/somewhere")
    state.sync()
    assert "/somewhere" in (tmp_path / "profile" / "ui.ini").read_text(encoding="utf-8")
