"""Library speed: autosave (every few seconds while typing), save, listing and search.

    python -m bench.library [--articles 1000]

No performance budget covers the library. Practical targets used here: an autosave of a
10,000-word article ≤ 10 ms (it runs in a worker, but holds the library lock), listing or
searching 1,000 articles ≤ 50 ms (the library panel refreshes as you type). Wall-clock
times (SQLite waits for the disk), median of several runs, on a temporary file.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.core.models import Article, Language
from app.core.store import Library

SENTENCE = "Un potager réussi commence par un sol vivant, riche en matière organique. "
TARGET_AUTOSAVE_MS = 10.0
TARGET_LIST_MS = 50.0


def article(words: int, n: int = 0) -> Article:
    body = f"# Potager {n}\n\n" + SENTENCE * (words // len(SENTENCE.split()))
    return Article(f"potager {n}", Language.FR, f"Réussir son potager ({n})", "desc",
                   f"potager-{n}", body)


def median_ms(fn: Callable[[], object], runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp) / "lib.sqlite3") as lib:
        rows: list[tuple[str, float, str]] = []
        for words in (2_000, 10_000):
            doc = article(words)
            draft = lib.autosave(None, doc)
            ms = median_ms(lambda d=doc, i=draft: lib.autosave(None, d, draft_id=i))
            rows.append((f"autosave, {words:,} words", ms, f"≤ {TARGET_AUTOSAVE_MS:g} ms"))
        doc = article(2_000)
        rows.append(("save (insert), 2,000 words", median_ms(lambda: lib.save(doc)), ""))
        existing = lib.list()
        for n in range(len(existing), args.articles):
            lib.save(article(1_200, n))
        count = len(lib.list())
        rows.append((f"list all ({count:,} articles)", median_ms(lib.list),
                     f"≤ {TARGET_LIST_MS:g} ms"))
        rows.append((f"search 'potag' ({count:,})", median_ms(lambda: lib.list("potag")),
                     f"≤ {TARGET_LIST_MS:g} ms"))
        rows.append((f"search 'matiere organique' ({count:,})",
                     median_ms(lambda: lib.list("matiere organique")),
                     f"≤ {TARGET_LIST_MS:g} ms"))
        rows.append(("recoverable() at start", median_ms(lib.recoverable), ""))
        rows.append(("keyphrases_used()", median_ms(lib.keyphrases_used), ""))
        print(f"full-text search: {'FTS5' if lib.full_text else 'LIKE fallback'}")
        print(f"{'operation':<40} {'median ms':>10}  target")
        for name, ms, target in rows:
            print(f"{name:<40} {ms:>10.2f}  {target}")


if __name__ == "__main__":
    main()
