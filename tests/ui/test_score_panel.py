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


def test_while_a_model_writes_the_scores_follow_and_the_checks_refresh_when_it_stops(make_window, qtbot):
    from dataclasses import replace

    from app.core.analysis import analyze

    window = make_window()
    panel = window.score_panel
    article = sample_article()
    with qtbot.waitSignal(panel.report_shown, timeout=10000):
        panel.show_report(analyze(article))
    shown_before = [row.advice.text() for row in panel.rows(Group.SEO) if not row.isHidden()]

    panel.hold_checks(True)                     # what the window does when a run starts
    longer = replace(article, body=article.body + "\n\nA new paragraph streamed by the model, "
                     "with more words about running shoes for flat feet and how to choose them.")
    grown = analyze(longer)
    panel.show_report(grown)
    assert panel.stats.text().startswith(f"{grown.words}")          # the counts follow the text
    assert [r.advice.text() for r in panel.rows(Group.SEO) if not r.isHidden()] == shown_before

    with qtbot.waitSignal(panel.report_shown, timeout=10000):
        panel.hold_checks(False)                # the run ended: the checks catch up at once
    rows = [r for r in panel.rows(Group.SEO) if not r.isHidden()]
    seo_checks = [c for c in grown.checks if c.group == Group.SEO]
    assert len(rows) == len(seo_checks)
    assert {r.check_id for r in rows} == {c.id for c in seo_checks}
