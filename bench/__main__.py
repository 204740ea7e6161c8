"""Run every benchmark module in this folder: `python -m bench [name ...]`."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

OPT_IN = {"real_gui", "site_links"}   # real model, minutes each: run them by name


def main(argv: list[str]) -> int:
    names = argv or sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if not m.name.startswith("_") and m.name not in OPT_IN
    )
    for name in names:
        print(f"== bench.{name}")
        module = importlib.import_module(f"bench.{name}")
        if hasattr(module, "main"):
            sys.argv = [f"python -m bench.{name}"]      # each benchmark parses its own options
            module.main()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
