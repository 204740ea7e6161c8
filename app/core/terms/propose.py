"""The model proposes the terms an article on the keyword should cover (bounded JSON), each
with a target count range, then bounded by the article's length (`length_cap`). The list is
vetted (app/core/terms/vetting.py) against a short text the model writes on the keyword
(free prose, which small models write far better than lists) and completed from that text's
nouns, so a usable list comes back even when the model's own list is junk or unreadable."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from string import Template
from typing import Any

from app.core.analysis.keyphrase import same_keyphrase
from app.core.cancel import CancelToken
from app.core.errors import Cancelled, GenerationError, PlumeError
from app.core.generation.prompts import labels, read_prompt
from app.core.generation.schemas import max_tokens
from app.core.llm.service import ModelService
from app.core.models import Brief, Plan
from app.core.terms.model import MAX_TERM_CHARS, Term, length_cap
from app.core.terms.vetting import Refused, completed, vet_terms, wanted_terms
from app.core.textutil import strip_control

PROPOSED_TERMS = 12
CONTEXT_TOKENS = 260
_TAG = re.compile(r"<[^>]{0,80}>")


@dataclass(frozen=True, slots=True)
class Proposal:
    terms: list[Term]                 # what the writer gets: the model's kept terms first
    refused: list[Refused] = field(default_factory=list)
    from_model: int = 0               # how many of `terms` are the model's own
    unreadable: bool = False          # the model's list could not be read at all




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


def propose_terms(service: ModelService, model: str, brief: Brief, *,
                  think: bool | str | None = None, items: int = PROPOSED_TERMS,
                  cancel: CancelToken | None = None, context: Sequence[str] = (),
                  known: Sequence[str] = ()) -> Proposal:
    """The model's terms, vetted, completed up to `wanted_terms`. `context`: texts on the
    topic (the article's plan or draft, related pages of the writer's site); `known`: phrases
    to complete with before the texts' nouns (titles of those pages)."""
    cap = length_cap(brief.target_words)
    schema = terms_schema(items, cap)
    prompt = Template(read_prompt(brief.language, "terms.txt")).substitute(
        keyword=" ".join(brief.keyword.split()), words=brief.target_words, items=items, cap=cap,
        secondary=", ".join(brief.secondary_keywords) or "-")
    options = {"num_ctx": 4096, "num_predict": max_tokens(schema), "temperature": 0.3}
    unreadable = False
    try:
        data = service.chat_json(model, [{"role": "user", "content": prompt.strip()}], schema,
                                 options=options, think=think, cancel=cancel, retries=1)
        raw = terms_from_json(data, brief)
    except Cancelled:
        raise
    except PlumeError as exc:
        if not isinstance(exc, GenerationError):
            raise                        # the server is down: say so, do not guess
        raw, unreadable = [], True
    loose = [topic_text(service, model, brief, think=think, cancel=cancel)]
    kept, refused = vet_terms(raw, brief, [*context, *loose])
    terms = completed(kept, brief, context, wanted_terms(brief, items), known, loose)
    return Proposal(terms, refused, len(kept), unreadable)


def topic_text(service: ModelService, model: str, brief: Brief, *, think: bool | str | None = None,
               cancel: CancelToken | None = None) -> str:
    """A short plain text on the keyword (the pack's terms_context.txt: a system paragraph, a
    blank line, the question); "" when the model gives nothing usable."""
    system, _, question = read_prompt(brief.language, "terms_context.txt").partition("\n\n")
    messages = [{"role": "system", "content": system.strip()},
                {"role": "user", "content": Template(question.strip()).substitute(
                    keyword=" ".join(brief.keyword.split()))}]
    options = {"num_ctx": 2048, "num_predict": CONTEXT_TOKENS, "temperature": 0.3,
               "repeat_penalty": 1.2}
    parts = [chunk.content for chunk in service.chat_stream(model, messages, options=options,
                                                            think=think, cancel=cancel)]
    text = "".join(parts)
    for echo in (messages[1]["content"], messages[0]["content"]):   # small models repeat it
        text = text.replace(echo, " ")
    return _TAG.sub(" ", strip_control(text))


def plan_text(plan: Plan, brief: Brief) -> str:
    """The plan as a text on the topic: title, headline, each section's heading and notes —
    without the pack's standard headings and notes (labels.json "outline.*", "pad.*": a
    small model's plan is completed with them, and they say nothing about the topic)."""
    keyword = " ".join(brief.keyword.split())
    standard = {Template(text).safe_substitute(keyword=keyword, Keyword=keyword[:1].upper()
                                               + keyword[1:]).strip().lower()
                for key, text in labels(brief.language).items()
                if key.startswith(("outline.", "pad."))}
    lines = [plan.title, plan.h1]
    for s in plan.outline:
        lines += [t for t in (s.heading, s.notes) if t.strip().lower() not in standard]
    return "\n".join(line for line in lines if line.strip())
