"""Read a Markdown body into blocks of plain prose that keep their offsets in the body.

Only what the analysis needs: ATX/setext headings, paragraphs, list items, block quotes,
table rows; links (Markdown, autolinks and inline `<a>`), images (Markdown and `<img>`).
Code blocks, `<script>`/`<style>` and other raw blocks are skipped — never executed,
never counted. Every plain-text offset maps back to the body so the editor can highlight.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_TABLE = re.compile(r"^[ \t]*\|")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t:|-]*-[ \t:|-]*$")
_RAW_OPEN = re.compile(r"^[ \t]*<(script|style|pre|textarea|iframe|object|noscript|svg|template)\b", re.IGNORECASE)
_COMMENT_OPEN = re.compile(r"^[ \t]*<!--")

_ATTR = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_INLINE = re.compile(
    r"(?P<img>!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)(?:\{[^}]*\})?)"
    r"|(?P<link>\[(?P<text>(?:[^\[\]]|\[[^\]]*\])+)\]\(\s*<?(?P<href>[^)\s>]*)>?"
    r"(?:\s+[\"'][^\"']*[\"'])?\s*\)(?P<attrs>\{[^}]*\})?)"
    r"|(?P<htmlimg><img\b[^>]*>)"
    r"|(?P<a><a\b(?P<aattrs>[^>]*)>(?P<atext>.*?)</a\s*>)"
    r"|(?P<auto><(?P<url>https?://[^>\s]+)>)"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<script><(script|style)\b.*?</\w+\s*>)"
    r"|(?P<tag></?[A-Za-z][^>]*>)"
    r"|(?P<code>`+)"
    r"|(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|~<>]))"
    r"|(?P<emph>\*+|~~|(?<![^\W_])_+|_+(?![^\W_]))",
    re.DOTALL | re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str
    nofollow: bool
    start: int          # offsets in the block's plain text
    end: int


@dataclass(frozen=True, slots=True)
class Image:
    alt: str
    src: str
    position: int       # offset in the block's plain text
    source_start: int   # the image markup, in the block's source
    source_end: int


@dataclass(frozen=True, slots=True)
class Inline:
    plain: str
    segments: tuple[tuple[int, int], ...]   # (plain offset, source offset) where each run starts
    links: tuple[Link, ...]
    images: tuple[Image, ...]


@dataclass(slots=True)
class Block:
    kind: str                  # heading | paragraph | list_item | quote | table
    level: int                 # heading level, 0 otherwise
    start: int                 # body offsets of the whole block
    end: int
    inline: Inline
    lines: tuple[tuple[int, int], ...] = ()   # (source offset, body offset) where each line starts

    @property
    def text(self) -> str:
        return self.inline.plain

    def to_body(self, offset: int) -> int:
        """Body offset of a plain-text offset."""
        return _through(self.lines, _through(self.inline.segments, offset))

    def source_to_body(self, offset: int) -> int:
        """Body offset of an offset in the block's source (markup included)."""
        return _through(self.lines, offset)


def _through(segments: tuple[tuple[int, int], ...], offset: int) -> int:
    if not segments:
        return offset
    i = bisect_right(segments, (offset, float("inf"))) - 1
    if i < 0:
        return segments[0][1]
    plain_start, source_start = segments[i]
    return source_start + offset - plain_start


class _Out:
    """Plain text being built, with where each run came from."""

    __slots__ = ("images", "links", "parts", "segments", "size")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.segments: list[tuple[int, int]] = []
        self.links: list[Link] = []
        self.images: list[Image] = []

    def emit(self, text: str, source_at: int) -> None:
        if text:
            self.segments.append((self.size, source_at))
            self.parts.append(text)
            self.size += len(text)

    def since(self, start: int) -> str:
        return "".join(self.parts)[start:]


@lru_cache(maxsize=8192)
def parse_inline(source: str) -> Inline:
    out = _Out()
    _strip(source, 0, out)
    return Inline("".join(out.parts), tuple(out.segments), tuple(out.links), tuple(out.images))


