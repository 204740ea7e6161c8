"""Errors of OpenAI-compatible servers (vLLM, llama.cpp, LM Studio, TGI, LiteLLM) as Plume's
typed errors, with the same actionable messages as for Ollama (app/core/llm/failures.py).

Error bodies differ by server; all are read:
  llama.cpp  {"error": {"code": 400, "message": "…", "type": "exceed_context_size_error"}}
  vLLM       {"object": "error", "message": "…", "type": "BadRequestError", "code": 400}
             (newer: {"error": {"message": …, "type": …, "code": …}})
  TGI/other  {"error": "…", "error_type": "…"} or {"detail": "…"}
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from app.core.errors import (
    ContextTooSmall,
    ModelNotFound,
    OllamaUnavailable,
    PlumeError,
    ServerBusy,
)
from app.core.hosts import is_loopback
from app.core.llm.failures import _generation, _short, connection_error

KEY_ENV = "PLUME_OPENAI_API_KEY"
_CONTEXT_WORDS = ("context length", "context size", "context window", "exceed_context",
                  "maximum context", "too many tokens", "max_model_len")


class ServerError(Exception):
    """An error answer (HTTP status or an error event inside the stream; status -1)."""

    def __init__(self, status: int, body: Any, raw: str = "") -> None:
        self.status = status
        self.message, self.kind = error_text(body, raw)
        super().__init__(self.message)


def error_text(body: Any, raw: str = "") -> tuple[str, str]:
    """(message, type) from any of the error bodies above; the raw text when none fits."""
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            message = inner.get("message") or inner.get("detail") or ""
            kind = inner.get("type") or ""
            if message:
                return _short(str(message)), str(kind)
        if isinstance(inner, str) and inner:
            return _short(inner), str(body.get("error_type") or "")
        if body.get("detail"):
            return _short(json.dumps(body["detail"]) if not isinstance(body["detail"], str)
                          else body["detail"]), ""
    return _short(raw or "no details"), ""


def unavailable(host: str, detail: str = "") -> OllamaUnavailable:
    where = f"The OpenAI-compatible server at {host} is not reachable"
    if is_loopback(host):
        hint = ("Start it (e.g. `vllm serve MODEL`, `llama-server -m MODEL.gguf`, or LM Studio's "
                "server), then try again.")
    else:
        hint = ("Check that the server is running and reachable from this machine, and that "
                "the address (--host or settings) ends in /v1.")
    return OllamaUnavailable(f"{where}{' (' + detail + ')' if detail else ''}.", hint=hint)


def map_error(exc: BaseException, *, host: str, model: str = "", partial: str = "",
              timeout: float | None = None) -> PlumeError:
    early = connection_error(exc, host=host, model=model, partial=partial, timeout=timeout,
                             unavailable=unavailable)
    if early is not None:
        return early
    if isinstance(exc, ServerError):
        return _from_status(exc, host=host, model=model, partial=partial)
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return _generation(f"The connection to {host} was cut in the middle of the answer.",
                           partial)
    if isinstance(exc, (json.JSONDecodeError, ValueError)):
        return _generation(f"The server at {host} sent an answer Plume cannot read "
                           f"({_short(str(exc), 120)}).", partial)
    if isinstance(exc, httpx.HTTPError):
        return unavailable(host, _short(str(exc)))
    return _generation(f"Unexpected error while talking to {host}: {_short(repr(exc))}", partial)


def _from_status(exc: ServerError, *, host: str, model: str, partial: str) -> PlumeError:
    status, text = exc.status, exc.message
    low = f"{text} {exc.kind}".lower()
    if any(word in low for word in _CONTEXT_WORDS):
        return ContextTooSmall(f"The request does not fit the context window of '{model}' on "
                               f"{host}: {text}.")
    if status in (401, 403):
        return OllamaUnavailable(
            f"{host} refused access (HTTP {status}): {text}.",
            hint=f"Save the API key for this host in Settings › Ollama (the token field), or "
                 f"set {KEY_ENV}.")
    if status == 404 or (status == 400 and "model" in low and
                         ("not found" in low or "does not exist" in low)):
        if model and "model" in low:
            missing = ModelNotFound(model, f"The model '{model}' is not served by {host}: {text}.")
            missing.hint = (f"Pick a model the server lists (`plume models --host {host} list`), "
                            "or start the server with it.")
            return missing
        return OllamaUnavailable(
            f"{host} answered '{text}': it does not look like an OpenAI-compatible API.",
            hint="Check the address: it usually ends in /v1 (e.g. http://127.0.0.1:8000/v1).")
    if status in (429, 503):
        return ServerBusy(f"The server at {host} is busy (HTTP {status}): {text}.")
    if status in (502, 504):
        return unavailable(host, f"a proxy answered HTTP {status}")
    if 300 <= status < 400:
        return OllamaUnavailable(f"{host} redirects elsewhere (HTTP {status}).",
                                 hint="Use the final address of the server in --host or settings.")
    if status == -1:
        return _generation(f"The server reported an error while writing: {text}.", partial)
    if status >= 500:
        return _generation(f"The server at {host} failed (HTTP {status}): {text}.", partial)
    return _generation(f"The server at {host} refused the request (HTTP {status}): {text}.",
                       partial)
