"""Where language packs are found, and lookup by code or alias.

Packs are the folders of `resources/languages/` that hold a `pack.json`, then those of each
folder listed in `$PLUME_LANGUAGE_PACKS` (os.pathsep-separated; a later pack with the same
code replaces an earlier one). The list is read once per process.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

from app.core.errors import InputError
from app.core.languages import methods
from app.core.languages.manifest import LanguagePack, read_manifest
from app.core.resources import resource_path

ENV_VAR = "PLUME_LANGUAGE_PACKS"


def pack_dirs() -> list[Path]:
    dirs = [resource_path("languages")]
    extra = os.environ.get(ENV_VAR, "")
    dirs += [Path(p) for p in extra.split(os.pathsep) if p.strip()]
    return dirs


def discover(dirs: list[Path]) -> dict[str, LanguagePack]:
    """Every pack under `dirs`, by code (sorted)."""
    found: dict[str, LanguagePack] = {}
    for folder in dirs:
        for manifest in sorted(folder.glob("*/pack.json")) if folder.is_dir() else ():
            lp = read_manifest(manifest)
            methods.check(lp)
            found[lp.code] = lp
    return dict(sorted(found.items()))


@cache
def _packs() -> dict[str, LanguagePack]:
    return discover(pack_dirs())


@cache
def _names() -> dict[str, str]:
    """Every spelling a user may type (code, alias, name) -> code."""
    names: dict[str, str] = {}
    for code, lp in _packs().items():
        for name in (*lp.aliases, lp.name.lower(), lp.native_name.lower(), code):
            names[name] = code
    return names


def packs() -> tuple[LanguagePack, ...]:
    return tuple(_packs().values())


def codes() -> tuple[str, ...]:
    return tuple(_packs())


def find(value: str) -> LanguagePack | None:
    """The pack for a code, alias or name ("fr", "fr-FR", "French", "français"), else None."""
    text = str(value).strip().lower().replace("_", "-")
    code = _names().get(text) or _names().get(text.split("-", 1)[0])
    return _packs()[code] if code else None


@cache
def labels(code: str) -> dict[str, str]:
    """The short texts of a pack (its prompts folder's labels.json): FAQ heading, tones…"""
    lp = pack(code)
    path = lp.prompts_dir / "labels.json"
    try:
        data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"Cannot read the labels of '{lp.code}': {exc}", hint=f"Fix {path}.") from None
    return data


@cache
def faq_headings() -> tuple[str, ...]:
    """Every name an FAQ section goes by in the installed languages ("FAQ", "Foire aux
    questions", "Oftaj demandoj"…): each pack's label and its other names."""
    names = ["FAQ", "FAQs"]
    for lp in packs():
        names += [labels(lp.code).get("faq_heading", ""), *lp.faq_headings]
    return tuple(dict.fromkeys(n for n in names if n))


def pack(value: str) -> LanguagePack:
    """The pack for `value`; InputError naming the installed languages when there is none."""
    found = _packs().get(value) if isinstance(value, str) else None
    found = found or find(value)
    if found is None:
        raise InputError(
            f"Unknown article language '{value}'.",
            hint=f"Installed languages: {', '.join(codes())}. A language is added as a pack "
                 f"(resources/languages/<code>/pack.json, or a folder in ${ENV_VAR}).")
    return found
