"""Export menu: Markdown with the chosen preset, HTML page, copies; remembers the folder."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.main_window_fixtures import make_window, no_keyring, sample_article  # noqa: F401


def test_markdown_and_html_exports_and_folder_is_remembered(make_window, qtbot, tmp_path):
    window = make_window()
    window.load_article(sample_article())
    asked: list[tuple[str, str]] = []
    out = tmp_path / "out"
    out.mkdir()

    def provider(kind, suggested):
        asked.append((kind, str(suggested)))
        return out / f"article.{kind}"

    window.exporter.path_provider = provider
    window.actions.presets["hugo"].trigger()
    with qtbot.waitSignal(window.exporter.exported, timeout=10000):
        window.actions.export_markdown.trigger()
    markdown = (out / "article.md").read_text(encoding="utf-8")
    assert markdown.startswith("---\n")
    assert "title:" in markdown and "running-shoes-flat-feet" in markdown
    assert "## What to look for" in markdown
    assert asked[0][1].endswith("running-shoes-flat-feet.md")

    with qtbot.waitSignal(window.exporter.exported, timeout=10000):
        window.actions.export_html.trigger()
    page = (out / "article.html").read_text(encoding="utf-8")
    assert "<title>" in page and "<h2" in page and "Why flat feet change the choice" in page
    # The second dialog opened in the folder chosen the first time.
    assert asked[1][1].startswith(str(out))
    assert window.ui_state.export_folder() == str(out)
    assert "Exported to" in window.status.currentMessage()


def test_copy_html_and_markdown(make_window, qtbot):
    window = make_window()
    window.load_article(sample_article())
    with qtbot.waitSignal(window.exporter.copied, timeout=10000):
        window.actions.copy_html.trigger()
    mime = QApplication.clipboard().mimeData()
    assert "<h2" in mime.html() and "What to look for" in mime.html()
    assert "What to look for" in mime.text() and "<h2" not in mime.text()
    with qtbot.waitSignal(window.exporter.copied, timeout=10000):
        window.actions.copy_markdown.trigger()
    assert "## What to look for" in QApplication.clipboard().text()


def test_failed_export_is_reported_and_text_kept(make_window, qtbot, tmp_path):
    window = make_window()
    window.load_article(sample_article())
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    window.exporter.path_provider = lambda kind, suggested: blocker / "inside" / "a.md"
    window.actions.export_markdown.trigger()
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=10000)
    assert "Export" in window.message_bar.title.text()
    assert window.editor.toPlainText() == sample_article().body
