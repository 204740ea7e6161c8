"""JSON schemas of the structured steps, and turning their answers into model objects."""

from __future__ import annotations

import re
from typing import Any

from app.core.limits import HEADING_LENGTH, META_LENGTH, TITLE_LENGTH
from app.core.models import FaqItem, OutlineSection, Plan
from app.core.textutil import fold_accents, strip_control

NOTES_MAX = 110
CHARS_PER_TOKEN = 3.0   # bounds → tokens, pessimistic for French and English


def _string(low: int, high: int) -> dict[str, Any]:
    return {"type": "string", "minLength": low, "maxLength": high}


def plan_schema(sections: int, *, compact: bool = False) -> dict[str, Any]:
    """The plan, every string and array bounded so that grammar-constrained decoding cannot
    ramble: a small model that loops inside a string is stopped by `maxLength`. `compact`
    (small models) asks for headings only: no alternative titles, levels or notes."""
    item: dict[str, Any] = {
        "type": "object",
        "properties": {
            "heading": _string(*HEADING_LENGTH),
            "level": {"type": "integer", "enum": [2, 3]},
            "notes": _string(0, NOTES_MAX),
        },
        "required": ["heading", "level", "notes"],
    }
    properties: dict[str, Any] = {
        "title": _string(*TITLE_LENGTH),
        "title_candidates": {"type": "array", "items": _string(*TITLE_LENGTH),
                             "minItems": 1, "maxItems": 2},
        "meta_description": _string(*META_LENGTH),
        "h1": _string(*TITLE_LENGTH),
        "outline": {"type": "array", "minItems": max(2, sections - 1), "maxItems": sections + 1,
                    "items": item},
    }
    if compact:
        del properties["title_candidates"]
        item["properties"] = {"heading": item["properties"]["heading"]}
        item["required"] = ["heading"]
    return {"type": "object", "properties": properties, "required": list(properties)}


def faq_schema(items: int, answer_words: int) -> dict[str, Any]:
    """`items` questions (one fewer allowed), answers of about `answer_words` words."""
    answer_chars = answer_words * 7
    return {
        "type": "object",
        "properties": {
            "faq": {
                "type": "array",
                "minItems": max(1, items - 1),
                "maxItems": items,
                "items": {
                    "type": "object",
                    "properties": {
                        "question": _string(15, 110),
                        "answer": _string(answer_chars // 3, answer_chars),
                    },
                    "required": ["question", "answer"],
                },
            },
        },
        "required": ["faq"],
    }


def max_tokens(schema: dict[str, Any]) -> int:
    """The most tokens an answer bounded by `schema` can take (num_predict for the call)."""
    return int(_max_chars(schema) / CHARS_PER_TOKEN * 1.1) + 16


def _max_chars(schema: dict[str, Any]) -> int:
    kind = schema.get("type")
    if kind == "string":
        return int(schema.get("maxLength", 400)) + 4
    if kind in ("integer", "number", "boolean"):
        return 8
    if kind == "array":
        return 4 + int(schema.get("maxItems", 8)) * (_max_chars(schema.get("items") or {}) + 4)
    if kind == "object":
        props = schema.get("properties") or {}
        return 4 + sum(len(k) + 8 + _max_chars(v) for k, v in props.items())
    return 16


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
        heading = _text(_outline_heading(str(item.get("heading") or "")), 150)
        bare = _bare(heading)
        if not heading or bare in dropped or bare.split(" ", 1)[0] in ("faq", "faqs", "introduction"):
            continue
        level = 3 if item.get("level") == 3 and outline else 2
        outline.append(OutlineSection(heading, level, 0, _text(item.get("notes"), 400)))
    outline = outline[:MAX_SECTIONS]
    scale_words(outline, target_words)
    candidates = [_text(c, 150) for c in data.get("title_candidates") or [] if _text(c, 150)]
    title = _text(data.get("title"), 150) or (candidates[0] if candidates else "")
    return Plan(
        title=title,
        meta_description=_text(data.get("meta_description"), 400),
        slug="",
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


_LIST_MARK = re.compile(r"^[-*•–]\s+")                                  # "- Oui, une fois par mois…"


def unlisted(answer: str) -> str:
    """An answer without the list dash a small model opens it with (not a one-item list)."""
    return _LIST_MARK.sub("", answer.strip())


_OUTLINE_LINE = re.compile(r"^(\s*)(?:(#{2,3})|\d{1,2}[.)]|[-*•])\s+(.+?)\s*$")
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,80}>")
_LEVEL_LABEL = re.compile(r"^h[1-6]\s*[:.)-]\s*", re.IGNORECASE)      # "H2 : Les bases"
_GLOSS = re.compile(r"\s+[-–—]\s+.*$")                                # "Les bases - ce qu'il faut…"


_ASIDE = re.compile(r"\s*\([^()]*\)?\s*$|\s{3,}.*$")               # "(hors frais…)", "   Page à venir"


def _outline_heading(text: str) -> str:
    """An outline line's heading: no HTML tags, emphasis, "H2 :" label, dashed gloss or
    trailing aside."""
    text = _GLOSS.sub("", _LEVEL_LABEL.sub("", _TAG.sub("", text).strip("*_ ")))
    text = _ASIDE.sub("", _ASIDE.sub("", text))     # an aside may follow another
    return text.strip().rstrip(":").strip()


def outline_from_text(text: str) -> tuple[str, list[OutlineSection]]:
    """A plain-text outline read leniently: `# headline`, then `##`/`###` headings, numbered
    or bulleted lines (indented ones are subsections). Returns (headline, sections)."""
    headline = ""
    outline: list[OutlineSection] = []
    for line in text.splitlines():
        if line.startswith("# ") and not headline and not outline:
            headline = _text(line, 150)
            continue
        m = _OUTLINE_LINE.match(line)
        if not m:
            continue
        heading = _text(_outline_heading(m.group(3)), 150)
        if not heading:
            continue
        level = 3 if (m.group(2) == "###" or len(m.group(1)) >= 2) and outline else 2
        outline.append(OutlineSection(heading, level, 0, ""))
    return headline, outline
