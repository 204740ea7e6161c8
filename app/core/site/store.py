"""Site profiles in SQLite (`site.sqlite3` in the data folder): one row per page, keyed by
profile and URL, so a re-import updates the pages it lists and keeps the others."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from app.core.errors import InputError, StoreError
from app.core.site.pages import Page

SITE_FILE = "site.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    site TEXT NOT NULL, url TEXT NOT NULL, title TEXT NOT NULL, language TEXT NOT NULL,
    terms TEXT NOT NULL, source TEXT NOT NULL, updated TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (site, url));
"""


class SiteStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"Cannot open the site profiles in {self.path}: {exc}.") from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self, site: str, pages: Iterable[Page]) -> tuple[int, int]:
        """Add or update `pages` in profile `site`; returns (added, updated)."""
        name = checked_name(site)
        added = updated = 0
        with self._db:
            for page in pages:
                exists = self._db.execute("SELECT 1 FROM pages WHERE site=? AND url=?",
                                          (name, page.url)).fetchone()
                self._db.execute(
                    "INSERT INTO pages (site, url, title, language, terms, source) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (site, url) DO UPDATE SET "
                    "title=excluded.title, language=excluded.language, terms=excluded.terms, "
                    "source=excluded.source, updated=CURRENT_TIMESTAMP",
                    (name, page.url, page.title, page.language,
                     json.dumps(list(page.terms), ensure_ascii=False), page.source))
                if exists:
                    updated += 1
                else:
                    added += 1
        return added, updated

    def pages(self, site: str, language: str | None = None) -> list[Page]:
        rows = self._db.execute(
            "SELECT url, title, language, terms, source FROM pages WHERE site=? "
            "AND (? IS NULL OR language=?) ORDER BY url", (site, language, language)).fetchall()
        return [Page(url, title, lang, tuple(json.loads(terms)), source)
                for url, title, lang, terms, source in rows]

    def sites(self) -> dict[str, int]:
        rows = self._db.execute("SELECT site, COUNT(*) FROM pages GROUP BY site ORDER BY site")
        return {name: count for name, count in rows}


def checked_name(site: str) -> str:
    name = " ".join(site.split())
    if not name or len(name) > 80:
        raise InputError(f"'{site}' is not a usable site profile name.",
                         hint="Use a short name such as 'my-blog'.")
    return name
