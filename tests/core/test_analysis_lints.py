"""Plume's own lints: AI clichés, French typography, claims to verify, language drift."""

from __future__ import annotations

import pytest

from app.core.analysis import Status, message
from tests.core.test_analysis_helpers import article, check, paragraph, run

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(("lang", "text", "found"), [
    ("en", "In today's fast-paced world, gardens matter. Let's delve into compost.",
     ["In today's fast-paced world", "delve into"]),
    ("en", "In today’s fast-paced world, gardens matter.", ["In today’s fast-paced world"]),
    ("fr", "Dans un monde en constante évolution, le jardin compte. Plongeons dans le compost.",
     ["Dans un monde en constante évolution", "Plongeons dans"]),
    ("fr", "Il est important de noter que le sol vit.", ["Il est important de noter"]),
    ("fr", "Le jardin vit.", []),
])
def test_ai_cliches_are_found_with_their_position(lang: str, text: str, found: list[str]) -> None:
    a = article(lang, text)
    result = check(a, "ai_cliches")
    assert [a.body[s.start : s.end] for s in result.spans] == found
    assert result.status is (Status.GOOD if not found else Status.OK)


def test_ai_cliche_lists_are_editable_resource_files() -> None:
    from app.core.resources import resource_path

    for lang in ("fr", "en"):
        text = resource_path("analysis", lang, "ai_cliches.txt").read_text(encoding="utf-8")
        assert len([line for line in text.splitlines() if line and not line.startswith("#")]) >= 30


@pytest.mark.parametrize(("text", "issues"), [
    (f"Pourquoi{NNBSP}? Parce que{NBSP}: le sol{NNBSP}; enfin{NNBSP}!", 0),
    ("Pourquoi ? Parce que : voilà.", 2),          # plain spaces instead of no-break spaces
    ("Pourquoi? Parce que: voilà.", 2),            # no space at all
    (f"Il dit «{NBSP}bonjour{NBSP}».", 0),
    ("Il dit « bonjour ».", 2),
    ("Il dit «bonjour».", 2),
    ("Voir https://example.com ou 10:30 sans souci.", 0),   # URLs and times are not prose
])
def test_french_typography(text: str, issues: int) -> None:
    result = check(article("fr", text), "french_typography")
    assert result.params.get("count", 0) == issues


def test_french_typography_flags_mixed_apostrophes_and_points_at_them() -> None:
    a = article("fr", "L’eau et l’air. L'eau encore. Aujourd’hui l’herbe.")
    result = check(a, "french_typography")
    assert result.params["kinds"] == {"mixed_apostrophes": 1}
    assert a.body[result.spans[0].start : result.spans[0].end] == "'"


def test_french_typography_asks_for_the_typographic_apostrophe() -> None:
    a = article("fr", "L'eau et l'air du jardin.")
    result = check(a, "french_typography")
    assert result.status is Status.OK and result.params["kinds"] == {"straight_apostrophes": 2}
    assert check(article("fr", "L’eau et l’air du jardin."), "french_typography").status is Status.GOOD


def test_french_typography_checks_title_and_description_and_is_french_only() -> None:
    a = article("fr", "Texte.", title="Compost : le guide", description="Pourquoi ? " + "x" * 120)
    fields = {s.field for s in check(a, "french_typography").spans}
    assert fields == {"title", "meta_description"}
    assert run(article("en", "Why ? Because : yes.")).by_id("french_typography") is None


@pytest.mark.parametrize(("lang", "text", "reasons"), [
    ("fr", "Selon une étude de l'INSEE, le sol vit.", {"source"}),
    ("fr", "Environ 30 % des foyers compostent.", {"percentage"}),
    ("fr", "La loi date de 2016.", {"date"}),
    ("fr", "Il faut 12 semaines.", {"figure"}),
    ("fr", "Il a dit : « le compost change tout au jardin ».", {"quote"}),
    ("en", "According to the EPA, 30% of waste is food.", {"source", "percentage"}),
    ("en", "A 2019 survey found that people compost.", {"date", "source"}),
    ("en", "The garden grows.", set()),
])
def test_claims_to_verify(lang: str, text: str, reasons: set[str]) -> None:
    a = article(lang, text)
    result = check(a, "claims_to_verify")
    if not reasons:
        assert result.status is Status.GOOD and not result.spans
        return
    assert result.status is Status.INFO
    assert set(result.params["reasons"]) == reasons
    assert a.body[result.spans[0].start : result.spans[0].end] == text


def test_language_drift_finds_the_paragraph_in_the_other_language() -> None:
    english = "This paragraph was written in English and it is not what the reader of the article expects."
    a = article("fr", paragraph("fr", 30) + "\n\nLe compost est une affaire de patience et de soin pour le jardin.\n\n"
                + english)
    result = check(a, "language_drift")
    assert result.status is Status.OK
    assert [a.body[s.start : s.end] for s in result.spans] == [english]
    assert "en" in message(result, "fr")
    french = "Ce paragraphe est écrit en français et ce n'est pas ce que le lecteur attend ici."
    b = article("en", "The compost needs patience and care for the garden to thrive.\n\n" + french)
    assert [b.body[s.start : s.end] for s in check(b, "language_drift").spans] == [french]


def test_no_drift_for_a_short_quote_or_a_borrowed_word() -> None:
    a = article("fr", "Le « home staging » est à la mode. Le week-end, on jardine avec les enfants.")
    assert check(a, "language_drift").status is Status.GOOD
