"""Job ids → job databases, so `plume batch --resume 20261125-181502-ab12` works too.

The job itself lives in its output folder; this is only an index of where, kept in the
user data folder (one small text file per job). A missing or stale entry costs nothing:
the folder path always works.
"""

from __future__ import annotations

import re
from pathlib import Path

_JOB_ID = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{4}$")


def _folder(data_dir: Path | None) -> Path:
    if data_dir is None:
        from app.core.settings import default_data_dir

        data_dir = default_data_dir()
    return data_dir / "batch-jobs"


def register(job_id: str, db_path: Path, data_dir: Path | None = None) -> None:
    try:
        folder = _folder(data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{job_id}.path").write_text(str(Path(db_path).resolve()), encoding="utf-8")
    except OSError:
        pass                                   # the output folder path still resumes it


def lookup(text: str, data_dir: Path | None = None) -> Path | None:
    """The database of job `text` if it is a known job id whose database still exists."""
    if not _JOB_ID.match(text.strip()):
        return None
    try:
        path = Path((_folder(data_dir) / f"{text.strip()}.path").read_text(encoding="utf-8"))
    except OSError:
        return None
    return path if path.is_file() else None
