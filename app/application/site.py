"""Site profiles as both faces use them: import a sitemap (file, or a URL the user gave —
fetched only then), a folder of articles or the library; propose and apply internal links."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import InputError
from app.core.models import Article, Brief
from app.core.settings import LIBRARY_FILE, default_data_dir
from app.core.site.links import MAX_LINKS, LinkSuggestion, apply_links, suggest_links
from app.core.site.pages import Page
from app.core.site.store import SITE_FILE, SiteStore

if TYPE_CHECKING:
    from app.core.batch.queue import Item, JobStore

FETCH_TIMEOUT = 30.0


def site_store() -> SiteStore:
    return SiteStore(default_data_dir() / SITE_FILE)


def pages_from(source: str, *, default_lang: str, site_url: str = "") -> list[Page]:
    """The pages of `source`: 'library', an http(s) sitemap URL, a sitemap file or a folder."""
    from app.core.site import importers

    if source == "library":
        return _library_pages(site_url)
    if source.startswith(("http://", "https://")):
        return importers.sitemap_pages(_fetch(source), default_lang, source=source)
    path = Path(source)
    if path.is_dir():
        return importers.folder_pages(path, site_url)
    if not path.is_file():
        raise InputError(f"No such file or folder: {source}.",
                         hint="Give a sitemap.xml, a folder of articles, a sitemap URL or "
                              "--library.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return importers.sitemap_pages(data, default_lang, source=str(path))


def _fetch(url: str) -> bytes:
    """The sitemap at `url` — the one download Plume makes here, because the user asked."""
    import httpx

    try:
        with httpx.stream("GET", url, timeout=FETCH_TIMEOUT, follow_redirects=True) as reply:
            reply.raise_for_status()
            chunks = []
            size = 0
            for chunk in reply.iter_bytes():
                size += len(chunk)
                if size > 50 * 1024 * 1024:
                    raise InputError(f"{url} is larger than 50 MB, the sitemap maximum.")
                chunks.append(chunk)
            return b"".join(chunks)
    except httpx.HTTPError as exc:
        raise InputError(f"Cannot download {url}: {exc}.",
                         hint="Check the address, or save the sitemap and import the file.") from None


def _library_pages(site_url: str) -> list[Page]:
    from app.core.site.importers import library_pages
    from app.core.store.library import Library

    path = default_data_dir() / LIBRARY_FILE
    if not path.is_file():
        return []
    if not site_url:
        raise InputError("Library articles need the site's address to get their URLs.",
                         hint="Add --site-url https://example.com or set it in Settings.")
    with Library(path) as library:
        articles = [library.load(s.id) for s in library.list()]
    return list(library_pages(articles, site_url))


def check_profile(site: str) -> None:
    """InputError when there is no profile `site` (said before any writing)."""
    with site_store() as store:
        known = store.sites()
    if site not in known:
        raise InputError(f"No site profile named '{site}'.",
                         hint=f"Import one first: plume site import sitemap.xml --name {site}"
                              + (f" (known: {', '.join(known)})" if known else ""))


def finished_articles(job: JobStore) -> list[tuple[Item, Article]]:
    """The batch job's finished items with their saved articles (a failed one has none)."""
    from app.core.batch.job import ItemState
    from app.core.store.codec import article_from_json

    done = []
    for item in job.items():
        saved = job.progress(item.id)[2] if item.state is ItemState.DONE else None
        if saved:
            done.append((item, article_from_json(saved)))
    return done


def link_batch(job: JobStore, site: str, cap: int, *, only: Collection[int] | None = None
               ) -> list[tuple[int, str, list[LinkSuggestion]]]:
    """Link the finished articles of a batch job (those of item ids `only`, else all) to the
    profile's pages and to the other finished articles, at most `cap` links each counting
    those they have: their files and saved copies are rewritten. Safe to run again (on
    resume, or as each article finishes): a page already linked is not linked twice; a
    failed article is never a page. Returns (item id, keyword, new links) per article linked."""
    from app.core.export.files import write_article
    from app.core.site.cluster import link_cluster
    from app.core.store.codec import article_to_json

    config = job.config
    done = finished_articles(job)
    if not done:
        return []
    languages = {str(a.language) for _, a in done}
    with site_store() as store:
        pages = [p for lang in sorted(languages) for p in store.pages(site, lang)]
    now = {i for i, (item, _) in enumerate(done) if only is None or item.id in only}
    linked = link_cluster([a for _, a in done], pages, cap=cap, site_url=config.site_url,
                          only=now, terms=[str(t[0]) for t in config.defaults.terms])
    out = []
    for i, ((item, _old), (article, links)) in enumerate(zip(done, linked, strict=True)):
        if links:
            job.save_article(item.id, article_to_json(article))
            write_article(article, Path(config.out_dir), config.formats, preset=config.preset,
                          site_url=config.site_url or None, overwrite=True)
        if i in now:
            out.append((item.id, item.keyword, links))
    return out


