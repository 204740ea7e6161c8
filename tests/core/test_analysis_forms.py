"""Word forms: the keyphrase matches the forms of its own words, not every word sharing a stem."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from app.core.analysis import Status
from app.core.analysis.keyphrase import match_text, parse_keyphrase
from tests.core.test_analysis_helpers import article, check


@pytest.mark.parametrize(("lang", "keyphrase", "text"), [
    ("fr", "jardin", "Deux jardins voisins."),                       # plural
    ("fr", "compost maison", "Les composts maisons mûrissent."),
    ("fr", "isoler combles", "Les combles isolés gardent la chaleur."),   # participle of the verb
    ("fr", "isoler combles", "On isole les combles en hiver."),       # conjugated
    ("fr", "jardinier", "La jardinière arrose."),                      # feminine
    ("fr", "vert", "Une toiture verte."),
    ("fr", "sportif", "Des vacances sportives."),
    ("fr", "cheval", "Les chevaux courent."),                          # irregular plural
    ("fr", "travail", "Des travaux d'isolation."),
    ("en", "home composting", "Composting at home is easy."),          # verb forms
    ("en", "home compost", "We are composting at home."),
    ("en", "garden city", "Garden cities grow."),                      # y -> ies
    ("en", "buy tool", "She bought a tool."),                          # irregular verb
    ("en", "child safety", "Safety for children."),
    ("en", "knife", "Sharp knives."),
])
def test_forms_of_the_keyphrase_words_match(lang: str, keyphrase: str, text: str) -> None:
    assert match_text(parse_keyphrase(keyphrase, lang), text, lang).all_found


@pytest.mark.parametrize(("lang", "keyphrase", "text"), [
    ("en", "insurance", "Every car insurer says so."),                # same stem, another word
    ("en", "insurer", "Insurance is compulsory."),
    ("en", "news", "A new site."),
    ("fr", "isolation", "Il faut isoler les murs."),                   # the noun is not the verb
    ("fr", "isoler", "L'isolation des murs."),
    ("fr", "enfant", "L'enfer des embouteillages."),
    ("fr", "heureux", "Une heure de route."),
    ("fr", "parent", "Un mur bien paré."),
])
def test_words_that_only_share_a_stem_do_not_match(lang: str, keyphrase: str, text: str) -> None:
    assert not match_text(parse_keyphrase(keyphrase, lang), text, lang).found


def test_the_report_names_the_form_that_matched() -> None:
    body = "Les combles isolés gardent la chaleur tout l'hiver. " + "Un texte simple. " * 10
    result = check(article("fr", body, keyword="isoler combles"), "keyphrase_in_introduction")
    assert result.status is Status.GOOD
    assert result.params["forms"] == ["isoles"]


def test_insurer_does_not_count_as_insurance_in_the_density() -> None:
    filler = " ".join(["River stone path village bird leaf root seed season tree."] * 12)
    body = f"Car insurance costs less with a good car insurer. {filler} Every car insurer agrees."
    result = check(article("en", body, keyword="car insurance"), "keyphrase_density")
    assert result.params["count"] == 1                 # the two "car insurer" sentences are not hits


def test_matching_is_the_same_from_many_threads_at_once() -> None:
    """No shared stemmer state: eight threads matching words never seen before agree."""
    words = [f"{stem}{end}" for stem in ("zorb", "quib", "flonk", "mizzl", "trav") for end in
             ("", "s", "ing", "ed")]

    def run(i: int) -> list[bool]:
        kp = parse_keyphrase(f"zorb quib {words[i % len(words)]}", "en")
        return [match_text(kp, f"The zorbs quibbed {w} today.", "en").all_found for w in words]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, range(64)))
    for i, found in enumerate(results):
        assert found == run(i)


@pytest.mark.parametrize(("lang", "a", "b", "same"), [
    ("en", "home composting", "home compost", True),
    ("en", "garden tools", "gardens tool", True),
    ("en", "car insurance", "car insurer", False),
    ("fr", "combles isolées", "isoler combles", True),
    ("fr", "compost maison", "composts maisons", True),
    ("fr", "isolation combles", "isoler combles", False),
])
def test_forms_of_one_word_share_one_key(lang: str, a: str, b: str, same: bool) -> None:
    """The key callers compare keyphrases by (duplicate keywords in a batch, the slug fixer)."""
    assert (sorted(parse_keyphrase(a, lang).stems) == sorted(parse_keyphrase(b, lang).stems)) is same


def test_whole_analyses_in_parallel_threads_equal_the_sequential_ones() -> None:
    """Word forms, syllables and word lists are read from several threads at once (the editor's
    worker, a batch's slots): every report is the one a single thread gives."""
    from pathlib import Path

    from app.core.analysis import Analyzer
    from app.core.export.markdown import parse_markdown

    corpus = sorted((Path(__file__).parent / "analysis_corpus").glob("*.md"))
    articles = [parse_markdown(p.read_text(encoding="utf-8")) for p in corpus]
    expected = [Analyzer().analyze(a) for a in articles]

    def run(i: int) -> tuple[int, object]:
        return i % len(articles), Analyzer().analyze(articles[i % len(articles)])

    with ThreadPoolExecutor(max_workers=8) as pool:
        for index, report in pool.map(run, range(40)):
            assert report == expected[index]
