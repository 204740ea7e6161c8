"""pytest fixtures for the fake Ollama server (registered in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from .server import FakeOllama, closed_port_url


@pytest.fixture
def fake_ollama() -> Iterator[FakeOllama]:
    """A fresh fake Ollama on 127.0.0.1:<random port>; `fake_ollama.url` is its base URL."""
    with FakeOllama() as fake:
        yield fake


@pytest.fixture
def fake_ollama_factory() -> Iterator[Callable[..., FakeOllama]]:
    """Start as many fakes as a test needs (e.g. several batch hosts); all stopped afterwards."""
    started: list[FakeOllama] = []

    def make(**kwargs: Any) -> FakeOllama:
        fake = FakeOllama(**kwargs)
        started.append(fake)
        return fake

    yield make
    for fake in started:
        fake.stop()


@pytest.fixture
def ollama_down_url() -> str:
    """A loopback URL where nothing listens: every call gets 'connection refused'."""
    return closed_port_url()
