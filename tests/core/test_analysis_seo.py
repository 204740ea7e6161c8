"""SEO checks at their thresholds (just under, on, just over), in French and English."""

from __future__ import annotations

import pytest

from app.core.analysis import Group, Status
from app.core.analysis.report import CheckResult
from app.core.analysis.seo import seo_score
from tests.core.test_analysis_helpers import article, check, filler_words, paragraph, run

LANGS = ("fr", "en")
KP = {"fr": "compost maison", "en": "home composting"}


def _density_body(lang: str, total: int, hits: int, word: str = "compost") -> str:
    ws = filler_words(lang, total)
    stride = total // hits if hits else 0
    for i in range(hits):
        ws[i * stride] = word
    sentences = [" ".join(ws[i : i + 10]).capitalize() + "." for i in range(0, total, 10)]
    return "\n\n".join(" ".join(sentences[i : i + 10]) for i in range(0, len(sentences), 10))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("total", "hits", "status", "score", "outcome"), [
    (1000, 0, Status.BAD, 4, "none"),
    (1000, 4, Status.BAD, 4, "too_few"),        # 0.41 %
    (1000, 5, Status.GOOD, 9, "good"),          # 0.52 %
    (1000, 29, Status.GOOD, 9, "good"),         # 3.00 %
    (1000, 30, Status.BAD, -10, "too_many"),    # 3.10 %
    (1000, 38, Status.BAD, -10, "too_many"),    # 3.93 %
    (1000, 39, Status.BAD, -50, "stuffing"),    # 4.03 %
    (100, 1, Status.BAD, 4, "too_few"),         # one hit is weak whatever the density
    (100, 2, Status.GOOD, 9, "good"),
])
def test_keyphrase_density_thresholds(lang: str, total: int, hits: int, status: Status, score: int,
                                      outcome: str) -> None:
    result = check(article(lang, _density_body(lang, total, hits)), "keyphrase_density")
    assert (result.status, result.score, result.code) == (status, score, f"keyphrase_density.{outcome}")
    assert result.params["count"] == hits


@pytest.mark.parametrize("lang", LANGS)
def test_keyphrase_density_needs_100_words(lang: str) -> None:
    result = check(article(lang, _density_body(lang, 90, 3)), "keyphrase_density")
    assert result.status is Status.INFO


@pytest.mark.parametrize(("lang", "keyword", "status", "score"), [
    ("fr", "compost maison jardin potager", Status.GOOD, 9),
    ("fr", "le compost de la maison au jardin pour le potager bio", Status.OK, 6),   # 5 content words
    ("en", "alpha beta gamma delta epsilon zeta eta theta", Status.OK, 6),
    ("en", "alpha beta gamma delta epsilon zeta eta theta iota", Status.BAD, 3),
    ("en", "how to start home composting in the garden", Status.GOOD, 9),  # 4 content words
    ("fr", "", Status.BAD, -999),
])
def test_keyphrase_length_counts_content_words(lang: str, keyword: str, status: Status, score: int) -> None:
    result = check(article(lang, paragraph(lang, 50), keyword=keyword), "keyphrase_length")
    assert (result.status, result.score) == (status, score)


def test_keyphrase_length_ignores_function_words() -> None:
    result = check(article("en", "x", keyword="how to grow the best tomatoes"), "keyphrase_length")
    assert result.params["words"] == 3 and result.status is Status.GOOD


def test_no_keyphrase_makes_the_seo_score_bad_and_skips_keyphrase_checks() -> None:
    report = run(article("fr", paragraph("fr", 400), keyword=""))
    assert report.seo_score == 0 and report.seo_status is Status.BAD
    assert report.by_id("keyphrase_in_introduction").status is Status.INFO  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", LANGS)
