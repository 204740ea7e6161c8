"""The preview shows the export's HTML, rendered in the background and coalesced."""

from __future__ import annotations

from tests.ui.main_window_fixtures import make_window, no_keyring, sample_article  # noqa: F401


def test_preview_renders_the_markdown(make_window, qtbot):
    window = make_window()
    window.load_article(sample_article())     # (the empty window's own render may come first)
    qtbot.waitUntil(lambda: "<h2" in window.preview.html(), timeout=10000)
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


def test_typing_in_a_paragraph_updates_only_it_and_shows_what_a_full_render_shows(make_window, qtbot):
    """Typing in one paragraph replaces that paragraph of the preview (a full setHtml of a
    long article stalled typing); the preview then reads exactly as a fresh render does,
    links and emphasis included."""
    from app.ui.editor.preview_pane import PreviewPane

    body = ("# Shoes\n\n## Fit\n\nA [fitting guide](https://example.com/fit) helps **a lot** here.\n\n"
            "## Grip\n\nGrip matters on wet roads.\n\n- one\n- two\n")
    window = make_window()
    window.load_article(sample_article(body))
    preview = window.preview
    qtbot.waitUntil(lambda: "Grip matters" in preview.toPlainText(), timeout=10000)
    revision = preview.document().begin().revision()    # the document is patched, not replaced
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index(" helps"))
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(preview.rendered, timeout=10000):
        editor.insertPlainText(" and its *table*")
    assert preview.document().begin().revision() == revision
    fresh = PreviewPane(editor.markdown)
    fresh.setHtml(preview.html())
    assert preview.toPlainText() == fresh.toPlainText()
    assert "fitting guide" in preview.toPlainText() and "its table helps" in preview.toPlainText()
    block = next(b for b in _blocks(preview) if "its table" in b.text())
    assert "https://example.com/fit" in {it.fragment().charFormat().anchorHref() for it in _fragments(block)}
    italic = [it.fragment().text() for it in _fragments(block) if it.fragment().charFormat().fontItalic()]
    assert italic == ["table"]


def _blocks(preview):
    block = preview.document().begin()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        yield it
        it += 1
