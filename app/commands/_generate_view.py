"""Terminal view of `plume generate`: article text on stdout, progress and notices on stderr."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from app.commands._terminal import silence
from app.core.errors import PlumeError
from app.core.generation.events import (
    Event,
    Metrics,
    Notice,
    Phase,
    PhaseStarted,
    PlanReady,
    TextDelta,
    ThinkingDelta,
)
from app.core.models import Article

DIM, RESET, CLEAR = "\x1b[2m", "\x1b[0m", "\r\x1b[2K"
def describe(notice: Notice) -> str:
    from app.core.generation.notices import describe as describe_notice

    return describe_notice(notice)


class Console:
    def __init__(self, out: TextIO, err: TextIO, *, show_text: bool, show_thinking: bool) -> None:
        self.out, self.err = out, err
        self.show_text, self.show_thinking = show_text, show_thinking
        self.err_tty = err.isatty()
        # A live status line only works when the text is not printed on the same terminal.
        self.live = self.err_tty and not (show_text and out.isatty())
        self.phase = ""
        self.seen_sections: set[int] = set()
        self.tokens = 0
        self.started = time.monotonic()
        self.last_draw = 0.0
        self.rate = 0.0
        self.thinking_open = False

    # ---- writing that survives a closed pipe or terminal ------------------------------------
    def _write_out(self, text: str) -> None:
        """The article text on stdout. A reader that left (`| head`) or a closed terminal
        (SIGHUP) stops the echo, never the writing: the article is still saved."""
        if not self.show_text:
            return
        try:
            self.out.write(text)
            self.out.flush()
        except (OSError, ValueError):
            self.show_text = False
            silence(self.out)

    def _write_err(self, text: str) -> None:
        try:
            self.err.write(text)
            self.err.flush()
        except (OSError, ValueError):
            self.live = self.err_tty = self.show_thinking = False
            silence(self.err)
            self.err = _NOWHERE

    def start(self, model: str, host: str) -> None:
        self._line(f"Writing with {model} on {host}")

    def show(self, event: Event) -> None:
        if isinstance(event, TextDelta):
            self._close_thinking()
            self._write_out(event.text)
            self._tick()
        elif isinstance(event, ThinkingDelta):
            if self.show_thinking:
                if not self.thinking_open:
                    self._write_err(("\n" + DIM if self.err_tty else "\n") + "thinking: ")
                    self.thinking_open = True
                self._write_err(event.text)
            self._tick("thinking")
        elif isinstance(event, PhaseStarted):
            self._phase(event)
        elif isinstance(event, PlanReady):
            plan = event.plan
            outline = "; ".join(s.heading for s in plan.outline)
            self._line(f"Plan: {plan.title} · /{plan.slug} · {len(plan.outline)} sections: {outline}")
        elif isinstance(event, Metrics):
            self.rate = event.tokens_per_second
            summary = f"{self.phase} · {event.output_tokens} tokens · {event.tokens_per_second:.1f} tok/s"
            if self.live:
                self._status(summary, force=True)
            else:
                self._line(summary)
        elif isinstance(event, Notice):
            self._line(f"note: {describe(event)}")

    def finish(self) -> None:
        self._close_thinking()
        self._write_out("\n")
        if self.live:
            self._write_err(CLEAR)

    # ---- internals -----------------------------------------------------------------------
    def _phase(self, event: PhaseStarted) -> None:
        if event.phase is Phase.SECTION:
            if event.index in self.seen_sections:
                self._line(f"rewriting {event.label or 'section'}")
            self.seen_sections.add(event.index)
            self.phase = f"section {event.index}/{event.total}" if event.index else "introduction"
        else:
            self.phase = {Phase.PLAN: "planning", Phase.FAQ: "FAQ", Phase.ASSEMBLE: "finishing",
                          Phase.LOAD: "loading model", Phase.REVIEW: "reviewing"}.get(event.phase, str(event.phase))
        self.tokens = 0
        self.started = time.monotonic()
        if self.live:
            self._status(self.phase, force=True)
        elif not (self.show_text and event.phase is Phase.SECTION):
            self._line(self.phase)

    def _tick(self, what: str = "") -> None:
        self.tokens += 1
        if not self.live:
            return
        now = time.monotonic()
        if now - self.last_draw >= 0.1:
            rate = self.tokens / max(now - self.started, 1e-6)
            self._status(f"{self.phase}{' · ' + what if what else ''} · {rate:.1f} tok/s")

    def _status(self, text: str, *, force: bool = False) -> None:
        if not self.live:
            return
        self.last_draw = time.monotonic()
        self._write_err(f"{CLEAR}{text[:160]}")

    def _line(self, text: str) -> None:
        self._close_thinking()
        if self.live:
            self._write_err(f"{CLEAR}{text}\n")
        elif self.err_tty:
            self._write_err(f"\n{DIM}{text}{RESET}\n")
        else:
            self._write_err(f"{text}\n")

    def say(self, text: str) -> None:
        """A line on stderr after the run (saved paths, what happened)."""
        self._line(text)

    def _close_thinking(self) -> None:
        if self.thinking_open:
            self.thinking_open = False
            self._write_err((RESET if self.err_tty else "") + "\n")


def save(article: Article, folder: Path, formats: Sequence[str], preset: str) -> list[Path]:
    """Write the article named after its slug (atomic, never overwrites: -2, -3… suffixes)."""
    from app.core.export.files import write_article

    return write_article(article, folder, formats, preset=preset)


def recovery_folder() -> Path:
    """Where an article goes when its own folder refuses it: `recovery` in Plume's data
    folder (`$PLUME_DATA_DIR`, else e.g. ~/.local/share/Plume on Linux)."""
    from app.core.settings import default_data_dir

    return default_data_dir() / RECOVERY_DIR


@dataclass(frozen=True, slots=True)
class Kept:
    paths: list[Path]
    error: PlumeError | None = None      # why the output folder refused it (then recovered)


def keep(article: Article, folder: Path, formats: Sequence[str], preset: str) -> Kept:
    """Save in `folder`; if that fails (disk full, folder gone or read-only meanwhile), save
    the Markdown in the recovery folder, else in the system's temporary folder. Raises the
    first error only when no copy could be written anywhere."""
    try:
        return Kept(save(article, folder, formats, preset))
    except PlumeError as first:
        for fallback in (recovery_folder(), Path(tempfile.gettempdir()) / "plume-recovery"):
            try:
                return Kept(save(article, fallback, ["md"], preset), first)
            except PlumeError:
                continue
        raise


_NOWHERE: TextIO = io.StringIO()
RECOVERY_DIR = "recovery"


class Journal:
    """What the terminal showed, appended to a file in the recovery folder as it arrives, so
    a kill no program can catch (SIGKILL) loses nothing: each piece is in the kernel's hands
    before the next is shown. It is synced to disk once a second, so a power cut loses at
    most that second. The file is removed once the article (or its partial text) is saved;
    one left by a dead run is pointed out by the next `plume generate`."""

    SYNC_EVERY = 1.0     # seconds between two fsyncs

    def __init__(self, keyword: str) -> None:
        from app.core.textutil import slugify

        self.folder = recovery_folder()
        stem = slugify(keyword)[:60] or "article"
        self.path = self.folder / f"{stem}{UNSAVED_MARK}{os.getpid()}.md"
        self.header = (f"<!-- plume generate \"{keyword}\" stopped before it could save; "
                       "this is the text it had written. -->\n\n")
        self._fd: int | None = None
        self._broken = False             # a full disk: stop copying, never stop the writing
        self._synced = time.monotonic()

    def add(self, text: str) -> None:
        if self._broken:
            return
        try:
            if self._fd is None:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                text = self.header + text
            os.write(self._fd, text.encode("utf-8"))
            if time.monotonic() - self._synced >= self.SYNC_EVERY:
                self.flush()
        except OSError:
            self._broken = True

    def flush(self) -> None:
        """Make what was written durable (a power cut keeps it)."""
        self._synced = time.monotonic()
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.fsync(self._fd)

    def discard(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        with contextlib.suppress(OSError):
            self.path.unlink()


def orphaned_journals() -> list[Path]:
    """Copies left by `plume generate` runs that were killed before they could save."""
    from app.core.store.owner import process_alive

    found = []
    for path in sorted(recovery_folder().glob(f"*{UNSAVED_MARK}*.md")):
        pid = path.stem.rsplit(UNSAVED_MARK, 1)[-1]
        if pid.isdigit() and not process_alive(int(pid)):
            found.append(path)
    return found


UNSAVED_MARK = "-unsaved-"
