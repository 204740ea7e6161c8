"""OllamaService against the fake server: metadata, streaming, thinking, errors, cancel."""

from __future__ import annotations

import threading
import time

import pytest

from app.core.cancel import CancelToken
from app.core.errors import (
    Cancelled,
    GenerationError,
    ModelNotFound,
    OllamaTimeout,
    OllamaUnavailable,
    ServerBusy,
    ThinkingUnsupported,
)
from app.core.llm import OllamaService
from tests.fake_ollama import (
    BUSY,
    LOAD_TIMEOUT,
    Fail,
    Generate,
    ModelSpec,
    Stream,
    legacy_think,
    pull_lines,
)

MSG = [{"role": "user", "content": "Main keyword: compost\nabout 80 words"}]
OPTS = {"num_ctx": 8192, "num_predict": 400}


def collect(chunks):
    content = thinking = ""
    last = None
    for chunk in chunks:
        content += chunk.content
        thinking += chunk.thinking
        last = chunk
    return content, thinking, last


@pytest.fixture
def service(fake_ollama):
    with OllamaService(fake_ollama.url, busy_backoff=0.01) as svc:
        yield svc


# ---- metadata -------------------------------------------------------------------------------
def test_models_with_details(service):
    models = {m.name: m for m in service.list_models()}
    gpt, llama = models["gpt-oss:20b"], models["llama3.1:8b"]
    assert gpt.can_think and gpt.think_levels == ("low", "medium", "high")
    assert gpt.context_length == 131072 and gpt.quantization == "MXFP4" and gpt.size_bytes > 10**10
    assert not llama.can_think and llama.parameter_size == "8.0B" and llama.family == "llama"
    assert models["qwen3:8b"].context_length == 40960
    assert service.version() == "0.12.6"


def test_old_server_without_model_info_or_capabilities(fake_ollama, service):
    fake_ollama.add_model(ModelSpec("deepseek-r1:7b", "qwen2", "7.6B", "Q4_K_M", 4_683_000_000, 131072,
                                    ("completion", "thinking"), show_model_info=False,
                                    show_capabilities=False))
    info = service.show("deepseek-r1:7b")
    assert info.context_length == 0 and not info.capabilities_known
    assert info.can_think  # inferred from the name: thinking models must stay usable


def test_running_models_report_context(service):
    collect(service.chat_stream("qwen3:8b", MSG, options=OPTS, think=False))
    (running,) = service.running()
    assert running.name == "qwen3:8b" and running.context_length == 8192
    assert running.expires_at is not None and not running.partly_on_cpu


def test_pull_progress_per_layer_and_overall(service):
    events = list(service.pull("gemma3:12b"))
    assert events[-1].done and events[-1].overall_fraction == 1.0
    layers = {layer.digest for layer in events[-1].layers}
    assert len(layers) == 3
    fractions = [e.overall_fraction for e in events]
    assert fractions == sorted(fractions) and 0 < fractions[3] < 1
    assert "gemma3:12b" in {m.name for m in service.list_models(details=False)}


def test_pull_cancel_closes_the_connection(fake_ollama, service):
    lines = pull_lines([("sha256:" + "a" * 64, 10**9)], steps=200)
    fake_ollama.enqueue("/api/pull", Stream(lines=lines, chunk_delay=0.005))
    cancel = CancelToken()
    seen = 0
    with pytest.raises(Cancelled):
        for _ in service.pull("qwen3:14b", cancel):
            seen += 1
            if seen == 5:
                cancel.cancel()
    gone = fake_ollama.wait_for_disconnect()
    assert gone[0].path == "/api/pull" and gone[0].lines_sent < 20


def test_pull_unknown_model(service):
    with pytest.raises(ModelNotFound) as info:
        list(service.pull("doesnotexist"))
    assert "does not exist" in info.value.message and "ollama.com/library" in info.value.hint


# ---- streaming and thinking -----------------------------------------------------------------
def test_think_sent_only_to_capable_models(fake_ollama, service):
    collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS, think=False))
    collect(service.chat_stream("gpt-oss:20b", MSG, options=OPTS, think=True))
    collect(service.chat_stream("qwen3:8b", MSG, options=OPTS, think="high"))
    llama, gpt, qwen = fake_ollama.bodies()
    assert "think" not in llama and gpt["think"] == "medium" and qwen["think"] is True
    with pytest.raises(ThinkingUnsupported):
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS, think="high"))
    assert len(fake_ollama.bodies()) == 3  # refused before sending anything


def test_thinking_kept_apart_from_content(service):
    content, thinking, last = collect(service.chat_stream("qwen3:8b", MSG, options=OPTS, think=True))
    assert thinking and thinking not in content and "compost" in content.lower()
    assert last.done and last.done_reason == "stop" and last.eval_count and last.tokens_per_second > 0


def test_legacy_think_tags_in_content_move_to_thinking(fake_ollama, service):
    fake_ollama.enqueue("/api/chat", Generate(content=legacy_think("raisonnement", "Texte final.")))
    content, thinking, _ = collect(service.chat_stream("qwen3:8b", MSG, options=OPTS))
    assert content.strip() == "Texte final." and thinking.strip() == "raisonnement"


