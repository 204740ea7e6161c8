"""One-click fixes per check (the score panel's "Fix") and the one-line review summary."""

from __future__ import annotations

from dataclasses import replace

from app.core.analysis.analyzer import Analyzer
from app.core.analysis.report import Status
from app.core.models import Article, Language
from app.core.review import fixers
from app.core.review.fixes import Fix, apply_fix
from app.core.review.messages import change_summary

SENTENCE = ("Compost turns kitchen scraps into dark, crumbly soil that feeds the garden "
            "for months. ")


def article(**changes: object) -> Article:
    body = ("# Compost at home\n\nCompost at home is simple and cheap for everyone. "
            "It needs air and water.\n\n## Getting started\n\n" + SENTENCE * 14
            + "\n\n## Mistakes\n\nToo much water. Not enough air.\n")
    base = Article(keyword="compost at home", language=Language.EN,
                   title="Compost at home: the complete guide", slug="compost-at-home",
                   meta_description="x", body=body)
    return replace(base, **changes)


def _check(item: Article, check_id: str) -> Status:
    check = Analyzer().analyze(item).by_id(check_id)
    assert check is not None
    return check.status


def _apply(item: Article, fixes: list[Fix]) -> Article:
    for fix in fixes:
        item = apply_fix(item, fix)
    return item


def test_long_paragraph_is_split_at_sentence_ends_and_the_check_turns_green():
    item = article()
    assert _check(item, "paragraph_length") is not Status.GOOD      # 14 × 15 words
    fixes = fixers.fixes_for_check(item, "paragraph_length")
    assert [f.code for f in fixes] == ["review.paragraphs.split"]
    fixed = _apply(item, fixes)
    assert _check(fixed, "paragraph_length") is Status.GOOD
    assert fixed.body.split() == item.body.split()                  # not one word changed
    paragraphs = fixed.body.split("## Getting started\n\n")[1].split("\n\n## ")[0]
    assert all(p.rstrip().endswith(".") for p in paragraphs.split("\n\n"))  # at a sentence end
    assert len(paragraphs.split("\n\n")) == 2


def test_keyphrase_checks_get_their_rule_fix():
    item = article(slug="Mon Super Slug", title="A guide for the garden",
                   body=article().body.replace("Compost at home is simple", "It is simple"))
    for check_id in ("keyphrase_in_slug", "keyphrase_in_title", "keyphrase_in_introduction",
                     "meta_description_length"):
        assert _check(item, check_id) is not Status.GOOD, check_id
        fixed = _apply(item, fixers.fixes_for_check(item, check_id))
        assert _check(fixed, check_id) is Status.GOOD, check_id


def test_slug_cleanup_keeps_its_words():
    item = article(slug="Compost-At--Home")
    fix = fixers.fixes_for_check(item, "keyphrase_in_slug")
    assert fix and fix[0].after == "compost-at-home"


def test_nothing_to_fix_gives_no_fix():
    item = article(slug="compost-at-home")
    assert fixers.fixes_for_check(item, "keyphrase_in_slug") == []
    assert fixers.fixes_for_check(item, "transition_words") == []    # not a rule fix


def test_summary_says_what_changed():
    fixes = [Fix("paragraphs", "review.paragraphs.split", "body", "", "", params={"count": 2}),
             Fix("intro", "review.intro.keyword_added", "body", "", "")]
    assert change_summary(fixes, (46, 62, 70, 70)) == (
        "Split 2 long paragraphs; added the keyphrase to the intro — SEO 46 → 62")
    assert change_summary(fixes[1:], (46, 52, 70, 70), "fr") == (
        "Requête ajoutée à l’introduction — SEO 46 → 52")
    assert change_summary([], (46, 46, 70, 70)) == "Nothing to change — SEO 46"


def test_results_no_rule_can_repair_are_marked():
    body = ("# Compost at home\n\nCompost at home is simple.\n\n## Compost at home basics\n\n"
            "Text here.\n\n## Compost at home mistakes\n\nMore text.\n")
    item = article(body=body)
    check = Analyzer().analyze(item).by_id("keyphrase_in_subheadings")
    assert check.code == "keyphrase_in_subheadings.too_many"
    assert check.code in fixers.UNFIXABLE_CODES                       # no Fix offered
    assert fixers.fixes_for_check(item, "keyphrase_in_subheadings") == []
