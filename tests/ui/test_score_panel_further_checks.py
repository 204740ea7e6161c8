"""The further SEO checks appear in the score panel like every check, marked as not scored."""

from __future__ import annotations

from app.core.analysis import analyze
from app.core.analysis.report import Group
from app.core.export.markdown import parse_markdown
from app.ui.panels.score_panel import ScorePanel

ARTICLE = """---
title: "Pool chlorine explained"
description: "Pool chlorine explained for owners: how pool chlorine works and how to test it at home."
slug: pool-chlorine
keywords: [pool chlorine, test strips]
lang: en
---
# Pool chlorine

Pool chlorine keeps the water clean. Test strips show the level.
"""


def test_further_checks_are_rows_with_a_not_scored_tooltip(qtbot):
    panel = ScorePanel()
    qtbot.addWidget(panel)
    report = analyze(parse_markdown(ARTICLE))
    with qtbot.waitSignal(panel.report_shown, timeout=5000):
        panel.show_report(report)
    rows = {row.check_id: row for row in panel.rows(Group.SEO)}
    for check_id in ("related_keyphrases", "title_number", "url_length", "media", "content_length_tiers"):
        assert check_id in rows, check_id
    assert "not counted in the SEO score" in rows["title_number"].toolTip()       # ok, not counted
    assert "not counted" not in rows["keyphrase_in_introduction"].toolTip()       # a Yoast check
    assert rows["related_keyphrases"].advice.text().startswith("Every related keyphrase")
