"""Find bundled resources from a source checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    here = Path(__file__).resolve().parent.parent  # app/
    candidates += [here / "resources", here.parent / "resources"]
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError("Plume's resources folder is missing: " + ", ".join(map(str, candidates)))


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@cache
def read_text(*parts: str) -> str:
    """A resource's text, read once per process (resources do not change while Plume runs)."""
    return resource_path(*parts).read_text(encoding="utf-8")
