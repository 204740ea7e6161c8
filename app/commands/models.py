"""`plume models` — list installed Ollama models; `plume models pull NAME` — download one.

plume models                      # table: name, family, params, quant, size, context, capabilities
plume models running              # models loaded in memory right now
plume models pull qwen3:8b        # progress bar; Ctrl+C cancels (run again to resume)
"""

from __future__ import annotations

import argparse
import signal
import sys
from typing import Any

EXIT_ERROR, EXIT_INPUT, EXIT_UNAVAILABLE, EXIT_NO_MODEL, EXIT_CANCELLED = 1, 2, 3, 4, 130


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "models", help="list installed models, or pull one",
        description="List the models installed in Ollama with their size, context window and "
                    "capabilities, show the running ones, or pull (download) a model.")
    parser.add_argument("--host", metavar="URL", help="Ollama address (default: settings, "
                        "$OLLAMA_HOST, then http://127.0.0.1:11434)")
    sub = parser.add_subparsers(dest="models_command", metavar="ACTION")
    sub.add_parser("list", help="installed models (the default)")
    sub.add_parser("running", help="models loaded in memory now")
    pull = sub.add_parser("pull", help="download a model with a progress bar (Ctrl+C cancels)")
    pull.add_argument("name", metavar="NAME", help="model name, e.g. qwen3:8b or gpt-oss:20b")
    for child in (pull,):
        child.add_argument("--host", metavar="URL", default=argparse.SUPPRESS,
                           help="Ollama address")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.errors import InputError, ModelNotFound, OllamaUnavailable, PlumeError

    try:
        if args.models_command == "pull":
            return _pull(args)
        if args.models_command == "running":
            return _running(args)
        return _list(args)
    except PlumeError as exc:
        print(f"plume models: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"  → {exc.hint}", file=sys.stderr)
        if isinstance(exc, OllamaUnavailable):
            return EXIT_UNAVAILABLE
        if isinstance(exc, ModelNotFound):
            return EXIT_NO_MODEL
        return EXIT_INPUT if isinstance(exc, InputError) else EXIT_ERROR


def human_size(size: int) -> str:
    if size <= 0:
        return "-"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB") else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"


def human_context(tokens: int) -> str:
    if tokens <= 0:
        return "?"
    return f"{tokens // 1024}K" if tokens % 1024 == 0 else f"{tokens:,}"


def format_table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
                     for row in rows)


def _list(args: argparse.Namespace) -> int:
    from app.application import Plume

    with Plume.open().connection(args.host).open(read_timeout=30.0) as service:
        models = service.list_models()
    if not models:
        print("No model installed. Pull one, for example: plume models pull qwen3:8b", file=sys.stderr)
        return 0
    rows = [["NAME", "FAMILY", "PARAMS", "QUANT", "SIZE", "CONTEXT", "CAPABILITIES"]]
    for m in sorted(models, key=lambda m: m.name):
        caps = ", ".join(sorted(m.capabilities)) + ("" if m.capabilities_known else " (guessed)")
        rows.append([m.name, m.family or "-", m.parameter_size or "-", m.quantization or "-",
                     human_size(m.size_bytes), human_context(m.context_length), caps or "-"])
    print(format_table(rows))
    return 0


def _running(args: argparse.Namespace) -> int:
    from app.application import Plume

    with Plume.open().connection(args.host).open(read_timeout=30.0) as service:
        running = service.running()
    if not running:
        print("No model is loaded right now.", file=sys.stderr)
        return 0
    rows = [["NAME", "SIZE", "IN GPU", "CONTEXT", "UNTIL"]]
    for r in running:
        share = f"{100 * r.size_vram // r.size_bytes}%" if r.size_bytes else "-"
        until = r.expires_at.strftime("%H:%M:%S") if r.expires_at else "-"
        rows.append([r.name, human_size(r.size_bytes), share, human_context(r.context_length), until])
    print(format_table(rows))
    return 0


def _pull(args: argparse.Namespace) -> int:
    from app.application import Plume
    from app.core.cancel import CancelToken
    from app.core.errors import Cancelled, InputError

    name = args.name.strip()
    if not name or any(c.isspace() for c in name):
        raise InputError(f"'{args.name}' is not a model name.", hint="Example: qwen3:8b")
    cancel = CancelToken()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    tty = sys.stderr.isatty()
    last_status = ""
    try:
        with Plume.open().connection(args.host).open() as service:
            for progress in service.pull(name, cancel):
                if tty:
                    bar = "#" * int(progress.overall_fraction * 30)
                    sys.stderr.write(f"\r\x1b[2K{progress.status[:40]:<40} [{bar:<30}] "
                                     f"{progress.overall_fraction:6.1%}  "
                                     f"{human_size(progress.bytes_done)}/{human_size(progress.bytes_total)}")
                    sys.stderr.flush()
                elif progress.status != last_status:
                    print(f"{progress.status}  {progress.overall_fraction:.0%}", file=sys.stderr)
                last_status = progress.status
    except Cancelled:
        print(f"\nPull of {name} cancelled. Run the same command again to resume.", file=sys.stderr)
        return EXIT_CANCELLED
    finally:
        signal.signal(signal.SIGINT, previous)
    if tty:
        sys.stderr.write("\n")
    print(f"{name} is installed.", file=sys.stderr)
    return 0