def test_keyphrase_in_introduction_good_spread_bad(lang: str) -> None:
    a, b = KP[lang].split()
    rest = "\n\n" + paragraph(lang, 40)
    good = check(article(lang, f"{a.capitalize()} {b} est ici. Fin." + rest, keyword=KP[lang]),
                 "keyphrase_in_introduction")
    spread = check(article(lang, f"{a.capitalize()} ici. Et {b} là." + rest, keyword=KP[lang]),
                   "keyphrase_in_introduction")
    bad = check(article(lang, "Rien ici. " + rest + f" {a} {b}.", keyword=KP[lang]),
                "keyphrase_in_introduction")
    assert [good.status, spread.status, bad.status] == [Status.GOOD, Status.OK, Status.BAD]
    assert [good.score, spread.score, bad.score] == [9, 6, 3]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("sentences_with_kp", "status"), [(0, Status.BAD), (1, Status.GOOD),
                                                            (2, Status.GOOD), (3, Status.BAD)])
def test_keyphrase_in_meta_description(lang: str, sentences_with_kp: int, status: Status) -> None:
    desc = " ".join([f"Le {KP[lang]} ici." if lang == "fr" else f"The {KP[lang]} here."] * sentences_with_kp
                    + ["Autre chose." if lang == "fr" else "Something else."])
    assert check(article(lang, "x", keyword=KP[lang], description=desc),
                 "keyphrase_in_meta_description").status is status


@pytest.mark.parametrize(("length", "status", "score"), [
    (0, Status.BAD, 1), (120, Status.OK, 6), (121, Status.GOOD, 9), (156, Status.GOOD, 9), (157, Status.OK, 6),
])
def test_meta_description_length(length: int, status: Status, score: int) -> None:
    for lang in LANGS:
        result = check(article(lang, "x", description="d" * length), "meta_description_length")
        assert (result.status, result.score) == (status, score)


def _sections(lang: str, headings: list[str]) -> str:
    return "\n\n".join(f"## {h}\n\n{paragraph(lang, 20)}" for h in headings)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("matching", "total", "status"), [
    (2, 10, Status.BAD), (3, 10, Status.GOOD), (3, 4, Status.GOOD), (4, 5, Status.BAD), (1, 1, Status.GOOD),
    (0, 3, Status.BAD),
])
def test_keyphrase_in_subheadings_share(lang: str, matching: int, total: int, status: Status) -> None:
    a, b = KP[lang].split()
    heads = [f"Un {a} {b} utile" if lang == "fr" else f"Useful {a} {b}"] * matching
    heads += [f"Seulement {a}" if lang == "fr" else f"Only {a}"] * (total - matching)  # half is not enough
    result = check(article(lang, paragraph(lang, 20) + "\n\n" + _sections(lang, heads), keyword=KP[lang]),
                   "keyphrase_in_subheadings")
    assert result.status is status
    assert result.params["matched"] == matching


def test_keyphrase_in_subheadings_longer_keyphrase_needs_more_than_half() -> None:
    body = paragraph("fr", 20) + "\n\n" + _sections("fr", ["Compost et maison", "Autre chose", "Rien"])
    result = check(article("fr", body, keyword="compost maison facile"), "keyphrase_in_subheadings")
    assert result.params["matched"] == 1 and result.status is Status.GOOD


@pytest.mark.parametrize(("words", "status", "score"), [(300, Status.GOOD, 9), (301, Status.BAD, 2)])
def test_no_subheading_is_bad_only_over_300_words(words: int, status: Status, score: int) -> None:
    """Yoast scores a text without subheadings 9 up to 300 words, 2 beyond."""
    result = check(article("en", paragraph("en", words), keyword="compost"), "keyphrase_in_subheadings")
    assert (result.status, result.score) == (status, score)


