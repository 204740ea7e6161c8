"""`plume` command line. Each sub-command lives in `app/commands/<name>.py` and exposes
`register(subparsers)`; imports of heavy libraries happen inside the command's run
function so `plume --help` stays instant."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from app import __version__

COMMANDS = ("gui", "generate", "models", "analyze", "export", "batch", "selftest", "publish",
            "social", "site")


def build_parser(commands: Sequence[str] = COMMANDS) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plume",
        description="Plume — write SEO articles with open models running on your own machine.",
    )
    parser.add_argument("--version", action="version", version=f"plume {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        try:
            module = importlib.import_module(f"app.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"app.commands.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0].split("=")[0] == "--self-test":  # `plume --self-test OUT.json`
        args_list[:1] = ["selftest", *args_list[0].split("=", 1)[1:]]
    # Opening the app registers only `gui`: the other commands' modules cost ~25 ms to
    # import, paid before the window could show.
    opening_app = not args_list or args_list[0] == "gui"
    parser = build_parser(("gui",) if opening_app else COMMANDS)
    if not args_list:
        if "gui" in parser._subparsers._group_actions[0].choices:  # type: ignore[union-attr]
            args_list = ["gui"]
        else:
            parser.print_help()
            return 0
    args = parser.parse_args(args_list)
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
