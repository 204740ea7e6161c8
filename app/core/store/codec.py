"""Article ⇄ JSON: the one codec, for library rows, recovery drafts and the batch queue.

Lists and dicts (secondary keywords, FAQ, extra front matter) are stored as JSON text;
unknown values in `extra` are stringified rather than lost. FAQ items written as
[question, answer] pairs (batch queues of earlier versions) are read too.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from app.core.models import Article, FaqItem, Language


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
        "extra": _jsonable(article.extra),
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    return Article(
        keyword=str(data.get("keyword", "")),
        language=_language(data),
        title=str(data.get("title", "")),
        meta_description=str(data.get("meta_description", "")),
        slug=str(data.get("slug", "")),
        body=str(data.get("body", "")),
        secondary_keywords=tuple(str(k) for k in data.get("secondary_keywords") or ()),
        faq=[_faq_item(item) for item in data.get("faq") or () if isinstance(item, dict | list)],
        created=parse_time(data.get("created")),
        model=str(data.get("model", "")),
        extra=dict(data.get("extra") or {}),
    )


def article_to_json(article: Article) -> str:
    return json.dumps(article_to_dict(article), ensure_ascii=False)


def article_from_json(text: str) -> Article:
    return article_from_dict(json.loads(text))


def _language(data: dict[str, Any]) -> Language:
    """The stored language; a row saved without one is guessed from its text, never assumed."""
    if data.get("language"):
        return Language.parse(str(data["language"]))
    from app.core.analysis.language import guess_language

    return guess_language(str(data.get("body", "")))


def _faq_item(item: dict[str, Any] | list[Any]) -> FaqItem:
    if isinstance(item, list):
        question, answer = (list(item) + ["", ""])[:2]
        return FaqItem(str(question), str(answer))
    return FaqItem(str(item.get("question", "")), str(item.get("answer", "")))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


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
