"""What a finished (or stopped) run leaves beside the articles: index.csv and a failure report.

Both are rebuilt from the job database at the end of every run, so they are never out of step
with it, and written atomically."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from app.core.batch.job import ItemState
from app.core.batch.queue import Item, JobStore

INDEX_NAME = "index.csv"
REPORT_NAME = "failures.txt"
INDEX_COLUMNS = ("keyword", "title", "slug", "words", "seo_score", "readability_score", "file",
                 "status", "seconds", "line", "error")


REVIEW_COLUMNS = ("seo_before", "seo_after", "readability_before", "readability_after")
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV
# injection"): =HYPERLINK(…), +cmd|' /C calc'!A0, @SUM(…). Such text cells get a leading '.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def index_csv(items: list[Item], out_dir: Path,
              reviews: dict[int, dict[str, Any]] | None = None) -> str:
    """One row per article. With self-review records, scores before/after are added."""
    reviews = reviews or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(INDEX_COLUMNS + (REVIEW_COLUMNS if reviews else ()))
    for item in items:
        files = [_relative(f, out_dir) for f in item.files]
        row: list[Any] = [
            _cell(item.keyword), _cell(item.title), _cell(item.slug), _num(item.words),
            _num(item.seo_score), _num(item.readability_score), _cell(";".join(files)),
            item.state.value, f"{item.seconds:.1f}" if item.seconds else "", item.line,
            _cell(item.error) if item.state is not ItemState.DONE else "",
        ]
        if reviews:
            record = reviews.get(item.id, {})
            row += [_num(record.get(name)) for name in REVIEW_COLUMNS]
        writer.writerow(row)
    return buffer.getvalue()


def failure_report(items: list[Item]) -> str:
    """Plain text, one block per failed or skipped row; '' when there is nothing to say."""
    lines: list[str] = []
    failed = [i for i in items if i.state is ItemState.FAILED]
    skipped = [i for i in items if i.state is ItemState.SKIPPED]
    for title, group in (("Failed", failed), ("Skipped", skipped)):
        if not group:
            continue
        lines.append(f"{title} ({len(group)}):")
        for item in group:
            reason = item.error or "no reason recorded"
            lines.append(f"  line {item.line}: {item.keyword} — {reason}")
        lines.append("")
    return "\n".join(lines)


def write_outputs(store: JobStore) -> list[Path]:
    """(Re)write index.csv and failures.txt in the output folder; returns what was written.
    Nothing is written when the job's folder was deleted or replaced meanwhile: a stale run
    must not put its old index over a new job's."""
    from app.core.export.files import atomic_write

    if not store.is_current():
        return []
    out = Path(store.config.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    items = store.items()
    index = index_csv(items, out, store.reviews())
    written = [atomic_write(out / INDEX_NAME, "\ufeff" + index, overwrite=True)]
    report = failure_report(items)
    target = out / REPORT_NAME
    if report:
        written.append(atomic_write(target, report, overwrite=True))
    elif target.exists():
        target.unlink()
    return written


def _relative(path: str, out_dir: Path) -> str:
    try:
        return str(Path(path).relative_to(out_dir))
    except ValueError:
        return path


def _cell(text: str) -> str:
    """Text as a spreadsheet shows it, never as a formula it would run."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _num(value: float | int | None) -> str:
    if value is None:
        return ""
    return str(round(value)) if isinstance(value, float) else str(value)
