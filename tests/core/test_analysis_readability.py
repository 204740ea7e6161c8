"""Readability checks at their thresholds, the readability score and Flesch, in fr and en."""

from __future__ import annotations

import pytest

from app.core.analysis import Group, Status
from app.core.analysis.readability import readability_score
from app.core.analysis.report import CheckResult
from tests.core.test_analysis_helpers import article, check, paragraph, run, sentence

LANGS = ("fr", "en")


def _mix(lang: str, total: int, marked: int, marked_sentence: str, plain: str) -> str:
    """`total` sentences, `marked` of them special, spread out, in paragraphs of 10 sentences."""
    chosen = {round(i * total / marked) for i in range(marked)} if marked else set()
    sentences = [marked_sentence if i in chosen else plain for i in range(total)]
    return "\n\n".join(" ".join(sentences[i : i + 10]) for i in range(0, total, 10))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("total", "long", "status"), [
    (4, 1, Status.GOOD),      # 25 %
    (50, 13, Status.OK),      # 26 %
    (10, 3, Status.OK),       # 30 %
    (100, 31, Status.BAD),    # 31 %
])
def test_sentence_length_share_over_20_words(lang: str, total: int, long: int, status: Status) -> None:
    body = _mix(lang, total, long, sentence(lang, 21), sentence(lang, 6, start=3))
    result = check(article(lang, body), "sentence_length")
    assert result.status is status and result.params["count"] == long
    assert len(result.spans) == long


def test_a_sentence_of_exactly_20_words_is_not_long() -> None:
    for lang in LANGS:
        assert check(article(lang, sentence(lang, 20)), "sentence_length").params["count"] == 0


@pytest.mark.parametrize(("words", "status"), [(150, Status.GOOD), (151, Status.OK), (200, Status.OK),
                                               (201, Status.BAD)])
def test_paragraph_length(words: int, status: Status) -> None:
    for lang in LANGS:
        a = article(lang, paragraph(lang, 40) + "\n\n" + paragraph(lang, words))
        result = check(a, "paragraph_length")
        assert result.status is status
        if status is not Status.GOOD:
            assert a.body[result.spans[0].start : result.spans[0].end] == paragraph(lang, words)


@pytest.mark.parametrize(("section", "status"), [(300, Status.GOOD), (301, Status.OK), (350, Status.OK),
                                                 (351, Status.BAD)])
def test_subheading_distribution(section: int, status: Status) -> None:
    for lang in LANGS:
        body = paragraph(lang, 50) + "\n\n## Partie\n\n" + paragraph(lang, section - 100) + "\n\n" + paragraph(lang, 100)
        assert check(article(lang, body), "subheading_distribution").status is status


@pytest.mark.parametrize(("words", "status"), [(300, Status.GOOD), (301, Status.BAD)])
def test_no_subheadings_is_bad_over_300_words(words: int, status: Status) -> None:
    assert check(article("fr", paragraph("fr", words)), "subheading_distribution").status is status


TRANSITION = {"fr": "Cependant le soleil brille fort.", "en": "However the sun shines bright."}
NO_TRANSITION = {"fr": "Le soleil brille fort.", "en": "The sun shines bright."}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("share", "status"), [(19, Status.BAD), (20, Status.OK), (29, Status.OK),
                                               (30, Status.GOOD)])
def test_transition_words_share(lang: str, share: int, status: Status) -> None:
    body = _mix(lang, 100, share, TRANSITION[lang], NO_TRANSITION[lang])
    result = check(article(lang, body), "transition_words")
    assert result.status is status and result.params["percent"] == share


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "D'une part le sol respire, d'autre part il garde l'eau."),
    ("fr", "Non seulement le sol respire mais aussi il garde l'eau."),
    ("fr", "Par conséquent le sol respire."),
    ("en", "Not only does the soil breathe but it also keeps water."),
    ("en", "On the other hand the soil breathes."),
    ("en", "Either the soil breathes or it dies."),
])
def test_transition_words_include_phrases_and_two_part_ones(lang: str, text: str) -> None:
    body = _mix(lang, 20, 10, text, NO_TRANSITION[lang]) + "\n\n" + paragraph(lang, 150, per_sentence=25)  # 10 of 26
    assert check(article(lang, body), "transition_words").status is Status.GOOD


def test_transition_words_need_200_words() -> None:
    assert check(article("en", TRANSITION["en"] * 2), "transition_words").status is Status.INFO


PASSIVE = {"fr": "Le rapport est publié par la mairie.", "en": "The report was written by the team."}
ACTIVE = {"fr": "La mairie publie le rapport.", "en": "The team wrote the report."}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("share", "status"), [(10, Status.GOOD), (11, Status.OK), (15, Status.OK),
                                               (16, Status.BAD)])