def test_final_chunk_text_and_multibyte_split(fake_ollama, service):
    fake_ollama.enqueue("/api/chat", Generate(content=["Déjà ", "vu 🙂"], final_content=" œuvre",
                                              split_utf8=True))
    content, _, _ = collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert content == "Déjà vu 🙂 œuvre"


# ---- errors -----------------------------------------------------------------------------------
def test_ollama_down_streaming_and_not(ollama_down_url):
    service = OllamaService(ollama_down_url)
    with pytest.raises(OllamaUnavailable) as info:
        service.list_models()
    assert ollama_down_url in info.value.message and "ollama serve" in info.value.hint
    with pytest.raises(OllamaUnavailable):
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))


def test_missing_model_says_how_to_pull(service):
    with pytest.raises(ModelNotFound) as info:
        collect(service.chat_stream("mistral:7b", MSG, options=OPTS))
    assert "plume models pull mistral:7b" in info.value.hint


def test_busy_is_retried_then_reported(fake_ollama, service):
    fake_ollama.enqueue("/api/chat", BUSY, BUSY)
    content, _, _ = collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert content and len(fake_ollama.requests_to("/api/chat")) == 3
    fake_ollama.enqueue("/api/chat", *[BUSY] * 4)
    with pytest.raises(ServerBusy):
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))


def test_load_timeout_and_silent_server(fake_ollama):
    fake_ollama.enqueue("/api/chat", LOAD_TIMEOUT, Generate(content="x", first_byte_delay=1.0))
    service = OllamaService(fake_ollama.url, read_timeout=0.2)
    with pytest.raises(OllamaTimeout) as info:
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert "load" in info.value.message
    with pytest.raises(OllamaTimeout) as info:
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert "may still be loading" in info.value.message


def test_silent_gap_mid_stream_is_a_timeout_that_keeps_text(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(content="un deux trois quatre", gap_before={2: 1.0}))
    service = OllamaService(fake_ollama.url, read_timeout=0.2)
    got = []
    with pytest.raises(OllamaTimeout) as info:
        for chunk in service.chat_stream("llama3.1:8b", MSG, options=OPTS):
            got.append(chunk.content)
    assert "".join(got) == "un deux" and "stopped answering" in info.value.message


def test_mid_stream_error_keeps_partial_text(fake_ollama, service):
    fake_ollama.enqueue("/api/chat", Generate(content="un deux trois quatre cinq", error_after=3),
                        Generate(content="a b c d e f", close_after=3))
    got = []
    with pytest.raises(GenerationError) as info:
        for chunk in service.chat_stream("llama3.1:8b", MSG, options=OPTS):
            got.append(chunk.content)
    assert "".join(got) == "un deux trois" == info.value.partial_text
    assert "error" in info.value.message
    with pytest.raises(GenerationError) as info:
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert info.value.partial_text == "a b c"


def test_not_an_ollama_server(fake_ollama, service):
    fake_ollama.enqueue("/api/tags", Fail(404, "404 page not found", kind="text"))
    with pytest.raises(OllamaUnavailable) as info:
        service.list_models()
    assert "does not look like an Ollama server" in info.value.message


# ---- cancel -----------------------------------------------------------------------------------
def test_consumer_stop_closes_the_connection_within_a_chunk(fake_ollama, service):
    fake_ollama.enqueue("/api/chat", Generate(content="mot", forever=True, chunk_delay=0.01))
    stream = service.chat_stream("llama3.1:8b", MSG, options=OPTS)
    for i, _ in enumerate(stream):
        if i == 10:
            break
    stream.close()
    gone = fake_ollama.wait_for_disconnect()
    assert gone[0].lines_sent <= 13


def test_cancel_token_stops_within_a_chunk(fake_ollama, service):
    fake_ollama.enqueue("/api/chat", Generate(content="mot", forever=True, chunk_delay=0.01))
    cancel = CancelToken()
    received = 0
    with pytest.raises(Cancelled):
        for _ in service.chat_stream("llama3.1:8b", MSG, options=OPTS, cancel=cancel):
            received += 1
            if received == 10:
                cancel.cancel()
    assert received == 10
    assert fake_ollama.wait_for_disconnect()[0].lines_sent <= 12


def test_cancel_before_first_byte_returns_at_once(fake_ollama, service):
    fake_ollama.enqueue("/api/chat", Generate(content="x", first_byte_delay=30))
    cancel = CancelToken()
    timer = threading.Timer(0.2, cancel.cancel)
    timer.start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS, cancel=cancel))
    assert time.monotonic() - started < 5  # not the 30 s cold load (and not the read timeout)
    assert fake_ollama.wait_for_disconnect()[0].lines_sent == 0


# ---- headers ----------------------------------------------------------------------------------
def test_token_and_environment(fake_ollama, monkeypatch):
    monkeypatch.setenv("OLLAMA_API_KEY", "leaked-key")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")   # a dead proxy must not matter
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    OllamaService(fake_ollama.url).version()
    OllamaService(fake_ollama.url, "s3cret").version()
    plain, with_token = fake_ollama.requests_to("/api/version")
    assert "authorization" not in plain.headers
    assert with_token.headers["authorization"] == "Bearer s3cret"
