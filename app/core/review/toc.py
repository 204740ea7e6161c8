"""A table of contents for a long article: links to its H2 sections, after the introduction.

The anchors are the heading ids the HTML export gives (`app/core/export/sanitise.py`):
the slug of the heading's text, "-2", "-3"… for a repeat, counted over every heading in
order, the H1 included. The analysis' table-of-contents check recognises such a list.
"""

from __future__ import annotations

from app.core.analysis.markdown_blocks import parse_blocks
from app.core.models import Article
from app.core.review.fixes import Fix
from app.core.textutil import slugify

MIN_SECTIONS = 3


def fix_table_of_contents(article: Article) -> Fix | None:
    body = article.body
    seen: set[str] = set()
    entries: list[tuple[str, str]] = []
    first_h2: int | None = None
    for block in parse_blocks(body):
        if block.kind != "heading":
            continue
        value = base = slugify(block.text) or "section"
        n = 1
        while value in seen:
            n += 1
            value = f"{base}-{n}"
        seen.add(value)
        if block.level == 2:
            entries.append((" ".join(block.text.split()), value))
            first_h2 = block.start if first_h2 is None else first_h2
    if first_h2 is None or len(entries) < MIN_SECTIONS:
        return None
    toc = "\n".join(f"- [{text.replace(']', '')}](#{anchor})" for text, anchor in entries)
    after = f"{body[:first_h2].rstrip()}\n\n{toc}\n\n{body[first_h2:]}"
    return Fix("toc", "review.toc.added", "body", body, after, section=0, params={"count": len(entries)})
