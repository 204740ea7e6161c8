"""Writing exports: slug names, no clobbering, atomic writes, clear errors that change nothing."""

from __future__ import annotations

import datetime as dt
import errno
import os
import threading
from pathlib import Path

import pytest

from app.core.errors import ExportError
from app.core.export import files
from app.core.export.files import article_stem, atomic_write, unique_path, write_article
from app.core.export.markdown import parse_markdown
from app.core.models import Article, Language


def make_article(**changes: object) -> Article:
    values: dict[str, object] = dict(
        keyword="compost",
        language=Language.FR,
        title="Faire son compost",
        meta_description="Guide du compost.",
        slug="faire-son-compost",
        body="# Faire son compost\n\nDu vert, du brun, de l'air.",
        created=dt.datetime(2026, 2, 1, 8, 0, tzinfo=dt.UTC),
    )
    values.update(changes)
    return Article(**values)  # type: ignore[arg-type]


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_write_article_names_files_after_the_slug(tmp_path: Path) -> None:
    paths = write_article(make_article(), tmp_path, ("md", "html", "fragment"), preset="hugo")
    assert [p.name for p in paths] == [
        "faire-son-compost.md",
        "faire-son-compost.html",
        "faire-son-compost.fragment.html",
        "faire-son-compost.fragment.txt",
    ]
    assert parse_markdown(paths[0].read_text(encoding="utf-8")).title == "Faire son compost"
    assert paths[1].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert paths[3].read_text(encoding="utf-8") == "Du vert, du brun, de l'air."


def test_existing_files_are_never_overwritten_unless_asked(tmp_path: Path) -> None:
    (tmp_path / "faire-son-compost.html").write_text("mine", encoding="utf-8")
    first = write_article(make_article(), tmp_path, ("md", "html"))
    second = write_article(make_article(), tmp_path, ("md", "html"))
    # one free name for the whole set, so the .md and .html of one export stay together
    assert [p.name for p in first] == ["faire-son-compost-2.md", "faire-son-compost-2.html"]
    assert [p.name for p in second] == ["faire-son-compost-3.md", "faire-son-compost-3.html"]
    assert (tmp_path / "faire-son-compost.html").read_text(encoding="utf-8") == "mine"
    replaced = write_article(make_article(), tmp_path, ("html",), overwrite=True)
    assert replaced == [tmp_path / "faire-son-compost.html"]
    assert "<!DOCTYPE html>" in replaced[0].read_text(encoding="utf-8")


def test_jekyll_posts_are_named_with_their_date(tmp_path: Path) -> None:
    paths = write_article(make_article(), tmp_path, ("md", "html"), preset="jekyll")
    assert [p.name for p in paths] == ["2026-02-01-faire-son-compost.md", "faire-son-compost.html"]
    again = write_article(make_article(), tmp_path, ("md",), preset="jekyll")
    assert [p.name for p in again] == ["2026-02-01-faire-son-compost-2.md"]


def test_unique_path_counts_up(tmp_path: Path) -> None:
    assert unique_path(tmp_path, "a", ".md") == tmp_path / "a.md"
    (tmp_path / "a.md").touch()
    (tmp_path / "a-2.md").touch()
    assert unique_path(tmp_path, "a", ".md") == tmp_path / "a-3.md"


def test_atomic_write_refuses_to_replace_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    atomic_write(target, "first")
    with pytest.raises(ExportError) as info:
        atomic_write(target, "second")
    assert "already exists" in info.value.message and "overwrit" in info.value.hint
    assert target.read_text(encoding="utf-8") == "first"
    atomic_write(target, b"second", overwrite=True)
    assert target.read_bytes() == b"second"
    assert listing(tmp_path) == {"note.md": b"second"}  # no temporary file left


