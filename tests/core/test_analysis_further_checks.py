"""The SEO checks beyond Yoast's free set, at their thresholds, with their highlights."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.analysis import Status, message
from tests.core.test_analysis_helpers import article, check, paragraph, sentence


def _flow(lang: str, hits: list[bool], kw: str = "compost") -> str:
    """One 10-word sentence per entry; those marked True start with the keyphrase."""
    return " ".join(sentence(lang, 10, i * 3, first=kw if hit else None) for i, hit in enumerate(hits))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("hits", "status", "percent"), [
    ([True] + [False] * 5 + [True] + [False] * 5 + [True] + [False] * 5 + [True], Status.GOOD, 26),   # 5 of 19
    ([True] + [False] * 6 + [True] + [False] * 11, Status.BAD, 58),                                  # 11 of 19
    ([True] + [False] * 7 + [True] + [False] * 7 + [True] + [False] * 2, Status.OK, 37),             # 7 of 19
])
def test_keyphrase_distribution_longest_stretch(lang: str, hits: list[bool], status: Status, percent: int) -> None:
    a = article(lang, _flow(lang, hits))
    result = check(a, "keyphrase_distribution")
    assert (result.status, result.params["percent"]) == (status, percent)
    if status is not Status.GOOD:
        gap = a.body[result.spans[0].start:result.spans[0].end]
        assert "compost" not in gap.lower() and gap.endswith(".")
    assert not result.counted


def test_keyphrase_distribution_needs_15_sentences_and_counts_synonyms() -> None:
    assert check(article("en", _flow("en", [True] * 14)), "keyphrase_distribution").status is Status.INFO
    hits = [True] + [False] * 18
    a = article("en", _flow("en", hits).replace("Meadow", "Humus", 3), keyword="compost")
    bad = check(a, "keyphrase_distribution")
    assert bad.status is Status.BAD
    better = check(replace(a, extra={"synonyms": "humus"}), "keyphrase_distribution")
    assert better.params["percent"] < bad.params["percent"]


def test_related_keyphrases_from_front_matter_keywords() -> None:
    body = paragraph("en", 40) + " A compost bin helps. Compost bins come in all sizes."
    a = replace(article("en", body, keyword="home composting"), secondary_keywords=("compost bin", "green waste"))
    result = check(a, "related_keyphrases")
    assert result.status is Status.OK and result.params["missing"] == ["green waste"]
    assert result.params["found"] == {"compost bin": 2}
    assert [a.body[s.start:s.end] for s in result.spans] == ["compost bin", "Compost bins"]
    assert "green waste" in message(result, "en")
    none = replace(a, secondary_keywords=("green waste",))
    assert check(none, "related_keyphrases").status is Status.BAD
    assert check(replace(a, secondary_keywords=()), "related_keyphrases").status is Status.INFO


@pytest.mark.parametrize(("words", "status", "outcome"), [
    (599, Status.OK, "short"), (600, Status.GOOD, "good"), (2499, Status.GOOD, "good"),
    (2500, Status.GOOD, "long_form"),
])
def test_content_length_tiers(words: int, status: Status, outcome: str) -> None:
    result = check(article("fr", paragraph("fr", words)), "content_length_tiers")
    assert (result.status, result.code) == (status, f"content_length_tiers.{outcome}")


def test_keyphrase_in_first_10_percent_of_the_words() -> None:
    """400 words: the first 40 count. The keyphrase opening sentence 4 (word 31) is in; in
    sentence 5 (word 41) it is late."""
    def body(at: int) -> str:
        return " ".join(sentence("en", 10, i, first="compost" if i == at else None) for i in range(40))

    assert check(article("en", body(3)), "keyphrase_in_first_10_percent").status is Status.GOOD
    assert check(article("en", body(4)), "keyphrase_in_first_10_percent").status is Status.OK


@pytest.mark.parametrize(("lang", "title", "number", "power"), [
    ("en", "7 essential tips for home composting", Status.GOOD, Status.GOOD),
    ("en", "Home composting explained", Status.OK, Status.OK),
    ("fr", "Compost maison : 5 erreurs à éviter", Status.GOOD, Status.GOOD),
    ("fr", "Le compost maison expliqué", Status.OK, Status.OK),
])
def test_number_and_power_word_in_title(lang: str, title: str, number: Status, power: Status) -> None:
    a = article(lang, paragraph(lang, 50), title=title)
    assert check(a, "title_number").status is number
    result = check(a, "title_power_word")
    assert result.status is power
    if power is Status.OK:
        assert result.spans[0].field == "title"


def test_url_length_counts_site_and_slug() -> None:
    short = article("en", paragraph("en", 50), slug="home-composting")
    assert check(short, "url_length", site_url="https://example.com/blog").status is Status.GOOD
    long = replace(short, slug="the-complete-and-definitive-beginners-guide-to-home-composting-in-small-gardens")
    result = check(long, "url_length", site_url="https://example.com/blog")
    assert result.status is Status.OK and result.params["length"] > 75 and result.spans[0].field == "slug"


def _long_article(toc: str = "") -> str:
    sections = [f"## Part {i}\n\n{paragraph('en', 300, start=i)}" for i in range(6)]
    return toc + "\n\n".join(sections)


def test_table_of_contents_for_long_articles() -> None:
    assert check(article("en", paragraph("en", 400)), "table_of_contents").status is Status.INFO
    missing = check(article("en", _long_article()), "table_of_contents")
    assert missing.status is Status.OK and missing.params["headings"] == 6
    links = "\n".join(f"- [Part {i}](#part-{i})" for i in range(6)) + "\n\n"
    assert check(article("en", _long_article(links)), "table_of_contents").status is Status.GOOD
    assert check(article("en", _long_article("[TOC]\n\n")), "table_of_contents").status is Status.GOOD


def test_media_beyond_images() -> None:
    image = "![A compost bin](bin.jpg)\n\n"
    video = "<video src=\"turning.mp4\"></video>\n\n"
    table = "| month | task |\n|---|---|\n| May | turn |\n| June | water |\n\n"
    assert check(article("en", paragraph("en", 1000)), "media").status is Status.BAD
    images_only = check(article("en", image + paragraph("en", 1000)), "media")
    assert images_only.status is Status.OK and images_only.params["images"] == 1
    mixed = check(article("en", image + video + paragraph("en", 1000)), "media")
    assert mixed.status is Status.GOOD and mixed.params["videos"] == 1
    with_table = check(article("en", image + table + paragraph("en", 1000)), "media")
    assert with_table.status is Status.GOOD and with_table.params["tables"] == 1
    assert check(article("en", paragraph("en", 200)), "media").status is Status.OK


def test_related_keyphrases_leave_out_the_focus_keyphrase_and_repeats() -> None:
    a = replace(article("en", paragraph("en", 40) + " Green waste rots.", keyword="home composting"),
                secondary_keywords=("Home composting", "green waste", "Green  Waste"))
    result = check(a, "related_keyphrases")
    assert result.status is Status.GOOD and result.params["total"] == 1


def test_links_within_the_page_are_not_competing_links() -> None:
    a = article("en", "Read about [compost heaps](#compost-heaps) below. " + paragraph("en", 40), keyword="compost")
    assert check(a, "competing_links").status is Status.GOOD
    other = article("en", "Read about [compost heaps](/compost) elsewhere. " + paragraph("en", 40), keyword="compost")
    assert check(other, "competing_links").status is Status.BAD
