"""Talking to a host beyond this machine: what must never happen silently.

- A bearer token sent over plain http to a host outside loopback and private networks can be
  read by anyone on the way: `plain_http_warning` says so (the faces print it once per run).
- A redirect to another host would carry the prompts there (307/308 resend the body), and is
  never what an Ollama server does: `refuse_cross_host_redirects` turns it into an error that
  names both hosts. Redirects on the same host (http → https, a path) are still followed.
"""

from __future__ import annotations

import ipaddress
import urllib.parse

import httpx

from app.core.errors import OllamaUnavailable
from app.core.hosts import hostname_of, is_loopback

# Names that only resolve inside a home or office network.
_LOCAL_SUFFIXES = (".local", ".lan", ".home", ".internal", ".home.arpa", ".localdomain")


def is_private(url: str) -> bool:
    """Loopback, private, link-local or CGNAT (Tailscale) address, or a local-only name
    (`gpu-box`, `gpu.local`)."""
    if is_loopback(url):
        return True
    name = hostname_of(url).strip("[]")
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return "." not in name or name.endswith(_LOCAL_SUFFIXES)
    shared = ipaddress.ip_network("100.64.0.0/10")
    return (address.is_private or address.is_link_local
            or (address.version == 4 and address in shared))


def plain_http_warning(url: str, token: str | None) -> str | None:
    """A sentence to show when `token` would cross the internet unencrypted, else None."""
    if not token or urllib.parse.urlsplit(url).scheme != "http" or is_private(url):
        return None
    return (f"Warning: the access token for {url} is sent over plain http, so anyone on the "
            "way can read it (and your prompts). Use an https:// address for a remote host.")


def refuse_cross_host_redirects(client: httpx.Client) -> None:
    """Make `client` fail with OllamaUnavailable instead of following a redirect to another
    host."""

    def check(response: httpx.Response) -> None:
        if not response.has_redirect_location:
            return
        source = response.request.url
        target = source.join(response.headers["location"])
        if (target.host or "").lower() == (source.host or "").lower():
            return
        origin = f"{source.scheme}://{source.netloc.decode('ascii', 'replace')}"
        response.close()
        raise OllamaUnavailable(
            f"{origin} redirected Plume to another host ({target.scheme}://{target.host}); "
            "Plume does not follow it, so no prompt or token went there.",
            hint="If that server is the one you meant, use its address as the host; otherwise "
                 "check the server or proxy configuration.")

    hooks = client.event_hooks
    hooks.setdefault("response", []).append(check)
    client.event_hooks = hooks
