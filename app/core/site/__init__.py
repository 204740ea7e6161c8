"""The writer's own site: a profile of its pages (title, URL, language, main terms) imported
from a sitemap, a folder of articles or the library, stored in SQLite, and the internal links
proposed from it (natural anchors found in the article's own sentences)."""

from app.core.site.links import LinkSuggestion, apply_links, suggest_links
from app.core.site.pages import Page

__all__ = ["LinkSuggestion", "Page", "apply_links", "suggest_links"]
