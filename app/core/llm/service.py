"""What the generation flow asks of a model server, whichever backend answers it.

`OllamaService` (app/core/llm/client.py) and `OpenAIService` (app/core/llm/openai_client.py)
both provide it; `open_service` picks the one a host address names (`app.core.hosts.backend_of`).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Mapping, Sequence
from typing import Any, Protocol

from app.core.cancel import CancelToken
from app.core.hosts import OPENAI, backend_of
from app.core.llm.types import ChatChunk, ModelInfo, PullProgress, RunningModel

Message = Mapping[str, Any]


class ModelService(Protocol):
    host: str
    read_timeout: float

    def close(self) -> None: ...

    def __enter__(self) -> ModelService: ...

    def __exit__(self, *exc: object) -> None: ...

    def version(self) -> str: ...

    def list_models(self, *, details: bool = True) -> list[ModelInfo]: ...

    def show(self, name: str, *, refresh: bool = False) -> ModelInfo: ...

    def running(self) -> list[RunningModel]: ...

    def pull(self, name: str, cancel: CancelToken | None = None) -> Iterator[PullProgress]: ...

    def chat_stream(self, model: str, messages: Sequence[Message], *, options: Mapping[str, Any],
                    think: bool | str | None = None, format: dict[str, Any] | str | None = None,
                    keep_alive: str | float | None = None,
                    cancel: CancelToken | None = None) -> Generator[ChatChunk, None, None]: ...

    def chat_json_stream(self, model: str, messages: Sequence[Message], schema: dict[str, Any], *,
                         options: Mapping[str, Any], think: bool | str | None = None,
                         keep_alive: str | float | None = None, cancel: CancelToken | None = None,
                         retries: int = 2, retry_messages: Sequence[Message] | None = None,
                         ) -> Generator[ChatChunk, None, dict[str, Any]]: ...

    def chat_json(self, model: str, messages: Sequence[Message], schema: dict[str, Any],
                  **kwargs: Any) -> dict[str, Any]: ...


def open_service(host: str | None, token: str | None = None, *, connect_timeout: float = 5.0,
                 read_timeout: float = 600.0) -> ModelService:
    """The client for `host`: Ollama's, or the OpenAI-compatible one (`openai:` / `…/v1`)."""
    from app.core.hosts import resolve_host

    url = resolve_host(host)
    if backend_of(url) == OPENAI:
        from app.core.llm.openai_client import OpenAIService

        return OpenAIService(url, token, connect_timeout=connect_timeout,
                             read_timeout=read_timeout)
    from app.core.llm.client import OllamaService

    return OllamaService(url, token, connect_timeout=connect_timeout, read_timeout=read_timeout)
