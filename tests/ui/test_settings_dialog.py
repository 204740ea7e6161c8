"""The settings dialog edits every setting, refuses a bad host with a clear message, and
stores the token only in the system keychain (or says plainly that it cannot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import secrets
from app.core.models import Language, Tone
from app.core.settings import Settings, load_settings, save_settings
from app.ui.dialogs.settings_dialog import SettingsDialog
from tests.core.test_secrets import MemoryKeyring, memory_keyring, no_keyring  # noqa: F401


def make_dialog(qtbot, settings: Settings, **kwargs) -> tuple[SettingsDialog, list]:
    dialog = SettingsDialog(settings, **kwargs)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog._keyring_ok is not None, timeout=5_000)
    return dialog, [dialog.token_field.keyring_ok, dialog.token_field.present]


def test_edits_round_trip_through_the_file(qtbot, tmp_path: Path, memory_keyring) -> None:
    dialog, _ = make_dialog(qtbot, Settings(), models=["qwen3:8b", "gpt-oss:20b"])
    dialog.host.setText("gpu-box:11434")
    dialog.extra_hosts.setPlainText("http://a:11434\n\nhttp://b:11434\n")
    dialog.default_model.setCurrentText("gpt-oss:20b")
    dialog.article_language.setCurrentIndex(dialog.article_language.findData("fr"))
    dialog.tone.setCurrentIndex(dialog.tone.findData("expert"))
    dialog.target_words.setValue(2000)
    dialog.num_ctx_auto.setChecked(False)
    dialog.num_ctx.setValue(16384)
    dialog.think.setCurrentIndex(dialog.think.findData("high"))
    dialog.author.setText("Zoé")
    dialog.site_url.setText("https://blog.example.fr")
    dialog.export_preset.setCurrentIndex(dialog.export_preset.findData("hugo"))
    dialog.self_review.setChecked(False)
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    edited = dialog.settings()
    assert edited.host == "http://gpu-box:11434"
    assert edited.extra_hosts == ("http://a:11434", "http://b:11434")
    assert edited.article_language is Language.FR and edited.tone is Tone.EXPERT
    assert (edited.target_words, edited.num_ctx, edited.think) == (2000, 16384, "high")
    assert edited.default_model == "gpt-oss:20b" and edited.self_review is False
    path = tmp_path / "settings.json"
    save_settings(edited, path)
    assert load_settings(path) == edited


def test_bad_host_is_refused_with_a_clear_message(qtbot, memory_keyring) -> None:
    dialog, _ = make_dialog(qtbot, Settings())
    dialog._tabs.setCurrentIndex(0)
    dialog.host.setText("ftp://nowhere")
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert not dialog._error.isHidden()
    assert "not a valid Ollama address" in dialog._error.text()
    assert dialog._tabs.currentIndex() == 1            # the Ollama tab, where the field is


def test_token_goes_to_the_keychain_never_to_the_settings_file(
        qtbot, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    settings = Settings(host="http://gpu-box:11434")
    dialog, state = make_dialog(qtbot, settings)
    assert state == [True, False]
    assert "No token saved" in dialog.token_status.text()
    dialog.token.setText("s3cret-token")
    dialog.token.textEdited.emit("s3cret-token")
    with qtbot.waitSignal(dialog.token_saved, timeout=5_000):
        dialog.save_token_button.click()
    assert secrets.get_token("http://gpu-box:11434") == "s3cret-token"
    assert dialog.token.text() == ""                    # never left on screen
    path = tmp_path / "settings.json"
    save_settings(dialog.settings(), path)
    assert "s3cret" not in path.read_text(encoding="utf-8")
    # Reopening says a token exists (without showing it); Remove deletes it.
    again, state = make_dialog(qtbot, settings)
    assert state == [True, True]
    assert "A token is saved" in again.token_status.text()
    assert again.token.text() == ""
    with qtbot.waitSignal(again.token_saved, timeout=5_000):
        again.remove_token_button.click()
    assert secrets.get_token("http://gpu-box:11434") is None


def test_no_keychain_says_so_and_stores_nothing(qtbot, tmp_path: Path, no_keyring,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    dialog, state = make_dialog(qtbot, Settings())
    assert state == [False, False]
    assert "No system keychain is available" in dialog.token_status.text()
    assert "never saved anywhere else" in dialog.token_status.text()
    assert not dialog.token.isEnabled() and not dialog.save_token_button.isEnabled()
    dialog.token.setText("typed-anyway")
    dialog.accept()                                     # no token save attempted
    path = tmp_path / "settings.json"
    save_settings(dialog.settings(), path)
    assert "typed-anyway" not in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_token_typed_then_ok_is_saved_after_the_dialog_closes(
        qtbot, memory_keyring: MemoryKeyring) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    dialog = SettingsDialog(Settings(host="http://remote:11434"), window)
    qtbot.waitUntil(lambda: dialog.token_field.keyring_ok is not None, timeout=5_000)
    dialog.token.setText("typed-then-ok")
    dialog.token.textEdited.emit("typed-then-ok")
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: secrets.get_token("http://remote:11434") == "typed-then-ok",
                    timeout=5_000)
