"""Autosave writes a recovery copy a few seconds after a change (and when the app loses
focus); an explicit save drops it; a crash leaves it to be recovered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.models import Article, Language
from app.core.store import Library
from app.ui.controllers.autosave_controller import AutosaveController
from tests.core.test_store import make_article


class Editor:
    """Stands in for the writer typing: the article the window would return."""

    def __init__(self) -> None:
        self.article: Article | None = make_article(body="# Titre\n\npremier jet")

    def type(self, text: str) -> None:
        assert self.article is not None
        self.article.body += text

    def get(self) -> Article | None:
        return self.article


@pytest.fixture
def library(tmp_path: Path):
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def crashed_view(library: Library) -> list[str]:
    """What the next start would offer: bodies of drafts seen from another session."""
    with Library(library.path) as other:
        return [other.load_draft(d.draft_id).body for d in other.recoverable()]


def test_change_is_autosaved_after_the_interval_not_before(qtbot, library: Library) -> None:
    editor = Editor()
    autosave = AutosaveController(library, editor.get, interval_seconds=0.2)
    assert crashed_view(library) == []
    editor.type(" et la suite")
    with qtbot.waitSignal(autosave.autosaved, timeout=5_000) as saved:
        autosave.notify_changed()
        autosave.notify_changed()            # many keystrokes → one write
    assert crashed_view(library) == ["# Titre\n\npremier jet et la suite"]
    editor.type(" encore")
    with qtbot.waitSignal(autosave.autosaved, timeout=5_000) as again:
        autosave.notify_changed()
    assert again.args == saved.args          # the same recovery row is updated
    assert crashed_view(library) == ["# Titre\n\npremier jet et la suite encore"]


def test_app_losing_focus_saves_at_once(qtbot, library: Library) -> None:
    editor = Editor()
    autosave = AutosaveController(library, editor.get, interval_seconds=600)
    autosave.notify_changed()
    with qtbot.waitSignal(autosave.autosaved, timeout=5_000):
        QApplication.instance().applicationStateChanged.emit(
            Qt.ApplicationState.ApplicationInactive)
    assert crashed_view(library) == ["# Titre\n\npremier jet"]


def test_explicit_save_drops_the_recovery_copy(qtbot, library: Library) -> None:
    editor = Editor()
    autosave = AutosaveController(library, editor.get, interval_seconds=0.05)
    with qtbot.waitSignal(autosave.autosaved, timeout=5_000):
        autosave.notify_changed()
    article_id = library.save(editor.article)
    autosave.mark_saved(article_id)
    assert crashed_view(library) == []
    editor.type(" modifié après")
    with qtbot.waitSignal(autosave.autosaved, timeout=5_000):
        autosave.notify_changed()
    [draft] = Library(library.path).recoverable()
    assert draft.article_id == article_id   # recovery copy of a saved article knows its id


def test_failed_write_keeps_text_and_retries(qtbot, library: Library, tmp_path: Path) -> None:
    editor = Editor()
    autosave = AutosaveController(library, editor.get, interval_seconds=0.05)
    library.close()                          # the disk "goes away"
    with qtbot.waitSignal(autosave.autosave_failed, timeout=5_000) as failed:
        autosave.notify_changed()
    assert "could not be used" in str(failed.args[0])
    assert autosave.dirty                    # will try again
    failures: list[object] = []
    autosave.autosave_failed.connect(failures.append)
    qtbot.waitUntil(lambda: autosave._timer.isActive() and not autosave._writing)
    autosave.save_now()                      # fails again: not reported a second time
    qtbot.waitUntil(lambda: not autosave._writing)
    assert failures == []
    assert editor.article is not None and "premier jet" in editor.article.body
    autosave._library = Library(tmp_path / "library.sqlite3")
    with qtbot.waitSignal(autosave.autosaved, timeout=5_000):
        pass
    assert crashed_view(autosave._library) == ["# Titre\n\npremier jet"]
    autosave._library.close()


def test_close_during_a_write_leaves_one_draft(qtbot, library: Library) -> None:
    """Closing the window flushes while a background write may be running: the result is
    still a single recovery copy with the latest text."""
    editor = Editor()
    autosave = AutosaveController(library, editor.get, interval_seconds=600)
    autosave.notify_changed()
    autosave.save_now()                      # background write in flight (new article)
    editor.type(" dernière phrase")
    autosave.notify_changed()
    autosave.flush()                         # window closing
    qtbot.waitUntil(lambda: not autosave._writing, timeout=5_000)
    assert crashed_view(library) == ["# Titre\n\npremier jet dernière phrase"]


def test_blank_new_article_is_not_offered_for_recovery(qtbot, library: Library) -> None:
    editor = Editor()
    editor.article = Article("", Language.FR, "", "", "", "")
    autosave = AutosaveController(library, editor.get, interval_seconds=0.05)
    autosave.notify_changed()
    autosave.flush()
    assert crashed_view(library) == []


def test_opening_another_article_keeps_unsaved_text_recoverable(qtbot, library: Library
                                                                ) -> None:
    editor = Editor()
    saved_id = library.save(make_article("autre", body="# Autre\n\nenregistré"))
    autosave = AutosaveController(library, editor.get, interval_seconds=600)
    editor.type(" jamais enregistré")
    autosave.notify_changed()                 # typed, the autosave timer not yet due
    autosave.flush()                          # the window opens another article:
    editor.article = make_article("autre", body="# Autre\n\nenregistré")
    autosave.notify_changed()                 # (loading emits a change)
    autosave.set_article_id(saved_id)
    assert crashed_view(library) == ["# Titre\n\npremier jet jamais enregistré"]
    assert autosave.article_id == saved_id and autosave.draft_id is None
