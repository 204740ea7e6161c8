"""The search-result snippet: title and description cut the way a results page cuts them."""

from __future__ import annotations

from urllib.parse import urlsplit

from app.core.analysis.arial import text_width
from app.core.analysis.report import Snippet

TITLE_PX, TITLE_SIZE = 600.0, 20.0
DESCRIPTION_PX, DESCRIPTION_SIZE = 920.0, 14.0
ELLIPSIS = " …"


def truncate_to_width(text: str, max_px: float, size: float) -> tuple[str, float, bool]:
    """(text as shown, full width in px, truncated?) — cut at a word, ending with " …"."""
    text = " ".join(text.split())
    full = text_width(text, size)
    if full <= max_px:
        return text, full, False
    room = max_px - text_width(ELLIPSIS, size)
    shown, used = "", 0.0
    for word in text.split(" "):
        candidate = f"{shown} {word}" if shown else word
        width = text_width(candidate, size)
        if width > room:
            break
        shown, used = candidate, width
    if not shown:                       # a single very long word: cut by characters
        for char in text:
            used += text_width(char, size)
            if used > room:
                break
            shown += char
    return shown.rstrip(" ,;:-–—") + ELLIPSIS, full, True


def display_url(site_url: str | None, slug: str) -> str:
    if not site_url:
        return slug
    parts = urlsplit(site_url if "://" in site_url else f"https://{site_url}")
    path = parts.path.rstrip("/")
    return f"{parts.scheme}://{parts.netloc}{path}/{slug}".rstrip("/")


def build_snippet(title: str, description: str, site_url: str | None, slug: str) -> Snippet:
    shown_title, title_px, title_cut = truncate_to_width(title, TITLE_PX, TITLE_SIZE)
    shown_desc, desc_px, desc_cut = truncate_to_width(description, DESCRIPTION_PX, DESCRIPTION_SIZE)
    return Snippet(shown_title, title_px, title_cut, shown_desc, desc_px, desc_cut,
                   display_url(site_url, slug))
