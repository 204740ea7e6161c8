"""One of each text tool, used everywhere: keyphrase matcher, word count, article codec,
limits, FAQ names; the language packs they read; thread safety of the matcher."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from app.core.analysis import analyze, lints
from app.core.analysis import syllables as syllable_module
from app.core.errors import InputError
from app.core.export.structure import is_faq_heading
from app.core.generation.assemble import fit_meta
from app.core.languages import methods, pack
from app.core.languages.registry import discover
from app.core.limits import META_MAX, META_MIN
from app.core.models import Article, Brief, Language
from app.core.review import keyphrase as kp
from app.core.store.codec import article_from_json, article_to_json
from app.core.textutil import count_words

FRENCH = ("Le compostage domestique réduit les déchets. Un composteur bien placé transforme les "
          "épluchures en terreau. Les jardiniers qui compostent arrosent moins leurs potagers.")


def test_one_word_count_keeps_elisions_hyphens_and_decimals_whole() -> None:
    text = "# Le prix\n\nL’eau coûte 3,5 € le m³ à Aix-en-Provence — **vraiment** ?"
    # Le, prix, L’eau, coûte, 3,5, le, m³, à, Aix-en-Provence, vraiment
    assert count_words(text) == 10


def test_the_fixers_match_the_keyphrase_as_the_analysis_does() -> None:
    # Word forms (plural), another order and an elided article all count, in both tools.
    assert kp.contains(FRENCH, "potager jardinier", Language.FR)
    assert kp.share(FRENCH, "potager bio", Language.FR) == 0.5
    assert kp.starts_with("L’engrais bio pour débutants", "engrais bio", Language.FR)
    article = Article(keyword="potager jardinier", language=Language.FR, title="Compost", meta_description="", slug="compost",
                      body=f"# Compost\n\n{FRENCH}\n")
    check = next(c for c in analyze(article).checks if c.id == "keyphrase_in_introduction")
    assert check.status.value == "good"


def test_the_keyphrase_matcher_is_safe_across_threads() -> None:
    texts = [FRENCH.replace("potagers", word) for word in
             ("potagers", "jardins", "vergers", "balcons", "potager", "terrasses")] * 40
    expected = [kp.contains(t, "potager", Language.FR) for t in texts]
    results: dict[int, list[bool]] = {}
    stems: dict[int, object] = {}

    def work(n: int) -> None:
        stems[n] = methods.stemmer(pack("fr"))
        results[n] = [kp.contains(t, "potager", Language.FR) for t in texts]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[n] == expected for n in range(6))
    assert len({id(s) for s in stems.values()}) == 6       # one stemmer per thread


def test_an_article_from_an_older_batch_queue_is_read_by_the_one_codec() -> None:
    old = json.dumps({"keyword": "compost", "language": "fr", "title": "Compost", "meta_description": "",
                      "slug": "compost", "body": "# Compost\n", "secondary_keywords": [],
                      "faq": [["Quand ?", "Au printemps."]], "created": "2026-01-02T03:04:05+00:00",
                      "model": "qwen3:8b", "extra": {}})
    article = article_from_json(old)
    assert article.faq[0].question == "Quand ?" and article.language is Language.FR
    assert article_from_json(article_to_json(article)).faq == article.faq


def test_a_stored_article_without_a_language_is_guessed_not_assumed_english() -> None:
    data = {"keyword": "compost", "title": "Compost", "body": f"# Compost\n\n{FRENCH}\n"}
    assert article_from_json(json.dumps(data)).language is Language.FR


@pytest.mark.parametrize("length, status", [(META_MIN - 1, "ok"), (META_MIN, "good"),
                                            (META_MAX, "good"), (META_MAX + 1, "ok")])
def test_the_meta_description_limits_are_the_same_for_every_tool(length, status) -> None:
    article = Article(keyword="compost", language=Language.EN, title="Compost", slug="compost",
                      meta_description="x" * length, body="# Compost\n\nText.\n")
    check = next(c for c in analyze(article).checks if c.id == "meta_description_length")
    assert check.status.value == status
    fitted = fit_meta("Compost at home. " * 20, Brief(keyword="compost", language=Language.EN))
    assert META_MIN <= len(fitted) <= META_MAX


def test_faq_sections_are_recognised_by_each_installed_languages_names() -> None:
    assert is_faq_heading("Questions fréquentes sur le compost")
    assert is_faq_heading("Frequently asked questions") and is_faq_heading("FAQ")
    assert not is_faq_heading("Questions de budget")


def test_every_method_a_pack_may_name_is_implemented() -> None:
    assert set(methods.SYLLABLE_COUNTERS) == set(syllable_module.COUNTERS)
    assert set(methods.TYPOGRAPHY_LINTS) - {""} == set(lints.TYPOGRAPHY_LINTS)


def test_a_pack_naming_an_unknown_stemmer_is_refused_with_its_file(tmp_path: Path) -> None:
    folder = tmp_path / "xx"
    for sub in ("p", "a", "m"):
        (folder / sub).mkdir(parents=True)
    (folder / "pack.json").write_text(json.dumps({
        "code": "xx", "name": "Test", "prompts": "p", "analysis": "a", "messages": "m",
        "stemmer": {"name": "porter9"}}), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        discover([tmp_path])
    assert "unknown stemmer 'porter9'" in str(caught.value) and "pack.json" in str(caught.value)
    assert "snowball" in caught.value.hint


def test_french_advice_gets_its_no_break_spaces_from_the_pack() -> None:
    from app.core.analysis import message

    article = Article(keyword="compost", language=Language.FR, title="Compost", meta_description="", slug="compost", body="# Compost\n\nTexte.\n")
    texts = [message(c, "fr") for c in analyze(article).checks]
    assert any("\u00a0:" in t or "\u202f;" in t for t in texts)
    assert not any(" :" in t for t in texts)
