"""Whatever the model writes, the article keeps its SEO invariants."""

from __future__ import annotations

import pytest

from app.core.generation.assemble import (
    META_MAX,
    META_MIN,
    assemble,
    clean_section,
    contains_keyword,
    enforce_invariants,
    enforce_plan,
    fit_meta,
    intro_paragraph,
)
from app.core.models import Article, Brief, FaqItem, Language, OutlineSection, Plan

FR = Brief("crème brûlée maison", Language.FR)
EN = Brief("standing desk", Language.EN)


def plan(**changes) -> Plan:
    base = Plan(title="Standing desk: how to choose", meta_description="x" * 10, slug="standing-desk",
                h1="How to choose a standing desk",
                outline=[OutlineSection("Height and stability", 2, 200), OutlineSection("Motors", 3, 150)])
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def test_long_meta_is_trimmed_at_a_word_boundary():
    meta = ("A standing desk changes how you work: we compare heights, motors, stability, noise, "
            "warranty and prices of twenty models tested for three months in a real office.")
    fixed = fit_meta(meta, EN)
    assert META_MIN <= len(fixed) <= META_MAX
    assert meta.startswith(fixed.rstrip(".")) and fixed.endswith(".")


def test_short_meta_is_padded_sensibly_in_the_article_language():
    fixed = fit_meta("Recette de crème brûlée.", FR)
    assert META_MIN <= len(fixed) <= META_MAX
    assert fixed.startswith("Recette de crème brûlée.") and "  " not in fixed
    assert "Exemples concrets" in fixed or "Guide pratique" in fixed


def test_plan_fixes_slug_title_and_meta():
    long_title = "The complete and definitive standing desk buying guide for every home office in 2026"
    fixed, notices = enforce_plan(EN, plan(title=long_title, slug="Bureaux Debout!",
                                           title_candidates=["Standing desk: 9 checks before buying"]))
    assert fixed.title == "Standing desk: 9 checks before buying"
    assert fixed.slug == "standing-desk"
    assert META_MIN <= len(fixed.meta_description) <= META_MAX
    codes = {n.code for n in notices}
    assert {"slug_rebuilt_from_keyword", "meta_description_adjusted"} <= codes


def test_slug_folds_french_accents():
    fixed, _ = enforce_plan(FR, plan(slug="Crème Brûlée Maison : la recette"))
    assert fixed.slug == "creme-brulee-maison-la-recette"


def test_keyword_missing_from_title_is_reported():
    _, notices = enforce_plan(EN, plan(title="How to pick a desk"))
    assert [n.code for n in notices if n.code == "keyword_missing_in_title"]


def test_keyword_match_ignores_case_accents_and_punctuation():
    assert contains_keyword("La Crème Brûlée maison, sans four.", "creme brulee maison", Language.FR)
    assert not contains_keyword("Une crème brûlée faite à la maison.", "crème brûlée maison", Language.FR)
    assert contains_keyword("Bien choisir l’engrais bio", "engrais bio", Language.FR)   # elided article


def test_assemble_has_one_h1_intro_first_and_faq():
    sections = ["Une standing desk intro paragraph.", "Body of height.",
                "### Motors\n\nTwo motors are quieter.\n\n# Stray H1"]
    article = assemble(EN, plan(), sections, [FaqItem("Is it worth it?", "Yes, if you stand 2 h a day.")])
    lines = article.body.splitlines()
    assert lines[0] == "# How to choose a standing desk"
    assert sum(1 for line in lines if line.startswith("# ")) == 1
    assert "## Height and stability\n\nBody of height." in article.body
    assert "## Frequently asked questions\n\n### Is it worth it?" in article.body
    assert intro_paragraph(article.body) == "Une standing desk intro paragraph."


def test_intro_from_section_done_keeps_a_single_h1():
    article = assemble(EN, plan(), ["# Old headline\n\nA standing desk intro.", "Body."], [])
    assert article.body.startswith("# How to choose a standing desk\n\nA standing desk intro.")
    assert "Old headline" not in article.body


def test_enforce_invariants_on_an_edited_article():
    body = "Intro without the phrase.\n\n# Second title\n\nText."
    article = Article("standing desk", Language.EN, "A" * 80, "short", "Desk!", body)
    fixed, notices = enforce_invariants(article)
    assert fixed.body.startswith("# ") and fixed.body.count("\n# ") == 0
    assert len(fixed.title) <= 60 and fixed.slug == "standing-desk"
    assert META_MIN <= len(fixed.meta_description) <= META_MAX
    assert "keyword_missing_in_intro" in {n.code for n in notices}


@pytest.mark.parametrize("raw", ["## Motors\n\nBody.", "### motors\nBody.", "Body."])
def test_clean_section_drops_a_repeated_heading(raw):
    assert clean_section(raw, "Motors") == "Body."


def test_clean_section_keeps_other_subheadings():
    assert clean_section("### Brushless or not\n\nBody.", "Motors").startswith("### Brushless")


def test_outline_drops_parts_written_separately():
    from app.core.generation.schemas import plan_from_json

    data = {"title": "T", "h1": "H", "outline": [
        {"heading": "Introduction", "level": 2, "words": 100},
        {"heading": "Choisir la batterie", "level": 3, "words": 300},
        {"heading": "Questions fréquentes", "level": 2, "words": 200},
        {"heading": "Conclusion", "level": 2, "words": 100}]}
    kept = plan_from_json(data, 600, keep_conclusion=False).outline
    assert [s.heading for s in kept] == ["Choisir la batterie"]
    assert kept[0].level == 2 and kept[0].words == 600  # first section is an H2; words scaled
    with_end = plan_from_json(data, 600).outline
    assert [s.heading for s in with_end] == ["Choisir la batterie", "Conclusion"]
