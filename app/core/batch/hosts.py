"""Model hosts as the batch runner sees them: up or down, which models they serve, when to
try a down host again. A host is probed with /api/tags; a failure backs off 1, 2, 4… 60 s."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.batch.job import HostSpec
from app.core.batch.keywords import normalize_model
from app.core.errors import PlumeError

Probe = Callable[[str], set[str]]          # host URL → installed model names; raises if down

MAX_BACKOFF = 60.0


@dataclass(slots=True)
class HostState:
    spec: HostSpec
    up: bool = False
    known: bool = False                    # models were read at least once
    models: set[str] = field(default_factory=set)
    error: str = ""
    retry_at: float = 0.0                  # monotonic time of the next probe when down
    backoff: float = 1.0
    min_backoff: float = 1.0
    down_since: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    probing: bool = False

    @property
    def url(self) -> str:
        return self.spec.url

    def mark_down(self, error: str, now: float | None = None) -> float:
        """Record a failure; returns the seconds until the next probe."""
        now = time.monotonic() if now is None else now
        with self.lock:
            if self.up or self.down_since is None:
                self.down_since = now
            self.up = False
            self.error = error
            delay = self.backoff
            self.retry_at = now + delay
            self.backoff = min(self.backoff * 2, MAX_BACKOFF)
            return delay

    def mark_up(self, models: set[str]) -> None:
        with self.lock:
            self.up, self.known, self.error = True, True, ""
            self.models = {normalize_model(m) for m in models}
            self.backoff, self.down_since = self.min_backoff, None

    def drop_model(self, model: str) -> None:
        with self.lock:
            self.models.discard(model)


def probe_ollama(url: str, token: str | None = None) -> set[str]:
    """The real probe: list the host's installed models (raises OllamaUnavailable if down).
    An OpenAI-compatible host (`openai:` / `…/v1`) lists the models it serves."""
    from app.core.llm.service import open_service

    with open_service(url, token, connect_timeout=3.0, read_timeout=10.0) as service:
        return {m.name for m in service.list_models(details=False)}


def describe_error(exc: BaseException) -> str:
    if isinstance(exc, PlumeError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
