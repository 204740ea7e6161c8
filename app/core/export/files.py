"""Writing exports to disk: names from the slug, never clobbering, never half a file.

    write_article(article, Path("out"), ("md", "html"), preset="hugo")
        -> [out/my-slug.md, out/my-slug.html]     (or my-slug-2.* if taken)

Every file is written to a temporary file in the target folder, flushed, fsynced, then
moved into place in one step, so a crash leaves either the old state or the whole new file.
Without `overwrite`, an existing file is never replaced, even by a race with another
writer (the final step is a hard link, which fails if the name exists). Every failure
raises `ExportError` with what happened and what to do, and leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from app.core.errors import ExportError
from app.core.models import Article
from app.core.textutil import slugify

FORMATS = ("md", "html", "fragment")
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)
_MAX_TRIES = 10_000
_CHECK_BYTES = 64 * 1024   # about a long article: room to save the result


class TargetExistsError(ExportError):
    """The file is already there and overwriting was not asked for."""

    default_hint = "Export again and allow overwriting, or choose another folder."


def atomic_write(path: Path, data: str | bytes, *, overwrite: bool = False) -> Path:
    """Write `data` (str is UTF-8 encoded) to `path` all at once; returns `path`."""
    path = Path(path)
    _check_name(path.name)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(
            f"The folder {folder} does not exist.",
            hint="Create it or choose another folder, then export again.",
            code="export_folder_missing", params={"folder": str(folder)},
        )
    if not overwrite and os.path.lexists(path):
        raise TargetExistsError(f"{path} already exists.")
    temporary: str | None = None
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=".plume-", suffix=".tmp", dir=folder)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        if overwrite:
            os.replace(temporary, path)
        else:
            _link_into_place(temporary, path)
        _fsync_folder(folder)
    except ExportError:
        raise
    except (OSError, ValueError) as exc:
        raise _explain(exc, path) from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return path


def check_folder(folder: Path) -> None:
    """Raise `ExportError` (what is wrong, what to do) unless articles can be written in
    `folder`, or in the folder it would be created in. Leaves nothing behind: a small file
    (about one article) is written there and removed, so a read-only drive, missing rights
    or a full disk are found before any work, not after."""
    folder = Path(folder)
    existing = folder
    while not os.path.lexists(existing) and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        where = folder if existing == folder else existing
        raise ExportError(f"{where} is a file, not a folder.",
                          hint="Choose a folder to write into (e.g. --out articles).",
                          code="export_not_a_folder", params={"folder": str(where)})
    temporary: str | None = None
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=".plume-check-", dir=existing)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(b"\0" * _CHECK_BYTES)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise ExportError(f"The disk holding {existing} is full.",
                              hint="Free some space or choose a folder on another drive.",
                              code="export_disk_full", params={"folder": str(existing)}) from exc
        raise _explain(exc, existing / "article.md") from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem+suffix`, or `stem-2`, `stem-3`… when taken."""
    return Path(folder) / (_free_stem(Path(folder), stem, (("", suffix),)) + suffix)


def write_article(
    article: Article,
    folder: Path,
    formats: Sequence[str] = ("md",),
    *,
    preset: str = "plain",
    site_url: str | None = None,
    author: str | None = None,
    overwrite: bool = False,
    draft: bool | None = None,
    categories: Sequence[str] = (),
    tags: Sequence[str] = (),
) -> list[Path]:
    """Export the article in each format into `folder` (created if needed).

    All files share one name taken from the slug (`my-slug.md`, `my-slug.html`); if any is
    taken, all get the next free suffix (`my-slug-2.*`) unless `overwrite`. With the Jekyll
    preset the Markdown file is `YYYY-MM-DD-my-slug.md`, as Jekyll requires for posts. Everything is
    rendered before anything is written, and if a write fails the files this call created
    are removed, so a failure leaves the folder as it was.
    """
    from app.core.export import html, markdown  # noqa: PLC0415 (keep `files` light to import)

    outputs: list[tuple[str, str, str]] = []  # (prefix, suffix, text) around the shared stem
    for name in _check_formats(formats):
        if name == "md":
            text = markdown.to_markdown(
                article, preset, draft=draft, author=author, categories=categories, tags=tags
            )
            outputs.append((_markdown_prefix(article, preset), ".md", text))
        elif name == "html":
            page = html.render_page(article, site_url=site_url, author=author)
            outputs.append(("", ".html", page))
        else:
            fragment = html.render_fragment(article)
            outputs += [("", ".fragment.html", fragment.html), ("", ".fragment.txt", fragment.text)]
    folder = Path(folder)
    _make_folder(folder)
    stem = article_stem(article)
    names = tuple((prefix, suffix) for prefix, suffix, _ in outputs)
    for _ in range(_MAX_TRIES):
        chosen = stem if overwrite else _free_stem(folder, stem, names)
        written: list[Path] = []
        created: list[Path] = []  # only these are removed on failure; replaced files stay
        try:
            for prefix, suffix, text in outputs:
                target = folder / (prefix + chosen + suffix)
                existed = os.path.lexists(target)
                written.append(atomic_write(target, text, overwrite=overwrite))
                if not existed:
                    created.append(target)
        except TargetExistsError:
            _remove(created)  # another writer took the name meanwhile: try the next one
            continue
        except ExportError:
            _remove(created)
            raise
        return written
    raise ExportError(f"No free file name for '{stem}' in {folder}.", hint="Choose another folder.",
                      code="export_no_free_name", params={"name": stem, "folder": str(folder)})


