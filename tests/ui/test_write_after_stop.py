"""Write after Stop never wipes what is written without asking: it continues from the
section it stopped in (the default), or rewrites all with the old text one undo away."""

from __future__ import annotations

import json

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.controllers.generation_controller import GenerationState
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401
from tests.ui.test_generation_flow import _chat_bodies, _fill_brief, _plan


def answer_next_question(button_text: str, seen: list[str]) -> None:
    """Click the button starting with `button_text` in the next modal message box."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.extend(b.text() for b in box.buttons())
        for button in box.buttons():
            if button.text().replace("&", "").startswith(button_text):
                button.click()
                return
        box.reject()                  # never leave the test hanging on an open dialog

    QTimer.singleShot(0, click)


def _stopped_after_first_section(window, fake_ollama, qtbot) -> str:
    _fill_brief(window)
    _plan(window, qtbot)
    fake_ollama.set_delay(0.01)
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: window.editor.toPlainText().count("\n## ") >= 2, timeout=30000)
    window.actions.stop.trigger()
    assert window.generation.state is GenerationState.STOPPED
    fake_ollama.set_delay(None)
    return window.editor.toPlainText()


def test_write_after_stop_continues_and_keeps_finished_sections(make_window, fake_ollama,
                                                                qtbot):  # noqa: F811
    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    kept = _stopped_after_first_section(window, fake_ollama, qtbot)
    headings = [s.heading for s in window.outline_editor.sections()]
    last = max(i for i, h in enumerate(headings) if f"## {h}" in kept)  # the stopped one
    first_done = kept[:kept.index(f"## {headings[last]}")]    # intro + finished sections
    chats_before = len(_chat_bodies(fake_ollama))
    buttons: list[str] = []
    answer_next_question("Continue from section", buttons)
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: "Continued" in window.status.phase.text(), timeout=30000)
    assert "Rewrite all" in buttons and f"Continue from section {last + 1}" in buttons
    text = window.editor.toPlainText()
    assert text.startswith(first_done)                        # not a word rewritten
    for heading in headings:
        assert text.count(f"## {heading}") == 1               # nothing doubled, none missing
    new_requests = json.dumps(_chat_bodies(fake_ollama)[chats_before:])
    assert headings[last] in new_requests
    assert len(_chat_bodies(fake_ollama)) - chats_before == len(headings) - last  # no intro
    assert not window.editor.isReadOnly()


def test_write_after_stop_can_be_cancelled(make_window, fake_ollama, qtbot):  # noqa: F811
    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    kept = _stopped_after_first_section(window, fake_ollama, qtbot)
    chats_before = len(_chat_bodies(fake_ollama))
    answer_next_question("Cancel", [])
    window.actions.write.trigger()
    assert window.editor.toPlainText() == kept
    assert not window.generation.busy
    assert len(_chat_bodies(fake_ollama)) == chats_before


def test_rewrite_all_keeps_the_old_text_in_the_undo_history(make_window, fake_ollama,
                                                            qtbot):  # noqa: F811
    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    kept = _stopped_after_first_section(window, fake_ollama, qtbot)
    answer_next_question("Rewrite all", [])
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=30000)
    assert window.editor.toPlainText() != kept
    editor = window.editor
    for _ in range(len(window.outline_editor.sections()) + 3):
        if editor.toPlainText() == kept:
            break
        editor.undo()
    assert editor.toPlainText() == kept


def test_continue_also_writes_the_faq_the_brief_asks_for(make_window, fake_ollama,
                                                         qtbot):  # noqa: F811
    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    _fill_brief(window)
    window.brief_panel.faq.setChecked(True)
    _plan(window, qtbot)
    fake_ollama.set_delay(0.01)
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: window.editor.toPlainText().count("\n## ") >= 2, timeout=30000)
    window.actions.stop.trigger()
    fake_ollama.set_delay(None)
    answer_next_question("Continue from section", [])
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: "Continued" in window.status.phase.text(), timeout=30000)
    text = window.editor.toPlainText()
    last_heading = window.outline_editor.sections()[-1].heading
    faq_at = text.index("\n## Frequently asked questions")
    assert text.index(f"## {last_heading}") < faq_at and "\n### " in text[faq_at:]
