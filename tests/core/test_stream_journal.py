"""The words a model streamed since the last recovery copy survive a kill: what a dead
process's journal holds reaches the recovery copies the next start offers."""

from __future__ import annotations

from app.core.store import Library
from app.core.store.stream_journal import StreamJournal, recover_journals

DEAD = 2**22 + 12345          # above the usual pid range: no such process


def test_text_streamed_before_and_after_a_copy_still_being_written_is_recovered(tmp_path):
    journal = StreamJournal(tmp_path, pid=DEAD)
    journal.append("Compost needs air and ")
    journal.copy_taken()                 # a copy is being written… and the process dies
    journal.append("water in equal measure.")
    with Library(tmp_path / "library.sqlite3") as library:
        assert recover_journals(tmp_path, library) == 1
        drafts = [library.load_draft(d.draft_id).body for d in library.recoverable()]
    assert drafts == ["Compost needs air and water in equal measure."]
    assert not list(tmp_path.glob("stream-*"))        # recovered once, not offered again


def test_a_written_copy_drops_what_it_holds_and_a_closed_window_leaves_nothing(tmp_path):
    journal = StreamJournal(tmp_path, pid=DEAD)
    journal.append("Already in the copy.")
    journal.copy_taken()
    journal.copy_written()
    journal.append(" Not yet.")
    with Library(tmp_path / "library.sqlite3") as library:
        recover_journals(tmp_path, library)
        drafts = [library.load_draft(d.draft_id).body for d in library.recoverable()]
    assert drafts == ["Not yet."]
    closed = StreamJournal(tmp_path, pid=DEAD)
    closed.append("Saved and closed.")
    closed.close()
    assert not list(tmp_path.glob("stream-*"))


def test_a_copy_taken_mid_word_is_continued_exactly(tmp_path):
    """The window's copy may end inside a word the model was streaming ("begin"): the
    journal's next piece ("ners …") joins it as the editor showed it, not as a new paragraph."""
    import os

    from app.core.models import Article, Language

    with Library(tmp_path / "library.sqlite3") as library:
        draft_id = library.autosave(None, Article("standing desk", Language.EN, "T", "", "",
                                                  body="# T\n\nMost begin"))
        library.extend_draft_of(os.getpid(), "ners overspend on options.\n\nThen")
        body = library.load_draft(draft_id).body
    assert body == "# T\n\nMost beginners overspend on options.\n\nThen"
