"""Builders of articles with exact word, sentence and heading counts for the analysis tests.

The builders' own promises (word counts, sentence counts) are checked here so a threshold
test never passes because its text was not what it claimed to be.
"""

from __future__ import annotations

from dataclasses import replace

from app.core.analysis import Report, analyze
from app.core.analysis.report import CheckResult
from app.core.models import Article, Language

FILLER = {
    "fr": ["arbre", "fleur", "rivière", "montagne", "nuage", "soleil", "forêt", "prairie", "colline", "ruisseau", "lumière", "vent", "pierre", "chemin", "village", "oiseau", "feuille", "racine", "graine", "saison"],
    "en": ["tree", "flower", "river", "mountain", "cloud", "sunshine", "forest", "meadow", "hill", "stream", "light", "wind", "stone", "path", "village", "bird", "leaf", "root", "seed", "season"],
}


def filler_words(lang: str, n: int, start: int = 0) -> list[str]:
    pool = FILLER[lang]
    return [pool[(start + i) % len(pool)] for i in range(n)]


def sentence(lang: str, n: int, start: int = 0, first: str | None = None) -> str:
    """A sentence of exactly n words (capitalised, ends with a period)."""
    ws = filler_words(lang, n, start)
    if first is not None:
        ws[0] = first
    return ws[0].capitalize() + (" " + " ".join(ws[1:]) if n > 1 else "") + "."


def paragraph(lang: str, n_words: int, per_sentence: int = 10, start: int = 0) -> str:
    """n_words words in sentences of `per_sentence` words (the last one shorter)."""
    out, done = [], 0
    while done < n_words:
        k = min(per_sentence, n_words - done)
        out.append(sentence(lang, k, start + done))
        done += k
    return " ".join(out)


def article(
    lang: str = "fr", body_text: str = "", *, keyword: str = "compost", title: str | None = None,
    description: str | None = None, slug: str = "compost", h1: str = "Titre",
) -> Article:
    return Article(
        keyword=keyword, language=Language(lang),
        title=title if title is not None else f"{keyword} guide",
        meta_description=description if description is not None else "x" * 130,
        slug=slug, body=f"# {h1}\n\n{body_text}",
    )


def run(a: Article, **kwargs: object) -> Report:
    return analyze(a, **kwargs)  # type: ignore[arg-type]


def check(a: Article, check_id: str, **kwargs: object) -> CheckResult:
    found = run(a, **kwargs).by_id(check_id)
    assert found is not None, check_id
    return found


def with_body(a: Article, body_text: str) -> Article:
    return replace(a, body=f"# Titre\n\n{body_text}")


# ---- the builders keep their promises

def test_paragraph_builder_gives_the_exact_word_count_in_both_languages() -> None:
    for lang in ("fr", "en"):
        report = run(article(lang, paragraph(lang, 237, per_sentence=12), keyword=""))
        assert report.words == 237
        assert report.sentences == 20      # 19 sentences of 12 words + one of 9


def test_sentence_builder_gives_the_exact_word_count() -> None:
    report = run(article("en", sentence("en", 21), keyword=""))
    assert (report.words, report.sentences) == (21, 1)
