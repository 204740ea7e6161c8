"""The report as a whole: every check present, spans the editor can highlight, messages in
both UI languages, incremental re-analysis, hostile HTML, the search-result snippet."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.analysis import Analyzer, Status, check_title, message, parse_html_article
from app.core.analysis.arial import text_width
from app.core.analysis.messages_text import MESSAGES
from tests.core.test_analysis_helpers import article, paragraph, run

CHECK_IDS = {
    "keyphrase_in_introduction", "keyphrase_length", "keyphrase_density", "keyphrase_in_meta_description",
    "meta_description_length", "keyphrase_in_subheadings", "competing_links", "images",
    "keyphrase_in_image_alt", "text_length", "outbound_links", "internal_links", "keyphrase_in_title",
    "title_width", "keyphrase_in_slug", "single_h1", "previously_used_keyphrase", "subheading_distribution",
    "paragraph_length", "sentence_length", "transition_words", "passive_voice", "consecutive_sentences",
    "flesch_reading_ease", "ai_cliches", "french_typography", "claims_to_verify", "language_drift",
    # beyond Yoast's free analysis (shown, not counted in the SEO score)
    "function_words_in_keyphrase", "keyphrase_distribution", "related_keyphrases",
    "keyphrase_in_first_10_percent", "content_length_tiers", "title_number", "title_power_word",
    "url_length", "table_of_contents", "media",
}

RICH_FR = """# Le compost maison

Le compost maison réduit vos déchets. Selon l'ADEME, 30 % des ordures sont compostables !
Dans un monde en constante évolution, plongeons dans le sujet.

## Pourquoi faire un compost maison ?