def test_passive_voice_share(lang: str, share: int, status: Status) -> None:
    result = check(article(lang, _mix(lang, 100, share, PASSIVE[lang], ACTIVE[lang])), "passive_voice")
    assert result.status is status and result.params["count"] == share


@pytest.mark.parametrize(("lang", "text", "passive"), [
    ("fr", "Le compost a été retourné hier.", "été retourné"),
    ("fr", "Les graines sont souvent choisies avec soin.", "sont souvent choisies"),
    ("fr", "Le texte est écrit par Marie.", "est écrit"),
    ("fr", "Il est arrivé hier.", None),               # être + verbe de mouvement : passé composé
    ("fr", "Elle s'est lavée.", None),                  # pronominal
    ("fr", "Il est aussi grand.", None),
    ("fr", "C'est une bonne idée.", None),
    ("fr", "La société est située à Lyon.", "est située"),
    ("en", "The bin is being built.", "is being built"),
    ("en", "Mistakes were made.", "were made"),
    ("en", "The heap got turned.", "got turned"),
    ("en", "The door is red.", None),
    ("en", "She is tall.", None),
    ("en", "We have finished.", None),
])
def test_passive_voice_detection_with_exceptions(lang: str, text: str, passive: str | None) -> None:
    a = article(lang, text)
    result = check(a, "passive_voice")
    found = [a.body[s.start : s.end] for s in result.spans]
    assert found == ([passive] if passive else [])


@pytest.mark.parametrize(("lang", "text", "status"), [
    ("fr", "Vous semez. Vous arrosez. Vous récoltez.", Status.BAD),
    ("fr", "Vous semez. Vous arrosez. Puis vous récoltez.", Status.GOOD),
    ("fr", "Le chat dort. Le chien joue. Le loup hurle.", Status.GOOD),     # article + next word
    ("fr", "Le chat dort. Le chat joue. Le chat mange.", Status.BAD),
    ("en", "You sow. You water. You harvest. You eat.", Status.BAD),
    ("en", "The cat sleeps. The dog plays. The wolf howls.", Status.GOOD),
])
def test_consecutive_sentences_with_the_same_first_word(lang: str, text: str, status: Status) -> None:
    result = check(article(lang, text), "consecutive_sentences")
    assert result.status is status


def _r(status: Status) -> CheckResult:
    return CheckResult("x", Group.READABILITY, status, 0, "x.y")


@pytest.mark.parametrize(("statuses", "value", "status"), [
    ([Status.GOOD] * 6, 90, Status.GOOD),
    ([Status.OK, Status.OK], 90, Status.GOOD),               # 4 points
    ([Status.BAD, Status.OK], 60, Status.OK),                # 5
    ([Status.BAD, Status.BAD], 60, Status.OK),               # 6
    ([Status.BAD, Status.OK, Status.OK], 30, Status.BAD),    # 7
    ([Status.INFO, Status.OK], 90, Status.GOOD),
])
def test_readability_score_penalty_points(statuses: list[Status], value: int, status: Status) -> None:
    assert readability_score([_r(s) for s in statuses]) == (value, status)


def test_flesch_uses_each_languages_formula_and_clamps() -> None:
    from app.core.analysis import syllables

    for lang, (base, per_sentence, per_syllable) in {"fr": (207, 1.015, 73.6),
                                                     "en": (206.835, 1.015, 84.6)}.items():
        text = sentence(lang, 25) + " " + sentence(lang, 15, start=4)
        ws = [w.strip(".").lower() for w in text.split()]
        expected = base - per_sentence * 40 / 2 - per_syllable * sum(syllables.count(w, lang) for w in ws) / 40
        assert 0 < expected < 100
        assert run(article(lang, text, keyword="")).flesch == pytest.approx(expected, abs=0.05)
    assert run(article("en", "The cat sat. It is fat. I read.", keyword="")).flesch == 100.0  # clamped
    hard = run(article("en", "Institutionalization internationalization characteristically "
                             "incomprehensibility.", keyword=""))
    assert hard.flesch == 0.0
    band = hard.by_id("flesch_reading_ease")
    assert band is not None and band.status is Status.INFO and band.code.endswith("very_difficult")


def test_flesch_ignores_numbers() -> None:
    words = sentence("en", 20).rstrip(".").split()
    with_numbers = " ".join(words[:5] + ["12345"] + words[5:] + ["2024"]) + "."
    a = run(article("en", " ".join(words) + ".", keyword=""))
    b = run(article("en", with_numbers, keyword=""))
    assert a.flesch == b.flesch and 0 < a.flesch < 100


def test_reading_time_and_counts() -> None:
    report = run(article("fr", paragraph("fr", 390), keyword=""))
    assert report.words == 390 and report.reading_minutes == 2.0       # 195 words a minute
