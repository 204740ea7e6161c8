"""Reading the shape of a Markdown body: its H1 and its FAQ section.

Headings inside fenced code blocks are ignored everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from app.core.languages import faq_headings
from app.core.models import FaqItem
from app.core.textutil import fold_accents

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")

def lines_outside_fences(body: str) -> Iterator[tuple[int, str, bool]]:
    """(index, line, inside_fence) for every line of `body`."""
    fence: str | None = None
    for index, line in enumerate(body.split("\n")):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            yield index, line, True
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            yield index, line, True
        else:
            yield index, line, False


def heading(line: str) -> tuple[int, str] | None:
    """(level, text) when `line` is an ATX heading."""
    match = _HEADING.match(line)
    return (len(match.group(1)), match.group(2).strip()) if match else None


def first_h1(body: str) -> tuple[int, str] | None:
    """(line index, text) of the first `# ` heading outside code."""
    for index, line, fenced in lines_outside_fences(body):
        found = None if fenced else heading(line)
        if found and found[0] == 1:
            return index, found[1]
    return None


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold_accents(text).lower()).split())


@cache
def _faq_names() -> tuple[str, ...]:
    return tuple(_normalise(h) for h in faq_headings())


def is_faq_heading(text: str) -> bool:
    """An FAQ section's heading in any installed language ("Questions fréquentes sur …")."""
    name = _normalise(text)
    return any(name == h or name.startswith(h + " ") for h in _faq_names())


def extract_faq(body: str) -> list[FaqItem]:
    """Questions (`### …`) and answers of the body's FAQ section (`## FAQ`, …)."""
    items: list[FaqItem] = []
    in_faq = False
    question: str | None = None
    answer: list[str] = []

    def flush() -> None:
        if question:
            items.append(FaqItem(question=question, answer="\n".join(answer).strip()))

    for _, line, fenced in lines_outside_fences(body):
        found = None if fenced else heading(line)
        if found and found[0] <= 2:
            if in_faq:
                flush()
                question, answer = None, []
            in_faq = found[0] == 2 and is_faq_heading(found[1])
        elif in_faq and found and found[0] == 3:
            flush()
            question, answer = found[1], []
        elif in_faq and question is not None:
            answer.append(line)
    if in_faq:
        flush()
    return items


def first_paragraph(body: str) -> str:
    """The first paragraph of prose (not a heading, list, table, quote or code)."""
    paragraph: list[str] = []
    for _, line, fenced in lines_outside_fences(body):
        stripped = line.strip()
        if (
            fenced
            or not stripped
            or heading(line)
            or stripped[0] in "|>-*+!<"
            or stripped[:2].rstrip(".").isdigit()
        ):
            if paragraph:
                break
            continue
        paragraph.append(stripped)
    return " ".join(paragraph)
