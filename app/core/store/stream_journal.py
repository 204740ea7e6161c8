"""Words a model streams into the window between two recovery copies, on disk as they
arrive: a kill (SIGKILL, a crash) between two copies loses none of them.

One file per app process, `stream-<pid>.txt` next to the library: emptied each time a
recovery copy is taken (the copy holds what came before), appended to as text arrives. At
the next start, `recover_journals` adds what a dead process's file holds to that
process's newest recovery copy, which the recovery dialog then offers.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO

from app.core.store.library import Library
from app.core.store.owner import process_alive


class StreamJournal:
    """`stream-<pid>.txt` takes the text as it arrives. When a recovery copy is taken, the file
    becomes `stream-<pid>.prev.txt` until that copy is written (a kill in between loses
    neither), then it is deleted."""

    def __init__(self, folder: Path, pid: int | None = None) -> None:
        pid = pid or os.getpid()
        self.path = folder / f"stream-{pid}.txt"
        self.previous = folder / f"stream-{pid}.prev.txt"
        self._file: IO[str] | None = None

    def append(self, text: str) -> None:
        """Written through to the OS at once (a killed process keeps it; no fsync per chunk)."""
        try:
            if self._file is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = self.path.open("a", encoding="utf-8")
            self._file.write(text)
            self._file.flush()
        except OSError:
            pass    # a full disk: the editor and the recovery copy still have the text

    def copy_taken(self) -> None:
        """A recovery copy of everything streamed so far is being written."""
        self._close_file()
        with contextlib.suppress(OSError):
            if not self.path.exists():
                return
            if self.previous.exists():      # the last copy is not written yet: keep both
                with self.previous.open("a", encoding="utf-8") as older:
                    older.write(self.path.read_text(encoding="utf-8"))
                self.path.unlink()
            else:
                self.path.replace(self.previous)

    def copy_written(self) -> None:
        with contextlib.suppress(OSError):
            self.previous.unlink(missing_ok=True)

    def close(self) -> None:
        self._close_file()
        for path in (self.path, self.previous):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def _close_file(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None


def recover_journals(folder: Path, library: Library) -> int:
    """Add each dead process's streamed words to its newest recovery copy; returns how many
    journals were recovered."""
    found = 0
    pids = set()
    for path in folder.glob("stream-*.txt"):
        with contextlib.suppress(ValueError):
            pids.add(int(path.name.split("-", 1)[1].split(".", 1)[0]))
    for pid in sorted(pids):
        if pid == os.getpid() or process_alive(pid):
            continue
        path, older = folder / f"stream-{pid}.txt", folder / f"stream-{pid}.prev.txt"
        with contextlib.suppress(OSError):
            parts = [p.read_text(encoding="utf-8", errors="replace") for p in (older, path) if p.exists()]
            text = "".join(parts)     # as streamed: it continues the copy's text exactly
            if text.strip():
                library.extend_draft_of(pid, text)
                found += 1
            older.unlink(missing_ok=True)
            path.unlink(missing_ok=True)
    return found
