"""Plume's fake Ollama server: real HTTP on 127.0.0.1, wire-faithful, scriptable per test.

    from tests.fake_ollama import FakeOllama, Generate, Fail
    with FakeOllama() as fake:
        ...  # point the app or ollama.Client(fake.url, trust_env=False) at fake.url

In tests use the `fake_ollama` / `fake_ollama_factory` fixtures (tests/fake_ollama/plugin.py).
By hand: `python -m tests.fake_ollama --port 11434`.
"""

from .catalogue import ModelSpec, default_models, normalise
from .replies import (
    BAD_KEEP_ALIVE,
    BUSY,
    FORBIDDEN,
    LOAD_TIMEOUT,
    NOT_FOUND_PATH,
    RUNNER_CRASH,
    Fail,
    Generate,
    Json,
    Redirect,
    Stream,
    legacy_think,
    model_not_found,
    no_thinking,
    pull_lines,
    words,
)
from .server import Disconnect, FakeOllama, RecordedRequest, closed_port_url

__all__ = [
    "BAD_KEEP_ALIVE", "BUSY", "FORBIDDEN", "LOAD_TIMEOUT", "NOT_FOUND_PATH", "RUNNER_CRASH",
    "Disconnect", "Fail", "FakeOllama", "Generate", "Json", "ModelSpec", "RecordedRequest", "Redirect", "Stream",
    "closed_port_url", "default_models", "legacy_think", "model_not_found", "no_thinking",
    "normalise", "pull_lines", "words",
]
