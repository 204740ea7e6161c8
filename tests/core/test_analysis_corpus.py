"""A corpus of ten articles (five French, five English) whose verdicts were worked out by
hand from Yoast's published rules (and, for Plume's further checks, from the thresholds in
app/core/analysis/seo_extra.py). The reasoning for every verdict is in the .json next to
each article in tests/core/analysis_corpus/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.analysis import analyze
from app.core.export.markdown import parse_markdown

CORPUS = Path(__file__).parent / "analysis_corpus"
ARTICLES = sorted(CORPUS.glob("*.md"))


def test_the_corpus_has_ten_articles_in_both_languages() -> None:
    langs = [p.name[:2] for p in ARTICLES]
    assert len(ARTICLES) >= 10 and langs.count("fr") >= 5 and langs.count("en") >= 5
    assert all(p.with_suffix(".json").is_file() for p in ARTICLES)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_plume_gives_the_hand_worked_verdicts(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    report = analyze(parse_markdown(path.read_text(encoding="utf-8")))
    wrong = {}
    for check_id, (status, why) in expected["checks"].items():
        found = report.by_id(check_id)
        got = found.status.value if found else None
        if got != status:
            wrong[check_id] = f"expected {status}, got {got} ({found.params if found else ''}) — {why}"
    assert not wrong, wrong
    assert (report.seo_score, report.seo_status.value) == (expected["seo"]["score"], expected["seo"]["status"]), \
        expected["seo"]["why"]
    assert report.readability_status.value == expected["readability"]["status"], expected["readability"]["why"]
