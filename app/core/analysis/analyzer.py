"""The Analyzer: one article in, one Report out, reusing per-paragraph work between calls.

Per block (paragraph, list item, heading…) the costly part — sentences, words,
syllables, passive voice, transitions, clichés, claims — is cached by the block's plain
text and language; keyphrase matches by block text and keyphrase. After a one-sentence
edit only the edited paragraph is recomputed. Caches keep the blocks seen in the last two
analyses, so memory follows the document. One Analyzer per thread (or editor). A text over
MAX_CHARACTERS is refused with an InputError before any work.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.analysis.doc import Doc, Part
from app.core.analysis.facts import BlockFacts, block_facts
from app.core.analysis.keyphrase import Keyphrase, Match, match_tokens, parse_keyphrase
from app.core.analysis.lints import lint_checks
from app.core.analysis.markdown_blocks import Block, parse_blocks
from app.core.analysis.readability import readability_checks, readability_score, reading_minutes
from app.core.analysis.report import Report, Span
from app.core.analysis.seo import seo_checks, seo_score
from app.core.analysis.snippet import build_snippet
from app.core.errors import InputError
from app.core.languages import pack
from app.core.models import Article

# Longest text analysed: about 170,000 words, far beyond any article. Analysis time and
# memory grow linearly (≈1.5 s and ≈50 MB per million characters on 2 cores); above this
# the text is refused at once with a clear message rather than freezing for minutes.
MAX_CHARACTERS = 1_000_000

_FactsKey = tuple[str, str]
_MatchKey = tuple[str, str, tuple[bool, tuple[str, ...]]]


class Analyzer:
    """Scores articles; keep one per editor so re-scoring after an edit stays cheap."""

    def __init__(self) -> None:
        self._facts: dict[_FactsKey, BlockFacts] = {}
        self._old_facts: dict[_FactsKey, BlockFacts] = {}
        self._matches: dict[_MatchKey, tuple[Match, ...]] = {}
        self._old_matches: dict[_MatchKey, tuple[Match, ...]] = {}
        self.computed_blocks = 0        # blocks analysed from scratch by the last call

    def analyze(
        self, article: Article, *, site_url: str | None = None,
        previous_keyphrases: Sequence[str] | None = None,
    ) -> Report:
        size = len(article.body) + len(article.title) + len(article.meta_description)
        if size > MAX_CHARACTERS:
            raise InputError(
                f"This text is too long to analyse: {size:,} characters (the limit is {MAX_CHARACTERS:,}, "
                "about 170,000 words).",
                hint="Split it into separate articles, or analyse one part at a time.")
        lang = pack(str(article.language)).code     # an uninstalled language is an InputError
        self._rotate()
        keyphrase = parse_keyphrase(article.keyword, lang) if article.keyword.strip() else None
        doc = self._document(article, lang, keyphrase, site_url)
        checks = seo_checks(doc, previous_keyphrases)
        read_checks, ease = readability_checks(doc)
        checks += read_checks
        checks += lint_checks(doc)
        seo_value, seo_status = seo_score(checks)
        read_value, read_status = readability_score(checks)
        sentences = sum(len(p.facts.sentences) for p in doc.prose())
        return Report(
            language=lang,
            seo_score=seo_value, seo_status=seo_status,
            readability_score=read_value, readability_status=read_status,
            flesch=ease, words=doc.words, sentences=sentences,
            reading_minutes=reading_minutes(doc.words, lang),
            checks=tuple(checks),
            snippet=build_snippet(article.title, article.meta_description, site_url, article.slug),
        )

    # ---- Private

    def _rotate(self) -> None:
        """Forget blocks not seen in the last two analyses."""
        self._old_facts, self._facts = self._facts, {}
        self._old_matches, self._matches = self._matches, {}
        self.computed_blocks = 0

    def _facts_for(self, block: Block, lang: str) -> BlockFacts:
        key = (block.text, lang)
        facts = self._facts.get(key) or self._old_facts.get(key)
        if facts is None:
            facts = block_facts(block.text, lang)
            self.computed_blocks += 1
        self._facts[key] = facts
        return facts

    def _matches_for(self, block: Block, facts: BlockFacts, lang: str, kp: Keyphrase) -> tuple[Match, ...]:
        key = (block.text, lang, kp.signature)
        found = self._matches.get(key) or self._old_matches.get(key)
        if found is None:
            found = tuple(
                match_tokens(kp, s.folds, None, s.spans, s.fold_counts)
                for s in facts.sentences
            )
        self._matches[key] = found
        return found

    def _document(self, article: Article, lang: str, kp: Keyphrase | None, site_url: str | None) -> Doc:
        parts: list[Part] = []
        h1_spans: list[Span] = []
        skipped_page_h1 = False
        for block in parse_blocks(article.body):
            if block.kind == "heading" and block.level == 1:
                h1_spans.append(Span(block.start, block.end))
                if not skipped_page_h1 and not parts:
                    skipped_page_h1 = True      # the page's H1 is its headline, not body text
                    continue
            facts = self._facts_for(block, lang)
            matches = self._matches_for(block, facts, lang, kp) if kp is not None and kp.size else ()
            parts.append(Part(block, facts, matches))
        return Doc(article, lang, kp, site_url, parts, len(h1_spans), h1_spans)
