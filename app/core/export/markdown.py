"""Markdown export and import, with YAML front matter for static-site generators.

    to_markdown(article, "hugo")  ->  "---\\ntitle: ...\\n---\\n\\nbody"
    parse_markdown(text)          ->  Article     (reads any preset, or none)

Presets name the keys the way each generator expects:

| field       | plain       | hugo        | jekyll                | astro       |
| ----------- | ----------- | ----------- | --------------------- | ----------- |
| date        | date        | date        | date                  | pubDate     |
| draft       | draft       | draft       | published (inverted)  | draft       |

`title, description, slug, lang, keywords, author, categories, tags` are the same in all.
Hugo, Jekyll and Astro themes print `title` as the page heading, so those presets move
the body's `# H1` into the front matter (as `title`, plus `h1` when it differs) instead of
printing it twice; `parse_markdown` puts it back. `plain` keeps the body whole, and `none`
writes the body alone. Unknown front-matter keys are kept in `Article.extra` and written
back, so `parse_markdown(to_markdown(a, p)) == a` on every field the preset carries
(`created` to the second; trailing newlines of the body are not kept).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from app.core.errors import InputError
from app.core.export import frontmatter, structure
from app.core.export.files import article_stem
from app.core.models import Article, Language
from app.core.textutil import slugify


class Preset(StrEnum):
    PLAIN = "plain"
    HUGO = "hugo"
    JEKYLL = "jekyll"
    ASTRO = "astro"
    NONE = "none"

    @classmethod
    def parse(cls, value: Preset | str) -> Preset:
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            names = ", ".join(p.value for p in cls)
            raise InputError(
                f"Unknown front-matter preset '{value}'.", hint=f"Use one of: {names}."
            ) from None


_SITE_GENERATORS = (Preset.HUGO, Preset.JEKYLL, Preset.ASTRO)
# Keys parse_markdown understands; never copied from `extra` on export.
_KNOWN = frozenset(
    [
        "title",
        "description",
        "slug",
        "date",
        "pubDate",
        "lang",
        "keywords",
        "draft",
        "published",
        "author",
        "categories",
        "tags",
        "model",
        "h1",
    ]
)


# ---- Export --------------------------------------------------------------------------------


def to_markdown(
    article: Article,
    preset: Preset | str = Preset.PLAIN,
    *,
    draft: bool | None = None,
    author: str | None = None,
    categories: Iterable[str] | None = (),
    tags: Iterable[str] | None = (),
) -> str:
    """The article as a UTF-8 Markdown document for `preset`.

    `draft`, `author`, `categories` and `tags` default to the values found in
    `article.extra` (as `parse_markdown` stores them), so re-exporting keeps them.
    """
    preset = Preset.parse(preset)
    body = article.body.replace("\r\n", "\n").rstrip("\n")
    if preset is Preset.NONE:
        return body + "\n"
    h1 = structure.first_h1(body)
    if preset in _SITE_GENERATORS and h1 is not None and h1[0] == _first_text_line(body):
        body = "\n".join(body.split("\n")[h1[0] + 1 :]).lstrip("\n")
        heading = h1[1]
    else:
        heading = None
    fields = _fields(
        article, preset, heading, _extras(article.extra, draft, author, categories, tags)
    )
    return frontmatter.dump(fields) + "\n" + body + "\n"


def _first_text_line(body: str) -> int:
    for index, line in enumerate(body.split("\n")):
        if line.strip():
            return index
    return -1


def _extras(
    extra: Mapping[str, Any],
    draft: bool | None,
    author: str | None,
    categories: Iterable[str] | None,
    tags: Iterable[str] | None,
) -> dict[str, Any]:
    return {
        "draft": bool(extra.get("draft", False)) if draft is None else draft,
        "author": (author if author is not None else str(extra.get("author") or "")).strip(),
        "categories": list(categories or ()) or _str_list(extra.get("categories")),
        "tags": list(tags or ()) or _str_list(extra.get("tags")),
    }


def _fields(
    article: Article, preset: Preset, heading: str | None, extras: Mapping[str, Any]
) -> dict[str, Any]:
    date_key = "pubDate" if preset is Preset.ASTRO else "date"
    created = _aware(article.created).replace(microsecond=0)
    fields: dict[str, Any] = {
        "title": article.title,
        "description": article.meta_description,
        "slug": article_stem(article) if article.slug else "",   # the HTML page's slug
        date_key: created,
        "lang": article.language.value,
        "keywords": [k for k in (article.keyword, *article.secondary_keywords) if k],
    }
    if preset is Preset.JEKYLL:
        fields["published"] = not extras["draft"]
    else:
        fields["draft"] = extras["draft"]
    for name in ("author", "categories", "tags"):
        if extras[name]:
            fields[name] = extras[name]
    if heading is not None and heading != article.title:
        fields["h1"] = heading
    if preset is Preset.PLAIN and article.model:
        fields["model"] = article.model
    for name, value in article.extra.items():
        if name not in _KNOWN and name not in fields:
            fields[name] = value
    return fields


def _aware(moment: _dt.datetime) -> _dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=_dt.UTC)


# ---- Import --------------------------------------------------------------------------------


def parse_markdown(text: str) -> Article:
    """An Article from a Markdown file written by any preset, or with no front matter.

    Without front matter the title is the first `# ` heading and the language is guessed.
    The FAQ section (`## FAQ`, `## Questions fréquentes`, …) is mirrored into `faq`.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    _refuse_empty(text)
    meta, body = frontmatter.split(text)
    _refuse_broken_front_matter(text, meta)
    meta = dict(meta or {})
    body = body.strip("\n") if meta else body.rstrip("\n")
    title = _text(meta.pop("title", None))
    h1_line = structure.first_h1(body)
    h1 = _text(meta.pop("h1", None)) or title
    if h1_line is None and h1:
        body = f"# {h1}\n\n{body}" if body else f"# {h1}"
    elif not title and h1_line is not None:
        title = h1_line[1]
    extra: dict[str, Any] = {}
    keywords = _str_list(meta.pop("keywords", None))
    draft = _draft(meta)
    if draft:
        extra["draft"] = True
    author = meta.pop("author", None)
    if author:
        extra["author"] = (
            _text(author) if not isinstance(author, list) else ", ".join(map(_text, author))
        )
    for name in ("categories", "tags"):
        values = _str_list(meta.pop(name, None))
        if values:
            extra[name] = values
    language = _language(meta.pop("lang", None), body)
    created = _date(meta.pop("date", None) if "date" in meta else meta.pop("pubDate", None))
    description = _text(meta.pop("description", None))
    slug = _text(meta.pop("slug", None)) or slugify(title)
    model = _text(meta.pop("model", None))
    extra.update(meta)
    if not title and not _has_text(body):
        raise InputError("The file has front matter but no article text and no title.",
                         hint="Write the article below the front matter, then try again.",
                         code="file_no_text")
    return Article(
        keyword=keywords[0] if keywords else "",
        language=language,
        title=title,
        meta_description=description,
        slug=slug,
        body=body,
        secondary_keywords=tuple(keywords[1:]),
        faq=structure.extract_faq(body),
        created=created,
        model=model,
        extra=extra,
    )


