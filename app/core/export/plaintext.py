"""Plain text from sanitised HTML: the twin pasted where rich text is refused.

Paragraphs and headings are separated by a blank line, list items start with "- " or
"1. ", table cells are joined by " | ", links keep their address in brackets, code blocks
keep their spacing.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "pre",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "details",
        "summary",
        "hr",
        "div",
        "caption",
    ]
)
_SPACES = re.compile(r"[ \t\r\n\f]+")
_BREAK = "\x00"  # a <br>, turned into a newline once spaces are collapsed
_INDENT = "\x01"  # nested list indentation, kept through space collapsing
_MARKER = re.compile(r"^\s*\x01*(?:-|\d+\.) \s*$")


class _TextBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []  # (text, "li"/"tr" when lines of one group)
        self.tight = ""
        self.line: list[str] = []
        self.lists: list[list[int]] = []  # [counter] per open list; counter < 0 for bullets
        self.pre = 0
        self.cells: list[str] | None = None
        self.href: list[str | None] = []
        self.link_text: list[str] = []

    # ---- block handling
    def _flush(self) -> None:
        text = "".join(self.line)
        if not self.pre:
            parts = (_SPACES.sub(" ", part).strip() for part in text.split(_BREAK))
            text = "\n".join(parts).strip().replace(_INDENT, "  ")
        if text.strip():
            self.blocks.append((text.rstrip("\n"), self.tight))
        self.line = []
        self.tight = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS and tag not in ("li", "td", "th") and not self._marker_only():
            self._flush()
        if tag == "br":
            self.line.append("\n" if self.pre else _BREAK)
        elif tag == "pre":
            self.pre += 1
        elif tag == "ul":
            self.lists.append([-1])
        elif tag == "ol":
            start = dict(attrs).get("start") or "1"
            self.lists.append([int(start) if start.isdigit() else 1])
        elif tag == "li":
            self._flush()
            depth = max(len(self.lists) - 1, 0)
            counter = self.lists[-1] if self.lists else [-1]
            marker = "- " if counter[0] < 0 else f"{counter[0]}. "
            if counter[0] >= 0:
                counter[0] += 1
            self.line.append(_INDENT * depth + marker)
            self.tight = "li"
        elif tag == "tr":
            self.cells = []
        elif tag in ("td", "th"):
            self.line = []
        elif tag == "a":
            self.href.append(dict(attrs).get("href"))
            self.link_text.append("")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.handle_data(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._flush_cell()
        elif tag == "tr" and self.cells is not None:
            self.line = [" | ".join(self.cells)]
            self.cells = None
            self.tight = "tr"
            self._flush()
        elif tag == "a" and self.href:
            href, text = self.href.pop(), self.link_text.pop()
            if href and not href.startswith("#") and href.rstrip("/") != text.strip().rstrip("/"):
                self.handle_data(f" ({href.removeprefix('mailto:')})")
        elif tag in _BLOCKS:
            self._flush()
            if tag == "pre":
                self.pre = max(self.pre - 1, 0)
            elif tag in ("ul", "ol") and self.lists:
                self.lists.pop()

    def _marker_only(self) -> bool:
        return bool(_MARKER.match("".join(self.line)))

    def _flush_cell(self) -> None:
        if self.cells is not None:
            self.cells.append(_SPACES.sub(" ", "".join(self.line)).strip())
            self.line = []

    def handle_data(self, data: str) -> None:
        self.line.append(data)
        if self.link_text:
            self.link_text[-1] += data

    def text(self) -> str:
        self._flush()
        parts: list[str] = []
        previous_tight = ""
        for text, tight in self.blocks:
            if parts:
                parts.append("\n" if tight and tight == previous_tight else "\n\n")
            parts.append(text)
            previous_tight = tight
        return "".join(parts)


def html_to_text(html: str) -> str:
    """Readable plain text for a sanitised HTML fragment."""
    builder = _TextBuilder()
    builder.feed(html)
    builder.close()
    return builder.text()
