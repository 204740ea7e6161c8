"""A core error in the writer's language: the words of `PlumeError.code` from the language
pack's messages (resources/messages/<lang>/errors.json), filled with the error's params.

Core writes its errors in English (the command line's words) and gives those a writer may
meet in the window a code; the window asks here for the message and hint to show. An error
with no code, or a code the pack does not word, keeps its English text.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from app.core.errors import PlumeError
from app.core.languages import find


@cache
def _catalogue(language: str) -> dict[str, Any]:
    lp = find(language)
    if lp is None:
        return {}
    try:
        data = json.loads((lp.messages_dir / "errors.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def error_text(error: PlumeError, language: str) -> tuple[str, str]:
    """(message, hint) of `error` in `language`; a hint the pack does not give stays the
    error's own."""
    words = _catalogue(language)
    entry = words.get(error.code) if error.code else None
    if not isinstance(entry, dict) or "message" not in entry:
        return error.message, error.hint
    params = dict(error.params)
    detail = params.get("detail", "")
    params["detail"] = f" ({words.get('details', {}).get(detail, detail)})" if detail else ""
    seconds = params.get("seconds", "")
    params["waited"] = str(words.get("waited", "")).format(seconds=seconds) if seconds else ""
    try:
        message = str(entry["message"]).format(**params)
        hint = str(entry["hint"]).format(**params) if "hint" in entry else error.hint
    except (KeyError, IndexError, ValueError):   # a pack's text naming a param we lack
        return error.message, error.hint
    return message, hint