@pytest.mark.parametrize("lang", LANGS)
def test_competing_links(lang: str) -> None:
    a = article(lang, f"Voir [{KP[lang]}](https://autre.example/page) ici.", keyword=KP[lang])
    bad = check(a, "competing_links")
    assert bad.status is Status.BAD and a.body[bad.spans[0].start : bad.spans[0].end] == KP[lang]
    good = check(article(lang, "Voir [le guide](https://autre.example/page).", keyword=KP[lang]),
                 "competing_links")
    assert good.status is Status.GOOD


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("alts", "status"), [
    ([], Status.BAD),
    (["KP"], Status.GOOD),
    (["un chat"], Status.OK),
    ([""], Status.OK),
    (["HALF"], Status.GOOD),                        # half of a 2-word keyphrase is enough
    (["KP"] + ["chat"] * 4, Status.OK),             # 20 % of 5 images
    (["KP"] * 2 + ["chat"] * 3, Status.GOOD),       # 40 %
    (["KP"] * 4 + ["chat"], Status.OK),             # 80 %
])
def test_images_and_keyphrase_in_alt(lang: str, alts: list[str], status: Status) -> None:
    alts = [alt.replace("KP", KP[lang]).replace("HALF", KP[lang].split()[1]) for alt in alts]
    body = paragraph(lang, 30) + "\n\n" + "\n\n".join(f"![{alt}](img{i}.png)" for i, alt in enumerate(alts))
    a = article(lang, body, keyword=KP[lang])
    assert check(a, "keyphrase_in_image_alt").status is status
    assert check(a, "images").status is (Status.GOOD if alts else Status.BAD)


def test_html_images_with_alt_count_too() -> None:
    a = article("en", 'Text. <img src="a.png" alt="Home composting bin">', keyword="home composting")
    assert check(a, "keyphrase_in_image_alt").status is Status.GOOD


@pytest.mark.parametrize(("words", "status", "score"), [
    (99, Status.BAD, -20), (100, Status.BAD, -10), (199, Status.BAD, -10), (200, Status.BAD, 3),
    (249, Status.BAD, 3), (250, Status.OK, 6), (299, Status.OK, 6), (300, Status.GOOD, 9),
])
def test_text_length_thresholds(words: int, status: Status, score: int) -> None:
    for lang in LANGS:
        result = check(article(lang, paragraph(lang, words)), "text_length")
        assert (result.status, result.score, result.params["words"]) == (status, score, words)


@pytest.mark.parametrize(("links", "internal", "outbound"), [
    ("", Status.BAD, Status.BAD),
    ("[a](/page) [b](https://other.org/x)", Status.GOOD, Status.GOOD),
    ("[a](https://example.com/x) [b](https://other.org/x){rel=\"nofollow\"}", Status.GOOD, Status.OK),
    ('[a](/p) <a href="https://www.example.com/q" rel="nofollow">b</a> [c](https://o.org) [d](https://p.org)',
     Status.GOOD, Status.GOOD),                 # mixed followed + nofollow: Yoast's 8, good
    ('<a href="/p" rel="nofollow">a</a> <a href="https://o.org" rel="nofollow">b</a>',
     Status.OK, Status.OK),                     # all nofollow: Yoast's 7, ok
    ("[mail](mailto:a@b.c) [top](#top)", Status.BAD, Status.BAD),
])
@pytest.mark.parametrize("lang", LANGS)
def test_internal_and_outbound_links(lang: str, links: str, internal: Status, outbound: Status) -> None:
    a = article(lang, f"Some text {links}.")
    assert check(a, "internal_links", site_url="https://www.example.com").status is internal
    assert check(a, "outbound_links", site_url="https://www.example.com").status is outbound
    scores = {c.id: c.score for c in run(a, site_url="https://www.example.com").checks}
    assert {scores["internal_links"], scores["outbound_links"]} <= {3, 7, 8, 9}


@pytest.mark.parametrize(("lang", "title", "status", "outcome"), [
    ("fr", "Compost maison : le guide", Status.GOOD, "good"),
    ("fr", "Le compost maison sans effort", Status.GOOD, "good"),
    ("fr", "Guide du compost maison", Status.OK, "not_at_start"),
    ("fr", "Maison et compost", Status.OK, "words_only"),
    ("fr", "Guide du jardin", Status.BAD, "bad"),
    ("en", "Home composting: a guide", Status.GOOD, "good"),
    ("en", "A guide to home composting", Status.OK, "not_at_start"),
    ("en", "Composting at home", Status.OK, "words_only"),
    ("en", "Gardening tips", Status.BAD, "bad"),
])
def test_keyphrase_in_title(lang: str, title: str, status: Status, outcome: str) -> None:
    result = check(article(lang, "x", keyword=KP[lang], title=title), "keyphrase_in_title")
    assert (result.status, result.code) == (status, f"keyphrase_in_title.{outcome}")


