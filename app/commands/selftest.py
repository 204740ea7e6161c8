"""`plume selftest OUT.json` (also `plume --self-test OUT.json`): headless health check.

Proves that an installed or frozen Plume finds its resources, scores a built-in French and
English sample offline, renders an export, loads translations and a keyring backend, and
opens then closes the main window offscreen. Each part is one small function reporting
"ok", "missing" (the feature is not in this build) or "error: ...". The JSON goes to a
file because a windowed Windows executable has no stdout. Exit code 0 only if every part
is "ok" (and nothing tried to reach the network).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import importlib
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PROCESS_START = time.time()  # close to interpreter start: the module is imported by the CLI

SAMPLES: dict[str, dict[str, Any]] = {
    "en": {
        "keyword": "herb garden",
        "title": "How to Start a Herb Garden on Your Balcony",
        "meta_description": (
            "Start a herb garden on a small balcony: the right pots, soil, light and watering, "
            "with six easy herbs that grow well in containers all year."
        ),
        "slug": "herb-garden-balcony",
        "body": (
            "# How to Start a Herb Garden on Your Balcony\n\n"
            "A herb garden fits on the smallest balcony. You need a few pots, good soil and "
            "about six hours of sun a day. Basil, parsley and mint grow quickly and forgive "
            "mistakes.\n\n"
            "## Choose the right pots\n\n"
            "Pick pots with drainage holes. Clay breathes well but dries out fast in summer. "
            "Group the pots so that herbs with the same needs share the same corner.\n\n"
            "## Water with care\n\n"
            "Water in the morning when the top of the soil feels dry. Too much water kills "
            "more herbs than too little.\n\n"
            "- Basil loves heat.\n- Mint spreads fast, so keep it alone.\n"
            "- Thyme needs little water.\n"
        ),
    },
    "fr": {
        "keyword": "potager sur balcon",
        "title": "Créer un potager sur balcon : le guide pour bien débuter",
        "meta_description": (
            "Créer un potager sur balcon : choisir les bacs, le terreau, l'exposition et "
            "l'arrosage, avec six plantes faciles qui poussent bien en pot toute l'année."
        ),
        "slug": "potager-sur-balcon",
        "body": (
            "# Créer un potager sur balcon\n\n"
            "Un potager sur balcon tient dans très peu de place. Il faut quelques bacs, un bon "
            "terreau et environ six heures de soleil par jour. Le basilic, le persil et la "
            "menthe poussent vite et pardonnent les erreurs.\n\n"
            "## Choisir les bons bacs\n\n"
            "Prenez des pots percés au fond. La terre cuite respire bien mais sèche vite en "
            "été. Regroupez les plantes qui ont les mêmes besoins.\n\n"
            "## Arroser avec soin\n\n"
            "Arrosez le matin, quand le dessus du terreau est sec. Trop d'eau tue plus de "
            "plantes que le manque d'eau.\n\n"
            "- Le basilic aime la chaleur.\n- La menthe s'étale vite : gardez-la seule.\n"
            "- Le thym demande peu d'eau.\n"
        ),
    },
}

EXPECTED_RESOURCES = ("prompts/fr", "prompts/en", "templates", "translations", "analysis/fr",
                      "analysis/en", "icons")


class MissingPart(Exception):
    """The feature this part checks is not part of this build (module or function absent)."""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "selftest",
        help="check this installation headless and write a JSON report",
        description="Check resources, offline scoring (fr/en), export, translations, keyring "
        "and the main window (offscreen); write the results as JSON to OUTPUT.",
    )
    parser.add_argument("output", type=Path, help="JSON file to write (e.g. selftest.json)")
    parser.add_argument(
        "--only", action="append", choices=list(PARTS), metavar="PART",
        help="run only this part (repeatable): " + ", ".join(PARTS),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.errors import ExportError
    from app.core.export.files import atomic_write, check_folder

    output: Path = args.output
    try:
        if output.is_dir():
            raise ExportError(f"{output} is a folder.", hint="Give a file name, e.g. "
                              f"{output / 'selftest.json'}.")
        check_folder(output.parent)          # before the checks run, not after
        report = run_selftest(args.only or list(PARTS))
        output.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(output, json.dumps(report, indent=2, ensure_ascii=False), overwrite=True)
    except (ExportError, OSError) as exc:
        print(f"plume selftest: cannot write {output}: {getattr(exc, 'message', exc)}",
              file=sys.stderr)
        if getattr(exc, "hint", ""):
            print(f"  → {exc.hint}", file=sys.stderr)  # type: ignore[union-attr]
        return 2
    if sys.stdout is not None:  # absent in a windowed Windows executable
        for name, part in report["parts"].items():
            print(f"{name:<13} {part['status']}")
        print(f"self-test {'passed' if report['ok'] else 'FAILED'}: {output}")
    return 0 if report["ok"] else 1


def run_selftest(names: list[str]) -> dict[str, Any]:
    from app import __version__

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parts: dict[str, dict[str, Any]] = {}
    attempts: list[str] = []
    with _no_network(attempts):
        for name in names:
            parts[name] = _run_part(PARTS[name])
    parts["offline"] = {
        "status": "ok" if not attempts else f"error: tried to reach the network: {attempts[:3]}",
        "attempts": attempts,
    }
    return {
        "plume_version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "process_start_epoch": PROCESS_START,
        "ok": all(p["status"] == "ok" for p in parts.values()),
        "parts": parts,
    }


def _run_part(check: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        result = {"status": "ok", **check()}
    except MissingPart as exc:
        result = {"status": "missing", "what": str(exc)}
    except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the others
        result = {
            "status": f"error: {type(exc).__name__}: {exc}",
            "traceback": traceback.format_exc(limit=6).splitlines()[-8:],
        }
    result["seconds"] = round(time.perf_counter() - started, 4)
    return result


def _require(module: str, attribute: str | None = None) -> Any:
    """Import `module` (and fetch `attribute`), raising MissingPart when it is not built yet."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            raise MissingPart(module) from None
        raise
    if attribute is None:
        return mod
    if not hasattr(mod, attribute):
        raise MissingPart(f"{module}.{attribute}")
    return getattr(mod, attribute)


