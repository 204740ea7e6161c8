"""Streaming benchmark: does our layer keep up with Ollama, and does Stop stop it at once?

    python -m bench.streaming [--tokens 4000] [--rounds 3]

1. Throughput. The fake Ollama (in a separate process, so it does not share our GIL) streams
   the same answer at ~2,000 tokens/s. We compare characters per second delivered by
   - the raw official client (`ollama.Client.chat(stream=True)`),
   - our layer (`OllamaService.chat_stream`: thinking split, cancel hooks, error mapping),
   - the pipeline (`ArticleGenerator.write_section`: TextDelta events, heading filter).
   Budget: ours / raw ≥ 0.98. An unpaced run (no delay) shows the headroom.
2. Stop latency. From `CancelToken.cancel()` (or the consumer closing the stream) to the
   moment the fake server sees the connection closed. Budget: ≤ 200 ms after the next chunk.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import ollama

from app.core.cancel import CancelToken
from app.core.errors import Cancelled
from app.core.generation.events import TextDelta
from app.core.generation.pipeline import ArticleGenerator
from app.core.llm import OllamaService
from app.core.models import Brief, Language, OutlineSection, Plan

ROOT = Path(__file__).resolve().parent.parent
MODEL = "llama3.1:8b"
MESSAGES = [{"role": "user", "content": "Main keyword: standing desk\nabout 300 words"}]
RATIO_BUDGET = 0.98
STOP_BUDGET_MS = 200.0

SERVER = """
import sys, threading
sys.path.insert(0, {root!r})
from tests.fake_ollama import FakeOllama, Generate, words
text = ("A standing desk changes how you work: we compare heights, motors, noise and prices. "
        "Entry models cost about 300 euros; quiet dual motors add 150 more. ") * 400
