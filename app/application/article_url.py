"""The public address an article will have (social posts, internal links)."""

from __future__ import annotations

from urllib.parse import urlsplit

from app.core.errors import InputError
from app.core.models import Article

URL_KEYS = ("url", "canonical", "canonical_url", "permalink")


def checked_url(text: str) -> str:
    """A full http(s) address, or InputError saying what a usable one looks like."""
    url = text.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
        raise InputError(f"'{text}' is not a web address.",
                         hint="Give a full address, e.g. https://example.com/my-article/.")
    return url


def article_url(article: Article, site_url: str = "", explicit: str | None = None) -> str:
    """`explicit`, else the front matter's url/canonical/permalink (when a full address),
    else the site URL + slug, else "" (the posts then carry no link)."""
    if explicit:
        return checked_url(explicit)
    for key in URL_KEYS:
        value = str(article.extra.get(key) or "").strip()
        if value.startswith(("http://", "https://")):
            return value
    if site_url and article.slug:
        return f"{site_url.rstrip('/')}/{article.slug.strip('/')}/"
    return ""
