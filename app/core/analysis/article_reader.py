"""Read an article to analyse from an HTML page: its <title>, meta description, keywords,
canonical URL, lang and body. HTML is only parsed, never run: scripts and styles are dropped.
The body becomes Markdown through markdownify (tables, lists, emphasis, nested markup),
keeping `rel="nofollow"` on links as Python-Markdown's attribute list.

Markdown files (with or without front matter) are read by the one Markdown reader,
`app.core.export.markdown.parse_markdown`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from app.core.analysis.language import guess_language
from app.core.models import Article, Language
from app.core.textutil import slugify

_SPACES = re.compile(r"[ \t\r\n]+")


def _h1(body: str) -> str:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


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


def _markdown_body(text: str) -> str:
    from bs4 import BeautifulSoup
    from markdownify import MarkdownConverter

    class _Converter(MarkdownConverter):
        def convert_a(self, el: Any, text: str, parent_tags: Any) -> str:
            out: str = MarkdownConverter.convert_a(self, el, text, parent_tags)  # type: ignore[attr-defined]
            rel = el.get("rel") or ()
            rel = rel.split() if isinstance(rel, str) else rel
            if out.rstrip().endswith(")") and "nofollow" in [r.lower() for r in rel]:
                stripped = out.rstrip()
                out = stripped + '{rel="nofollow"}' + out[len(stripped):]
            return out

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(list(_HtmlToMarkdown._SKIP)):
        tag.decompose()
    root = soup.body or soup
    markdown = _Converter(heading_style="ATX", bullets="-", escape_misc=False).convert_soup(root)
    body = "\n".join(line.rstrip() for line in markdown.splitlines())
    return re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"


def parse_html_article(text: str) -> Article:
    """An Article from an HTML page (e.g. one Plume exported)."""
    parser = _HtmlToMarkdown()   # metadata: title, description, keywords, canonical, lang
    parser.feed(text)
    parser.close()
    body = _markdown_body(text)
    meta = parser.meta
    slug = urlsplit(meta.get("canonical", "")).path.rstrip("/").rsplit("/", 1)[-1]
    title = " ".join(parser.title.split()) or _h1(body)
    keywords = [k.strip() for k in meta.get("keywords", "").split(",") if k.strip()]
    lang = meta.get("lang", "")
    language = Language.parse(lang) if lang else guess_language(body)
    return Article(keyword=keywords[0] if keywords else "", language=language, title=title,
                   meta_description=meta.get("description", ""), slug=slug or slugify(title),
                   body=body, secondary_keywords=tuple(keywords[1:]))
