"""Structured output over any backend: stream an answer constrained by a JSON schema, then
parse, repair and validate it; ask again with the problems when it does not fit."""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping, Sequence
from typing import Any

from app.core.cancel import CancelToken
from app.core.llm import jsonout
from app.core.llm.types import ChatChunk

Message = Mapping[str, Any]
ChatStream = Callable[..., Generator[ChatChunk, None, None]]


def json_stream(chat_stream: ChatStream, model: str, messages: Sequence[Message],
                schema: dict[str, Any], *, options: Mapping[str, Any],
                think: bool | str | None = None, keep_alive: str | float | None = None,
                cancel: CancelToken | None = None, retries: int = 2,
                retry_messages: Sequence[Message] | None = None,
                ) -> Generator[ChatChunk, None, dict[str, Any]]:
    """Yields the chunks of each attempt; returns the validated object (see
    `OllamaService.chat_json_stream` in app/core/llm/client.py)."""
    history = [dict(m) for m in messages]
    problems: list[str] = []
    for _attempt in range(retries + 1):
        text: list[str] = []
        final = ChatChunk()
        for chunk in chat_stream(model, history, options=options, think=think, format=schema,
                                 keep_alive=keep_alive, cancel=cancel):
            text.append(chunk.content)
            final = chunk
            yield chunk
        raw = "".join(text)
        value, problems = jsonout.parse_and_validate(raw, schema)
        if value is not None and not problems:
            return value
        if final.done_reason == "length":
            problems.append("the answer was cut off (too long); answer more briefly")
        if retry_messages is not None:
            history = [dict(m) for m in retry_messages]
        else:
            history = [*history, {"role": "assistant", "content": raw[:4000]},
                       {"role": "user", "content": jsonout.retry_prompt(problems)}]
    raise jsonout.invalid_output(model, problems)


class JsonChat:
    """`chat_json_stream` / `chat_json` for any service with a `chat_stream` (Ollama's and the
    OpenAI-compatible one share them)."""

    chat_stream: ChatStream

    def chat_json_stream(self, model: str, messages: Sequence[Message], schema: dict[str, Any], *,
                         options: Mapping[str, Any], think: bool | str | None = None,
                         keep_alive: str | float | None = None, cancel: CancelToken | None = None,
                         retries: int = 2, retry_messages: Sequence[Message] | None = None,
                         ) -> Generator[ChatChunk, None, dict[str, Any]]:
        """Like chat_stream with a JSON schema; returns the validated object (yield from).
        Invalid JSON is repaired, or asked again up to `retries` times, then InvalidModelOutput.
        A retry sends `retry_messages` (the caller's short note, in the article's language),
        else the failed answer with the list of problems."""
        return (yield from json_stream(self.chat_stream, model, messages, schema, options=options,
                                       think=think, keep_alive=keep_alive, cancel=cancel,
                                       retries=retries, retry_messages=retry_messages))

    def chat_json(self, model: str, messages: Sequence[Message], schema: dict[str, Any],
                  **kwargs: Any) -> dict[str, Any]:
        gen = self.chat_json_stream(model, messages, schema, **kwargs)
        while True:
            try:
                next(gen)
            except StopIteration as stop:
                result: dict[str, Any] = stop.value
                return result
