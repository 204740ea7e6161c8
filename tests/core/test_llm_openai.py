"""The OpenAI-compatible backend against the fake server's /v1 face, as vLLM and llama.cpp
answer: models and context, SSE streaming, reasoning kept apart, structured output, errors,
Stop, API keys; then `plume generate` and a mixed batch through it."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from app.application import Plume
from app.core.batch.article import ArticleWriter
from app.core.batch.hosts import probe_ollama
from app.core.batch.job import HostSpec, ItemSpec, ItemState, JobConfig, JobDefaults
from app.core.batch.queue import JobStore
from app.core.batch.runner import BatchRunner
from app.core.cancel import CancelToken
from app.core.errors import (
    Cancelled,
    ContextTooSmall,
    GenerationError,
    InputError,
    ModelNotFound,
    OllamaUnavailable,
)
from app.core.hosts import backend_of, base_url, parse_host
from app.core.llm.openai_client import OpenAIService
from app.core.llm.service import open_service
from tests.fake_ollama import Fail, Generate, legacy_think

MSG = [{"role": "user", "content": "Main keyword: compost\nabout 80 words"}]
OPTS = {"num_ctx": 8192, "num_predict": 400, "temperature": 0.5, "repeat_penalty": 1.2}
PLAN_SCHEMA = {"type": "object", "properties": {"title": {"type": "string"}},
               "required": ["title"]}


def v1(fake) -> str:
    return fake.url + "/v1"


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
    with OpenAIService(v1(fake_ollama), busy_backoff=0.01) as svc:
        yield svc


# ---- addresses --------------------------------------------------------------------------------
@pytest.mark.parametrize("typed,canonical,backend", [
    ("openai:http://127.0.0.1:11436/v1", "http://127.0.0.1:11436/v1", "openai"),
    ("openai:gpu-box:8000", "http://gpu-box:8000/v1", "openai"),
    ("openai:gpu-box", "http://gpu-box:8000/v1", "openai"),
    ("http://gpu-box:8000/v1/", "http://gpu-box:8000/v1", "openai"),
    ("ollama:gpu-box", "http://gpu-box:11434", "ollama"),
    ("ollama:11434", "http://ollama:11434", "ollama"),          # a host named "ollama"
    ("ollama:http://proxy/v1", "ollama:http://proxy:80/v1", "ollama"),
    ("openai:https://api.example.com/v1beta/openai",
     "openai:https://api.example.com:443/v1beta/openai", "openai"),
    ("gpu-box", "http://gpu-box:11434", "ollama"),
])
def test_the_one_host_parser_names_the_backend(typed, canonical, backend):
    assert parse_host(typed) == canonical
    assert backend_of(canonical) == backend
    assert parse_host(canonical) == canonical            # stable when stored and read again
    assert "://" in base_url(canonical) and not base_url(canonical).startswith(backend + ":")


def test_a_malformed_openai_address_is_an_input_error_saying_how_to_write_it():
    with pytest.raises(InputError) as info:
        parse_host("openai:ftp://box")
    assert "openai:http://127.0.0.1:8000/v1" in str(info.value)


def test_batch_host_specs_carry_the_backend_and_slots():
    specs = Plume().batch_hosts(["gpu-a", "gpu-b#2", "openai:http://vllm:8000/v1#8"])
    assert [(s.url, s.slots, backend_of(s.url)) for s in specs] == [
        ("http://gpu-a:11434", 1, "ollama"), ("http://gpu-b:11434", 2, "ollama"),
        ("http://vllm:8000/v1", 8, "openai")]


def test_open_service_picks_the_client_by_address(fake_ollama):
    with open_service(v1(fake_ollama)) as openai, open_service(fake_ollama.url) as ollama:
        assert isinstance(openai, OpenAIService) and type(ollama).__name__ == "OllamaService"


# ---- models -------------------------------------------------------------------------------------
def test_vllm_models_with_their_context_length(service):
    models = {m.name: m for m in service.list_models()}
    assert models["qwen3:8b"].context_length == 40960          # max_model_len
    assert models["qwen3:8b"].can_think                         # inferred from the name
    assert models["llama3.1:8b"].parameter_size == "8B" and not models["llama3.1:8b"].is_small
    assert service.show("qwen3:8b:latest").name == "qwen3:8b"   # batch's ':latest' resolves


def test_llamacpp_context_is_the_slot_window_from_props(fake_ollama, service):
    fake_ollama.openai_flavour = "llamacpp"
    fake_ollama.default_num_ctx = 6144
    info = service.show("qwen3:8b")
    assert info.context_length == 6144
    assert [q.path for q in fake_ollama.requests][-2:] == ["/v1/models", "/props"]


def test_an_unknown_model_names_what_the_server_serves(service):
    with pytest.raises(ModelNotFound) as info:
        service.show("mistral:7b")
    assert "qwen3:8b" in str(info.value) and "plume models pull" not in str(info.value)


# ---- chat -----------------------------------------------------------------------------------------
def test_streams_the_answer_over_sse_and_sends_openai_fields(fake_ollama, service):
    content, thinking, last = collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert "compost" in content.lower() and len(content.split()) > 20
    assert last.done and last.done_reason == "stop" and last.eval_count
    body = fake_ollama.bodies("/v1/chat/completions")[-1]
    assert body["stream"] is True and body["max_tokens"] == 400 and body["temperature"] == 0.5
    assert body["repeat_penalty"] == body["repetition_penalty"] == 1.2
    assert "num_ctx" not in body and "options" not in body


def test_reasoning_content_never_reaches_the_text(fake_ollama, service):
    fake_ollama.enqueue("/v1/chat/completions",
                        Generate(thinking="The user wants compost tips.", content="Compost well."))
    content, thinking, _ = collect(service.chat_stream("qwen3:8b", MSG, options=OPTS, think=True))
    assert content == "Compost well." and thinking == "The user wants compost tips."
    body = fake_ollama.bodies("/v1/chat/completions")[-1]
    assert body["chat_template_kwargs"] == {"enable_thinking": True}


def test_think_tags_in_content_are_moved_to_thinking(fake_ollama, service):
    fake_ollama.enqueue("/v1/chat/completions",
                        Generate(content=legacy_think("hidden plan", "Visible text.")))
    content, thinking, _ = collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert content.strip() == "Visible text." and "hidden plan" in thinking


def test_chat_template_control_tokens_never_reach_the_text(fake_ollama, service):
    fake_ollama.enqueue("/v1/chat/completions", Generate(content=[
        "Le vélo", "<start_of_image>", "# Pliant", " se range", "<|im_end|>", " partout."]))
    content, _, _ = collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert content == "Le vélo# Pliant se range partout."


def test_a_load_request_is_a_no_op(fake_ollama, service):
    chunks = list(service.chat_stream("qwen3:8b", [], options={"num_ctx": 8192}))
    assert [c.done_reason for c in chunks] == ["load"]
    assert not fake_ollama.requests_to("/v1/chat/completions")


def test_structured_output_uses_json_schema(fake_ollama, service):
    value = service.chat_json("llama3.1:8b", MSG, PLAN_SCHEMA, options=OPTS)
    assert isinstance(value["title"], str) and value["title"]
    fmt = fake_ollama.bodies("/v1/chat/completions")[-1]["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["schema"] == PLAN_SCHEMA


def test_a_server_without_json_schema_falls_back_to_json_object(fake_ollama, service):
    fake_ollama.openai_json_schema = False
    value = service.chat_json("llama3.1:8b", MSG, PLAN_SCHEMA, options=OPTS)
    assert value["title"]
    kinds = [b["response_format"]["type"] for b in fake_ollama.bodies("/v1/chat/completions")]
    assert kinds == ["json_schema", "json_object"]
    assert json.dumps(PLAN_SCHEMA) in fake_ollama.bodies("/v1/chat/completions")[-1][
        "messages"][-1]["content"]
    service.chat_json("llama3.1:8b", MSG, PLAN_SCHEMA, options=OPTS)   # remembered: no 400
    assert len(fake_ollama.requests_to("/v1/chat/completions")) == 3


def test_a_server_refusing_stream_options_still_streams(fake_ollama, service):
    fake_ollama.enqueue("/v1/chat/completions",
                        Fail(400, "Unrecognized request argument supplied: stream_options"))
    content, _, last = collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert content and last.done
    bodies = fake_ollama.bodies("/v1/chat/completions")
    assert "stream_options" in bodies[0] and "stream_options" not in bodies[1]


def test_invalid_json_is_asked_again_then_validated(fake_ollama, service):
    fake_ollama.enqueue("/v1/chat/completions", Generate(content='{"nope": 1}'))
    value = service.chat_json("llama3.1:8b", MSG, PLAN_SCHEMA, options=OPTS)
    assert value["title"] and len(fake_ollama.requests_to("/v1/chat/completions")) == 2


# ---- errors ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("flavour", ["vllm", "llamacpp"])
def test_a_prompt_too_long_is_context_too_small(fake_ollama, service, flavour):
    fake_ollama.openai_flavour = flavour
    fake_ollama.default_num_ctx = 512
    fake_ollama.models["qwen3:8b"].context_length = 512
    long = [{"role": "user", "content": "compost " * 3000}]
    with pytest.raises(ContextTooSmall) as info:
        collect(service.chat_stream("qwen3:8b", long, options=OPTS))
    assert "context" in str(info.value)


def test_vllm_unknown_model_at_chat_time(fake_ollama, service):
    service.list_models()
    fake_ollama.remove_model("llama3.1:8b")
    with pytest.raises(ModelNotFound) as info:
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert "does not exist" in str(info.value)


@pytest.mark.parametrize("flavour", ["vllm", "llamacpp"])
def test_a_bad_api_key_says_where_to_put_it(fake_ollama, service, flavour):
    fake_ollama.openai_flavour = flavour
    fake_ollama.enqueue("/v1/chat/completions", Fail(401, "Invalid API Key"))
    service.list_models()
    with pytest.raises(OllamaUnavailable) as info:
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert "Invalid API Key" in str(info.value) and "PLUME_OPENAI_API_KEY" in str(info.value)


def test_a_busy_server_is_retried_before_the_first_byte(fake_ollama, service):
    fake_ollama.enqueue("/v1/chat/completions", Fail(503, "Loading model"),
                        Fail(429, "Too many requests"))
    content, _, last = collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert content and last.done and len(fake_ollama.requests_to("/v1/chat/completions")) == 3


@pytest.mark.parametrize("flavour", ["vllm", "llamacpp"])
def test_an_error_mid_stream_keeps_the_text_written_so_far(fake_ollama, service, flavour):
    fake_ollama.openai_flavour = flavour
    fake_ollama.enqueue("/v1/chat/completions",
                        Generate(content="one two three four five", error_after=3,
                                 error="CUDA out of memory"))
    with pytest.raises(GenerationError) as info:
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert "CUDA out of memory" in str(info.value)
    assert info.value.partial_text == "one two three"


def test_a_stream_cut_without_done_is_an_error_not_a_short_article(fake_ollama, service):
    fake_ollama.enqueue("/v1/chat/completions", Generate(content="a b c d e f", close_after=3))
    with pytest.raises(GenerationError) as info:
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS))
    assert "cut" in str(info.value)


def test_a_server_that_is_down_names_the_openai_server(ollama_down_url):
    with OpenAIService(ollama_down_url + "/v1") as svc, pytest.raises(OllamaUnavailable) as info:
        svc.list_models()
    assert "OpenAI-compatible" in str(info.value) and "/v1" in str(info.value)


# ---- Stop --------------------------------------------------------------------------------------------
def test_stop_closes_the_connection_at_once(fake_ollama, service):
    fake_ollama.enqueue("/v1/chat/completions", Generate(content="x y", forever=True,
                                                         chunk_delay=0.01))
    cancel = CancelToken()
    got: list[str] = []
    with pytest.raises(Cancelled):
        for chunk in service.chat_stream("llama3.1:8b", MSG, options=OPTS, cancel=cancel):
            got.append(chunk.content)
            if len(got) == 5:
                cancel.cancel()
    assert fake_ollama.wait_for_disconnect(1, timeout=3.0)


def test_stop_before_the_first_byte_closes_the_connection(fake_ollama, service):
    service.list_models()
    fake_ollama.enqueue("/v1/chat/completions", Generate(content="late", first_byte_delay=30))
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        collect(service.chat_stream("llama3.1:8b", MSG, options=OPTS, cancel=cancel))
    assert time.monotonic() - started < 5
    assert fake_ollama.wait_for_disconnect(1, timeout=3.0)


# ---- API key -------------------------------------------------------------------------------------------
def test_the_api_key_comes_from_its_own_variable_not_the_ollama_token(fake_ollama, monkeypatch):
    monkeypatch.setenv("PLUME_OLLAMA_TOKEN", "ollama-secret")
    monkeypatch.setenv("PLUME_OPENAI_API_KEY", "sk-local")
    with Plume().connection(f"openai:{v1(fake_ollama)}").open() as svc:
        svc.list_models()
    assert fake_ollama.requests[-1].headers["authorization"] == "Bearer sk-local"
    monkeypatch.delenv("PLUME_OPENAI_API_KEY")
    with Plume().connection(v1(fake_ollama)).open() as svc:
        svc.list_models()
    assert "authorization" not in fake_ollama.requests[-1].headers


# ---- the whole flow ----------------------------------------------------------------------------------
def test_plume_generate_writes_an_article_through_an_openai_server(fake_ollama, tmp_path):
    from tests.core.test_cli_generate import plume

    out = tmp_path / "articles"
    result = plume("generate", "vélo électrique", "--lang", "fr", "--model", "llama3.1:8b",
                   "--words", "600", "--host", f"openai:{v1(fake_ollama)}", "--out", str(out),
                   tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (out / "velo-electrique.md").read_text(encoding="utf-8")
    assert 'lang: "fr"' in text and "## Questions fréquentes" in text
    assert fake_ollama.requests_to("/v1/chat/completions") and not fake_ollama.bodies()


def test_a_mixed_batch_spreads_over_ollama_hosts_and_an_openai_server(tmp_path: Path,
                                                                    fake_ollama_factory):
    a, b, c = fake_ollama_factory(), fake_ollama_factory(), fake_ollama_factory()
    for fake in (a, b, c):
        fake.set_delay(0.002)
    hosts = [HostSpec(a.url), HostSpec(b.url), HostSpec(parse_host(v1(c)), slots=2)]
    config = JobConfig(out_dir=str(tmp_path / "out"), hosts=hosts,
                       defaults=JobDefaults(model="llama3.1:8b", target_words=400))
    keywords = ["zebra", "yak", "koala", "otter", "lynx", "panda", "heron", "stoat"]
    store = JobStore.create(config, [ItemSpec(i, f"{k} gardening", k)
                                     for i, k in enumerate(keywords, start=2)])
    assert BatchRunner(store, ArticleWriter(), probe=probe_ollama).run().reason == "finished"
    items = store.items()
    assert all(i.state is ItemState.DONE for i in items)
    assert sorted(p.stem for p in (tmp_path / "out").glob("*.md")) == sorted(keywords)
    served = {url: sum(i.host == url for i in items) for url in (a.url, b.url, hosts[2].url)}
    assert all(count > 0 for count in served.values()), served
    assert c.requests_to("/v1/chat/completions") and not c.bodies("/api/chat")
