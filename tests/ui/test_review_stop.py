"""Stop (Esc) during the self-review, in the real window against the fake Ollama: the stream
is closed at once, and the editor holds the best version reached (the draft with the fixes
kept so far) as one undo step; "Review changes…" still shows them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.review.document import split
from app.ui.controllers.generation_controller import GenerationState
from tests.fake_ollama.sloppy import CLICHES, StallingReviser
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401

KEYWORD = "running shoes for flat feet"


def _chats(fake) -> int:
    return len(fake.requests_to("/api/chat"))


def test_stop_during_the_review_keeps_the_draft_with_the_fixes_kept_so_far(
        make_window, fake_ollama, qtbot):
    model = StallingReviser(stall_at=2, sloppy_prose_calls=4)
    fake_ollama.on_model("llama3.1:8b", model)
    window = make_window(host=fake_ollama.url, model="llama3.1:8b", self_review=True)
    window.brief_panel.keyword.setText(KEYWORD)
    window.brief_panel.length.setValue(600)
    window.brief_panel.faq.setChecked(False)
    window.actions.generate_outline.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.OUTLINE_REVIEW,
                    timeout=20000)
    drafts: list[str] = []
    window.generation.section_done.connect(lambda _e: drafts.append(window.editor.toPlainText()))
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: model.stalled.is_set() and window.generation.reviewing,
                    timeout=60000)
    assert window.editor.isReadOnly()
    chats = _chats(fake_ollama)

    window.activateWindow()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)          # Stop is Esc
    # Stop answers at once: stopped, editable, and Ollama's stream is closed.
    assert window.generation.state is GenerationState.STOPPED
    assert not window.editor.isReadOnly()
    assert "Review stopped" in window.status.phase.text()
    assert fake_ollama.wait_for_disconnect(1, timeout=5.0)[0].path == "/api/chat"

    # The best version reached replaces the draft (one undo step), and is offered for review.
    qtbot.waitUntil(lambda: window.flow.last_review is not None, timeout=10000)
    review = window.flow.last_review
    assert review.stopped
    assert [f for f in review.fixes if f.by_model], "the revision made before Stop is kept"
    qtbot.waitUntil(lambda: window.editor.toPlainText().strip() == review.article.body.strip(),
                    timeout=10000)
    text = window.editor.toPlainText()
    draft, reviewed = split(drafts[-1]), split(text)
    assert CLICHES["en"] in draft[1].text and CLICHES["en"] not in reviewed[1].text  # revised
    assert CLICHES["en"] in reviewed[0].text             # the stalled revision changed nothing
    added = "here is what you need to know"              # the rule fix kept before Stop
    assert added in reviewed[0].text and added not in draft[0].text
    assert "Half of a revision" not in text
    assert window.outline_editor.meta.text() == review.article.meta_description
    assert 121 <= len(review.article.meta_description) <= 156
    assert "Review stopped" in window.status.phase.text()
    assert f"{len(review.fixes)} fix" in window.status.phase.text()
    assert _chats(fake_ollama) == chats                    # nothing more was asked
    qtbot.waitUntil(lambda: not window.generation._threads, timeout=5000)
    assert window.generation.state is GenerationState.STOPPED

    window.editor.undo()                                   # Ctrl+Z: the draft as written
    assert window.editor.toPlainText().strip() == drafts[-1].strip() != text.strip()
    window.editor.redo()
    assert window.editor.toPlainText() == text
    assert window.message_bar.action_button.isVisibleTo(window)
    notice = window.message_bar.message()
    assert "Self-review stopped" in notice and f"{len(review.fixes)} fix" in notice
    assert "Ctrl+Z returns" not in notice          # nothing claims a complete review
    window.message_bar.action_button.click()               # "Review changes…"
    from app.ui.dialogs.review_dialog import ReviewDialog
    dialogs = window.findChildren(ReviewDialog)
    assert dialogs and dialogs[-1].isVisible()
    dialogs[-1].close()


def test_text_typed_after_stop_is_never_overwritten_by_the_stopped_review(
        make_window, fake_ollama, qtbot):
    """The writer types before the review's best version arrives: their text wins."""
    model = StallingReviser(stall_at=1)             # the very first revision stalls
    fake_ollama.on_model("llama3.1:8b", model)
    window = make_window(host=fake_ollama.url, model="llama3.1:8b", self_review=True)
    window.brief_panel.keyword.setText(KEYWORD)
    window.brief_panel.length.setValue(600)
    window.brief_panel.faq.setChecked(False)
    window.actions.generate_outline.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.OUTLINE_REVIEW,
                    timeout=20000)
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: model.stalled.is_set() and window.generation.reviewing,
                    timeout=60000)
    window.generation.stop()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText("\nMy own closing line.")   # typed at once, before the result
    typed = window.editor.toPlainText()
    qtbot.waitUntil(lambda: window.flow.last_review is not None, timeout=10000)
    qtbot.waitUntil(lambda: not window.generation._threads, timeout=5000)
    assert window.editor.toPlainText() == typed
    assert "your edits are kept" in window.status.phase.text()
