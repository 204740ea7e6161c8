"""Where Plume used to differ from Yoast and Yoast is right, and Yoast's SEO score arithmetic."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.analysis import Status
from app.core.analysis.seo import seo_score
from tests.core.test_analysis_helpers import article, check, paragraph, run, sentence


@pytest.mark.parametrize(("description", "count", "status"), [
    ("Home composting at home: home composting for all, with tips for every season and bin type you meet.", 2,
     Status.GOOD),
    ("Home composting and home composting again. Home composting made simple for every garden in town.", 3,
     Status.BAD),                            # one sentence holding it twice counts 2, plus one: over 2
    ("A guide to compost bins for every garden, with tips for each season and each kind of kitchen waste.", 0,
     Status.BAD),
])
def test_keyphrase_in_meta_description_counts_whole_occurrences(description: str, count: int,
                                                                  status: Status) -> None:
    result = check(article("en", paragraph("en", 50), keyword="home composting", description=description),
                   "keyphrase_in_meta_description")
    assert result.status is status
    assert result.params.get("count", 0) == count


def test_no_meta_description_still_scores_3_for_the_keyphrase() -> None:
    report = run(article("en", paragraph("en", 50), keyword="tree", description=""))
    result = report.by_id("keyphrase_in_meta_description")
    assert result is not None and result.status is Status.BAD and result.score == 3 and result.counted


@pytest.mark.parametrize(("text", "passive"), [
    ("The water is heavily chlorinated.", "is heavily chlorinated"),
    ("The pool was, in the end, chlorinated again.", None),                  # a comma ends the clause
    ("The bins are very often quite badly designed.", "are very often quite badly designed"),
    ("It is the tool that I wanted.", None),                                 # a relative opens a new clause
])
def test_passive_voice_accepts_any_words_inside_the_clause_en(text: str, passive: str | None) -> None:
    a = article("en", text)
    found = [a.body[s.start:s.end] for s in check(a, "passive_voice").spans]
    assert found == ([passive] if passive else [])


@pytest.mark.parametrize(("text", "passive"), [
    ("Le compost est souvent très mal compris.", "est souvent très mal compris"),
    ("Le bac est plein et on a retourné le tas.", None),
])
def test_passive_voice_accepts_any_words_inside_the_clause_fr(text: str, passive: str | None) -> None:
    a = article("fr", text)
    found = [a.body[s.start:s.end] for s in check(a, "passive_voice").spans]
    assert found == ([passive] if passive else [])


def test_headings_count_as_sentences_for_sentence_length() -> None:
    """Three short sentences and one long: 25 % (good). Adding two long headings makes
    3 long of 6 = 50 % (bad) — Yoast counts headings as sentences."""
    text = " ".join([sentence("en", 8), sentence("en", 8), sentence("en", 8), sentence("en", 22)])
    assert check(article("en", text), "sentence_length").status is Status.GOOD
    long_heading = " ".join(["word"] * 22)
    body = f"## {long_heading}\n\n{text}\n\n## {long_heading}\n\n{sentence('en', 8)}"
    result = check(article("en", body), "sentence_length")
    assert result.status is Status.BAD and result.params["count"] == 3


def test_previously_used_keyphrase_counts_only_when_the_project_is_known() -> None:
    a = article("en", paragraph("en", 320), keyword="tree")
    unknown, known, used = run(a), run(a, previous_keyphrases=[]), run(a, previous_keyphrases=["Tree", "tree"])
    prev = unknown.by_id("previously_used_keyphrase")
    assert prev is not None and prev.status is Status.INFO and not prev.counted
    assert known.by_id("previously_used_keyphrase").score == 9    # type: ignore[union-attr]
    assert used.by_id("previously_used_keyphrase").score == 1     # type: ignore[union-attr]
    counted = [c for c in unknown.checks if c.group.value == "seo" and c.counted]
    assert unknown.seo_score == round(100 * sum(c.score for c in counted) / (9 * len(counted)))
    assert known.seo_score != unknown.seo_score


def test_yoasts_8s_and_its_hidden_zero() -> None:
    """Yoast 3.6 scores a single H1 and "no competing link" 8, not 9; a keyphrase with content
    words gets a hidden result without score that still counts 0 in the denominator."""
    report = run(article("en", paragraph("en", 320), keyword="compost"))
    one, competing, words = (report.by_id(i) for i in ("single_h1", "competing_links",
                                                        "function_words_in_keyphrase"))
    assert one is not None and (one.status, one.score, one.counted) == (Status.GOOD, 8, True)
    assert competing is not None and (competing.status, competing.score) == (Status.GOOD, 8)
    assert words is not None and (words.status, words.score, words.counted) == (Status.GOOD, 0, True)
    two = check(article("en", paragraph("en", 50) + "\n\n# Another title\n\nMore text here."), "single_h1")
    assert two.status is Status.BAD and two.score == 1 and two.counted


def test_function_words_only_keyphrase_is_a_shown_zero() -> None:
    bad = run(article("en", paragraph("en", 120), keyword="how to do it"))
    result = bad.by_id("function_words_in_keyphrase")
    assert result is not None and result.status is Status.BAD and result.score == 0 and result.counted


def test_seo_score_is_yoasts_sum_over_nine_times_the_counted_checks() -> None:
    report = run(article("fr", paragraph("fr", 320), keyword="arbre"))
    value, _ = seo_score(report.checks)
    counted = [c.score for c in report.checks if c.group.value == "seo" and c.counted]
    assert value == round(100 * sum(counted) / (9 * len(counted)))
    further = {"keyphrase_distribution", "related_keyphrases", "keyphrase_in_first_10_percent",
               "content_length_tiers", "title_number", "title_power_word", "url_length", "table_of_contents",
               "media"}
    assert not any(c.counted for c in report.checks if c.id in further)


@pytest.mark.parametrize(("words", "score"), [(250, -20), (600, -20), (899, -20), (900, 9)])
def test_cornerstone_content_needs_900_words(words: int, score: int) -> None:
    a = article("en", paragraph("en", words))
    assert check(a, "text_length").score == (9 if words >= 300 else -10 if words < 250 else 6)
    result = check(replace(a, extra={"cornerstone": True}), "text_length")
    assert result.score == score


def test_french_reading_ease_counts_spoken_syllables() -> None:
    """"Le voyage en avion part de l'aéroport." : 7 words, 1 + 2 + 1 + 2 + 1 + 1 + 1... counted
    by hand: le 1, voyage 2, en 1, avion 2, part 1, de 1, aéroport 4 = 12 syllables."""
    result = check(article("fr", "Le voyage en avion part de l'aéroport."), "flesch_reading_ease")
    assert result.params["syllables_per_word"] == round(12 / 7, 2)
