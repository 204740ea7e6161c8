"""Article ⇄ JSON-ready dict, used for library rows and recovery drafts.

Lists and dicts (secondary keywords, FAQ, extra front matter) are stored as JSON text;
unknown values in `extra` are stringified rather than lost.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from app.core.models import Article, FaqItem, Language

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


def count_words(markdown: str) -> int:
    """Words a reader sees (Markdown markers and punctuation are not words)."""
    return len(_WORD.findall(markdown))


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "keyword": article.keyword,
        "language": article.language.value,
        "title": article.title,
        "meta_description": article.meta_description,
        "slug": article.slug,
        "body": article.body,
        "secondary_keywords": list(article.secondary_keywords),
        "faq": [{"question": f.question, "answer": f.answer} for f in article.faq],
        "created": _iso(article.created),
        "model": article.model,
        "extra": article.extra,
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    return Article(
        keyword=str(data.get("keyword", "")),
        language=Language.parse(str(data.get("language") or "en")),
        title=str(data.get("title", "")),
        meta_description=str(data.get("meta_description", "")),
        slug=str(data.get("slug", "")),
        body=str(data.get("body", "")),
        secondary_keywords=tuple(str(k) for k in data.get("secondary_keywords") or ()),
        faq=[
            FaqItem(str(item.get("question", "")), str(item.get("answer", "")))
            for item in data.get("faq") or ()
            if isinstance(item, dict)
        ],
        created=parse_time(data.get("created")),
        model=str(data.get("model", "")),
        extra=dict(data.get("extra") or {}),
    )


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def parse_time(value: Any) -> dt.datetime:
    if isinstance(value, str) and value:
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    return dt.datetime.now(dt.UTC)


def _iso(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()
