"""What the Ollama layer returns: plain dataclasses, no ollama/pydantic types leak out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

THINK_LEVELS = ("low", "medium", "high")
_LEVEL_FAMILIES = ("gptoss", "gpt-oss")

TINY_BILLIONS = 0.5   # under this many billion parameters, a model is "tiny" (see is_tiny)


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    family: str = ""
    parameter_size: str = ""
    quantization: str = ""
    size_bytes: int = 0
    context_length: int = 0                 # trained context; 0 = unknown (old server)
    capabilities: frozenset[str] = frozenset()
    modified: dt.datetime | None = None
    capabilities_known: bool = True         # False: server < v0.6.4, capabilities inferred

    @property
    def billions(self) -> float | None:
        """Parameters in billions from `parameter_size` ("268.10M", "8.2B"), None if unknown."""
        text = self.parameter_size.strip().upper()
        scale = {"M": 1e-3, "B": 1.0, "T": 1e3}.get(text[-1:], 0.0)
        try:
            return float(text[:-1]) * scale if scale else None
        except ValueError:
            return None

    @property
    def is_small(self) -> bool:
        """Under 2 billion parameters: prompts are kept to the essentials."""
        size = self.billions
        return size is not None and size < 2.0

    @property
    def is_tiny(self) -> bool:
        """Under 0.5 billion parameters (Gemma 3 270M): too small to plan in JSON or to
        revise its own text; the rules and the brief do those parts."""
        size = self.billions
        return size is not None and size < TINY_BILLIONS

    @property
    def can_think(self) -> bool:
        return "thinking" in self.capabilities

    @property
    def can_complete(self) -> bool:
        return "completion" in self.capabilities or not self.capabilities

    @property
    def think_levels(self) -> tuple[str, ...]:
        """Levels accepted by `think` ("low"/"medium"/"high" for gpt-oss), else ()."""
        family = self.family.lower()
        name = self.name.lower()
        if self.can_think and (family in _LEVEL_FAMILIES or name.startswith("gpt-oss")):
            return THINK_LEVELS
        return ()

    @property
    def thinks_always(self) -> bool:
        """gpt-oss ignores think:false; its trace cannot be turned off."""
        return bool(self.think_levels)


@dataclass(frozen=True, slots=True)
class LayerProgress:
    digest: str
    completed: int
    total: int


@dataclass(frozen=True, slots=True)
class PullProgress:
    status: str
    digest: str = ""
    completed: int = 0                     # bytes done for `digest`
    total: int = 0                         # bytes of `digest`
    overall_fraction: float = 0.0          # 0..1 over every layer seen so far
    layers: tuple[LayerProgress, ...] = ()

    @property
    def done(self) -> bool:
        return self.status == "success"

    @property
    def bytes_done(self) -> int:
        return sum(layer.completed for layer in self.layers)

    @property
    def bytes_total(self) -> int:
        return sum(layer.total for layer in self.layers)


@dataclass(frozen=True, slots=True)
class RunningModel:
    name: str
    size_bytes: int = 0
    size_vram: int = 0
    context_length: int = 0                # the num_ctx the runner was loaded with
    expires_at: dt.datetime | None = None

    @property
    def partly_on_cpu(self) -> bool:
        return 0 < self.size_vram < self.size_bytes


@dataclass(frozen=True, slots=True)
class ChatChunk:
    content: str = ""
    thinking: str = ""
    done: bool = False
    done_reason: str = ""
    prompt_eval_count: int | None = None
    eval_count: int | None = None
    eval_duration_ns: int | None = None
    total_duration_ns: int | None = None
    load_duration_ns: int | None = None
    prompt_eval_duration_ns: int | None = None

    @property
    def tokens_per_second(self) -> float:
        if self.eval_count and self.eval_duration_ns:
            return self.eval_count / self.eval_duration_ns * 1e9
        return 0.0


@dataclass(slots=True)
class ChatResult:
    """A whole answer collected from a stream."""

    content: str = ""
    thinking: str = ""
    final: ChatChunk = field(default_factory=ChatChunk)