def link_suggestions(article: Article, site: str, *, own_url: str = "",
                     limit: int = MAX_LINKS) -> list[LinkSuggestion]:
    """Links from profile `site` for `article` (InputError for an empty or unknown profile);
    one-word anchors only to pages on its topic as its keyphrase and its text say
    (app/core/site/related.py)."""
    from app.core.site.related import related_pages

    lang = str(article.language)
    check_profile(site)
    with site_store() as store:
        pages = store.pages(site, lang)
    topical = {p.url for p in related_pages(article.keyword, lang, pages, own_url=own_url,
                                            own_slug=article.slug, body=article.body)}
    return suggest_links(article.body, article.keyword, lang, pages, own_url=own_url,
                         own_slug=article.slug, limit=limit, topical=topical)


def with_links(article: Article, suggestions: Sequence[LinkSuggestion]) -> Article:
    import dataclasses

    return dataclasses.replace(article, body=apply_links(article.body, suggestions))


def site_context(site: str, brief: Brief, limit: int = 12) -> list[str]:
    """Texts on the brief's topic from profile `site`: the title and main terms of each page in
    the brief's language that shares a content word with its keyphrases (for topic terms)."""
    from app.core.analysis.keyphrase import match_text, parse_keyphrase

    lang = brief.language.value
    check_profile(site)
    with site_store() as store:
        pages = store.pages(site, lang)
    phrases = [parse_keyphrase(k, lang) for k in (brief.keyword, *brief.secondary_keywords)]
    out = []
    for page in pages:
        text = ". ".join([page.title, *page.terms])
        if any(kp.size and match_text(kp, text, lang).found for kp in phrases):
            out.append(text)
    return out[:limit]


def link_targets(site: str, brief: Brief, limit: int = 3) -> list[str]:
    """Titles of the pages of profile `site` on the brief's topic (its keyphrase, then its
    topic terms: app/core/site/related.py), to name while writing so the draft gives them
    natural anchors."""
    from app.core.site.related import related_pages
    from app.core.textutil import slugify

    lang = brief.language.value
    check_profile(site)
    with site_store() as store:
        pages = store.pages(site, lang)
    found = related_pages(brief.keyword, lang, pages, own_slug=slugify(brief.keyword),
                          terms=brief.terms)
    return [p.title.lower() for p in found[:limit]]


def with_related_reading(article: Article, site: str, *, own_url: str = "",
                         cap: int = MAX_LINKS, terms: Sequence[str] = ()
                         ) -> tuple[Article, list[LinkSuggestion]]:
    """`article` with a "read also" line to pages of `site` on its topic (its keyphrase, its
    text, the writer's topic `terms`) when it links to fewer than two of them
    (app/core/site/related.py)."""
    import dataclasses

    from app.core.languages.registry import labels
    from app.core.site.related import with_related

    lang = str(article.language)
    with site_store() as store:
        pages = store.pages(site, lang)
    body, links = with_related(article.body, article.keyword, lang, pages,
                               labels(lang).get("related", ""), cap=cap, own_url=own_url,
                               own_slug=article.slug, terms=terms)
    return dataclasses.replace(article, body=body), links


def with_read_also(body: str, links: Sequence[LinkSuggestion], lang: str, *,
                   own_url: str = "") -> str:
    """`body` ending with a "read also" line to the pages of `links` (those
    with_related_reading proposed and the writer kept)."""
    from app.core.languages.registry import labels
    from app.core.site.related import with_line

    pages = [Page(s.url, s.title, lang, ()) for s in links]
    return with_line(body, pages, labels(lang).get("related", ""), own_url)[0] if pages else body
