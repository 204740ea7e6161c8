"""The desktop app against a real model, driven as a writer would: brief → outline → write
(with the self-review) → export, with a screenshot at each step.

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python -m bench.real_gui --out /tmp/real-gui
    python -m bench.real_gui --host http://127.0.0.1:11434 --model qwen3:4b --lang en

Prints how long each step took. Not part of `make test`: it needs a real server (see
../shared/realmodel/README.md); under Xvfb the window is a real X11 window.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

KEYWORDS = {"fr": "vélo électrique pliant", "en": "standing desk"}


def _wait(app, condition: Callable[[], bool], timeout: float) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return False


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.real_gui", description=__doc__.split("\n")[0])
    parser.add_argument("--host", default=os.environ.get("PLUME_REAL_OLLAMA", "http://127.0.0.1:11435"))
    parser.add_argument("--model", default=os.environ.get("PLUME_REAL_MODEL", "gemma3:270m"))
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--out", type=Path, default=Path("real-gui"))
    parser.add_argument("--size", type=int, nargs=2, default=(1440, 900), metavar=("W", "H"))
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="plume-real-gui-"))
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    os.environ["PLUME_CONFIG_DIR"] = str(tmp / "config")
    os.environ["PLUME_DATA_DIR"] = str(tmp / "data")

    from app.core.models import Language
    from app.core.settings import Settings
    from app.ui.bootstrap import create_application, install_language
    from app.ui.controllers.generation_controller import GenerationState
    from app.ui.main_window import MainWindow
    from app.ui.ui_state import UiState

    app = create_application(["plume"])
    install_language(app, args.lang)          # the interface in the article's language
    settings = Settings(host=args.host, default_model=args.model, ui_language=args.lang,
                        article_language=Language(args.lang), self_review=True)
    window = MainWindow(settings, ui_state=UiState(tmp / "ui.ini"))
    window.resize(*args.size)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        _wait(app, lambda: False, 0.5)
        path = args.out / f"{name}.png"
        if os.environ.get("DISPLAY") and shutil.which("import"):   # the X server's own pixels
            subprocess.run(["import", "-window", "root", str(path)], check=False)
        else:
            window.grab().save(str(path))
        print(f"  screenshot {path}", flush=True)

    started = time.monotonic()

    def step(name: str) -> None:
        print(f"{name}: {time.monotonic() - started:.0f} s", flush=True)

    if not _wait(app, lambda: window.connection.status.connected, 20):
        shot("not-connected")
        sys.exit(f"not connected to {args.host}")
    brief = window.brief_panel
    brief.keyword.setText(KEYWORDS[args.lang])
    brief.language.setCurrentIndex(brief.language.findData(Language(args.lang).value))
    brief.length.setValue(args.words)
    shot("1-brief")
    window.actions.generate_outline.trigger()
    _wait(app, lambda: window.generation.busy, 5)
    _wait(app, lambda: not window.generation.busy, 300)
    step("outline")
    shot("2-outline")
    window.actions.write.trigger()
    _wait(app, lambda: window.editor.toPlainText().count("\n## ") >= 2, 300)
    shot("3-writing")
    _wait(app, lambda: window.generation.state is not GenerationState.WRITING
          and not window.generation.busy, 600)
    step("written and reviewed")
    _wait(app, lambda: window.score_panel.report is not None, 30)
    shot("4-scored")
    exported: list[str] = []
    window.exporter.path_provider = lambda kind, suggested: args.out / suggested.name  # no dialog
    window.exporter.exported.connect(exported.append)
    window.actions.export_markdown.trigger()
    window.actions.export_html.trigger()
    _wait(app, lambda: len(exported) == 2, 30)
    step("exported")
    print(f"words in the editor: {len(window.editor.toPlainText().split())}; files: {exported}")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
