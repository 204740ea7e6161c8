"""The OpenAI-compatible backend against the same budgets as Ollama's (bench/streaming.py):
does `OpenAIService.chat_stream` keep up with the server, and does Stop close at once?

    python -m bench.openai_streaming [--tokens 4000] [--rounds 5]

1. Throughput: the fake server's /v1 face (in its own process) streams one answer as SSE at
   ~2,000 tokens/s; characters per second read by plain httpx line reading (the floor any
   client pays) vs delivered by our layer. Budget (DESIGN.md §6): ours / raw ≥ 0.98.
2. Stop latency: from `CancelToken.cancel()` to the server seeing the connection closed,
   while streaming and before the first byte. Budget: ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from app.core.cancel import CancelToken
from app.core.errors import Cancelled
from app.core.llm.openai_client import OpenAIService

ROOT = Path(__file__).resolve().parent.parent
MODEL = "llama3.1:8b"
MESSAGES = [{"role": "user", "content": "Main keyword: standing desk\nabout 300 words"}]
RATIO_BUDGET, STOP_BUDGET_MS = 0.98, 200.0

SERVER = """
import sys, threading
sys.path.insert(0, {root!r})
from tests.fake_ollama import FakeOllama, Generate, words
text = ("A standing desk changes how you work: we compare heights, motors, noise and prices. "
        "Entry models cost about 300 euros; quiet dual motors add 150 more. ") * 400
fake = FakeOllama()
fake.on_model({model!r}, lambda req: Generate(content=words(text)[:{tokens}], chunk_delay={delay}))
print(fake.url, flush=True)
threading.Event().wait()
"""


def raw(url: str) -> Iterator[str]:
    body = {"model": MODEL, "messages": MESSAGES, "stream": True}
    with httpx.Client(trust_env=False, timeout=60) as client, \
            client.stream("POST", f"{url}/v1/chat/completions", json=body) as response:
        for line in response.iter_lines():
            if line.startswith("data:") and line[5:].strip() != "[DONE]":
                for choice in json.loads(line[5:]).get("choices") or []:
                    yield choice["delta"].get("content") or ""


def ours(url: str) -> Iterator[str]:
    with OpenAIService(url + "/v1") as service:
        for chunk in service.chat_stream(MODEL, MESSAGES, options={"num_predict": 100000}):
            yield chunk.content


def rate(reader: object, url: str) -> float:
    stamps = [(time.perf_counter(), len(text)) for text in reader(url) if text]  # type: ignore[operator]
    span = stamps[-1][0] - stamps[0][0]
    return sum(n for _, n in stamps[1:]) / span if span > 0 else float("inf")


def stop_ms(service: OpenAIService, fake: object, first_byte: bool) -> float:
    from tests.fake_ollama import Generate

    fake.clear()  # type: ignore[attr-defined]
    reply = Generate(content="x", first_byte_delay=60) if first_byte else \
        Generate(content="mot", forever=True, chunk_delay=0.02)
    fake.enqueue("/v1/chat/completions", reply)  # type: ignore[attr-defined]
    cancel, stamp = CancelToken(), []

    def stop() -> None:
        stamp.append(time.monotonic())
        cancel.cancel()

    threading.Timer(0.15, stop).start()
    try:
        for _ in service.chat_stream(MODEL, MESSAGES, options={}, cancel=cancel):
            pass
    except Cancelled:
        pass
    gone = fake.wait_for_disconnect(timeout=10)  # type: ignore[attr-defined]
    return (gone[0].at - stamp[0]) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.openai_streaming")
    parser.add_argument("--tokens", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    for title, delay in (("paced at ~2,000 tokens/s", 0.00035), ("unpaced: CPU headroom", 0.0)):
        code = SERVER.format(root=str(ROOT), model=MODEL, tokens=args.tokens, delay=delay)
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        try:
            rate(raw, url)  # warm-up
            base = statistics.median(rate(raw, url) for _ in range(args.rounds))
            mine = statistics.median(rate(ours, url) for _ in range(args.rounds))
        finally:
            proc.terminate()
            proc.wait()
        verdict = "ok" if delay == 0 or mine / base >= RATIO_BUDGET else "OVER BUDGET"
        print(f"Throughput, {args.tokens} tokens {title}: raw httpx {base:,.0f} chars/s, "
              f"OpenAIService {mine:,.0f} chars/s, ratio {mine / base:.3f}  {verdict}")
    from tests.fake_ollama import FakeOllama

    with FakeOllama() as fake, OpenAIService(fake.url + "/v1") as service:
        service.list_models()
        for label, first in (("streaming 50 tok/s", False), ("before the first byte", True)):
            samples = [stop_ms(service, fake, first) for _ in range(args.rounds)]
            worst = max(samples)
            verdict = "ok" if worst <= STOP_BUDGET_MS else "OVER BUDGET"
            print(f"Stop, {label}: median {statistics.median(samples):.1f} ms, "
                  f"max {worst:.1f} ms  {verdict}")


if __name__ == "__main__":
    main()
