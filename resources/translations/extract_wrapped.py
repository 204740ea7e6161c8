"""Extract UI strings that pyside6-lupdate cannot see, into `plume_<lang>_wrapped.ts`.

lupdate understands `self.tr("…")` and `QCoreApplication.translate("Ctx", "…")`, but not
two idioms used in app/ui:

    def _tr(text): return QCoreApplication.translate("MainWindow", text)   # then _tr("…")
    tr = self.tr                                                           # then tr("…")

This script finds both with `ast` and writes their messages (context + source) to a second
catalogue, keeping the translations already in it. `make translations` compiles both
catalogues into one `.qm`.

    python resources/translations/extract_wrapped.py app/ui resources/translations fr en
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module-level `def f(text): return QCoreApplication.translate("Ctx", text)`."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.body:
            continue
        last = node.body[-1]
        call = last.value if isinstance(last, ast.Return) else None
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "translate" and call.args
                and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
            found[node.name] = call.args[0].value
    return found


def _text(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def extract(source_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """{context: [(source text, "file:line"), …]} in file order, without duplicates."""
    messages: dict[str, list[tuple[str, str]]] = {}
    seen: set[tuple[str, str]] = set()

    def add(context: str, text: str, where: str) -> None:
        if (context, text) not in seen:
            seen.add((context, text))
            messages.setdefault(context, []).append((text, where))

    for path in sorted(source_dir.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        wrappers = _wrappers(tree)
        rel = path.as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in wrappers and (text := _text(node)) is not None:
                add(wrappers[node.func.id], text, f"{rel}:{node.lineno}")
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for func in (n for n in cls.body if isinstance(n, ast.FunctionDef)):
                aliases = {
                    target.id
                    for stmt in ast.walk(func) if isinstance(stmt, ast.Assign)
                    and isinstance(stmt.value, ast.Attribute) and stmt.value.attr == "tr"
                    and isinstance(stmt.value.value, ast.Name) and stmt.value.value.id == "self"
                    for target in stmt.targets if isinstance(target, ast.Name)
                }
                for call in (n for n in ast.walk(func) if isinstance(n, ast.Call)):
                    if isinstance(call.func, ast.Name) and call.func.id in aliases \
                            and (text := _text(call)) is not None:
                        add(cls.name, text, f"{rel}:{call.lineno}")
    return messages


def write_ts(path: Path, language: str, messages: dict[str, list[tuple[str, str]]]) -> None:
    """Write the catalogue, keeping translations already present in `path`."""
    previous: dict[tuple[str, str], ET.Element] = {}
    if path.exists():
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None:
                    previous[(name, message.findtext("source") or "")] = translation
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    for context_name in sorted(messages):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for text, where in messages[context_name]:
            message = ET.SubElement(context, "message")
            file, line = where.rsplit(":", 1)
            ET.SubElement(message, "location", filename="../../" + file, line=line)
            ET.SubElement(message, "source").text = text
            old = previous.get((context_name, text))
            if old is not None and (old.text or "").strip() and old.get("type") != "vanished":
                translation = ET.SubElement(message, "translation")
                translation.text = old.text
            else:
                ET.SubElement(message, "translation", type="unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def main(argv: list[str]) -> int:
    source_dir, out_dir, *languages = argv
    messages = extract(Path(source_dir))
    for language in languages:
        path = Path(out_dir) / f"plume_{language}_wrapped.ts"
        write_ts(path, language, messages)
        count = sum(len(v) for v in messages.values())
        print(f"{path}: {count} wrapped message(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
