"""Fault injection: a hostile Ollama server, full and read-only disks, and kill signals at
random points, against the commands that write. One row per (fault, command):

    tracebacks   "Traceback" printed by any run of the row (target 0)
    words lost   distinct words the writer was shown (generate: stdout) or that were saved
                 as progress (batch: sections in job.sqlite) found in no file afterwards
                 — the output folder, Plume's recovery folder, the final articles after
                 `--resume` (target 0)
    hangs        runs still alive after their time limit (target 0)
    notes        exit codes, and what the run said

    python -m bench.faults            # everything (root for the tmpfs rows; ~10 min)
    python -m bench.faults --quick    # fewer kill points
    python -m bench.faults --only stall,cut

The hostile server sits in front of the project's fake Ollama (tests/fake_ollama): it
forwards every request, except that the Nth chat with messages (N=3: after the plan and the
introduction) gets the fault, once. Commands run as real subprocesses with their own config
and data folders (answer timeout 30 s, the shortest the settings allow).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fake_ollama import FakeOllama  # noqa: E402

MODEL = "qwen3:8b"
KEYWORD = "standing desk"
BATCH_KEYWORDS = ("yak gardening", "lynx gardening")
LIMIT = 150.0                      # seconds before a run counts as hung
HTML_500 = (b"<html><head><title>500 Internal Server Error</title></head><body>"
            b"<center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center>"
            b"<p>Session expired: <a href='http://evil.example/login'>re-enter your token</a>"
            b"</p></body></html>")
_WORD = re.compile(r"[^\W_][\w'’-]*")


# ---- the hostile server ---------------------------------------------------------------------

@dataclass
class Hostile:
    """Forwards to `fake`; the `at`-th chat with messages gets `fault` (once)."""

    fake: FakeOllama
    fault: str
    at: int = 3
    elsewhere: FakeOllama | None = None
    on_fault: Callable[[], None] | None = None
    chats: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> Hostile:
        hostile = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                hostile.serve(self, b"")

            def do_HEAD(self) -> None:
                hostile.serve(self, b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                hostile.serve(self, self.rfile.read(length) if length else b"")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda *_: None  # type: ignore[method-assign]  # clients leave
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def serve(self, h: BaseHTTPRequestHandler, body: bytes) -> None:
        hit = False
        if h.path.startswith("/api/chat") and b'"messages":[{' in body.replace(b" ", b""):
            with self.lock:
                self.chats += 1
                hit = self.chats == self.at
        try:
            if hit and self.on_fault is not None:
                self.on_fault()
            if hit and self.fault in FAULTS:
                FAULTS[self.fault](self, h, body)
            else:
                self.forward(h, body)
        except OSError:
            h.close_connection = True

    def forward(self, h: BaseHTTPRequestHandler, body: bytes) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.fake.port, timeout=120)
        headers = {k: v for k, v in h.headers.items() if k.lower() in ("content-type",
                                                                          "authorization")}
        conn.request(h.command, h.path, body=body or None, headers=headers)
        answer = conn.getresponse()
        data = answer.read()
        conn.close()
        h.send_response(answer.status)
        h.send_header("Content-Type", answer.getheader("Content-Type") or "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        if h.command != "HEAD":
            h.wfile.write(data)


def _start_stream(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/x-ndjson")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()


def _chunk(h: BaseHTTPRequestHandler, data: bytes) -> None:
    h.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
    h.wfile.flush()


def _line(text: str = "", thinking: str = "", done: bool = False) -> bytes:
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if thinking:
        message["thinking"] = thinking
    return json.dumps({"model": MODEL, "message": message, "done": done}).encode() + b"\n"


def _good_start(h: BaseHTTPRequestHandler) -> None:
    _start_stream(h)
    for word in ("Standing", " desks", " help", " you", " move."):
        _chunk(h, _line(word))


def _malformed(_s: Hostile, h: BaseHTTPRequestHandler, _b: bytes) -> None:
    _good_start(h)
    _chunk(h, b'{"model": "x", "message": {"content": "oops"\n')
    _chunk(h, b"")


def _stall(_s: Hostile, h: BaseHTTPRequestHandler, _b: bytes) -> None:
    _good_start(h)
    _until_gone(h, 120)


def _cut(_s: Hostile, h: BaseHTTPRequestHandler, _b: bytes) -> None:
    _good_start(h)
    h.wfile.write(b'40\r\n{"model": "qwen3:8b", "mess')
    h.wfile.flush()
    h.close_connection = True
    h.connection.shutdown(socket.SHUT_RDWR)


def _huge_line(_s: Hostile, h: BaseHTTPRequestHandler, _b: bytes) -> None:
    _good_start(h)
    _chunk(h, _line("lorem ipsum " * (100_000_000 // 12)))
    _chunk(h, _line(done=True))
    _chunk(h, b"")


def _endless_thinking(_s: Hostile, h: BaseHTTPRequestHandler, _b: bytes) -> None:
    _start_stream(h)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        _chunk(h, _line(thinking="hmm, let me think again about this. "))
        time.sleep(0.001)


def _html_500(_s: Hostile, h: BaseHTTPRequestHandler, _b: bytes) -> None:
    h.send_response(500)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(len(HTML_500)))
    h.end_headers()
    h.wfile.write(HTML_500)


def _redirect(s: Hostile, h: BaseHTTPRequestHandler, _b: bytes) -> None:
    assert s.elsewhere is not None
    h.send_response(307)
    h.send_header("Location", f"http://localhost:{s.elsewhere.port}{h.path}")
    h.send_header("Content-Length", "0")
    h.end_headers()


def _until_gone(h: BaseHTTPRequestHandler, seconds: float) -> None:
    """Stay silent until the client closes the connection (or `seconds` pass)."""
    deadline = time.monotonic() + seconds
    h.connection.settimeout(0.2)
    while time.monotonic() < deadline:
        try:
            if h.connection.recv(1) == b"":
                return
        except TimeoutError:
            continue
        except OSError:
            return


FAULTS: dict[str, Callable[[Hostile, BaseHTTPRequestHandler, bytes], None]] = {
    "malformed JSON": _malformed, "stall": _stall, "cut chunk": _cut,
    "100 MB line": _huge_line, "endless thinking": _endless_thinking,
    "HTML 500 page": _html_500, "redirect": _redirect,
}


# ---- running the commands -------------------------------------------------------------------

@dataclass
class Run:
    code: int | None
    stdout: str
    stderr: str
    hung: bool

    @property
    def tracebacks(self) -> int:
        return (self.stdout + self.stderr).count("Traceback")


@dataclass
class Row:
    fault: str
    command: str
    tracebacks: int = 0
    lost: int | None = 0
    hangs: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, run: Run) -> None:
        self.tracebacks += run.tracebacks
        self.hangs += int(run.hung)
        self.notes.append(f"exit {run.code if not run.hung else 'hung'}")


class Sandbox:
    """Config and data folders of one run, and the environment that points at them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.config, self.data = root / "config", root / "data"
        self.config.mkdir(parents=True, exist_ok=True)
        (self.config / "settings.json").write_text(
            json.dumps({"read_timeout_seconds": 30, "self_review": False}), encoding="utf-8")
        self.env = {**os.environ, "PLUME_CONFIG_DIR": str(self.config),
                    "PLUME_DATA_DIR": str(self.data), "PYTHONPATH": str(ROOT),
                    "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
        for name in ("OLLAMA_HOST", "PLUME_OLLAMA_TOKEN", "OLLAMA_API_KEY"):
            self.env.pop(name, None)

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "app.cli", *args], cwd=self.root,
                                env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, errors="replace")

    def run(self, *args: str, limit: float = LIMIT,
            kill_after: tuple[float, int] | None = None) -> Run:
        proc = self.start(*args)
        if kill_after is not None:
            delay, sig = kill_after
            timer = threading.Timer(delay, lambda: _signal(proc, sig))
            timer.start()
        try:
            out, err = proc.communicate(timeout=limit)
            hung = False
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            hung = True
        return Run(proc.returncode, out, err, hung)

    def saved_text(self, *folders: Path) -> str:
        texts = []
        for folder in (*folders, self.data / "recovery"):
            if folder.is_dir():
                texts += [p.read_text(encoding="utf-8", errors="replace")
                          for p in folder.rglob("*.md")]
        return "\n".join(texts)


