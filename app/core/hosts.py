"""Where Ollama lives: the one parser of host addresses, with the official client's rules.

Every face and every part (settings, the keychain key, batch hosts, the client) reads a host
through `parse_host`, so `gpu-box` means the same `http://gpu-box:11434` everywhere:

- no scheme → http and port 11434 (`gpu-box` → `http://gpu-box:11434`, `:8080` → loopback);
- `http://` without a port → 80, `https://` → 443 (as the official client does);
- a path is kept without its trailing slash; IPv6 literals are bracketed;
- `0.0.0.0` / `::` (a *server* bind address) become loopback, which is what a client must
  dial (it fails on Windows otherwise).

`resolve_host` adds the fallbacks: the chosen value, else `$OLLAMA_HOST`, else the default.

Backends: a host is an Ollama server unless it speaks the OpenAI-compatible API (vLLM,
llama.cpp's server, LM Studio, SGLang, TGI, LiteLLM…). That is said with an `openai:` prefix
(`openai:gpu-box:8000` → `http://gpu-box:8000/v1`: no path means `/v1`, no port means 8000) or
seen from a path ending in `/v1` (`http://gpu-box:8000/v1`). The canonical form keeps a
prefix only when the path alone would mislead (`openai:https://host/v1beta/openai`,
`ollama:http://proxy/v1`); `backend_of` reads it back and `base_url` drops it.
"""

from __future__ import annotations

import os
import re
import urllib.parse

from app.core.errors import InputError

DEFAULT_HOST = "http://127.0.0.1:11434"
DEFAULT_PORT = 11434
HOST_ENV = "OLLAMA_HOST"
_ANY_ADDRESS = {"0.0.0.0": "127.0.0.1", "::": "::1"}
_HINT = ("Use an address like http://127.0.0.1:11434 (or just host:port); an OpenAI-compatible "
         "server as openai:http://127.0.0.1:8000/v1.")
OLLAMA, OPENAI = "ollama", "openai"
OPENAI_PATH = "/v1"
OPENAI_DEFAULT_PORT = 8000           # vLLM's and LiteLLM's usual port
# `openai:…` / `ollama:…`, but not `ollama:11434` (a host named "ollama", e.g. in Docker).
_PREFIX = re.compile(r"^\s*(ollama|openai):(?!//)(?!\d+(/|$))", re.IGNORECASE)


def split_backend(value: str) -> tuple[str | None, str]:
    """('openai', 'http://h:8000/v1') for 'openai:http://h:8000/v1'; (None, value) when the
    text names no backend."""
    match = _PREFIX.match(value or "")
    if not match:
        return None, value
    return match.group(1).lower(), value[match.end():]


def backend_of(url: str) -> str:
    """'openai' or 'ollama' for a host as `parse_host` writes it (or as typed)."""
    named, rest = split_backend(url)
    if named:
        return named
    path = urllib.parse.urlsplit(rest if "://" in rest else f"http://{rest}").path
    return OPENAI if path.rstrip("/").endswith(OPENAI_PATH) else OLLAMA


def base_url(url: str) -> str:
    """The HTTP address of a host, without its backend prefix."""
    return split_backend(url)[1]


def parse_host(value: str) -> str:
    """'gpu-box' → 'http://gpu-box:11434'; raises InputError on a malformed host. An
    `openai:` / `ollama:` prefix names the backend (see the module docstring)."""
    named, text = split_backend((value or "").strip())
    url = _parse_url(value, text.strip(), OPENAI_DEFAULT_PORT if named == OPENAI else DEFAULT_PORT)
    path = urllib.parse.urlsplit(url).path
    if named == OPENAI and not path:
        return url + OPENAI_PATH
    if named is not None and backend_of(url) != named:
        return f"{named}:{url}"
    return url


def _parse_url(value: str, text: str, port: int) -> str:
    scheme, sep, rest = text.partition("://")
    if not sep:
        scheme, rest = "http", text
    elif scheme.lower() == "http":
        port = 80
    elif scheme.lower() == "https":
        port = 443
    else:
        raise InputError(f"'{value}' must start with http:// or https://.", hint=_HINT)
    if any(ch.isspace() for ch in rest):
        raise InputError(f"'{value}' contains spaces.", hint=_HINT)
    try:
        split = urllib.parse.urlsplit(f"{scheme.lower()}://{rest}")
        hostname = split.hostname or "127.0.0.1"
        port = split.port or port
    except ValueError as exc:
        raise InputError(f"'{value}' is not a valid address ({exc}); check the port number.",
                         hint=_HINT) from None
    hostname = _ANY_ADDRESS.get(hostname, hostname)
    if ":" in hostname:
        hostname = f"[{hostname}]"
    path = split.path.rstrip("/")
    return f"{split.scheme}://{hostname}:{port}{path}"


def normalize_host(value: str) -> str:
    """A host as typed, made canonical for storing: blank stays blank (= automatic), a valid
    address becomes `parse_host(value)`, a malformed one is kept as typed so that
    `host_problem` can say what is wrong with it."""
    text = (value or "").strip()
    if not text:
        return ""
    try:
        return parse_host(text)
    except InputError:
        return text


def host_problem(value: str) -> str | None:
    """English reason why `value` is not a usable Ollama address, or None when it is fine
    (blank is fine: it means $OLLAMA_HOST, else the default)."""
    if not (value or "").strip():
        return None
    try:
        parse_host(value)
    except InputError as exc:
        return exc.message
    return None


def resolve_host(value: str | None = None) -> str:
    """The host to dial: `value` (e.g. from settings), else $OLLAMA_HOST, else the default."""
    chosen = (value or "").strip() or os.environ.get(HOST_ENV, "").strip() or DEFAULT_HOST
    return parse_host(chosen)


def hostname_of(url: str) -> str:
    return (urllib.parse.urlsplit(base_url(url)).hostname or "").lower()


def is_loopback(url: str) -> bool:
    name = hostname_of(url)
    if name == "localhost" or name.endswith(".localhost"):
        return True
    import ipaddress  # not at start-up: settings load this module before the first frame

    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def uses_env_proxy(url: str) -> bool:
    """True when the environment routes this (remote) host through a proxy."""
    import urllib.request  # only the client needs it; settings load this module at start-up

    proxies = urllib.request.getproxies()
    scheme = urllib.parse.urlsplit(base_url(url)).scheme
    if not (proxies.get(scheme) or proxies.get("all")):
        return False
    return not urllib.request.proxy_bypass(hostname_of(url))
