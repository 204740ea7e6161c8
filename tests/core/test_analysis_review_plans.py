"""The self-review plans the further SEO checks it can repair (and only those)."""

from __future__ import annotations

from dataclasses import replace

from app.core.analysis import analyze
from app.core.review.problems import plan_revisions
from tests.core.test_analysis_helpers import article, sentence


def _sections(hits: list[list[bool]]) -> str:
    parts = []
    for i, section in enumerate(hits):
        text = " ".join(sentence("en", 10, 7 * i + j, first="compost" if hit else None)
                        for j, hit in enumerate(section))
        parts.append(text if i == 0 else f"## Part {i}\n\n{text}")
    return "\n\n".join(parts)


def test_an_uneven_keyphrase_is_added_to_the_sections_that_lack_it() -> None:
    body = _sections([[True, False, False], [True, False, False], [False] * 6, [False] * 6])
    a = article("en", body)
    report = analyze(a)
    assert report.by_id("keyphrase_distribution").status.value == "bad"   # type: ignore[union-attr]
    planned = {index: [p.code for p in problems if p.check == "keyphrase_distribution"]
               for index, problems in plan_revisions(a, report)}
    assert planned.get(3) == ["add_keyphrase"] and planned.get(2) == ["add_keyphrase"]
    assert not planned.get(1)                          # that section has it


def test_a_missing_related_keyphrase_is_asked_for_by_name() -> None:
    a = replace(article("en", _sections([[True] * 3, [False] * 3])), secondary_keywords=("green waste",))
    report = analyze(a)
    problems = [p for _, ps in plan_revisions(a, report) for p in ps if p.check == "related_keyphrases"]
    assert [p.params["keyphrase"] for p in problems] == ["green waste"]


def test_checks_without_a_model_fix_are_never_planned() -> None:
    a = article("en", _sections([[False] * 4, [False] * 4]), title="Plain title")
    report = analyze(a)
    assert report.by_id("title_number").status.value == "ok"   # type: ignore[union-attr]
    checks = {p.check for _, ps in plan_revisions(a, report) for p in ps}
    assert not checks & {"title_number", "title_power_word", "media", "table_of_contents", "content_length_tiers"}
