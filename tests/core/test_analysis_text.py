"""Reading prose: sentences, words, keyphrase matching, syllables (French and English)."""

from __future__ import annotations

import pytest

from app.core.analysis import message
from app.core.analysis.keyphrase import match_text, parse_keyphrase
from app.core.analysis.lexicon import lexicon
from app.core.analysis.markdown_blocks import parse_blocks
from app.core.analysis.text import base_form, split_sentences, words
from tests.core.test_analysis_helpers import article, check, paragraph


def _sentences(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lexicon(lang).abbreviations)]


@pytest.mark.parametrize(("text", "expected"), [
    ("M. Dupont est venu. Il a dit bonjour.", ["M. Dupont est venu.", "Il a dit bonjour."]),
    ("Mme Martin, p. ex., composte. Puis elle arrose.", ["Mme Martin, p. ex., composte.", "Puis elle arrose."]),
    ("Il mesure 3,5 m. Ensuite il part.", ["Il mesure 3,5 m.", "Ensuite il part."]),
    ("Le taux passe à 3.5 ou 4,2 %. Voilà.", ["Le taux passe à 3.5 ou 4,2 %.", "Voilà."]),
    ("Des pommes, etc. Ensuite des poires, etc. et des prunes.",
     ["Des pommes, etc.", "Ensuite des poires, etc. et des prunes."]),
    ("Il attendit… Puis il partit. Il hésita... puis reprit.",
     ["Il attendit…", "Puis il partit.", "Il hésita... puis reprit."]),
    ("« C'est prêt. » Il sourit. Vraiment ? Oui !", ["« C'est prêt. »", "Il sourit.", "Vraiment ?", "Oui !"]),
])
def test_french_sentences_respect_abbreviations_decimals_ellipses_and_guillemets(
    text: str, expected: list[str]
) -> None:
    assert _sentences(text, "fr") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Dr. Smith arrived. He sat down.", ["Dr. Smith arrived.", "He sat down."]),
    ("Fruit, e.g. apples, is good. The U.S. Army came.", ["Fruit, e.g. apples, is good.", "The U.S. Army came."]),
    ("J. K. Rowling wrote it. It sold.", ["J. K. Rowling wrote it.", "It sold."]),
    ("Prices rose 3.5 percent. Then they fell.", ["Prices rose 3.5 percent.", "Then they fell."]),
    ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
    ("Wait... What? Yes! Sure.", ["Wait...", "What?", "Yes!", "Sure."]),
])
def test_english_sentences_respect_abbreviations_initials_decimals_and_quotes(
    text: str, expected: list[str]
) -> None:
    assert _sentences(text, "en") == expected


def test_words_keep_elisions_hyphens_and_numbers_whole() -> None:
    found = [w for _, _, w in words("L’eau jusqu'à aujourd'hui : arc-en-ciel, 3,5 kg, 10.5 %, don’t.")]
    assert found == ["l'eau", "jusqu'à", "aujourd'hui", "arc-en-ciel", "3,5", "kg", "10.5", "don't"]
    assert base_form("l'eau", "fr") == "eau"
    assert base_form("qu'il", "fr") == "il"
    assert base_form("keyphrase's", "en") == "keyphrase"


@pytest.mark.parametrize(("kp", "text", "lang"), [
    ("introduction", "Voici l’introduction du texte.", "fr"),
    ("introduction", "Voici l'introduction du texte.", "fr"),
    ("élève", "Chaque ELEVE apprend.", "fr"),
    ("comment composter au jardin", "Au jardin, composter est facile.", "fr"),
    ("Home Composting", "composting at HOME is easy", "en"),
    ("how to grow tomatoes", "Tomatoes grow fast.", "en"),
])
def test_keyphrase_matches_ignore_case_accents_elisions_order_and_function_words(
    kp: str, text: str, lang: str
) -> None:
    assert match_text(parse_keyphrase(kp, lang), text, lang).all_found


def test_word_forms_match_and_are_reported_as_forms() -> None:
    fr = match_text(parse_keyphrase("jardin potager", "fr"), "Nos jardins potagers.", "fr")
    assert fr.all_found and set(fr.via_forms) == {"jardins", "potagers"}
    en = match_text(parse_keyphrase("compost", "en"), "Composting works.", "en")
    assert en.all_found and en.via_forms == ("composting",)
    exact = match_text(parse_keyphrase("compost", "en"), "Compost works.", "en")
    assert exact.all_found and exact.via_forms == ()


def test_word_form_match_is_named_in_the_editor_message() -> None:
    body = "Nos jardins sont beaux. " + paragraph("fr", 40)
    result = check(article("fr", body, keyword="jardin"), "keyphrase_in_introduction")
    assert result.status == "good"
    assert "jardins" in message(result, "fr") and "forme" in message(result, "fr")
    assert "word forms: jardins" in message(result, "en")


def test_quoted_keyphrase_must_match_exactly_as_a_phrase() -> None:
    kp = parse_keyphrase('"compost maison"', "fr")
    assert match_text(kp, "Le compost maison est prêt.", "fr").all_found
    assert not match_text(kp, "La maison a son compost.", "fr").all_found
    assert not match_text(kp, "Les composts maisons.", "fr").all_found


def test_keyphrase_of_only_function_words_keeps_them() -> None:
    assert parse_keyphrase("how to", "en").folds == ("how", "to")


def test_markdown_markup_is_not_text_but_offsets_point_into_the_body() -> None:
    body = "# H1\n\nUn **texte** avec [un lien](https://x.fr) et `code`.\n\n```\nnot prose\n```\n"
    blocks = parse_blocks(body)
    assert [b.kind for b in blocks] == ["heading", "paragraph"]
    para = blocks[1]
    assert para.text == "Un texte avec un lien et code."
    start = para.text.index("lien")
    assert body[para.to_body(start) : para.to_body(start) + 4] == "lien"
    assert para.inline.links[0].href == "https://x.fr"


def test_english_syllables_equal_textstat_counts_from_the_shipped_cmu_dictionary() -> None:
    from textstat.backend.counts import count_syllables

    from app.core.analysis import syllables

    sample = ["fire", "compost", "beautiful", "the", "queue", "plume", "xylophone", "abracadabrax"]
    for word in sample:
        assert syllables.count(word, "en") == count_syllables(word, "en_US"), word
    for word in ["jardinage", "élève", "compostage", "aujourd'hui"]:
        assert syllables.count(word, "fr") == count_syllables(word, "fr"), word
