"""Posts saved beside the article: `<slug>.social.md` (to read and copy) and
`<slug>.social.json` (for tools), written atomically."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.core.errors import ExportError
from app.core.export.files import atomic_write
from app.core.models import Article
from app.core.social.posts import SocialPost


def to_markdown(article: Article, posts: Sequence[SocialPost]) -> str:
    lines = [f"# {article.title or article.h1}", ""]
    for post in posts:
        lines.append(f"## {post.network.label}")
        lines.append("")
        note = f"{post.length}/{post.network.max_chars} characters"
        if post.source == "fallback":
            note += " · built from the title and description (the model's posts were refused)"
        lines.append(f"<!-- {note} -->")
        lines.append("")
        lines.append(post.full_text)
        lines.append("")
    return "\n".join(lines)


def to_json(article: Article, posts: Sequence[SocialPost]) -> dict[str, Any]:
    return {
        "article": {"title": article.title, "slug": article.slug,
                    "language": article.language.value},
        "posts": [{"network": p.network.name, "text": p.full_text, "hook": p.hook,
                   "body": p.text, "hashtags": list(p.hashtags), "url": p.url,
                   "length": p.length, "limit": p.network.max_chars,
                   "limit_source": p.network.source, "source": p.source,
                   "problems": p.problems} for p in posts],
    }


def save_posts(article: Article, posts: Sequence[SocialPost], folder: Path, stem: str, *,
               overwrite: bool = False) -> list[Path]:
    """Both files, or ExportError (an existing file is kept unless `overwrite`)."""
    md = folder / f"{stem}.social.md"
    js = folder / f"{stem}.social.json"
    text = json.dumps(to_json(article, posts), ensure_ascii=False, indent=2) + "\n"
    for path in (md, js):
        if path.exists() and not overwrite:
            raise ExportError(f"{path} already exists.", hint="Add --force to replace it.")
    atomic_write(md, to_markdown(article, posts), overwrite=overwrite)
    atomic_write(js, text, overwrite=overwrite)
    return [md, js]
