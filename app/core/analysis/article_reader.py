"""Read an article to analyse from a Markdown file (with front matter) or an exported HTML page.

The export package owns the canonical Markdown reader; this one is small and forgiving so
the analysis and the CLI work on any file: simple `key: value` front matter (title,
description, slug, lang, keyword/keywords), or an HTML page's <title>, meta description,
canonical URL, lang and body. HTML is only parsed, never run: scripts and styles are dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from app.core.analysis.lexicon import lexicon
from app.core.analysis.text import fold, words
from app.core.models import Article, Language
from app.core.textutil import slugify

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_ITEM = re.compile(r"^\s*-\s+(.*)$")
_SPACES = re.compile(r"[ \t\r\n]+")


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace('\\"', '"').replace("\\\\", "\\") if value[0] == '"' else inner.replace("''", "'")
    return value.split(" #", 1)[0].strip()


def read_front_matter(text: str) -> tuple[dict[str, object], str]:
    """(fields, body) — fields are strings or lists of strings."""
    m = _FRONT.match(text)
    if not m:
        return {}, text.lstrip("\ufeff")
    fields: dict[str, object] = {}
    current = ""
    for line in m.group(1).splitlines():
        if (item := _ITEM.match(line)) and current:
            existing = fields.get(current)
            items = existing if isinstance(existing, list) else []
            items.append(_unquote(item.group(1)))
            fields[current] = items
        elif km := _KEY.match(line):
            current, value = km.group(1).lower(), km.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                fields[current] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
            else:
                fields[current] = _unquote(value) if value else []
    return fields, text[m.end():]


def guess_language(text: str) -> Language:
    fr, en = lexicon("fr").drift_words, lexicon("en").drift_words
    sample = [fold(w) for _, _, w in words(text[:20000])]
    return Language.FR if sum(w in fr for w in sample) > sum(w in en for w in sample) else Language.EN


def _first(value: object) -> str:
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value or "")


def _h1(body: str) -> str:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def parse_markdown_article(text: str) -> Article:
    """An Article from Markdown with optional front matter."""
    fields, body = read_front_matter(text)
    title = _first(fields.get("title")) or _h1(body)
    keywords = fields.get("keywords")
    keyword = _first(fields.get("keyword")) or _first(fields.get("focus_keyword")) or _first(keywords)
    secondary = tuple(str(k) for k in keywords[1:]) if isinstance(keywords, list) else ()
    lang_field = _first(fields.get("lang") or fields.get("language"))
    language = Language.parse(lang_field) if lang_field[:2].lower() in ("fr", "en") else guess_language(body)
    description = _first(fields.get("description") or fields.get("meta_description"))
    slug = _first(fields.get("slug")) or slugify(title)
    known = {"title", "keyword", "keywords", "focus_keyword", "lang", "language", "description",
             "meta_description", "slug"}
    extra = {k: v for k, v in fields.items() if k not in known}
    return Article(keyword=keyword, language=language, title=title, meta_description=description,
                   slug=slug, body=body.lstrip("\r\n"), secondary_keywords=secondary, extra=extra)


class _HtmlToMarkdown(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "head"})
    _BLOCKS = frozenset({"p", "div", "section", "article", "main", "li", "blockquote", "tr", "ul", "ol",
                         "table", "header", "footer", "figure", "figcaption", "dd", "dt", "br", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.meta: dict[str, str] = {}
        self.skip = 0
        self.in_title = False
        self.title = ""
        self.link: tuple[str, bool, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.meta["lang"] = a["lang"]
        if tag == "meta" and a.get("name", "").lower() in ("description", "keywords"):
            self.meta[a["name"].lower()] = a.get("content", "")
        if tag == "link" and "canonical" in a.get("rel", "").lower():
            self.meta["canonical"] = a.get("href", "")
        if tag == "title":
            self.in_title = True
        if tag in self._SKIP and tag != "head":
            self.skip += 1
        if self.skip:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.out.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag in self._BLOCKS:
            self.out.append("\n\n")
        elif tag == "img":
            self.out.append(f"![{a.get('alt', '')}]({a.get('src', '')})")
        elif tag == "a":
            self.link = (a.get("href", ""), "nofollow" in a.get("rel", "").lower(), len(self.out))
            self.out.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self._SKIP and tag != "head":
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "a" and self.link is not None:
            href, nofollow, _ = self.link
            self.out.append(f"]({href})" + ('{rel="nofollow"}' if nofollow else ""))
            self.link = None
        elif re.fullmatch(r"h[1-6]", tag) or tag in self._BLOCKS:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.out.append(_SPACES.sub(" ", data))     # keeps no-break spaces


def parse_html_article(text: str) -> Article:
    """An Article from an HTML page (e.g. one Plume exported)."""
    parser = _HtmlToMarkdown()
    parser.feed(text)
    parser.close()
    body = "\n".join(line.strip(" \t") for line in "".join(parser.out).splitlines())
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    meta = parser.meta
    slug = urlsplit(meta.get("canonical", "")).path.rstrip("/").rsplit("/", 1)[-1]
    title = " ".join(parser.title.split()) or _h1(body)
    keywords = [k.strip() for k in meta.get("keywords", "").split(",") if k.strip()]
    lang = meta.get("lang", "")
    language = Language.parse(lang) if lang[:2].lower() in ("fr", "en") else guess_language(body)
    return Article(keyword=keywords[0] if keywords else "", language=language, title=title,
                   meta_description=meta.get("description", ""), slug=slug or slugify(title),
                   body=body, secondary_keywords=tuple(keywords[1:]))
