"""`plume analyze ARTICLE.md --keyword "…" [--lang fr|en] [--site-url URL] [--json]`."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Any

_COLOURS = {"good": "\033[32m", "ok": "\033[33m", "bad": "\033[31m", "info": "\033[36m"}
_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"
_MARKS = {"good": "●", "ok": "●", "bad": "●", "info": "○"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "analyze", help="score an article's SEO and readability (Markdown or HTML file)",
        description="Score an article like the editor's side panel does: SEO checks, "
                    "readability, lints and the search-result snippet.",
    )
    parser.add_argument("article", help="Markdown (.md, front matter read) or HTML (.html) file")
    parser.add_argument("--keyword", "-k", help="focus keyphrase (overrides the file's keywords)")
    parser.add_argument("--lang", help="article language, an installed pack: fr, en… (overrides the file)")
    parser.add_argument("--site-url", help="your site's URL, to tell internal links from outbound ones")
    parser.add_argument("--ui-lang", help="language of the advice: fr, en… (default: the article's)")
    parser.add_argument("--previous", action="append", default=None, metavar="KEYPHRASE",
                        help="a keyphrase already used by another article (repeatable); without it, "
                             "'previously used keyphrase' is left out of the score")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--terms", metavar="FILE", help="topic terms file (one per line, "
                        "e.g. 'autonomie: 2-4'): prints each term's count and a coverage score")
    parser.set_defaults(run=run)


def _load(path: Path) -> Any:
    from app.core.analysis.article_reader import parse_html_article
    from app.core.batch.decoding import decode_document
    from app.core.export.markdown import parse_markdown

    text = decode_document(path.read_bytes())      # UTF-8, UTF-16 with BOM; binary refused
    if path.suffix.lower() in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        return parse_html_article(text)
    return parse_markdown(text)


def run(args: argparse.Namespace) -> int:
    from app.core.analysis import analyze, check_title
    from app.core.errors import PlumeError
    from app.core.models import Language

    path = Path(args.article)
    if not path.is_file():
        print(f"plume analyze: no such file: {path}. Give the path of a .md or .html article.",
              file=sys.stderr)
        return 2
    try:
        article = _load(path)
    except (OSError, PlumeError, ValueError) as exc:
        print(f"plume analyze: cannot read {path}: {getattr(exc, 'message', exc)}",
              file=sys.stderr)
        if isinstance(exc, PlumeError) and exc.hint:
            print(f"  → {exc.hint}", file=sys.stderr)
        return 2
    if args.keyword is not None:
        article.keyword = args.keyword
    try:
        if args.lang:
            article.language = Language(args.lang)
        ui_lang = Language(args.ui_lang).value if args.ui_lang else str(article.language)
        report = analyze(article, site_url=args.site_url, previous_keyphrases=args.previous)
        check_title("", ui_lang)       # the advice language has its texts (else a clear error)
    except PlumeError as exc:
        print(f"plume analyze: {exc}", file=sys.stderr)
        return 2
    terms = _terms(args.terms)
    if terms is None:
        return 2
    if args.json:
        data = to_json(report, ui_lang)
        if terms:
            from app.commands.terms_view import coverage_data

            data["term_coverage"] = coverage_data(article, terms)
        output = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        output = render_text(report, article, ui_lang, colour=colour)
        if terms:
            from app.commands.terms_view import coverage_lines

            output += "\n\n" + "\n".join(coverage_lines(article, terms))
    try:
        print(output)
        sys.stdout.flush()
    except BrokenPipeError:          # `plume analyze … | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _terms(source: str | None) -> list[Any] | None:
    """The --terms file's terms ([] without one; None after saying why it is unusable)."""
    if not source:
        return []
    from pathlib import Path

    from app.core.errors import InputError
    from app.core.terms import read_terms_file

    try:
        return list(read_terms_file(Path(source)))
    except InputError as exc:
        print(f"plume analyze: {exc}", file=sys.stderr)
        return None


def to_json(report: Any, ui_lang: str) -> dict[str, Any]:
    from app.core.analysis import check_title, message

    data = dataclasses.asdict(report)
    for check, entry in zip(report.checks, data["checks"], strict=True):
        entry["title"] = check_title(check.id, ui_lang)
        entry["message"] = message(check, ui_lang)
    return data


def render_text(report: Any, article: Any, ui_lang: str, *, colour: bool) -> str:
    from app.core.analysis import Group, check_title, message
    from app.core.languages import pack

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    def say(key: str) -> str:          # the report's own words, in the advice language
        return check_title(f"_{key}", ui_lang)

    typography = pack(ui_lang).typography     # French: no-break space before ":", « »
    colon = typography.space_before.get(":", "") + ":"
    lines = [paint(article.title or article.h1 or say("untitled"), _BOLD)]
    kw = article.keyword or say("none")
    lines.append(f"{say('keyphrase')}{colon} {kw} · {report.language} · "
                 f"{report.words} {say('words')} · {report.sentences} "
                 f"{say('sentences')} · {report.reading_minutes:g} min")
    lines.append(f"SEO{colon} {paint(f'{report.seo_score}/100', _COLOURS[report.seo_status])}   "
                 f"{say('readability')}{colon} "
                 f"{paint(f'{report.readability_score}/100', _COLOURS[report.readability_status])}   "
                 f"Flesch{colon} {report.flesch:g}")
    from app.core.analysis.seo_extra import EXTRA_ORDER

    seo = list(report.group(Group.SEO))
    sections = [
        ("SEO", [c for c in seo if c.id not in EXTRA_ORDER]),
        (say("further_seo"), [c for c in seo if c.id in EXTRA_ORDER]),
        (say("readability"), list(report.group(Group.READABILITY))),
        (say("review"), list(report.group(Group.LINT))),
    ]
    for heading, checks in sections:
        lines.append("")
        lines.append(paint(heading, _BOLD))
        for check in checks:
            mark = paint(_MARKS[check.status], _COLOURS[check.status])
            label = f"[{check.status.value}]" if not colour else mark
            lines.append(f"  {label} {check_title(check.id, ui_lang)}{colon} "
                         f"{message(check, ui_lang)}")
            for span in check.spans[:3]:
                text = getattr(article, "body" if span.field == "body" else span.field, "")
                excerpt = " ".join(text[span.start:span.end].split())
                if excerpt:
                    excerpt = excerpt if len(excerpt) <= 70 else excerpt[:67] + "…"
                    lines.append(paint("      " + typography.apply(typography.quote(excerpt)), _DIM))
    if report.snippet is not None:
        s = report.snippet
        lines += ["", paint(say("search_preview"), _BOLD),
                  f"  {s.title}  ({s.title_px:.0f}px)", f"  {s.url}",
                  f"  {s.description}  ({s.description_px:.0f}px)"]
    return "\n".join(lines)
