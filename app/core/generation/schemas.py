"""JSON schemas of the structured steps, and turning their answers into model objects."""

from __future__ import annotations

import re
from typing import Any

from app.core.models import FaqItem, OutlineSection, Plan
from app.core.textutil import fold_accents, strip_control

PLAN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "title_candidates": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 5},
        "title": {"type": "string", "minLength": 5},
        "meta_description": {"type": "string", "minLength": 40},
        "slug": {"type": "string"},
        "h1": {"type": "string", "minLength": 5},
        "outline": {
            "type": "array",
            "minItems": 2,
            "maxItems": 16,
            "items": {
                "type": "object",
                "properties": {
                    "heading": {"type": "string", "minLength": 3},
                    "level": {"type": "integer", "enum": [2, 3]},
                    "words": {"type": "integer", "minimum": 30, "maximum": 3000},
                    "notes": {"type": "string"},
                },
                "required": ["heading", "level", "words", "notes"],
            },
        },
    },
    "required": ["title_candidates", "title", "meta_description", "slug", "h1", "outline"],
}

FAQ_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "faq": {
            "type": "array",
            "minItems": 2,
            "maxItems": 8,
            "items": {
                "type": "object",
                "properties": {
                    "question": {"type": "string", "minLength": 8},
                    "answer": {"type": "string", "minLength": 20},
                },
                "required": ["question", "answer"],
            },
        },
    },
    "required": ["faq"],
}

META_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"meta_description": {"type": "string", "minLength": 60}},
    "required": ["meta_description"],
}

TITLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"title": {"type": "string", "minLength": 5}},
    "required": ["title"],
}

MAX_SECTIONS = 16
# Parts written separately (or not at all): models often put them in the outline anyway.
_INTRO_NAMES = {"introduction", "intro", "en introduction"}
_FAQ_NAMES = {"faq", "faqs", "frequently asked questions", "questions frequentes",
              "foire aux questions", "questions et reponses", "questions reponses"}
_CONCLUSION_NAMES = {"conclusion", "en conclusion", "in conclusion", "final thoughts", "pour conclure",
                     "le mot de la fin"}


def _text(value: Any, limit: int = 500) -> str:
    """Model text for a single-line field: no control characters, no Markdown heading marks."""
    text = " ".join(strip_control(str(value or "")).split())
    return text.lstrip("#").strip()[:limit]


def _bare(heading: str) -> str:
    return " ".join(re.sub(r"[^\w ]+", " ", fold_accents(heading).lower()).split())


def plan_from_json(data: dict[str, Any], target_words: int, *, keep_conclusion: bool = True) -> Plan:
    """A Plan with a well-formed outline: first section level 2, word targets scaled, no
    separate intro/FAQ sections (and no bare conclusion when the brief does not want one)."""
    dropped = _INTRO_NAMES | _FAQ_NAMES | (set() if keep_conclusion else _CONCLUSION_NAMES)
    outline: list[OutlineSection] = []
    for item in data.get("outline") or []:
        if not isinstance(item, dict):
            continue
        heading = _text(item.get("heading"), 150)
        if not heading or _bare(heading) in dropped:
            continue
        level = 3 if item.get("level") == 3 and outline else 2
        try:
            words = int(item.get("words") or 0)
        except (TypeError, ValueError):
            words = 0
        outline.append(OutlineSection(heading, level, words, _text(item.get("notes"), 400)))
    outline = outline[:MAX_SECTIONS]
    scale_words(outline, target_words)
    candidates = [_text(c, 150) for c in data.get("title_candidates") or [] if _text(c, 150)]
    title = _text(data.get("title"), 150) or (candidates[0] if candidates else "")
    return Plan(
        title=title,
        meta_description=_text(data.get("meta_description"), 400),
        slug=_text(data.get("slug"), 200),
        h1=_text(data.get("h1"), 200) or title,
        outline=outline,
        title_candidates=candidates,
    )


def scale_words(outline: list[OutlineSection], body_words: int) -> None:
    """Make the section targets add up to about `body_words` (models rarely do)."""
    if not outline:
        return
    for section in outline:
        if section.words <= 0:
            section.words = max(80, body_words // len(outline))
    total = sum(s.words for s in outline)
    factor = body_words / total if total else 1.0
    for section in outline:
        section.words = max(60, int(round(section.words * factor / 10.0)) * 10)


def faq_from_json(data: dict[str, Any]) -> list[FaqItem]:
    items = []
    for item in data.get("faq") or []:
        if not isinstance(item, dict):
            continue
        question = _text(item.get("question"), 250)
        answer = " ".join(strip_control(str(item.get("answer") or "")).split())
        if question and answer:
            items.append(FaqItem(question, answer))
    return items
