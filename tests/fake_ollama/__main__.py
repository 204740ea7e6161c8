"""Run the fake Ollama by hand: `python -m tests.fake_ollama --port 11434`.

Then start Plume (or `plume generate … --host http://127.0.0.1:11434`) without a real Ollama.
"""

from __future__ import annotations

import argparse
import threading

from .server import FakeOllama


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fake_ollama",
                                     description="Fake Ollama server for trying Plume without Ollama.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=11434)
    parser.add_argument("--tps", type=float, default=40.0, help="tokens per second (default 40)")
    parser.add_argument("--first-byte-delay", type=float, default=0.3,
                        help="seconds before the first byte of each answer (default 0.3)")
    parser.add_argument("--version", default="0.12.6", help="version reported by /api/version")
    args = parser.parse_args()
    fake = FakeOllama(host=args.host, port=args.port, version=args.version,
                      tokens_per_second=args.tps, first_byte_delay=args.first_byte_delay)
    print(f"Fake Ollama listening on http://{args.host}:{fake.port} "
          f"({', '.join(fake.models)}) — Ctrl+C to stop", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
