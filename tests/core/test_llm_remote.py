"""Remote hosts: a token over plain http to the internet is said, and a redirect to another
host is refused before any prompt or token goes there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.cancel import CancelToken
from app.core.errors import OllamaUnavailable
from app.core.llm.client import OllamaService
from app.core.llm.remote import plain_http_warning
from tests.fake_ollama import Redirect

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("url", ["http://ollama.example.com:11434", "http://93.184.215.14:11434",
                                 "http://[2606:4700::6810:84e5]:11434"])
def test_a_token_over_plain_http_to_the_internet_is_warned(url):
    service = OllamaService(url, token="secret")
    assert service.warning and url in service.warning and "https://" in service.warning
    assert "secret" not in service.warning


@pytest.mark.parametrize(("url", "token"), [
    ("https://ollama.example.com", "secret"), ("http://ollama.example.com:11434", None),
    ("http://127.0.0.1:11434", "secret"), ("http://localhost:11434", "secret"),
    ("http://192.168.1.20:11434", "secret"), ("http://10.0.0.5:11434", "secret"),
    ("http://100.101.102.103:11434", "secret"), ("http://gpu-box:11434", "secret"),
    ("http://gpu.local:11434", "secret"), ("http://[fd00::5]:11434", "secret"),
])
def test_no_warning_where_the_token_stays_private(url, token):
    assert plain_http_warning(url, token) is None


def test_a_redirect_to_another_host_is_refused(fake_ollama_factory):
    origin, elsewhere = fake_ollama_factory(), fake_ollama_factory()
    target = f"http://localhost:{elsewhere.port}/api/chat"
    origin.enqueue("/api/chat", Redirect(target, 307))
    service = OllamaService(origin.url, token="secret")
    with pytest.raises(OllamaUnavailable) as caught:
        list(service.chat_stream("qwen3:8b", [{"role": "user", "content": "private plan"}],
                                 options={}, cancel=CancelToken()))
    assert "redirected Plume to another host (http://localhost)" in caught.value.message
    assert origin.url in caught.value.message
    assert elsewhere.requests == []                 # neither the prompt nor the token went


def test_a_redirect_on_the_same_host_is_still_followed(fake_ollama_factory):
    origin, same_host = fake_ollama_factory(), fake_ollama_factory()
    origin.enqueue("/api/tags", Redirect(f"{same_host.url}/api/tags", 308))
    names = {m.name for m in OllamaService(origin.url).list_models(details=False)}
    assert "qwen3:8b" in names and same_host.requests_to("/api/tags")


def test_generate_says_the_redirect_was_refused(fake_ollama_factory, tmp_path):
    origin, elsewhere = fake_ollama_factory(), fake_ollama_factory()
    origin.enqueue("/api/show", Redirect(f"http://localhost:{elsewhere.port}/api/show", 302))
    env = dict(os.environ, PYTHONPATH=str(ROOT), PLUME_CONFIG_DIR=str(tmp_path / "c"),
               PLUME_DATA_DIR=str(tmp_path / "d"), PLUME_OLLAMA_TOKEN="secret")
    result = subprocess.run([sys.executable, "-m", "app.cli", "generate", "compost", "--model",
                             "qwen3:8b", "--host", origin.url, "--out", str(tmp_path / "o")],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert "redirected Plume to another host" in result.stderr
    assert "Traceback" not in result.stderr and elsewhere.requests == []


def test_the_openai_compatible_client_warns_too():
    from app.core.llm.service import open_service

    service = open_service("openai:http://llm.example.com:8080/v1", token="secret")
    assert service.warning and "https://" in service.warning
