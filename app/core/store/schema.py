"""Library schema and its step-by-step migrations.

The version lives in the `schema_version` table (one row). Each entry of `MIGRATIONS`
upgrades the database from version N to N+1 inside one transaction, so a crash mid-way
leaves the previous version intact. Never edit a published step: append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from app.core.errors import StoreError

SCHEMA_VERSION = 2


def _create_v1(db: sqlite3.Connection) -> None:
    execute_script(
        db,
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            keyword TEXT NOT NULL,
            language TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            meta_description TEXT NOT NULL DEFAULT '',
            slug TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            secondary_keywords TEXT NOT NULL DEFAULT '[]',
            faq TEXT NOT NULL DEFAULT '[]',
            extra TEXT NOT NULL DEFAULT '{}',
            model TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            words INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX articles_updated ON articles(updated DESC);
        -- Recovery copies written by autosave; a clean save or close deletes them, so any
        -- row left from another session is a draft a crash interrupted.
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            session TEXT NOT NULL,
            data TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            keyword TEXT NOT NULL DEFAULT '',
            words INTEGER NOT NULL DEFAULT 0,
            updated TEXT NOT NULL
        );
        """
    )


def _owner_pid_v2(db: sqlite3.Connection) -> None:
    # The process that writes a draft: while it runs, the draft is its live text, not a
    # crash left behind (0 = written before this column existed: owner unknown).
    db.execute("ALTER TABLE drafts ADD COLUMN pid INTEGER NOT NULL DEFAULT 0")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    0: _create_v1,
    1: _owner_pid_v2,
}


def fts_available(db: sqlite3.Connection) -> bool:
    try:
        db.execute("CREATE VIRTUAL TABLE temp.plume_fts_probe USING fts5(x)")
        db.execute("DROP TABLE temp.plume_fts_probe")
    except sqlite3.OperationalError:
        return False
    return True


def ensure_fts(db: sqlite3.Connection) -> bool:
    """Create the full-text index (external content + triggers) if SQLite has FTS5.
    Not part of the versioned schema: a build without FTS5 falls back to LIKE."""
    if not fts_available(db):
        return False
    exists = db.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'"
    ).fetchone()
    if exists:
        return True
    db.execute("BEGIN IMMEDIATE")
    try:
        execute_script(
            db,
            """
            CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, keyword, body, content='articles', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts(rowid, title, keyword, body)
                VALUES (new.id, new.title, new.keyword, new.body);
            END;
            CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, keyword, body)
                VALUES ('delete', old.id, old.title, old.keyword, old.body);
            END;
            CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, keyword, body)
                VALUES ('delete', old.id, old.title, old.keyword, old.body);
                INSERT INTO articles_fts(rowid, title, keyword, body)
                VALUES (new.id, new.title, new.keyword, new.body);
            END;
            INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
            """,
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return True


def current_version(db: sqlite3.Connection) -> int:
    has_table = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has_table:
        return 0
    row = db.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(db: sqlite3.Connection, path: str) -> None:
    version = current_version(db)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The library {path} was created by a newer Plume (schema {version}; this "
            f"version reads up to {SCHEMA_VERSION}).",
            hint="Update Plume to open it; the file was left untouched.",
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS[version]
        db.execute("BEGIN IMMEDIATE")
        try:
            step(db)
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            db.execute("DELETE FROM schema_version")
            db.execute("INSERT INTO schema_version(version) VALUES (?)", (version + 1,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        version += 1


def execute_script(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (unlike `executescript`, this stays inside the open
    transaction, so a migration step is all-or-nothing)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            db.execute(buffer)
            buffer = ""
