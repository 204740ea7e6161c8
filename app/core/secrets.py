"""The only module that touches keyring: Ollama bearer tokens, one per host.

Tokens live in the OS keychain (Secret Service, macOS Keychain, Windows Credential
Locker) and nowhere else: when no keychain works we raise `SecretStoreError` and store
nothing — there is no file fallback on purpose.

Keyring calls may block (an unlock prompt, D-Bus); the GUI calls these functions through
its background task runner, never on the GUI thread.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from app.core.errors import InputError, SecretStoreError
from app.core.hosts import resolve_host

logger = logging.getLogger(__name__)

SERVICE = "Plume (Ollama token)"
MAX_TOKEN_LENGTH = 8_192


def host_key(host: str) -> str:
    """The keychain user name of a host: its address as `parse_host` writes it (a blank host
    is the automatic one: $OLLAMA_HOST, else the default), so every face finds one token."""
    try:
        return resolve_host(host)
    except InputError:  # a malformed host cannot be dialled; still a stable key, never a crash
        return host.strip().lower()


def _legacy_key(key: str) -> str | None:
    """Before one parser, a host typed without a port was saved as `scheme://host`."""
    parts = urlsplit(key)
    return f"{parts.scheme}://{parts.hostname}" if parts.hostname and not parts.path else None


def keyring_usable() -> bool:
    """True when the active keyring backend can actually store secrets."""
    try:
        return _viable(keyring.get_keyring())
    except Exception:  # noqa: BLE001 - any backend failure means "not usable"
        logger.debug("keyring backend lookup failed", exc_info=True)
        return False


def get_token(host: str) -> str | None:
    """The token saved for `host`, or None when there is none."""
    _require_backend()
    key = host_key(host)
    try:
        value: str | None = keyring.get_password(SERVICE, key)
        legacy = _legacy_key(key)
        if not value and legacy:
            value = keyring.get_password(SERVICE, legacy)
    except keyring.errors.KeyringError as exc:
        raise _store_error("read", exc) from exc
    return value or None


def set_token(host: str, token: str) -> None:
    """Save `token` for `host`; an empty token deletes it."""
    token = token.strip()
    if not token:
        delete_token(host)
        return
    if len(token) > MAX_TOKEN_LENGTH or any(ch in token for ch in "\r\n\x00"):
        raise SecretStoreError(
            "This token does not look valid (too long or contains line breaks).",
            hint="Paste the token again, without extra lines.",
        )
    _require_backend()
    try:
        keyring.set_password(SERVICE, host_key(host), token)
    except keyring.errors.KeyringError as exc:
        raise _store_error("save", exc) from exc


def delete_token(host: str) -> None:
    """Forget the token for `host`. Deleting a token that does not exist is fine."""
    _require_backend()
    try:
        keyring.delete_password(SERVICE, host_key(host))
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise _store_error("delete", exc) from exc


# ---- Private -----------------------------------------------------------------------------


def _viable(backend: Any) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_viable(b) for b in backend.backends)
    if not isinstance(backend, KeyringBackend):
        return False
    try:
        priority = float(backend.priority)
    except Exception:  # noqa: BLE001 - a backend that cannot rate itself is not viable
        return False
    return priority > 0


def _require_backend() -> None:
    if not keyring_usable():
        name = _backend_name()
        raise SecretStoreError(
            f"No usable system keychain was found (keyring backend: {name}), so the token "
            "cannot be stored or read."
        )


def _backend_name() -> str:
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001
        return "none"
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _store_error(action: str, exc: Exception) -> SecretStoreError:
    # Never include the token itself; the backend's message is safe to show.
    if isinstance(exc, keyring.errors.KeyringLocked):
        return SecretStoreError(
            f"The system keychain is locked; could not {action} the token.",
            hint="Unlock your keychain (log in to your desktop session), then try again.",
        )
    if isinstance(exc, keyring.errors.NoKeyringError):
        return SecretStoreError(f"No usable system keychain: could not {action} the token.")
    return SecretStoreError(f"The system keychain refused to {action} the token: {exc}")


# ---- WordPress application passwords -------------------------------------------------------

SITE_SERVICE = "Plume (WordPress application password)"


def get_site_password(site: str, user: str) -> str | None:
    """The application password saved for `user` on `site` (its address), or None."""
    _require_backend()
    try:
        value: str | None = keyring.get_password(SITE_SERVICE, f"{user}@{site}")
    except keyring.errors.KeyringError as exc:
        raise _store_error("read", exc) from exc
    return value or None


def set_site_password(site: str, user: str, password: str) -> None:
    """Save an application password (spaces, as WordPress shows it, are fine)."""
    password = password.strip()
    if not password or len(password) > 256 or any(ch in password for ch in "\r\n\x00"):
        raise SecretStoreError("This application password does not look valid.",
                               hint="Copy it again from WordPress (Users › Profile).")
    _require_backend()
    try:
        keyring.set_password(SITE_SERVICE, f"{user}@{site}", password)
    except keyring.errors.KeyringError as exc:
        raise _store_error("save", exc) from exc


def delete_site_password(site: str, user: str) -> None:
    _require_backend()
    try:
        keyring.delete_password(SITE_SERVICE, f"{user}@{site}")
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise _store_error("delete", exc) from exc
