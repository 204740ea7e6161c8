"""Ollama layer: hosts, models, pull, streaming chat with thinking, structured output, errors."""

from app.core.hosts import DEFAULT_HOST, is_loopback, parse_host, resolve_host
from app.core.llm.client import OllamaService
from app.core.llm.types import ChatChunk, LayerProgress, ModelInfo, PullProgress, RunningModel

__all__ = [
    "DEFAULT_HOST", "ChatChunk", "LayerProgress", "ModelInfo", "OllamaService", "PullProgress",
    "RunningModel", "is_loopback", "parse_host", "resolve_host",
]
