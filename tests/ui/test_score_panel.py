"""Scores follow the text: traffic lights, advice per check, snippet, click → highlight."""

from __future__ import annotations

from app.core.analysis.report import Group
from tests.ui.main_window_fixtures import make_window, no_keyring, sample_article  # noqa: F401


def test_article_is_scored_and_a_check_click_highlights_its_text(make_window, qtbot):
    window = make_window()
    with qtbot.waitSignal(window.score_panel.report_shown, timeout=10000):
        window.load_article(sample_article())
    panel = window.score_panel
    report = panel.report
    assert report is not None and report.words > 50
    assert panel.seo_card.value.text() == str(report.seo_score)
    assert panel.seo_card.chip.property("chip") == report.seo_status.value
    rows = panel.rows(Group.SEO)
    assert rows and all(row.title.text() and row.advice.text() for row in rows)
    assert panel.snippet.title.text()
    assert "running-shoes-flat-feet" in panel.snippet.url.text().replace("\u200b", "")

    with_spans = [c for c in report.checks if any(s.field == "body" for s in c.spans)]
    assert with_spans, "expected at least one check pointing at body text"
    check = with_spans[0]
    panel.select_check(check.id)
    expected = [(s.start, s.end) for s in check.spans if s.field == "body"]
    assert window.editor.highlighted_spans() == expected


def test_scores_refresh_while_typing(make_window, qtbot):
    window = make_window()
    with qtbot.waitSignal(window.analysis.report_ready, timeout=10000):
        window.load_article(sample_article())
    before = window.score_panel.report.words
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.analysis.report_ready, timeout=10000):
        qtbot.keyClicks(window.editor, " Extra words typed by the writer right now.")
    assert window.score_panel.report.words > before
