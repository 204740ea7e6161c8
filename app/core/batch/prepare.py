"""From a parsed list to a job: the checks that run before anything starts.

Shared by the CLI and the GUI: invalid rows, cannibalisation groups, hosts and their models,
and file names that must not clobber what is already in the output folder.
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from app.core.batch.dedup import DuplicateGroup, find_duplicates, lines_to_skip
from app.core.batch.hosts import Probe, describe_error
from app.core.batch.job import HostSpec, ItemSpec, ItemState, JobDefaults, item_model
from app.core.batch.keywords import KeywordRow, ParsedList
from app.core.models import Language

DuplicateChoice = Literal["skip", "keep"]


@dataclass(slots=True)
class HostCheck:
    spec: HostSpec
    models: set[str] = field(default_factory=set)
    error: str = ""

    @property
    def up(self) -> bool:
        return not self.error


def duplicate_groups(parsed: ParsedList, defaults: JobDefaults) -> list[DuplicateGroup]:
    rows = [(r.line, r.keyword, Language(r.overrides.get("language", defaults.language)))
            for r in parsed.valid_rows]
    return find_duplicates(rows)


def check_hosts(hosts: Sequence[HostSpec], probe: Probe) -> list[HostCheck]:
    """Probe every host at once (a down host costs one connect timeout, not one each)."""
    def one(spec: HostSpec) -> HostCheck:
        try:
            from app.core.batch.keywords import normalize_model

            return HostCheck(spec, {normalize_model(m) for m in probe(spec.url)})
        except Exception as exc:  # noqa: BLE001 — reported to the user as the host's state
            return HostCheck(spec, error=describe_error(exc))

    with cf.ThreadPoolExecutor(max_workers=max(1, len(hosts))) as pool:
        return list(pool.map(one, hosts))


def missing_models(rows: Sequence[KeywordRow], defaults: JobDefaults,
                   checks: Sequence[HostCheck]) -> dict[str, list[int]]:
    """Model → lines needing it, for models no reachable host has. Empty if a host is down
    (it may have them; the runner decides once it answers)."""
    if any(not c.up for c in checks):
        return {}
    served = set().union(*(c.models for c in checks))
    missing: dict[str, list[int]] = {}
    for row in rows:
        model = item_model(row.overrides, defaults)
        if model not in served:
            missing.setdefault(model, []).append(row.line)
    return missing


def build_items(parsed: ParsedList, *, duplicates: Sequence[DuplicateGroup] = (),
                duplicate_choice: DuplicateChoice = "keep",
                unavailable: dict[str, list[int]] | None = None,
                out_dir: Path | None = None, formats: Sequence[str] = ("md",)) -> list[ItemSpec]:
    """Every row becomes an item: valid ones pending, the others 'skipped' with their reason,
    so nothing vanishes from the index. File names already taken in `out_dir` are avoided."""
    skip = lines_to_skip(duplicates) if duplicate_choice == "skip" else {}
    no_model = {line: model for model, lines in (unavailable or {}).items() for line in lines}
    taken = _existing_stems(out_dir, formats)
    items: list[ItemSpec] = []
    for row in parsed.rows:
        slug = _free(row.slug or f"line-{row.line}", taken)
        spec = ItemSpec(row.line, row.keyword or f"(line {row.line})", slug, dict(row.overrides),
                        dict(row.extra))
        if not row.ok:
            spec.state = ItemState.SKIPPED
            spec.reason = "; ".join(p.message for p in row.problems if p.severity == "error")
        elif row.line in skip:
            spec.state, spec.reason = ItemState.SKIPPED, f"Skipped as {skip[row.line]}."
        elif row.line in no_model:
            spec.state = ItemState.SKIPPED
            spec.reason = f"The model '{no_model[row.line]}' is on no host."
        items.append(spec)
    return items


def _existing_stems(out_dir: Path | None, formats: Sequence[str]) -> set[str]:
    if out_dir is None or not out_dir.is_dir():
        return set()
    suffixes = {".md" if f == "md" else ".html" for f in formats}
    return {p.name[: -len(p.suffix)] for p in out_dir.iterdir() if p.suffix in suffixes}


def _free(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate
