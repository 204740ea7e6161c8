"""The fake speaks Ollama's wire protocol as the official client sees it (reference §6 checklist)."""

from __future__ import annotations

import json

import httpx
import ollama
import pydantic
import pytest

from tests.fake_ollama import (
    BUSY,
    FORBIDDEN,
    LOAD_TIMEOUT,
    Fail,
    FakeOllama,
    Generate,
    ModelSpec,
    legacy_think,
)

FR_PROMPT = [
    {"role": "system", "content": "Tu es un rédacteur web. Langue : français."},
    {"role": "user", "content": "Mot-clé principal : « vélo électrique »\n"
                                "Section à rédiger : « Les critères de choix »\nEnviron 180 mots."},
]
EN_PROMPT = [{"role": "user", "content": "Main keyword: best hiking boots\nWrite about 150 words."}]


def client(fake: FakeOllama, **kw: object) -> ollama.Client:
    return ollama.Client(fake.url, trust_env=False, timeout=httpx.Timeout(5.0, read=10.0), **kw)


def collect(stream) -> tuple[str, str, object]:
    content, thinking, last = "", "", None
    for chunk in stream:
        content += chunk.message.content or ""
        thinking += chunk.message.thinking or ""
        last = chunk
    return content, thinking, last


# 1. happy paths with realistic shapes
def test_catalogue_endpoints_have_realistic_shapes(fake_ollama):
    c = client(fake_ollama)
    names = [m.model for m in c.list().models]
    assert {"gpt-oss:20b", "qwen3:8b", "llama3.1:8b", "mistral-small3.2:latest"} <= set(names)
    show = c.show("qwen3:8b")
    assert "thinking" in show.capabilities
    assert show.modelinfo["qwen3.context_length"] == 40960
    assert show.details.quantization_level == "Q4_K_M"
    assert "temperature" in show.parameters
    assert httpx.get(fake_ollama.url + "/api/version").json() == {"version": "0.12.6"}
    assert c.ps().models == []
    collect(c.chat("qwen3:8b", EN_PROMPT, stream=True, options={"num_ctx": 8192}))
    running = c.ps().models
    assert [m.model for m in running] == ["qwen3:8b"] and running[0].context_length == 8192


# 2. old servers: show without model_info / capabilities
def test_show_without_model_info_breaks_the_official_client(fake_ollama):
    fake_ollama.add_model(ModelSpec("old:7b", "llama", "7B", "Q4_0", 1, 4096,
                                    show_model_info=False, show_capabilities=False))
    with pytest.raises(pydantic.ValidationError):
        client(fake_ollama).show("old:7b")
    raw = httpx.post(fake_ollama.url + "/api/show", json={"model": "old:7b"}).json()
    assert "capabilities" not in raw and "model_info" not in raw


# 3. streaming variants
def test_stream_final_chunk_metrics_and_text(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(content=["Bon", "jour"], final_content=" !"))
    content, _, last = collect(client(fake_ollama).chat("llama3.1:8b", EN_PROMPT, stream=True))
    assert content == "Bonjour !"
    assert last.done and last.done_reason == "stop" and last.eval_count == 3
    assert last.prompt_eval_count and last.eval_duration and last.total_duration


def test_stream_without_metrics_and_length_stop(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(content="a b", metrics=False, done_reason="length"))
    _, _, last = collect(client(fake_ollama).chat("llama3.1:8b", EN_PROMPT, stream=True))
    assert last.done_reason == "length" and last.eval_count is None and last.prompt_eval_count is None


# 4. thinking, legacy <think>, gpt-oss
def test_thinking_comes_first_and_apart(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(thinking="Je réfléchis.", content="Réponse."))
    c = client(fake_ollama)
    chunks = list(c.chat("qwen3:8b", FR_PROMPT, think=True, stream=True))
    assert chunks[0].message.thinking and not chunks[0].message.content
    assert "".join(x.message.content for x in chunks) == "Réponse."


def test_legacy_think_tags_split_across_chunks_and_go_escaped(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(content=legacy_think("hmm", "Texte")))
    with httpx.stream("POST", fake_ollama.url + "/api/chat",
                      json={"model": "qwen3:8b", "messages": EN_PROMPT}) as resp:
        raw = resp.read().decode()
    assert "\\u003cthi" in raw and "<think>" not in raw
    fake_ollama.enqueue("/api/chat", Generate(content=legacy_think("hmm", "Texte")))
    content, thinking, _ = collect(client(fake_ollama).chat("qwen3:8b", EN_PROMPT, stream=True))
    assert content.startswith("<think>") and content.endswith("Texte") and thinking == ""


