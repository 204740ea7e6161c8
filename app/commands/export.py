"""`plume export ARTICLE.md --to md|html|fragment …`: turn a Markdown article into files.

plume export draft.md --to html --site-url https://example.com/blog/ --out public/
plume export draft.md --to md --preset hugo --out content/posts/
plume export draft.md --to md,html
plume export draft.md --to fragment          # HTML fragment on stdout, for a CMS
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

PRESETS = ("plain", "hugo", "jekyll", "astro", "none")
FORMATS = ("md", "html", "fragment")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export an article as Markdown with front matter, an HTML page or a CMS fragment",
        description=(
            "Export an article (Markdown, with or without front matter) as Markdown for a static "
            "site generator, a standalone SEO-ready HTML page, or an HTML fragment to paste into "
            "a CMS. "
            "Files are named after the slug and never overwritten unless --overwrite is given."
        ),
    )
    parser.add_argument(
        "article", metavar="ARTICLE.md", help="the article to export ('-' reads stdin)"
    )
    parser.add_argument(
        "--to",
        default="md",
        metavar="FORMAT",
        help="md, html or fragment; several separated by commas (default: md)",
    )
    parser.add_argument(
        "--preset", default="plain", choices=PRESETS, help="front-matter key names (default: plain)"
    )
    parser.add_argument(
        "--site-url",
        help="public address of the site, for canonical and og:url "
        "(e.g. https://example.com/blog/ or https://example.com/{slug}/)",
    )
    parser.add_argument(
        "--author", help="author name for the front matter, the page and its JSON-LD"
    )
    parser.add_argument(
        "--draft", action="store_true", help="mark as draft (front matter; page gets noindex)"
    )
    parser.add_argument(
        "--tag", action="append", default=[], dest="tags", metavar="TAG", help="a tag (repeatable)"
    )
    parser.add_argument(
        "--category", action="append", default=[], dest="categories", metavar="CATEGORY", help="a category (repeatable)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="folder to write into (default: current folder; for fragment alone, print to stdout)",
    )
    parser.add_argument(
        "--text",
        action="store_true",
        help="with --to fragment on stdout: print the plain-text twin",
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace existing files of the same name"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.errors import PlumeError

    try:
        return _export(args)
    except PlumeError as exc:
        print(f"plume export: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"  → {exc.hint}", file=sys.stderr)
        return 1


def _export(args: argparse.Namespace) -> int:
    from app.core.errors import InputError
    from app.core.export.files import write_article
    from app.core.export.html import render_fragment
    from app.core.export.markdown import parse_markdown

    formats = [f.strip().lower() for f in str(args.to).split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise InputError(
            f"Unknown format '{args.to}'.",
            hint="Use --to md, html or fragment (e.g. --to md,html).",
        )
    article = parse_markdown(_read(args.article))
    if args.draft:
        article.extra["draft"] = True
    if args.author:
        article.extra["author"] = args.author
    if formats == ["fragment"] and args.out is None:
        fragment = render_fragment(article)
        sys.stdout.write((fragment.text if args.text else fragment.html) + "\n")
        return 0
    paths = write_article(
        article,
        args.out if args.out is not None else Path.cwd(),
        formats,
        preset=args.preset,
        site_url=args.site_url,
        author=args.author,
        overwrite=args.overwrite,
        tags=args.tags,
        categories=args.categories,
    )
    for path in paths:
        print(path)
    return 0


def _read(name: str) -> str:
    from app.core.errors import InputError

    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(name).read_bytes()
        except FileNotFoundError:
            raise InputError(
                f"{name} does not exist.", hint="Check the path of the article."
            ) from None
        except IsADirectoryError:
            raise InputError(
                f"{name} is a folder.", hint="Give the path of a Markdown file."
            ) from None
        except OSError as exc:
            raise InputError(
                f"Cannot read {name}: {exc.strerror}.", hint="Check the file's permissions."
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            f"{name} is not UTF-8 text.",
            hint="Save it as UTF-8 (most editors offer it in 'Save as'), then try again.",
        ) from None
