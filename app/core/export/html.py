"""HTML export: a standalone, SEO-ready page, and a fragment for pasting into a CMS.

    render_body(md)                       sanitised HTML of a Markdown body (live preview)
    render_page(article, site_url=…)      full HTML5 document from resources/templates/page.html
    render_fragment(article)              Fragment(html=…, text=…) for the clipboard
    stylesheet() / PREVIEW_CSS            the page's CSS, so the preview looks like the export

The page makes no external request: the stylesheet is inlined and nothing is loaded.
Every value placed in the head is escaped; the body always goes through the sanitiser.
"""

from __future__ import annotations

import datetime as _dt
import html as _html
import json
from dataclasses import dataclass
from functools import cache
from string import Template
from typing import Any
from urllib.parse import quote as _url_quote
from urllib.parse import urlsplit

from app.core.errors import InputError
from app.core.export import structure
from app.core.export.files import article_stem
from app.core.export.plaintext import html_to_text
from app.core.export.sanitise import clean_text, render_body
from app.core.languages import pack
from app.core.limits import META_MAX
from app.core.models import Article, FaqItem, Language
from app.core.resources import read_text
from app.core.textutil import truncate_words

__all__ = [
    "PREVIEW_CSS",
    "Fragment",
    "canonical_url",
    "render_body",
    "render_fragment",
    "render_page",
    "stylesheet",
]

# Search engines show ~60 characters; a pasted paragraph as title must not become a
# 100,000-character <title> and og:title.
TITLE_MAX_CHARS = 200
DESCRIPTION_LIMIT = META_MAX - 1   # room for the "…" of a cut paragraph


@dataclass(frozen=True, slots=True)
class Fragment:
    """What goes to the clipboard: rich HTML and its plain-text twin."""

    html: str
    text: str


@cache
def stylesheet() -> str:
    """The CSS inlined in exported pages (use it for the live preview too)."""
    return read_text("templates", "article.css")


@cache
def _template() -> Template:
    return Template(read_text("templates", "page.html"))


def __getattr__(name: str) -> str:  # PREVIEW_CSS, read on first use
    if name == "PREVIEW_CSS":
        return stylesheet()
    raise AttributeError(name)


PREVIEW_CSS: str  # provided by __getattr__


def canonical_url(site_url: str, slug: str) -> str:
    """The page's public address: `{slug}` in `site_url` is replaced, else `<site>/<slug>.html`."""
    address = site_url.strip()
    parts = urlsplit(address)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or any(c in address for c in ' "<>')
    ):
        raise InputError(
            f"The site address '{site_url}' is not a web address.",
            hint="Give the full address of your site, e.g. https://example.com/blog/",
        )
    slug_part = _url_quote(slug, safe="-_.~")
    if "{slug}" in address:
        return address.replace("{slug}", slug_part)
    return f"{address.rstrip('/')}/{slug_part}.html"


def render_page(article: Article, *, site_url: str | None = None, author: str | None = None) -> str:
    """A complete HTML5 document for the article, with its SEO head."""
    language = article.language
    author = (author if author is not None else str(article.extra.get("author") or "")).strip()
    body_html = render_body(article.body)
    title = truncate_words(_single_line(article.title or article.h1 or pack(language.value).text("untitled")),
                           TITLE_MAX_CHARS, "…")
    description = _single_line(article.meta_description or _fallback_description(body_html))
    url = canonical_url(site_url, article_stem(article)) if site_url else None
    published = _aware(article.created).replace(microsecond=0)
    modified = _modified(article, published)
    draft = bool(article.extra.get("draft"))

    links = f'<link rel="canonical" href="{_attr(url)}">\n' if url else ""
    extra_meta = ""
    if url:
        extra_meta += f'<meta property="og:url" content="{_attr(url)}">\n'
    extra_meta += f'<meta property="article:published_time" content="{published.isoformat()}">\n'
    if author:
        extra_meta += f'<meta name="author" content="{_attr(author)}">\n'

    documents = [_article_ld(article, title, description, url, author, published, modified)]
    faq_ld = _faq_ld(article.faq or structure.extract_faq(article.body), language)
    if faq_ld["mainEntity"]:
        documents.append(faq_ld)
    json_ld = "".join(
        f'<script type="application/ld+json">{_json_for_script(doc)}</script>\n'
        for doc in documents
    )
    return _template().substitute(
        lang=language.value,
        title=_attr(title),
        description=_attr(description),
        robots="noindex, nofollow" if draft else "index, follow, max-image-preview:large",
        locale=pack(language.value).locale or language.value,
        head_links=links,
        og_extra=extra_meta,
        stylesheet=stylesheet(),
        json_ld=json_ld,
        body=body_html,
        byline=_byline(language, published, author),
    )


