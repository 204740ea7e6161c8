"""Structured output: parse a model's JSON, repair the usual damage, validate against the schema.

Small models wrap JSON in code fences, add prose around it, leave trailing commas, or stop
mid-object. We repair what is safe to repair, validate the subset of JSON Schema we use
(type, properties, required, items, enum, min/maxItems, min/maxLength, minimum/maximum),
and otherwise ask again with the list of problems.
"""

from __future__ import annotations

import json
import re
from typing import Any

from app.core.errors import InvalidModelOutput

_FENCE = re.compile(r"^```[a-zA-Z]*\s*|\s*```$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,), "array": (list,), "string": (str,), "integer": (int,),
    "number": (int, float), "boolean": (bool,), "null": (type(None),),
}


def extract_json(raw: str) -> Any:
    """The first JSON value in `raw`, repaired if needed; raises ValueError if none."""
    text = _FENCE.sub("", raw.strip())
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    if start < 0:
        raise ValueError("no JSON object in the answer")
    text = text[start:]
    decoder = json.JSONDecoder()
    try:
        return decoder.raw_decode(text)[0]
    except json.JSONDecodeError:
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", text)
    try:
        return decoder.raw_decode(repaired)[0]
    except json.JSONDecodeError as exc:
        closed = _close_brackets(repaired)
        if closed is not None:
            try:
                return json.loads(closed)
            except json.JSONDecodeError:
                pass
        raise ValueError(f"invalid JSON ({exc.msg} at character {exc.pos})") from None


def _close_brackets(text: str) -> str | None:
    """Close an object cut off after a complete value (model stopped early)."""
    stack: list[str] = []
    in_string = escape = False
    last_complete = -1
    for i, ch in enumerate(text):
        if in_string:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]":
            if not stack:
                return None
            stack.pop()
            last_complete = i
        elif ch == ",":
            last_complete = i - 1
    if in_string or not stack or last_complete < 0:
        return None
    head = text[: last_complete + 1].rstrip().rstrip(",")
    depth = _depth_at(head)
    return head + "".join(reversed(depth))


def _depth_at(text: str) -> list[str]:
    stack: list[str] = []
    in_string = escape = False
    for ch in text:
        if in_string:
            escape = (not escape) and ch == "\\"
            if ch == '"' and not escape:
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]" and stack:
            stack.pop()
    return stack


def validate(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """Problems found (empty list = valid)."""
    problems: list[str] = []
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if kind else []
    if kinds:
        ok = any(isinstance(value, _TYPES.get(k, object)) and not (
            k in ("integer", "number") and isinstance(value, bool)) for k in kinds)
        if "integer" in kinds and isinstance(value, float) and value.is_integer():
            ok = True
        if not ok:
            return [f"{path} should be {' or '.join(kinds)}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{path} should be one of {schema['enum']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                problems.append(f"{path}.{key} is missing")
        for key, sub in (schema.get("properties") or {}).items():
            if key in value:
                problems += validate(value[key], sub, f"{path}.{key}")
    elif isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            problems.append(f"{path} needs at least {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            problems.append(f"{path} allows at most {schema['maxItems']} items")
        if isinstance(schema.get("items"), dict):
            for i, item in enumerate(value):
                problems += validate(item, schema["items"], f"{path}[{i}]")
    elif isinstance(value, str):
        if len(value.strip()) < schema.get("minLength", 0):
            problems.append(f"{path} is too short")
        if "maxLength" in schema and len(value) > schema["maxLength"] * 2:
            problems.append(f"{path} is far too long")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            problems.append(f"{path} should be ≥ {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            problems.append(f"{path} should be ≤ {schema['maximum']}")
    return problems


def parse_and_validate(raw: str, schema: dict[str, Any]) -> tuple[dict[str, Any] | None, list[str]]:
    try:
        value = extract_json(raw)
    except ValueError as exc:
        return None, [str(exc)]
    if not isinstance(value, dict):
        return None, ["the answer must be a JSON object"]
    return value, validate(value, schema)


def retry_prompt(problems: list[str]) -> str:
    listed = "; ".join(problems[:8]) or "invalid JSON"
    return ("Your previous answer could not be used: " + listed + ". Answer again with only one "
            "JSON object that matches the schema, with no text before or after it.")


def invalid_output(model: str, problems: list[str]) -> InvalidModelOutput:
    detail = "; ".join(problems[:3])
    return InvalidModelOutput(
        f"The model '{model}' did not return usable structured data ({detail}).",
        hint="Try again, lower the temperature, or choose a larger model.")
