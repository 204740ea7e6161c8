"""The writer's tools in the real window: per-check Fix, outline ↔ editor navigation,
preview scroll sync, section progress marks, find shortcuts and focus mode."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.core.analysis.report import Status
from app.core.generation.events import Phase, PhaseStarted, SectionDone
from tests.ui.main_window_fixtures import (  # noqa: F401
    ARTICLE_BODY,
    make_window,
    no_keyring,
    sample_article,
)

LONG_PARAGRAPH = ("Stability shoes guide the foot and limit the inward roll on landing. " * 16).strip()
LONG_BODY = ARTICLE_BODY.replace(
    "Many runners feel the difference within a week.",
    "Many runners feel the difference within a week.\n\n" + LONG_PARAGRAPH)


def _loaded(window, qtbot, article):
    with qtbot.waitSignal(window.score_panel.report_shown, timeout=10000):
        window.load_article(article)
    # the check actions arrive with the first report (their imports run in the background)
    qtbot.waitUntil(lambda: window.editing.checks is not None, timeout=10000)
    qtbot.waitUntil(lambda: not window.score_panel.is_filling())
    return window.score_panel


def _status(panel, check_id):
    return panel.report.by_id(check_id).status


def test_fix_button_turns_a_check_green_in_one_undo_step(make_window, qtbot):
    window = make_window()
    panel = _loaded(window, qtbot, sample_article(LONG_BODY))
    assert _status(panel, "paragraph_length") is not Status.GOOD
    row = panel.row("paragraph_length")
    assert row.fix_button is not None and row.fix_button.isVisible()
    assert row.fix_button.text() == "Fix"
    before = window.editor.toPlainText()
    with qtbot.waitSignal(panel.report_shown, timeout=10000):
        qtbot.mouseClick(row.fix_button, Qt.MouseButton.LeftButton)
    assert _status(panel, "paragraph_length") is Status.GOOD
    assert "Split 1 long paragraph" in panel.change.text()
    assert window.editor.toPlainText().split() == before.split()     # no word changed
    window.editor.undo()                                              # one step back
    assert window.editor.toPlainText() == before


def test_fix_of_a_field_check_sets_the_field(make_window, qtbot):
    window = make_window()
    panel = _loaded(window, qtbot, replace(sample_article(), slug="My Shoes"))
    assert _status(panel, "keyphrase_in_slug") is not Status.GOOD
    with qtbot.waitSignal(panel.report_shown, timeout=10000):
        panel.fix_requested.emit("keyphrase_in_slug")
    slug = window.outline_editor.slug
    assert slug.text() == "running-shoes-for-flat-feet"
    assert _status(panel, "keyphrase_in_slug") is Status.GOOD
    slug.undo()                                        # one undo step in the field
    assert slug.text() == "My Shoes"


def test_checked_check_is_marked_strongly(make_window, qtbot):
    window = make_window()
    panel = _loaded(window, qtbot, sample_article(LONG_BODY))
    panel.select_check("paragraph_length")
    selections = window.editor.extraSelections()
    assert selections
    color = selections[0].format.background().color()
    assert color.alpha() == 255 and color.lightness() > 120           # solid, bright marker


def test_outline_click_moves_the_editor_and_cursor_marks_the_outline(make_window, qtbot):
    window = make_window()
    _loaded(window, qtbot, sample_article())
    outline = window.outline_editor
    window.focus_outline()
    tree = outline.tree
    item = tree.topLevelItem(1)
    assert item.text(0) == "What to look for"
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = window.editor.textCursor()
    assert cursor.block().text() == "## What to look for"
    # and back: the cursor in a section marks it in the outline
    position = window.editor.toPlainText().index("Flat feet roll inward")
    cursor.setPosition(position)
    window.editor.setTextCursor(cursor)
    qtbot.waitUntil(lambda: outline.current_section() == "Why flat feet change the choice")


def test_preview_follows_the_editor_by_heading(make_window, qtbot):
    window = make_window()
    body = "# Big article\n\n" + "\n\n".join(
        f"## Part {n}\n\n" + ("Some words about this part of the article. " * 30)
        for n in range(1, 13))
    _loaded(window, qtbot, sample_article(body))
    window.resize(1280, 720)
    preview = window.preview
    qtbot.waitUntil(lambda: len(preview.heading_tops()) == 13, timeout=10000)
    block = next(n for n, _, text in window.editor.heading_blocks() if text == "Part 8")
    window.editor.go_to_block(block)
    tops = preview.heading_tops()
    qtbot.waitUntil(lambda: abs(preview.verticalScrollBar().value() - tops[8]) < 40)
    window.editor.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: preview.verticalScrollBar().value() == 0)


def test_a_real_run_marks_sections_writing_then_done(make_window, fake_ollama, qtbot):
    from tests.ui.test_generation_flow import _fill_brief, _plan

    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    _fill_brief(window)
    _plan(window, qtbot)
    outline = window.outline_editor
    seen: list[list] = []
    window.generation.phase_started.connect(lambda _e: seen.append(outline.progress()))
    fake_ollama.set_delay(0.002)
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: "writing" in outline.progress(), timeout=20000)
    qtbot.waitUntil(lambda: not window.generation.busy, timeout=60000)
    assert set(outline.progress()) == {"done"}
    # while it wrote, the sections after the one being written were waiting
    assert any(states.count("pending") >= 2 for states in seen)


def test_sections_get_progress_marks_while_writing(make_window, qtbot):
    window = make_window()
    _loaded(window, qtbot, sample_article())
    outline = window.outline_editor
    window.editing.outline_built(outline)
    tools = window.editing
    tools._on_phase_started(PhaseStarted(Phase.SECTION, 1, 3, "Why flat feet change the choice"))
    rest = ["pending"] * (len(outline.progress()) - 2)
    assert outline.progress() == ["writing", "pending", *rest]
    tools._on_section_done(SectionDone(1, "Why flat feet change the choice", ""))
    tools._on_phase_started(PhaseStarted(Phase.SECTION, 2, 3, "What to look for"))
    assert outline.progress() == ["done", "writing", *rest]
    tools._on_run_finished()                          # stopped mid-section
    assert outline.progress() == ["done", "pending", *rest]


def test_ctrl_f_opens_find_and_focus_mode_hides_panels(make_window, qtbot):
    window = make_window()
    _loaded(window, qtbot, sample_article())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.setFocus()
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.editing.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.find_field, "flat feet")
    assert len(bar.matches()) >= 3
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    window.editing.focus_mode.trigger()
    assert not window.score_panel.isVisible() and not window.parts.side.isVisible()
    assert not window.preview.isVisible()
    assert window.editor.typewriter
    assert window.editor.viewport().width() <= 800          # lines capped, text centred
    window.editing.focus_mode.trigger()
    assert window.score_panel.isVisible() and window.parts.side.isVisible()
    assert window.preview.isVisible() and not window.editor.typewriter


def test_ask_the_model_revises_the_section_and_shows_the_diff(make_window, qtbot, fake_ollama):
    from app.ui.dialogs.review_dialog import ReviewDialog
    from tests.core.test_review import MODEL, sloppy_draft
    from tests.fake_ollama.sloppy import SloppyModel

    fake_ollama.on_model(MODEL, SloppyModel())
    window = make_window(host=fake_ollama.url, model=MODEL)
    panel = _loaded(window, qtbot, sloppy_draft())
    assert _status(panel, "ai_cliches") is not Status.GOOD
    row = panel.row("ai_cliches")
    assert row.ask_button is not None and row.ask_button.isVisible()
    assert row.ask_button.text() == "Ask the model"
    qtbot.mouseClick(row.ask_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ReviewDialog) is not None
                    and window.findChild(ReviewDialog).isVisible(), timeout=20000)
    assert len(fake_ollama.bodies()) == 1               # one section, one request
    dialog = window.findChild(ReviewDialog)
    assert dialog.review.fixes and dialog.review.fixes[0].by_model
    assert "revise 1 section" in panel.change.text()
    with qtbot.waitSignal(panel.report_shown, timeout=10000):
        dialog.accept()
    assert _status(panel, "ai_cliches") is Status.GOOD
    window.editor.undo()                                # the revision is one undo step
    assert window.editor.toPlainText() == sloppy_draft().body


def test_review_again_reviews_the_current_text(make_window, qtbot, fake_ollama):
    from app.ui.dialogs.review_dialog import ReviewDialog
    from tests.core.test_review import MODEL, sloppy_draft
    from tests.fake_ollama.sloppy import SloppyModel

    fake_ollama.on_model(MODEL, SloppyModel())
    window = make_window(host=fake_ollama.url, model=MODEL)
    panel = _loaded(window, qtbot, sloppy_draft())
    seo_before = panel.report.seo_score
    assert panel.review_again.isVisible()
    qtbot.mouseClick(panel.review_again, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ReviewDialog) is not None
                    and window.findChild(ReviewDialog).isVisible(), timeout=30000)
    dialog = window.findChild(ReviewDialog)
    result = dialog.review
    assert result.fixes and result.after.seo_score > seo_before
    assert panel.change.text().endswith(f"SEO {seo_before} → {result.after.seo_score}")
    with qtbot.waitSignal(panel.report_shown, timeout=10000):
        dialog.accept()
    assert window.outline_editor.slug.text() == "home-composting"   # a field fix, too
    assert panel.report.seo_score == result.after.seo_score


def test_a_worse_rewrite_is_not_offered(make_window, qtbot, fake_ollama):
    from app.ui.dialogs.review_dialog import ReviewDialog
    from tests.core.test_review import MODEL, sloppy_draft
    from tests.fake_ollama.sloppy import SloppyModel

    fake_ollama.on_model(MODEL, SloppyModel(worsen=True))
    window = make_window(host=fake_ollama.url, model=MODEL)
    panel = _loaded(window, qtbot, sloppy_draft())
    panel.ask_model_requested.emit("ai_cliches")
    qtbot.waitUntil(lambda: "did not score better" in panel.change.text(), timeout=20000)
    assert fake_ollama.bodies()
    assert window.findChild(ReviewDialog) is None
    assert window.editor.toPlainText() == sloppy_draft().body


def test_without_a_model_only_rule_fixes_are_offered(make_window, qtbot):
    window = make_window(model="")
    panel = _loaded(window, qtbot, sample_article(LONG_BODY))
    assert panel.row("paragraph_length").fix_button.isVisibleTo(panel)
    rows = [panel.row(c.id) for c in panel.report.checks if c.id == "transition_words"
            or c.id == "consecutive_sentences"]
    assert any(r is not None for r in rows) and all(_status(panel, r.check_id) is not Status.GOOD
                                                    for r in rows if r is not None)
    assert all(r.ask_button is None or not r.ask_button.isVisibleTo(panel)
               for r in rows if r is not None)
    assert not panel.review_again.isVisibleTo(panel)


def test_escape_in_the_find_bar_closes_it_without_stopping_the_model(make_window, fake_ollama,
                                                                     qtbot):
    from tests.ui.test_generation_flow import _fill_brief, _plan

    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    _fill_brief(window)
    _plan(window, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    fake_ollama.set_delay(0.02)
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: window.actions.stop.isEnabled(), timeout=20000)
    bar = window.editing.find_bar
    bar.open_find()
    qtbot.waitUntil(bar.find_field.hasFocus)
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.generation.busy                     # still writing
    window.actions.stop.trigger()
    qtbot.waitUntil(lambda: not window.generation.busy, timeout=20000)


def test_the_editor_follows_the_preview(make_window, qtbot):
    """Scrolling the preview scrolls the editor to the same part; a click on a rendered
    paragraph puts the editor's cursor on its Markdown line; typing does not move the view."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    window = make_window()
    body = "# Big article\n\n" + "\n\n".join(
        f"## Part {n}\n\n" + f"Paragraph of part {n}: " + ("some words about it. " * 30)
        for n in range(1, 13))
    _loaded(window, qtbot, sample_article(body))
    window.resize(1280, 720)
    preview, editor = window.preview, window.editor
    qtbot.waitUntil(lambda: len(preview.heading_tops()) == 13, timeout=10000)
    part8 = next(n for n, _, text in editor.heading_blocks() if text == "Part 8")
    preview.scroll_to_y(preview.heading_tops()[8])          # as the writer's wheel would
    qtbot.waitUntil(lambda: abs(editor.top_position() - part8) < 1.0)
    # a click on part 8's paragraph in the preview: the editor's cursor goes to its line
    block = preview.document().findBlockByNumber(preview.heading_blocks()[8].blockNumber() + 1)
    y = preview.block_top(block) - preview.verticalScrollBar().value() + 5
    QTest.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, int(y)))
    assert editor.textCursor().block().text().startswith("Paragraph of part 8:")
    # typing re-renders the preview: the editor's view does not jump
    top = editor.top_position()
    with qtbot.waitSignal(preview.rendered, timeout=10000):
        QTest.keyClicks(editor, "x")
    sync = window.editing.sync
    qtbot.waitUntil(lambda: not sync._editor_timer.isActive()
                    and not sync._scroll_timer.isActive())      # the scroll syncs have run
    assert abs(editor.top_position() - top) < 1.0
    # back at the top of the preview: the editor's top too
    preview.scroll_to_y(0)
    qtbot.waitUntil(lambda: editor.verticalScrollBar().value() == 0)


def test_review_again_asks_for_the_terms_of_the_terms_panel(make_window, qtbot, fake_ollama):
    from PySide6.QtWidgets import QDockWidget, QMenu

    from tests.core.test_review import MODEL, sloppy_draft
    from tests.fake_ollama.sloppy import SloppyModel

    fake_ollama.on_model(MODEL, SloppyModel())
    window = make_window(host=fake_ollama.url, model=MODEL)
    panel = _loaded(window, qtbot, sloppy_draft())
    actions = {a.text(): a for m in window.menuBar().findChildren(QMenu) for a in m.actions()}
    actions["Topic &terms…"].trigger()
    terms = window.findChild(QDockWidget, "plume-dock-terms").widget()
    terms.terms.setPlainText("worm bin: 1-2\n")               # not in the draft
    qtbot.mouseClick(panel.review_again, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.editing.checks.busy and bool(fake_ollama.bodies()),
                    timeout=30000)
    asked = [m["content"] for b in fake_ollama.bodies() for m in b.get("messages", ())]
    assert any("Use the term “worm bin” once in this section" in text for text in asked)
