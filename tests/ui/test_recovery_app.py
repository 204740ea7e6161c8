"""End to end with the real app process (`app.ui.bootstrap.main`, the code behind
`python -m app`): the writer types, autosave runs, the process is killed with SIGKILL; the
next start offers recovery and the typed text is back in the editor.

Data and settings go to a temporary folder through PLUME_DATA_DIR / PLUME_CONFIG_DIR. The
driver only stands in for the user's hands (typing, clicking Recover)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.core.store import Library

ROOT = Path(__file__).resolve().parents[2]
TYPED = "Typed just before the crash, never saved by hand."

FIRST_RUN = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from app.core.models import Article, Language
    from app.ui import bootstrap, main_window

    original_show = main_window.MainWindow.show

    def show(window):
        original_show(window)
        window.load_article(Article("jardin d'hiver", Language.FR, "Le jardin d'hiver", "",
                                    "jardin-hiver", "# Le jardin d'hiver\\n\\n"))
        def type_text():
            window.editor.setFocus()
            window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
            QTest.keyClicks(window.editor, sys.argv[1])
            print("typed", flush=True)
            window.autosave.autosaved.connect(lambda _id: print("autosaved", flush=True))
        QTimer.singleShot(0, type_text)

    main_window.MainWindow.show = show
    sys.exit(bootstrap.main())
""")

SECOND_RUN = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from app.ui import bootstrap
    from app.ui.dialogs.recovery_dialog import RecoveryDialog

    def user_clicks_recover(dialog):
        print(json.dumps({"offered": dialog.draft_labels()}), flush=True)
        dialog.recover_selected()
        return dialog.choice

    RecoveryDialog.exec = user_clicks_recover
    original = bootstrap.offer_recovery

    def offer_then_report(window):
        original(window)
        print(json.dumps({"editor": window.editor.toPlainText()}), flush=True)
        QTimer.singleShot(0, QApplication.instance().quit)

    bootstrap.offer_recovery = offer_then_report
    sys.exit(bootstrap.main())
""")


def app_env(tmp_path: Path, down_url: str) -> dict[str, str]:
    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps(
        {"schema_version": 2, "host": down_url, "autosave_seconds": 2, "ui_language": "en"}),
        encoding="utf-8")
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLUME_CONFIG_DIR": str(config),
            "PLUME_DATA_DIR": str(data), "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


def drafts_seen_by_next_start(path: Path) -> list[str]:
    with Library(path) as library:   # another session: sees the app's drafts
        return [library.load_draft(d.draft_id).body for d in library.recoverable()]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_app_offers_recovery_on_next_start(tmp_path: Path, ollama_down_url: str) -> None:
    env = app_env(tmp_path, ollama_down_url)
    library_path = tmp_path / "data" / "library.sqlite3"
    first = subprocess.Popen([sys.executable, "-c", FIRST_RUN, TYPED], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "typed", first.stderr.read()
        assert first.stdout.readline().strip() == "autosaved"   # after the 2 s interval
        # While the app runs, its draft is its live text: nobody else offers it.
        assert drafts_seen_by_next_start(library_path) == []
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL
    assert any(body.endswith(TYPED) for body in drafts_seen_by_next_start(library_path))

    second = subprocess.run([sys.executable, "-c", SECOND_RUN], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    lines = [json.loads(line) for line in second.stdout.splitlines() if line.startswith("{")]
    assert lines, second.stderr
    offered = next(line["offered"] for line in lines if "offered" in line)
    editor = next(line["editor"] for line in lines if "editor" in line)
    assert offered == ["Le jardin d'hiver"]
    assert editor.startswith("# Le jardin d'hiver") and editor.rstrip().endswith(TYPED)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM/SIGHUP are POSIX")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_terminated_app_keeps_the_text_typed_since_the_last_autosave(
        tmp_path: Path, ollama_down_url: str, sig: signal.Signals) -> None:
    env = app_env(tmp_path, ollama_down_url)
    settings = tmp_path / "config" / "settings.json"
    settings.write_text(json.dumps({**json.loads(settings.read_text("utf-8")), "autosave_seconds": 600}),
                        encoding="utf-8")                   # no timed autosave in this test
    first = subprocess.Popen([sys.executable, "-c", FIRST_RUN, TYPED], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "typed", first.stderr.read()
        first.send_signal(sig)          # a logout, `kill`, a shutdown: not the close button
        first.wait(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 128 + sig
    drafts = drafts_seen_by_next_start(tmp_path / "data" / "library.sqlite3")
    assert any(body.endswith(TYPED) for body in drafts), drafts


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_window_killed_while_the_model_writes_loses_none_of_the_words_shown(
        tmp_path: Path, fake_ollama) -> None:
    from app.core.store.stream_journal import recover_journals

    fake_ollama.set_delay(0.02)                     # 50 tokens/s, a small local model's pace
    env = app_env(tmp_path, fake_ollama.url)
    # The real window writing an article (bench.faults' child: prints each piece of text
    # as the editor receives it).
    child = subprocess.Popen([sys.executable, "-m", "bench.faults", "--gui-child", fake_ollama.url,
                              "--stream"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    shown: list[str] = []        # the text the editor holds: finished blocks in their final
    block: list[str] = []        # form (the vetting may cut an echo or a loop), then the block streaming
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith('{"text"'):
                block.append(json.loads(line)["text"])
            elif line.startswith('{"block"'):
                final = json.loads(line)["block"]
                shown.append(final if final is not None else "".join(block))
                block = []
            if len(" ".join(shown + block).split()) > 60:    # mid-section, between two copies
                break
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    with Library(tmp_path / "data" / "library.sqlite3") as library:
        recover_journals(tmp_path / "data", library)                  # what the next start does
        kept = " ".join(library.load_draft(d.draft_id).body for d in library.recoverable())
    missing = set("".join(shown + block).split()) - set(kept.split())
    assert shown + block and not missing, missing
