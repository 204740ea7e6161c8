"""The library panel lists saved articles, searches them, opens and deletes (after asking)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.store import Library
from app.ui.panels.library_panel import LibraryPanel
from tests.core.test_store import make_article


@pytest.fixture
def library(tmp_path: Path):
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def test_lists_searches_and_opens(qtbot, library: Library) -> None:
    coffee = library.save(make_article("café en grains"))
    library.save(make_article("thé vert", body="# Thé\n\nInfusion japonaise."))
    panel = LibraryPanel(library)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: len(panel.titles()) == 2, timeout=5_000)
    title, details = panel._list.topLevelItem(1).text(0).splitlines()
    assert title == "Guide : café en grains"
    keyword, language, _date, words = details.split(" · ")
    assert (keyword, language, words) == ("café en grains", "FR", "5 words")   # the body; the headline is not counted (word_count.py)
    with qtbot.waitSignal(panel.refreshed, timeout=5_000):
        panel._search.setText("cafe")                          # debounced search as you type
    assert panel.titles() == ["Guide : café en grains"]
    with qtbot.waitSignal(panel.refreshed, timeout=5_000):
        panel._search.setText("nothing-like-this")
    assert panel.titles() == [] and not panel._empty.isHidden()
    assert "No article matches" in panel._empty.text()
    with qtbot.waitSignal(panel.refreshed, timeout=5_000):
        panel._search.clear()
    panel.select_article(coffee)
    with qtbot.waitSignal(panel.article_opened) as opened:
        panel._open.click()
    assert opened.args == [coffee]


def test_delete_asks_first_and_cancel_keeps_the_article(qtbot, library: Library) -> None:
    article_id = library.save(make_article())
    panel = LibraryPanel(library)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: len(panel.titles()) == 1, timeout=5_000)
    panel.select_article(article_id)
    asked: list[str] = []
    panel.confirm_delete = lambda title: asked.append(title) or False  # type: ignore[method-assign]
    panel._delete.click()
    assert asked == ["Guide : café en grains"]
    assert len(library.list()) == 1
    panel.confirm_delete = lambda title: True  # type: ignore[method-assign]
    with qtbot.waitSignal(panel.article_deleted, timeout=5_000) as deleted:
        panel._delete.click()
    assert deleted.args == [article_id]
    qtbot.waitUntil(lambda: panel.titles() == [], timeout=5_000)
    assert library.list() == []
    assert "Saved articles will appear here" in panel._empty.text()
