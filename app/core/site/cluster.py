"""A batch as a small cluster: each finished article may link to the site's pages and to the
other finished articles of the batch that are on topic (a failed one is not a page)."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence

from app.core.languages.registry import labels
from app.core.models import Article
from app.core.site.importers import article_page
from app.core.site.links import LinkSuggestion, apply_links, linked_pages, suggest_links
from app.core.site.pages import Page, slug_of, unique_terms
from app.core.site.related import related_pages, with_related


def batch_page(article: Article, site_url: str) -> Page | None:
    """The page a finished article will be: at the site URL + slug, else at /slug/."""
    page = article_page(article, site_url, source="batch")
    if page is None and article.slug and (article.title or article.h1):
        page = article_page(dataclasses.replace(article, extra={}), "https://site.invalid",
                            source="batch")
        if page is not None:
            page = dataclasses.replace(page, url=f"/{article.slug.strip('/')}/")
    return page


def link_cluster(articles: Sequence[Article], site_pages: Sequence[Page], *, cap: int,
                 site_url: str = "", only: Collection[int] | None = None,
                 terms: Sequence[str] = ()) -> list[tuple[Article, list[LinkSuggestion]]]:
    """Each article with its new links applied, and those links: at most `cap` links to the
    site and the cluster in all, counting the ones it has already, and a "read also" line
    to pages on its topic when its text gave fewer than two (app/core/site/related.py); never a second link to a
    page it links to (run it again, e.g. on resume: nothing changes). `only`: the indexes of
    the articles to link now (the others are pages to link to); `terms`: the writer's topic
    terms for the batch."""
    own = [batch_page(a, site_url) for a in articles]
    site_pages = _rewritten(site_pages, [p for p in own if p is not None])
    on_site = {slug_of(p.url) for p in site_pages}   # a batch article the site lists already
    cluster = [p for p in own if p is not None and slug_of(p.url) not in on_site]
    out: list[tuple[Article, list[LinkSuggestion]]] = []
    for i, (article, page) in enumerate(zip(articles, own, strict=True)):
        if only is not None and i not in only:
            out.append((article, []))
            continue
        pages = [*site_pages, *(p for p in cluster if p is not page)]
        own_url = page.url if page is not None and page.url.startswith("http") else ""
        linked = linked_pages(article.body, pages, own_url)
        left = cap - len(linked)
        lang = str(article.language)
        topical = {p.url for p in related_pages(article.keyword, lang, pages, own_url=own_url,
                                                own_slug=article.slug, body=article.body)}
        links = suggest_links(article.body, article.keyword, lang, pages,
                              own_url=own_url, own_slug=article.slug, limit=left,
                              exclude={p.url for p in linked}, topical=topical
                              ) if left > 0 else []
        body, more = with_related(apply_links(article.body, links), article.keyword, lang, pages,
                                  labels(lang).get("related", ""), cap=cap, own_url=own_url,
                                  own_slug=article.slug, terms=terms)
        out.append((dataclasses.replace(article, body=body), [*links, *more]))
    return out


def _rewritten(site_pages: Sequence[Page], batch: Sequence[Page]) -> list[Page]:
    """The site's pages; where a batch article has the same slug, that page is the article
    (source "batch", with its terms): it is being rewritten, and its new text says what it
    is about (a sitemap gives only the words of its address)."""
    new = {slug_of(p.url): p for p in batch}
    out = []
    for page in site_pages:
        article = new.get(slug_of(page.url))
        if article is not None and article.language == page.language:
            page = dataclasses.replace(page, source=article.source, terms=unique_terms(
                [*page.terms[:1], *article.terms, *page.terms[1:]]))
        out.append(page)
    return out
