"""The article's word count: the one number the editor header, the score panel and the
library show.

Words a reader sees in the body: Markdown markers, link targets, image paths, code blocks
and HTML left out (`markdown_blocks.parse_blocks`), and the page's H1 too — it is the
headline, not body text (as Yoast counts a post's content apart from its title).
"""

from __future__ import annotations

from collections.abc import Iterable

from app.core.analysis.markdown_blocks import Block, parse_blocks
from app.core.textutil import count_words


def blocks_words(blocks: Iterable[Block]) -> int:
    """Words of already-read blocks."""
    return sum(count_words(block.text) for block in blocks)


def without_headline(blocks: list[Block]) -> list[Block]:
    """The blocks after the page's headline: an H1 that comes before any other block."""
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        return blocks[1:]
    return blocks


def article_words(body: str) -> int:
    """Words a reader sees in a Markdown article body, its headline left out."""
    return blocks_words(without_headline(parse_blocks(body)))
