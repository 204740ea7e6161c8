"""The preview shows the export's HTML, rendered in the background and coalesced."""

from __future__ import annotations

from tests.ui.main_window_fixtures import make_window, no_keyring, sample_article  # noqa: F401


def test_preview_renders_the_markdown(make_window, qtbot):
    window = make_window()
    with qtbot.waitSignal(window.preview.rendered, timeout=10000):
        window.load_article(sample_article())
    html = window.preview.html()
    assert "<h2" in html and "What to look for" in html
    assert "example.com/lab" in html
    assert "Why flat feet change the choice" in window.preview.toPlainText()


def test_typing_burst_is_coalesced_on_a_long_article(make_window, qtbot):
    paragraph = ("Stability shoes help runners with flat feet keep a steady stride. " * 12).strip()
    body = "# Long\n\n" + "\n\n".join(
        f"## Part {i}\n\n{paragraph}" for i in range(1, 80))   # ~10,000 words
    window = make_window()
    with qtbot.waitSignal(window.preview.rendered, timeout=15000):
        window.load_article(sample_article(body))
    renders = []
    window.preview.rendered.connect(lambda: renders.append(1))
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.preview.rendered, timeout=15000):
        qtbot.keyClicks(window.editor, " typed quickly at the end")
    qtbot.waitUntil(lambda: not window.preview._timer.isActive() and not window.preview._in_flight)
    assert len(renders) <= 2        # 25 keystrokes, at most two renders
    assert "typed quickly at the end" in window.preview.toPlainText()
