"""The fake's OpenAI-compatible face, as vLLM and llama.cpp's server speak it (same port as the
Ollama API, like Ollama's own /v1): GET /v1/models, POST /v1/chat/completions streamed as
server-sent events ending in `data: [DONE]`, llama.cpp's GET /props, and each server's
error bodies.

    fake.openai_flavour = "llamacpp"      # or "vllm" (default): metadata and error bodies
    fake.openai_json_schema = False       # an older server: response_format json_schema → 400
    fake.enqueue("/v1/chat/completions", Generate(...) | Fail(...))   # scripted, as for Ollama

Unscripted chats are answered by the same writer as /api/chat (JSON for a schema, prose
otherwise, reasoning as `reasoning_content` for thinking models).
"""

from __future__ import annotations

import json
import time
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

from . import behaviour
from . import replies as r
from .catalogue import ModelSpec
from .wire import ClientGone, Wire

if TYPE_CHECKING:
    from .server import FakeOllama, RecordedRequest

CHAT = "/v1/chat/completions"


def handles(path: str) -> bool:
    return path.startswith("/v1/") or path == "/props"


def model_id(spec: ModelSpec) -> str:
    """The id the server lists: Ollama's name without its implicit ':latest'."""
    return spec.name.removesuffix(":latest")


def serve(fake: FakeOllama, wire: Wire, req: RecordedRequest) -> None:
    flavour = getattr(fake, "openai_flavour", "vllm")
    with fake._lock:
        queue = fake._queues.get(req.path)
        scripted = queue.popleft() if queue else None
    if scripted is not None:
        reply = scripted(req) if callable(scripted) else scripted
    elif req.path == "/v1/models" and req.method == "GET":
        reply = r.Json(_models(fake, flavour))
    elif req.path == "/props" and req.method == "GET" and flavour == "llamacpp":
        reply = r.Json({"default_generation_settings": {"n_ctx": fake.default_num_ctx},
                        "total_slots": 1, "model_path": "/models/model.gguf"})
    elif req.path == CHAT and req.method == "POST":
        reply = _chat(fake, req, flavour)
    else:
        reply = r.Fail(404, "Not Found" if flavour == "vllm" else "File Not Found")
    if isinstance(reply, r.Fail):
        wire.pause(reply.first_byte_delay)
        wire.send_json(reply.status, error_body(flavour, reply.status, reply.message))
    elif isinstance(reply, r.Json):
        wire.pause(reply.first_byte_delay)
        wire.send_json(reply.status, reply.body)
    elif isinstance(reply, r.Generate):
        _stream(fake, wire, req, reply, flavour)


def error_body(flavour: str, status: int, message: str, kind: str = "") -> dict[str, Any]:
    """An error as each server writes it."""
    if flavour == "llamacpp":
        kind = kind or {401: "authentication_error", 404: "not_found_error",
                        503: "unavailable_error"}.get(status, "invalid_request_error")
        if "context size" in message:
            kind = "exceed_context_size_error"
        return {"error": {"code": status, "message": message, "type": kind}}
    if status == 404 and message == "Not Found":
        return {"detail": "Not Found"}                       # FastAPI's own 404
    kind = kind or {400: "BadRequestError", 401: "Unauthorized", 404: "NotFoundError",
                    503: "ServiceUnavailableError"}.get(status, "InternalServerError")
    return {"object": "error", "message": message, "type": kind, "param": None, "code": status}


def _models(fake: FakeOllama, flavour: str) -> dict[str, Any]:
    data = []
    for spec in fake.models.values():
        entry: dict[str, Any] = {"id": model_id(spec), "object": "model", "created": 1733000000,
                                 "owned_by": "llamacpp" if flavour == "llamacpp" else "vllm"}
        if flavour == "llamacpp":
            entry["meta"] = {"n_ctx": fake.default_num_ctx, "n_ctx_train": spec.context_length,
                             "n_params": spec.parameter_count or 0, "n_vocab": 262144}
        else:
            entry.update({"root": model_id(spec), "parent": None,
                          "max_model_len": spec.context_length})
        data.append(entry)
    return {"object": "list", "data": data}


def _find(fake: FakeOllama, name: str, flavour: str) -> ModelSpec | None:
    for spec in fake.models.values():
        if model_id(spec) == name or spec.name == name:
            return spec
    if flavour == "llamacpp" and fake.models:   # one model loaded: the name is not checked
        return next(iter(fake.models.values()))
    return None