def article_stem(article: Article) -> str:
    """A safe file name (without suffix) from the article's slug or title."""
    stem = slugify(article.slug) or slugify(article.title) or slugify(article.h1) or "article"
    return f"{stem}-article" if stem in _WINDOWS_RESERVED else stem


# ---- Helpers -------------------------------------------------------------------------------


def _check_formats(formats: Sequence[str]) -> list[str]:
    chosen = [str(f).strip().lower() for f in ([formats] if isinstance(formats, str) else formats)]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise ExportError(
            f"Unknown export format: {', '.join(unknown) or '(none)'}.",
            hint=f"Use {', '.join(FORMATS)}.",
        )
    return list(dict.fromkeys(chosen))


def _check_name(name: str) -> None:
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        raise ExportError(
            f"'{name}' is not a valid file name.",
            hint="Use letters, digits and hyphens (the article's slug), then export again.",
            code="export_bad_name", params={"name": name},
        )


def _markdown_prefix(article: Article, preset: str) -> str:
    """Jekyll only publishes posts named `YYYY-MM-DD-slug.md`."""
    if str(preset).strip().lower() != "jekyll":
        return ""
    return f"{article.created.date().isoformat()}-"


def _free_stem(folder: Path, stem: str, names: Sequence[tuple[str, str]]) -> str:
    _check_name(stem)
    for n in range(1, _MAX_TRIES):
        candidate = stem if n == 1 else f"{stem}-{n}"
        if not any(os.path.lexists(folder / (p + candidate + s)) for p, s in names):
            return candidate
    raise ExportError(f"No free file name for '{stem}' in {folder}.", hint="Choose another folder.",
                      code="export_no_free_name", params={"name": stem, "folder": str(folder)})


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ExportError(
            f"{folder} is a file, not a folder.", hint="Choose a folder to export into.",
            code="export_not_a_folder", params={"folder": str(folder)},
        ) from None
    except OSError as exc:
        raise _explain(exc, folder) from exc


def _link_into_place(temporary: str, path: Path) -> None:
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise TargetExistsError(f"{path} already exists.") from None
    except OSError as exc:
        if exc.errno not in (
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EXDEV,
            errno.EMLINK,
        ):
            raise
        # File systems without hard links (FAT, some network shares): check, then move.
        if os.path.lexists(path):
            raise TargetExistsError(f"{path} already exists.") from None
        os.replace(temporary, path)


def _mode_for(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return 0o644


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders can't be opened."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _remove(paths: Sequence[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _explain(exc: OSError | ValueError, path: Path) -> ExportError:
    if isinstance(exc, ValueError):
        return ExportError(
            f"'{path.name}' is not a valid file name.", hint="Use letters, digits and hyphens.",
            code="export_bad_name", params={"name": path.name},
        )
    code = exc.errno
    where = path.parent if path.suffix else path
    if code in (errno.EACCES, errno.EPERM):
        return ExportError(
            f"Plume is not allowed to write in {where}.",
            hint="Choose a folder you can write to (e.g. in Documents), or change its permissions.",
            code="export_not_allowed", params={"folder": str(where)},
        )
    if code == errno.EROFS:
        return ExportError(
            f"{where} is on a read-only drive.", hint="Choose a folder on another drive.",
            code="export_read_only", params={"folder": str(where)},
        )
    if code in (errno.ENOSPC, errno.EDQUOT):
        return ExportError(
            f"The disk is full: {path.name} was not written (nothing was changed).",
            hint="Free some space or choose a folder on another drive, then export again.",
            code="export_disk_full_file", params={"name": path.name},
        )
    if code in (errno.ENAMETOOLONG, errno.EINVAL, errno.EILSEQ):
        return ExportError(
            f"'{path.name}' is not a valid file name here.",
            hint="Use a shorter slug made of letters, digits and hyphens, then export again.",
            code="export_bad_name_here", params={"name": path.name},
        )
    if code in (errno.ENOENT, errno.ENOTDIR):
        return ExportError(
            f"The folder {where} does not exist.", hint="Create it or choose another folder.",
            code="export_folder_missing", params={"folder": str(where)},
        )
    reason = str(exc.strerror or exc)
    return ExportError(f"Could not write {path}: {reason}.", code="export_failed",
                       params={"path": str(path), "reason": reason})
