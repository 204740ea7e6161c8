"""The library: articles survive a round trip, search finds them, autosave drafts left by a
crash are offered back, and schema versions are handled."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.core.errors import StoreError
from app.core.models import Article, FaqItem, Language
from app.core.store import Library, schema


def make_article(keyword: str = "café en grains", body: str | None = None,
                 language: Language = Language.FR) -> Article:
    return Article(
        keyword=keyword, language=language, title=f"Guide : {keyword}",
        meta_description="Tout savoir.", slug="cafe-en-grains",
        body=body if body is not None else f"# Le guide du {keyword}\n\nUn texte de six mots.",
        secondary_keywords=("torréfaction", "arabica"),
        faq=[FaqItem("Pourquoi ?", "Parce que.")], model="qwen3:8b",
        extra={"tags": ["café"], "draft": True},
    )


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def test_save_load_round_trip(library: Library) -> None:
    article = make_article()
    article_id = library.save(article)
    loaded = library.load(article_id)
    assert loaded == article
    assert library.path.exists()
    assert library._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_update_and_list_summary(library: Library) -> None:
    first = library.save(make_article("thé vert"))
    second = library.save(make_article("café en grains"))
    article = make_article("café en grains", body="# Titre\n\nun deux trois")
    assert library.save(article, article_id=second) == second
    items = library.list()
    assert [i.id for i in items] == [second, first]          # most recently updated first
    assert items[0].keyword == "café en grains" and items[0].words == 3   # the headline is not body text (word_count.py)
    assert items[0].language == "fr" and items[0].title == "Guide : café en grains"


def test_update_of_deleted_article_is_a_clear_error(library: Library) -> None:
    article_id = library.save(make_article())
    library.delete(article_id)
    with pytest.raises(StoreError, match="no longer exists"):
        library.save(make_article(), article_id=article_id)
    with pytest.raises(StoreError):
        library.load(article_id)
    assert library.list() == []


def test_search_title_keyword_body_accent_insensitive(library: Library) -> None:
    coffee = library.save(make_article("café en grains"))
    tea = library.save(make_article("thé vert", body="# Thé\n\nInfusion japonaise sencha."))
    assert [i.id for i in library.list("cafe")] == [coffee]          # accent folded
    assert [i.id for i in library.list("japon")] == [tea]             # body, prefix
    assert [i.id for i in library.list("GUIDE")] == [tea, coffee]     # title, any case
    assert library.list("introuvable") == []
    assert library.list('"; DROP TABLE articles; --') == []           # no SQL/FTS syntax leak
    assert len(library.list()) == 2


def test_search_without_fts5_falls_back_to_like(library: Library) -> None:
    library.full_text = False
    coffee = library.save(make_article("café en grains"))
    library.save(make_article("thé vert", body="# Thé\n\n100% sencha_bio"))
    assert [i.id for i in library.list("grains")] == [coffee]
    assert len(library.list("100%")) == 1 and library.list("0%s") == []


def test_keyphrases_used_excludes_current(library: Library) -> None:
    a = library.save(make_article("café en grains"))
    library.save(make_article("thé vert"))
    assert library.keyphrases_used() == ["café en grains", "thé vert"]
    assert library.keyphrases_used(exclude_id=a) == ["thé vert"]


def test_autosave_updates_one_row_and_mark_clean_removes_it(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        draft = lib.autosave(None, make_article(body="# A\n\nfirst"))
        assert lib.autosave(None, make_article(body="# A\n\nsecond"), draft_id=draft) == draft
        assert lib.recoverable() == []        # our own session's draft is not a crash
        lib.mark_clean(draft)
    with Library(path) as again:
        assert again.recoverable() == []


def test_draft_left_by_a_crash_is_recoverable(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        saved = lib.save(make_article())
        lib.autosave(saved, make_article(body="# A\n\nedited after save"))
        unsaved = lib.autosave(None, make_article("nouvel article", body="# B\n\njamais sauvé"))
        # no mark_clean: the process "crashes"
    with Library(path) as after:
        drafts = after.recoverable()
        assert {d.article_id for d in drafts} == {saved, None}
        by_article = {d.article_id: d for d in drafts}
        assert after.load_draft(by_article[None].draft_id).body == "# B\n\njamais sauvé"
        assert after.load_draft(by_article[saved].draft_id).body == "# A\n\nedited after save"
        assert by_article[None].keyword == "nouvel article"
        after.adopt_draft(unsaved)
        after.discard_recovery(by_article[saved].draft_id)
        assert after.recoverable() == []
    with Library(path) as third:   # the adopted draft was never cleaned: offered again
        assert [d.draft_id for d in third.recoverable()] == [unsaved]


def test_draft_survives_sigkill(tmp_path: Path) -> None:
    """A real process autosaves then dies with SIGKILL: the text is offered back."""
    path = tmp_path / "lib.sqlite3"
    code = (
        "import os, signal, sys\n"
        "from app.core.models import Article, Language\n"
        "from app.core.store import Library\n"
        "lib = Library(sys.argv[1])\n"
        "a = Article('kw', Language.EN, 'T', 'm', 's', '# T\\n\\nunsaved words here')\n"
        "lib.autosave(None, a)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(path)], timeout=60)
    assert proc.returncode != 0
    with Library(path) as lib:
        [draft] = lib.recoverable()
        assert lib.load_draft(draft.draft_id).body == "# T\n\nunsaved words here"


def test_delete_removes_drafts_of_that_article(library: Library) -> None:
    article_id = library.save(make_article())
    library.autosave(article_id, make_article())
    library.delete(article_id)
    assert library._db.execute("SELECT COUNT(*) FROM drafts").fetchone()[0] == 0


def test_concurrent_autosave_and_list_from_threads(library: Library) -> None:
    library.save(make_article())
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            draft = None
            for i in range(50):
                draft = library.autosave(None, make_article(body=f"# T\n\n{i}"), draft_id=draft)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for t in threads:
        t.start()
    for _ in range(50):
        assert len(library.list("guide")) == 1
    for t in threads:
        t.join()
    assert errors == []


def test_newer_schema_refused_without_touching_file(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE schema_version SET version = ?", (schema.SCHEMA_VERSION + 1,))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer Plume"):
        Library(path)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as info:
        Library(path)
    assert "move it aside" in info.value.hint
    assert path.read_bytes() == b"this is not sqlite" * 100   # nothing destroyed
