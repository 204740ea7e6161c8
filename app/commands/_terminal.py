"""What a command needs from its terminal to never lose work:

- `SafeStream` / `safe_std_streams`: stdout/stderr that survive a reader leaving the pipe
  (`| head`) or a closed terminal (SIGHUP): the first failed write points the stream at the
  null device, and the command carries on — its work is saved, only the echo stops.
- `StopSignals`: Ctrl+C, SIGTERM and SIGHUP stop a command the same way.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
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


class StopSignals:
    """Ctrl+C, SIGTERM (kill, a service manager, a closing IDE) and SIGHUP (the terminal
    closed) stop a command alike. Each calls `on_stop` (e.g. a cancel token's `cancel`,
    which closes the model's stream); while `interrupting`, it also raises KeyboardInterrupt
    where the main thread is, so a blocking call is left at once. A command that must finish
    something itself (save what was written) turns `interrupting` off first. `code` is the
    exit status a shell expects: 128 + the signal's number."""

    NAMES = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self, on_stop: Callable[[], None] | None = None, *,
                 interrupting: bool = True) -> None:
        self.on_stop = on_stop
        self.interrupting = interrupting
        self.signal: int | None = None
        self._previous: dict[int, Any] = {}

    @property
    def code(self) -> int:
        return 128 + int(self.signal or signal.SIGINT)

    @property
    def name(self) -> str:
        """How the writer stopped it, as they would say it."""
        if self.signal in (None, signal.SIGINT):
            return "Ctrl+C"
        return signal.Signals(self.signal).name

    @property
    def stopped(self) -> bool:
        return self.signal is not None

    def _handle(self, number: int, _frame: Any) -> None:
        self.signal = self.signal or number
        if self.on_stop is not None:
            self.on_stop()
        if self.interrupting:
            raise KeyboardInterrupt

    def __enter__(self) -> StopSignals:
        for name in self.NAMES:
            if hasattr(signal, name):
                number = getattr(signal, name)
                self._previous[number] = signal.signal(number, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        self._previous.clear()