def render_fragment(article: Article, *, include_h1: bool = False) -> Fragment:
    """Sanitised body HTML and its plain text, ready to paste into a CMS editor.

    The `# H1` is left out by default: CMS editors have their own title field.
    """
    body = article.body
    if not include_h1:
        found = structure.first_h1(body)
        if found is not None:
            lines = body.split("\n")
            body = "\n".join(lines[: found[0]] + lines[found[0] + 1 :]).strip("\n")
    fragment_html = render_body(body)
    return Fragment(html=fragment_html, text=html_to_text(fragment_html))


# ---- Helpers -------------------------------------------------------------------------------


def _attr(value: str) -> str:
    return _html.escape(clean_text(value), quote=True)


def _single_line(value: str) -> str:
    return " ".join(clean_text(value).split())


def _fallback_description(body_html: str) -> str:
    text = html_to_text(body_html)
    paragraphs = [p for p in text.split("\n\n")[1:] if len(p) > 40] or [text]
    return truncate_words(paragraphs[0], DESCRIPTION_LIMIT, "…")


def _aware(moment: _dt.datetime) -> _dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=_dt.UTC)


def _modified(article: Article, published: _dt.datetime) -> _dt.datetime:
    value: Any = article.extra.get("lastmod") or article.extra.get("updatedDate")
    if isinstance(value, _dt.datetime):
        return _aware(value).replace(microsecond=0)
    return published


def _byline(language: Language, published: _dt.datetime, author: str) -> str:
    """"Publié le 3 décembre 2026 par …": the pack's date format and byline texts."""
    lp = pack(language.value)
    shown = lp.format_date(published.year, published.month, published.day)
    when = f'<time datetime="{published.isoformat()}">{shown}</time>'
    if author:
        return lp.text("published_by").format(date=when, author=_attr(author))
    return lp.text("published").format(date=when)


def _article_ld(
    article: Article,
    title: str,
    description: str,
    url: str | None,
    author: str,
    published: _dt.datetime,
    modified: _dt.datetime,
) -> dict[str, Any]:
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": truncate_words(title, 110),
        "description": description,
        "inLanguage": article.language.value,
        "datePublished": published.isoformat(),
        "dateModified": modified.isoformat(),
    }
    keywords = [k for k in (article.keyword, *article.secondary_keywords) if k]
    if keywords:
        document["keywords"] = ", ".join(keywords)
    if author:
        document["author"] = {"@type": "Person", "name": author}
    if url:
        document["mainEntityOfPage"] = {"@type": "WebPage", "@id": url}
        document["url"] = url
    return document


def _faq_ld(faq: list[FaqItem], language: Language) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": language.value,
        "mainEntity": [
            {
                "@type": "Question",
                "name": _single_line(item.question),
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": html_to_text(render_body(item.answer)),
                },
            }
            for item in faq
            if item.question.strip() and item.answer.strip()
        ],
    }


def _json_for_script(document: dict[str, Any]) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    text = json.dumps(document, ensure_ascii=False, indent=None)
    return clean_text(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
