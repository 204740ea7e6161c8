"""The writer's whole path against the fake Ollama server: brief → outline → write → score
→ export; Stop mid-section; a thinking model; an error in the middle of a stream."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from app.core.analysis.report import Group
from app.ui.controllers.generation_controller import GenerationState
from tests.fake_ollama import Generate
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401

KEYWORD = "running shoes for flat feet"


def _fill_brief(window, keyword: str = KEYWORD, words: int = 600) -> None:
    window.brief_panel.keyword.setText(keyword)
    window.brief_panel.length.setValue(words)
    window.brief_panel.faq.setChecked(False)


def _plan(window, qtbot) -> None:
    window.actions.generate_outline.trigger()
    qtbot.waitUntil(lambda: not window.generation.busy, timeout=20000)
    assert window.generation.state is GenerationState.OUTLINE_REVIEW, window.message_bar.message()


def _chat_bodies(fake) -> list[dict]:
    return [r.body for r in fake.requests if r.path == "/api/chat"]


def test_brief_to_outline_to_article_to_export(make_window, fake_ollama, qtbot, tmp_path):
    window = make_window(host=fake_ollama.url, model="llama3.1:8b", connect=True)
    qtbot.waitUntil(lambda: window.connection.status.connected, timeout=10000)
    assert "connected" in window.status.host.text()
    assert window.model_picker.current_model() == "llama3.1:8b"
    assert not window.actions.write.isEnabled()          # nothing to write from yet

    _fill_brief(window)
    _plan(window, qtbot)
    outline = window.outline_editor
    assert outline.tree.topLevelItemCount() >= 2
    assert KEYWORD in outline.title.currentText().lower()
    # The writer edits the outline: rename the first section, move it last, drop one.
    first = outline.tree.topLevelItem(0)
    first.setText(0, "Our own checklist")
    outline.tree.setCurrentItem(first)
    for _ in range(outline.tree.topLevelItemCount()):
        outline.move_down()
    outline.tree.setCurrentItem(outline.tree.topLevelItem(0))
    outline.delete_section()
    headings = [s.heading for s in outline.sections()]
    assert headings[-1] == "Our own checklist"
    assert window.actions.write.isEnabled()

    window.actions.write.trigger()
    assert window.editor.isReadOnly()                     # read-only while it streams
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=30000)
    text = window.editor.toPlainText()
    assert text.startswith("# ")
    for heading in headings:
        assert f"## {heading}" in text
    assert text.index("## " + headings[0]) < text.index("## Our own checklist")
    assert not window.editor.isReadOnly()
    assert "Done" in window.status.phase.text()
    sent = json.dumps(_chat_bodies(fake_ollama))
    assert "Our own checklist" in sent

    # Scored once the stream ends.
    qtbot.waitUntil(lambda: window.score_panel.report is not None
                    and window.score_panel.report.words >= 150, timeout=15000)
    qtbot.waitUntil(lambda: len(window.score_panel.rows(Group.SEO)) >= 5, timeout=5000)

    # Each generated section is one undo step: one undo removes exactly the last section.
    window.editor.undo()
    assert "## Our own checklist" not in window.editor.toPlainText()
    assert f"## {headings[0]}" in window.editor.toPlainText()
    window.editor.redo()
    assert window.editor.toPlainText() == text

    out = tmp_path / "article.md"
    window.exporter.path_provider = lambda kind, suggested: out
    with qtbot.waitSignal(window.exporter.exported, timeout=10000):
        window.actions.export_markdown.trigger()
    exported = out.read_text(encoding="utf-8")
    assert "## Our own checklist" in exported and exported.startswith("---\n")


def test_stop_mid_section_keeps_text_and_closes_the_connection(make_window, fake_ollama, qtbot):
    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    _fill_brief(window)
    _plan(window, qtbot)
    fake_ollama.set_delay(0.01)                          # ~100 tokens/s: slow enough to stop
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: "## " in window.editor.toPlainText(), timeout=20000)
    chats_before = len(_chat_bodies(fake_ollama))
    window.activateWindow()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)      # Stop is Esc
    # Stop answers at once: state, editable editor, text kept.
    assert window.generation.state is GenerationState.STOPPED
    assert not window.editor.isReadOnly()
    kept = window.editor.toPlainText()
    assert "## " in kept
    assert fake_ollama.wait_for_disconnect(1, timeout=5.0), "the stream was not closed"
    # Nothing more arrives after Stop, and no new request is made.
    qtbot.waitUntil(lambda: not window.generation._threads, timeout=5000)
    assert window.editor.toPlainText() == kept
    assert len(_chat_bodies(fake_ollama)) == chats_before
    assert not window.message_bar.isVisible()            # stopping is not an error
    assert "Stopped" in window.status.phase.text()


def test_writer_edits_the_intro_while_later_sections_stream(make_window, fake_ollama, qtbot):
    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    _fill_brief(window)
    _plan(window, qtbot)
    headings = [s.heading for s in window.outline_editor.sections()]
    fake_ollama.set_delay(0.005)
    window.actions.write.trigger()
    editor = window.editor
    qtbot.waitUntil(lambda: editor.toPlainText().count("\n## ") >= 1, timeout=20000)
    assert window.generation.busy
    # The writer clicks at the end of the title line (the introduction is finished).
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("\n"))
    editor.setTextCursor(cursor)
    assert not editor.isReadOnly()
    editor.setFocus()
    qtbot.keyClicks(editor, " (my edit)")
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=30000)
    text = editor.toPlainText()
    assert text.split("\n", 1)[0].endswith(" (my edit)")       # typing kept, not overwritten
    for heading in headings:                                    # and nothing was torn
        assert text.count(f"## {heading}") == 1
    assert "edits made during writing are kept" in window.status.phase.text()


def test_thinking_model_shows_thinking_apart_from_the_text(make_window, fake_ollama, qtbot):
    thought = "The reader wants arch support first, so lead with stability."
    window = make_window(host=fake_ollama.url, model="qwen3:8b")
    _fill_brief(window)
    _plan(window, qtbot)
    prose = "Stability matters most for flat feet, and running shoes for flat feet show it."
    fake_ollama.on_model("qwen3:8b", Generate(content=prose, thinking=thought))
    window.thinking.set_capabilities(thinking=True, levels=False)
    window.thinking.set_think(True)
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: not window.generation.busy, timeout=30000)
    assert thought in window.thinking.thinking_text()
    assert window.thinking.text.isVisible()               # the panel opened by itself
    assert "arch support first" not in window.editor.toPlainText()
    assert prose in window.editor.toPlainText()
    assert any(b.get("think") is True for b in _chat_bodies(fake_ollama))


def test_error_mid_stream_is_shown_and_partial_text_kept(make_window, fake_ollama, qtbot):
    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    _fill_brief(window)
    _plan(window, qtbot)
    good = Generate(content="Running shoes for flat feet need a firm heel counter and support.")
    broken = Generate(content="This section starts well and then the runner", error_after=4,
                      error="model runner has unexpectedly stopped")
    fake_ollama.enqueue("/api/chat", good, broken)
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.FAILED, timeout=30000)
    bar = window.message_bar
    assert bar.isVisible()
    assert "runner" in bar.message() or "model" in bar.message().lower()
    text = window.editor.toPlainText()
    assert "firm heel counter" in text                    # the finished intro is kept
    assert "This section starts" in text                  # and the partial section too
    assert "unexpectedly stopped" not in text and "error" not in text.lower()
    assert not window.editor.isReadOnly()
    assert "error" in window.status.phase.text().lower()


def test_regenerate_and_extend_the_section_under_the_cursor(make_window, fake_ollama, qtbot):
    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    _fill_brief(window)
    _plan(window, qtbot)
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=30000)
    editor = window.editor
    before = editor.toPlainText()
    headings = [s.heading for s in window.outline_editor.sections()]
    second, third = f"## {headings[1]}", f"## {headings[2]}"
    cursor = editor.textCursor()
    cursor.setPosition(before.index(second) + len(second) + 3)
    editor.setTextCursor(cursor)

    fresh = "Brand new paragraph about running shoes for flat feet and arch support."
    fake_ollama.enqueue("/api/chat", Generate(content=fresh))
    window.actions.regenerate_section.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=30000)
    after = editor.toPlainText()
    part = after[after.index(second):after.index(third)]
    assert fresh in part                                   # the section was rewritten…
    assert before[:before.index(second)] == after[:after.index(second)]   # …nothing before
    assert before[before.index(third):] == after[after.index(third):]     # …nor after
    sent = _chat_bodies(fake_ollama)[-1]
    assert headings[1] in json.dumps(sent)
    editor.undo()                                          # one step brings the old one back
    assert editor.toPlainText() == before

    cursor.setPosition(before.index(second) + len(second) + 3)
    editor.setTextCursor(cursor)
    more = "One more paragraph that extends the section with a concrete example."
    fake_ollama.enqueue("/api/chat", Generate(content=more))
    window.actions.extend_section.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=30000)
    extended = editor.toPlainText()
    section = extended[extended.index(second):extended.index(third)]
    assert section.startswith(before[before.index(second):before.index(third)].rstrip("\n"))
    assert section.rstrip().endswith(more)


def test_self_review_result_is_offered_and_one_undo_returns_to_the_draft(
        make_window, fake_ollama, qtbot):
    from tests.fake_ollama.sloppy import SloppyModel

    fake_ollama.on_model("llama3.1:8b", SloppyModel())     # a draft with fixable faults
    window = make_window(host=fake_ollama.url, model="llama3.1:8b", self_review=True)
    _fill_brief(window)
    _plan(window, qtbot)
    drafts: list[str] = []
    window.generation.section_done.connect(lambda _e: drafts.append(window.editor.toPlainText()))
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=60000)
    review = window.flow.last_review
    assert review is not None
    assert window.message_bar.isVisible() and "Self-review" in window.message_bar.title.text()
    assert window.editor.toPlainText().strip() == review.article.body.strip()
    from app.core.review.messages import review_summary

    title = window.message_bar.title.text()     # says what changed, not how many fixes
    assert review.fixes and title == "Self-review: " + review_summary(review, "en")
    assert f"SEO {review.before.seo_score} → {review.after.seo_score}" in title
    reviewed = window.editor.toPlainText()
    window.editor.undo()                                  # the review is one undo step
    assert window.editor.toPlainText().strip() == drafts[-1].strip() != reviewed.strip()
    window.editor.redo()
    assert window.message_bar.action_button.isVisibleTo(window)
    window.message_bar.action_button.click()              # "Review changes…" opens the diff
    from app.ui.dialogs.review_dialog import ReviewDialog
    dialogs = window.findChildren(ReviewDialog)
    assert dialogs and dialogs[-1].isVisible()
    dialogs[-1].close()


def test_self_review_never_overwrites_edits_made_during_writing(make_window, fake_ollama, qtbot):
    from tests.fake_ollama.sloppy import SloppyModel

    fake_ollama.on_model("llama3.1:8b", SloppyModel())     # a draft with fixable faults
    window = make_window(host=fake_ollama.url, model="llama3.1:8b", self_review=True)
    _fill_brief(window)
    _plan(window, qtbot)
    fake_ollama.set_delay(0.005)
    window.actions.write.trigger()
    editor = window.editor
    qtbot.waitUntil(lambda: "\n## " in editor.toPlainText(), timeout=20000)
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("\n"))     # end of the title line
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, " (mine)")
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=60000)
    review = window.flow.last_review
    assert review is not None and review.fixes
    assert editor.toPlainText().split("\n", 1)[0].endswith(" (mine)")
    assert "not applied" in window.message_bar.title.text()
    window.message_bar.action_button.click()              # the fixes are still one click away
    from app.ui.dialogs.review_dialog import ReviewDialog
    dialogs = window.findChildren(ReviewDialog)
    assert dialogs and dialogs[-1].isVisible()
    dialogs[-1].close()
