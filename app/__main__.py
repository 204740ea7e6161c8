"""`python -m app` opens the desktop app (or prints the CLI help until it exists)."""

from __future__ import annotations

import sys


def main() -> int:
    from app.cli import main as cli_main

    return cli_main(sys.argv[1:] or ["gui"])


if __name__ == "__main__":
    sys.exit(main())
