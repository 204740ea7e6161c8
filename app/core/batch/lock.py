"""One running process per job: OS file locks, released by the OS when the process dies
(even by SIGKILL or a power cut), so a crashed run never blocks the next one.

Two locks are taken: one beside the job database, and one in Plume's data folder keyed by the
output folder's path. The second survives the output folder being deleted while a run still
writes, so a new job started in the same place is refused until the old run has stopped.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from app.core.errors import InputError

log = logging.getLogger(__name__)
LOCKS_DIR = "batch-locks"


class JobLock:
    def __init__(self, db_path: Path, data_dir: Path | None = None) -> None:
        self.path = Path(db_path).with_suffix(".lock")
        out_dir = str(Path(db_path).resolve().parent.parent)
        key = hashlib.sha256(out_dir.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        self.outside = _locks_dir(data_dir) / f"{key}.lock"
        self._fds: list[int] = []

    def acquire(self) -> None:
        try:
            self._fds.append(_take(self.path))
            outside = _take_outside(self.outside)
            if outside is not None:
                self._fds.append(outside)
        except BlockingIOError:
            self.release()
            raise InputError("This batch job is already running in another Plume window or "
                             "terminal.", hint="Wait for it, or stop it there first.") from None

    def release(self) -> None:
        while self._fds:
            fd = self._fds.pop()
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)

    def __enter__(self) -> JobLock:
        self.acquire()
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def _locks_dir(data_dir: Path | None) -> Path:
    if data_dir is None:
        from app.core.settings import default_data_dir

        data_dir = default_data_dir()
    return data_dir / LOCKS_DIR


def _take(path: Path) -> int:
    """Lock `path` (created if needed); BlockingIOError when another process holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _lock(fd)
    except OSError:
        os.close(fd)
        raise BlockingIOError(f"{path} is locked") from None
    with contextlib.suppress(OSError):        # the pid is a courtesy; a full disk must not stop us
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
    return fd


def _take_outside(path: Path) -> int | None:
    """The lock in the data folder; None when that folder cannot be written (the lock in
    the job folder still guards the usual case)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        log.debug("no lock in %s", path.parent, exc_info=True)
        return None
    try:
        return _take(path)
    except BlockingIOError:
        raise
    except OSError:
        log.debug("no lock at %s", path, exc_info=True)
        return None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
