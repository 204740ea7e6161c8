"""The persistent batch queue: one SQLite file per job (WAL), one row per article.

Crash safety rests on three facts: an item's state changes in single statements; progress
(plan, each finished section, the finished article) is committed as soon as it exists; and on
every (re)start, items left 'running' by a dead process go back to 'pending' keeping that
progress. One connection per thread, as sqlite3 requires.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.batch.job import HostSpec, ItemSpec, ItemState, JobConfig, item_model
from app.core.errors import InputError

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY, line INTEGER NOT NULL, keyword TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE, model TEXT NOT NULL, overrides TEXT NOT NULL DEFAULT '{}',
    extra TEXT NOT NULL DEFAULT '{}', state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '', host TEXT NOT NULL DEFAULT '',
    not_before REAL NOT NULL DEFAULT 0, started_at REAL, finished_at REAL,
    seconds REAL NOT NULL DEFAULT 0, title TEXT NOT NULL DEFAULT '',
    words INTEGER, seo_score REAL, readability_score REAL, files TEXT NOT NULL DEFAULT '[]',
    plan TEXT, article TEXT, review TEXT
);
CREATE INDEX IF NOT EXISTS items_by_state ON items(state, id);
CREATE TABLE IF NOT EXISTS sections (
    item_id INTEGER NOT NULL REFERENCES items(id), idx INTEGER NOT NULL,
    markdown TEXT NOT NULL, PRIMARY KEY (item_id, idx)
);
"""


@dataclass(slots=True)
class Item:
    id: int
    line: int
    keyword: str
    slug: str
    model: str
    overrides: dict[str, Any]
    extra: dict[str, str]
    state: ItemState
    attempts: int = 0
    failures: int = 0
    error: str = ""
    host: str = ""
    started_at: float | None = None
    finished_at: float | None = None
    seconds: float = 0.0
    title: str = ""
    words: int | None = None
    seo_score: float | None = None
    readability_score: float | None = None
    files: list[str] = field(default_factory=list)

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Item:
        return cls(
            id=row["id"], line=row["line"], keyword=row["keyword"], slug=row["slug"],
            model=row["model"], overrides=json.loads(row["overrides"]),
            extra=json.loads(row["extra"]), state=ItemState(row["state"]),
            attempts=row["attempts"], failures=row["failures"], error=row["error"],
            host=row["host"], started_at=row["started_at"], finished_at=row["finished_at"],
            seconds=row["seconds"], title=row["title"], words=row["words"],
            seo_score=row["seo_score"], readability_score=row["readability_score"],
            files=json.loads(row["files"]),
        )


@dataclass(frozen=True, slots=True)
class ItemResult:
    title: str
    words: int
    seo_score: float | None
    readability_score: float | None
    files: Sequence[str]


@dataclass(frozen=True, slots=True)
class Finishing:
    """What an article function may return once its model work is over: `run` does the rest
    (scoring, files) on the runner's finishing thread while the slot starts its next article."""
    run: Callable[[], ItemResult]


_ITEM_COLUMNS = ("id, line, keyword, slug, model, overrides, extra, state, attempts, failures, "
                 "error, host, started_at, finished_at, seconds, title, words, seo_score, "
                 "readability_score, files")