def _signal(proc: subprocess.Popen[str], sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(sig)


def words_lost(shown: str, saved: str) -> int:
    """Distinct words of `shown` (headings aside: they are the plan's) found in no saved file.
    Distinct, because the assembly deliberately drops a sentence repeated from another
    section (and a rewritten section repeats what the broken answer began): counting every
    occurrence would call that editing a loss."""
    body = "\n".join(line for line in shown.splitlines() if not line.lstrip().startswith("#"))
    return len(set(_WORD.findall(body)) - set(_WORD.findall(saved)))


def generate(box: Sandbox, host: str, out: Path, **kw: Any) -> Run:
    return box.run("generate", KEYWORD, "--model", MODEL, "--words", "600", "--no-review",
                   "--host", host, "--out", str(out), **kw)


def generate_row(fault: str, box: Sandbox, host: str, out: Path, **kw: Any) -> Row:
    row = Row(fault, "generate")
    run = generate(box, host, out, **kw)
    row.add(run)
    row.lost = words_lost(run.stdout, box.saved_text(out))
    row.notes.append(_last_line(run.stderr))
    return row


def batch_row(fault: str, box: Sandbox, host: str, fake: FakeOllama, out: Path,
              before_resume: Callable[[], None] | None = None, **kw: Any) -> Row:
    """The job on `host`, then `--resume` on the sane server: every saved section must be in
    the final articles, every keyword done once."""
    row = Row(fault, "batch")
    listing = box.root / "list.txt"
    listing.write_text("\n".join(BATCH_KEYWORDS) + "\n", encoding="utf-8")
    first = box.run("batch", str(listing), "--out", str(out), "--model", MODEL, "--host", host,
                    "--words", "300", "--no-review", "--duplicates", "keep", **kw)
    row.add(first)
    saved = _saved_sections(out)
    if before_resume is not None:
        before_resume()
    if (out / ".plume-batch" / "job.sqlite").exists():
        resumed = box.run("batch", "--resume", str(out), "--host", fake.url)
        row.add(resumed)
    final = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*.md")) \
        if out.is_dir() else ""
    row.lost = words_lost(saved, final)
    done = sorted(p.stem for p in out.glob("*.md")) if out.is_dir() else []
    expected = sorted(k.replace(" ", "-") for k in BATCH_KEYWORDS)
    if done == expected:
        row.notes.append("all articles once")
    elif not (out / ".plume-batch" / "job.sqlite").exists():
        row.notes.append("no job saved yet (stopped before it was created): nothing to resume")
    else:
        row.notes.append(f"articles: {done}")
    return row


def _saved_sections(out: Path) -> str:
    import sqlite3

    db = out / ".plume-batch" / "job.sqlite"
    if not db.exists():
        return ""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT markdown FROM sections WHERE idx >= 0").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return ""
    return "\n".join(r[0] for r in rows)


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    meaningful = [ln for ln in lines if not ln.startswith(("→", "Stopped"))]
    return (meaningful or lines or [""])[-1][:110]


# ---- the scenarios --------------------------------------------------------------------------

def server_faults(work: Path, only: set[str]) -> Iterator[Row]:
    for fault in FAULTS:
        if only and fault not in only:
            continue
        with FakeOllama() as fake, FakeOllama() as elsewhere:
            fake.set_delay(0.002)
            for command in ("generate", "batch", "gui"):
                hostile = Hostile(fake, fault, elsewhere=elsewhere).start()
                box = Sandbox(work / f"{_slug(fault)}-{command}")
                try:
                    if command == "generate":
                        row = generate_row(fault, box, hostile.url, box.root / "out")
                    elif command == "batch":
                        row = batch_row(fault, box, hostile.url, fake, box.root / "out")
                    else:
                        row = gui_row(fault, box, hostile.url)
                finally:
                    hostile.stop()
                if elsewhere.requests:
                    row.notes.append(f"{len(elsewhere.requests)} request(s) reached the "
                                     "redirect target")
                yield row


def gui_child(url: str, limit: float, stream: bool = False) -> None:
    """In a child process (offscreen): the real main window writes an article on `url`.
    Prints JSON: every piece of text the editor received, its final text, the state and the
    message bar."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.core.settings import Settings
    from app.ui.bootstrap import create_application
    from app.ui.main_window import MainWindow
    from app.ui.ui_state import UiState

    app = create_application(["faults"])
    tmp = Path(tempfile.mkdtemp(prefix="plume-faults-gui-"))
    window = MainWindow(Settings(host=url, default_model=MODEL, self_review=False,
                                 read_timeout_seconds=30),
                        ui_state=UiState(tmp / "ui.ini"), start_connection=False)
    window.show()
    from app.ui.bootstrap import open_library
    from app.ui.stop_signals import StopSignals

    window.set_library(open_library([]))             # autosave, as the app wires it

    def stop(signum: int) -> None:                   # as the app's bootstrap does
        if window.close():
            os._exit(128 + signum)

    stop_signals = StopSignals(stop, app)
    appended: list[str] = []
    append = window.editor.append_stream

    def recording(text: str) -> None:
        appended.append(text)
        if stream:                                   # the parent may kill us at any time
            print(json.dumps({"text": text}), flush=True)
        append(text)

    window.editor.append_stream = recording  # type: ignore[method-assign]
    finish = window.editor.finish_block

    def finishing(final_markdown: str | None = None) -> None:
        if stream:     # a finished block may be shown in its vetted form (echo, loops cut)
            print(json.dumps({"block": final_markdown}), flush=True)
        finish(final_markdown)

    window.editor.finish_block = finishing  # type: ignore[method-assign]
    window.brief_panel.keyword.setText(KEYWORD)
    window.brief_panel.length.setValue(600)
    deadline = time.monotonic() + limit

    def settle() -> bool:
        while time.monotonic() < deadline:
            app.processEvents()
            if not window.generation.busy:
                return True
            time.sleep(0.005)
        return False

    window.actions.generate_outline.trigger()
    done = settle()
    if done and window.actions.write.isEnabled():
        window.actions.write.trigger()
        done = settle()
    print(json.dumps({"done": done, "state": str(window.generation.state),
                      "appended": "".join(appended), "final": window.editor.toPlainText(),
                      "message": window.message_bar.message()}), flush=True)
    del stop_signals
    os._exit(0)


def gui_row(fault: str, box: Sandbox, host: str) -> Row:
    row = Row(fault, "GUI (offscreen)")
    proc = subprocess.Popen([sys.executable, "-m", "bench.faults", "--gui-child", host],
                            cwd=ROOT, env={**box.env, "QT_QPA_PLATFORM": "offscreen"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=LIMIT)
        hung = False
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        hung = True
    run = Run(proc.returncode, out, err, hung)
    row.add(run)
    try:
        result = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        row.lost = None
        row.notes.append("no result")
        return row
    row.hangs += int(not result["done"])
    row.lost = words_lost(result["appended"], result["final"])
    message = " ".join(result["message"].split())[:100]
    row.notes.append(f"{result['state']}{': ' + message if message else ''}")
    return row


def gui_kill_row(sig: signal.Signals, box: Sandbox, host: str, delay: float) -> Row:
    """Kill the window `delay` s into the writing; the recovery copy in the library must
    hold what the editor had shown (autosave every few seconds: the tail may be missing)."""
    from app.core.settings import LIBRARY_FILE
    from app.core.store.library import Library

    row = Row(f"{sig.name} at random points", "GUI (offscreen)")
    proc = subprocess.Popen([sys.executable, "-m", "bench.faults", "--gui-child", host,
                             "--stream"], cwd=ROOT,
                            env={**box.env, "QT_QPA_PLATFORM": "offscreen"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    shown: list[str] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            with contextlib.suppress(ValueError):
                shown.append(json.loads(line).get("text", ""))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while not shown and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)                            # the writing has started
    time.sleep(delay)
    _signal(proc, sig)
    try:
        _, err = proc.communicate(timeout=30)
        hung = False
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        hung = True
    reader.join(5)
    row.add(Run(proc.returncode, "", err, hung))
    library = Library(box.data / LIBRARY_FILE)
    from app.core.store.stream_journal import recover_journals

    recover_journals(box.data, library)              # as the next start does
    kept = "\n".join(library.load_draft(d.draft_id).body for d in library.recoverable())
    row.lost = words_lost("".join(shown), kept)
    row.notes.append(f"{delay:.1f}s after the first words; {len(''.join(shown).split())} "
                     f"words shown, {len(kept.split())} in the recovery copy")
    return row


def disk_faults(work: Path) -> Iterator[Row]:
    if os.geteuid() != 0:
        yield Row("disk full / read-only", "all", lost=None, notes=["skipped: needs root"])
        return
    with FakeOllama() as fake:
        fake.set_delay(0.002)
        article = work / "article.md"
        article.write_text("---\ntitle: \"Compost\"\n---\n\n# Compost\n\nCompost is good.\n",
                           encoding="utf-8")
        for kind in ("full from the start", "fills mid-run", "read-only"):
            for command in ("generate", "batch", "export", "GUI"):
                if kind == "fills mid-run" and command == "export":
                    continue
                box = Sandbox(work / f"disk-{_slug(kind)}-{command}")
                mount = box.root / "mnt"
                with _tmpfs(mount, read_only=kind == "read-only"):
                    out = mount / "out"
                    fill = (lambda m=mount: _fill(m))
                    if kind == "full from the start":
                        _fill(mount)
                    hostile = Hostile(fake, "none", on_fault=fill if kind == "fills mid-run"
                                      else None).start()
                    try:
                        fault = f"disk {kind}" if kind != "read-only" else "read-only folder"
                        if command == "generate":
                            row = generate_row(fault, box, hostile.url, out)
                        elif command == "batch":
                            free = (lambda m=mount: (m / "filler.bin").unlink(missing_ok=True))
                            row = batch_row(fault, box, hostile.url, fake, out,
                                            before_resume=free if kind == "fills mid-run"
                                            else None)
                        elif command == "GUI":      # the library and its recovery copies on that disk
                            box.env = {**box.env, "PLUME_DATA_DIR": str(mount / "data")}
                            row = gui_row(fault, box, hostile.url)
                        else:
                            row = Row(fault, "export")
                            run = box.run("export", str(article), "--to", "md,html",
                                          "--out", str(out))
                            row.add(run)
                            row.notes.append(_last_line(run.stderr))
                    finally:
                        hostile.stop()
                yield row


@contextlib.contextmanager
def _tmpfs(path: Path, *, read_only: bool) -> Iterator[None]:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(path)], check=True)
    try:
        if read_only:
            subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True)
        yield
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def _fill(folder: Path) -> None:
    descriptor = os.open(folder / "filler.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(descriptor, b"\0" * 65536)
        with contextlib.suppress(OSError):
            while True:
                os.write(descriptor, b"\0" * 512)
    finally:
        os.close(descriptor)


def kill_faults(work: Path, points: int, seed: int) -> Iterator[Row]:
    rng = random.Random(seed)
    with FakeOllama() as fake:
        fake.set_delay(0.02)                 # 50 tokens/s: a small local model's pace
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for command in ("generate", "batch"):
                row = Row(f"{sig.name} at random points ×{points}", command)
                row.lost = 0
                for n in range(points):
                    delay = rng.uniform(0.5, 12.0)
                    box = Sandbox(work / f"kill-{sig.name}-{command}-{n}")
                    out = box.root / "out"
                    if command == "generate":
                        one = generate_row(row.fault, box, fake.url, out,
                                           kill_after=(delay, sig))
                    else:
                        one = batch_row(row.fault, box, fake.url, fake, out,
                                        kill_after=(delay, sig))
                    row.tracebacks += one.tracebacks
                    row.hangs += one.hangs
                    row.lost = (row.lost or 0) + (one.lost or 0)
                    final = "" if command == "generate" else f", then {one.notes[-1]}"
                    row.notes.append(f"{delay:.1f}s: {one.notes[0]}{final}, lost {one.lost}")
                yield row
            row = Row(f"{sig.name} at random points ×{points}", "GUI (offscreen)", lost=0)
            for n in range(points):
                box = Sandbox(work / f"kill-{sig.name}-gui-{n}")
                one = gui_kill_row(sig, box, fake.url, rng.uniform(0.5, 12.0))
                row.tracebacks += one.tracebacks
                row.hangs += one.hangs
                row.lost = (row.lost or 0) + (one.lost or 0)
                row.notes += [f"{one.notes[-1]}, lost {one.lost}"]
            yield row


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# ---- main -----------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.faults", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2 kill points instead of 4")
    parser.add_argument("--only", default="", help="comma-separated groups or faults: "
                        "server, disk, kill, or a fault name (e.g. stall)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep", action="store_true", help="keep the run folders")
    parser.add_argument("--gui-child", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--stream", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.gui_child:
        gui_child(args.gui_child, LIMIT - 10, args.stream)
        return
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    names = only - {"server", "disk", "kill"}
    work = Path(tempfile.mkdtemp(prefix="plume-faults-"))
    started = time.monotonic()
    rows: list[Row] = []
    groups: list[tuple[str, Callable[[], Iterator[Row]]]] = [
        ("server", lambda: server_faults(work, names)),
        ("disk", lambda: disk_faults(work)),
        ("kill", lambda: kill_faults(work, 2 if args.quick else 4, args.seed)),
    ]
    print("| fault | command | tracebacks | words lost | hangs | notes |")
    print("| --- | --- | --- | --- | --- | --- |")
    try:
        for name, group in groups:
            if only and name not in only and not (name == "server" and names):
                continue
            for row in group():
                rows.append(row)
                lost = "n/a" if row.lost is None else str(row.lost)
                notes = "; ".join(n.replace("|", "/") for n in row.notes if n)
                print(f"| {row.fault} | {row.command} | {row.tracebacks} | {lost} | "
                      f"{row.hangs} | {notes} |", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    total = (sum(r.tracebacks for r in rows), sum(r.lost or 0 for r in rows),
             sum(r.hangs for r in rows))
    print(f"\n{len(rows)} rows in {time.monotonic() - started:.0f} s: "
          f"{total[0]} tracebacks, {total[1]} words lost, {total[2]} hangs"
          + (f" (folders kept in {work})" if args.keep else ""))


if __name__ == "__main__":
    main()