def test_overwrite_keeps_the_existing_permissions(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write(target, "new", overwrite=True)
    assert target.stat().st_mode & 0o777 == 0o640
    assert (atomic_write(tmp_path / "fresh.html", "x").stat().st_mode & 0o777) == 0o644


def test_concurrent_exports_of_the_same_article_never_collide(tmp_path: Path) -> None:
    results: list[list[Path]] = []
    errors: list[Exception] = []

    def export() -> None:
        try:
            results.append(write_article(make_article(), tmp_path, ("md", "html")))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=export) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    names = [p.name for paths in results for p in paths]
    assert len(names) == len(set(names)) == 16
    assert len(list(tmp_path.iterdir())) == 16


def test_a_failing_write_leaves_no_half_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "page.html"
    target.write_text("the old, complete page", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(ExportError) as info:
        atomic_write(target, "x" * 100_000, overwrite=True)
    assert "disk is full" in info.value.message and "Free some space" in info.value.hint
    assert listing(tmp_path) == {"page.html": b"the old, complete page"}


def test_failure_midway_removes_only_the_files_this_export_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "faire-son-compost.md").write_text("kept", encoding="utf-8")
    real_replace = os.replace

    def fail_on_html(src: str, dst: str | Path) -> None:
        if str(dst).endswith(".html"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", fail_on_html)
    monkeypatch.setattr(
        files.os, "link", lambda src, dst: (_ for _ in ()).throw(OSError(errno.EPERM, "no links"))
    )
    with pytest.raises(ExportError):
        write_article(make_article(), tmp_path, ("md", "html"))
    assert listing(tmp_path) == {"faire-son-compost.md": b"kept"}
    with pytest.raises(ExportError):
        write_article(make_article(), tmp_path, ("md", "html"), overwrite=True)
    assert (
        (tmp_path / "faire-son-compost.md").read_text(encoding="utf-8").startswith("---")
    )  # replaced, as asked
    assert sorted(listing(tmp_path)) == ["faire-son-compost.md"]


def test_unwritable_folder_gives_an_actionable_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() == 0:  # root ignores permissions: make the OS answer as it would for a user

        def denied(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(files.tempfile, "mkstemp", denied)
    else:
        locked.chmod(0o500)
    with pytest.raises(ExportError) as info:
        write_article(make_article(), locked, ("md",))
    assert "not allowed to write" in info.value.message and "Choose a folder" in info.value.hint
    assert list(locked.iterdir()) == []


def test_folder_that_is_a_file_or_cannot_exist(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError) as info:
        write_article(make_article(), blocker, ("md",))
    assert "not a folder" in info.value.message
    with pytest.raises(ExportError) as info:
        write_article(make_article(), blocker / "sub", ("md",))
    assert info.value.hint
    with pytest.raises(ExportError) as info:
        atomic_write(tmp_path / "missing" / "a.md", "x")
    assert "does not exist" in info.value.message
    assert listing(tmp_path) == {"file.txt": b"x"}


@pytest.mark.parametrize("name", ["", "..", "a/b", "a\x00b", "x" * 300 + ".md"])
def test_invalid_names_are_refused_clearly(tmp_path: Path, name: str) -> None:
    with pytest.raises(ExportError) as info:
        if name.endswith(".md"):
            atomic_write(tmp_path / name, "x")
        else:
            unique_path(tmp_path, name, ".md")
    assert "file name" in info.value.message and info.value.hint
    assert list(tmp_path.iterdir()) == []


def test_stem_comes_from_a_safe_slug() -> None:
    assert article_stem(make_article(slug="../../etc/passwd")) == "etc-passwd"
    assert article_stem(make_article(slug="", title="Été à Noël !")) == "ete-a-noel"
    assert article_stem(make_article(slug="", title="", body="")) == "article"
    assert article_stem(make_article(slug="CON")) == "con-article"


def test_unknown_format_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as info:
        write_article(make_article(), tmp_path, ("md", "pdf"))
    assert "pdf" in info.value.message and "html" in info.value.hint
    assert list(tmp_path.iterdir()) == []
