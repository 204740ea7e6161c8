"""An article → a WordPress post: title, slug, excerpt, HTML body (our exporter), categories,
tags, featured image, and the SEO plugin's title / description / keyphrase when the site
exposes them. A post is created once; publishing the same article again (same site, same
slug) updates that post — the id is remembered (app/core/publish/sites.py), and a post with
the slug found on the site is reused when nothing is remembered (another machine, a lost
record).

New posts are drafts unless a status is asked; an update keeps the post's status unless one
is asked (republishing never unpublishes by surprise).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import InputError
from app.core.models import Article
from app.core.publish.sites import Site, find_site, remember_post, remembered_post
from app.core.publish.wordpress import SEO_KEYS, Post, WordPress

STATUSES = ("draft", "publish", "future", "pending", "private")
_IMAGE_KEYS = ("featured_image", "image", "cover", "heroImage", "images")


@dataclass(slots=True)
class PublishOptions:
    status: str | None = None             # None: draft when new, unchanged when updating
    date: dt.datetime | None = None       # with status "future": when it goes live
    categories: list[str] = field(default_factory=list)   # else the article's front matter
    tags: list[str] = field(default_factory=list)
    image: Path | None = None             # else the front matter's image, beside the article

    def check(self) -> None:
        """Bad input is refused before anything is sent."""
        if self.status is not None and self.status not in STATUSES:
            raise InputError(f"Unknown status '{self.status}'.",
                             hint="Use draft, publish, future (with --date), pending or private.")
        if self.status == "future":
            if self.date is None:
                raise InputError("A scheduled post needs a date.",
                                 hint="Add --date 2026-12-24T08:00 (local time).")
            if _utc(self.date) <= dt.datetime.now(dt.UTC):
                raise InputError(f"The date {self.date:%Y-%m-%d %H:%M} is already past.",
                                 hint="Pick a date in the future, or use --status publish.")


@dataclass(slots=True)
class Published:
    post: Post
    created: bool
    seo_plugin: str | None
    notes: list[str] = field(default_factory=list)


def publish(site: WordPress, article: Article, options: PublishOptions, *,
            source: Path | None = None, post_id: int | None = None) -> Published:
    """Create or update the post of `article` on `site` (`post_id`: the one it became)."""
    options.check()
    image = options.image or _front_matter_image(article, source)
    if image is not None and not image.is_file():
        raise InputError(f"The featured image {image} does not exist.",
                         hint="Fix the path (relative to the article file) or pass --image.")
    site.me()                                     # a wrong password stops us here
    notes: list[str] = []
    plugin = site.seo_plugin()
    if plugin is None:
        notes.append("SEO title, description and keyphrase not sent: the site does not expose "
                     "Yoast or Rank Math fields to the REST API (see the README).")
    existing = post_id if post_id is not None else _found(site, article.slug)
    fields = post_fields(article, options, plugin, updating=existing is not None)
    categories = options.categories or list(article.extra.get("categories") or [])
    tags = options.tags or list(article.extra.get("tags") or [])
    if categories:
        fields["categories"] = site.term_ids("categories", categories, create=False)
    if tags:
        fields["tags"] = site.term_ids("tags", tags, create=True)
    if image is not None:
        fields["featured_media"] = site.upload_media(image, alt=article.h1 or article.title)
    post = site.save_post(fields, existing)
    if post.status == "trash":
        notes.append(f"Post #{post.id} is in the WordPress trash: restore it there (Posts › "
                     "Trash), or publish with --status draft to take it out.")
    if post.slug and post.slug != article.slug:
        notes.append(f"WordPress changed the slug to '{post.slug}' (another post has "
                     f"'{article.slug}').")
    return Published(post, created=existing is None or post.id != existing, seo_plugin=plugin,
                     notes=notes)


def publish_to_site(article: Article, site: str | Site, options: PublishOptions, *,
                    user: str | None = None, source: Path | None = None,
                    password: str | None = None, timeout: float = 30.0) -> Published:
    """`publish` on a configured site (a name, an address or a Site), signed in with
    `password` or the site's saved one; the post id is remembered for the next time.
    May block."""
    options.check()
    chosen = site if isinstance(site, Site) else find_site(site, user)
    secret = password or chosen.password()
    with WordPress(chosen.url, chosen.user, secret, timeout=timeout) as wordpress:
        known = remembered_post(wordpress.site, article.slug)
        result = publish(wordpress, article, options, source=source, post_id=known)
    remember_post(wordpress.site, article.slug, result.post.id)
    return result


def check_site(site: str | Site, user: str | None = None) -> Site:
    """The site, once its password has been tried (before a batch starts). May block."""
    chosen = site if isinstance(site, Site) else find_site(site, user)
    with WordPress(chosen.url, chosen.user, chosen.password()) as wordpress:
        wordpress.me()
    return chosen


def post_fields(article: Article, options: PublishOptions, plugin: str | None, *,
                updating: bool) -> dict[str, Any]:
    from app.core.export.html import render_fragment

    fields: dict[str, Any] = {
        "title": article.h1 or article.title, "slug": article.slug,
        "excerpt": article.meta_description,
        "content": render_fragment(article).html,
    }
    if options.status is not None or not updating:
        fields["status"] = options.status or "draft"
    if options.date is not None:
        fields["date_gmt"] = _utc(options.date).strftime("%Y-%m-%dT%H:%M:%S")
    if plugin is not None:
        keys = SEO_KEYS[plugin]
        fields["meta"] = {keys["title"]: article.title,
                          keys["description"]: article.meta_description,
                          keys["keyphrase"]: article.keyword}
    return fields


def _found(site: WordPress, slug: str) -> int | None:
    post = site.find_post(slug) if slug else None
    return post.id if post is not None else None


def _front_matter_image(article: Article, source: Path | None) -> Path | None:
    for key in _IMAGE_KEYS:
        value = article.extra.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            if "://" in value:
                return None        # a web address: nothing to upload (we never download)
            path = Path(value.strip()).expanduser()
            return path if path.is_absolute() or source is None else source.parent / path
    return None


def _utc(moment: dt.datetime) -> dt.datetime:
    return (moment if moment.tzinfo else moment.astimezone()).astimezone(dt.UTC)
