"""The window owns its parts: app/ui has no import cycles (counting imports made inside
functions and under TYPE_CHECKING too), controllers never import panels or the window, and
the window's services are declared on its class, not attached from outside.

Read from the source with `ast`, so a cycle hidden behind a lazy import is still found."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "app" / "ui"


def _module_name(path: Path) -> str:
    parts = path.relative_to(UI.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _ui_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(UI.rglob("*.py"))}


def _imports(path: Path, known: set[str], *, type_only: bool = True) -> set[str]:
    """The app.ui modules `path` imports, wherever the import statement is (without
    `type_only`: leaving out the imports under `if TYPE_CHECKING:`, made for annotations)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    if not type_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and isinstance(node.test, ast.Name) \
                    and node.test.id == "TYPE_CHECKING":
                skipped.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module in known:
                found.add(node.module)
            for alias in node.names:   # `from app.ui import composition` names a module
                if f"{node.module}.{alias.name}" in known:
                    found.add(f"{node.module}.{alias.name}")
    found.discard(_module_name(path))
    return {m for m in found if not m.endswith(("app.ui", "__init__"))}


def _graph(*, type_only: bool = True) -> dict[str, set[str]]:
    modules = _ui_modules()
    known = set(modules)
    return {name: _imports(path, known, type_only=type_only) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_app_ui_has_no_import_cycles():
    graph = _graph()
    assert "app.ui.main_window" in graph and graph["app.ui.main_window"]
    assert _cycles(graph) == []


def test_controllers_import_no_panel_no_editor_and_not_the_window():
    """At run time: a panel type named only in annotations (TYPE_CHECKING) is allowed; the
    cycle test above still counts those imports."""
    graph = _graph(type_only=False)
    controllers = [m for m in graph if m.startswith("app.ui.controllers.")]
    assert len(controllers) >= 5
    bad = {c: sorted(m for m in graph[c] if m.startswith(("app.ui.panels", "app.ui.main_window",
                                                          "app.ui.editor")))
           for c in controllers}
    assert {c: m for c, m in bad.items() if m} == {}


def test_nothing_outside_the_window_attaches_attributes_to_it():
    """`window.x = …` outside main_window.py was how services got attached from outside."""
    offenders = []
    for name, path in _ui_modules().items():
        if name == "app.ui.main_window":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else (
                [node.target] if isinstance(node, ast.AnnAssign | ast.AugAssign) else [])
            for target in targets:
                if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                        and target.value.id == "window"):
                    offenders.append(f"{name}:{node.lineno} window.{target.attr}")
    assert offenders == []


def test_the_window_reads_its_services_without_getattr():
    source = (UI / "main_window.py").read_text(encoding="utf-8")
    calls = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Name) and n.func.id == "getattr"
             and n.args and isinstance(n.args[0], ast.Name) and n.args[0].id == "self"]
    assert calls == []
