"""The model proposes the terms an article on the keyword should cover (bounded JSON), each
with a target count range, then bounded by the article's length (`length_cap`)."""

from __future__ import annotations

from collections.abc import Sequence
from string import Template
from typing import Any, Protocol

from app.core.analysis.keyphrase import same_keyphrase
from app.core.cancel import CancelToken
from app.core.generation.prompts import read_prompt
from app.core.generation.schemas import max_tokens
from app.core.models import Brief
from app.core.terms.model import MAX_TERM_CHARS, Term, length_cap
from app.core.textutil import strip_control

PROPOSED_TERMS = 12


class ChatJson(Protocol):
    def chat_json(self, model: str, messages: Sequence[dict[str, Any]],
                  schema: dict[str, Any], **kwargs: Any) -> dict[str, Any]: ...


def terms_schema(items: int, cap: int) -> dict[str, Any]:
    count = {"type": "integer", "minimum": 1, "maximum": cap}
    item = {"type": "object",
            "properties": {"term": {"type": "string", "minLength": 3, "maxLength": MAX_TERM_CHARS},
                           "min": count, "max": count},
            "required": ["term", "min", "max"]}
    return {"type": "object",
            "properties": {"terms": {"type": "array", "minItems": min(3, items),
                                     "maxItems": items, "items": item}},
            "required": ["terms"]}


def terms_from_json(data: dict[str, Any], brief: Brief) -> list[Term]:
    """Clean, unique terms (never the keyphrase itself), ranges bounded by the length."""
    cap = length_cap(brief.target_words)
    out: dict[str, Term] = {}
    for item in data.get("terms") or []:
        if not isinstance(item, dict):
            continue
        text = " ".join(strip_control(str(item.get("term") or "")).split()).strip(" .,;:#*")
        if not text or len(text) > MAX_TERM_CHARS or same_keyphrase(text, brief.keyword):
            continue
        low, high = _int(item.get("min"), 1), _int(item.get("max"), 2)
        out.setdefault(text.lower(), Term(text, min(low, high), max(low, high)).scaled(cap))
    return list(out.values())


def _int(value: Any, default: int) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


def propose_terms(service: ChatJson, model: str, brief: Brief, *,
                  think: bool | str | None = None, items: int = PROPOSED_TERMS,
                  cancel: CancelToken | None = None) -> list[Term]:
    cap = length_cap(brief.target_words)
    schema = terms_schema(items, cap)
    prompt = Template(read_prompt(brief.language, "terms.txt")).substitute(
        keyword=" ".join(brief.keyword.split()), words=brief.target_words, items=items, cap=cap,
        secondary=", ".join(brief.secondary_keywords) or "-")
    options = {"num_ctx": 4096, "num_predict": max_tokens(schema), "temperature": 0.3}
    data = service.chat_json(model, [{"role": "user", "content": prompt.strip()}], schema,
                             options=options, think=think, cancel=cancel, retries=1)
    return terms_from_json(data, brief)
