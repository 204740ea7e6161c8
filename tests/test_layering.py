"""app.core and the application layer above it never import Qt (nor the GUI): every product
rule stays testable without a screen, and the command line never loads the GUI."""

import json
import pkgutil
import subprocess
import sys

import app.application
import app.core


def _modules(package) -> list[str]:
    return [m.name for m in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")]


def _loaded_after_importing(modules: list[str], prefixes: tuple[str, ...]) -> list[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_core_imports_no_qt_and_nothing_above_it():
    modules = _modules(app.core)
    assert "app.core.models" in modules
    assert _loaded_after_importing(modules, ("PySide6", "shiboken", "app.ui", "app.application",
                                             "app.commands")) == []


def test_application_layer_imports_no_qt_and_no_face():
    modules = _modules(app.application)
    assert "app.application.plume" in modules
    assert _loaded_after_importing(modules, ("PySide6", "shiboken", "app.ui",
                                             "app.commands")) == []


def test_cli_help_lists_commands():
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", "--help"], capture_output=True, text=True, check=True
    )
    assert "plume" in out.stdout
