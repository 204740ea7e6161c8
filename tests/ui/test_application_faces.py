"""The desktop app starts its work through the same application layer as the command line:
the host typed in Settings, $OLLAMA_HOST on a fresh profile, the keychain token, the answer
timeout and the keyword limit mean the same thing in both faces, and a job begun in the
Batch tab is finished by `plume batch --resume`."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.cli import main as cli
from app.core import secrets
from app.core.keyword_rules import MAX_KEYWORD_CHARS
from app.core.settings import Settings, default_settings_path, save_settings
from app.ui.controllers.connection_controller import ConnectionState, default_service_factory
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.main_window import MainWindow
from app.ui.panels.batch_panel import BatchPanel
from app.ui.ui_state import UiState
from tests.core.test_secrets import MemoryKeyring, memory_keyring  # noqa: F401
from tests.fake_ollama import Generate

ANIMALS = ("zebra", "yak", "koala", "otter")


@pytest.fixture
def open_window(qtbot, tmp_path: Path):
    windows: list[MainWindow] = []

    def make(settings: Settings, **kwargs) -> MainWindow:
        window = MainWindow(settings, ui_state=UiState(tmp_path / "ui.ini"), **kwargs)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    from app.ui.workers.task_runner import wait_for_background_tasks

    for window in windows:
        window.close()
        window.generation.shutdown()
        if window.connection is not None:
            window.connection.stop()
    wait_for_background_tasks(10_000)


def settings_typed_in_the_dialog(qtbot, host: str, token: str) -> Settings:
    """Settings… › Ollama: type the host, save a token for it, OK."""
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.token_field.keyring_ok is not None, timeout=5_000)
    dialog.host.setText(host)
    dialog.token.setText(token)
    dialog.token.textEdited.emit(token)
    with qtbot.waitSignal(dialog.token_saved, timeout=5_000):
        dialog.save_token_button.click()
    dialog.accept()
    return dialog.settings()


def authorizations(fake, path: str = "/api/chat") -> set[str | None]:
    return {next((v for k, v in r.headers.items() if k.lower() == "authorization"), None)
            for r in fake.requests_to(path)}


def test_a_host_typed_without_a_port_is_dialled_on_ollamas_port_with_its_token(
        qtbot, open_window, memory_keyring: MemoryKeyring) -> None:
    settings = settings_typed_in_the_dialog(qtbot, "gpu-box.invalid", "tok-gpu")
    dialled: list[tuple[str, str | None]] = []

    def service(host: str, token: str | None):
        dialled.append((host, token))
        return default_service_factory(host, token)

    window = open_window(settings, connection_service_factory=service)
    qtbot.waitUntil(lambda: window.connection is not None and window.connection.status.state
                    is ConnectionState.UNREACHABLE, timeout=15_000)
    assert dialled[0] == ("http://gpu-box.invalid:11434", "tok-gpu")   # as generate and batch
    assert "gpu-box.invalid:11434" in window.status.host.text()


def test_a_fresh_profile_uses_ollama_host_from_the_environment_for_the_connection_and_writing(
        qtbot, open_window, fake_ollama, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", fake_ollama.url.removeprefix("http://"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    window = open_window(Settings(default_model="qwen3:8b", self_review=False))
    qtbot.waitUntil(lambda: window.connection is not None and window.connection.status.connected,
                    timeout=15_000)
    assert window.connection.host == fake_ollama.url
    assert "qwen3:8b" in window.model_picker.installed_names()
    window.brief_panel.keyword.setText("compost")
    with qtbot.waitSignal(window.generation.plan_ready, timeout=30_000):
        window.actions.generate_outline.trigger()
    assert "compost" in str(fake_ollama.bodies()[-1]["messages"])


def test_a_keyword_over_the_limit_is_refused_before_anything_is_sent(
        qtbot, open_window, fake_ollama, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    window = open_window(Settings(host=fake_ollama.url, default_model="qwen3:8b"))
    window.brief_panel.keyword.setText(("compost " * 20)[: MAX_KEYWORD_CHARS + 5])
    window.actions.generate_outline.trigger()
    qtbot.waitUntil(lambda: f"the limit is {MAX_KEYWORD_CHARS}" in window.message_bar.message(),
                    timeout=5_000)
    assert not window.generation.busy
    assert fake_ollama.requests_to("/api/chat") == []


def write_list(tmp_path: Path) -> Path:
    path = tmp_path / "keywords.csv"
    path.write_text("keyword;words\n" + "".join(f"{a} gardening;300\n" for a in ANIMALS),
                    encoding="utf-8")
    return path


def batch_panel(qtbot, settings: Settings, listing: Path, out: Path) -> BatchPanel:
    panel = BatchPanel(settings=settings)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.controller.list_loaded, timeout=5_000):
        panel.open_list(listing)
    panel.out_edit.setText(str(out))
    panel.review_check.setChecked(False)
    return panel


def test_a_batch_tab_job_sends_the_token_and_plume_batch_resume_finishes_it(
        qtbot, fake_ollama, memory_keyring: MemoryKeyring, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    secrets.set_token(fake_ollama.url, "tok-batch")
    settings = Settings(host=fake_ollama.url, default_model="qwen3:8b", target_words=300,
                        self_review=False, read_timeout_seconds=45)
    save_settings(settings, default_settings_path())     # the same profile for both faces
    fake_ollama.set_delay(0.0005)
    out = tmp_path / "articles"
    panel = batch_panel(qtbot, settings, write_list(tmp_path), out)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.state == "done" for r in panel.controller.model.rows),
                    timeout=15_000)
    with qtbot.waitSignal(panel.controller.run_finished, timeout=10_000) as stopped:
        panel.controller.stop()                        # what closing the window does
    assert stopped.args[0].reason == "stopped"
    job_id = panel.controller.store.config.job_id
    panel.shutdown()
    assert authorizations(fake_ollama) == {"Bearer tok-batch"}     # the app's part of the job

    chats_before = len(fake_ollama.requests_to("/api/chat"))
    assert cli(["batch", "--resume", job_id]) == 0                 # by its id, from a terminal
    printed = capsys.readouterr().out
    assert "answer timeout 45 s" in printed and "(token sent)" in printed
    assert sorted(p.stem for p in out.glob("*.md")) == sorted(f"{a}-gardening" for a in ANIMALS)
    assert len(fake_ollama.requests_to("/api/chat")) > chats_before
    assert authorizations(fake_ollama) == {"Bearer tok-batch"}     # and the terminal's part


def test_the_batch_tab_waits_for_an_answer_only_as_long_as_the_settings_say(
        qtbot, fake_ollama, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    fake_ollama.enqueue("/api/chat", Generate(first_byte_delay=4))   # a model that hangs
    settings = Settings(host=fake_ollama.url, default_model="qwen3:8b", target_words=300,
                        self_review=False, read_timeout_seconds=1)
    panel = batch_panel(qtbot, settings, write_list(tmp_path), tmp_path / "articles")
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("in 1 s" in r.detail for r in panel.controller.model.rows),
                    timeout=3_500)
    panel.shutdown()
