"""`plume site import SOURCE --name SITE` · `plume site list` · `plume site pages SITE`.

SOURCE is a sitemap.xml file, a folder of Markdown/HTML articles, `--library` (the app's
saved articles), or a sitemap URL — downloaded only because it was given. Each page gets a
title, URL, language and main terms computed locally; re-importing updates the profile.
`plume generate … --links SITE` then proposes internal links to its pages.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("site", help="your site's pages, for internal links",
                              description=__doc__.split("\n\n")[1] if __doc__ else None)
    sub = p.add_subparsers(dest="site_command", metavar="ACTION")
    imp = sub.add_parser("import", help="import a sitemap, a folder of articles or the library")
    imp.add_argument("source", nargs="?", help="sitemap.xml, a folder, or a sitemap URL")
    imp.add_argument("--library", action="store_true", help="import the app's saved articles")
    imp.add_argument("--name", default="default", help="profile name (default: default)")
    imp.add_argument("--lang", help="language of pages that do not say (default: settings)")
    imp.add_argument("--site-url", help="site address, for articles without a URL "
                                        "(default: settings)")
    imp.set_defaults(run=_import)
    ls = sub.add_parser("list", help="the site profiles and their page counts")
    ls.set_defaults(run=_list)
    pages = sub.add_parser("pages", help="the pages of a profile")
    pages.add_argument("name", nargs="?", default="default")
    pages.add_argument("--lang", help="only pages in this language")
    pages.set_defaults(run=_pages)
    p.set_defaults(run=lambda _args: (p.print_help(), 0)[1])


def _fail(exc: Any) -> int:
    print(f"plume site: {exc.message}", file=sys.stderr)
    if exc.hint:
        print(f"  → {exc.hint}", file=sys.stderr)
    return 2


def _import(args: argparse.Namespace) -> int:
    from app.application import Plume
    from app.application.site import pages_from, site_store
    from app.core.errors import PlumeError
    from app.core.site.store import checked_name

    if bool(args.source) == bool(args.library):
        print("plume site import: give a sitemap, a folder or a URL — or --library.",
              file=sys.stderr)
        return 2
    plume = Plume.open()
    try:
        name = checked_name(args.name)
        lang = plume.language(args.lang).value
        pages = pages_from("library" if args.library else args.source, default_lang=lang,
                           site_url=args.site_url or plume.settings.site_url)
        if not pages:
            print(f"plume site import: no page found in {args.source or 'the library'}.",
                  file=sys.stderr)
            return 2
        with site_store() as store:
            added, updated = store.save(name, pages)
            total = store.sites().get(name, 0)
    except PlumeError as exc:
        return _fail(exc)
    languages: dict[str, int] = {}
    for page in pages:
        languages[page.language] = languages.get(page.language, 0) + 1
    split = ", ".join(f"{n} {lang}" for lang, n in sorted(languages.items()))
    print(f"Site '{name}': {added} pages added, {updated} updated ({split}); {total} in all.")
    return 0


def _list(args: argparse.Namespace) -> int:
    from app.application.site import site_store

    with site_store() as store:
        sites = store.sites()
    if not sites:
        print("No site profile yet. Import one: plume site import sitemap.xml --name my-site")
    for name, count in sites.items():
        print(f"{name}\t{count} pages")
    return 0


def _pages(args: argparse.Namespace) -> int:
    from app.application.site import site_store

    with site_store() as store:
        pages = store.pages(args.name, args.lang)
    for page in pages:
        print(f"{page.language}\t{page.url}\t{page.title}\t{', '.join(page.terms[:4])}")
    return 0
