"""Terminal view of `plume generate`: article text on stdout, progress and notices on stderr."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

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

    def start(self, model: str, host: str) -> None:
        self._line(f"Writing with {model} on {host}")

    def show(self, event: Event) -> None:
        if isinstance(event, TextDelta):
            self._close_thinking()
            if self.show_text:
                self.out.write(event.text)
                self.out.flush()
            self._tick()
        elif isinstance(event, ThinkingDelta):
            if self.show_thinking:
                if not self.thinking_open:
                    self.err.write(("\n" + DIM if self.err_tty else "\n") + "thinking: ")
                    self.thinking_open = True
                self.err.write(event.text)
                self.err.flush()
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
        if self.show_text:
            self.out.write("\n")
            self.out.flush()
        if self.live:
            self.err.write(CLEAR)
            self.err.flush()

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
        self.err.write(f"{CLEAR}{text[:160]}")
        self.err.flush()

    def _line(self, text: str) -> None:
        self._close_thinking()
        if self.live:
            self.err.write(f"{CLEAR}{text}\n")
        elif self.err_tty:
            self.err.write(f"\n{DIM}{text}{RESET}\n")
        else:
            self.err.write(f"{text}\n")
        self.err.flush()

    def _close_thinking(self) -> None:
        if self.thinking_open:
            self.err.write((RESET if self.err_tty else "") + "\n")
            self.err.flush()
            self.thinking_open = False


def save(article: Article, folder: Path, formats: Sequence[str], preset: str) -> list[Path]:
    """Write the article named after its slug (atomic, never overwrites: -2, -3… suffixes)."""
    from app.core.export.files import write_article

    return write_article(article, folder, formats, preset=preset)
