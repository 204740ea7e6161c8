"""Structured output: repaired when safe, asked again when not, typed error in the end."""

import json

import pytest

from app.core.errors import InvalidModelOutput
from app.core.llm import OllamaService
from app.core.llm.jsonout import extract_json, parse_and_validate
from tests.fake_ollama import Generate

SCHEMA = {"type": "object", "required": ["faq"], "properties": {"faq": {
    "type": "array", "minItems": 2, "items": {"type": "object", "required": ["question", "answer"],
    "properties": {"question": {"type": "string"}, "answer": {"type": "string"}}}}}}
GOOD = {"faq": [{"question": "Q1 ?", "answer": "A1"}, {"question": "Q2 ?", "answer": "A2"}]}


@pytest.mark.parametrize("raw", [
    "```json\n" + json.dumps(GOOD) + "\n```",
    "Voici le JSON : " + json.dumps(GOOD) + "\n\n\n   \n",
    json.dumps(GOOD)[:-2] + ",]}",
    json.dumps(GOOD, indent=1)[:-1],                        # stopped before the last brace
])
def test_common_damage_is_repaired(raw):
    assert extract_json(raw) == GOOD


def test_validation_lists_problems():
    value, problems = parse_and_validate('{"faq": [{"question": "Q"}]}', SCHEMA)
    assert value is not None
    assert "$.faq needs at least 2 items" in problems and "$.faq[0].answer is missing" in problems


def test_invalid_answer_is_asked_again_with_the_problems(fake_ollama):
    fake_ollama.enqueue("/api/chat", Generate(content='{"faq": "nope"'), Generate(content=json.dumps(GOOD)))
    service = OllamaService(fake_ollama.url)
    value = service.chat_json("llama3.1:8b", [{"role": "user", "content": "FAQ"}], SCHEMA,
                              options={"num_ctx": 8192})
    assert value == GOOD
    second = fake_ollama.bodies()[-1]
    assert second["format"] == SCHEMA
    assert "could not be used" in second["messages"][-1]["content"]
    assert second["messages"][-2]["role"] == "assistant"


def test_still_invalid_after_retries_is_a_typed_error(fake_ollama):
    fake_ollama.enqueue("/api/chat", *[Generate(content="not json at all")] * 3)
    service = OllamaService(fake_ollama.url)
    with pytest.raises(InvalidModelOutput) as info:
        service.chat_json("llama3.1:8b", [{"role": "user", "content": "x"}], SCHEMA,
                          options={"num_ctx": 8192}, retries=2)
    assert "llama3.1:8b" in info.value.message and info.value.hint
    assert len(fake_ollama.requests_to("/api/chat")) == 3
