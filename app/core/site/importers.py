"""Pages from a sitemap.xml (file or bytes the user fetched on request), a folder of Markdown
or HTML articles, or the library's articles.

Sitemaps are read as a stream (a 50,000-URL sitemap, the protocol's maximum, stays small in
memory); a document declaring entities is refused (entity expansion), and so is one that is
not a sitemap. Only http(s) URLs are kept.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from app.core.analysis.article_reader import parse_html_article
from app.core.errors import InputError
from app.core.export.markdown import parse_markdown
from app.core.languages import pack
from app.core.models import Article
from app.core.site.pages import Page, article_terms, title_from_url, url_terms

MAX_SITEMAP_URLS = 50_000
MAX_SITEMAP_BYTES = 50 * 1024 * 1024      # the sitemap protocol's limits
URL_KEYS = ("url", "canonical", "canonical_url", "permalink")


def sitemap_pages(data: bytes, default_lang: str, *, source: str = "sitemap.xml") -> list[Page]:
    """The pages of a <urlset>; InputError naming what is wrong with a malformed one."""
    if len(data) > MAX_SITEMAP_BYTES:
        raise InputError(f"{source} is larger than 50 MB, the sitemap maximum.",
                         hint="Split it, as the sitemap protocol requires.")
    if b"<!ENTITY" in data[:4096].upper():
        raise InputError(f"{source} declares XML entities; Plume does not read those.")
    pages: dict[str, Page] = {}
    root_seen = ""
    nested = 0
    try:
        for event, element in ET.iterparse(io.BytesIO(data), events=("start", "end")):
            name = element.tag.rsplit("}", 1)[-1]
            if event == "start":
                root_seen = root_seen or name
                continue
            if name == "sitemap":
                nested += 1
            if name != "url":
                continue
            page = _sitemap_page(element, default_lang)
            element.clear()
            if page is not None:
                pages.setdefault(page.url, page)
                if len(pages) > MAX_SITEMAP_URLS:
                    raise InputError(f"{source} lists more than 50,000 URLs, the sitemap maximum.",
                                     hint="Split it into several sitemaps.")
    except ET.ParseError as exc:
        line, column = exc.position
        raise InputError(f"{source} is not valid XML (line {line}, column {column}).",
                         hint="Export the sitemap again from your CMS.") from None
    if root_seen == "sitemapindex":
        raise InputError(f"{source} is a sitemap index ({nested} sitemaps), not a list of pages.",
                         hint="Import each sitemap it lists.")
    if root_seen != "urlset":
        raise InputError(f"{source} is not a sitemap (its root is <{root_seen or 'nothing'}>).",
                         hint="Give a sitemap.xml with a <urlset> of <url> entries.")
    return list(pages.values())


def _sitemap_page(element: ET.Element, default_lang: str) -> Page | None:
    url = ""
    lang = default_lang
    for child in element:
        name = child.tag.rsplit("}", 1)[-1]
        if name == "loc" and child.text:
            url = child.text.strip()
        elif name == "link" and child.get("rel") == "alternate" and child.get("href", "").strip() == url:
            lang = (child.get("hreflang") or lang).split("-")[0].lower()
    if not url.startswith(("http://", "https://")) or any(c.isspace() for c in url):
        return None
    lang = _installed(lang, default_lang)
    title = title_from_url(url)
    return Page(url, title, lang, url_terms(url, title, lang), "sitemap")


def _installed(lang: str, default: str) -> str:
    try:
        return pack(lang).code
    except InputError:
        return default


def folder_pages(folder: Path, site_url: str = "") -> list[Page]:
    """Every .md/.html article under `folder` (unreadable files are skipped)."""
    if not folder.is_dir():
        raise InputError(f"No such folder: {folder}.")
    pages = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in (".md", ".markdown", ".html", ".htm") or ".social." in path.name:
            continue
        try:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
            html = path.suffix.lower() in (".html", ".htm")
            article = parse_html_article(text) if html else parse_markdown(text)
        except (OSError, ValueError, InputError):
            continue
        page = article_page(article, site_url, source="folder")
        if page is not None:
            pages.append(page)
    return pages


def article_page(article: Article, site_url: str = "", *, source: str) -> Page | None:
    """A page from an article: its URL from the front matter, else the site URL + slug."""
    url = next((str(article.extra.get(k)).strip() for k in URL_KEYS
                if str(article.extra.get(k) or "").startswith(("http://", "https://"))), "")
    if not url and site_url and article.slug:
        url = f"{site_url.rstrip('/')}/{article.slug.strip('/')}/"
    title = article.title or article.h1
    if not url or not title:
        return None
    lang = _installed(str(article.language), "en")
    return Page(url, title, lang, article_terms(article, lang), source)


def library_pages(articles: Iterable[Article], site_url: str) -> Iterator[Page]:
    for article in articles:
        page = article_page(article, site_url, source="library")
        if page is not None:
            yield page
