"""app.core must never import Qt: every product rule stays testable without a screen."""

import json
import pkgutil
import subprocess
import sys

import app.core


def _core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(app.core.__path__, "app.core.")]


def test_core_imports_no_qt():
    modules = _core_modules()
    assert "app.core.models" in modules
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_cli_help_lists_commands():
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", "--help"], capture_output=True, text=True, check=True
    )
    assert "plume" in out.stdout
