"""One model call of the pipeline, relayed as events: budget check, stream, metrics, notices."""

from __future__ import annotations

import time
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.cancel import CancelToken
from app.core.errors import GenerationError
from app.core.generation.budget import JobBudget
from app.core.generation.events import Event, Metrics, Notice, TextDelta, ThinkingDelta
from app.core.llm.client import OllamaService
from app.core.llm.types import ChatChunk

Messages = Sequence[Mapping[str, Any]]


class HeadingFilter:
    """Drops a heading line the model puts at the very start of a section despite the prompt.

    Holds back at most the first line (or 200 characters) of the stream, then passes
    everything through untouched, so streaming stays smooth.
    """

    def __init__(self, active: bool = True) -> None:
        self._deciding = active
        self._held = ""
        self._trim_newlines = False   # after a dropped heading, skip the blank line too

    def feed(self, text: str) -> str:
        if self._trim_newlines:
            text = text.lstrip("\n")
            if not text:
                return ""
            self._trim_newlines = False
        if not self._deciding:
            return text
        self._held += text
        stripped = self._held.lstrip()
        if not stripped:
            return ""
        if not stripped.startswith("#"):
            return self._release(stripped)
        if "\n" in stripped:
            rest = stripped.split("\n", 1)[1].lstrip("\n")
            self._trim_newlines = not rest
            return self._release(rest)
        if len(stripped) > 200:
            return self._release(stripped)
        return ""

    def flush(self) -> str:
        if not self._deciding:
            return ""
        held = self._held.lstrip()
        return self._release("" if held.startswith("#") and "\n" not in held else held)

    def _release(self, text: str) -> str:
        self._deciding = False
        self._held = ""
        return text


@dataclass(slots=True)
class CallResult:
    text: str
    final: ChatChunk


class StepRunner:
    """Runs calls with one job's budget and options; yields TextDelta/ThinkingDelta/Metrics."""

    def __init__(self, service: OllamaService, model: str, budget: JobBudget, *,
                 think: bool | str | None, temperature: float, seed: int | None,
                 keep_alive: str | None, cancel: CancelToken | None) -> None:
        self.service = service
        self.model = model
        self.budget = budget
        self.think = think
        self.temperature = temperature
        self.seed = seed
        self.keep_alive = keep_alive
        self.cancel = cancel
        self._streamed: list[str] = []   # text of the section in progress (kept on failure)

    @property
    def streamed(self) -> str:
        return "".join(self._streamed)

    @streamed.setter
    def streamed(self, value: str) -> None:
        self._streamed = [value] if value else []

    def prose(self, messages: Messages, *, words: int, section: int, what: str,
              strip_heading: bool = True) -> Generator[Event, None, CallResult]:
        num_predict = self.budget.output_tokens(words)
        prompt = self.budget.check(messages, num_predict, what)
        options = self.budget.options(num_predict, self.temperature, self.seed)
        heading_filter = HeadingFilter(strip_heading)
        parts: list[str] = []
        final = ChatChunk()
        started = time.monotonic()
        for chunk in self.service.chat_stream(self.model, messages, options=options, think=self.think,
                                              keep_alive=self.keep_alive, cancel=self.cancel):
            if chunk.thinking:
                yield ThinkingDelta(chunk.thinking)
            text = heading_filter.feed(chunk.content) if chunk.content else ""
            if chunk.done:
                text += heading_filter.flush()
                final = chunk
            if text:
                parts.append(text)
                self._streamed.append(text)
                yield TextDelta(section, text)
        yield from self._after(final, prompt, started, what, section)
        text = "".join(parts)
        if not text.strip() and final.done_reason == "length":
            err = GenerationError(
                f"The model spent its whole output budget thinking and wrote nothing for the {what}.",
                hint="Lower the thinking level (or turn thinking off) and try again.")
            raise err
        return CallResult(text, final)

    def json(self, messages: Messages, schema: dict[str, Any], *, output_tokens: int,
             what: str) -> Generator[Event, None, dict[str, Any]]:
        num_predict = self.budget.json_tokens(output_tokens)
        prompt = self.budget.check(messages, num_predict, what)
        options = self.budget.options(num_predict, min(self.temperature, 0.4), self.seed)
        started = time.monotonic()
        final = ChatChunk()
        stream = self.service.chat_json_stream(self.model, messages, schema, options=options,
                                               think=self.think, keep_alive=self.keep_alive,
                                               cancel=self.cancel)
        while True:
            try:
                chunk = next(stream)
            except StopIteration as stop:
                value: dict[str, Any] = stop.value
                break
            if chunk.thinking:
                yield ThinkingDelta(chunk.thinking)
            if chunk.done:
                final = chunk
        yield from self._after(final, prompt, started, what, 0)
        return value

    def _after(self, final: ChatChunk, prompt_estimate: int, started: float, what: str,
               section: int) -> Generator[Event, None, None]:
        seconds = (final.eval_duration_ns or 0) / 1e9 or (time.monotonic() - started)
        tokens = final.eval_count or 0
        yield Metrics(output_tokens=tokens, prompt_tokens=final.prompt_eval_count or 0,
                      seconds=seconds, tokens_per_second=final.tokens_per_second or (
                          tokens / seconds if seconds else 0.0),
                      done_reason=final.done_reason)
        if self.budget.looks_truncated(prompt_estimate, final.prompt_eval_count):
            yield Notice("prompt_truncated", {"step": what, "expected_tokens": prompt_estimate,
                                              "evaluated_tokens": final.prompt_eval_count,
                                              "num_ctx": self.budget.num_ctx})
        if final.done_reason == "length":
            yield Notice("output_truncated", {"step": what, "section": section})
