"""Tokens go to the OS keychain through keyring and nowhere else. The keyring backends here
are real `KeyringBackend` classes (an in-memory store and keyring's own fail backend) set
with `keyring.set_keyring`, not mocks of our module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from app.core import secrets
from app.core.errors import SecretStoreError


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.items[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_token_round_trip_per_host(memory_keyring: MemoryKeyring) -> None:
    assert secrets.keyring_usable()
    assert secrets.get_token("http://gpu:11434") is None
    secrets.set_token("http://GPU:11434/", "tok-1")
    secrets.set_token("https://other.example", "tok-2")
    assert secrets.get_token("http://gpu:11434") == "tok-1"   # same host, normalised
    assert secrets.get_token("https://other.example/") == "tok-2"
    secrets.delete_token("http://gpu:11434")
    assert secrets.get_token("http://gpu:11434") is None
    secrets.delete_token("http://gpu:11434")  # deleting twice is fine


def test_a_host_is_one_key_however_it_is_typed(memory_keyring: MemoryKeyring) -> None:
    secrets.set_token("gpu-box", "tok-1")                    # as typed in Settings
    assert secrets.get_token("http://gpu-box:11434") == "tok-1"   # as every face dials it
    assert secrets.get_token("GPU-BOX:11434/") == "tok-1"
    assert secrets.get_token("http://gpu-box") is None       # port 80: another server


def test_a_token_saved_before_hosts_had_one_spelling_is_still_found(
        memory_keyring: MemoryKeyring) -> None:
    memory_keyring.set_password(secrets.SERVICE, "http://gpu-box", "old-token")  # older Plume
    assert secrets.get_token("gpu-box") == "old-token"


def test_empty_token_deletes(memory_keyring: MemoryKeyring) -> None:
    secrets.set_token("http://h:1", "abc")
    secrets.set_token("http://h:1", "   ")
    assert secrets.get_token("http://h:1") is None
    assert memory_keyring.items == {}


def test_multiline_token_is_refused_and_not_stored(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(SecretStoreError, match="line breaks"):
        secrets.set_token("http://h:1", "abc\ndef")
    assert memory_keyring.items == {}


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_usable_keyring_raises_and_stores_nothing(
    backend: KeyringBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.chdir(tmp_path)
    try:
        assert not secrets.keyring_usable()
        with pytest.raises(SecretStoreError) as info:
            secrets.set_token("http://h:1", "secret-token")
        assert "keychain" in str(info.value)
        assert "secret-token" not in str(info.value)
        with pytest.raises(SecretStoreError):
            secrets.get_token("http://h:1")
    finally:
        keyring.set_keyring(previous)
    # No fallback file anywhere we could have written.
    assert list(tmp_path.iterdir()) == []


def test_chainer_without_viable_backends_is_not_usable(monkeypatch: pytest.MonkeyPatch) -> None:
    previous = keyring.get_keyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    keyring.set_keyring(chainer.ChainerBackend())
    try:
        assert not secrets.keyring_usable()
    finally:
        keyring.set_keyring(previous)


def test_locked_keyring_message_says_unlock(memory_keyring: MemoryKeyring,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*_: object) -> None:
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(memory_keyring, "set_password", locked)
    with pytest.raises(SecretStoreError) as info:
        secrets.set_token("http://h:1", "tok")
    assert "Unlock" in info.value.hint


def test_malformed_host_still_gets_a_stable_key(memory_keyring: MemoryKeyring) -> None:
    secrets.set_token("http://h:99999", "tok")
    assert secrets.get_token("http://h:99999") == "tok"
