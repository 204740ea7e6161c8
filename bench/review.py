"""Self-review: cost of the rule pass and of undo, and what it buys on the sloppy model.

    python -m bench.review              # 2,000 and 10,000 words, fr and en
    python -m bench.review --runs 5

rules  = analyse + every rule fix (each one re-scored) + French typography, no model
undo   = ReviewResult.revert() of the first fix (replay with a three-way merge)
sloppy = the engine's draft with the fake server's "sloppy model" (tests/fake_ollama/sloppy.py),
         then the full review with model revisions: share of checks good, before → after

No performance budget covers the review; the rule pass runs after the model's last token,
so it should stay well under the 2,000-word analysis budget × the number of fixes (~10).
"""

from __future__ import annotations

import argparse
import statistics
import time

from app.core.models import Article, Language
from app.core.review import good_share, run_review
from bench.analysis import make_body

SIZES = (2000, 10000)


def draft(lang: str, words: int) -> Article:
    keyword = "compost maison" if lang == "fr" else "home composting"
    body = make_body(lang, words) + "\n# Second H1\n\nText.\n"
    return Article(keyword=keyword, language=Language(lang), title="A very long title " * 5,
                   meta_description="Too short.", slug="guide", body=body)


def timed(fn, runs: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), value


def sloppy_share(lang: str) -> tuple[float, float, int, int]:
    from app.core.generation.pipeline import ArticleGenerator
    from app.core.llm.client import OllamaService
    from app.core.models import Brief
    from app.core.review import with_review
    from app.core.review.model_reviser import ModelSectionReviser
    from tests.fake_ollama import FakeOllama
    from tests.fake_ollama.sloppy import SloppyModel

    keyword = "compost maison" if lang == "fr" else "home composting"
    with FakeOllama() as fake, OllamaService(fake.url, read_timeout=30) as service:
        fake.on_model("qwen3:8b", SloppyModel())
        generator = ArticleGenerator(service, "qwen3:8b", think=False)
        brief = Brief(keyword=keyword, language=Language(lang), target_words=1200)
        reviser = ModelSectionReviser(service, "qwen3:8b", think=False)
        events = list(with_review(generator.generate(brief), reviser=reviser))
    result = next(e.result for e in events if type(e).__name__ == "ReviewReady")
    checks = [c for c in result.before.checks if c.status.value != "info"]
    return good_share(result.before), good_share(result.after), len(checks), len(result.fixes)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.review")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'lang':4} {'words':>6} {'rules ms':>9} {'fixes':>5} {'undo ms':>8} {'seo':>9} {'read':>7}")
    for lang in ("fr", "en"):
        for words in SIZES:
            article = draft(lang, words)
            ms, result = timed(lambda a=article: run_review(a), args.runs)
            undo_ms, _ = timed(lambda r=result: r.revert(r.fixes[0].id), args.runs)
            b, a = result.before, result.after
            print(f"{lang:4} {words:>6} {ms:>9.1f} {len(result.fixes):>5} {undo_ms:>8.1f} "
                  f"{b.seo_score:>3} → {a.seo_score:<3} {b.readability_score:>2} → {a.readability_score:<2}")
    print()
    print(f"{'sloppy model':14} {'good before':>11} {'good after':>10} {'checks':>6} {'fixes':>5}")
    for lang in ("fr", "en"):
        before, after, total, fixes = sloppy_share(lang)
        print(f"{lang:14} {before:>11.0%} {after:>10.0%} {total:>6} {fixes:>5}")


if __name__ == "__main__":
    main()