def _chat(fake: FakeOllama, req: RecordedRequest, flavour: str) -> r.Reply:
    body = req.body if isinstance(req.body, dict) else {}
    if "__invalid__" in body:
        return r.Fail(400, "[json.exception.parse_error.101] parse error at line 1")
    spec = _find(fake, str(body.get("model") or ""), flavour)
    if spec is None:
        return r.Fail(404, f"The model `{body.get('model')}` does not exist.")
    messages = body.get("messages")
    if not messages:
        return r.Fail(400, "'messages' must not be empty" if flavour == "llamacpp" else
                      "messages: List should have at least 1 item after validation")
    fmt = body.get("response_format") or {}
    schema: dict[str, Any] | str | None = None
    if fmt.get("type") == "json_schema":
        if not getattr(fake, "openai_json_schema", True):
            return r.Fail(400, "response_format type 'json_schema' is not supported")
        schema = (fmt.get("json_schema") or {}).get("schema") or {}
    elif fmt.get("type") == "json_object":
        schema = _schema_from_prompt(messages) or "json"
    window = fake.default_num_ctx if flavour == "llamacpp" else spec.context_length
    ollama_body = {"model": spec.name, "messages": messages, "format": schema,
                   "options": {"num_predict": body.get("max_tokens")}}
    tokens = behaviour.estimate_prompt_tokens(ollama_body)
    if tokens + int(body.get("max_tokens") or 0) > window:
        if flavour == "llamacpp":
            return r.Fail(400, f"request ({tokens} tokens) exceeds the available context size "
                               f"({window} tokens), try increasing it")
        return r.Fail(400, f"This model's maximum context length is {window} tokens. However, "
                           f"you requested {tokens + int(body.get('max_tokens') or 0)} tokens.")
    kwargs = body.get("chat_template_kwargs") or {}
    if "enable_thinking" in kwargs:
        ollama_body["think"] = bool(kwargs["enable_thinking"])
    custom = fake.model_behaviours.get(spec.name)
    if custom is not None:
        return custom(req) if callable(custom) else custom
    return behaviour.writer_reply(fake, spec, ollama_body)


def _schema_from_prompt(messages: list[dict[str, Any]]) -> dict[str, Any] | None:
    """json_object mode: the client put the schema in its last message."""
    text = str(messages[-1].get("content") or "")
    start = text.find("{")
    try:
        value = json.loads(text[start:]) if start >= 0 else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _stream(fake: FakeOllama, wire: Wire, req: RecordedRequest, g: r.Generate,
            flavour: str) -> None:
    body = req.body if isinstance(req.body, dict) else {}
    model = str(body.get("model") or "")
    ident = f"chatcmpl-{int(time.time() * 1000)}"

    def event(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {"id": ident, "object": "chat.completion.chunk", "created": int(time.time()),
                "model": model, "choices": [{"index": 0, "delta": delta,
                                             "finish_reason": finish}]}

    thinking, content = g.thinking_pieces(), g.content_pieces()
    events = [event({"role": "assistant", "content": ""})]
    events += [event({"reasoning_content": t}) for t in thinking]
    events += [event({"content": c}) for c in content]
    if g.error_after is not None:
        events = events[: g.error_after + 1]
        events.append(error_body(flavour, 500, g.error) if flavour == "llamacpp"
                      else {"error": error_body(flavour, 500, g.error)})
    else:
        events.append(event({}, "length" if g.done_reason == "length" else "stop"))
        if (body.get("stream_options") or {}).get("include_usage"):
            usage = {"prompt_tokens": g.prompt_eval_count or 40,
                     "completion_tokens": len(thinking) + len(content)}
            usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
            events.append({**event({}), "choices": [], "usage": usage})
    if body.get("stream") is False:
        text = "".join(content)
        wire.send_json(200, {"id": ident, "object": "chat.completion", "model": model,
                             "choices": [{"index": 0, "finish_reason": "stop", "message": {
                                 "role": "assistant", "content": text}}]})
        return
    delay = fake.chunk_delay if g.chunk_delay is None else g.chunk_delay
    sent = 0
    try:
        wire.pause(g.first_byte_delay or fake.first_byte_delay)
        _start_sse(wire.handler)
        if g.forever:  # no end: content until the client goes away
            events = [e for e in events if e.get("choices") and not e["choices"][0]["finish_reason"]]
        i = 0
        while True:
            if i < len(events):
                data = events[i]
            elif g.forever:
                data = event({"content": f" {i}"})
            else:
                break
            if g.close_after is not None and sent >= g.close_after:
                wire.abort()
                return
            wire.pause(g.gap_before.get(i, 0.0) + (delay if i else 0.0))
            wire.chunk(b"data: " + json.dumps(data, ensure_ascii=False).encode() + b"\n\n")
            sent += 1
            i += 1
        if g.error_after is None or flavour == "vllm":
            wire.chunk(b"data: [DONE]\n\n")
        wire.end_stream()
    except ClientGone:
        fake._gone(req, sent)
        raise


def _start_sse(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/event-stream")
    handler.send_header("Cache-Control", "no-cache")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    try:
        handler.wfile.flush()
    except OSError:
        raise ClientGone() from None
