"""`plume gui` (and bare `plume` / `python -m app`): open the desktop app."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("gui", help="open the desktop app (default)")
    parser.add_argument("--theme", choices=("system", "light", "dark"), default=None,
                        help="colour theme for this session")
    parser.add_argument("--lang", choices=("system", "fr", "en"), default=None,
                        help="interface language for this session")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.ui.bootstrap import main  # lazy: Qt loads only when the GUI opens

    return main(theme=args.theme, lang=args.lang)
