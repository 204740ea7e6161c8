"""Build an OllamaService from what the user configured (command line, settings, environment).

Precedence for the host: explicit value > settings file (when it names a non-default host)
> $OLLAMA_HOST > http://127.0.0.1:11434. The bearer token is only ever read from
$PLUME_OLLAMA_TOKEN (CLI convenience) or the OS keychain through app.core.secrets —
never from a file — and only for remote hosts.
"""

from __future__ import annotations

import logging
import os

from app.core.llm.client import OllamaService
from app.core.llm.hosts import DEFAULT_HOST, is_loopback, parse_host, resolve_host

TOKEN_ENV = "PLUME_OLLAMA_TOKEN"
logger = logging.getLogger(__name__)


def configured_host(explicit: str | None = None) -> str:
    if explicit:
        return parse_host(explicit)
    settings = load_user_settings()
    saved = getattr(settings, "host", "") if settings is not None else ""
    if saved and parse_host(saved) != DEFAULT_HOST:
        return parse_host(saved)
    return resolve_host(None)


def token_for(host: str) -> str | None:
    token = os.environ.get(TOKEN_ENV, "").strip()
    if token:
        return token
    if is_loopback(host):
        return None
    try:
        from app.core.secrets import get_token

        return get_token(host)
    except Exception:  # noqa: BLE001 - no keychain (or no secrets module): no token
        logger.debug("no token from the keychain for %s", host, exc_info=True)
        return None


def read_timeout_setting(default: float = 600.0) -> float:
    settings = load_user_settings()
    value = getattr(settings, "read_timeout_seconds", None) if settings is not None else None
    return float(value) if isinstance(value, int | float) and value > 0 else default


def load_user_settings() -> object | None:
    try:
        from app.core.settings import default_settings_path, load_settings

        return load_settings(default_settings_path())
    except Exception:  # noqa: BLE001 - settings are optional for the CLI
        return None


def open_service(host: str | None = None, *, read_timeout: float | None = None) -> OllamaService:
    url = configured_host(host)
    return OllamaService(url, token_for(url), connect_timeout=5.0,
                         read_timeout=read_timeout or read_timeout_setting())
