"""A damaged library file is moved aside with a timestamp and a fresh library opens; the
notice says where the old file went."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.core.store.opening import open_library
from tests.core.test_store import make_article


def test_damaged_library_is_set_aside_and_a_fresh_one_works(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not SQLite at all" * 100)
    library, notice = open_library(path, now=dt.datetime(2026, 12, 3, 9, 5, 7))
    aside = tmp_path / "library.sqlite3.damaged-20261203-090507"
    assert aside.read_bytes().startswith(b"this is not SQLite")     # kept, byte for byte
    assert notice is not None and str(aside) in notice.message
    article_id = library.save(make_article())                       # Save works again
    assert library.load(article_id).body == make_article().body
    library.close()


def test_healthy_library_opens_without_notice(tmp_path: Path) -> None:
    library, notice = open_library(tmp_path / "library.sqlite3")
    assert notice is None
    library.close()