def test_gpt_oss_thinks_even_with_think_false_and_levels(fake_ollama):
    c = client(fake_ollama)
    _, thinking, _ = collect(c.chat("gpt-oss:20b", EN_PROMPT, think=False, stream=True))
    assert thinking
    _, thinking, _ = collect(c.chat("gpt-oss:20b", EN_PROMPT, think="low", stream=True))
    assert thinking
    assert fake_ollama.bodies()[-1]["think"] == "low"


# 5. non-streamed
def test_non_streamed_answer_concatenates(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(thinking=["a", "b"], content=["x", "y"]))
    resp = client(fake_ollama).chat("qwen3:8b", EN_PROMPT)
    assert resp.message.content == "xy" and resp.message.thinking == "ab" and resp.done


# 6. errors before the stream
@pytest.mark.parametrize("reply,status,text", [
    (Fail(404, "model 'x:latest' not found"), 404, "not found"),
    (BUSY, 503, "server busy"),
    (LOAD_TIMEOUT, 500, "timed out waiting"),
])
def test_http_errors_surface_as_response_error(fake_ollama, reply, status, text):
    fake_ollama.enqueue("/api/chat", reply)
    with pytest.raises(ollama.ResponseError) as info:
        list(client(fake_ollama).chat("llama3.1:8b", EN_PROMPT, stream=True))
    assert info.value.status_code == status and text in info.value.error


def test_default_validation_errors(fake_ollama):
    c = client(fake_ollama)
    with pytest.raises(ollama.ResponseError) as info:
        c.chat("nope:1b", EN_PROMPT)
    assert info.value.status_code == 404 and "nope:1b" in info.value.error
    with pytest.raises(ollama.ResponseError) as info:
        c.chat("llama3.1:8b", EN_PROMPT, think=True)
    assert info.value.status_code == 400 and "does not support thinking" in info.value.error
    with pytest.raises(ollama.ResponseError) as info:
        c.chat("llama3.1:8b", EN_PROMPT, keep_alive="300")
    assert info.value.status_code == 400
    assert httpx.get(fake_ollama.url + "/api/nothing").text == "404 page not found"
    fake_ollama.enqueue("/api/tags", FORBIDDEN)
    resp = httpx.get(fake_ollama.url + "/api/tags")
    assert resp.status_code == 403 and resp.content == b""


# 7. mid-stream error
def test_mid_stream_error_after_some_content(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(content="un deux trois quatre", error_after=2))
    got = []
    with pytest.raises(ollama.ResponseError) as info:
        for chunk in client(fake_ollama).chat("llama3.1:8b", EN_PROMPT, stream=True):
            got.append(chunk.message.content)
    assert info.value.status_code == -1 and got == ["un", " deux"]


# 8. slow start, silent gap, never-ending stream + disconnect detection
def test_slow_first_byte_hits_the_read_timeout(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(content="x", first_byte_delay=0.5))
    c = ollama.Client(fake_ollama.url, trust_env=False, timeout=httpx.Timeout(2.0, read=0.1))
    with pytest.raises(httpx.ReadTimeout):
        list(c.chat("llama3.1:8b", EN_PROMPT, stream=True))


def test_silent_gap_mid_stream(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(content="a b c d", gap_before={2: 0.5}))
    c = ollama.Client(fake_ollama.url, trust_env=False, timeout=httpx.Timeout(2.0, read=0.1))
    got = []
    with pytest.raises(httpx.ReadTimeout):
        for chunk in c.chat("llama3.1:8b", EN_PROMPT, stream=True):
            got.append(chunk.message.content)
    assert got == ["a", " b"]


def test_closing_the_generator_disconnects_within_a_chunk(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(content="x y", forever=True, chunk_delay=0.01))
    stream = client(fake_ollama).chat("llama3.1:8b", EN_PROMPT, stream=True)
    for i, _ in enumerate(stream):
        if i == 20:
            break
    stream.close()
    gone = fake_ollama.wait_for_disconnect()
    assert gone[0].path == "/api/chat" and 21 <= gone[0].lines_sent <= 23


# 9. connection refused, abrupt close
def test_connection_refused_streaming_and_not(ollama_down_url):
    c = ollama.Client(ollama_down_url, trust_env=False, timeout=2.0)
    with pytest.raises(ConnectionError):
        c.list()
    with pytest.raises(httpx.ConnectError):
        list(c.chat("llama3.1:8b", EN_PROMPT, stream=True))


def test_stopped_fake_refuses_connections():
    fake = FakeOllama()
    url = fake.url
    fake.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/api/version")


def test_abrupt_close_mid_body(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(content="a b c d e", close_after=2))
    with pytest.raises(httpx.RemoteProtocolError):
        list(client(fake_ollama).chat("llama3.1:8b", EN_PROMPT, stream=True))


