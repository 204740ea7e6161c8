"""Article files a writer opens, edits and saves back: Markdown (any front matter preset, or
none) and HTML pages, read by core's readers (app/core/export/markdown.py,
app/core/analysis/article_reader.py), and the outline the editor shows for an opened text.

    opened = read_article_file(Path("post.md"))      # OpenedFile(article, path, kind, …)
    plan_outline = outline_from_body(opened.article.body)
    save_article_file(article, opened, preset="hugo")   # back to the same file
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.errors import InputError
from app.core.export import structure
from app.core.models import Article, OutlineSection

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = MARKDOWN_SUFFIXES + HTML_SUFFIXES
MAX_BYTES = 5_000_000        # an article, not a dump: larger files are refused up front
MIN_SECTION_WORDS = 50       # a heading with (almost) no text still gets a usable target


class ArticleFileError(InputError):
    """A file that cannot be opened as an article. `reason` ("suffix", "size", "read",
    "encoding") and `name` let a face say it in its own language."""

    def __init__(self, message: str, *, hint: str, reason: str, name: str,
                 detail: str = "") -> None:
        super().__init__(message, hint=hint)
        self.reason, self.name, self.detail = reason, name, detail


@dataclass(frozen=True, slots=True)
class OpenedFile:
    article: Article
    path: Path
    kind: str                 # "md" or "html"
    front_matter: bool        # the Markdown file had front matter (kept when saved back)


def read_article_file(path: Path) -> OpenedFile:
    """The article in `path`; InputError (with what to do) for anything it cannot open."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleFileError(f"{path.name} is not a Markdown or HTML file.",
                               hint="Open a .md, .markdown or .html file.",
                               reason="suffix", name=path.name)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            megabytes = str(size // 1_000_000)
            raise ArticleFileError(
                f"{path.name} is too large for an article ({megabytes} MB).",
                hint="Open a single article (under 5 MB).", reason="size", name=path.name,
                detail=megabytes)
        raw = path.read_bytes()
    except OSError as exc:
        reason = str(exc.strerror or exc)
        raise ArticleFileError(f"{path} could not be read: {reason}.",
                               hint="Check that the file exists and that you may read it.",
                               reason="read", name=str(path), detail=reason) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleFileError(f"{path.name} is not UTF-8 text.",
                               hint="Save it as UTF-8 in your editor, then open it again.",
                               reason="encoding", name=path.name) from exc
    if suffix in HTML_SUFFIXES:
        from app.core.analysis.article_reader import parse_html_article

        return OpenedFile(parse_html_article(text), path, "html", False)
    from app.core.export import frontmatter
    from app.core.export.markdown import parse_markdown

    meta, _body = frontmatter.split(text.replace("\r\n", "\n"))
    return OpenedFile(parse_markdown(text), path, "md", meta is not None)


def save_article_file(article: Article, opened: OpenedFile, *, preset: str = "plain",
                      site_url: str | None = None, author: str | None = None) -> Path:
    """Write `article` back to the file it was opened from, in the same format: a Markdown
    file keeps front matter (in `preset`) only when it had some or now needs it."""
    from app.core.export.files import atomic_write

    if opened.kind == "html":
        from app.core.export.html import render_page

        text = render_page(article, site_url=site_url or None, author=author or None)
    else:
        from app.core.export.markdown import to_markdown

        needs = opened.front_matter or bool(article.meta_description.strip())
        text = to_markdown(article, preset if needs else "none", author=author or None)
    return atomic_write(opened.path, text, overwrite=True)


def outline_from_body(body: str) -> list[OutlineSection]:
    """The outline of a written text: its `##`/`###` sections in order, each with the words
    it has now as its target; the FAQ section (and its questions) is not part of it."""
    from app.core.textutil import count_words

    sections: list[OutlineSection] = []
    texts: list[list[str]] = []
    in_faq = False
    for _index, line, fenced in structure.lines_outside_fences(body):
        found = None if fenced else structure.heading(line)
        if found and found[0] == 2:
            in_faq = structure.is_faq_heading(found[1])
        if found and found[0] in (2, 3) and not in_faq:
            sections.append(OutlineSection(heading=found[1], level=found[0]))
            texts.append([])
        elif found and found[0] == 1:
            continue
        elif sections and not in_faq:
            texts[-1].append(line)
    for section, lines in zip(sections, texts, strict=True):
        words = count_words("\n".join(lines))
        section.words = max(MIN_SECTION_WORDS, round(words / 10) * 10)
    return sections
