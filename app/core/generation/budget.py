"""Token budget: one `num_ctx` per job, an output cap per call, and checks that nothing overflows.

Ollama silently truncates a prompt that does not fit `num_ctx` (or shifts the window while
generating), so before every call we estimate prompt + expected output (+ the thinking
budget of reasoning models) and compare with the window we chose. Estimates are
deliberately pessimistic (3.2 characters per token; real tokenizers give 3.5–4.5 for
French and English prose).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.errors import ContextTooSmall
from app.core.languages import pack
from app.core.llm.thinking import wants_thinking
from app.core.llm.types import ModelInfo
from app.core.models import Brief

CHARS_PER_TOKEN = 3.2
MESSAGE_OVERHEAD = 8
UNKNOWN_CONTEXT = 8192          # old servers do not report the trained context
MIN_NUM_CTX = 4096              # Ollama's own default: small models on small machines
CTX_STEP = 2048
MAX_WORDS_PER_CALL = 700        # longer sections are written in several calls
MIN_WORDS_PER_CALL = 120
PLAN_OUTPUT_TOKENS = 900        # the largest bounded plan answer (see schemas.max_tokens)
THINKING_TOKENS = {"low": 1024, "medium": 2048, "high": 4096}
PROMPT_OVERHEAD_TOKENS = 900    # system prompt + outline + instructions of a section call


def estimate_tokens(text: str) -> int:
    return math.ceil(len(text) / CHARS_PER_TOKEN)


def messages_tokens(messages: Sequence[Mapping[str, Any]]) -> int:
    return sum(estimate_tokens(str(m.get("content") or "")) + MESSAGE_OVERHEAD for m in messages)


def thinking_budget(info: ModelInfo, think: bool | str | None) -> int:
    """Tokens reserved for reasoning (it counts against num_predict and the window)."""
    if not info.can_think:
        return 0
    if info.thinks_always or think is None or wants_thinking(think):
        level = think.lower() if isinstance(think, str) else "medium"
        return THINKING_TOKENS.get("high" if level == "max" else level, THINKING_TOKENS["medium"])
    return 0


@dataclass(frozen=True, slots=True)
class JobBudget:
    num_ctx: int
    thinking: int
    tokens_per_word: float
    words_per_call: int

    @classmethod
    def for_job(cls, info: ModelInfo, brief: Brief, think: bool | str | None,
                num_ctx: int | None = None) -> JobBudget:
        """Pick num_ctx once: the smallest step of 4096 ≥ 8192 that fits the largest call."""
        limit = info.context_length or UNKNOWN_CONTEXT
        thinking = thinking_budget(info, think)
        per_word = pack(brief.language.value).tokens_per_word
        words = max(MIN_WORDS_PER_CALL, min(MAX_WORDS_PER_CALL, int(brief.target_words * 0.35)))
        brief_tokens = estimate_tokens(brief.instructions + " ".join(brief.secondary_keywords))
        overhead = PROMPT_OVERHEAD_TOKENS + brief_tokens
        need = max(overhead + int(words * per_word * 1.3) + thinking,
                   overhead + PLAN_OUTPUT_TOKENS + thinking)
        if num_ctx:
            chosen = min(num_ctx, limit)
        else:
            chosen = max(MIN_NUM_CTX, math.ceil(need / CTX_STEP) * CTX_STEP)
            chosen = min(chosen, limit)
        room = chosen - overhead - thinking
        words = min(words, int(room / (per_word * 1.3)))
        if words < MIN_WORDS_PER_CALL or room < PLAN_OUTPUT_TOKENS // 2:
            raise ContextTooSmall(
                f"The model '{info.name}' has a context window of {limit} tokens; an article step "
                f"needs about {need} (prompt {overhead}, output, thinking {thinking}).")
        return cls(chosen, thinking, per_word, words)

    def output_tokens(self, words: int) -> int:
        """num_predict for a prose call of `words` words: room for 1.6x the words (the
        stream is stopped near the target, see steps.LengthWatch) + thinking."""
        return int(words * self.tokens_per_word * 1.6) + 40 + self.thinking

    def json_tokens(self, base: int) -> int:
        return base + self.thinking

    def check(self, messages: Sequence[Mapping[str, Any]], num_predict: int, what: str) -> int:
        """Raise ContextTooSmall if prompt + output would not fit; returns the prompt estimate."""
        prompt = messages_tokens(messages)
        if prompt + num_predict > self.num_ctx:
            raise ContextTooSmall(
                f"The {what} needs about {prompt} prompt tokens plus {num_predict} for the answer, "
                f"more than the {self.num_ctx}-token window chosen for this article.")
        return prompt

    def options(self, num_predict: int, temperature: float, seed: int | None) -> dict[str, Any]:
        options: dict[str, Any] = {"num_ctx": self.num_ctx, "num_predict": num_predict,
                                   "temperature": temperature}
        if seed is not None:
            options["seed"] = seed
        return options

    def looks_truncated(self, prompt_estimate: int, prompt_eval_count: int | None) -> bool:
        """Ollama reports far fewer prompt tokens than a large prompt should have: it cut it.
        (Small counts on small prompts are KV-cache hits, not truncation.)"""
        if not prompt_eval_count:
            return False
        return prompt_estimate > self.num_ctx * 0.5 and prompt_eval_count < prompt_estimate * 0.5


@dataclass(frozen=True, slots=True)
class ArticleShape:
    """How the target length is shared out: introduction, outline sections, FAQ."""

    intro_words: int
    sections: int
    faq_items: int
    faq_answer_words: int

    @classmethod
    def for_brief(cls, brief: Brief) -> ArticleShape:
        target = brief.target_words
        intro = max(40, min(150, round(target * 0.1)))
        faq_words = max(60, min(300, round(target * 0.2))) if brief.options.faq else 0
        items = max(2, min(5, faq_words // 45)) if faq_words else 0
        answer = max(25, min(80, faq_words // items)) if items else 0
        body = max(120, target - intro - faq_words)
        sections = max(2 if target < 300 else 3, min(12, round(body / 180)))
        return cls(intro, sections, items, answer)

    def body_words(self, brief: Brief) -> int:
        return max(120, brief.target_words - self.intro_words - self.faq_items * self.faq_answer_words)
