"""One word count: the editor header, the score panel and the library say the same number
of words for an article (before: 495 in the header, 464 in the panel, for the same text)."""

from __future__ import annotations

import re
from pathlib import Path

from app.application.articles import read_article_file
from app.core.store import Library
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "samples"


def _number(text: str) -> int:
    found = re.search(r"\d[\d\u202f\u00a0 ,]*", text)
    assert found, text
    return int(re.sub(r"\D", "", found.group()))


def test_header_panel_and_library_count_the_same_words(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window()
    article = read_article_file(SAMPLES / "en.md").article
    window.load_article(article)
    qtbot.waitUntil(lambda: window.score_panel.report is not None, timeout=15000)
    header = window.parts.editor_words
    qtbot.waitUntil(lambda: _number(header.text()) > 0, timeout=5000)
    panel = _number(window.score_panel.stats.text())
    assert _number(header.text()) == panel == window.score_panel.report.words
    library = Library(tmp_path / "library.sqlite3")
    library.save(article)
    assert [a.words for a in library.list()] == [panel]


def test_link_targets_markup_and_the_headline_are_not_words(make_window, qtbot) -> None:
    window = make_window()
    window.editor.set_markdown("# A headline of six words here\n\n"
                               "Read [the guide](https://example.com/some/long/path) **now**.\n")
    header = window.parts.editor_words
    qtbot.waitUntil(lambda: _number(header.text()) == 4, timeout=5000)   # Read the guide now
