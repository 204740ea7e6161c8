"""One click, a whole article: Write article runs the outline, the sections and the
self-review, against the fake Ollama server; "Stop at the outline" leaves the outline to edit."""

from __future__ import annotations

from app.ui.controllers.generation_controller import GenerationState
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401

KEYWORD = "compost at home"


def _brief(window) -> None:
    window.brief_panel.keyword.setText(KEYWORD)
    window.brief_panel.length.setValue(600)
    window.brief_panel.faq.setChecked(False)


def test_write_article_makes_outline_text_and_review_in_one_click(make_window, fake_ollama,
                                                                   qtbot):
    window = make_window(host=fake_ollama.url, model="llama3.1:8b", connect=True,
                         self_review=True)
    qtbot.waitUntil(lambda: window.connection.status.connected, timeout=10000)
    _brief(window)
    reviews = []
    window.flow.review_available.connect(reviews.append)
    window.actions.write_article.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=60000)
    sections = [s.heading for s in window.outline_editor.sections()]
    assert len(sections) >= 2
    text = window.editor.toPlainText()
    assert text.startswith("# ") and all(f"## {h}" in text for h in sections)
    assert reviews, "the self-review ran as part of the one click"
    qtbot.waitUntil(lambda: window.score_panel.report is not None, timeout=10000)
    assert window.score_panel.report.words > 100


def test_stop_at_the_outline_leaves_the_outline_to_edit(make_window, fake_ollama, qtbot):
    window = make_window(host=fake_ollama.url, model="llama3.1:8b", connect=True)
    qtbot.waitUntil(lambda: window.connection.status.connected, timeout=10000)
    _brief(window)
    window.actions.stop_at_outline.setChecked(True)
    with qtbot.waitSignal(window.generation.run_finished, timeout=20000):
        window.actions.write_article.trigger()
    # A Write queued after the outline would start on the next event-loop turns.
    with qtbot.assertNotEmitted(window.generation.run_started, wait=500):
        pass
    assert window.generation.state is GenerationState.OUTLINE_REVIEW
    assert window.outline_editor.sections() and window.editor.toPlainText() == ""
    assert window.actions.write.isEnabled()