@pytest.mark.parametrize(("title", "status"), [("a" * 53, Status.GOOD), ("a" * 54, Status.BAD),
                                               ("i" * 135, Status.GOOD), ("i" * 136, Status.BAD),
                                               ("", Status.BAD)])
def test_title_width_in_arial_20px(title: str, status: Status) -> None:
    assert check(article("en", "x", title=title), "title_width").status is status


@pytest.mark.parametrize(("lang", "keyword", "slug", "status"), [
    ("fr", "compost maison", "compost-maison", Status.GOOD),
    ("fr", "compost maison", "compost-facile", Status.OK),
    ("fr", "compost maison", "guide", Status.OK),
    ("fr", "compost maison facile", "compost-maison", Status.GOOD),     # 2 of 3: more than half
    ("fr", "compost maison facile", "compost-guide", Status.OK),
    ("fr", "élève motivé", "eleve-motive", Status.GOOD),
    ("fr", "compost maison", "", Status.BAD),
    ("en", "home composting", "home-composting-guide", Status.GOOD),
    ("en", "home composting", "composting-guide", Status.OK),
    ("en", "home composting tips", "home-composting", Status.GOOD),
    ("en", "home composting tips", "garden-tips", Status.OK),
    ("en", "how to compost at home", "compost-home", Status.GOOD),      # function words ignored
    ("en", "home composting", "", Status.BAD),
])
def test_keyphrase_in_slug(lang: str, keyword: str, slug: str, status: Status) -> None:
    assert check(article(lang, "x", keyword=keyword, slug=slug), "keyphrase_in_slug").status is status


@pytest.mark.parametrize("lang", LANGS)
def test_single_h1_flags_a_second_h1_in_the_body(lang: str) -> None:
    a = article(lang, "Texte.\n\n# Second titre\n\nSuite.\n\nAutre\n=====\n")
    result = check(a, "single_h1")
    assert result.status is Status.BAD and result.params["count"] == 3
    assert a.body[result.spans[1].start :].startswith("# Second titre")
    assert check(article(lang, "Texte."), "single_h1").status is Status.GOOD


@pytest.mark.parametrize(("previous", "status"), [
    ([], Status.GOOD), (["autre chose"], Status.GOOD), (["Compost  MAISON"], Status.OK),
    (["compost maison", "Compost maison"], Status.BAD),
    (['"compost maison"', "compost  maison"], Status.BAD),
])
@pytest.mark.parametrize("lang", LANGS)
def test_previously_used_keyphrase(lang: str, previous: list[str], status: Status) -> None:
    a = article(lang, "x", keyword="compost maison")
    assert check(a, "previously_used_keyphrase", previous_keyphrases=previous).status is status


def _c(score: int) -> CheckResult:
    return CheckResult("x", Group.SEO, Status.GOOD if score >= 8 else Status.BAD, score, "x.y")


@pytest.mark.parametrize(("scores", "value", "status"), [
    ([9, 9, 9], 100, Status.GOOD), ([9, 3], 67, Status.OK), ([9, 6, 3], 67, Status.OK),
    ([9] * 71 + [0] * 29, 71, Status.GOOD), ([9] * 70 + [0] * 30, 70, Status.OK),
    ([9] * 41 + [0] * 59, 41, Status.OK), ([9] * 40 + [0] * 60, 40, Status.BAD),
    ([9, -50], 0, Status.BAD),
])
def test_seo_score_is_yoasts_share_of_nine_points(scores: list[int], value: int, status: Status) -> None:
    assert seo_score([_c(s) for s in scores]) == (value, status)
