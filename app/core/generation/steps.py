"""One model call of the pipeline, relayed as events: budget check, stream, metrics, notices."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.cancel import CancelToken
from app.core.errors import GenerationError, InvalidModelOutput
from app.core.generation.budget import JobBudget
from app.core.generation.events import Event, Metrics, Notice, TextDelta, ThinkingDelta
from app.core.generation.guards import EchoIndex, ends_sentence, loop_start, trim_to_sentence
from app.core.generation.schemas import max_tokens
from app.core.llm.service import ModelService
from app.core.llm.types import ChatChunk
from app.core.textutil import count_words

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
    stopped: str = ""      # "" the model finished · "length" its output limit · "enough" we
    #                        stopped at the word target · "loop" it repeated itself · "time"
    #                        · "drift" it went on in code or another language


STREAM_SAMPLE = 20     # chunks a stopped stream needs before its speed is taken


@dataclass(slots=True)
class Pace:
    """The model's measured speed in this job (tokens/s), for the wall-time caps."""

    output: float = 0.0
    prompt: float = 0.0
    margin: float = 30.0       # seconds added to every cap (a cold model, a busy machine)

    reported: bool = False     # `output` comes from a server's statistics

    def learn(self, final: ChatChunk) -> None:
        if final.eval_count and final.eval_duration_ns:
            self.output = final.eval_count / (final.eval_duration_ns / 1e9)
            self.reported = True
        if final.prompt_eval_count and final.prompt_eval_duration_ns:
            self.prompt = final.prompt_eval_count / (final.prompt_eval_duration_ns / 1e9)

    def learn_stream(self, tokens: int, seconds: float) -> None:
        """A stream Plume stopped sends no statistics: its output speed from its chunks
        (Ollama sends a token per chunk), until an answer reports one."""
        if tokens >= STREAM_SAMPLE and seconds > 0 and not self.reported:
            self.output = tokens / seconds

    def cap(self, prompt_tokens: int, output_tokens: int) -> float:
        """Seconds a call may take: twice what the measured speed needs, plus a margin for
        a cold model; generous (but finite) until a first call was measured."""
        if self.output <= 0:
            return max(180.0, output_tokens / 2.0)
        prompt_s = prompt_tokens / self.prompt if self.prompt > 0 else prompt_tokens / 100
        return self.margin + 2.0 * (prompt_s + output_tokens / self.output)


class LengthWatch:
    """Stops a prose answer once it has its words: at a sentence end past the target, or
    at a sentence end past 1.3x (small models rarely stop on their own). Words the model
    copied from its prompt (`echo`) do not count. With `finish` (a stream checked at every
    sentence end), a sentence still being written past the target is let finish, up to
    1.3x, rather than thrown away."""

    def __init__(self, words: int, echo: EchoIndex | None = None, finish: bool = False) -> None:
        self.words = words
        self.hard = int(words * 1.3) + 10
        self.echo = echo
        self.finish = finish

    def _count(self, text: str) -> int:
        return count_words(self.echo.drop(text) if self.echo is not None else text)

    def cut(self, text: str) -> int | None:
        """Where to end `text`, or None to let the model go on."""
        if count_words(text) < self.words or self._count(text) < self.words:
            return None
        if self.finish and not ends_sentence(text) and self._count(text) < self.hard:
            return None
        end = len(trim_to_sentence(text))    # the last whole sentence: less thrown away than
        if ends_sentence(text[:end]) and self._count(text[:end]) >= self.words:   # a paragraph
            return end
        end = text.rfind("\n\n")
        if end > 0 and self._count(text[:end]) >= self.words:
            return end
        if self._count(text) >= self.hard:     # a run-on sentence: cut at its words
            return len(trim_to_sentence(text))
        return None


CHECK_EVERY = 160   # characters between two loop/length/drift checks of a stream, at most
CHECK_AT_BOUNDARY = 24   # characters since the last check after which a sentence or line end is checked
_BOUNDARY = re.compile(r"[.!?\n]")
DRIFT_WINDOW = 600  # characters: the latest stretch of a stream checked for drift
SMALL_DRIFT_START = 320   # characters a small model's stream has before it is first checked


def drifted(text: str, usable: Callable[[str], str], start: int = DRIFT_WINDOW) -> bool:
    """The latest DRIFT_WINDOW characters of `text` (all of it, once it has `start`) are
    less than a quarter article text."""
    if len(text) < start:
        return False
    window = text[-DRIFT_WINDOW:]
    return len(usable(window).strip()) * 4 < len(window)
