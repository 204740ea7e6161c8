"""YAML front matter: a careful hand-written emitter and a YAML 1.2-minded reader.

Writing is by hand so the output is stable and readable (key order, one line per key,
every string double-quoted and escaped, so quotes, colons, `#`, `---`, accents, emojis and
newlines are all safe). Reading uses PyYAML's safe loader, tuned so `no`, `on`, `010` or
`10:30` stay what a writer meant (YAML 1.1 would turn them into booleans and numbers).
Hugo's TOML front matter (`+++`) is read too. This is the one front-matter reader: export,
import and `plume analyze` all go through `split`.

Keywords: `keywords:` (a list, or comma-separated text) holds the main keyword first. Many
static sites use `keyword:` (one keyphrase) or `focus_keyword:` instead; `split` reads those
as the main keyword too (first in `keywords`) and keeps the original key, so it is written
back on export.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from collections.abc import Mapping
from typing import Any

import yaml

from app.core.errors import InputError

_SIMPLE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
# Characters YAML readers refuse raw, or that would change the line structure.
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]')


def quote(text: str) -> str:
    """A YAML double-quoted scalar holding exactly `text`."""

    def _escape(match: re.Match[str]) -> str:
        char = match.group(0)
        return _ESCAPES.get(char) or f"\\u{ord(char):04x}"

    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def scalar(value: Any) -> str:
    """One value as YAML on a single line (flow style for lists and mappings)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (
            repr(value)
            if value == value and value not in (float("inf"), float("-inf"))
            else quote(str(value))
        )
    if isinstance(value, _dt.datetime | _dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key(str(k))}: {scalar(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    return quote(str(value))


def key(name: str) -> str:
    return name if _SIMPLE_KEY.match(name) else quote(name)


def dump(fields: Mapping[str, Any]) -> str:
    """`---` block (with its closing line) for the given ordered fields."""
    lines = ["---", *(f"{key(k)}: {scalar(v)}" for k, v in fields.items()), "---"]
    return "\n".join(lines) + "\n"


# ---- Reading -----------------------------------------------------------------------------


def _compose_without_aliases(loader: Any, parent: Any, index: Any) -> Any:
    """Anchors/aliases are refused: a few lines of them can expand to gigabytes on export."""
    if loader.check_event(yaml.AliasEvent):
        mark = loader.peek_event().start_mark
        raise yaml.composer.ComposerError(None, None, "aliases (*name) are not supported", mark)
    return yaml.SafeLoader.compose_node(loader, parent, index)


# SafeLoader with YAML 1.2 core-schema booleans and numbers, and no aliases.
_Loader: Any = type("_Loader", (yaml.SafeLoader,), {"compose_node": _compose_without_aliases})

_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)


def _int(loader: Any, node: Any) -> int:
    return int(str(loader.construct_scalar(node)), 10)


_Loader.add_constructor("tag:yaml.org,2002:int", _int)

FENCES = {"---": ("---", "..."), "+++": ("+++",)}   # opening rule -> its closing rules


def split(text: str) -> tuple[dict[str, Any] | None, str]:
    """(front matter mapping or None, the text after it). `text` uses `\\n` line ends."""
    first, _, rest = text.partition("\n")
    opener = first.rstrip()
    if opener not in FENCES:
        return None, text
    closers = FENCES[opener]
    lines = rest.split("\n")
    for index, line in enumerate(lines):
        if line.rstrip() in closers:
            block = "\n".join(lines[:index])
            body = "\n".join(lines[index + 1 :])
            break
    else:
        return None, text  # an opening rule with no closing one: plain Markdown
    data = _load(block, toml=opener == "+++")
    if data is None:
        return None, text
    return _with_main_keyword(data), body


_MAIN_KEYWORD_KEYS = ("keyword", "focus_keyword")


def _with_main_keyword(data: dict[str, Any]) -> dict[str, Any]:
    """`keyword: x` / `focus_keyword: x` → x first in `keywords` (the key itself is kept)."""
    main = next((str(data[k]).strip() for k in _MAIN_KEYWORD_KEYS
                 if isinstance(data.get(k), str | int | float) and str(data[k]).strip()), "")
    if not main:
        return data
    listed = data.get("keywords")
    if isinstance(listed, str):
        listed = listed.split(",")
    if not isinstance(listed, list | tuple):
        listed = []
    others = [k for k in (str(v).strip() for v in listed) if k and k != main]
    return {**data, "keywords": [main, *others]}


def _load(block: str, *, toml: bool) -> dict[str, Any] | None:
    try:
        data: Any = tomllib.loads(block) if toml else yaml.load(block, Loader=_Loader)  # noqa: S506
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        kind = "TOML" if toml else "YAML"
        raise InputError(
            f"The front matter at the top of the file is not valid {kind}{line}.",
            hint='Fix that line (put text containing ":" or "#" in double quotes), then retry.',
            code="front_matter_invalid_at" if where is not None else "front_matter_invalid",
            params={"format": kind, "line": str(where.line + 2) if where is not None else ""},
        ) from None
    if data is None and not block.strip():
        return {}
    return data if isinstance(data, dict) else None
