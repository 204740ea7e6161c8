"""Batch throughput: how close the runner gets to the ideal ⌈N/P⌉·T, and its cost per article.

    python -m bench.batch            # both scenarios
    python -m bench.batch --quick    # smaller N

Scenario "scheduler": the real queue (SQLite on disk, WAL), real runner threads, hosts and
claims; the article function waits exactly T seconds. It isolates what the batch machinery
itself costs.
Scenario "pipeline": fake Ollama servers in their own processes, P parallel slots spread over
them; each article goes through the real ArticleWriter (plan, sections, assemble, analysis,
export to disk). T is measured from one article written alone on an idle server, so the
overhead shown is the runner's; the writer's own cost beyond model time is reported apart.

Budget (DESIGN.md §6): batch overhead per article beyond model time ≤ 20 ms; P slots ≥ 90 % used.
"""

from __future__ import annotations

import argparse
import math
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.batch.job import HostSpec, ItemSpec, JobConfig, JobDefaults
from app.core.batch.queue import Item, ItemResult, JobStore
from app.core.batch.runner import BatchRunner
from app.core.cancel import CancelToken

BUDGET_OVERHEAD_MS = 20.0
BUDGET_EFFICIENCY = 0.90


@dataclass
class Row:
    scenario: str
    n: int
    slots: str
    t: float
    wall: float

    @property
    def p(self) -> int:
        return sum(int(s) for s in self.slots.split("+"))

    @property
    def ideal(self) -> float:
        return math.ceil(self.n / self.p) * self.t

    @property
    def efficiency(self) -> float:
        return self.ideal / self.wall

    @property
    def overhead_ms(self) -> float:
        """Slot time not spent on articles, per article: (wall·P − N·T) / N."""
        return (self.wall * self.p - self.n * self.t) / self.n * 1000


def _store(folder: Path, n: int, hosts: Sequence[HostSpec], model: str) -> JobStore:
    config = JobConfig(out_dir=str(folder), defaults=JobDefaults(model=model), hosts=list(hosts),
                       formats=("md",))
    return JobStore.create(config, [ItemSpec(i + 2, f"benchmark keyword {i}", f"kw-{i}")
                                    for i in range(n)])


def scheduler(n: int, slots: Sequence[int], t: float) -> Row:
    hosts = [HostSpec(f"http://bench-{i}:11434", s) for i, s in enumerate(slots)]

    def article(item: Item, host: str, store: JobStore, cancel: CancelToken) -> ItemResult:
        cancel.wait(t)
        return ItemResult("t", 1000, 80.0, 70.0, [])

    with tempfile.TemporaryDirectory() as tmp:
        store = _store(Path(tmp), n, hosts, "m")
        runner = BatchRunner(store, article, probe=lambda _url: {"m:latest"})
        start = time.perf_counter()
        outcome = runner.run()
        wall = time.perf_counter() - start
        store.close()
    assert outcome.progress.done == n, outcome
    return Row("scheduler", n, "+".join(map(str, slots)), t, wall)


# ---- pipeline over fake servers in subprocesses ----------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_fake(tps: float, first_byte: float) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tests.fake_ollama", "--port", str(port),
                             "--tps", str(tps), "--first-byte-delay", str(first_byte)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    proc.stdout.readline()                          # "listening on …"
    return proc, f"http://127.0.0.1:{port}"


def pipeline(n: int, slots: Sequence[int], tps: float, first_byte: float,
             model: str) -> tuple[Row, float]:
    from app.core.batch.article import ArticleWriter
    from app.core.batch.hosts import probe_ollama

    servers = [_start_fake(tps, first_byte) for _ in slots]
    try:
        hosts = [HostSpec(url, s) for (_p, url), s in zip(servers, slots, strict=True)]
        with tempfile.TemporaryDirectory() as tmp:
            solo = _store(Path(tmp) / "solo", 2, hosts[:1], model)
            writer = ArticleWriter()
            writer(solo.items()[0], hosts[0].url, solo, CancelToken())    # warm-up (imports)
            start = time.perf_counter()
            writer(solo.items()[1], hosts[0].url, solo, CancelToken())
            t = time.perf_counter() - start
            store = _store(Path(tmp) / "run", n, hosts, model)
            runner = BatchRunner(store, ArticleWriter(), probe=probe_ollama)
            start = time.perf_counter()
            outcome = runner.run()
            wall = time.perf_counter() - start
            assert outcome.progress.done == n, outcome
            model_time = _model_time(store)
    finally:
        for proc, _url in servers:
            proc.terminate()
            proc.wait()
    return Row("pipeline", n, "+".join(map(str, slots)), t, wall), t - model_time


def _model_time(store: JobStore) -> float:
    """Not measurable from outside the server: reported as 0 when unknown."""
    return 0.0


def _print(rows: Sequence[Row]) -> bool:
    print(f"{'scenario':<10} {'N':>5} {'P':>5} {'T s':>7} {'ideal s':>8} {'wall s':>8} "
          f"{'eff.':>6} {'overhead/article':>17}")
    ok = True
    for r in rows:
        good = r.efficiency >= BUDGET_EFFICIENCY and r.overhead_ms <= BUDGET_OVERHEAD_MS
        ok &= good
        print(f"{r.scenario:<10} {r.n:>5} {r.slots:>5} {r.t:>7.3f} {r.ideal:>8.2f} "
              f"{r.wall:>8.2f} {r.efficiency:>6.1%} {r.overhead_ms:>14.1f} ms"
              f"{'' if good else '  OVER BUDGET'}")
    print(f"budget: efficiency ≥ {BUDGET_EFFICIENCY:.0%}, overhead ≤ {BUDGET_OVERHEAD_MS:.0f} ms "
          "per article")
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.batch")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--model", default="qwen3:8b")
    args = parser.parse_args(argv)
    n = 40 if args.quick else 120
    runs: list[Callable[[], Row]] = [
        lambda: scheduler(n, [1], 0.05),
        lambda: scheduler(n, [4], 0.05),
        lambda: scheduler(n, [2, 2], 0.05),
        lambda: scheduler(n, [4, 4], 0.2),
    ]
    rows = [run() for run in runs]
    extra: list[str] = []
    try:
        for slots in ([2], [2, 2]):
            row, own = pipeline(n // 4 if args.quick else n // 3, slots, 400.0, 0.05, args.model)
            rows.append(row)
            extra.append(f"pipeline {'+'.join(map(str, slots))}: one article alone took "
                         f"{row.t:.2f} s (writer cost beyond model time ≤ {own * 1000:.0f} ms)")
    except ModuleNotFoundError as exc:
        extra.append(f"pipeline scenario skipped: {exc}")
    ok = _print(rows)
    for line in extra:
        print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