# 10. pull
def test_pull_progress_and_install(fake_ollama):
    c = client(fake_ollama)
    events = list(c.pull("gemma3:12b", stream=True))
    assert events[0].status == "pulling manifest" and events[-1].status == "success"
    digests = {e.digest for e in events if e.digest}
    assert len(digests) == 3
    assert any(e.status == "verifying sha256 digest" for e in events)
    assert "gemma3:12b" in [m.model for m in c.list().models]


def test_pull_unknown_model(fake_ollama):
    c = client(fake_ollama)
    with pytest.raises(ollama.ResponseError) as info:
        list(c.pull("doesnotexist", stream=True))
    assert info.value.status_code == -1 and "file does not exist" in info.value.error
    with pytest.raises(ollama.ResponseError) as info:
        c.pull("doesnotexist")
    assert info.value.status_code == 500


# 11. load / unload
def test_load_and_unload(fake_ollama):
    c = client(fake_ollama)
    assert c.chat("qwen3:8b", [], options={"num_ctx": 8192}).done_reason == "load"
    assert [m.context_length for m in c.ps().models] == [8192]
    assert c.chat("qwen3:8b", [], keep_alive=0).done_reason == "unload"
    assert c.ps().models == []


# 12. French/emoji, byte-split multibyte characters
def test_multibyte_split_inside_a_character(fake_ollama):
    text = ["Été ", "🙂 ", "déjà ", "œuvre"]
    fake_ollama.enqueue("/api/chat", Generate(content=text, split_utf8=True))
    content, _, _ = collect(client(fake_ollama).chat("llama3.1:8b", EN_PROMPT, stream=True))
    assert content == "Été 🙂 déjà œuvre"


# 13. request bodies and headers are recorded
def test_request_bodies_and_headers_recorded(fake_ollama):
    c = client(fake_ollama)
    c.chat("qwen3:8b", EN_PROMPT, options={"num_ctx": 8192}, think="low")
    c2 = client(fake_ollama, headers={"Authorization": "Bearer s3cret"})
    c2.chat("qwen3:8b", EN_PROMPT, options={"num_ctx": 8192})
    first, second = fake_ollama.requests_to("/api/chat")
    assert first.body["stream"] is False and first.body["think"] == "low"
    assert first.body["options"]["num_ctx"] == second.body["options"]["num_ctx"] == 8192
    assert "authorization" not in first.headers
    assert second.headers["authorization"] == "Bearer s3cret"


# The default writer: plausible content for any request
def test_writer_french_prose_contains_keyword(fake_ollama):
    content, _, _ = collect(client(fake_ollama).chat("llama3.1:8b", FR_PROMPT, stream=True))
    assert "vélo électrique" in content.lower()
    assert " les " in content or " le " in content
    assert 120 <= len(content.split()) <= 400


def test_writer_answers_any_schema_with_valid_json(fake_ollama):
    schema = {"type": "object", "required": ["faq"], "properties": {"faq": {
        "type": "array", "minItems": 3, "items": {"type": "object", "required": ["question", "answer"],
        "properties": {"question": {"type": "string"}, "answer": {"type": "string"}}}}}}
    resp = client(fake_ollama).chat("llama3.1:8b", EN_PROMPT, format=schema)
    faq = json.loads(resp.message.content)["faq"]
    assert len(faq) >= 3 and all(q["question"].endswith("?") and q["answer"] for q in faq)
    assert "best hiking boots" in faq[0]["question"].lower()


def test_writer_respects_num_predict(fake_ollama):
    _, _, last = collect(client(fake_ollama).chat("llama3.1:8b", EN_PROMPT, stream=True,
                                                 options={"num_predict": 10}))
    assert last.done_reason == "length" and last.eval_count == 10


def test_per_model_behaviour_and_generate_endpoint(fake_ollama):
    fake_ollama.on_model("llama3.1:8b", Generate(content="fixed answer"))
    out = "".join(p.response for p in client(fake_ollama).generate("llama3.1:8b", "hi", stream=True))
    assert out == "fixed answer"


def test_generate_endpoint_non_streamed_and_thinking(fake_ollama):
    resp = client(fake_ollama).generate("qwen3:8b", "Main keyword: compost\nabout 80 words", think=True)
    assert "compost" in resp.response.lower() and resp.thinking and resp.done
    assert resp.done_reason == "stop" and resp.eval_count > 50


def test_health_check_and_dns_rebinding_guard(fake_ollama):
    with httpx.Client(base_url=fake_ollama.url) as http:
        assert http.get("/").text == "Ollama is running"
        head = http.head("/api/version")
        assert head.status_code == 200 and head.content == b""
        assert http.get("/api/version").json()["version"] == "0.12.6"  # same connection still fine
        evil = http.get("/api/tags", headers={"Host": "evil.example"})
        assert evil.status_code == 403 and evil.content == b""
        assert http.post("/api/tags").status_code == 405
