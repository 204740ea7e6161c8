"""OllamaService: the one door to Ollama (official `ollama` client + httpx underneath).

Every call has explicit timeouts (short connect, generous read for cold loads), loopback
hosts bypass proxies, and every failure becomes a typed `PlumeError` with an actionable
message. Streams close their connection when the consumer stops iterating, when the
cancel token fires (even before the first byte), or on error — so Ollama stops generating.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from typing import Any

import httpx
import ollama

from app.core.cancel import CancelToken
from app.core.errors import Cancelled, ModelNotFound, PlumeError, ServerBusy, ThinkingUnsupported
from app.core.hosts import base_url, is_loopback, resolve_host, uses_env_proxy
from app.core.llm.failures import map_error
from app.core.llm.remote import plain_http_warning, refuse_cross_host_redirects
from app.core.llm.structured import JsonChat
from app.core.llm.thinking import ThinkTagSplitter, think_value, wants_thinking
from app.core.llm.transport import SocketWatch, WatchingTransport
from app.core.llm.types import ChatChunk, LayerProgress, ModelInfo, PullProgress, RunningModel

Message = Mapping[str, Any]
_THINKING_FAMILIES = ("qwen3", "deepseek", "gptoss", "gpt-oss", "magistral", "phi4-reasoning")


class OllamaService(JsonChat):
    """Thread-safe for independent calls; each stream belongs to the thread iterating it."""

    def __init__(self, host: str | None = None, token: str | None = None, *,
                 connect_timeout: float = 5.0, read_timeout: float = 600.0,
                 busy_retries: int = 3, busy_backoff: float = 1.0) -> None:
        self.host = base_url(resolve_host(host))  # an `ollama:` prefix is not dialled
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.busy_retries = busy_retries
        self.busy_backoff = busy_backoff
        trust_env = not is_loopback(self.host)
        headers = {"Authorization": f"Bearer {token}"} if token else None
        kwargs: dict[str, Any] = {}
        self._transport: WatchingTransport | None = None
        if not (trust_env and uses_env_proxy(self.host)):  # env proxies need httpx's own mounts
            # Plain HTTP on loopback (the usual local Ollama): skip loading the CA bundle,
            # ~20 ms of CPU per client (batch makes several). Remote hosts keep verification
            # even over http://, since the client follows a redirect to https.
            local_http = not trust_env and self.host.startswith("http://")
            self._transport = WatchingTransport(trust_env=trust_env, verify=not local_http)
            kwargs["transport"] = self._transport
        timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        try:
            self._client = ollama.Client(self.host, timeout=timeout, trust_env=trust_env,
                                         headers=headers, **kwargs)
        except ValueError as exc:
            raise map_error(httpx.ConnectError(str(exc)), host=self.host) from None
        self._http: httpx.Client = self._client._client  # for /api/version and lenient /api/show
        refuse_cross_host_redirects(self._http)          # prompts never go to another host
        self.warning = plain_http_warning(self.host, token)
        if not token:  # never leak $OLLAMA_API_KEY to whatever host is configured
            self._http.headers.pop("authorization", None)
        self._show_cache: dict[str, ModelInfo] = {}

    # ---- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OllamaService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- metadata ------------------------------------------------------------------------
    def version(self) -> str:
        data = self._get_json("GET", "/api/version")
        return str(data.get("version") or "0.0.0")

    def list_models(self, *, details: bool = True) -> list[ModelInfo]:
        """Installed models; with `details`, each is completed from /api/show."""
        data = self._get_json("GET", "/api/tags")
        models = [_info_from_tag(item) for item in data.get("models") or []]
        if not details:
            return models
        return [self._merge_show(m) for m in models]

    def show(self, name: str, *, refresh: bool = False) -> ModelInfo:
        key = name.strip().lower()
        if not refresh and key in self._show_cache:
            return self._show_cache[key]
        data = self._get_json("POST", "/api/show", json={"model": name}, model=name)
        info = _info_from_show(name, data)
        self._show_cache[key] = info
        return info

    def running(self) -> list[RunningModel]:
        data = self._get_json("GET", "/api/ps")
        return [RunningModel(
            name=str(item.get("model") or item.get("name") or ""),
            size_bytes=int(item.get("size") or 0), size_vram=int(item.get("size_vram") or 0),
            context_length=int(item.get("context_length") or 0),
            expires_at=_parse_time(item.get("expires_at")),
        ) for item in data.get("models") or []]

    # ---- pull ----------------------------------------------------------------------------
    def pull(self, name: str, cancel: CancelToken | None = None) -> Iterator[PullProgress]:
        layers: dict[str, LayerProgress] = {}
        fraction = 0.0
        try:
            with contextlib.closing(self._stream(lambda: self._client.pull(name, stream=True),
                                                 cancel, name)) as parts:
                for part in parts:
                    digest = str(part.digest or "")
                    if digest and part.total:
                        layers[digest] = LayerProgress(digest, int(part.completed or 0), int(part.total))
                    total = sum(layer.total for layer in layers.values())
                    done = sum(layer.completed for layer in layers.values())
                    status = str(part.status or "")
                    # Layers are announced one after another: keep the bar monotonic and
                    # reach 100 % only on "success".
                    computed = min(done / total, 0.99) if total else 0.0
                    fraction = 1.0 if status == "success" else max(fraction, computed)
                    yield PullProgress(status, digest, int(part.completed or 0), int(part.total or 0),
                                       fraction, tuple(layers.values()))
        except PlumeError as err:
            if "file does not exist" in err.message:
                missing = ModelNotFound(name, f"The model '{name}' does not exist in the Ollama library.")
                missing.hint = "Check the name and tag on https://ollama.com/library (e.g. qwen3:8b)."
                raise missing from None
            raise
        self._show_cache.pop(name.strip().lower(), None)

    # ---- chat ----------------------------------------------------------------------------
    def chat_stream(self, model: str, messages: Sequence[Message], *, options: Mapping[str, Any],
                    think: bool | str | None = None, format: dict[str, Any] | str | None = None,
                    keep_alive: str | float | None = None,
                    cancel: CancelToken | None = None) -> Generator[ChatChunk, None, None]:
        """Stream an answer. `think` is sent only to thinking-capable models; reasoning
        (including legacy `<think>` tags in content) arrives in `ChatChunk.thinking`."""
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        info = self.show(model)
        if wants_thinking(think) and not info.can_think and info.capabilities_known:
            raise ThinkingUnsupported(f"The model '{model}' cannot think (no thinking capability).",
                                      code="cannot_think", params={"model": model})
        kwargs: dict[str, Any] = {"options": dict(options)}
        value = think_value(info, think)
        if value is not None:
            kwargs["think"] = value
        if format is not None:
            kwargs["format"] = format
        if keep_alive is not None:
            kwargs["keep_alive"] = keep_alive
        msgs = [dict(m) for m in messages]
        splitter = ThinkTagSplitter()
        written: list[str] = []

        def start() -> Iterator[Any]:
            return self._client.chat(model, msgs, stream=True, **kwargs)

        try:
            with contextlib.closing(self._stream(start, cancel, model, written)) as parts:
                for part in parts:
                    message = part.message
                    thinking, content = splitter.feed(message.content or "")
                    thinking = (message.thinking or "") + thinking
                    if part.done:
                        held_thinking, held_content = splitter.flush()
                        thinking, content = thinking + held_thinking, content + held_content
                    if content:
                        written.append(content)
                    yield ChatChunk(content, thinking, bool(part.done), str(part.done_reason or ""),
                                    part.prompt_eval_count, part.eval_count, part.eval_duration,
                                    part.total_duration, part.load_duration,
                                    part.prompt_eval_duration)
        except ModelNotFound:
            self._show_cache.pop(model.strip().lower(), None)
            raise

    # ---- internals -----------------------------------------------------------------------
    def _stream(self, start: Callable[[], Iterator[Any]], cancel: CancelToken | None,
                model: str, written: list[str] | None = None) -> Generator[Any, None, None]:
        """Iterate an ollama stream: retry 503 before the first chunk, close on every exit."""
        watch = SocketWatch()
        unregister = cancel.on_cancel(watch.abort) if cancel is not None else (lambda: None)
        transport = self._transport
        attempt = 0
        try:
            while True:
                stream = start()
                received = 0
                try:
                    while True:
                        if cancel is not None and cancel.cancelled:
                            raise Cancelled()
                        try:
                            if transport is not None and received == 0:
                                with transport.watching(watch):  # the connection opens here
                                    part = next(stream)
                            else:
                                part = next(stream)
                        except StopIteration:
                            return
                        received += 1
                        yield part
                except Cancelled:
                    raise
                except Exception as exc:  # noqa: BLE001 - every failure is mapped below
                    if cancel is not None and cancel.cancelled:
                        raise Cancelled() from None
                    partial = "".join(written or [])
                    err = map_error(exc, host=self.host, model=model, partial=partial,
                                    timeout=self.read_timeout)
                    if isinstance(err, ServerBusy) and received == 0 and attempt < self.busy_retries:
                        attempt += 1
                        delay = self.busy_backoff * 2 ** (attempt - 1)
                        if cancel is not None and cancel.wait(delay):
                            raise Cancelled() from None
                        if cancel is None:
                            time.sleep(delay)
                        continue
                    raise err from None
                finally:
                    close = getattr(stream, "close", None)
                    if close is not None:
                        close()
        finally:
            unregister()
            watch.release()

    def _get_json(self, method: str, path: str, *, json: Any = None, model: str = "") -> dict[str, Any]:
        try:
            response = self._http.request(method, path, json=json)
        except Exception as exc:  # noqa: BLE001
            raise map_error(exc, host=self.host, model=model, timeout=self.read_timeout) from None
        if response.status_code >= 400:
            try:
                message = str(response.json().get("error") or response.text)
            except ValueError:
                message = response.text
            raise map_error(ollama.ResponseError(message, response.status_code),
                            host=self.host, model=model)
        try:
            data = response.json()
        except ValueError as exc:
            raise map_error(exc, host=self.host, model=model) from None
        return data if isinstance(data, dict) else {}

    def _merge_show(self, tag: ModelInfo) -> ModelInfo:
        try:
            full = self.show(tag.name)
        except PlumeError:
            return tag
        return ModelInfo(tag.name, full.family or tag.family, full.parameter_size or tag.parameter_size,
                         full.quantization or tag.quantization, tag.size_bytes, full.context_length,
                         full.capabilities, tag.modified or full.modified, full.capabilities_known)


def _parse_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    text = value.replace("Z", "+00:00")
    if "." in text:  # Go prints 9 fractional digits; Python takes 6
        head, _, rest = text.partition(".")
        digits = "".join(c for c in rest if c.isdigit())
        text = f"{head}.{digits[:6]}{rest[len(digits):]}"
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _info_from_tag(item: Mapping[str, Any]) -> ModelInfo:
    details = item.get("details") or {}
    caps = item.get("capabilities")
    return ModelInfo(
        name=str(item.get("model") or item.get("name") or ""),
        family=str(details.get("family") or ""),
        parameter_size=str(details.get("parameter_size") or ""),
        quantization=str(details.get("quantization_level") or ""),
        size_bytes=int(item.get("size") or 0),
        capabilities=frozenset(caps) if isinstance(caps, list) else frozenset(),
        modified=_parse_time(item.get("modified_at")),
        capabilities_known=isinstance(caps, list),
    )


def _info_from_show(name: str, data: Mapping[str, Any]) -> ModelInfo:
    details = data.get("details") or {}
    model_info = data.get("model_info") or {}
    context = 0
    arch = str(model_info.get("general.architecture") or "")
    if arch and isinstance(model_info.get(f"{arch}.context_length"), int):
        context = int(model_info[f"{arch}.context_length"])
    else:
        for key, value in model_info.items():
            if str(key).endswith(".context_length") and isinstance(value, int):
                context = value
                break
    caps = data.get("capabilities")
    family = str(details.get("family") or "")
    if isinstance(caps, list):
        capabilities, known = frozenset(str(c) for c in caps), True
    else:  # server < v0.6.4: infer from the family name
        inferred = {"completion"}
        if any(f in (family + " " + name).lower() for f in _THINKING_FAMILIES):
            inferred.add("thinking")
        capabilities, known = frozenset(inferred), False
    return ModelInfo(name=name, family=family, parameter_size=str(details.get("parameter_size") or ""),
                     quantization=str(details.get("quantization_level") or ""), size_bytes=0,
                     context_length=context, capabilities=capabilities,
                     modified=_parse_time(data.get("modified_at")), capabilities_known=known)