CHARS_PER_TOKEN_MAX = 16   # longer "tokens" are a broken server, not text
def next_section(kept: str, text: str, words: int, levels: int = 2) -> int | None:
    """Where the model starts a new section (a heading of `levels` or fewer #) in `text` once
    it has written half of its `words` in text of its own (`kept`: `text` without what it
    copied from the prompt), or None. (Headings before that are dropped with the answer's
    other non-prose lines.)"""
    if count_words(kept) < min(30, words // 2):
        return None
    for m in re.finditer(rf"\n#{{1,{levels}}} ", text):
        if text[:m.start()].strip() and m.start() >= len(text) - len(kept) - 1:
            return m.start()
    return None


class StepRunner:
    """Runs calls with one job's budget and options; yields TextDelta/ThinkingDelta/Metrics.
    Every call is bounded in tokens (num_predict) and in time (Pace.cap)."""

    def __init__(self, service: ModelService, model: str, budget: JobBudget, *,
                 think: bool | str | None, temperature: float, seed: int | None,
                 keep_alive: str | None, cancel: CancelToken | None, pace: Pace | None = None,
                 extra_options: Mapping[str, Any] | None = None, eager: bool = False) -> None:
        """`eager`: streams are also checked at sentence and line ends (small models rarely
        stop on their own: what they write past a cut is thrown away); otherwise every
        CHECK_EVERY characters, so a model that stops by itself sends its final statistics."""
        self.service = service
        self.model = model
        self.budget = budget
        self.think = think
        self.temperature = temperature
        self.seed = seed
        self.keep_alive = keep_alive
        self.cancel = cancel
        self.pace = pace or Pace()
        self.extra_options = dict(extra_options or {})   # prose options for this model
        self.eager = eager
        self._streamed: list[str] = []   # text of the section in progress (kept on failure)

    @property
    def streamed(self) -> str:
        return "".join(self._streamed)

    @streamed.setter
    def streamed(self, value: str) -> None:
        self._streamed = [value] if value else []

    def prose(self, messages: Messages, *, words: int, section: int, what: str,
              strip_heading: bool = True, extra: Mapping[str, Any] | None = None,
              show: bool = True, one_section: bool = False, echo: EchoIndex | None = None,
              usable: Callable[[str], str] | None = None, drift_start: int = DRIFT_WINDOW,
              lead: str = "", levels: int = 2) -> Generator[Event, None, CallResult]:
        """A prose answer, streamed as TextDelta when `show` (not for a text outline). With
        `one_section`, the answer ends where the model starts an H1/H2 (a heading of `levels`
        or fewer #) after some text. With
        `usable` (what of a text would stay article text), the stream stops once its latest
        DRIFT_WINDOW characters (from `drift_start` on) are mostly not (code, another language): no tokens spent on
        what would be thrown away. `lead`: the words the prefilled answer ends with, which the
        model continues: shown first and part of the answer's text (not of what it generated)."""
        num_predict = self.budget.output_tokens(words)
        prompt = self.budget.check(messages, num_predict, what)
        options = {**self.budget.options(num_predict, self.temperature, self.seed),
                   **self.extra_options, **(extra or {})}
        heading_filter = HeadingFilter(strip_heading)
        watch = LengthWatch(words, echo, finish=self.eager)
        parts: list[str] = [lead] if lead else []
        if lead and show:
            self._streamed.append(lead)
            yield TextDelta(section, lead)
        final = ChatChunk()
        stopped = ""
        started = time.monotonic()
        deadline = started + self.pace.cap(prompt, num_predict)
        checked = 0
        size = thought = 0
        chunks, first_at = 0, 0.0
        most = num_predict * CHARS_PER_TOKEN_MAX     # no token is longer: a bigger answer is not text
        stream = self.service.chat_stream(self.model, messages, options=options, think=self.think,
                                          keep_alive=self.keep_alive, cancel=self.cancel)
        with contextlib.closing(stream):
            for chunk in stream:
                if chunk.thinking:
                    thought += len(chunk.thinking)
                    yield ThinkingDelta(chunk.thinking[:most])
                if size + len(chunk.content) > most or thought > most:
                    stopped = "length"      # a runaway answer or thinking: keep what came
                    break
                if chunk.content:
                    chunks += 1
                    first_at = first_at or time.monotonic()
                content = chunk.content.lstrip(" ") if lead and not size else chunk.content   # after the lead's space
                text = heading_filter.feed(content) if content else ""
                if chunk.done:
                    text += heading_filter.flush()
                    final = chunk
                if text:
                    parts.append(text)
                    size += len(text)
                    if show:
                        self._streamed.append(text)
                        yield TextDelta(section, text)
                if chunk.done:
                    break
                if (size - checked >= CHECK_EVERY or (one_section and "#" in text)
                        or (self.eager and size - checked >= CHECK_AT_BOUNDARY and _BOUNDARY.search(text))):
                    checked = size
                    joined = "".join(parts)
                    loop_at = loop_start(joined)
                    cut = loop_at if loop_at is not None else watch.cut(joined)
                    if cut is None and one_section:
                        cut = next_section(echo.drop(joined) if echo is not None else joined, joined,
                                           words, levels)
                    if cut is not None:
                        parts, stopped = [joined[:cut]], "loop" if loop_at is not None else "enough"
                        break
                    if usable is not None and drifted(joined, usable, drift_start):
                        stopped = "drift"
                        break
                if time.monotonic() > deadline:
                    stopped = "time"
                    break
        text = "".join(parts)     # (a lead alone is no answer: vet_prose says so)
        generated = size
        if not final.done:
            self.pace.learn_stream(chunks - 1, time.monotonic() - first_at if first_at else 0.0)
        if not stopped and final.done_reason == "length":
            stopped = "length"
        if stopped != "enough":
            loop_at = loop_start(text)
            if loop_at is not None:
                text, stopped = text[:loop_at], "loop"
        if stopped in ("length", "time", "loop", "drift"):
            text = trim_to_sentence(text)
        yield from self._after(final, prompt, started, what, section, generated, stopped)
        if not text.strip() and final.done_reason == "length" and self.budget.thinking:
            err = GenerationError(
                f"The model spent its whole output budget thinking and wrote nothing for the {what}.",
                hint="Lower the thinking level (or turn thinking off) and try again.")
            raise err
        return CallResult(text, final, stopped)

    def json(self, messages: Messages, schema: dict[str, Any], *, what: str,
             retry_messages: Messages | None = None, retries: int = 1,
             ) -> Generator[Event, None, dict[str, Any]]:
        num_predict = self.budget.json_tokens(max_tokens(schema))
        prompt = self.budget.check(messages, num_predict, what)
        options = self.budget.options(num_predict, min(self.temperature, 0.4), self.seed)
        started = time.monotonic()
        deadline = started + self.pace.cap(prompt, num_predict) * (retries + 1)
        final = ChatChunk()
        size = 0
        stream = self.service.chat_json_stream(self.model, messages, schema, options=options,
                                               think=self.think, keep_alive=self.keep_alive,
                                               cancel=self.cancel, retries=retries,
                                               retry_messages=retry_messages)
        with contextlib.closing(stream):
            while True:
                try:
                    chunk = next(stream)
                except StopIteration as stop:
                    value: dict[str, Any] = stop.value
                    break
                if chunk.thinking:
                    yield ThinkingDelta(chunk.thinking)
                size += len(chunk.content)
                if size > num_predict * CHARS_PER_TOKEN_MAX:
                    yield from self._after(final, prompt, started, what, 0, size, "length")
                    raise InvalidModelOutput(f"The model's answer for the {what} was far too long.")
                if chunk.done:
                    final = chunk
                    yield from self._after(final, prompt, started, what, 0, size, "")
                    started, size = time.monotonic(), 0
                elif time.monotonic() > deadline:
                    yield from self._after(final, prompt, started, what, 0, size, "time")
                    raise InvalidModelOutput(f"The model took too long to answer the {what}.")
        return value

    def _after(self, final: ChatChunk, prompt_estimate: int, started: float, what: str,
               section: int, chars: int, stopped: str) -> Generator[Event, None, None]:
        wall = time.monotonic() - started
        seconds = (final.eval_duration_ns or 0) / 1e9 or wall
        tokens = final.eval_count or round(chars / 3.5)
        self.pace.learn(final)
        yield Metrics(output_tokens=tokens, prompt_tokens=final.prompt_eval_count or 0,
                      seconds=seconds, tokens_per_second=final.tokens_per_second or (
                          tokens / seconds if seconds else 0.0),
                      done_reason=final.done_reason or stopped, chars=chars, wall_seconds=wall,
                      step=what)
        if self.budget.looks_truncated(prompt_estimate, final.prompt_eval_count):
            yield Notice("prompt_truncated", {"step": what, "expected_tokens": prompt_estimate,
                                              "evaluated_tokens": final.prompt_eval_count,
                                              "num_ctx": self.budget.num_ctx})
        if final.done_reason == "length":
            yield Notice("output_truncated", {"step": what, "section": section})
        if stopped == "time":
            yield Notice("step_time_capped", {"step": what, "section": section})
