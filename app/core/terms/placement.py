"""Which section of the outline each term goes to: the section whose heading and notes share
most of its words (keyphrase matching), else the section with fewest terms so far."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.analysis.keyphrase import match_text, parse_keyphrase
from app.core.models import OutlineSection

MAX_PER_SECTION = 4


def assign_terms(terms: Sequence[str], outline: Sequence[OutlineSection],
                 lang: str) -> list[list[str]]:
    """One list of terms per section of `outline` (same order)."""
    placed: list[list[str]] = [[] for _ in outline]
    if not outline:
        return placed
    for term in terms:
        kp = parse_keyphrase(term, lang)
        scores = [match_text(kp, f"{s.heading} {s.notes}", lang).found if kp.size else 0
                  for s in outline]
        open_ = [i for i in range(len(outline)) if len(placed[i]) < MAX_PER_SECTION]
        if not open_:
            break
        best = max(open_, key=lambda i: (scores[i], -len(placed[i]), -i))
        if scores[best] == 0:
            best = min(open_, key=lambda i: (len(placed[i]), i))
        placed[best].append(term)
    return placed