Le bac est rempli chaque semaine. Vous mélangez. Vous arrosez. Vous attendez.
Voir [notre guide](/guide) et [l'ADEME](https://ademe.fr).

![Un compost maison au jardin](bac.jpg)

- Les épluchures sont ajoutées au bac.
- This line is clearly written in English and not in the language of the article.
"""


def _rich(lang: str = "fr") -> object:
    return article(lang, RICH_FR.split("\n", 2)[2], keyword="compost maison", h1="Le compost maison",
                   title="Compost maison : guide", description="Le compost maison, pas à pas. " + "x" * 100)


def test_every_check_id_is_reported_once_with_a_message_in_both_languages() -> None:
    report = run(_rich())  # type: ignore[arg-type]
    ids = [c.id for c in report.checks]
    assert set(ids) == CHECK_IDS and len(ids) == len(set(ids))
    for c in report.checks:
        for ui in ("fr", "en"):
            text = message(c, ui)
            assert text and text != c.code and "{" not in text, (c.code, ui)
            assert check_title(c.id, ui) != c.id


def test_english_report_has_no_french_typography_check() -> None:
    report = run(article("en", paragraph("en", 50)))
    assert {c.id for c in report.checks} == CHECK_IDS - {"french_typography"}


def test_every_message_exists_in_both_languages_and_reads_like_an_editor() -> None:
    for code, texts in MESSAGES.items():
        assert set(texts) == {"fr", "en"} and texts["fr"] and texts["en"], code
    bad = run(article("fr", "Rien ici.\n\n" + paragraph("fr", 40), keyword="compost")).by_id(
        "keyphrase_in_introduction")
    assert bad is not None and bad.status is Status.BAD
    assert message(bad, "fr") == ("Le mot-clé n'apparaît pas dans l'introduction\u00a0: "
                                  "ajoutez-le dans la première phrase.")
    assert message(bad, "en").startswith("The keyphrase is missing from the introduction")


def test_body_spans_point_at_the_text_they_describe() -> None:
    a = _rich()
    report = run(a)  # type: ignore[arg-type]
    body = a.body  # type: ignore[attr-defined]
    for c in report.checks:
        for span in c.spans:
            assert 0 <= span.start < span.end <= len(getattr(a, span.field)), (c.id, span)
    texts = {c.id: [body[s.start : s.end] for s in c.spans if s.field == "body"] for c in report.checks}
    assert texts["keyphrase_in_introduction"] == ["Le compost maison réduit vos déchets."]
    assert texts["passive_voice"] == ["est rempli", "sont ajoutées"]
    assert texts["ai_cliches"] == ["Dans un monde en constante évolution", "plongeons dans"]
    assert texts["consecutive_sentences"] == ["Vous mélangez. Vous arrosez. Vous attendez."]
    assert texts["keyphrase_in_image_alt"] == ["![Un compost maison au jardin](bac.jpg)"]
    assert texts["internal_links"] == ["notre guide"]
    assert texts["language_drift"][0].startswith("- This line")
    assert " !" in texts["french_typography"]


def test_reanalysis_reuses_paragraphs_and_gives_the_same_report_as_a_fresh_analysis() -> None:
    base = article("fr", "\n\n".join(paragraph("fr", 60, start=i) for i in range(12)), keyword="soleil")
    analyzer = Analyzer()
    first = analyzer.analyze(base)
    blocks = analyzer.computed_blocks
    assert blocks == 12
    again = analyzer.analyze(base)
    assert analyzer.computed_blocks == 0 and again == first
    paragraphs = base.body.split("\n\n")
    paragraphs[5] = paragraphs[5].replace(".", " avec le soleil.", 1)
    edited = replace(base, body="\n\n".join(paragraphs))
    incremental = analyzer.analyze(edited)
    assert analyzer.computed_blocks == 1
    fresh = Analyzer().analyze(edited)
    assert incremental == fresh
    assert incremental.words == first.words + 3


def test_keyphrase_change_rematches_without_recomputing_paragraphs() -> None:
    base = article("en", paragraph("en", 200), keyword="river")
    analyzer = Analyzer()
    analyzer.analyze(base)
    report = analyzer.analyze(replace(base, keyword="mountain"))
    assert analyzer.computed_blocks == 0
    assert report == Analyzer().analyze(replace(base, keyword="mountain"))


HOSTILE = """# Titre

Texte <script>document.write('ATTAQUE')</script> normal <b onclick="alert(1)">gras</b>.

<script>
var compost = "mot caché dans un script";
</script>

<style>.x { color: red }</style>

<img src="x" onerror="alert(1)" alt="compost">

[clic](javascript:alert(1)) et <iframe src="https://evil.example"></iframe>

<!-- commentaire
compost compost compost -->

Fin du texte.
"""


def test_html_and_scripts_in_the_body_are_neither_run_nor_counted() -> None:
    a = article("fr", HOSTILE.split("\n", 2)[2], keyword="compost")
    report = run(a)
    body_words = {c.id: c for c in report.checks}
    assert report.words == 8           # Texte normal gras / clic et / Fin du texte
    assert body_words["images"].params["count"] == 1
    assert body_words["keyphrase_in_image_alt"].status is Status.GOOD
    assert body_words["outbound_links"].status is Status.BAD     # javascript: is not a link
    assert body_words["keyphrase_density"].status is Status.INFO


def test_exported_html_page_is_read_without_running_it() -> None:
    page = """<!doctype html><html lang="fr"><head><title>Compost maison : guide</title>
    <meta name="description" content="Tout sur le compost maison.">
    <link rel="canonical" href="https://example.com/blog/compost-maison/">
    <script>alert('x')</script></head><body><h1>Le compost maison</h1>
    <p>Le <strong>compost maison</strong> réduit les déchets. <a href="https://ademe.fr" rel="nofollow">ADEME</a></p>
    <h2>Pourquoi&nbsp;?</h2><p>Parce que c'est simple.</p><img src="a.jpg" alt="bac à compost">
    <script>document.body.innerHTML = 'x'</script></body></html>"""
    a = parse_html_article(page)
    assert (a.title, a.slug, a.meta_description, a.language) == (
        "Compost maison : guide", "compost-maison", "Tout sur le compost maison.", "fr")
    assert a.h1 == "Le compost maison" and "alert" not in a.body and "innerHTML" not in a.body
    report = run(replace(a, keyword="compost maison"))
    assert report.by_id("keyphrase_in_introduction").status is Status.GOOD  # type: ignore[union-attr]
    assert report.by_id("outbound_links").code == "outbound_links.all_nofollow"  # type: ignore[union-attr]
    assert report.by_id("images").status is Status.GOOD  # type: ignore[union-attr]


def test_snippet_truncates_title_near_600px_and_description_near_920px() -> None:
    long_title = "Composter au jardin toute l'année : le guide complet pour débutants et experts pressés"
    a = article("fr", "x", title=long_title, description="Un mot " * 40, slug="composter")
    snippet = run(a, site_url="https://www.example.com/blog/").snippet
    assert snippet is not None
    assert snippet.title_truncated and snippet.title.endswith(" …")
    assert text_width(snippet.title, 20) <= 600 < snippet.title_px
    assert long_title.startswith(snippet.title[:-2])
    assert snippet.description_truncated and text_width(snippet.description, 14) <= 920
    assert snippet.url == "https://www.example.com/blog/composter"
    short = run(article("en", "x", title="Short title", description="Short.")).snippet
    assert short is not None and not short.title_truncated and short.title == "Short title"


@pytest.mark.parametrize(("text", "px"), [("Hello", 45.56), ("élève", 47.8), ("« OK »", 62.26)])
def test_arial_widths(text: str, px: float) -> None:
    assert text_width(text, 20) == pytest.approx(px, abs=0.01)


NASTY = [
    "", "\n\n\n", "#", "# ", "######", "```\nnever closed", "<script>never closed", "<!-- open",
    "[[[[[[", "]]]](((", "![](", "[a](b", "<a href='x'>unclosed", "*" * 500, "_" * 200, "> > > >",
    "| a | b |\n|---|---|\n| 1 | 2 |", "- \n- \n-", "1.\n2.", "\x00\x01\x02 text \x7f", "…" * 50,
    "😀 " * 100, "a" * 20000, ". . . . .", "M. M. M. M.", "« » « »", "'" * 30, "l' d' qu'",
    "Title\n=====\nText\n-----", "---\ntitle: x\n---\n# H\n\nbody", "\u202f\u00a0 ; : ! ?",
]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_odd_input_never_crashes_and_spans_stay_inside_the_text(lang: str) -> None:
    import random

    rng = random.Random(1234)
    alphabet = list("ab éà'’-.,;:!?«»\"()[]<>*_`#|>\n\n\t0123456789%€") + ["](", "![", "<a href=", "</a>",
                                                                          "<script>", "```", "\n## "]
    samples = NASTY + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400))) for _ in range(60)]
    analyzer = Analyzer()
    for text in samples:
        a = replace(article(lang, "", keyword=rng.choice(["", "a b", '"a"', "é"])), body=text)
        report = analyzer.analyze(a)
        assert 0 <= report.seo_score <= 100 and 0 <= report.flesch <= 100
        for c in report.checks:
            for span in c.spans:
                assert 0 <= span.start <= span.end <= len(getattr(a, span.field)), (text, c.id, span)


def test_one_analyzer_per_thread_gives_the_same_results_as_sequential_runs() -> None:
    from concurrent.futures import ThreadPoolExecutor

    articles = [article(lang, paragraph(lang, 300, start=i), keyword="soleil" if lang == "fr" else "river")
                for i in range(6) for lang in ("fr", "en")]
    expected = [Analyzer().analyze(a) for a in articles]

    def work(a: object) -> object:
        return Analyzer().analyze(a)  # type: ignore[arg-type]

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(work, articles)) == expected


@pytest.mark.parametrize(("count", "fr", "en"), [
    (1, "1 paragraphe dépasse 150 mots\u00a0: coupez-le en deux.", "1 paragraph runs over 150 words: split it."),
    (2, "2 paragraphes dépassent 150 mots\u00a0: coupez-les en deux.", "2 paragraphs run over 150 words: split them."),
])
def test_messages_agree_in_number(count: int, fr: str, en: str) -> None:
    from app.core.analysis import Group
    from app.core.analysis.report import CheckResult

    result = CheckResult("paragraph_length", Group.READABILITY, Status.OK, 6, "paragraph_length.ok",
                         {"count": count, "max": 150, "longest": 170})
    assert (message(result, "fr"), message(result, "en")) == (fr, en)
