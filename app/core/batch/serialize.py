"""JSON round-trips for what the batch queue persists: plans (to resume an article without
re-planning it) and finished articles (to rewrite files after a crash without regenerating)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from app.core.models import Article, FaqItem, Language, OutlineSection, Plan


def plan_to_json(plan: Plan) -> str:
    return json.dumps({
        "title": plan.title, "meta_description": plan.meta_description, "slug": plan.slug,
        "h1": plan.h1, "title_candidates": list(plan.title_candidates),
        "outline": [{"heading": s.heading, "level": s.level, "words": s.words, "notes": s.notes}
                    for s in plan.outline],
    }, ensure_ascii=False)


def plan_from_json(text: str) -> Plan:
    data = json.loads(text)
    return Plan(
        title=data["title"], meta_description=data["meta_description"], slug=data["slug"],
        h1=data["h1"], title_candidates=list(data.get("title_candidates", [])),
        outline=[OutlineSection(**s) for s in data.get("outline", [])],
    )


def article_to_json(article: Article) -> str:
    return json.dumps({
        "keyword": article.keyword, "language": article.language.value, "title": article.title,
        "meta_description": article.meta_description, "slug": article.slug,
        "body": article.body, "secondary_keywords": list(article.secondary_keywords),
        "faq": [[f.question, f.answer] for f in article.faq],
        "created": article.created.isoformat(), "model": article.model,
        "extra": _jsonable(article.extra),
    }, ensure_ascii=False)


def article_from_json(text: str) -> Article:
    data = json.loads(text)
    return Article(
        keyword=data["keyword"], language=Language(data["language"]), title=data["title"],
        meta_description=data["meta_description"], slug=data["slug"], body=data["body"],
        secondary_keywords=tuple(data.get("secondary_keywords", ())),
        faq=[FaqItem(q, a) for q, a in data.get("faq", [])],
        created=dt.datetime.fromisoformat(data["created"]), model=data.get("model", ""),
        extra=dict(data.get("extra", {})),
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
