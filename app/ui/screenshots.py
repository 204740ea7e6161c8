"""`make screenshots`: PNGs of the main window for the README (docs/screenshots/).

    python -m app.ui.screenshots [--out docs/screenshots] [--themes light dark] [--langs en fr]

Drives the real window against the project's fake Ollama server (tests/fake_ollama, so
run it from a source checkout), offscreen, with isolated settings and UI state. Shots:
empty window, mid-generation (streaming, thinking shown), scored article (a check
clicked, its text highlighted), for each theme and interface language available.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SIZE = (1440, 900)
KEYWORD = {"en": "running shoes for flat feet", "fr": "chaussures de running pied plat"}
AUDIENCE = {"en": "beginner runners", "fr": "coureurs débutants"}


def _wait(app, condition: Callable[[], bool], timeout: float = 30.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def _settle(app, seconds: float = 0.6) -> None:
    _wait(app, lambda: False, seconds)


def _languages_available() -> list[str]:
    from app.core.resources import resource_path

    langs = ["en"]
    try:
        if resource_path("translations", "plume_fr.qm").exists():
            langs.append("fr")
    except FileNotFoundError:
        pass
    return langs


def shoot(out: Path, themes: list[str], langs: list[str]) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    tmp = Path(tempfile.mkdtemp(prefix="plume-shots-"))
    os.environ["PLUME_CONFIG_DIR"] = str(tmp / "config")
    os.environ["PLUME_DATA_DIR"] = str(tmp / "data")
    from app.core.settings import Settings, first_run_language
    from app.ui.bootstrap import create_application, install_language
    from app.ui.theme import apply_theme
    from tests.fake_ollama import FakeOllama

    app = create_application(["plume"])
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with FakeOllama(tokens_per_second=400) as fake:
        for lang in langs:
            install_language(app, lang)
            for theme in themes:
                apply_theme(app, theme)
                settings = first_run_language(
                    Settings(host=fake.url, default_model="qwen3:8b", theme=theme,
                             ui_language=lang, think=True, self_review=False),
                    lang, saved=False)               # a first start, as a new user sees it
                written += _shoot_one(app, fake, settings, out, theme, lang, tmp)
    return written


def _shoot_one(app, fake, settings, out: Path, theme: str, lang: str, tmp: Path) -> list[Path]:
    from app.core.models import Language
    from app.ui.controllers.generation_controller import GenerationState
    from app.ui.main_window import MainWindow
    from app.ui.ui_state import UiState

    files: list[Path] = []
    window = MainWindow(settings, ui_state=UiState(tmp / f"ui-{theme}-{lang}.ini"))
    window.preview.apply_theme(theme == "dark")
    window.resize(*SIZE)
    window.show()
    _wait(app, lambda: window.connection.status.connected, 10)
    _settle(app)

    def grab(name: str) -> None:
        _settle(app, 0.3)
        path = out / f"{name}-{theme}-{lang}.png"
        window.grab().save(str(path))
        files.append(path)
        print(path)

    grab("empty")
    brief = window.brief_panel
    brief.keyword.setText(KEYWORD[lang])
    brief.language.setCurrentIndex(brief.language.findData(Language(lang).value))
    brief.audience.setText(AUDIENCE[lang])
    brief.length.setValue(900)
    brief.secondary.setText("stability shoes, arch support" if lang == "en"
                            else "chaussures stables, voûte plantaire")
    window.thinking.set_think(True)
    window.actions.generate_outline.trigger()
    _wait(app, lambda: not window.generation.busy, 30)
    fake.set_delay(tokens_per_second=60)
    window.actions.write.trigger()
    _wait(app, lambda: window.editor.toPlainText().count("\n## ") >= 2, 60)
    _settle(app, 1.2)
    grab("generating")
    fake.set_delay(tokens_per_second=4000)
    _wait(app, lambda: window.generation.state is not GenerationState.WRITING, 90)
    window.thinking.set_expanded(False)
    _wait(app, lambda: window.score_panel.report is not None, 20)
    _settle(app, 1.0)
    report = window.score_panel.report
    if report is not None:
        target = next((c for c in report.checks if c.status.value != "good"
                       and any(s.field == "body" for s in c.spans)), None)
        target = target or next((c for c in report.checks
                                 if any(s.field == "body" for s in c.spans)), None)
        if target is not None:
            window.score_panel.select_check(target.id)
    grab("scored")
    window.close()
    window.deleteLater()
    _settle(app, 0.2)
    fake.set_delay(tokens_per_second=400)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--themes", nargs="+", default=["light", "dark"])
    parser.add_argument("--langs", nargs="+", default=None)
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[2]
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))   # tests.fake_ollama lives in the checkout
    langs = args.langs or _languages_available()
    shoot(args.out, args.themes, langs)
    sys.stdout.flush()
    # Skip interpreter teardown: PySide6 can crash while finalising leftover Qt objects,
    # after every file is written; the exit status must say the run succeeded.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
