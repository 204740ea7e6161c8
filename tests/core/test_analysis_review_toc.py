"""The self-review adds a table of contents to a long article; its links reach the headings
of the exported HTML page."""

from __future__ import annotations

import re

from app.core.analysis import analyze
from app.core.export.html import render_page
from app.core.review.review import run_review
from app.core.review.toc import fix_table_of_contents
from tests.core.test_analysis_helpers import article, paragraph


def _long(lang: str) -> str:
    heads = {"en": ["Why compost", "Choosing a bin", "What goes in", "Why compost", "Using it"],
             "fr": ["Pourquoi composter", "Choisir son bac", "Que mettre dedans", "Pourquoi composter",
                    "L'utiliser"]}[lang]
    parts = [paragraph(lang, 120)] + [f"## {h}\n\n{paragraph(lang, 280, start=i)}" for i, h in enumerate(heads)]
    return "\n\n".join(parts)


def test_the_review_adds_a_table_of_contents_whose_links_reach_the_exported_headings() -> None:
    for lang in ("en", "fr"):
        a = article(lang, _long(lang), keyword="compost")
        assert analyze(a).by_id("table_of_contents").status.value == "ok"        # type: ignore[union-attr]
        result = run_review(a)
        assert any(f.code == "review.toc.added" for f in result.fixes), lang
        assert analyze(result.article).by_id("table_of_contents").status.value == "good"  # type: ignore[union-attr]
        html = render_page(result.article)
        links = re.findall(r'<a href="#([^"]+)"', html)
        ids = set(re.findall(r'<h2[^>]* id="([^"]+)"', html))
        assert len(links) == 5 and set(links) <= ids and len(set(links)) == 5   # the repeated heading: -2


def test_no_table_of_contents_for_fewer_than_three_sections() -> None:
    a = article("en", paragraph("en", 100) + "\n\n## One\n\nText here.\n\n## Two\n\nMore text.")
    assert fix_table_of_contents(a) is None
