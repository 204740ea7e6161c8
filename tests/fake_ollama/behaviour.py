"""Default answers of the fake, path by path, as the real server gives them (reference §2–§3)."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

from . import replies as r
from .catalogue import PULLABLE, ModelSpec, go_time, normalise
from .schema_fill import SchemaFiller
from .writer import prompt_text, prose, read_facts, thinking_text

if TYPE_CHECKING:
    from .server import FakeOllama, RecordedRequest

_DURATION = re.compile(r"^-?\d+(\.\d+)?(ns|us|µs|ms|s|m|h)(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))*$")


def estimate_prompt_tokens(body: dict[str, Any]) -> int:
    """What the fake 'evaluates': about 4 characters per token plus template overhead."""
    return max(1, len(prompt_text(body)) // 4 + 8 * len(body.get("messages") or [1]))


def is_load_request(req: RecordedRequest) -> bool:
    """A chat/generate with nothing to answer: Ollama just loads (or unloads) the model."""
    body = req.body if isinstance(req.body, dict) else {}
    if req.method != "POST" or not body.get("model"):
        return False
    if req.path == "/api/chat":
        return not body.get("messages")
    return req.path == "/api/generate" and not body.get("prompt")


def route(fake: FakeOllama, req: RecordedRequest) -> r.Reply:
    method, path = req.method, req.path
    if path in ("/", ""):
        return r.Json({}, 200) if method == "HEAD" else _text(200, "Ollama is running")
    handlers = {
        "/api/version": ("GET", lambda: r.Json({"version": fake.version})),
        "/api/tags": ("GET", lambda: r.Json({"models": [m.tag_entry() for m in fake.models.values()]})),
        "/api/ps": ("GET", lambda: r.Json({"models": fake.running_entries()})),
        "/api/show": ("POST", lambda: _show(fake, req.body)),
        "/api/chat": ("POST", lambda: _generate(fake, req)),
        "/api/generate": ("POST", lambda: _generate(fake, req)),
        "/api/pull": ("POST", lambda: _pull(fake, req.body)),
    }
    if path not in handlers:
        return r.NOT_FOUND_PATH
    allowed, handler = handlers[path]
    if method != allowed and not (allowed == "GET" and method == "HEAD"):
        return r.Fail(405, "405 method not allowed", kind="text")
    if method == "POST" and req.body is None:
        return r.Fail(400, "missing request body")
    return handler()


def _text(status: int, text: str) -> r.Fail:
    return r.Fail(status, text, kind="text")


def _show(fake: FakeOllama, body: dict[str, Any]) -> r.Reply:
    name = str(body.get("model") or body.get("name") or "")
    if not name:
        return r.Fail(400, "model is required")
    spec = fake.models.get(normalise(name))
    return r.Json(spec.show()) if spec else r.model_not_found(normalise(name))


def _validate(fake: FakeOllama, body: dict[str, Any]) -> ModelSpec | r.Fail:
    name = str(body.get("model") or "")
    if not name:
        return r.Fail(400, "model is required")
    spec = fake.models.get(normalise(name))
    if spec is None:
        return r.model_not_found(normalise(name))
    think = body.get("think")
    if think not in (None, False, True, "low", "medium", "high", "max"):
        return r.Fail(400, f"invalid think value: {json.dumps(think)}")
    if think and not spec.can_think:
        return r.no_thinking(name)
    keep_alive = body.get("keep_alive")
    if isinstance(keep_alive, str) and not _DURATION.match(keep_alive):
        return r.Fail(400, f'time: missing unit in duration "{keep_alive}"')
    fmt = body.get("format")
    if fmt not in (None, "", "json") and not isinstance(fmt, dict):
        return r.Fail(500, f'invalid format: {json.dumps(fmt)}; expected "json" or a valid JSON Schema object')
    return spec


def _generate(fake: FakeOllama, req: RecordedRequest) -> r.Reply:
    body = req.body
    checked = _validate(fake, body)
    if isinstance(checked, r.Fail):
        return checked
    spec = checked
    if is_load_request(req):
        unload = body.get("keep_alive") in (0, "0", "0s")
        fake.mark_running(spec, body, unload=unload)
        return r.Generate(done_reason="unload" if unload else "load", metrics=False)
    fake.mark_running(spec, body, unload=body.get("keep_alive") in (0, "0s"))
    behaviour = fake.model_behaviours.get(spec.name)
    if behaviour is not None:
        return behaviour(req) if callable(behaviour) else behaviour
    return writer_reply(fake, spec, body)


def writer_reply(fake: FakeOllama, spec: ModelSpec, body: dict[str, Any]) -> r.Generate:
    """The default writer: JSON for a schema, prose otherwise; thinking when the model thinks."""
    facts = read_facts(body)
    fmt = body.get("format")
    if isinstance(fmt, dict):
        text = json.dumps(SchemaFiller(fmt, facts).value(), ensure_ascii=False, indent=1)
        content = [text[i:i + 4] for i in range(0, len(text), 4)]
    elif fmt == "json":
        text = json.dumps({"keyword": facts.keyword, "text": prose(facts)[:200]}, ensure_ascii=False)
        content = [text[i:i + 4] for i in range(0, len(text), 4)]
    else:
        content = r.words(prose(facts))
    think = body.get("think")
    thinks = spec.can_think and (spec.thinks_always or think is None or bool(think))
    thinking = r.words(thinking_text(facts)) if thinks else []
    if thinks and spec.legacy_think:
        content = r.legacy_think(thinking_text(facts), "".join(content))
        thinking = []
    options = body.get("options") or {}
    limit = options.get("num_predict")
    done_reason = "stop"
    if isinstance(limit, int) and limit > 0 and len(thinking) + len(content) > limit:
        keep = max(0, limit - len(thinking))
        thinking, content = thinking[:limit], content[:keep]
        done_reason = "length"
    return r.Generate(content=content, thinking=thinking, done_reason=done_reason)


def prompt_eval_count(fake: FakeOllama, body: dict[str, Any]) -> int:
    """Like a context-shifting runner: an over-long prompt is cut to about half the window."""
    tokens = estimate_prompt_tokens(body)
    num_ctx = int((body.get("options") or {}).get("num_ctx") or fake.default_num_ctx)
    return tokens if tokens <= num_ctx else num_ctx // 2


def _pull(fake: FakeOllama, body: dict[str, Any]) -> r.Reply:
    name = normalise(str(body.get("model") or body.get("name") or ""))
    spec = fake.models.get(name) or PULLABLE.get(name) or fake.pullable.get(name)
    if spec is None:
        if body.get("stream") is False:
            return r.Fail(500, "pull model manifest: file does not exist")
        return r.Stream(lines=[{"status": "pulling manifest"},
                               {"error": "pull model manifest: file does not exist"}])
    weights = ("sha256:" + spec.digest, spec.size)
    template = ("sha256:" + spec.digest[::-1], 1482)
    params = ("sha256:" + spec.digest[1:] + "0", 96)
    lines = r.pull_lines([weights, template], cached=[params], steps=fake.pull_steps)
    if body.get("stream") is False:
        fake.on_pulled(spec)
        return r.Json(lines[-1])
    verify = lines.index({"status": "verifying sha256 digest"})
    return r.Stream(lines=lines, gap_before={verify + 1: fake.pull_verify_pause},
                    chunk_delay=fake.pull_chunk_delay,
                    # Ollama writes the manifest, then says "success": listed from that line on.
                    before_last=lambda: fake.on_pulled(spec))


def running_entry(spec: ModelSpec, num_ctx: int, expires: dt.datetime) -> dict[str, Any]:
    size = int(spec.size * 1.2)
    return {"name": spec.name, "model": spec.name, "size": size, "digest": spec.digest,
            "details": spec.details(), "expires_at": go_time(expires), "size_vram": size,
            "context_length": num_ctx}
