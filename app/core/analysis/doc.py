"""The analysed article as the checks see it: blocks, their facts and keyphrase matches."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from app.core.analysis.facts import BlockFacts, Sentence
from app.core.analysis.keyphrase import Keyphrase, Match
from app.core.analysis.markdown_blocks import Block
from app.core.analysis.report import CheckResult, Group, Span, Status
from app.core.models import Article

PROSE = frozenset({"paragraph", "list_item", "quote", "table"})


@dataclass(slots=True)
class Part:
    block: Block
    facts: BlockFacts
    matches: tuple[Match, ...] = ()     # keyphrase match per sentence

    @property
    def is_heading(self) -> bool:
        return self.block.kind == "heading"

    def span(self, start: int, end: int) -> Span:
        block = self.block
        if end <= start:
            at = min(block.to_body(start), block.end)
            return Span(at, at)
        return Span(block.to_body(start), block.to_body(end - 1) + 1)

    def sentence_span(self, sentence: Sentence) -> Span:
        return self.span(sentence.start, sentence.end)


@dataclass(slots=True)
class Doc:
    article: Article
    lang: str
    keyphrase: Keyphrase | None
    site_url: str | None
    parts: list[Part]                    # the analysed text (the page's H1 line left out)
    h1_count: int
    h1_spans: list[Span] = field(default_factory=list)
    _words: int = -1

    @property
    def words(self) -> int:
        """The article's word count, as the editor header shows it (word_count.py)."""
        if self._words < 0:
            from app.core.analysis.word_count import blocks_words

            self._words = blocks_words(p.block for p in self.parts)
        return self._words

    def prose(self) -> Iterator[Part]:
        return (p for p in self.parts if p.block.kind in PROSE)

    def sentences(self) -> Iterator[tuple[Part, Sentence]]:
        for part in self.prose():
            for sentence in part.facts.sentences:
                yield part, sentence

    def subheadings(self, levels: tuple[int, ...] = (2, 3, 4, 5, 6)) -> list[Part]:
        return [p for p in self.parts if p.is_heading and p.block.level in levels]


def result(
    check_id: str, group: Group, status: Status, score: int, outcome: str,
    spans: tuple[Span, ...] | list[Span] = (), **params: Any,
) -> CheckResult:
    """A check's result; it counts in its group's score unless INFO (see `counted`)."""
    return CheckResult(check_id, group, status, score, f"{check_id}.{outcome}", params, tuple(spans),
                       status is not Status.INFO)


def counted(check: CheckResult, counts: bool) -> CheckResult:
    """The same result, in or out of its group's score (Yoast counts a few zeros it hides)."""
    return replace(check, counted=counts)


def status_of(score: int) -> Status:
    """Yoast's traffic light for a per-check score."""
    if score >= 8:
        return Status.GOOD
    if score >= 5:
        return Status.OK
    return Status.BAD
