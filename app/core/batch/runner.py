"""Runs a job's queue over several model hosts, each with its own number of parallel slots.

One worker thread per (host, slot) claims the next pending item whose model that host serves,
runs the injected per-article function, and records the outcome. What each error means:

- OllamaUnavailable: the host is down → the item goes back to the queue for other hosts (not
  counted against it) and the host is probed again later with backoff.
- ModelNotFound: that host no longer has the model → never sent there again this run.
- ServerBusy: back to the queue after a short delay.
- ContextTooSmall / InputError: the item fails at once (retrying cannot help).
- any other error: counted; the item is retried until `max_failures`, then 'failed'.

An article function may return `Finishing` after its model work: the slot takes its next article
and one finishing thread scores/writes it (still 'running' until then; runs wait for it).

Pause stops claiming: articles already running finish. Stop (Ctrl+C, window closed) cancels
running articles at once; their plan and finished sections are kept, so resume continues them.
Cancel = stop + mark everything unfinished 'skipped (cancelled)'; `retry_failed` re-queues them.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import queue
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from app.core.batch.hosts import HostState, Probe, describe_error
from app.core.batch.job import ItemState
from app.core.batch.queue import Finishing, Item, ItemResult, JobStore
from app.core.cancel import CancelToken
from app.core.errors import (
    Cancelled,
    ContextTooSmall,
    InputError,
    ModelNotFound,
    OllamaUnavailable,
    ServerBusy,
)

log = logging.getLogger(__name__)


class ArticleFn(Protocol):
    def __call__(self, item: Item, host: str, store: JobStore,
                 cancel: CancelToken) -> ItemResult | Finishing: ...


# ---- events (called from worker threads) ---------------------------------------------------
@dataclass(frozen=True, slots=True)
class ItemStarted:
    item_id: int
    keyword: str
    host: str


@dataclass(frozen=True, slots=True)
class ItemEnded:
    item_id: int
    keyword: str
    state: ItemState            # PENDING when interrupted or handed to another host
    error: str = ""
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class HostChanged:
    url: str
    up: bool
    error: str = ""
    retry_in: float = 0.0
    recovered: bool = False     # up again after being down (not the first contact)


@dataclass(frozen=True, slots=True)
class RunStalled:
    reason: str


RunnerEvent = ItemStarted | ItemEnded | HostChanged | RunStalled


@dataclass(slots=True)
class Progress:
    total: int
    done: int
    failed: int
    skipped: int
    running: int
    pending: int
    elapsed: float                  # seconds this session
    per_hour: float                 # articles finished per hour this session
    eta: float | None               # seconds left, None until one article is finished

    @property
    def finished(self) -> bool:
        return self.pending == 0 and self.running == 0


@dataclass(slots=True)
class RunOutcome:
    reason: str                     # "finished" | "stopped" | "cancelled" | "stalled"
    progress: Progress
    message: str = ""


@dataclass(slots=True)
class _Session:
    started: float = field(default_factory=time.monotonic)
    done: int = 0


# Slots spend their time waiting on sockets and SQLite; the finishing thread is CPU-bound (scoring,
# export). With CPython's default 5 ms switch interval every wake-up of a slot waits up to 5 ms
# for the GIL while an article is being finished: ~10 ms lost per article between two model
# calls (measured). 0.5 ms keeps the slots' hand-offs short; restored when the run ends.
SWITCH_INTERVAL = 0.0005


@contextlib.contextmanager
def _quick_thread_switches() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


class BatchRunner:
    def __init__(self, store: JobStore, process: ArticleFn, *, probe: Probe,
                 on_event: Callable[[RunnerEvent], None] | None = None,
                 stall_timeout: float = 300.0, busy_delay: float = 5.0,
                 retry_delay: float = 2.0, host_backoff: float = 1.0) -> None:
        self.store = store
        self.hosts = [HostState(spec, backoff=host_backoff, min_backoff=host_backoff)
                      for spec in store.config.hosts]
        self._process = process
        self._probe = probe
        self._on_event = on_event or (lambda _e: None)
        self._stall_timeout = stall_timeout
        self._busy_delay = busy_delay
        self._retry_delay = retry_delay
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._paused = threading.Event()
        self._running: dict[int, CancelToken] = {}
        self._session = _Session()
        self._outcome = ""
        self._message = ""
        self._blocked_since: float | None = None
        self._changed = False
        self._finishing: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._gone = False               # the job's folder was deleted while this run wrote

    # ---- control (any thread) --------------------------------------------------------------
    def pause(self) -> None:
        self._paused.set()
        self.store.set_job_state("paused")

    def resume(self) -> None:
        self._paused.clear()
        self.store.set_job_state("running")
        self._wake()

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    def stop(self, outcome: str = "stopped", message: str = "") -> None:
        """Interrupt running articles now (their progress is kept) and end the run."""
        with self._cond:
            if not self._outcome:
                self._outcome, self._message = outcome, message
            for token in self._running.values():
                token.cancel()
            self._stop.set()
            self._cond.notify_all()

    def cancel_job(self) -> None:
        self.stop("cancelled")

    # ---- the run ----------------------------------------------------------------------------
    def run(self) -> RunOutcome:
        """Block until every item is settled, or stop()/cancel_job()/a stall. Ctrl+C in the
        calling thread stops cleanly and re-raises KeyboardInterrupt."""
        with _quick_thread_switches():
            return self._run()

    def _run(self) -> RunOutcome:
        self._session = _Session()
        self._outcome, self._message, self._blocked_since = "", "", None
        self._stop.clear()
        try:
            self.store.requeue_interrupted()
            self.store.set_job_state("running")
        except Exception as exc:  # noqa: BLE001 — a full disk: say so, start nothing
            self._fatal(exc)
            progress = self.progress()
            self.store.close_thread()
            return RunOutcome(self._outcome, progress, self._message)
        workers = [threading.Thread(target=self._worker, args=(host,), daemon=True,
                                    name=f"batch-{host.url}-{slot}")
                   for host in self.hosts for slot in range(host.spec.slots)]
        finisher = threading.Thread(target=self._finisher, daemon=True, name="batch-finishing")
        for worker in [*workers, finisher]:
            worker.start()
        try:
            while not self._stop.is_set():
                with self._cond:
                    if not self._changed:            # no wake-up lost between two checks
                        self._cond.wait(0.25)
                    self._changed = False
                if not self._stop.is_set():
                    self._check_still_there()
                    self._check_unservable()
                    self._check_settled()
        except BaseException:
            self.stop()
            raise
        finally:
            for worker in workers:
                worker.join()
            self._finishing.put(None)                # after the steps the slots handed over
            finisher.join()
            self._close_run()
            progress = self.progress()
            self.store.close_thread()
        return RunOutcome(self._outcome or "finished", progress, self._message)

    def _close_run(self) -> None:
        outcome = self._outcome or "finished"
        try:
            if outcome == "cancelled":
                self.store.skip_unfinished()
            self.store.requeue_interrupted()
            self.store.set_job_state(outcome if outcome != "stalled" else "stopped")
        except Exception as exc:  # noqa: BLE001 — the next start requeues 'running' items
            if not _disk_full(exc):
                log.warning("could not record the end of the run: %s", describe_error(exc))

    def _fatal(self, exc: BaseException) -> None:
        """Stop the run for an error no article caused (the job database or its disk); a
        full disk is said once, plainly; anything else is logged with its traceback."""
        if _disk_full(exc):
            self.stop("stalled", DISK_FULL)
            return
        log.error("batch run stopped", exc_info=exc)
        self.stop("stalled", f"The batch stopped: {describe_error(exc)}")

    def progress(self) -> Progress:
        counts = self.store.counts()
        elapsed = time.monotonic() - self._session.started
        done = self._session.done
        per_hour = done / elapsed * 3600 if elapsed > 0 and done else 0.0
        remaining = counts[ItemState.PENDING] + counts[ItemState.RUNNING]
        eta = remaining / (per_hour / 3600) if per_hour else None
        return Progress(sum(counts.values()), counts[ItemState.DONE], counts[ItemState.FAILED],
                        counts[ItemState.SKIPPED], counts[ItemState.RUNNING],
                        counts[ItemState.PENDING], elapsed, per_hour, eta)

    # ---- workers ----------------------------------------------------------------------------
    def _wake(self) -> None:
        with self._cond:
            self._changed = True
            self._cond.notify_all()

    def _worker(self, host: HostState) -> None:
        try:
            self._work(host)
        except Exception as exc:  # e.g. the job database on a full disk: stop, keep the job
            self._fatal(exc)
        finally:
            self.store.close_thread()

    def _work(self, host: HostState) -> None:
        while not self._stop.is_set():
            if self._paused.is_set() or not self._host_ready(host):
                continue
            item = self.store.claim(host.url, host.models)
            if item is None:
                with self._cond:
                    self._changed = True         # let the coordinator see if all is settled
                    self._cond.notify_all()
                    if not self._stop.is_set():
                        self._cond.wait(0.5)
                continue
            if self._paused.is_set() or self._stop.is_set():   # paused while claiming
                self.store.release(item.id)
                continue
            self._run_item(host, item)

    def _host_ready(self, host: HostState) -> bool:
        """True when the host is up; otherwise waits a little (probing when due) → False."""
        if self._paused.is_set():
            with self._cond:
                self._cond.wait(0.5)
            return False
        if host.up:
            return True
        with host.lock:
            due = not host.probing and time.monotonic() >= host.retry_at
            if due:
                host.probing = True
        if not due:
            with self._cond:
                self._cond.wait(min(0.5, max(0.01, host.retry_at - time.monotonic())))
            return False
        try:
            models = self._probe(host.url)
        except Exception as exc:  # noqa: BLE001 — any probe failure means "down for now"
            retry_in = host.mark_down(describe_error(exc))
            self._on_event(HostChanged(host.url, False, host.error, retry_in))
            return False
        else:
            recovered = host.down_since is not None
            host.mark_up(models)
            self._on_event(HostChanged(host.url, True, recovered=recovered))
            self._wake()
            return True
        finally:
            host.probing = False

    def _finisher(self) -> None:
        try:
            while (step := self._finishing.get()) is not None:
                if not self._gone:                  # never write into a deleted job's place
                    step()                          # records the article's own errors
        except Exception as exc:  # e.g. the job database on a full disk: stop, keep the job
            self._fatal(exc)
            while self._finishing.get() is not None:   # let the slots hand over and end
                pass
        finally:
            self.store.close_thread()

    def _run_item(self, host: HostState, item: Item) -> None:
        token = CancelToken()
        with self._cond:
            self._running[item.id] = token
            if self._stop.is_set():
                token.cancel()
        self._on_event(ItemStarted(item.id, item.keyword, host.url))
        self._step(host, item, token, time.monotonic(),
                   lambda: self._process(item, host.url, self.store, token))

    def _step(self, host: HostState, item: Item, token: CancelToken, started: float,
              step: Callable[[], ItemResult | Finishing]) -> None:
        try:
            result = step()
        except BaseException as exc:  # noqa: BLE001 — classified in _settle, never lost
            self._settle(host, item, token, started, exc=exc)
            return
        if isinstance(result, Finishing):   # model work over: the finishing thread does the rest
            self._finishing.put(lambda: self._step(host, item, token, started, result.run))
        else:
            self._settle(host, item, token, started, result=result)

    def _settle(self, host: HostState, item: Item, token: CancelToken, started: float, *,
                result: ItemResult | None = None, exc: BaseException | None = None) -> None:
        """Record how an article ended (done, back to the queue, failed) and tell listeners."""
        elapsed = time.monotonic() - started
        state, error = ItemState.PENDING, ""
        try:
            if exc is not None:
                state, error = self._record_failure(host, item, exc, token, elapsed)
            elif result is not None:
                self.store.finish(item.id, result, elapsed)
                state = ItemState.DONE
                with self._cond:
                    self._session.done += 1
        finally:
            with self._cond:
                self._running.pop(item.id, None)
                self._changed = True
                self._cond.notify_all()
        if exc is not None and not isinstance(exc, Exception):
            raise exc
        self._on_event(ItemEnded(item.id, item.keyword, state, error, time.monotonic() - started))

    def _record_failure(self, host: HostState, item: Item, exc: BaseException,
                        token: CancelToken, elapsed: float) -> tuple[ItemState, str]:
        error = describe_error(exc)
        release = self.store.release
        if _disk_full(exc):                  # not the article's fault: stop, keep the work
            self._fatal(exc)
            with contextlib.suppress(Exception):
                release(item.id, elapsed=elapsed)
            return ItemState.PENDING, ""
        if token.cancelled or isinstance(exc, Cancelled) or not isinstance(exc, Exception):
            return release(item.id, elapsed=elapsed), ""
        if isinstance(exc, OllamaUnavailable):
            retry_in = host.mark_down(error)
            self._on_event(HostChanged(host.url, False, error, retry_in))
            return release(item.id, error=error, elapsed=elapsed), error
        if isinstance(exc, ModelNotFound):
            host.drop_model(item.model)
            return release(item.id, error=error, elapsed=elapsed), error
        if isinstance(exc, ServerBusy):
            return release(item.id, error=error, delay=self._busy_delay, elapsed=elapsed), error
        if isinstance(exc, (ContextTooSmall, InputError)):
            self.store.fail(item.id, error, elapsed)
            return ItemState.FAILED, error
        log.warning("batch item %s (%s) failed on %s: %s", item.id, item.keyword, host.url,
                    error, exc_info=not isinstance(exc, Exception) or None)
        if not hasattr(exc, "message"):      # a bug, not a model/server problem: keep the trace
            log.exception("unexpected error in batch item %s", item.id, exc_info=exc)
        return release(item.id, error=error, failure=True, delay=self._retry_delay,
                       elapsed=elapsed), error

    # ---- coordinator checks -----------------------------------------------------------------
    def _check_still_there(self) -> None:
        """The output folder deleted (or the job replaced) under a running job: stop, and
        write nothing more there — a new job may be starting in its place."""
        if self.store.is_current():
            return
        self._gone = True
        out = self.store.config.out_dir
        self.stop("stalled", f"The job folder {out} was deleted (or replaced) while the "
                             "batch ran: it stopped and writes nothing more there.")

    def _check_unservable(self) -> None:
        """Fail pending items whose model no host has (down hosts with unknown models may)."""
        if any(not h.known for h in self.hosts):
            return
        served = set().union(*(h.models for h in self.hosts))
        missing = self.store.pending_models() - served
        if missing:
            names = ", ".join(h.url for h in self.hosts)
            for model in missing:
                self.store.skip_models([model], f"The model '{model}' is not installed on any "
                                                f"host ({names}). Pull it: ollama pull {model}")
            self._wake()

    def _check_settled(self) -> None:
        """End the run when nothing is left; stop it when pending work has had no host able
        to serve it for `stall_timeout` seconds (every host down, or its model's host down)."""
        counts = self.store.counts()
        if counts[ItemState.PENDING] == 0 and counts[ItemState.RUNNING] == 0:
            self.stop("finished")
            return
        now = time.monotonic()
        serving = set().union(*(h.models for h in self.hosts if h.up))
        blocked = (counts[ItemState.RUNNING] == 0 and not self._paused.is_set()
                   and not (self.store.pending_models() & serving))
        if not blocked:
            self._blocked_since = None
            return
        if self._blocked_since is None:
            self._blocked_since = now
        elif now - self._blocked_since > self._stall_timeout:
            errors = "; ".join(f"{h.url}: {h.error or 'up'}" for h in self.hosts)
            waited = int(now - self._blocked_since)
            message = f"No host could serve the remaining articles for {waited} s ({errors})."
            self._on_event(RunStalled(message))
            self.stop("stalled", message)


DISK_FULL = ("The disk is full: the batch stopped. Every finished article and section is "
             "kept; free some space, then resume the job.")
_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _disk_full(exc: BaseException) -> bool:
    """A full disk, however it surfaced: an OSError, SQLite's SQLITE_FULL, or our own
    ExportError raised from one."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in _FULL_ERRNOS:
            return True
        if isinstance(seen, sqlite3.Error) and (
                getattr(seen, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
                or "disk is full" in str(seen)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