@contextmanager
def _no_network(attempts: list[str]) -> Iterator[None]:
    """Refuse (and record) any connection or name lookup outside this machine."""
    import socket

    local = ("127.", "::1", "localhost", "0:0:0:0:0:0:0:1")

    def is_local(host: Any) -> bool:
        return isinstance(host, str) and host.startswith(local)

    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not is_local(address[0]):
            attempts.append(f"connect {address!r}")
            raise OSError(f"Plume self-test: network access refused ({address!r})")

    def connect(sock: socket.socket, address: Any) -> None:
        check(sock, address)
        real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        check(sock, address)
        return real_connect_ex(sock, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not is_local(host):
            attempts.append(f"resolve {host!r}")
            raise socket.gaierror(f"Plume self-test: name lookup refused ({host!r})")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo
    try:
        yield
    finally:
        socket.socket.connect, socket.socket.connect_ex = real_connect, real_connect_ex  # type: ignore[method-assign]
        socket.getaddrinfo = real_getaddrinfo


def sample_article(lang: str) -> Any:
    from app.core.models import Article, Language

    data = SAMPLES[lang]
    return Article(
        keyword=data["keyword"], language=Language(lang), title=data["title"],
        meta_description=data["meta_description"], slug=data["slug"], body=data["body"],
        created=_dt.datetime(2026, 1, 15, 9, 0, tzinfo=_dt.UTC), model="selftest",
    )


# --- parts -------------------------------------------------------------------------------


def check_resources() -> dict[str, Any]:
    from app.core.resources import resources_dir

    root = resources_dir()
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    absent = [d for d in EXPECTED_RESOURCES if not any(f.startswith(d + "/") for f in files)]
    if absent:
        raise MissingPart("resources: " + ", ".join(absent))
    return {"root": str(root), "files": len(files), "file_list": files}


def check_syllables() -> dict[str, Any]:
    """Syllables as the analysis counts them, from shipped data only: English by the spelling
    rule plus the CMU words it gets wrong (resources/analysis/en/syllable_exceptions.txt;
    'area' is one of them: 3, the rule says 2), French by rule."""
    import re

    from app.core.analysis import syllables

    values: dict[str, Any] = {}
    for lang, data in SAMPLES.items():
        words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", data["body"])
        count = sum(syllables.count(word, lang) for word in words)
        if count <= len(words):
            raise RuntimeError(f"{lang}: {count} syllables for {len(words)} words")
        values[lang] = {"syllables": count, "words": len(words)}
    values["en"]["area"] = syllables.count("area", "en")
    if values["en"]["area"] != 3:
        raise RuntimeError("the English syllable exceptions were not read ('area' ≠ 3)")
    return {"values": values}


def check_scores() -> dict[str, Any]:
    analyze = _require("app.core.analysis", "analyze")
    values = {}
    for lang in SAMPLES:
        report = analyze(sample_article(lang))
        values[lang] = {
            "seo_score": report.seo_score, "readability_score": report.readability_score,
            "flesch": report.flesch, "words": report.words, "sentences": report.sentences,
        }
        if not (0 < report.words and 0 <= report.seo_score <= 100):
            raise RuntimeError(f"{lang}: implausible report {values[lang]}")
    return {"values": values}


def check_export() -> dict[str, Any]:
    import hashlib
    import html

    render_page = _require("app.core.export.html", "render_page")
    to_markdown = _require("app.core.export.markdown", "to_markdown")
    out: dict[str, Any] = {}
    for lang, data in SAMPLES.items():
        article = sample_article(lang)
        page, markdown_text = render_page(article), to_markdown(article)
        h1 = data["body"].splitlines()[0][2:]
        if "<html" not in page.lower() or h1 not in html.unescape(page):
            raise RuntimeError(f"{lang}: HTML page lacks <html> or the headline")
        if h1 not in markdown_text:
            raise RuntimeError(f"{lang}: Markdown export lacks the headline")
        out[lang] = {"html_sha256": hashlib.sha256(page.encode()).hexdigest(),
                     "markdown_sha256": hashlib.sha256(markdown_text.encode()).hexdigest()}
    return {"values": out}


def check_keyring() -> dict[str, Any]:
    import keyring

    backend = keyring.get_keyring()
    # The OS's own store must be in the bundle even where no keyring daemon runs (CI).
    native = {"win32": "Windows", "darwin": "macOS"}.get(sys.platform, "SecretService")
    importlib.import_module(f"keyring.backends.{native}")
    keyring_usable = _require("app.core.secrets", "keyring_usable")
    return {
        "native_backend": f"keyring.backends.{native}",
        "backend": f"{type(backend).__module__}.{type(backend).__name__}",
        "usable": bool(keyring_usable()),  # False is fine here (no Secret Service on CI)
    }


def _qt_app() -> Any:
    bootstrap = _optional("app.ui.bootstrap")
    if bootstrap is not None and hasattr(bootstrap, "create_application"):
        return bootstrap.create_application(["plume"])  # platform from QT_QPA_PLATFORM
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["plume"])