class JobStore:
    """Thread-safe access to one job database (a connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        # Writers of this process queue here rather than in SQLite's busy handler, which
        # polls with sleeps of 1–100 ms (measured: up to 40 ms per commit with 4 slots).
        self._write_lock = threading.RLock()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        # Which file this is: if the folder is deleted (or the job replaced) while a run
        # writes, `is_current()` turns False and the run stops writing there.
        self._identity = _identity(self.path)
        self.config = JobConfig.from_json(self._meta("config"))

    # ---- opening ----------------------------------------------------------------------------
    @classmethod
    def create(cls, config: JobConfig, items: Iterable[ItemSpec]) -> JobStore:
        from app.core.errors import ExportError
        from app.core.export.files import check_folder

        path = config.db_path
        if path.exists():
            raise InputError(f"{config.out_dir} already holds a batch job.",
                             hint=f"Resume it with `plume batch --resume {config.out_dir}`, or "
                                  "choose another output folder.")
        try:
            check_folder(Path(config.out_dir))
            path.parent.mkdir(parents=True, exist_ok=True)
        except ExportError as exc:
            raise InputError(f"Cannot write the articles in {config.out_dir}: {exc.message}",
                             hint=exc.hint) from None
        except OSError as exc:
            raise InputError(f"Cannot write the articles in {config.out_dir}: "
                             f"{exc.strerror or exc}.", hint="Choose another folder.") from None
        conn = _connect(path)
        with conn:
            conn.executescript(_SCHEMA)
            conn.execute("INSERT INTO meta VALUES ('schema', ?), ('config', ?), ('state', 'new')",
                         (str(SCHEMA_VERSION), config.to_json()))
            conn.executemany(
                "INSERT INTO items (line, keyword, slug, model, overrides, extra, state, error) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ((s.line, s.keyword, s.slug, item_model(s.overrides, config.defaults),
                  s.overrides_json(), json.dumps(s.extra, ensure_ascii=False), s.state.value,
                  s.reason) for s in items))
        conn.close()
        return cls(path)

    @classmethod
    def open(cls, path: str | Path) -> JobStore:
        """`path` is the job database, its folder, the output folder, or a job id."""
        from app.core.batch.job import JOB_DB_NAME, JOB_DIR_NAME
        from app.core.batch.registry import lookup

        p = Path(path).expanduser()
        for candidate in (p, p / JOB_DB_NAME, p / JOB_DIR_NAME / JOB_DB_NAME):
            if candidate.is_file():
                return cls._checked(candidate)
        known = lookup(str(path))
        if known is not None:
            return cls._checked(known)
        for folder in (p, p / JOB_DIR_NAME):
            aside = sorted(folder.glob(f"{JOB_DB_NAME}{DAMAGED_SUFFIX}*"))
            if aside:
                raise InputError(f"The batch job in {p} was damaged and set aside as "
                                 f"{aside[-1]}.", hint=_start_over_hint(aside[-1]))
        raise InputError(f"No batch job found at {p}.",
                         hint="Give the job id or the output folder of the job (the one with "
                              ".plume-batch).")

    @classmethod
    def _checked(cls, path: Path) -> JobStore:
        """Open `path`; a damaged database is moved aside (with its -wal/-shm) and an
        InputError says where and how to start the list again — never a traceback."""
        try:
            conn = _connect(path)
            try:
                verdict = conn.execute("PRAGMA quick_check").fetchone()
                if verdict is None or verdict[0] != "ok":
                    raise sqlite3.DatabaseError(str(verdict[0] if verdict else "no answer"))
            finally:
                conn.close()
            return cls(path)
        except (sqlite3.DatabaseError, KeyError, ValueError, TypeError) as exc:
            aside = _set_aside(path)
            raise InputError(f"The batch job database {path} is damaged ({exc}); it was set "
                             f"aside as {aside}.", hint=_start_over_hint(aside)) from None

    def is_current(self) -> bool:
        """False once the job's file was deleted or replaced (its folder removed meanwhile)."""
        return _identity(self.path) == self._identity

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = _connect(self.path)
            with self._all_lock:
                self._all.append(conn)
        return conn

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, serialised with this process's other writers."""
        conn = self._conn()
        with self._write_lock, conn:
            yield conn

    def close_thread(self) -> None:
        """Close this thread's connection (worker threads call it when they end)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            self._local.conn = None
            with self._all_lock:
                self._all.remove(conn)
            conn.close()

    def close(self) -> None:
        """Close every connection (call when no thread uses the store any more)."""
        with self._all_lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    def _meta(self, key: str) -> str:
        row = self._conn().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else ""

    def _set_meta(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def set_hosts(self, hosts: list[HostSpec]) -> None:
        """Resume on other hosts (a machine replaced, a GPU box added)."""
        self.config.hosts = list(hosts)
        self._set_meta("config", self.config.to_json())

    @property
    def job_state(self) -> str:
        return self._meta("state")

    def set_job_state(self, state: str) -> None:
        self._set_meta("state", state)

    # ---- scheduling -------------------------------------------------------------------------
    def requeue_interrupted(self) -> int:
        """Items a dead or stopped run left 'running' go back to 'pending' (progress kept)."""
        with self._write() as conn:
            return conn.execute("UPDATE items SET state = 'pending', host = '' "
                                "WHERE state = 'running'").rowcount

    def claim(self, host: str, models: Iterable[str], now: float | None = None) -> Item | None:
        models = list(models)
        if not models:
            return None
        now = time.time() if now is None else now
        marks = ",".join("?" * len(models))
        with self._write() as conn:
            row = conn.execute(
                f"UPDATE items SET state = 'running', attempts = attempts + 1, host = ?, "
                f"started_at = ? WHERE id = (SELECT id FROM items WHERE state = 'pending' "
                f"AND not_before <= ? AND model IN ({marks}) ORDER BY id LIMIT 1) "
                f"RETURNING {_ITEM_COLUMNS}", (host, now, now, *models)).fetchone()
        return Item.from_row(row) if row else None

    def release(self, item_id: int, *, error: str = "", failure: bool = False,
                delay: float = 0.0, elapsed: float = 0.0) -> ItemState:
        """Put an interrupted item back to 'pending' — or 'failed' once it has failed
        `max_failures` times by its own fault (`failure=True`)."""
        limit = self.config.max_failures
        with self._write() as conn:
            row = conn.execute(
                "UPDATE items SET failures = failures + ?, error = ?, host = '', "
                "seconds = seconds + ?, not_before = ?, "
                "state = CASE WHEN failures + ? >= ? THEN 'failed' ELSE 'pending' END, "
                "finished_at = CASE WHEN failures + ? >= ? THEN ? ELSE finished_at END "
                "WHERE id = ? AND state = 'running' RETURNING state",
                (int(failure), error, elapsed, time.time() + delay, int(failure), limit,
                 int(failure), limit, time.time(), item_id)).fetchone()
        return ItemState(row[0]) if row else ItemState.PENDING

    def fail(self, item_id: int, error: str, elapsed: float = 0.0) -> None:
        with self._write() as conn:
            conn.execute("UPDATE items SET state = 'failed', error = ?, host = '', "
                         "failures = failures + 1, seconds = seconds + ?, finished_at = ? "
                         "WHERE id = ?", (error, elapsed, time.time(), item_id))

    def finish(self, item_id: int, result: ItemResult, elapsed: float) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE items SET state = 'done', error = '', title = ?, words = ?, "
                "seo_score = ?, readability_score = ?, files = ?, seconds = seconds + ?, "
                "finished_at = ? WHERE id = ?",
                (result.title, result.words, result.seo_score, result.readability_score,
                 json.dumps(list(result.files), ensure_ascii=False), elapsed, time.time(),
                 item_id))

    def retry_failed(self) -> int:
        """Failed items, and items skipped by a cancel, go back to 'pending'."""
        with self._write() as conn:
            return conn.execute(
                "UPDATE items SET state = 'pending', failures = 0, not_before = 0, error = '' "
                "WHERE state = 'failed' OR (state = 'skipped' AND error = ?)",
                (CANCELLED_REASON,)).rowcount

    def skip_unfinished(self, reason: str = "") -> int:
        with self._write() as conn:
            return conn.execute("UPDATE items SET state = 'skipped', error = ?, host = '' "
                                "WHERE state IN ('pending', 'running')",
                                (reason or CANCELLED_REASON,)).rowcount

    def skip_models(self, models: Iterable[str], reason: str) -> int:
        models = list(models)
        marks = ",".join("?" * len(models))
        with self._write() as conn:
            return conn.execute(f"UPDATE items SET state = 'failed', error = ? WHERE "
                                f"state = 'pending' AND model IN ({marks})",
                                (reason, *models)).rowcount

    # ---- progress of one article ------------------------------------------------------------
    def save_plan(self, item_id: int, plan_json: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE items SET plan = ? WHERE id = ?", (plan_json, item_id))
            conn.execute("DELETE FROM sections WHERE item_id = ?", (item_id,))

    def save_section(self, item_id: int, index: int, markdown: str) -> None:
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO sections VALUES (?, ?, ?)",
                         (item_id, index, markdown))

    def save_article(self, item_id: int, article_json: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE items SET article = ? WHERE id = ?", (article_json, item_id))

    def save_review(self, item_id: int, summary_json: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE items SET review = ? WHERE id = ?", (summary_json, item_id))

    def reviews(self) -> dict[int, dict[str, Any]]:
        """Self-review records by item id (scores before/after, fixes)."""
        rows = self._conn().execute("SELECT id, review FROM items WHERE review IS NOT NULL")
        return {r[0]: json.loads(r[1]) for r in rows}

    def progress(self, item_id: int) -> tuple[str | None, dict[int, str], str | None]:
        """(plan JSON, {section index: markdown}, article JSON) saved for an item."""
        conn = self._conn()
        plan, article = conn.execute("SELECT plan, article FROM items WHERE id = ?",
                                     (item_id,)).fetchone()
        sections = dict(conn.execute("SELECT idx, markdown FROM sections WHERE item_id = ?",
                                     (item_id,)).fetchall())
        return plan, sections, article

    # ---- reading ----------------------------------------------------------------------------
    def counts(self) -> dict[ItemState, int]:
        found = dict.fromkeys(ItemState, 0)
        for state, n in self._conn().execute("SELECT state, COUNT(*) FROM items GROUP BY state"):
            found[ItemState(state)] = n
        return found

    def pending_models(self) -> set[str]:
        return {r[0] for r in self._conn().execute(
            "SELECT DISTINCT model FROM items WHERE state = 'pending'")}

    def items(self) -> list[Item]:
        rows = self._conn().execute(f"SELECT {_ITEM_COLUMNS} FROM items ORDER BY id").fetchall()
        return [Item.from_row(r) for r in rows]

    def item(self, item_id: int) -> Item:
        row = self._conn().execute(f"SELECT {_ITEM_COLUMNS} FROM items WHERE id = ?",
                                   (item_id,)).fetchone()
        return Item.from_row(row)


CANCELLED_REASON = "cancelled"
DAMAGED_SUFFIX = ".damaged-"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _set_aside(path: Path) -> Path:
    """Rename a damaged job database (and its WAL files) to `job.sqlite.damaged-<time>`."""
    aside = path.with_name(f"{path.name}{DAMAGED_SUFFIX}{time.strftime('%Y%m%d-%H%M%S')}")
    for suffix in ("-wal", "-shm", ""):
        source = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            source.rename(aside.with_name(aside.name + suffix))
    return aside


def _start_over_hint(aside: Path) -> str:
    out_dir = aside.parent.parent.resolve()
    return (f"Start the list again in the same folder: plume batch LIST --out {out_dir} "
            "(LIST = your keyword file). Articles already in the folder stay until they are "
            "written again.")


def _connect(path: Path) -> sqlite3.Connection:
    # Each connection is used by one thread only; False lets close() run from any thread.
    conn = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.isolation_level = "DEFERRED"       # `with conn:` = one transaction
    return conn
