"""Markdown → safe HTML. Models sometimes emit raw HTML; none of it may run.

Python-Markdown (a fresh instance per conversion) renders; nh3 (Ammonia, a maintained
allow-list sanitiser) then keeps only document tags and harmless attributes: no script,
style, iframe, form or SVG, no event handler, no `style` (except `text-align` on table
cells), no URL other than http(s), mailto, tel or relative. A last pass makes the output
valid HTML: every image gets an `alt`, every heading a well-formed, unique id (from its text).
"""

from __future__ import annotations

import html as _html
import re
import threading
from functools import lru_cache

import markdown
import nh3
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension

from app.core.textutil import slugify

_HEADINGS = {f"h{n}" for n in range(1, 7)}
_TAGS = _HEADINGS | set(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "var",
    ]
)
_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "dfn": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "code": {"class"},
    "ol": {"start", "reversed"},
    "li": {"id"},      # footnote targets (fn:1)
    "sup": {"id"},     # footnote references (fnref:1)
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style", "scope"},
    **{h: {"id"} for h in _HEADINGS},
}
_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags={
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "textarea",
        "select",
        "title",
        "xmp",
        "noembed",
        "noframes",
    },
    attributes=_ATTRIBUTES,
    url_schemes={"http", "https", "mailto", "tel"},
    filter_style_properties={"text-align"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)
# Control characters (other than tab and newline) are forbidden in HTML.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_IMG = re.compile(r"<img([^>]*)>")
_DEAD_LINK = re.compile(r'<a rel="noopener noreferrer">(.*?)</a>', re.DOTALL)  # href removed
# nh3 escapes "<" and ">" inside attribute values, so a tag ends at the first ">".
_TOKEN = re.compile(r"<(/?)([a-z][a-z0-9]*)[^>]*>")
# Reference definitions and raw HTML blocks tie sections together: render those texts whole.
_NOT_SPLITTABLE = re.compile(r"^(?: {0,3}\[[^\]\n]+\]:|<)", re.MULTILINE)
_PM_FENCE = re.compile(r"^(`{3,}|~{3,})")
_VOID = frozenset(["br", "col", "hr", "img", "wbr"])
# Elements that are only valid inside certain parents; elsewhere their tags are dropped.
_PARENTS = {
    "li": {"ul", "ol"},
    "dt": {"dl"},
    "dd": {"dl"},
    "figcaption": {"figure"},
    "summary": {"details"},
}
_HEADING = re.compile(r'<(h[1-6])( dir="auto")?(?: id="([^"]*)")?>(.*?)</\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_VALID_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            TableExtension(),
            FencedCodeExtension(),
            SaneListExtension(),
            FootnoteExtension(),
        ],
        output_format="html",
    )


def clean_text(text: str) -> str:
    """Text without the characters an HTML document may not contain."""
    return _FORBIDDEN.sub("", text)


def sanitise_html(html: str) -> str:
    """Allow-listed, valid HTML from any HTML fragment."""
    return _finish(_CLEANER.clean(clean_text(html)))


# Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their forms).
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_BLOCK_OPEN = re.compile(r"<(p|li|blockquote|td|th|dt|dd|figcaption|summary|h[1-6])(?=[ >])")


def _finish(cleaned: str) -> str:
    """Make sanitised HTML valid: image alts, list structure, unique heading ids; blocks
    of a text with right-to-left script get dir="auto" (each finds its own direction)."""
    cleaned = _fix_structure(_IMG.sub(_with_alt, _DEAD_LINK.sub(r"\1", cleaned)))
    if _RTL.search(cleaned):
        cleaned = _BLOCK_OPEN.sub(r'<\1 dir="auto"', cleaned)
    seen: set[str] = set()

    def _with_unique_id(match: re.Match[str]) -> str:
        tag, direction, value, content = match.groups()
        if not value or not _VALID_ID.match(value):
            value = slugify(_html.unescape(_TAG.sub("", value or content))) or "section"
        base, n = value, 1
        while value in seen:
            n += 1
            value = f"{base}-{n}"
        seen.add(value)
        return f'<{tag}{direction or ""} id="{value}">{content}</{tag}>'

    return _HEADING.sub(_with_unique_id, cleaned)


def _with_alt(match: re.Match[str]) -> str:
    attributes = match.group(1)
    if ' src="' not in attributes:
        return ""  # its address was unsafe and removed: nothing left to show
    return match.group(0) if ' alt="' in attributes else f'<img alt=""{attributes}>'


def _fix_structure(html: str) -> str:
    """Drop the tags of list items, terms and captions found outside their container."""
    stack: list[tuple[str, bool]] = []  # (tag, kept)
    parts: list[str] = []
    position = 0
    for match in _TOKEN.finditer(html):
        closing, tag = match.group(1), match.group(2)
        parts.append(html[position : match.start()])
        position = match.end()
        keep = True
        if tag in _VOID:
            pass
        elif not closing:
            parent = next((t for t, kept in reversed(stack) if kept), "")
            keep = tag not in _PARENTS or parent in _PARENTS[tag]
            stack.append((tag, keep))
        else:
            while stack:
                open_tag, keep = stack.pop()
                if open_tag == tag:
                    break
        if keep:
            parts.append(match.group(0))
    parts.append(html[position:])
    return "".join(parts)