def _strip(source: str, base: int, out: _Out) -> None:
    pos = 0
    for m in _INLINE.finditer(source):
        out.emit(source[pos : m.start()], base + pos)
        pos = m.end()
        here = out.size
        if m.group("img") is not None:
            out.images.append(Image(m.group("alt") or "", m.group("src") or "", here,
                                    base + m.start(), base + m.end()))
        elif m.group("link") is not None:
            _strip(m.group("text"), base + m.start("text"), out)
            nofollow = "nofollow" in (m.group("attrs") or "").lower()
            out.links.append(Link(out.since(here), m.group("href") or "", nofollow, here, out.size))
        elif m.group("htmlimg") is not None:
            found = _attrs(m.group("htmlimg"))
            out.images.append(Image(html.unescape(found.get("alt", "")), found.get("src", ""), here,
                                    base + m.start(), base + m.end()))
        elif m.group("a") is not None:
            _strip(m.group("atext"), base + m.start("atext"), out)
            found = _attrs(m.group("aattrs") or "")
            nofollow = "nofollow" in found.get("rel", "").lower()
            out.links.append(Link(out.since(here), found.get("href", ""), nofollow, here, out.size))
        elif m.group("auto") is not None:
            url = m.group("url")
            out.emit(url, base + m.start("url"))
            out.links.append(Link(url, url, False, here, out.size))
        elif m.group("escape") is not None:
            out.emit(m.group("escaped"), base + m.start("escaped"))
        # code backticks, emphasis, comments, scripts and other tags leave no text
    out.emit(source[pos:], base + pos)


def _attrs(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR.finditer(tag)}


def parse_blocks(body: str) -> list[Block]:
    """The prose blocks of a Markdown body, in order."""
    blocks: list[Block] = []
    lines = body.splitlines(keepends=True)
    offset = 0
    para: list[tuple[int, int, int]] = []        # (body line start, content start, content end)
    kind = "paragraph"
    fence = ""
    raw_close = ""
    i = 0

    def flush() -> None:
        nonlocal para, kind
        if para:
            blocks.append(_make(body, kind, 0, para))
        para, kind = [], "paragraph"

    if body.startswith(("---\n", "---\r\n")):    # stray front matter
        end = body.find("\n---", 3)
        if end > 0:
            skip = body.count("\n", 0, end + 4) + 1
            offset = sum(len(x) for x in lines[:skip])
            i = skip
    while i < len(lines):
        raw = lines[i]
        start, i = offset, i + 1
        offset += len(raw)
        line = raw.rstrip("\r\n")
        end = start + len(line)
        if fence:
            if line.lstrip().startswith(fence):
                fence = ""
            continue
        if raw_close:
            if raw_close in line.lower():
                raw_close = ""
            continue
        if m := _FENCE.match(line):
            flush()
            fence = m.group(1)[:3]
            continue
        if m := _RAW_OPEN.match(line):
            flush()
            close = f"</{m.group(1).lower()}"
            raw_close = "" if close in line.lower() else close
            continue
        if _COMMENT_OPEN.match(line) and "-->" not in line:
            flush()
            raw_close = "-->"
            continue
        if not line.strip():
            flush()
            continue
        if para and kind == "paragraph" and len(para) == 1 and (m := _SETEXT.match(line)):
            blocks.append(_make(body, "heading", 1 if m.group(1)[0] == "=" else 2, para))
            para = []
            continue
        if m := _HEADING.match(line):
            flush()
            content_start = start + (m.start(2) if m.group(2) is not None else len(line))
            content_end = start + (m.end(2) if m.group(2) is not None else len(line))
            blocks.append(_make(body, "heading", len(m.group(1)), [(start, content_start, content_end)]))
            continue
        if _HR.match(line):
            flush()
            continue
        if _TABLE.match(line):
            flush()
            if not _TABLE_RULE.match(line):
                blocks.append(_make(body, "table", 0, [(start, start, end)]))
            continue
        if m := _LIST_ITEM.match(line):
            flush()
            kind = "list_item"
            para.append((start, start + m.end(), end))
            continue
        if m := _QUOTE.match(line):
            if kind != "quote":
                flush()
                kind = "quote"
            para.append((start, start + m.end(), end))
            continue
        if kind == "quote":
            flush()
        lead = len(line) - len(line.lstrip())
        para.append((start, start + lead, end))
    flush()
    return blocks


def _make(body: str, kind: str, level: int, lines: list[tuple[int, int, int]]) -> Block:
    pieces: list[str] = []
    mapping: list[tuple[int, int]] = []
    at = 0
    for n, (_, content_start, content_end) in enumerate(lines):
        if n:
            pieces.append("\n")
            at += 1
        mapping.append((at, content_start))
        chunk = body[content_start:content_end]
        pieces.append(chunk)
        at += len(chunk)
    source = "".join(pieces)
    return Block(kind, level, lines[0][0], lines[-1][2], parse_inline(source), tuple(mapping))
