"""OpenAIService: the generation flow's service (app/core/llm/service.py) for servers that speak
the OpenAI-compatible API — vLLM, SGLang, TGI, llama.cpp's server, LM Studio, LiteLLM.

Our own ~300 lines over httpx rather than the `openai` package: we need the raw socket for an
instant Stop (app/core/llm/transport.py), the servers' own extras (llama.cpp `/props` and
`meta`, vLLM `max_model_len`, `reasoning_content`), and their error bodies mapped to our
typed errors — the package would hide the first and wrap the rest, for ~10 MB of dependencies.

- chat: `POST /chat/completions` streamed as server-sent events (`data: {…}` … `data: [DONE]`);
  reasoning (`reasoning_content`, `reasoning`, `<think>` tags) goes to `ChatChunk.thinking`;
- structured output: `response_format` json_schema, else (server refuses it) json_object with
  the schema in the prompt — both validated by app/core/llm/structured.py;
- models: `GET /models`; context length from vLLM's `max_model_len`, llama.cpp's `meta.n_ctx`
  or `/props` (per-slot `n_ctx`); size from llama.cpp's `meta.n_params`, else the name;
- a chat with no messages is Ollama's "load the model": here a no-op (the server has it loaded).
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from typing import Any

import httpx

from app.core.cancel import CancelToken
from app.core.errors import Cancelled, ModelNotFound, PlumeError, ServerBusy
from app.core.hosts import base_url, is_loopback, resolve_host, uses_env_proxy
from app.core.llm.openai_failures import ServerError, map_error
from app.core.llm.remote import plain_http_warning
from app.core.llm.structured import JsonChat
from app.core.llm.thinking import ThinkTagSplitter, wants_thinking
from app.core.llm.transport import SocketWatch, WatchingTransport
from app.core.llm.types import ChatChunk, ModelInfo, PullProgress, RunningModel

Message = Mapping[str, Any]
_THINKING_NAMES = ("qwen3", "deepseek-r1", "qwq", "gpt-oss", "gptoss", "magistral",
                   "reasoning", "thinking")
_SIZE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([mb])(?![a-z])", re.IGNORECASE)
# Chat-template control tokens some servers pass through as text (llama.cpp with Gemma 3 sends
# `<start_of_image>`): never article text. Each is one token, so it arrives whole in a delta.
_CONTROL = re.compile(r"<\|[a-z_]{2,24}\|>|<(?:start|end)_of_(?:turn|image)>")
_CONTEXT_KEYS = ("max_model_len", "context_length", "context_window", "max_context_length")
_SCHEMA_REFUSED = ("response_format", "json_schema", "not supported", "unsupported")
# Ollama option → OpenAI-compatible field(s); llama.cpp and vLLM spell the penalty differently.
_OPTIONS = {"num_predict": ("max_tokens",), "temperature": ("temperature",), "top_p": ("top_p",),
            "top_k": ("top_k",), "seed": ("seed",), "stop": ("stop",),
            "repeat_penalty": ("repeat_penalty", "repetition_penalty"),
            "repeat_last_n": ("repeat_last_n",), "presence_penalty": ("presence_penalty",),
            "frequency_penalty": ("frequency_penalty",)}


class OpenAIService(JsonChat):
    """Thread-safe for independent calls; each stream belongs to the thread iterating it."""

    backend = "openai"

    def __init__(self, host: str | None = None, token: str | None = None, *,
                 connect_timeout: float = 5.0, read_timeout: float = 600.0,
                 busy_retries: int = 3, busy_backoff: float = 1.0) -> None:
        self.url = resolve_host(host)
        self.host = base_url(self.url)
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.busy_retries = busy_retries
        self.busy_backoff = busy_backoff
        trust_env = not is_loopback(self.host)
        self._transport: WatchingTransport | None = None
        kwargs: dict[str, Any] = {}
        if not (trust_env and uses_env_proxy(self.host)):
            local_http = not trust_env and self.host.startswith("http://")
            self._transport = WatchingTransport(trust_env=trust_env, verify=not local_http)
            kwargs["transport"] = self._transport
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(base_url=self.host + "/", headers=headers, trust_env=trust_env,
                                  timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
                                  follow_redirects=False, **kwargs)
        self.warning = plain_http_warning(self.host, token)   # a token in clear on the internet
        self._models: dict[str, ModelInfo] | None = None
        self._json_schema_ok = True
        self._usage_ok = True               # False: the server refused stream_options

    # ---- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OpenAIService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- metadata ------------------------------------------------------------------------
    def version(self) -> str:
        """The server's version when it tells (vLLM `/version`), else "openai"."""
        with contextlib.suppress(PlumeError):
            data = self._get_json(self._root() + "/version")
            if data.get("version"):
                return str(data["version"])
        return "openai"

    def list_models(self, *, details: bool = True) -> list[ModelInfo]:
        data = self._get_json("models")
        items = [item for item in data.get("data") or [] if isinstance(item, dict)]
        slot_ctx = self._slot_context() if details and items else 0
        models = [_info(item, slot_ctx) for item in items if item.get("id")]
        self._models = {m.name: m for m in models}
        return models

    def show(self, name: str, *, refresh: bool = False) -> ModelInfo:
        if self._models is None or refresh:
            self.list_models()
        served = self._served(name)
        assert self._models is not None
        return self._models[served]

    def running(self) -> list[RunningModel]:
        """Nothing to report: the server keeps its models loaded itself."""
        return []

    def pull(self, name: str, cancel: CancelToken | None = None) -> Iterator[PullProgress]:
        raise PlumeError(f"Models cannot be downloaded through {self.host}.",
                         hint="Load the model on the server itself (e.g. `vllm serve MODEL`, "
                              "`llama-server -m MODEL.gguf`), then pick it here.")

    # ---- chat ----------------------------------------------------------------------------
    def chat_stream(self, model: str, messages: Sequence[Message], *, options: Mapping[str, Any],
                    think: bool | str | None = None, format: dict[str, Any] | str | None = None,
                    keep_alive: str | float | None = None,
                    cancel: CancelToken | None = None) -> Generator[ChatChunk, None, None]:
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        if not messages:  # Ollama's "load the model": the server already has it
            yield ChatChunk(done=True, done_reason="load")
            return
        info = self.show(model)
        splitter = ThinkTagSplitter()
        written: list[str] = []

        def body() -> dict[str, Any]:
            return self._body(info, messages, options, think, format)

        try:
            for kind, value in self._events(body, cancel, model, written):
                if kind == "delta":
                    text = _CONTROL.sub("", value.get("content") or "")
                    thinking, content = splitter.feed(text)
                    reasoning = value.get("reasoning_content") or value.get("reasoning") or ""
                    thinking = str(reasoning) + thinking
                    if content:
                        written.append(content)
                    if content or thinking:
                        yield ChatChunk(content, thinking)
                else:  # the end: held text, finish reason, usage and timings
                    thinking, content = splitter.flush()
                    yield _final(content, thinking, value)
        except ModelNotFound:
            self._models = None
            raise

    # ---- internals -----------------------------------------------------------------------
    def _body(self, info: ModelInfo, messages: Sequence[Message], options: Mapping[str, Any],
              think: bool | str | None, format: dict[str, Any] | str | None) -> dict[str, Any]:
        msgs = [{"role": str(m.get("role") or "user"), "content": str(m.get("content") or "")}
                for m in messages]
        body: dict[str, Any] = {"model": info.name, "messages": msgs, "stream": True}
        if self._usage_ok:
            body["stream_options"] = {"include_usage": True}
        for key, value in options.items():
            if value is None or (key == "num_predict" and int(value) <= 0):
                continue
            for field in _OPTIONS.get(key, ()):
                body[field] = value
        if info.can_think and think is not None:
            body["chat_template_kwargs"] = {"enable_thinking": wants_thinking(think)}
            if isinstance(think, str) and think.lower() in ("low", "medium", "high"):
                body["reasoning_effort"] = think.lower()
        if isinstance(format, dict) and self._json_schema_ok:
            body["response_format"] = {"type": "json_schema", "json_schema": {
                "name": "answer", "schema": format}}
        elif format is not None:
            body["response_format"] = {"type": "json_object"}
            if isinstance(format, dict):  # say the shape in words, since the server cannot
                note = "Answer with one JSON object that follows this JSON schema:\n"
                msgs.append({"role": "user", "content": note + json.dumps(format)})
        return body

    def _events(self, make_body: Callable[[], dict[str, Any]], cancel: CancelToken | None,
                model: str, written: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        """('delta', choice delta)… then ('end', summary). Retries a busy server before the
        first byte; falls back to json_object once when json_schema is refused."""
        watch = SocketWatch()
        unregister = cancel.on_cancel(watch.abort) if cancel is not None else (lambda: None)
        attempt = 0
        body = make_body()
        try:
            while True:
                try:
                    yield from self._sse(body, watch, cancel)
                    return
                except Cancelled:
                    raise
                except Exception as exc:  # noqa: BLE001 - every failure is mapped below
                    if cancel is not None and cancel.cancelled:
                        raise Cancelled() from None
                    if (isinstance(exc, ServerError) and exc.status == 400 and not written
                            and "stream_options" in exc.message and self._usage_ok):
                        self._usage_ok = False   # an older server: token counts are lost
                        body = make_body()
                        continue
                    if (isinstance(exc, ServerError) and exc.status == 400 and not written
                            and body.get("response_format", {}).get("type") == "json_schema"
                            and any(w in exc.message.lower() for w in _SCHEMA_REFUSED)):
                        self._json_schema_ok = False
                        body = make_body()
                        continue
                    err = map_error(exc, host=self.host, model=model, partial="".join(written),
                                    timeout=self.read_timeout)
                    if isinstance(err, ServerBusy) and not written and attempt < self.busy_retries:
                        attempt += 1
                        delay = self.busy_backoff * 2 ** (attempt - 1)
                        if cancel is not None and cancel.wait(delay):
                            raise Cancelled() from None
                        if cancel is None:
                            time.sleep(delay)
                        continue
                    raise err from None
        finally:
            unregister()
            watch.release()

    def _sse(self, body: dict[str, Any], watch: SocketWatch,
             cancel: CancelToken | None) -> Iterator[tuple[str, dict[str, Any]]]:
        request = self._http.build_request("POST", "chat/completions", json=body,
                                           headers={"Accept": "text/event-stream"})
        opening = (self._transport.watching(watch) if self._transport is not None
                   else contextlib.nullcontext())
        with opening:  # the connection opens here: Stop can shut its socket from now on
            response = self._http.send(request, stream=True)
        try:
            if response.status_code >= 300:
                raw = response.read().decode("utf-8", "replace")
                raise ServerError(response.status_code, _json_or_none(raw), raw)
            end: dict[str, Any] = {}
            for line in response.iter_lines():
                if cancel is not None and cancel.cancelled:
                    raise Cancelled()
                if not line.startswith("data:"):
                    continue  # blank separators, ": keep-alive" comments, "event:" names
                data = line[5:].strip()
                if data == "[DONE]":
                    break
                event = json.loads(data)
                if not isinstance(event, dict):
                    continue
                if "error" in event or event.get("object") == "error":
                    raise ServerError(-1, event, data)
                for choice in event.get("choices") or []:
                    delta = choice.get("delta") or choice.get("message") or {}
                    yield "delta", delta
                    if choice.get("finish_reason"):
                        end["finish_reason"] = choice["finish_reason"]
                end.update({k: event[k] for k in ("usage", "timings") if event.get(k)})
            else:
                if "finish_reason" not in end:  # closed without [DONE] nor a finish reason
                    raise httpx.RemoteProtocolError("the stream ended without [DONE]")
            yield "end", end
        finally:
            response.close()

    def _served(self, name: str) -> str:
        """The server's own id for `name` (batch adds Ollama's ':latest'; case may differ)."""
        models = self._models or {}
        wanted = name.strip()
        candidates = [wanted, wanted.removesuffix(":latest")]
        for candidate in candidates:
            if candidate in models:
                return candidate
        folded = {key.lower(): key for key in models}
        for candidate in candidates:
            if candidate.lower() in folded:
                return folded[candidate.lower()]
        served = ", ".join(sorted(models)) or "none"
        missing = ModelNotFound(name, f"The model '{name}' is not served by {self.host} "
                                      f"(it serves: {served}).")
        missing.hint = "Pick one of these, or start the server with the model you want."
        raise missing

    def _root(self) -> str:
        return self.host.removesuffix("/v1")

    def _slot_context(self) -> int:
        """llama.cpp's per-slot context (`/props`), 0 elsewhere."""
        try:
            data = self._get_json(self._root() + "/props")
        except PlumeError:
            return 0
        settings = data.get("default_generation_settings") or {}
        value = settings.get("n_ctx") if isinstance(settings, dict) else None
        return value if isinstance(value, int) and value > 0 else 0

    def _get_json(self, path: str) -> dict[str, Any]:
        try:
            response = self._http.get(path)
        except Exception as exc:  # noqa: BLE001
            raise map_error(exc, host=self.host, timeout=self.read_timeout) from None
        if response.status_code >= 300:
            raise map_error(ServerError(response.status_code, _json_or_none(response.text),
                                        response.text), host=self.host)
        data = _json_or_none(response.text)
        if data is None:
            raise map_error(ValueError(f"not JSON: {response.text[:80]!r}"), host=self.host)
        return data if isinstance(data, dict) else {}


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _final(content: str, thinking: str, end: Mapping[str, Any]) -> ChatChunk:
    usage = end.get("usage") or {}
    timings = end.get("timings") or {}
    reason = str(end.get("finish_reason") or "stop")

    def ns(key: str) -> int | None:
        value = timings.get(key)
        return int(float(value) * 1e6) if isinstance(value, (int, float)) else None

    prompt_ns, eval_ns = ns("prompt_ms"), ns("predicted_ms")
    total = (prompt_ns or 0) + (eval_ns or 0) or None
    return ChatChunk(content, thinking, True, "length" if reason == "length" else reason,
                     usage.get("prompt_tokens"), usage.get("completion_tokens"), eval_ns, total,
                     None, prompt_ns)


def _info(item: Mapping[str, Any], slot_ctx: int) -> ModelInfo:
    name = str(item["id"])
    meta = item.get("meta") if isinstance(item.get("meta"), dict) else {}
    assert isinstance(meta, dict)
    context = slot_ctx or int(meta.get("n_ctx") or 0)
    for key in _CONTEXT_KEYS:
        if not context and isinstance(item.get(key), int):
            context = int(item[key])
    low = name.lower()
    capabilities = {"completion"}
    if any(word in low for word in _THINKING_NAMES):
        capabilities.add("thinking")
    return ModelInfo(name=name, family="gptoss" if "gpt-oss" in low else "",
                     parameter_size=_size(meta.get("n_params"), name),
                     quantization=str(meta.get("ftype") or ""),
                     size_bytes=int(meta.get("size") or 0), context_length=context,
                     capabilities=frozenset(capabilities), capabilities_known=False)


def _size(n_params: Any, name: str) -> str:
    """'268.10M' / '8.0B' like Ollama, from llama.cpp's count or a size in the name."""
    if isinstance(n_params, int) and n_params > 0:
        return f"{n_params / 1e9:.1f}B" if n_params >= 1e9 else f"{n_params / 1e6:.2f}M"
    match = _SIZE.search(name.rsplit("/", 1)[-1])
    return f"{match.group(1)}{match.group(2).upper()}" if match else ""
