"""stdout/stderr that survive a reader leaving the pipe (`| head`) or a closed terminal
(SIGHUP): the first failed write points the stream at the null device, and the command
carries on — its work is saved, only the echo stops."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any, TextIO


def silence(stream: TextIO) -> None:
    """Point a broken stream's descriptor at the null device, so later writes (and the
    interpreter's final flush) neither fail nor print 'Exception ignored … BrokenPipeError'."""
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):
        return
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, descriptor)
        os.close(null)


class SafeStream:
    """A text stream whose write/flush never raise OSError; after the first failure it
    writes nothing more."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                return self._inner.write(text)
            except (OSError, ValueError):
                self._break()
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._inner.flush()
            except (OSError, ValueError):
                self._break()

    def isatty(self) -> bool:
        return not self.broken and self._inner.isatty()

    def _break(self) -> None:
        self.broken = True
        silence(self._inner)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@contextlib.contextmanager
def safe_std_streams() -> Any:
    """sys.stdout and sys.stderr as SafeStreams for the duration of a command."""
    saved = sys.stdout, sys.stderr
    sys.stdout = SafeStream(sys.stdout)  # type: ignore[assignment]
    sys.stderr = SafeStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        sys.stdout, sys.stderr = saved