pieces = words(text)[:{tokens}]
fake = FakeOllama()
fake.on_model({model!r}, lambda req: Generate(content=pieces, chunk_delay={delay}))
print(fake.url, flush=True)
threading.Event().wait()
"""


def start_server(tokens: int, delay: float) -> tuple[subprocess.Popen[str], str]:
    code = SERVER.format(root=str(ROOT), tokens=tokens, model=MODEL, delay=delay)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


Arrivals = list[tuple[float, int]]


def _tap(service: OllamaService, arrivals: Arrivals) -> None:
    """Timestamp every chunk as the official client hands it to our layer ("received")."""
    original = service._client.chat

    def chat(*args: object, **kwargs: object) -> Iterator[object]:
        stream = original(*args, **kwargs)  # type: ignore[arg-type]

        def tapped() -> Iterator[object]:
            try:
                for part in stream:
                    arrivals.append((time.perf_counter(), len(part.message.content or "")))
                    yield part
            finally:
                stream.close()
        return tapped()

    service._client.chat = chat  # type: ignore[method-assign]


def raw_client(url: str, arrivals: Arrivals) -> Iterator[str]:
    client = ollama.Client(url, trust_env=False, timeout=httpx.Timeout(600, connect=5))
    for part in client.chat(MODEL, MESSAGES, stream=True, options={"num_ctx": 8192}):
        text = part.message.content or ""
        arrivals.append((time.perf_counter(), len(text)))
        yield text


def our_layer(url: str, arrivals: Arrivals) -> Iterator[str]:
    with OllamaService(url) as service:
        _tap(service, arrivals)
        for chunk in service.chat_stream(MODEL, MESSAGES, options={"num_ctx": 8192}):
            yield chunk.content


def pipeline(url: str, arrivals: Arrivals) -> Iterator[str]:
    plan = Plan("Standing desk guide", "m" * 130, "standing-desk", "Standing desk guide",
                [OutlineSection("Prices", 2, 600)])
    with OllamaService(url) as service:
        _tap(service, arrivals)
        generator = ArticleGenerator(service, MODEL, num_ctx=16384)
        for event in generator.write_section(Brief("standing desk", Language.EN), plan, 1, "", None):
            if isinstance(event, TextDelta) and event.text.strip("\n# ") != "Prices":
                yield event.text


def _rate(stamps: Arrivals) -> float:
    """Characters per second after the first chunk, first to last chunk."""
    stamps = [s for s in stamps if s[1]]
    span = stamps[-1][0] - stamps[0][0]
    return sum(n for _, n in stamps[1:]) / span if span > 0 else float("inf")


def measure(reader: Callable[[str, Arrivals], Iterator[str]], url: str) -> tuple[float, float, float]:
    """(received chars/s, shown chars/s, received chunks/s) in one run; shown = what the
    consumer got from us, received = what the official client handed to us."""
    arrivals: Arrivals = []
    shown: Arrivals = []
    for text in reader(url, arrivals):
        shown.append((time.perf_counter(), len(text)))
    chunks = [a for a in arrivals if a[1]]
    span = chunks[-1][0] - chunks[0][0]
    return _rate(arrivals), _rate(shown), (len(chunks) - 1) / span if span > 0 else 0.0


def throughput(tokens: int, delay: float, rounds: int) -> list[tuple[str, float, float, float]]:
    proc, url = start_server(tokens, delay)
    try:
        measure(raw_client, url)  # warm-up (imports, first connection)
        results = []
        for name, reader in (("raw ollama client", raw_client), ("OllamaService.chat_stream", our_layer),
                             ("ArticleGenerator (TextDelta)", pipeline)):
            runs = [measure(reader, url) for _ in range(rounds)]
            ratios = sorted(shown / received for received, shown, _ in runs)
            results.append((name, statistics.median(r[1] for r in runs), ratios[len(ratios) // 2],
                            statistics.median(r[2] for r in runs)))
        return results
    finally:
        proc.terminate()
        proc.wait()


def stop_latency(rounds: int) -> list[tuple[str, float, float]]:
    from tests.fake_ollama import FakeOllama, Generate

    rows = []
    with FakeOllama() as fake:
        service = OllamaService(fake.url)
        for label, reply, how in (
            ("cancel token, streaming 50 tok/s", Generate(content="mot", forever=True, chunk_delay=0.02), "token"),
            ("consumer closes stream, 50 tok/s", Generate(content="mot", forever=True, chunk_delay=0.02), "close"),
            ("cancel token, before first byte", Generate(content="x", first_byte_delay=60), "token"),
            ("cancel token, 2,000 tok/s", Generate(content="mot", forever=True, chunk_delay=0.0005), "token"),
        ):
            samples = []
            for _ in range(rounds):
                fake.clear()
                fake.on_model(MODEL, reply)
                samples.append(_one_stop(fake, service, how))
            rows.append((label, statistics.median(samples), max(samples)))
    return rows


def _one_stop(fake: object, service: OllamaService, how: str) -> float:
    cancel = CancelToken()
    stream = service.chat_stream(MODEL, MESSAGES, options={"num_ctx": 8192}, cancel=cancel)
    stamp: list[float] = []
    if how == "token":
        def stop() -> None:
            stamp.append(time.monotonic())
            cancel.cancel()
        threading.Timer(0.15, stop).start()
        try:
            for _ in stream:
                pass
        except Cancelled:
            pass
    else:
        for i, _ in enumerate(stream):
            if i == 5:
                stamp.append(time.monotonic())
                stream.close()
                break
    gone = fake.wait_for_disconnect(timeout=10)  # type: ignore[attr-defined]
    return (gone[0].at - stamp[0]) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.streaming")
    parser.add_argument("--tokens", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    for title, delay in (("paced at ~2,000 tokens/s", 0.00035), ("unpaced: CPU headroom", 0.0)):
        rows = throughput(args.tokens, delay, args.rounds)
        raw = rows[0][1]
        print(f"Throughput, {args.tokens} tokens {title}")
        print(f"  {'reader':32} {'tokens/s in':>11} {'shown chars/s':>14} {'vs raw':>7} {'shown/received':>15}")
        for name, cps, ratio, tps in rows:
            verdict = "" if name.startswith("raw") or not delay else (
                "  ok" if ratio >= RATIO_BUDGET else "  OVER BUDGET")
            print(f"  {name:32} {tps:11,.0f} {cps:14,.0f} {cps / raw:7.3f} {ratio:15.3f}{verdict}")
        print(f"  budget: shown/received ≥ {RATIO_BUDGET} at 2,000 tokens/s (same run, median)\n")
    print("Stop → server sees the connection closed")
    print(f"  {'case':36} {'median ms':>10} {'max ms':>8}")
    for label, median, worst in stop_latency(args.rounds):
        verdict = "ok" if worst <= STOP_BUDGET_MS else "OVER BUDGET"
        print(f"  {label:36} {median:10.1f} {worst:8.1f}  {verdict}")
    print(f"  budget: ≤ {STOP_BUDGET_MS:.0f} ms after the next chunk")


if __name__ == "__main__":
    main()
