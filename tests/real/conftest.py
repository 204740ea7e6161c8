"""Opt-in: the real flow against a real Ollama-compatible host.

    PLUME_REAL_OLLAMA=http://127.0.0.1:11434 PLUME_REAL_MODEL=qwen3:4b pytest tests/real
    make test-real        # starts ../shared/realmodel (Gemma 3 270M) when no host is given
    PLUME_REAL_OLLAMA=openai:http://127.0.0.1:11436/v1 pytest tests/real   # llama.cpp's own API

Skipped when PLUME_REAL_OLLAMA is not set, so `make test` and CI never need a model.
"""

from __future__ import annotations

import os

import pytest

HOST = os.environ.get("PLUME_REAL_OLLAMA", "")
MODEL = os.environ.get("PLUME_REAL_MODEL", "gemma3:270m")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if HOST:
        return
    skip = pytest.mark.skip(reason="set PLUME_REAL_OLLAMA (and PLUME_REAL_MODEL), or run make test-real")
    for item in items:
        if "tests/real/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def real_host() -> str:
    return HOST


@pytest.fixture(scope="session")
def real_model() -> str:
    return MODEL
