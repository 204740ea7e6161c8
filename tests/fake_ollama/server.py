"""FakeOllama: a real threaded HTTP/1.1 server on 127.0.0.1 that speaks Ollama's wire protocol.

    with FakeOllama() as fake:
        client = ollama.Client(fake.url, trust_env=False)
        fake.enqueue("/api/chat", Generate(content="Bonjour", error_after=3))
        ...
        fake.requests[-1].body["options"]["num_ctx"]; fake.disconnects

Unscripted requests get the default behaviour (`behaviour.route`): realistic tags/show/ps,
validation errors, and the "writer" that answers any chat plausibly.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from . import behaviour, openai_api
from . import replies as r
from .catalogue import ModelSpec, default_models, go_time, normalise
from .wire import ClientGone, Wire

Behaviour = r.Reply | Callable[["RecordedRequest"], r.Reply]
_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0")


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    raw: bytes
    at: float = field(default_factory=time.monotonic)


@dataclass
class Disconnect:
    path: str
    lines_sent: int       # NDJSON lines fully written before the client went away
    at: float
    request: RecordedRequest


class FakeOllama:
    def __init__(self, *, port: int = 0, host: str = "127.0.0.1", version: str = "0.12.6",
                 tokens_per_second: float | None = None, first_byte_delay: float = 0.0) -> None:
        self.version = version
        self.models: dict[str, ModelSpec] = {m.name: m for m in default_models()}
        self.pullable: dict[str, ModelSpec] = {}
        self.model_behaviours: dict[str, Behaviour] = {}
        self.default_num_ctx = 4096
        self.openai_flavour = "vllm"        # /v1 metadata and error bodies: "vllm" | "llamacpp"
        self.openai_json_schema = True      # False: response_format json_schema is refused
        self.chunk_delay = 1.0 / tokens_per_second if tokens_per_second else 0.0
        self.first_byte_delay = first_byte_delay
        self.pull_steps = 4
        self.pull_verify_pause = 0.0
        self.pull_chunk_delay: float | None = None
        self.requests: list[RecordedRequest] = []
        self.disconnects: list[Disconnect] = []
        self._queues: dict[str, collections.deque[Behaviour]] = collections.defaultdict(collections.deque)
        self._running: dict[str, tuple[ModelSpec, int, dt.datetime]] = {}
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._stop = threading.Event()
        self._server = _Server((host, port), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-ollama",
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    # ---- lifecycle ---------------------------------------------------------------------
    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        """Stop serving; the port is closed afterwards (connection refused)."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeOllama:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- scripting ---------------------------------------------------------------------
    def enqueue(self, path: str, *replies: Behaviour) -> None:
        """Answer the next requests to `path` with these replies (FIFO), then default again."""
        with self._lock:
            self._queues[path].extend(replies)

    def on_model(self, name: str, reply: Behaviour | None) -> None:
        """Every chat/generate to this model gets `reply` (or a callable's result); None resets."""
        key = normalise(name)
        if reply is None:
            self.model_behaviours.pop(key, None)
        else:
            self.model_behaviours[key] = reply

    def set_delay(self, chunk: float | None = None, *, first_byte: float | None = None,
                  tokens_per_second: float | None = None) -> None:
        """Default pacing of streams: seconds between chunks (or tokens/s) and before the first byte."""
        if tokens_per_second:
            self.chunk_delay = 1.0 / tokens_per_second
        elif chunk is not None:
            self.chunk_delay = chunk
        if first_byte is not None:
            self.first_byte_delay = first_byte

    def writer(self, req: RecordedRequest) -> r.Reply:
        """The default answer to `req` (for per-model callables that only alter some requests)."""
        spec = self.models[normalise(str(req.body.get("model")))]
        return behaviour.writer_reply(self, spec, req.body)

    def add_model(self, spec: ModelSpec) -> ModelSpec:
        self.models[spec.name] = spec
        return spec

    def remove_model(self, name: str) -> None:
        self.models.pop(normalise(name), None)

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()
            self.disconnects.clear()
            self._queues.clear()

    # ---- inspection --------------------------------------------------------------------
    def requests_to(self, path: str) -> list[RecordedRequest]:
        with self._lock:
            return [q for q in self.requests if q.path == path]

    def bodies(self, path: str = "/api/chat") -> list[Any]:
        return [q.body for q in self.requests_to(path)]

    def wait_for_disconnect(self, count: int = 1, timeout: float = 5.0) -> list[Disconnect]:
        """Block until the server has seen `count` client disconnects (or raise TimeoutError)."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.disconnects) >= count, timeout):
                raise TimeoutError(f"no client disconnect within {timeout}s")
            return list(self.disconnects)

    def wait_for_requests(self, path: str, count: int = 1, timeout: float = 10.0) -> list[RecordedRequest]:
        """Block until `count` requests to `path` arrived (or raise TimeoutError)."""
        with self._changed:
            done = self._changed.wait_for(
                lambda: sum(q.path == path for q in self.requests) >= count, timeout)
            if not done:
                raise TimeoutError(f"fewer than {count} requests to {path} within {timeout}s")
            return [q for q in self.requests if q.path == path]

    def running_entries(self) -> list[dict[str, Any]]:
        now = dt.datetime.now(dt.UTC)
        with self._lock:
            items = [(s, c, e) for s, c, e in self._running.values() if e > now]
        items.sort(key=lambda item: item[2], reverse=True)
        return [behaviour.running_entry(s, c, e) for s, c, e in items]

    # ---- used by the behaviours ------------------------------------------------------------
    def mark_running(self, spec: ModelSpec, body: dict[str, Any], *, unload: bool = False) -> None:
        num_ctx = int((body.get("options") or {}).get("num_ctx") or self.default_num_ctx)
        num_ctx = min(num_ctx, spec.context_length)  # capped to the trained context, like Ollama
        with self._lock:
            if unload:
                self._running.pop(spec.name, None)
            else:
                expires = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
                self._running[spec.name] = (spec, num_ctx, expires)

    def on_pulled(self, spec: ModelSpec) -> None:
        self.models[spec.name] = spec

    def _record(self, req: RecordedRequest) -> None:
        with self._changed:
            self.requests.append(req)
            self._changed.notify_all()

    def _next_reply(self, req: RecordedRequest) -> r.Reply:
        if behaviour.is_load_request(req):  # warm-ups are answered natively, never scripted
            return behaviour.route(self, req)
        with self._lock:
            queue = self._queues.get(req.path)
            scripted = queue.popleft() if queue else None
        if scripted is None:
            return behaviour.route(self, req)
        return scripted(req) if callable(scripted) else scripted

    def _gone(self, req: RecordedRequest, lines: int) -> None:
        with self._changed:
            self.disconnects.append(Disconnect(req.path, lines, time.monotonic(), req))
            self._changed.notify_all()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    fake: FakeOllama

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):  # a client hung up: normal for streams
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True      # like Go's net/http (TCP_NODELAY): no 40 ms stalls
    server: _Server
    timeout = 60

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            body = {"__invalid__": raw.decode("utf-8", "replace")}
        req = RecordedRequest(self.command, self.path.split("?")[0],
                              {k.lower(): v for k, v in self.headers.items()}, body, raw)
        fake._record(req)
        wire = Wire(self, fake._stop)
        if openai_api.handles(req.path):  # the OpenAI-compatible face (openai_api.py)
            try:
                openai_api.serve(fake, wire, req)
            except ClientGone:
                self.close_connection = True
            return
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()
        reply = r.FORBIDDEN if host and host not in _LOCAL_HOSTS else fake._next_reply(req)
        try:
            self._send(fake, wire, req, reply)
        except ClientGone:
            self.close_connection = True

    def _send(self, fake: FakeOllama, wire: Wire, req: RecordedRequest, reply: r.Reply) -> None:
        if isinstance(reply, r.Fail):
            wire.pause(reply.first_byte_delay)
            if reply.kind == "json":
                wire.send_json(reply.status, {"error": reply.message})
            else:
                kind = "text/plain" if reply.kind == "text" else None
                wire.send_body(reply.status, reply.message.encode(), kind)
        elif isinstance(reply, r.Json):
            wire.pause(reply.first_byte_delay)
            wire.send_json(reply.status, reply.body)
        elif isinstance(reply, r.Redirect):
            wire.send_body(reply.status, b"", None, {"Location": reply.location})
        elif isinstance(reply, r.Stream):
            self._stream(fake, wire, req, reply, reply.lines)
            if reply.on_complete and not self.close_connection:
                reply.on_complete()
        else:
            self._generation(fake, wire, req, reply)

    def _generation(self, fake: FakeOllama, wire: Wire, req: RecordedRequest, g: r.Generate) -> None:
        body = req.body or {}
        chat = req.path != "/api/generate"
        model = str(body.get("model") or "")
        thinking, content = g.thinking_pieces(), g.content_pieces()

        def chunk(text: str = "", think: str = "", done: bool = False) -> dict[str, Any]:
            out: dict[str, Any] = {"model": model, "created_at": go_time(dt.datetime.now(dt.UTC))}
            if chat:
                message = {"role": "assistant", "content": text}
                if think:
                    message["thinking"] = think
                out["message"] = message
            else:
                out["response"] = text
                if think:
                    out["thinking"] = think
            out["done"] = done
            return out

        final = chunk(g.final_content, done=True)
        if g.done_reason:
            final["done_reason"] = g.done_reason
        if g.metrics and g.done_reason not in ("load", "unload"):
            evals = len(thinking) + len(content) + (1 if g.final_content else 0)
            prompt = g.prompt_eval_count or behaviour.prompt_eval_count(fake, body)
            metrics = {"total_duration": 2_400_000_000 + evals * 20_000_000, "load_duration": 41_234_567,
                       "prompt_eval_count": prompt, "prompt_eval_duration": 120_000_000,
                       "eval_count": evals, "eval_duration": max(1, evals) * 20_000_000}
            final.update(g.metrics if isinstance(g.metrics, dict) else metrics)
        if body.get("stream") is False:
            wire.pause(g.first_byte_delay or fake.first_byte_delay)
            if g.error_after is not None:
                wire.send_json(500, {"error": g.error})
                return
            whole = chunk("".join(content) + g.final_content, "".join(thinking))
            whole.update({k: v for k, v in final.items() if k not in ("message", "response")})
            wire.send_json(200, whole)
            return
        lines = [chunk(think=t) for t in thinking] + [chunk(text=c) for c in content]
        if g.error_after is not None:
            lines = lines[: g.error_after] + [{"error": g.error}]
        else:
            lines.append(final)
        self._stream(fake, wire, req, g, lines, endless=lambda i: chunk(text=f" {i}"))

    def _stream(self, fake: FakeOllama, wire: Wire, req: RecordedRequest, t: r.Timing,
                lines: list[dict[str, Any]], endless: Callable[[int], dict[str, Any]] | None = None) -> None:
        status = getattr(t, "status", 200)
        delay = fake.chunk_delay if t.chunk_delay is None else t.chunk_delay
        sent = 0
        try:
            wire.pause(t.first_byte_delay or fake.first_byte_delay)
            wire.start_stream(status)
            if t.forever:
                lines = [line for line in lines if not line.get("done")]
            i = 0
            while True:
                if i < len(lines):
                    line = lines[i]
                elif t.forever:
                    line = endless(i) if endless else lines[-1]
                else:
                    break
                if t.close_after is not None and sent >= t.close_after:
                    wire.abort()
                    return
                wire.pause(t.gap_before.get(i, 0.0) + (delay if i else 0.0))
                if i == len(lines) - 1 and getattr(t, "before_last", None):
                    t.before_last()  # type: ignore[attr-defined]
                wire.line(line, escape_html=t.escape_html, split_utf8=t.split_utf8)
                sent += 1
                i += 1
            wire.end_stream()
        except ClientGone:
            fake._gone(req, sent)
            raise


def closed_port_url() -> str:
    """A loopback URL where nothing listens (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