# Elements whose content the sanitiser removes whole (raw text, or dangerous), and
# <details>, which folds what follows: opened and never closed, a writer's "the <style>
# element…" would take the rest of the section (or page) with it. Those tags are shown
# as text instead; a closed pair is markup and left to the sanitiser.
_SWALLOWING = re.compile(
    r"<(/?)(script|style|title|textarea|noscript|xmp|iframe|noembed|noframes|template"
    r"|plaintext|object|embed|svg|math|select|details)(?![a-z0-9-])", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(`+)(?:.+?)(?<!`)\1(?!`)")


def _prose_segments(text: str) -> list[tuple[str, bool]]:
    """`text` as (segment, is_code) pairs: fenced and indented code, code spans."""
    segments: list[tuple[str, bool]] = []
    fence: str | None = None
    previous_blank = True
    in_indented = False
    for line in text.split("\n"):
        blank = not line.strip()
        if fence is not None:
            segments.append((line, True))
            if line.strip() == fence:
                fence = None
        elif opening := _PM_FENCE.match(line):
            fence = opening.group(1)
            segments.append((line, True))
        elif line.startswith(("    ", "\t")) and (previous_blank or in_indented):
            in_indented = True
            segments.append((line, True))
        else:
            in_indented = in_indented and blank
            position = 0
            for span in _CODE_SPAN.finditer(line):
                segments.append((line[position:span.start()], False))
                segments.append((span.group(0), True))
                position = span.end()
            segments.append((line[position:], False))
        segments.append(("\n", True))
        previous_blank = blank
    return segments[:-1]


def escape_swallowing_tags(text: str) -> str:
    """Show as text the tags that would make the sanitiser drop the writer's words: a
    raw-text element (<style>, <title>, <script>…) or a <details> opened and never closed."""
    segments = _prose_segments(text)
    open_tags: dict[str, list[tuple[int, int]]] = {}   # name → (segment, offset), unclosed
    for i, (segment, code) in enumerate(segments):
        if code:
            continue
        for match in _SWALLOWING.finditer(segment):
            stack = open_tags.setdefault(match.group(2).lower(), [])
            if not match.group(1):
                stack.append((i, match.start()))
            elif stack:
                stack.pop()
    unclosed = sorted((place for stack in open_tags.values() for place in stack),
                      reverse=True)
    pieces = [segment for segment, _code in segments]
    for i, offset in unclosed:
        pieces[i] = pieces[i][:offset] + "&lt;" + pieces[i][offset + 1:]
    return "".join(pieces)


_LIST_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)")


def nest_lists(text: str) -> str:
    """Re-indent nested lists the way CommonMark reads them (a child starts at its parent's
    text, e.g. 2 spaces under "- "), to the 4 spaces per level Python-Markdown needs."""
    out: list[str] = []
    levels: list[tuple[int, int]] = []   # (marker column, text column) of open items
    fence: str | None = None
    previous_blank = False
    for line in text.split("\n"):
        if fence is not None or (opening := _PM_FENCE.match(line)):
            if fence is None:
                fence = opening.group(1)  # type: ignore[union-attr]
            elif line.rstrip(" ") == fence:
                fence = None
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip(" "))
        item = _LIST_ITEM.match(line)
        if not line.strip():
            out.append(line)
        elif item and (levels or indent <= 3):
            while levels and indent < levels[-1][1]:
                levels.pop()
            levels.append((indent, indent + len(item.group(2)) + max(1, len(item.group(3)))))
            out.append(" " * (4 * (len(levels) - 1)) + line[indent:])
        elif levels and indent and indent >= levels[0][1]:
            owner = max(k for k, (_m, col) in enumerate(levels) if indent >= col)
            extra = indent - levels[owner][1]
            out.append(" " * (4 * (owner + 1) + extra) + line[indent:])
        else:
            if previous_blank or line.startswith("#"):
                levels = []
            out.append(line)
        previous_blank = not line.strip()
    return "\n".join(out)


def render_body(markdown_text: str) -> str:
    """Sanitised HTML for a Markdown body (tables, fenced code, heading ids).

    The body is rendered section by section (split before each heading) and each section's
    clean HTML is cached, so the live preview only re-renders the section being edited.
    Texts whose parts depend on each other (reference links, raw HTML blocks) are rendered
    whole. Either way the output is the same as one conversion of the whole text.
    """
    text = nest_lists(escape_swallowing_tags(clean_text(markdown_text)))
    sections = split_sections(text)
    if sections is None:
        return _finish(_CLEANER.clean(_markdown().convert(text)))
    return _finish("\n".join(filter(None, map(_render_section, sections))))


@lru_cache(maxsize=512)
def _render_section(text: str) -> str:
    return str(_CLEANER.clean(_converter().reset().convert(text)))


_LOCAL = threading.local()


def _converter() -> markdown.Markdown:
    """This thread's Markdown instance; callers `reset()` it before each conversion."""
    converter: markdown.Markdown | None = getattr(_LOCAL, "converter", None)
    if converter is None:
        converter = _LOCAL.converter = _markdown()
    return converter


def split_sections(text: str) -> list[str] | None:
    """The text cut before each heading that starts a block (after a blank line, outside
    code fences as Python-Markdown sees them: at column 0, closed by the same fence), or
    None when it cannot be cut safely. A heading glued to a table stays with it (Python-
    Markdown would read it as a table row)."""
    if _NOT_SPLITTABLE.search(text):
        return None
    sections: list[str] = []
    current: list[str] = []
    fence: str | None = None
    previous_blank = False
    for line in text.split("\n"):
        if fence is None:
            opening = _PM_FENCE.match(line)
            if opening:
                fence = opening.group(1)
            elif line.startswith("#") and previous_blank:
                sections.append("\n".join(current))
                current = []
        elif line.rstrip(" ") == fence:
            fence = None
        current.append(line)
        previous_blank = not line.strip(" \t")
    sections.append("\n".join(current))
    return sections
