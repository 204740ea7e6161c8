"""How often each term occurs in an article, counted like the keyphrase: content words in
any order within a sentence, case and accents ignored, word forms matched by stem
(app/core/analysis/keyphrase.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.analysis.facts import Sentence, block_facts
from app.core.analysis.keyphrase import match_tokens, parse_keyphrase
from app.core.analysis.markdown_blocks import parse_blocks
from app.core.terms.model import Term


@dataclass(frozen=True, slots=True)
class TermCount:
    term: Term
    count: int

    @property
    def status(self) -> str:
        """'missing', 'under', 'ok' or 'over' its range."""
        if self.count == 0:
            return "missing"
        if self.count < self.term.low:
            return "under"
        return "over" if self.count > self.term.high else "ok"


def coverage(body: str, terms: Sequence[Term], lang: str) -> list[TermCount]:
    """Occurrences of each term in the Markdown `body` (the page's H1 line left out)."""
    sentences: list[Sentence] = []
    first_h1 = True
    for block in parse_blocks(body):
        if block.kind == "heading" and block.level == 1 and first_h1:
            first_h1 = False
            continue
        sentences.extend(block_facts(block.text, lang).sentences)
    counts = []
    for term in terms:
        kp = parse_keyphrase(term.text, lang)
        total = 0
        if kp.size:
            for s in sentences:
                total += match_tokens(kp, s.folds, None, s.spans, s.fold_counts).count
        counts.append(TermCount(term, total))
    return counts


def coverage_score(counts: Sequence[TermCount]) -> int:
    """0–100: a term in range counts fully, one under its range in proportion, one over it
    half (stuffing), a missing one not at all."""
    if not counts:
        return 0
    total = 0.0
    for c in counts:
        if c.status == "ok":
            total += 1
        elif c.status == "over":
            total += 0.5
        elif c.status == "under":
            total += c.count / c.term.low
    return round(100 * total / len(counts))
