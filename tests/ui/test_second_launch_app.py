"""End to end with the real app process: a second launch on the same profile wakes the
first window and exits without touching its draft; once the first is killed, the next
launch takes the profile over and offers the draft for recovery."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.ui.test_recovery_app import ROOT, SECOND_RUN, TYPED, app_env

FIRST_RUN = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from app.core.models import Article, Language
    from app.ui import bootstrap, main_window, single_instance

    single_instance.bring_forward = lambda window: print("brought forward", flush=True)
    original_show = main_window.MainWindow.show

    def show(window):
        original_show(window)
        window.load_article(Article("jardin d'hiver", Language.FR, "Le jardin d'hiver", "",
                                    "jardin-hiver", "# Le jardin d'hiver\\n\\n"))
        def type_text():
            window.editor.setFocus()
            QTest.keyClicks(window.editor, sys.argv[1])
            window.autosave.autosaved.connect(lambda _id: print("autosaved", flush=True))
        QTimer.singleShot(0, type_text)

    main_window.MainWindow.show = show
    sys.exit(bootstrap.main())
""")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_second_launch_wakes_the_first_and_leaves_its_draft(tmp_path: Path,
                                                           ollama_down_url: str) -> None:
    env = app_env(tmp_path, ollama_down_url)
    first = subprocess.Popen([sys.executable, "-c", FIRST_RUN, TYPED], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "autosaved", first.stderr.read()
        second = subprocess.run([sys.executable, "-m", "app"], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stdout and "brought forward" in second.stdout
        assert first.stdout.readline().strip() == "brought forward"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)

    third = subprocess.run([sys.executable, "-c", SECOND_RUN], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    lines = [json.loads(line) for line in third.stdout.splitlines() if line.startswith("{")]
    assert lines, third.stderr
    assert next(line["offered"] for line in lines if "offered" in line) == ["Le jardin d'hiver"]
