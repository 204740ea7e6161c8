"""Ask the model to revise one section, with precise instructions built from failing checks.

Prompts are resource files: `resources/prompts/<lang>/review_system.txt`,
`review_section.txt` and `review_instructions.txt` (one `code = text` line per problem).
The model never sees the heading line it must keep; its answer is cleaned of code fences,
repeated headings and chatty prefaces before the review loop scores it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any, Protocol

from app.core.cancel import CancelToken
from app.core.generation.events import Event, Metrics, Notice
from app.core.generation.prompts import read_prompt
from app.core.languages import pack
from app.core.models import Language
from app.core.review.problems import Problem
from app.core.review.revision import Revision, RevisionRequest

_FENCE = re.compile(r"^\s*```[\w-]*\n(.*?)\n```\s*$", re.DOTALL)
_MARKERS = re.compile(r"^\s*<<<SECTION\s*\n?|\n?\s*SECTION>>>\s*$")
_PREFACE = re.compile(r"^(here is|here's|voici|below is|ci-dessous)\b[^\n]{0,100}:\s*\n", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,2}\s")


class ChatService(Protocol):
    """What the reviser needs of `app.core.llm.OllamaService`."""

    def chat_stream(self, model: str, messages: Any, *, options: Mapping[str, Any],
                    think: bool | str | None = None, cancel: CancelToken | None = None,
                    ) -> Iterator[Any]: ...


@cache
def _instructions(language: str) -> dict[str, str]:
    table = {}
    for line in read_prompt(language, "review_instructions.txt").splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            code, text = line.split("=", 1)
            table[code.strip()] = text.strip()
    return table


def _quote(excerpt: str, language: Language) -> str:
    return pack(language.value).typography.quote(excerpt)


def instruction(problem: Problem, language: Language) -> str:
    template = _instructions(language.value).get(problem.code, "")
    params = dict(problem.params)
    if isinstance(params.get("excerpts"), list):
        params["excerpts"] = "; ".join(_quote(e, language) for e in params["excerpts"])
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def build_messages(request: RevisionRequest) -> list[dict[str, str]]:
    lang = request.language.value
    lines = []
    for problem in request.problems:
        text = instruction(problem, request.language)
        if text and f"- {text}" not in lines:
            lines.append(f"- {text}")
    user = read_prompt(lang, "review_section.txt").format(
        keyword=request.keyword, title=request.title, heading=request.heading or "—",
        instructions="\n".join(lines), words=request.words, low=round(request.words * 0.8),
        high=round(request.words * 1.2), text=request.text.strip("\n"))
    return [{"role": "system", "content": read_prompt(lang, "review_system.txt")},
            {"role": "user", "content": user}]


def clean_answer(text: str) -> str:
    """The section Markdown inside whatever the model wrapped around it."""
    text = text.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1).strip()
    text = _MARKERS.sub("", text).strip()
    text = _PREFACE.sub("", text, count=1).strip()
    lines = text.split("\n")
    while lines and (not lines[0].strip() or _HEADING.match(lines[0])):
        lines.pop(0)  # a repeated "## heading" (the loop puts the real one back)
    return "\n".join(lines).strip()


class ModelSectionReviser:
    """Revises sections through `OllamaService.chat_stream` (thinking kept apart)."""

    def __init__(self, service: ChatService, model: str, *, temperature: float = 0.4,
                 num_ctx: int | None | Callable[[], int | None] = None,
                 think: bool | str | None = None,
                 options: Mapping[str, Any] | None = None) -> None:
        self.service = service
        self.model = model
        self.temperature = temperature
        self._num_ctx = num_ctx
        self.think = think
        self.extra_options = dict(options or {})

    @classmethod
    def for_generator(cls, generator: Any, **kwargs: Any) -> ModelSectionReviser:
        """Same service, model, thinking and context window as an `ArticleGenerator`: the
        window is read when revising, so Ollama never reloads the model for the review."""
        return cls(generator.service, generator.model, think=generator.think,
                   num_ctx=lambda: generator.num_ctx, **kwargs)

    @property
    def num_ctx(self) -> int | None:
        value = self._num_ctx() if callable(self._num_ctx) else self._num_ctx
        return value or self._loaded_window()

    def _loaded_window(self) -> int | None:
        """The context window the model is loaded with, if it is: asking with another one
        would make Ollama reload it (seconds to minutes for a big model)."""
        running = getattr(self.service, "running", None)
        if running is None:
            return None
        try:
            models = running()
        except Exception:  # noqa: BLE001 - /api/ps is an optimisation, never a failure
            return None
        wanted = self.model if ":" in self.model else f"{self.model}:latest"
        for info in models:
            if info.name in (self.model, wanted) and info.context_length:
                return int(info.context_length)
        return None

    def options_for(self, messages: list[dict[str, str]], words: int) -> dict[str, Any] | None:
        """Options for one revision, or None when it cannot fit the context window."""
        prompt_tokens = sum(len(m["content"]) for m in messages) // 3 + 64
        thinking = 1024 if self.think not in (None, False) else 0
        wanted = int(words * 2.4) + 40      # the length contract (0.8–1.2x) in tokens, with room
        num_ctx = self.num_ctx or max(4096, 1 << (prompt_tokens + wanted + thinking - 1).bit_length())
        predict = min(wanted + thinking, num_ctx - prompt_tokens)
        if predict < int(words * 1.6) + thinking // 2:
            return None
        return {"temperature": self.temperature, "num_ctx": num_ctx, "num_predict": predict,
                **self.extra_options}

    def revise(self, request: RevisionRequest, cancel: CancelToken | None
               ) -> Iterator[Event | Revision]:
        messages = build_messages(request)
        options = self.options_for(messages, request.words)
        if options is None:
            yield Notice("review.section_too_long", {"section": request.section})
            return
        parts: list[str] = []
        final: Any = None
        started = time.monotonic()
        for chunk in self.service.chat_stream(self.model, messages, options=options,
                                              think=self.think, cancel=cancel):
            parts.append(chunk.content)
            if chunk.done:
                final = chunk
        text = "".join(parts)
        tokens = int(getattr(final, "eval_count", 0) or 0) or max(1, len(text) // 4)
        wall = time.monotonic() - started
        yield Metrics(output_tokens=tokens, prompt_tokens=int(getattr(final, "prompt_eval_count", 0) or 0),
                      seconds=wall, tokens_per_second=tokens / wall if wall else 0.0,
                      done_reason=str(getattr(final, "done_reason", "") or ""), chars=len(text),
                      wall_seconds=wall, step="review")
        if getattr(final, "done_reason", "") == "length":
            yield Revision("", tokens)    # cut off by its length limit: too long, or looping
            return
        yield Revision(clean_answer(text), tokens)
