"""Open the library, setting a damaged file aside: the writer gets a fresh library (so
autosave and Save work) and a message saying where the old file is, never a silent start
without a library."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from app.core.errors import StoreError
from app.core.store.library import Library

logger = logging.getLogger(__name__)
# SQLite's answers for a file that is not (or no longer) a readable database. Locked or
# read-only files are not damaged: they are reported, never moved.
_DAMAGED = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}


def open_library(path: Path, now: dt.datetime | None = None) -> tuple[Library, StoreError | None]:
    """The library at `path`, and a notice when a damaged file had to be set aside.
    Raises `StoreError` when the library cannot be opened for another reason."""
    path = Path(path)
    try:
        return Library(path), None
    except StoreError as exc:
        cause = exc.__cause__
        if not (isinstance(cause, sqlite3.DatabaseError)
                and getattr(cause, "sqlite_errorname", "") in _DAMAGED):
            raise
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        path.rename(aside)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(aside.with_name(aside.name + suffix))
    except OSError as exc:
        reason = str(exc.strerror or exc)
        raise StoreError(f"The library {path} is damaged and could not be moved aside: "
                         f"{reason}.", hint="Move the file away by hand, then restart Plume.",
                         code="library_damaged_stuck",
                         params={"path": str(path), "reason": reason}) from exc
    logger.warning("damaged library moved to %s", aside)
    notice = StoreError(
        f"The library {path} was damaged and could not be read. It was moved to {aside}; "
        "a new, empty library was started.",
        hint="Your earlier articles may still be read from the old file with an SQLite "
        "recovery tool (sqlite3 … .recover).",
        code="library_damaged_moved", params={"path": str(path), "aside": str(aside)})
    return Library(path), notice
