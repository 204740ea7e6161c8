"""The Markdown body seen as sections, and the regions no text fix may touch.

Section 0 is everything before the first H2 (the `# H1` line and the introduction);
each further section starts at an H2 line and runs to the next H2 (H3s stay inside).
Headings inside fenced code blocks do not count. `"".join(s.text for s in split(body))`
gives `body` back exactly, so a section can be replaced without disturbing the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")

# Inline regions that must stay byte-for-byte: code spans, autolinks and HTML tags,
# link/image targets `](...)`, reference definitions, bare URLs and e-mail addresses.
_INLINE_PROTECTED = re.compile(
    r"(`+)[^`]*?\1"                              # code span
    r"|<[^>\n]+>"                                # autolink or HTML tag
    r"|\]\([^)\n]*\)"                            # link or image target
    r"|^ {0,3}\[[^\]\n]+\]:[^\n]*$"              # reference definition
    r"|\b(?:https?|ftp)://[^\s<>()\]]+"          # bare URL
    r"|\bwww\.[^\s<>()\]]+"
    r"|[\w.+-]+@[\w-]+\.[\w.-]+",                # e-mail address
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Section:
    index: int          # 0 = H1 + introduction; 1.. = H2 sections in order
    heading: str        # the H2 text ("" for section 0)
    text: str           # raw Markdown, heading line included, trailing newlines kept

    @property
    def content(self) -> str:
        """The section without its H2 line."""
        if self.index == 0:
            return self.text
        return self.text.split("\n", 1)[1] if "\n" in self.text else ""

    @property
    def heading_line(self) -> str:
        return self.text.split("\n", 1)[0] if self.index else ""


def iter_lines_outside_code(body: str) -> Iterator[tuple[int, str, bool]]:
    """(line number, line, inside a fenced code block) for every line of `body`."""
    fence = ""
    for number, line in enumerate(body.split("\n")):
        match = _FENCE.match(line)
        if fence:
            yield number, line, True
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
        elif match:
            fence = match.group(1)
            yield number, line, True
        else:
            yield number, line, False


def headings(body: str) -> list[tuple[int, int, str]]:
    """(line number, level, text) of every ATX heading outside code."""
    found = []
    for number, line, in_code in iter_lines_outside_code(body):
        if in_code:
            continue
        match = _HEADING.match(line)
        if match:
            found.append((number, len(match.group(1)), match.group(2).strip()))
    return found


def split(body: str) -> list[Section]:
    lines = body.split("\n")
    starts = [(n, text) for n, level, text in headings(body) if level == 2]
    bounds = [0] + [n for n, _ in starts] + [len(lines)]
    sections = []
    for i in range(len(bounds) - 1):
        chunk = lines[bounds[i]:bounds[i + 1]]
        text = "\n".join(chunk)
        if i < len(bounds) - 2:
            text += "\n"
        sections.append(Section(i, starts[i - 1][1] if i else "", text))
    if len(sections) > 1 and sections[0].text == "":
        # Body starting directly with an H2: keep an empty section 0 so indices stay stable.
        sections[0] = Section(0, "", "")
    return sections


def join(sections: list[Section]) -> str:
    return "".join(s.text for s in sections)


def replace_section(body: str, index: int, text: str) -> str:
    sections = split(body)
    old = sections[index]
    if index < len(sections) - 1 and not text.endswith("\n"):
        text += "\n"
    sections[index] = Section(index, old.heading, text)
    return join(sections)


def section_of_offset(body: str, offset: int) -> int:
    """Index of the section that holds character `offset` of `body`."""
    position = 0
    for section in split(body):
        position += len(section.text)
        if offset < position:
            return section.index
    return max(0, len(split(body)) - 1)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of prose paragraphs: blank-line separated, not headings/code."""
    spans: list[tuple[int, int]] = []
    offset = 0
    start: int | None = None
    end = 0
    for _, line, in_code in iter_lines_outside_code(text):
        stripped = line.strip()
        is_text = bool(stripped) and not in_code and not _HEADING.match(line)
        if is_text:
            if start is None:
                start = offset
            end = offset + len(line)
        elif start is not None:
            spans.append((start, end))
            start = None
        offset += len(line) + 1
    if start is not None:
        spans.append((start, end))
    return spans


def unprotected_pieces(text: str) -> list[tuple[str, bool]]:
    """Split `text` into (piece, editable) runs; code blocks, code spans, URLs and link
    targets come back as non-editable pieces so typography fixes never alter them."""
    pieces: list[tuple[str, bool]] = []
    prose: list[str] = []
    lines = text.split("\n")
    for number, line, in_code in iter_lines_outside_code(text):
        tail = "\n" if number < len(lines) - 1 else ""
        if in_code:
            if prose:
                pieces.extend(_split_inline("".join(prose)))
                prose = []
            pieces.append((line + tail, False))
        else:
            prose.append(line + tail)
    if prose:
        pieces.extend(_split_inline("".join(prose)))
    return [p for p in pieces if p[0]]


def _split_inline(text: str) -> list[tuple[str, bool]]:
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in _INLINE_PROTECTED.finditer(text):
        pieces.append((text[last:match.start()], True))
        pieces.append((match.group(0), False))
        last = match.end()
    pieces.append((text[last:], True))
    return pieces


def map_editable(text: str, edit: Callable[[str], str]) -> str:
    """Apply `edit(str) -> str` to the editable runs of `text` only."""
    return "".join(edit(piece) if editable else piece for piece, editable in unprotected_pieces(text))
