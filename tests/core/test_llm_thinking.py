"""Reasoning never reaches the article: legacy <think> tags, wherever the chunks split them."""

import pytest

from app.core.llm.thinking import ThinkTagSplitter, think_value
from app.core.llm.types import ModelInfo

RAW = "<think>Let me plan: 3 parts.</think>\n\nLe vélo électrique coûte 1 500 € <b>en moyenne</b>."


def split_at(points):
    pieces, last = [], 0
    for p in points:
        pieces.append(RAW[last:p])
        last = p
    pieces.append(RAW[last:])
    splitter = ThinkTagSplitter()
    thinking = content = ""
    for piece in pieces:
        t, c = splitter.feed(piece)
        thinking, content = thinking + t, content + c
    t, c = splitter.flush()
    return thinking + t, content + c


@pytest.mark.parametrize("cut", range(1, len(RAW)))
def test_tags_split_anywhere_go_to_thinking(cut):
    thinking, content = split_at([cut])
    assert thinking == "Let me plan: 3 parts."
    assert content == "\n\nLe vélo électrique coûte 1 500 € <b>en moyenne</b>."


def test_one_char_per_chunk():
    thinking, content = split_at(range(1, len(RAW)))
    assert "<think>" not in content and "plan" in thinking and content.endswith("moyenne</b>.")


def test_unclosed_think_stays_thinking_and_plain_text_passes():
    splitter = ThinkTagSplitter()
    assert splitter.feed("a < b and c <thi") == ("", "a < b and c ")
    assert splitter.feed("nk>reasoning") == ("reasoning", "")
    assert splitter.flush() == ("", "")


GPT = ModelInfo("gpt-oss:20b", "gptoss", capabilities=frozenset({"completion", "thinking"}))
QWEN = ModelInfo("qwen3:8b", "qwen3", capabilities=frozenset({"completion", "thinking"}))
LLAMA = ModelInfo("llama3.1:8b", "llama", capabilities=frozenset({"completion"}))


def test_think_values_per_model():
    assert think_value(GPT, True) == "medium" and think_value(GPT, False) == "low"
    assert think_value(GPT, "max") == "high" and think_value(GPT, "low") == "low"
    assert think_value(QWEN, "high") is True and think_value(QWEN, False) is False
    assert think_value(LLAMA, True) is None and think_value(LLAMA, False) is None
    assert think_value(QWEN, None) is None
    assert GPT.think_levels == ("low", "medium", "high") and QWEN.think_levels == ()
