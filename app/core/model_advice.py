"""Which open models to suggest for this machine, from its RAM.

Figures are for the default (Q4-class) tags Ollama serves: `download_gb` is the pull
size, `min_ram_gb` the total system memory under which the model swaps or fails to load
with a useful context (model + ~8k-token KV cache + the OS and Plume). Approximate by
nature; they only order suggestions. `strengths` are codes the UI translates.
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple


class ModelAdvice(NamedTuple):     # not a dataclass: no code generated at start-up
    name: str               # the tag to pull
    family: str
    parameters: str         # e.g. "20B", "30B (3B active)"
    download_gb: float
    min_ram_gb: int
    thinking: bool          # can reason before answering
    strengths: tuple[str, ...]  # codes: "best_quality", "french", "fast", "long_context", ...


# Best first: when several fit, the earlier one is suggested first.
CATALOGUE: tuple[ModelAdvice, ...] = (
    ModelAdvice("gpt-oss:20b", "gpt-oss", "20B", 14.0, 16, True,
                ("best_quality", "long_context")),
    ModelAdvice("mistral-small3.2", "mistral", "24B", 15.0, 24, False,
                ("french", "best_quality")),
    ModelAdvice("qwen3:30b-a3b", "qwen3", "30B (3B active)", 19.0, 24, True,
                ("fast", "long_context")),
    ModelAdvice("gemma3:12b", "gemma3", "12B", 8.1, 16, False, ("french", "balanced")),
    ModelAdvice("qwen3:14b", "qwen3", "14B", 9.3, 16, True, ("balanced", "long_context")),
    ModelAdvice("qwen3:8b", "qwen3", "8B", 5.2, 10, True, ("fast", "balanced")),
    ModelAdvice("llama3.1:8b", "llama", "8B", 4.9, 10, False, ("fast", "english")),
    ModelAdvice("gemma3:4b", "gemma3", "4B", 3.3, 6, False, ("small_machines",)),
    ModelAdvice("qwen3:4b", "qwen3", "4B", 2.5, 6, True, ("small_machines",)),
)


def suggest_models(ram_bytes: int | None, *, limit: int = 4) -> list[ModelAdvice]:
    """Models that fit in `ram_bytes`, best first. Unknown RAM → the light middle ground."""
    if ram_bytes is None:
        fitting = [m for m in CATALOGUE if m.min_ram_gb <= 16]
    else:
        ram_gb = ram_bytes / 1024**3
        fitting = [m for m in CATALOGUE if m.min_ram_gb <= ram_gb + 0.5]
        if not fitting:  # a very small machine: still say what is the least demanding
            fitting = sorted(CATALOGUE, key=lambda m: m.min_ram_gb)[:1]
    return fitting[:limit]


def advice_for(name: str) -> ModelAdvice | None:
    base = name.removesuffix(":latest")
    for advice in CATALOGUE:
        if advice.name == base:
            return advice
    return None


def total_ram_bytes() -> int | None:
    """Physical memory of this machine, or None if it cannot be told."""
    if sys.platform == "win32":
        return _windows_ram()
    try:
        pages = os.sysconf("SC_PHYS_PAGES")
        page_size = os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None
    return int(pages * page_size) if pages > 0 and page_size > 0 else None


def _windows_ram() -> int | None:  # pragma: no cover - exercised on Windows only
    import ctypes  # here, not at module level: ~2 ms of start-up on every platform

    class MemoryStatus(ctypes.Structure):
        _fields_ = [
            ("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
            ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
            ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
            ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
            ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
        ]

    status = MemoryStatus()
    status.dwLength = ctypes.sizeof(MemoryStatus)
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if not kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
        return None
    return int(status.ullTotalPhys)
