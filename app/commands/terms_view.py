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


def proposal_lines(proposal: Any) -> list[str]:
    """`--terms auto`: the terms, then what was refused from the model and what was added."""
    lines = ["Topic terms: " + ", ".join(f"{t.text} ({t.low}-{t.high})" for t in proposal.terms)]
    if proposal.unreadable:
        lines.append("  The model's list could not be read.")
    if proposal.refused:
        lines.append("  Refused from the model: " + ", ".join(
            f"{r.text} ({r.reason})" for r in proposal.refused))
    added = len(proposal.terms) - proposal.from_model
    if added:
        lines.append(f"  Added from the plan, the site's pages and a short text on the "
                     f"keyword: {added}")
    return lines