def _has_text(text: str) -> bool:
    return bool(text.replace("\x00", "").strip())


def _refuse_empty(text: str) -> None:
    if not _has_text(text):
        hint = "Give the Markdown file of an article."
        if "\x00" in text:
            raise InputError("The file is empty: it holds only NUL characters.", hint=hint,
                             code="file_nul")
        if text:
            raise InputError("The file is empty: it holds only spaces and blank lines.",
                             hint=hint, code="file_blank")
        raise InputError("The file is empty: it holds nothing.", hint=hint, code="file_empty")


def _refuse_broken_front_matter(text: str, meta: Mapping[str, Any] | None) -> None:
    """A file that opens front matter must close it and hold `key: value` lines in it."""
    if meta is not None:
        return
    opener = text.split("\n", 1)[0].rstrip()
    if opener not in frontmatter.FENCES:
        return
    closers = frontmatter.FENCES[opener]
    if not any(line.rstrip() in closers for line in text.split("\n")[1:]):
        raise InputError(
            f"The front matter opened by '{opener}' on line 1 is never closed.",
            hint=f"Add a line with '{closers[0]}' after the last field (title, slug…).",
            code="front_matter_unclosed", params={"opener": opener, "closer": closers[0]})
    raise InputError(
        "The front matter at the top of the file is not a list of 'key: value' fields.",
        hint="Write one field per line, e.g. 'title: My article'.",
        code="front_matter_not_fields")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip() if not isinstance(value, str) else value


def _str_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list | tuple):
        return [_text(v) for v in value if _text(v)]
    return [_text(value)]


def _draft(meta: dict[str, Any]) -> bool:
    draft = meta.pop("draft", None)
    if isinstance(draft, bool):
        return draft
    published = meta.get("published")
    if isinstance(published, bool):
        del meta["published"]
        return not published
    return str(draft).strip().lower() in ("yes", "on", "true", "1")


def _language(value: Any, body: str) -> Language:
    """The front matter's language (an uninstalled one is an InputError), else a guess."""
    if value:
        return Language.parse(str(value))
    from app.core.analysis.language import guess_language

    return guess_language(body)


def _date(value: Any) -> _dt.datetime:
    moment: _dt.datetime | None = None
    if isinstance(value, _dt.datetime):
        moment = value
    elif isinstance(value, _dt.date):
        moment = _dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str) and value.strip():
        try:
            moment = _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            moment = None
    if moment is None:
        return _dt.datetime.now(_dt.UTC).replace(microsecond=0)
    return _aware(moment)
