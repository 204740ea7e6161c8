"""Export speed: Markdown → sanitised HTML (the GUI live preview), full pages, files.

    python -m bench.export

Budget: render_body of a 2,000-word article ≈ 10 ms warm, so the live preview can
refresh on every debounce. render_body caches each section's HTML, so two cases are shown: the
first render of a text (nothing cached: Python-Markdown's own speed is the floor) and the
preview while typing (one section changed since the last render). No other export step has
a budget; the rest is reported. Times are CPU time of the calling thread
(`time.thread_time`), so other work on this shared 2-core machine does not inflate them; file
writes therefore exclude the wait for the disk.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import markdown

from app.core.export.files import write_article
from app.core.export.html import render_body, render_fragment, render_page
from app.core.export.markdown import parse_markdown, to_markdown
from app.core.export.sanitise import _render_section
from app.core.models import Article, FaqItem, Language

BUDGET_BODY_MS = 10.0
SENTENCE = (
    "Un potager **réussi** commence par un sol vivant, riche en "
    "[matière organique](https://example.org), "
    "bien drainé et exposé au soleil au moins six heures par jour. "
)


def make_body(words: int) -> str:
    per_sentence = len(SENTENCE.split())
    sections: list[str] = ["# Réussir son potager : le guide complet", ""]
    written, n = 0, 0
    while written < words:
        n += 1
        sections += [f"## Étape {n} : préparer le terrain", ""]
        for _ in range(3):
            sections += [SENTENCE * 4, ""]
            written += per_sentence * 4
        sections += ["- pailler le sol", "- arroser le matin", "- tailler les gourmands", ""]
        if n % 3 == 0:
            sections += [
                "| Légume | Semis | Récolte |",
                "|---|:-:|--:|",
                "| Tomate | Mars | Août |",
                "",
            ]
        written += 12
    sections += ["## FAQ", "", "### Quand planter ?", "", "En mai.", ""]
    return "\n".join(sections)


def _cold(body: str) -> str:
    _render_section.cache_clear()
    return render_body(body)


def _typing(body: str) -> Callable[[], object]:
    """Each call changes one word of one section, as a writer typing in the editor does."""
    count = [0]

    def edit() -> str:
        count[0] += 1
        return render_body(body.replace("Étape 2 :", f"Étape 2 ({count[0]}) :", 1))

    return edit


def timed(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    function()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.thread_time()
        function()
        samples.append((time.thread_time() - start) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    rows: list[tuple[str, int, float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        for words in (2000, 10000):
            body = make_body(words)
            count = len(body.split())
            article = Article(
                keyword="potager",
                language=Language.FR,
                title="Potager : le guide",
                meta_description="Guide.",
                slug="potager",
                body=body,
                faq=[FaqItem("Quand planter ?", "En mai.")],
                created=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            )
            text = to_markdown(article, "hugo")
            repeat = 30 if words <= 2000 else 10
            cases: list[tuple[str, Callable[[], object]]] = [
                ("  python-markdown alone (floor)", lambda b=body: markdown.Markdown().convert(b)),
                ("render_body, first render", lambda b=body: _cold(b)),
                ("render_body, one section edited", _typing(body)),
                ("render_page", lambda a=article: render_page(a, site_url="https://example.com/")),
                ("render_fragment (html+text)", lambda a=article: render_fragment(a)),
                ("to_markdown (hugo)", lambda a=article: to_markdown(a, "hugo")),
                ("parse_markdown", lambda t=text: parse_markdown(t)),
                (
                    "write_article md+html (fsync)",
                    lambda a=article: write_article(
                        a, Path(folder), ("md", "html"), overwrite=True
                    ),
                ),
            ]
            for name, function in cases:
                median, worst = timed(function, repeat)
                rows.append((name, count, median, worst))
    print(f"{'operation (CPU time)':32} {'words':>7} {'median ms':>10} {'max ms':>8}")
    for name, count, median, worst in rows:
        print(f"{name:32} {count:7d} {median:10.2f} {worst:8.2f}")
    for case in ("render_body, first render", "render_body, one section edited"):
        median = next(m for name, count, m, _ in rows if name == case and count < 5000)
        verdict = "OK" if median <= BUDGET_BODY_MS else "OVER BUDGET"
        print(
            f"budget: {case}, ~2,000 words ≤ {BUDGET_BODY_MS:.0f} ms → {median:.2f} ms ({verdict})"
        )


if __name__ == "__main__":
    main()
