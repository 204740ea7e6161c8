"""Map what httpx/ollama raise to Plume's typed errors, with a message a writer can act on."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import ollama
import pydantic

from app.core.errors import (
    ContextTooSmall,
    GenerationError,
    ModelNotFound,
    OllamaTimeout,
    OllamaUnavailable,
    PlumeError,
    ServerBusy,
    ThinkingUnsupported,
)
from app.core.hosts import is_loopback


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unavailable(host: str, detail: str = "") -> OllamaUnavailable:
    where = f"Ollama is not reachable at {host}"
    if is_loopback(host):
        code = "unreachable_local"
        hint = ("Start Ollama: run `ollama serve` in a terminal or open the Ollama app "
                "(get it from https://ollama.com/download), then try again.")
    else:
        code = "unreachable_remote"
        hint = ("Check that the remote Ollama server is running and reachable from this "
                "machine, and that the host address is right (--host or settings).")
    return OllamaUnavailable(f"{where}{' (' + detail + ')' if detail else ''}.", hint=hint,
                             code=code, params={"host": host, "detail": detail})


def map_error(exc: BaseException, *, host: str, model: str = "", partial: str = "",
              timeout: float | None = None) -> PlumeError:
    """Translate a transport/server exception raised while talking to `host`."""
    early = connection_error(exc, host=host, model=model, partial=partial, timeout=timeout,
                             unavailable=unavailable)
    if early is not None:
        return early
    if isinstance(exc, ollama.ResponseError):
        return _from_response(exc, host=host, model=model, partial=partial)
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return _generation("The connection to Ollama was cut in the middle of the answer.", partial)
    if isinstance(exc, (json.JSONDecodeError, pydantic.ValidationError)):
        return _generation(f"Ollama at {host} sent an answer Plume cannot read "
                           f"({_short(str(exc), 120)}).", partial)
    if isinstance(exc, httpx.HTTPError):
        return unavailable(host, _short(str(exc)))
    return _generation(f"Unexpected error while talking to Ollama: {_short(repr(exc))}", partial)


def connection_error(exc: BaseException, *, host: str, model: str, partial: str,
                     timeout: float | None, unavailable: Callable[[str, str], PlumeError],
                     ) -> PlumeError | None:
    """What both backends say when the connection failed or timed out (None: not that)."""
    if isinstance(exc, PlumeError):
        return exc
    if isinstance(exc, httpx.ConnectTimeout):
        return unavailable(host, "the connection timed out")
    if isinstance(exc, (httpx.ConnectError, ConnectionError)):
        return unavailable(host, "connection refused")
    if isinstance(exc, httpx.TimeoutException):
        waited = f" in {timeout:g} s" if timeout else ""
        params = {"model": model, "host": host, "seconds": f"{timeout:g}" if timeout else ""}
        if partial:
            return OllamaTimeout(f"The model '{model}' stopped answering{waited}; the text "
                                 "written so far is kept.", code="timeout_partial", params=params)
        return OllamaTimeout(f"No answer from '{model}' at {host}{waited}: the server may be "
                             "busy or the model may still be loading.", code="timeout",
                             params=params)
    return None


def _generation(message: str, partial: str) -> GenerationError:
    err = GenerationError(message)
    err.partial_text = partial
    return err


def _from_response(exc: ollama.ResponseError, *, host: str, model: str, partial: str) -> PlumeError:
    status = exc.status_code
    text = _short(exc.error or "")
    low = text.lower()
    if status == -1:  # {"error": …} line after the stream began (HTTP 200)
        if "not found" in low and "model" in low and model:
            return ModelNotFound(model, f"The model '{model}' is not available: {text}.")
        return _generation(f"Ollama reported an error while writing: {text}.", partial)
    if status == 404:
        if "model" in low and "not found" in low:
            return ModelNotFound(model or text, f"The model '{model}' is not installed on {host}.",
                                 code="model_not_installed_on", params={"host": host})
        return OllamaUnavailable(f"{host} answered '{text}': it does not look like an Ollama server.",
                                 hint="Check the host address (default http://127.0.0.1:11434).",
                                 code="not_ollama", params={"host": host, "text": text})
    if status == 400 and "does not support thinking" in low:
        return ThinkingUnsupported(f"The model '{model}' cannot think (no thinking capability).",
                                   code="cannot_think", params={"model": model})
    if status == 400 and ("context length" in low or "longer than the context" in low):
        return ContextTooSmall(f"The request does not fit the context window of '{model}': {text}.",
                               code="context_too_small", params={"model": model, "text": text})
    if status == 503:
        return ServerBusy(f"Ollama at {host} is busy: {text}.", code="busy",
                          params={"host": host, "text": text})
    if status in (401, 403):
        return OllamaUnavailable(
            f"{host} refused access (HTTP {status}).",
            hint="Save the access token for this host in Settings › Ollama, or set "
                 "PLUME_OLLAMA_TOKEN (the app and every plume command use either).",
            code="refused_access", params={"host": host, "status": str(status)})
    if status in (502, 504):
        return unavailable(host, f"a proxy answered HTTP {status}")
    if "timed out waiting for llama runner" in low:
        return OllamaTimeout(f"Ollama could not load '{model}' in time: {text}.",
                             hint="The disk or memory may be too slow for this model; try again or "
                                  "pick a smaller model.")
    if status >= 500:
        return _generation(f"Ollama failed (HTTP {status}): {text}.", partial)
    return _generation(f"Ollama refused the request (HTTP {status}): {text}.", partial)
