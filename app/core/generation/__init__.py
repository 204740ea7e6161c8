"""Generation pipeline: brief → plan → sections → FAQ → article, as typed events.

`ArticleGenerator` is imported lazily so that importing `app.core.generation.events`
(done early by the GUI) does not load the ollama client.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ArticleGenerator", "assemble", "enforce_invariants"]


def __getattr__(name: str) -> Any:
    if name == "ArticleGenerator":
        from app.core.generation.pipeline import ArticleGenerator

        return ArticleGenerator
    if name in ("assemble", "enforce_invariants"):
        from app.core.generation import assemble as module

        return getattr(module, name)
    raise AttributeError(name)