def _optional(module: str) -> Any:
    try:
        return _require(module)
    except MissingPart:
        return None


def check_translations() -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    from app.core.resources import resource_path

    install_translators = _require("app.ui.i18n", "install_translators")
    app = _qt_app()
    qm_files = sorted(resource_path("translations").glob("*.qm"))
    if not qm_files:
        raise MissingPart("resources/translations/*.qm")
    for path in qm_files:
        translator = QTranslator()
        if not translator.load(str(path)):
            raise RuntimeError(f"{path.name} does not load")
        if translator.isEmpty() and not path.stem.endswith("_en"):  # English is the source
            raise RuntimeError(f"{path.name} holds no translation")
    results = {}
    for lang, cancel in (("fr", "Annuler"), ("en", "Cancel")):
        used = install_translators(app, lang)
        # Qt's own catalogue (standard buttons) must be found inside the bundle too.
        shown = QCoreApplication.translate("QPlatformTheme", "Cancel")
        results[lang] = {"language": str(used), "cancel_button": shown}
        if str(used) != lang or shown != cancel:
            raise RuntimeError(f"{lang}: installed {used!r}, 'Cancel' reads {shown!r}")
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return {
        "qm_files": [p.name for p in qm_files], "install_translators": results,
        "qt_translations": sorted(p.name for p in qt_dir.glob("qt*_[ef][nr].qm")),
    }


def _make_main_window(app: Any) -> Any:
    """Build the window the way app.ui.bootstrap.main() does, minus side effects: the user's
    settings are read (never written), no library file is opened, no Ollama connection."""
    main_window = _require("app.ui.main_window", "MainWindow")
    settings = settings_path = None
    core_settings = _optional("app.core.settings")
    if core_settings is not None and hasattr(core_settings, "load_settings"):
        settings_path = core_settings.default_settings_path()
        settings = core_settings.load_settings(settings_path)
    bootstrap = _optional("app.ui.bootstrap")
    if bootstrap is not None and hasattr(bootstrap, "install_language"):
        bootstrap.install_language(app, getattr(settings, "ui_language", None) or "system")
    theme = _optional("app.ui.theme")
    if theme is not None and hasattr(theme, "apply_theme"):
        theme.apply_theme(app, getattr(settings, "theme", None) or "system")
    return main_window(settings, settings_path=settings_path, start_connection=False)


def check_window() -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    app = _qt_app()
    window = _make_main_window(app)
    window.show()
    deadline = time.monotonic() + 10
    while not window.isVisible() and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    app.processEvents()
    shown = time.time()
    if not window.isVisible():
        raise RuntimeError("the main window did not become visible")
    details = {
        "title": window.windowTitle(), "size": [window.width(), window.height()],
        "platform": app.platformName(), "shown_epoch": shown,
        "process_to_shown_s": round(shown - PROCESS_START, 4),
    }
    window.close()
    window.deleteLater()
    app.processEvents()
    return details


PARTS: dict[str, Callable[[], dict[str, Any]]] = {
    "resources": check_resources,
    "syllables": check_syllables,
    "scores": check_scores,
    "export": check_export,
    "keyring": check_keyring,
    "translations": check_translations,
    "window": check_window,
}
