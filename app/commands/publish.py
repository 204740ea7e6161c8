"""`plume publish ARTICLE.md --site NAME`: send an article to WordPress (REST API).

plume publish --add-site myblog --url https://example.com --user editor   # asks the password
plume publish draft.md --site myblog                         # a draft (updated if published before)
plume publish draft.md --site myblog --status publish --category Vélo --tag pliant
plume publish draft.md --site myblog --status future --date 2026-12-24T08:00
plume publish --sites
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

EXIT_INPUT, EXIT_SITE = 2, 3


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "publish", help="publish an article to WordPress (draft by default)",
        description="Publish a Markdown article to a WordPress site through its REST API, "
                    "signed in with an application password kept in the system keychain. "
                    "New posts are drafts unless --status says otherwise; publishing the same "
                    "article again updates its post.")
    parser.add_argument("article", nargs="?", metavar="ARTICLE.md", help="the article to publish")
    parser.add_argument("--site", metavar="NAME|URL", help="a configured site, or its address")
    parser.add_argument("--user", help="WordPress user (with an address as --site)")
    parser.add_argument("--status", choices=("draft", "publish", "future", "pending", "private"),
                        help="draft for a new post (default); an update keeps its status")
    parser.add_argument("--date", help="with --status future: when, e.g. 2026-12-24T08:00")
    parser.add_argument("--category", action="append", default=[], dest="categories",
                        metavar="NAME", help="an existing category (repeatable; default: the "
                                             "article's front matter)")
    parser.add_argument("--tag", action="append", default=[], dest="tags", metavar="NAME",
                        help="a tag, created if missing (repeatable)")
    parser.add_argument("--image", type=Path, help="featured image (default: the front "
                                                   "matter's image)")
    parser.add_argument("--add-site", metavar="NAME", help="save a site: --url, --user, then "
                                                           "the application password is asked")
    parser.add_argument("--url", help="with --add-site: the site's address")
    parser.add_argument("--password-stdin", action="store_true",
                        help="with --add-site: read the application password from stdin")
    parser.add_argument("--sites", action="store_true", help="list the configured sites")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.errors import InputError, PlumeError

    try:
        if args.sites:
            return _list()
        if args.add_site:
            return _add(args)
        if not args.article or not args.site:
            raise InputError("Which article, and to which site?",
                             hint="plume publish ARTICLE.md --site NAME (see --help).")
        return _publish(args)
    except PlumeError as exc:
        print(f"plume publish: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"  → {exc.hint}", file=sys.stderr)
        return EXIT_INPUT if isinstance(exc, InputError) else EXIT_SITE


def _publish(args: argparse.Namespace) -> int:
    from app.application.publishing import publish_file
    from app.core.publish.publisher import PublishOptions

    options = PublishOptions(status=args.status, date=_date(args.date), categories=args.categories,
                             tags=args.tags, image=args.image)
    options.check()
    article, result = publish_file(Path(args.article), args.site, options, user=args.user)
    post = result.post
    verb = "Created" if result.created else "Updated"
    print(f"{verb} post #{post.id} ({post.status}) “{article.h1 or article.title}”: {post.link}")
    if result.seo_plugin:
        names = {"yoast": "Yoast SEO", "rankmath": "Rank Math"}
        print(f"  SEO fields ({names[result.seo_plugin]}): title, description, keyphrase")
    for note in result.notes:
        print(f"  note: {note}", file=sys.stderr)
    return 0


def _add(args: argparse.Namespace) -> int:
    import getpass
    import os

    from app.application.publishing import add_site
    from app.core.errors import InputError
    from app.core.publish.sites import PASSWORD_ENV
    from app.core.publish.wordpress import normalize_site

    if not args.url or not args.user:
        raise InputError("A site needs its address and a user.",
                         hint="plume publish --add-site NAME --url https://example.com --user NAME")
    url = normalize_site(args.url)
    if args.password_stdin:
        password = sys.stdin.readline().strip()
    else:
        password = os.environ.get(PASSWORD_ENV, "").strip() or getpass.getpass(
            f"Application password for {args.user} on {url}: ").strip()
    saved, name, kept = add_site(args.add_site, url, args.user, password)
    where = ("password in the system keychain" if kept
             else f"no keychain here: the password will come from ${PASSWORD_ENV}")
    print(f"Saved site '{saved.name}': {saved.url} as {name} ({where})")
    return 0


def _list() -> int:
    from app.core.publish.sites import load_sites

    sites = load_sites()
    if not sites:
        print("No site yet: plume publish --add-site NAME --url URL --user USER")
    for site in sites.values():
        print(f"{site.name}\t{site.url}\t{site.user}")
    return 0


def _date(text: str | None) -> dt.datetime | None:
    from app.core.errors import InputError

    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"'{text}' is not a date.",
                         hint="Use YYYY-MM-DDTHH:MM, e.g. 2026-12-24T08:00 (local time).") from None
