"""The article library: a SQLite file (WAL) holding saved articles and recovery drafts.

Threading: one connection opened with `check_same_thread=False`, every call serialised by
a lock, so a `Library` may be shared by the GUI thread and workers (autosave writes from a
worker while the library panel reads on the GUI thread). Each call is short.

Recovery: `autosave()` writes a draft row tagged with this session and process; an explicit
save or a discard calls `mark_clean()`, which deletes it. Draft rows of *other* sessions
whose process is gone were left by a crash or a close: `recoverable()` lists them; the
rows of a process still running (a second window on the same library) are its live text.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import logging
import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.analysis.word_count import article_words
from app.core.errors import StoreError
from app.core.models import Article
from app.core.store import schema
from app.core.store.codec import (
    article_from_dict,
    article_to_dict,
    dumps,
    now_iso,
    parse_time,
)
from app.core.store.owner import process_alive
from app.core.textutil import count_words

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    title: str
    keyword: str
    language: str
    updated: dt.datetime
    words: int


@dataclass(frozen=True, slots=True)
class RecoverableDraft:
    draft_id: int
    article_id: int | None      # None: the article had never been saved
    title: str
    keyword: str
    updated: dt.datetime
    words: int


class Library:
    """Saved articles + crash recovery. Raises `StoreError` with the file path on failure."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.session = uuid.uuid4().hex
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path, check_same_thread=False, isolation_level=None, timeout=10
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            schema.migrate(self._db, str(self.path))
            self.full_text = schema.ensure_fts(self._db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"Could not open the library {self.path}: {exc}.",
                hint="If the file is damaged, move it aside and restart Plume; "
                "a new, empty library will be created.",
                code="library_open_failed", params={"path": str(self.path), "reason": str(exc)},
            ) from exc
        except OSError as exc:
            raise StoreError(f"Could not create the library folder for {self.path}: {exc}.",
                             code="library_folder_failed",
                             params={"path": str(self.path), "reason": str(exc)}) from exc

    # ---- Lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- Articles --------------------------------------------------------------------

    def save(self, article: Article, *, article_id: int | None = None) -> int:
        """Insert (no id) or update an article; returns its id."""
        data = article_to_dict(article)
        values = (
            data["keyword"], data["language"], data["title"], data["meta_description"],
            data["slug"], data["body"], dumps(data["secondary_keywords"]), dumps(data["faq"]),
            dumps(data["extra"]), data["model"], now_iso(),
            article_words(article.body),    # as the editor and score panel count them
        )
        with self._transaction() as db:
            if article_id is None:
                cursor = db.execute(
                    "INSERT INTO articles (keyword, language, title, meta_description, slug, "
                    "body, secondary_keywords, faq, extra, model, updated, words, created) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, data["created"]),
                )
                return int(cursor.lastrowid or 0)
            cursor = db.execute(
                "UPDATE articles SET keyword=?, language=?, title=?, meta_description=?, "
                "slug=?, body=?, secondary_keywords=?, faq=?, extra=?, model=?, updated=?, "
                "words=? WHERE id=?",
                (*values, article_id),
            )
            if cursor.rowcount == 0:
                raise StoreError(
                    f"Article {article_id} no longer exists in the library.",
                    hint="Save it again as a new article.",
                    code="library_article_gone", params={"id": str(article_id)},
                )
            return article_id

    def load(self, article_id: int) -> Article:
        with self._transaction() as db:
            row = db.execute(
                "SELECT keyword, language, title, meta_description, slug, body, "
                "secondary_keywords, faq, extra, model, created FROM articles WHERE id=?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise StoreError(f"Article {article_id} is not in the library.", hint="")
        keys = ("keyword", "language", "title", "meta_description", "slug", "body",
                "secondary_keywords", "faq", "extra", "model", "created")
        data: dict[str, Any] = dict(zip(keys, row, strict=True))
        for key in ("secondary_keywords", "faq", "extra"):
            data[key] = json.loads(data[key])
        return article_from_dict(data)

    get = load  # alias (the main window's integration calls `library.get(id)`)

    def list(self, query: str = "") -> builtins.list[ArticleSummary]:
        """Newest first. `query` matches title, keyword and body (accent-insensitive with
        FTS5; each word is a prefix, all words must match)."""
        columns = "a.id, a.title, a.keyword, a.language, a.updated, a.words"
        words = _query_words(query)
        with self._transaction() as db:
            if not words:
                rows = db.execute(
                    f"SELECT {columns} FROM articles a ORDER BY a.updated DESC, a.id DESC"
                ).fetchall()
            elif self.full_text:
                match = " ".join('"' + w.replace('"', '""') + '"*' for w in words)
                rows = db.execute(
                    f"SELECT {columns} FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                    "WHERE articles_fts MATCH ? ORDER BY a.updated DESC, a.id DESC",
                    (match,),
                ).fetchall()
            else:
                clause = " AND ".join(
                    "(a.title LIKE ? ESCAPE '\\' OR a.keyword LIKE ? ESCAPE '\\' "
                    "OR a.body LIKE ? ESCAPE '\\')" for _ in words
                )
                params = [p for w in words for p in [_like(w)] * 3]
                rows = db.execute(
                    f"SELECT {columns} FROM articles a WHERE {clause} "
                    "ORDER BY a.updated DESC, a.id DESC",
                    params,
                ).fetchall()
        return [
            ArticleSummary(int(r[0]), r[1], r[2], r[3], parse_time(r[4]), int(r[5]))
            for r in rows
        ]

    def delete(self, article_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM drafts WHERE article_id=?", (article_id,))
            db.execute("DELETE FROM articles WHERE id=?", (article_id,))

    def keyphrases_used(self, exclude_id: int | None = None) -> builtins.list[str]:
        """Focus keyphrases of saved articles (for the "previously used keyphrase" check)."""
        with self._transaction() as db:
            rows = db.execute(
                "SELECT DISTINCT keyword FROM articles WHERE id IS NOT ? AND keyword != '' "
                "ORDER BY keyword",
                (exclude_id,),
            ).fetchall()
        return [r[0] for r in rows]

    # ---- Autosave and recovery -------------------------------------------------------

    def autosave(
        self, article_id: int | None, article: Article, *, draft_id: int | None = None
    ) -> int:
        """Write a recovery copy; returns the draft id to pass back next time.

        Pass the `draft_id` returned by the previous call (needed for never-saved
        articles). Cheap: one row upsert, no full-text indexing.
        """
        data = dumps(article_to_dict(article))
        values = (article_id, self.session, data, article.title or article.h1,
                  article.keyword, count_words(article.body), now_iso(), os.getpid())
        with self._transaction() as db:
            if draft_id is None and article_id is not None:
                row = db.execute(
                    "SELECT id FROM drafts WHERE article_id=? AND session=?",
                    (article_id, self.session),
                ).fetchone()
                draft_id = int(row[0]) if row else None
            if draft_id is not None:
                cursor = db.execute(
                    "UPDATE drafts SET article_id=?, session=?, data=?, title=?, keyword=?, "
                    "words=?, updated=?, pid=? WHERE id=?",
                    (*values, draft_id),
                )
                if cursor.rowcount:
                    return draft_id
            cursor = db.execute(
                "INSERT INTO drafts (article_id, session, data, title, keyword, words, updated,"
                " pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
            return int(cursor.lastrowid or 0)

    def mark_clean(self, draft_id: int | None = None, *, article_id: int | None = None) -> None:
        """The text is safely saved (or deliberately closed): drop its recovery copy."""
        with self._transaction() as db:
            if draft_id is not None:
                db.execute("DELETE FROM drafts WHERE id=?", (draft_id,))
            if article_id is not None:
                db.execute(
                    "DELETE FROM drafts WHERE article_id=? AND session=?",
                    (article_id, self.session),
                )

    def extend_draft_of(self, pid: int, text: str) -> None:
        """Append `text` (streamed after its last copy) to the newest recovery copy written
        by process `pid`; with none, keep it as a copy of its own. The journal continues the
        copy's text exactly (a copy taken mid-word: "begin" + "ners"), so nothing goes between."""
        with self._transaction() as db:
            row = db.execute("SELECT id, data FROM drafts WHERE pid=? ORDER BY updated DESC, id DESC"
                             " LIMIT 1", (pid,)).fetchone()
            if row is not None:
                article = article_from_dict(json.loads(row[1]))
                article.body = f"{article.body}{text}".strip()
                db.execute("UPDATE drafts SET data=?, words=? WHERE id=?",
                           (dumps(article_to_dict(article)), count_words(article.body), row[0]))
                return
            db.execute(
                "INSERT INTO drafts (article_id, session, data, title, keyword, words, updated,"
                " pid) VALUES (NULL, ?, ?, '', '', ?, ?, ?)",
                (f"stream-{pid}", dumps({"body": text.strip()}), count_words(text), now_iso(), pid))

    def recoverable(self) -> builtins.list[RecoverableDraft]:
        """Drafts a crash left behind (other sessions' rows), newest first; a draft with
        no words is never offered (nothing to recover)."""
        with self._transaction() as db:
            rows = db.execute(
                "SELECT id, article_id, title, keyword, updated, words, pid FROM drafts "
                "WHERE session != ? AND words > 0 ORDER BY updated DESC, id DESC",
                (self.session,),
            ).fetchall()
        me = os.getpid()   # one library session per app process: ours are other sessions' rows
        return [
            RecoverableDraft(int(r[0]), r[1], r[2], r[3], parse_time(r[4]), int(r[5]))
            for r in rows
            if int(r[6]) == me or not process_alive(int(r[6]))
        ]

    def load_draft(self, draft_id: int) -> Article:
        with self._transaction() as db:
            row = db.execute("SELECT data FROM drafts WHERE id=?", (draft_id,)).fetchone()
        if row is None:
            raise StoreError(f"Recovery draft {draft_id} no longer exists.", hint="")
        return article_from_dict(json.loads(row[0]))

    def adopt_draft(self, draft_id: int) -> None:
        """Recovering a draft: this session now owns it (it stays until saved or closed)."""
        with self._transaction() as db:
            db.execute("UPDATE drafts SET session=?, pid=? WHERE id=?",
                       (self.session, os.getpid(), draft_id))

    def discard_recovery(self, draft_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM drafts WHERE id=?", (draft_id,))

    # ---- Private ---------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                raise StoreError(f"The library {self.path} could not be used: {exc}.",
                                 code="library_unusable",
                                 params={"path": str(self.path), "reason": str(exc)}) from exc


def _query_words(query: str) -> builtins.list[str]:
    return [w for w in re.split(r"[\s\"'()*:^+\-]+", query) if w][:12]


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
