"""The window fits and reads well from 1280×720 to 2560×1440: the score panel never grows
wider than its place (a long slug wraps), and a wide screen keeps the editor's text column at
a readable length."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from app.core.models import Article, Language
from app.ui.editor.article_editor import MAX_LINE_PX
from tests.ui.main_window_fixtures import ARTICLE_BODY, make_window, no_keyring  # noqa: F401

LONG_SLUG = "comment-choisir-des-chaussures-de-course-pour-pieds-plats-guide-complet-2026"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (2560, 1440)])
def test_score_panel_fits_its_place_with_a_long_slug(make_window, qtbot, size):
    window = make_window(site_url="https://www.example-running-magazine.com/blog/")
    window.resize(*size)
    article = Article("running shoes for flat feet", Language.EN, "Running shoes for flat feet",
                      "What to look for in running shoes for flat feet.", LONG_SLUG,
                      ARTICLE_BODY)
    window.load_article(article)
    qtbot.waitUntil(lambda: window.score_panel.report is not None, timeout=10000)
    QCoreApplication.processEvents()
    panel = window.score_panel
    body = panel.widget()
    assert LONG_SLUG[:20] in panel.snippet.url.toolTip()
    assert body.minimumSizeHint().width() <= panel.viewport().width()
    assert panel.seo_card.geometry().right() <= panel.viewport().width()
    assert panel.readability_card.geometry().right() <= panel.viewport().width()
    assert window.frameGeometry().width() <= size[0] + 40   # nothing forces a wider window


def test_wide_screens_cap_the_editor_line_length(make_window, qtbot):
    window = make_window()
    window.resize(2560, 1440)
    window.actions.toggle_preview.setChecked(False)    # the editor takes the whole centre
    qtbot.waitUntil(lambda: window.editor.width() > MAX_LINE_PX + 200, timeout=3000)
    assert window.editor.viewport().width() <= MAX_LINE_PX + 4
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.editor.width() < MAX_LINE_PX, timeout=3000)
    assert window.editor.viewport().width() >= window.editor.width() - 40   # no margin wasted
