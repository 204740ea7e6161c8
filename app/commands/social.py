"""`plume social ARTICLE.md [MORE.md…] --to x,linkedin,facebook,instagram,newsletter` — posts that
announce an article, written by a local model in the article's language, each checked
against its network's limits (see app/core/social/networks.py), saved beside the article as
<slug>.social.md and <slug>.social.json.

Exit codes: 0 written · 2 bad input · 3 Ollama unreachable · 4 model not installed ·
1 failed · 130 stopped by Ctrl+C.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import Any

EXIT_FAILED, EXIT_INPUT, EXIT_UNAVAILABLE, EXIT_NO_MODEL, EXIT_CANCELLED = 1, 2, 3, 4, 130


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "social", help="write social posts (X, LinkedIn, Facebook, Instagram, newsletter) "
                       "from an article",
        description="Write one post per network from an article, in the article's language, "
                    "within each network's limits, with its URL and hashtags from its keywords.")
    p.add_argument("article", nargs="+",
                   help="the article(s): Markdown (.md) or HTML (.html) — e.g. a batch's "
                        "output folder/*.md")
    p.add_argument("--to", default="x,linkedin,facebook,instagram,newsletter", metavar="NETWORKS",
                   help="comma-separated: x, linkedin, facebook, instagram, newsletter "
                        "(default: all)")
    p.add_argument("--url", help="the article's public address (default: its front matter, "
                                 "else the site URL in Settings + slug)")
    p.add_argument("--model", help="Ollama model (default: settings)")
    p.add_argument("--host", metavar="URL", help="Ollama address (default: settings, "
                                                 "$OLLAMA_HOST, then http://127.0.0.1:11434)")
    p.add_argument("--temperature", type=float, help="default: settings")
    p.add_argument("--seed", type=int, help="fixed seed for repeatable output")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="folder for the posts (default: the article's folder)")
    p.add_argument("--force", action="store_true", help="replace existing .social files")
    p.add_argument("--quiet", action="store_true", help="do not print the posts")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.errors import Cancelled, InputError, ModelNotFound, OllamaUnavailable, PlumeError

    try:
        return _social(args)
    except Cancelled:
        print("Stopped.", file=sys.stderr)
        return EXIT_CANCELLED
    except PlumeError as exc:
        print(f"plume social: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"  → {exc.hint}", file=sys.stderr)
        if isinstance(exc, OllamaUnavailable):
            return EXIT_UNAVAILABLE
        if isinstance(exc, ModelNotFound):
            return EXIT_NO_MODEL
        return EXIT_INPUT if isinstance(exc, InputError) else EXIT_FAILED


def _social(args: argparse.Namespace) -> int:
    from app.application import Plume
    from app.application.articles import read_article_file
    from app.core.cancel import CancelToken
    from app.core.errors import InputError
    from app.core.export.files import article_stem
    from app.core.social.files import save_posts
    from app.core.social.networks import parse_networks

    plume = Plume.open()
    networks = parse_networks(args.to)                 # bad input: said before any work
    if args.url and len(args.article) > 1:
        raise InputError("--url names one article's address; several articles were given.",
                         hint="Give one article with --url, or put each URL in its front matter.")
    jobs = []
    for name in args.article:                          # every file checked before any writing
        path = Path(name)
        article = read_article_file(path).article
        if not (article.title or article.h1) or not article.body.strip():
            raise InputError(f"{path} has no title or no text to write posts about.")
        folder = args.out or path.parent
        if not folder.is_dir():
            raise InputError(f"The folder {folder} does not exist.", hint="Create it first.")
        stem = article_stem(article) if article.slug else path.stem
        if not args.force:
            for suffix in (".social.md", ".social.json"):
                if (folder / f"{stem}{suffix}").exists():
                    raise InputError(f"{folder / (stem + suffix)} already exists.",
                                     hint="Add --force to replace it.")
        url = plume.article_url(article, args.url)
        if not url:
            print(f"plume social: no URL for {path} (no --url, none in its front matter, no "
                  "site URL in Settings): its posts carry no link.", file=sys.stderr)
        jobs.append((article, url, folder, stem))
    cancel = CancelToken()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    try:
        with plume.connection(args.host).open() as service:
            model = plume.model(args.model)
            if not model:
                raise InputError("No model chosen.", hint="Add --model, e.g. --model gemma3.")
            service.show(model)                          # ModelNotFound before any writing
            writer = plume.social_writer(service, model, temperature=args.temperature,
                                         seed=args.seed)
            for article, url, folder, stem in jobs:
                posts = []
                for post in writer.posts(article, networks, url, cancel):
                    posts.append(post)
                    _show(post, quiet=args.quiet)
                for saved in save_posts(article, posts, folder, stem, overwrite=args.force):
                    print(f"Saved {saved}", file=sys.stderr)
    finally:
        signal.signal(signal.SIGINT, previous)
    return 0


def _show(post: Any, *, quiet: bool) -> None:
    network = post.network
    origin = "" if post.source == "model" else " — fallback from the title and description"
    print(f"[{network.label}] {post.length}/{network.max_chars} characters{origin}",
          file=sys.stderr)
    for problem in post.problems if post.source != "model" else ():
        print(f"  refused: {problem}", file=sys.stderr)
    if not quiet:
        print(f"── {network.label} ──\n{post.full_text}\n")
