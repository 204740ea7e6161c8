"""app.core and the application layer above it never import Qt (nor the GUI): every product
rule stays testable without a screen, and the command line never loads the GUI."""

import json
import pkgutil
import subprocess
import sys

import app.application
import app.core


def _core_modules() -> list[str]:
    return [m.name for package in (app.core, app.application)
            for m in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")]


def test_core_and_application_layer_import_no_qt():
    modules = _core_modules()
    assert "app.core.models" in modules and "app.application.plume" in modules
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules\n"
        "                        if m.startswith(('PySide6', 'shiboken', 'app.ui')))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_cli_help_lists_commands():
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", "--help"], capture_output=True, text=True, check=True
    )
    assert "plume" in out.stdout
