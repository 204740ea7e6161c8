"""Term coverage as the command line prints it (`plume generate --terms`, `plume analyze
--terms`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_MARKS = {"ok": "✓", "over": "▲", "under": "▽", "missing": "✗"}


def coverage_data(article: Any, terms: Sequence[Any]) -> dict[str, Any]:
    from app.core.terms import coverage, coverage_score

    counts = coverage(article.body, terms, str(article.language))
    return {"score": coverage_score(counts),
            "terms": [{"term": c.term.text, "count": c.count, "min": c.term.low,
                       "max": c.term.high, "status": c.status} for c in counts]}


def coverage_lines(article: Any, terms: Sequence[Any]) -> list[str]:
    data = coverage_data(article, terms)
    lines = [f"Term coverage: {data['score']}/100"]
    for t in data["terms"]:
        lines.append(f"  {_MARKS[t['status']]} {t['term']}: {t['count']} "
                     f"(target {t['min']}-{t['max']}, {t['status']})")
    return lines
