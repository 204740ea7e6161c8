"""The queue and the scheduler, driven by an injected per-article function (no model)."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest

from app.core.batch.job import HostSpec, ItemSpec, ItemState, JobConfig, JobDefaults
from app.core.batch.queue import Finishing, Item, ItemResult, JobStore
from app.core.batch.runner import BatchRunner, HostChanged, ItemStarted
from app.core.cancel import CancelToken
from app.core.errors import GenerationError, InputError, ModelNotFound, OllamaUnavailable

A, B = "http://host-a:11434", "http://host-b:11434"


def make_store(tmp_path: Path, n: int, hosts: list[HostSpec], models: dict[int, str] | None = None,
               max_failures: int = 3) -> JobStore:
    config = JobConfig(out_dir=str(tmp_path / "out"), defaults=JobDefaults(model="base"),
                       hosts=hosts, max_failures=max_failures)
    models = models or {}
    specs = [ItemSpec(i + 2, f"keyword {i}", f"keyword-{i}",
                      {"model": models[i]} if i in models else {}) for i in range(n)]
    return JobStore.create(config, specs)


class Recorder:
    """A stand-in article writer: takes `seconds`, records who ran what, in parallel."""

    def __init__(self, seconds: float = 0.0, fail: dict[str, Exception] | None = None) -> None:
        self.seconds = seconds
        self.fail = fail or {}
        self.calls: list[tuple[str, str]] = []
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()
        self.gate: threading.Event | None = None

    def __call__(self, item: Item, host: str, store: JobStore, cancel: CancelToken) -> ItemResult:
        with self.lock:
            self.calls.append((item.keyword, host))
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            if self.gate is not None:
                while not self.gate.wait(0.01):
                    cancel.raise_if_cancelled()
            if cancel.wait(self.seconds):
                cancel.raise_if_cancelled()
            error = self.fail.get(host) or self.fail.get(item.keyword)
            if error is not None:
                raise error
            return ItemResult(f"Title {item.keyword}", 900, 80.0, 60.0, [f"{item.slug}.md"])
        finally:
            with self.lock:
                self.active -= 1


def everything(_url: str) -> set[str]:
    return {"base", "other"}


def test_every_article_runs_exactly_once_over_all_slots_of_all_hosts(tmp_path: Path) -> None:
    store = make_store(tmp_path, 24, [HostSpec(A, 2), HostSpec(B, 2)])
    work = Recorder(seconds=0.02)
    outcome = BatchRunner(store, work, probe=everything).run()
    assert outcome.reason == "finished"
    assert sorted(Counter(k for k, _ in work.calls).values()) == [1] * 24
    assert work.max_active == 4
    assert {h for _, h in work.calls} == {A, B}
    items = store.items()
    assert all(i.state is ItemState.DONE and i.files == [f"{i.slug}.md"] for i in items)
    assert all(i.seconds > 0 and i.attempts == 1 for i in items)
    assert outcome.progress.done == 24 and outcome.progress.per_hour > 0


def test_a_host_that_goes_down_has_its_work_moved_and_is_probed_again(tmp_path: Path) -> None:
    store = make_store(tmp_path, 8, [HostSpec(A), HostSpec(B)])
    probes: Counter[str] = Counter()

    def probe(url: str) -> set[str]:
        probes[url] += 1
        if url == A and probes[url] > 1:
            raise OllamaUnavailable(f"Cannot reach {url}.")
        return {"base"}

    work = Recorder(seconds=0.01, fail={A: OllamaUnavailable("connection refused")})
    events: list[object] = []
    outcome = BatchRunner(store, work, probe=probe, on_event=events.append,
                          host_backoff=0.05).run()
    assert outcome.reason == "finished"
    done_on = Counter(i.host for i in store.items())
    assert all(i.state is ItemState.DONE for i in store.items())
    assert [h for _, h in work.calls].count(A) == 1       # one try, then failover
    assert {i.keyword for i in store.items()} == {k for k, h in work.calls if h == B}
    assert probes[A] >= 2                                  # retried later
    assert any(isinstance(e, HostChanged) and e.url == A and not e.up for e in events)
    assert all(i.failures == 0 for i in store.items())     # a dead host is not the article's fault
    assert done_on  # hosts column is cleared when released; kept for finished ones


def test_items_go_only_to_hosts_that_have_their_model(tmp_path: Path) -> None:
    store = make_store(tmp_path, 10, [HostSpec(A), HostSpec(B)],
                       models={i: "other" for i in range(0, 10, 2)})
    work = Recorder()
    BatchRunner(store, work, probe=lambda url: {"base"} if url == A else {"other"}).run()
    for keyword, host in work.calls:
        index = int(keyword.split()[-1])
        assert host == (B if index % 2 == 0 else A)
    assert all(i.state is ItemState.DONE for i in store.items())


def test_a_model_no_host_has_fails_its_rows_with_the_pull_command(tmp_path: Path) -> None:
    store = make_store(tmp_path, 3, [HostSpec(A)], models={1: "missing"})
    BatchRunner(store, Recorder(), probe=everything).run()
    by_kw = {i.keyword: i for i in store.items()}
    assert by_kw["keyword 1"].state is ItemState.FAILED
    assert "ollama pull missing:latest" in by_kw["keyword 1"].error
    assert by_kw["keyword 0"].state is ItemState.DONE


def test_a_host_losing_the_model_mid_run_gets_no_more_of_it(tmp_path: Path) -> None:
    store = make_store(tmp_path, 6, [HostSpec(A), HostSpec(B)])
    work = Recorder(seconds=0.01, fail={A: ModelNotFound("base:latest")})
    BatchRunner(store, work, probe=everything).run()
    assert [h for _, h in work.calls].count(A) == 1
    assert all(i.state is ItemState.DONE for i in store.items())


def test_failures_are_retried_then_reported_with_the_reason(tmp_path: Path) -> None:
    store = make_store(tmp_path, 3, [HostSpec(A)], max_failures=2)
    work = Recorder(fail={"keyword 1": GenerationError("The model returned nothing."),
                          "keyword 2": InputError("Brief too long.")})
    BatchRunner(store, work, probe=everything, retry_delay=0.0).run()
    by_kw = {i.keyword: i for i in store.items()}
    assert by_kw["keyword 0"].state is ItemState.DONE
    assert by_kw["keyword 1"].state is ItemState.FAILED and by_kw["keyword 1"].attempts == 2
    assert "returned nothing" in by_kw["keyword 1"].error
    assert by_kw["keyword 2"].attempts == 1                # cannot improve: not retried
    assert store.retry_failed() == 2
    work.fail.clear()
    BatchRunner(store, work, probe=everything).run()
    assert all(i.state is ItemState.DONE for i in store.items())


def test_pause_starts_nothing_new_and_resume_finishes(tmp_path: Path) -> None:
    store = make_store(tmp_path, 5, [HostSpec(A)])
    work = Recorder()
    work.gate = threading.Event()
    started = threading.Event()
    runner = BatchRunner(store, work, probe=everything,
                         on_event=lambda e: isinstance(e, ItemStarted) and started.set())
    thread = threading.Thread(target=runner.run)
    thread.start()
    assert started.wait(5)
    runner.pause()
    work.gate.set()                                       # the running article finishes
    deadline = threading.Event()
    while store.counts()[ItemState.RUNNING]:
        deadline.wait(0.01)
    deadline.wait(0.3)
    assert len(work.calls) == 1 and store.counts()[ItemState.DONE] == 1
    assert store.job_state == "paused"
    runner.resume()
    thread.join(5)
    assert not thread.is_alive() and store.counts()[ItemState.DONE] == 5


def test_stop_interrupts_running_articles_and_a_new_run_resumes_them(tmp_path: Path) -> None:
    store = make_store(tmp_path, 4, [HostSpec(A, 2)])
    work = Recorder()
    work.gate = threading.Event()
    runner = BatchRunner(store, work, probe=everything)
    thread = threading.Thread(target=runner.run)
    thread.start()
    while len(work.calls) < 2:
        threading.Event().wait(0.01)
    runner.stop()
    thread.join(5)
    assert store.counts()[ItemState.PENDING] == 4 and store.job_state == "stopped"
    work.gate.set()
    assert BatchRunner(store, work, probe=everything).run().reason == "finished"
    assert store.counts()[ItemState.DONE] == 4
    assert Counter(k for k, _ in work.calls)["keyword 0"] == 2   # interrupted once, then done


def test_cancel_skips_the_rest_and_retry_brings_it_back(tmp_path: Path) -> None:
    store = make_store(tmp_path, 3, [HostSpec(A)])
    work = Recorder()
    work.gate = threading.Event()
    runner = BatchRunner(store, work, probe=everything)
    thread = threading.Thread(target=runner.run)
    thread.start()
    while not work.calls:
        threading.Event().wait(0.01)
    runner.cancel_job()
    thread.join(5)
    assert store.counts()[ItemState.SKIPPED] == 3 and store.job_state == "cancelled"
    assert store.retry_failed() == 3


def test_when_no_host_answers_the_run_stops_and_says_why(tmp_path: Path) -> None:
    store = make_store(tmp_path, 2, [HostSpec(A)])

    def down(url: str) -> set[str]:
        raise OllamaUnavailable(f"Cannot reach {url}.")

    outcome = BatchRunner(store, Recorder(), probe=down, stall_timeout=0.2,
                          host_backoff=0.05).run()
    assert outcome.reason == "stalled"
    assert "host-a" in outcome.message
    assert store.counts()[ItemState.PENDING] == 2


def test_a_second_job_in_the_same_folder_is_refused(tmp_path: Path) -> None:
    make_store(tmp_path, 1, [HostSpec(A)])
    with pytest.raises(InputError, match="--resume"):
        make_store(tmp_path, 1, [HostSpec(A)])


def test_a_job_resumed_on_other_hosts_runs_there(tmp_path: Path) -> None:
    store = make_store(tmp_path, 3, [HostSpec(A)])
    store.set_hosts([HostSpec(B, 2)])
    reopened = JobStore.open(tmp_path / "out")
    assert reopened.config.hosts == [HostSpec(B, 2)]
    work = Recorder()
    BatchRunner(reopened, work, probe=everything).run()
    assert {h for _, h in work.calls} == {B}


def test_a_slot_starts_its_next_article_while_the_last_one_is_scored_and_saved(
        tmp_path: Path) -> None:
    """Scoring and files run on the finishing thread: one slot, the first article's
    finishing step can only end once the second article's model work has begun."""
    store = make_store(tmp_path, 2, [HostSpec(A, 1)])
    second_started = threading.Event()
    overlapped: list[bool] = []

    def work(item: Item, host: str, store: JobStore, cancel: CancelToken) -> Finishing:
        if item.keyword == "keyword 1":
            second_started.set()

        def finish() -> ItemResult:
            overlapped.append(second_started.wait(5.0))
            return ItemResult(f"Title {item.keyword}", 900, 80.0, 60.0, [f"{item.slug}.md"])

        return Finishing(finish)

    outcome = BatchRunner(store, work, probe=everything).run()
    assert outcome.reason == "finished" and outcome.progress.done == 2
    assert overlapped[0] is True
    assert [i.title for i in store.items()] == ["Title keyword 0", "Title keyword 1"]


def test_a_failing_finishing_step_fails_the_article_with_its_message(tmp_path: Path) -> None:
    store = make_store(tmp_path, 2, [HostSpec(A, 1)])

    def work(item: Item, host: str, store: JobStore, cancel: CancelToken) -> Finishing:
        def finish() -> ItemResult:
            if item.keyword == "keyword 0":
                raise InputError("The output folder is read-only.")
            return ItemResult("ok", 900, 80.0, 60.0, [])

        return Finishing(finish)

    outcome = BatchRunner(store, work, probe=everything).run()
    first, second = store.items()
    assert outcome.reason == "finished"
    assert first.state is ItemState.FAILED and "read-only" in first.error
    assert second.state is ItemState.DONE
