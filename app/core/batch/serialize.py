"""JSON round-trip of the plans the batch queue persists (to resume an article without
re-planning it); finished articles go through the one article codec, app/core/store/codec.py."""

from __future__ import annotations

import json

from app.core.models import OutlineSection, Plan


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
