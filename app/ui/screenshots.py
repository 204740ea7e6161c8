"""`make screenshots`: PNGs of the main window for the README (docs/screenshots/).

    python -m app.ui.screenshots [--out docs/screenshots] [--themes light dark] [--langs en fr]

Drives the real window against the project's fake Ollama server (tests/fake_ollama, so
run it from a source checkout), offscreen, with isolated settings and UI state. The fake
server listens on Ollama's own port (localhost:11434) when it is free, so the window shows
the address a writer sees. Shots, for each theme and interface language available:
mid-generation (streaming, thinking shown), a finished article opened from
docs/screenshots/samples/ and scoring green (a check clicked, its words highlighted), the
Library tab, and the Batch tab after a run.
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
_KEEP: list[object] = []
HOST = "http://localhost:11434"
SITE = "https://www.example.com/blog/"
SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "samples"
BATCH = {"en": ["trail running shoes", "running socks for blisters", "marathon training plan",
                "heart rate zones for runners"],
         "fr": ["chaussures de trail", "chaussettes de running anti-ampoules",
                "plan d’entraînement marathon", "zones de fréquence cardiaque"]}
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
    try:
        fake = FakeOllama(tokens_per_second=400, port=11434)
        host = HOST
    except OSError:                        # a real Ollama is running here: any free port
        fake = FakeOllama(tokens_per_second=400)
        host = fake.url
    with fake:
        for lang in langs:
            install_language(app, lang)
            for theme in themes:
                apply_theme(app, theme)
                settings = first_run_language(
                    Settings(host=host, default_model="qwen3:8b", theme=theme,
                             ui_language=lang, think=True, self_review=False, site_url=SITE),
                    lang, saved=False)               # a first start, as a new user sees it
                written += _shoot_one(app, fake, settings, out, theme, lang, tmp)
    return written


def _shoot_one(app, fake, settings, out: Path, theme: str, lang: str, tmp: Path) -> list[Path]:
    from app.core.models import Language
    from app.core.store import Library
    from app.ui.controllers.generation_controller import GenerationState
    from app.ui.main_window import MainWindow
    from app.ui.ui_state import UiState

    files: list[Path] = []
    library = Library(tmp / f"library-{theme}-{lang}.sqlite3")
    window = MainWindow(settings, ui_state=UiState(tmp / f"ui-{theme}-{lang}.ini"),
                        library=library)
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

    # 1. Writing: the outline is ready, the first sections stream in.
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
    fake.set_delay(tokens_per_second=25)
    window.actions.write.trigger()
    # Still in the introduction: one block of thinking (the fake model thinks the same
    # sentence before every section), the text streaming under the headline.
    _wait(app, lambda: len(window.editor.toPlainText()) > 200, 30)
    _settle(app, 1.2)                    # the preview and the scores catch up
    grab("generating")
    fake.set_delay(tokens_per_second=4000)
    _wait(app, lambda: window.generation.state is not GenerationState.WRITING, 90)
    window.save_to_library()
    window.thinking.set_expanded(False)

    # 2. A finished article, opened from a file, scoring green; a check's words highlighted.
    window.mark_saved()
    window.open_file(SAMPLES / f"{lang}.md")
    _wait(app, lambda: window.score_panel.report is not None, 20)
    _settle(app, 1.0)
    window.save_to_library()
    report = window.score_panel.report
    if report is not None:
        target = next((c for c in report.checks if c.id == "keyphrase_density"), None) or next(
            (c for c in report.checks if any(s.field == "body" for s in c.spans)), None)
        if target is not None:
            window.score_panel.select_check(target.id)
            _settle(app, 0.3)
    window.score_panel.verticalScrollBar().setValue(0)    # the green scores in view
    window.focus_outline()
    grab("scored")

    # 3. The Batch tab after a run (its rows coloured by score), then the Library tab.
    window.actions.mode_batch.trigger()
    panel = window.batch_panel
    panel.paste_box.setPlainText("\n".join(BATCH[lang]))
    panel.out_edit.setText(str(tmp / "Documents" / ("running-blog" if lang == "en"
                                                    else "blog-course") / f"{theme}"))
    panel.paste_button.click()
    _wait(app, lambda: panel.controller.parsed is not None, 10)
    panel.run_button.click()
    _wait(app, lambda: not panel.controller.running
          and all(r.state == "done" for r in panel.controller.model.rows), 120)
    panel.table.resizeColumnsToContents()
    grab("batch")
    window.actions.mode_write.trigger()
    window.parts.left_tabs.setCurrentWidget(window.library_panel)
    _wait(app, lambda: len(window.library_panel.titles()) >= 4, 10)
    grab("library")
    window.mark_saved()
    if window.autosave is not None:
        window.autosave.discard_current()
    window.close()
    window.deleteLater()
    _KEEP.append(library)          # open until the process ends: late autosaves may use it
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
