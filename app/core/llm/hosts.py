"""Where Ollama lives: parse a host like the official client does, and make it safe to dial.

Rules (reference §1.1): no scheme → http and port 11434; `http://` without a port → 80,
`https://` → 443; a path is kept without its trailing slash; IPv6 literals are bracketed.
`0.0.0.0` / `::` (a *server* bind address) are mapped to loopback, which is what a client
must dial (it fails on Windows otherwise).
"""

from __future__ import annotations

import ipaddress
import os
import urllib.parse
import urllib.request

from app.core.errors import InputError

DEFAULT_HOST = "http://127.0.0.1:11434"
DEFAULT_PORT = 11434
_ANY_ADDRESS = {"0.0.0.0": "127.0.0.1", "::": "::1"}


def parse_host(value: str) -> str:
    """'1.2.3.4' → 'http://1.2.3.4:11434'; raises InputError on a malformed host."""
    text = (value or "").strip()
    scheme, sep, rest = text.partition("://")
    port = DEFAULT_PORT
    if not sep:
        scheme, rest = "http", text
    elif scheme.lower() == "http":
        port = 80
    elif scheme.lower() == "https":
        port = 443
    else:
        raise InputError(f"Unsupported scheme in Ollama host '{value}'.",
                         hint="Use an address like http://127.0.0.1:11434.")
    try:
        split = urllib.parse.urlsplit(f"{scheme.lower()}://{rest}")
        hostname = split.hostname or "127.0.0.1"
        port = split.port or port
    except ValueError as exc:
        raise InputError(f"The Ollama host '{value}' is not a valid address ({exc}).",
                         hint="Use an address like http://127.0.0.1:11434.") from None
    hostname = _ANY_ADDRESS.get(hostname, hostname)
    if ":" in hostname:
        hostname = f"[{hostname}]"
    path = split.path.rstrip("/")
    return f"{split.scheme}://{hostname}:{port}{path}"


def resolve_host(value: str | None = None) -> str:
    """The host to dial: `value` (e.g. from settings), else $OLLAMA_HOST, else the default."""
    chosen = (value or "").strip() or os.environ.get("OLLAMA_HOST", "").strip() or DEFAULT_HOST
    return parse_host(chosen)


def hostname_of(url: str) -> str:
    return (urllib.parse.urlsplit(url).hostname or "").lower()


def is_loopback(url: str) -> bool:
    name = hostname_of(url)
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def uses_env_proxy(url: str) -> bool:
    """True when the environment routes this (remote) host through a proxy."""
    proxies = urllib.request.getproxies()
    scheme = urllib.parse.urlsplit(url).scheme
    if not (proxies.get(scheme) or proxies.get("all")):
        return False
    return not urllib.request.proxy_bypass(hostname_of(url))
