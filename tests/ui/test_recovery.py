"""After a crash (a real process killed with SIGKILL after autosave), the next start offers
the draft in the recovery dialog, and recovering brings the text back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.core.store import Library
from app.ui.controllers.autosave_controller import AutosaveController
from app.ui.dialogs.recovery_dialog import RecoveryDialog
from tests.core.test_store import make_article

CRASHING_APP = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication
    from app.core.models import Article, Language
    from app.core.store import Library
    from app.ui.controllers.autosave_controller import AutosaveController

    app = QApplication([])
    library = Library(sys.argv[1])
    article = Article("jardin d'hiver", Language.FR, "Le jardin d'hiver", "", "jardin",
                      "# Le jardin d'hiver\\n\\n" + sys.argv[2])
    autosave = AutosaveController(library, lambda: article, interval_seconds=0.05)

    def saved(_draft_id):
        print("autosaved", flush=True)   # the test kills us now, mid-session

    autosave.autosaved.connect(saved)
    autosave.notify_changed()
    app.exec()
""")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkilled_app_offers_recovery_and_text_comes_back(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    text = "Des mots jamais enregistrés à la main."
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-c", CRASHING_APP, str(path), text],
                            stdout=subprocess.PIPE, text=True, env=env,
                            cwd=Path(__file__).resolve().parents[2])
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "autosaved"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with Library(path) as library:
        autosave = AutosaveController(library, lambda: None)
        drafts = autosave.pending_recovery()
        assert len(drafts) == 1
        dialog = RecoveryDialog(drafts)
        qtbot.addWidget(dialog)
        assert dialog.draft_labels() == ["Le jardin d'hiver"]
        dialog.recover_selected()
        assert dialog.choice == RecoveryDialog.RECOVER
        article = autosave.recover(dialog.selected_draft_id())
        assert article.body.endswith(text)
        assert autosave.pending_recovery() == []    # adopted by this session


def test_discard_all_forgets_the_drafts(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library(path) as crashed:
        crashed.autosave(None, make_article("un", body="# Un\n\na"))
        crashed.autosave(None, make_article("deux", body="# Deux\n\nb"))
    with Library(path) as library:
        autosave = AutosaveController(library, lambda: None)
        drafts = autosave.pending_recovery()
        dialog = RecoveryDialog(drafts)
        qtbot.addWidget(dialog)
        assert len(dialog.draft_labels()) == 2
        dialog.discard_all()
        assert dialog.choice == RecoveryDialog.DISCARD
        for draft in drafts:
            autosave.discard_recovery(draft.draft_id)
    with Library(path) as next_start:
        assert next_start.recoverable() == []


def test_decide_later_keeps_the_drafts(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library(path) as crashed:
        crashed.autosave(None, make_article())
    with Library(path) as library:
        dialog = RecoveryDialog(library.recoverable())
        qtbot.addWidget(dialog)
        dialog._later.click()
        assert dialog.choice == RecoveryDialog.LATER
    with Library(path) as next_start:
        assert len(next_start.recoverable()) == 1
