"""Missing model → pull dialog: progress per layer, overall bar, speed and time left, then
the model is installed; Cancel stops at once and the server sees the connection close."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QWidget

from app.core.llm.client import OllamaService
from app.ui.dialogs.pull_dialog import PullDialog
from app.ui.widgets.model_picker import ModelPicker
from tests.fake_ollama import FakeOllama


def service_for(fake: FakeOllama) -> OllamaService:
    return OllamaService(fake.url, None, connect_timeout=3.0, read_timeout=10.0)


def test_missing_model_pull_shows_progress_and_finishes(qtbot, fake_ollama: FakeOllama) -> None:
    fake_ollama.pull_steps = 40
    fake_ollama.pull_chunk_delay = 0.005
    assert "gemma3:12b" not in fake_ollama.models
    dialog = PullDialog(service_for(fake_ollama), "gemma3:12b", autostart=False)
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[float] = []
    with qtbot.waitSignal(dialog.model_pulled, timeout=15_000) as blocker:
        dialog.start()
        assert dialog.status_text() == "Fetching the model manifest…"
        qtbot.waitUntil(lambda: dialog.layer_count() >= 1, timeout=10_000)
        seen.append(dialog.overall_percent())
    assert blocker.args == ["gemma3:12b"]
    assert dialog.state == "done"
    assert dialog.overall_percent() == 100.0
    assert dialog.layer_count() >= 2                     # weights + template layers
    assert "ready to use" in dialog.status_text()
    assert seen[0] < 100                                 # progress was shown before the end
    # The server really installed it (the fake registers it just after its last line).
    qtbot.waitUntil(lambda: "gemma3:12b" in fake_ollama.models, timeout=5000)
    assert dialog._close.isVisible() and not dialog._cancel.isVisible()


def test_rate_and_time_left_are_shown_while_downloading(qtbot, fake_ollama: FakeOllama) -> None:
    fake_ollama.pull_steps = 60
    fake_ollama.pull_chunk_delay = 0.02
    dialog = PullDialog(service_for(fake_ollama), "qwen3:14b")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "MB/s" in dialog.rate_text(), timeout=10_000)
    text = dialog.rate_text()
    assert " of " in text and "left" in text
    assert 0 < dialog.overall_percent() < 100
    dialog.cancel()
    fake_ollama.wait_for_disconnect(timeout=5)


def test_cancel_stops_pull_at_once_and_server_sees_disconnect(qtbot, fake_ollama: FakeOllama
                                                              ) -> None:
    fake_ollama.pull_steps = 400
    fake_ollama.pull_chunk_delay = 0.02                  # ~16 s if nobody stopped it
    dialog = PullDialog(service_for(fake_ollama), "gemma3:12b")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.overall_percent() > 0, timeout=10_000)
    with qtbot.waitSignal(dialog.pull_cancelled, timeout=3_000):
        dialog._cancel.click()
        assert not dialog.isVisible()                    # closes at once
    gone = fake_ollama.wait_for_disconnect(timeout=3)
    assert gone[0].path == "/api/pull"
    assert gone[0].lines_sent < 400                           # stopped long before the end
    assert "gemma3:12b" not in fake_ollama.models
    assert dialog.state == "cancelled"


def test_unknown_model_error_is_shown_in_the_dialog(qtbot, fake_ollama: FakeOllama) -> None:
    dialog = PullDialog(service_for(fake_ollama), "no-such-model:1b")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.pull_failed, timeout=10_000):
        pass
    assert dialog.state == "failed"
    assert "does not exist" in dialog.status_text()
    assert not dialog._close.isHidden()


def test_picker_suggestion_requests_a_pull(qtbot) -> None:
    picker = ModelPicker(ram_bytes=32 * 1024**3)
    qtbot.addWidget(picker)
    picker.set_models([])
    names = [a.name for a in picker.suggestions()]
    assert "gpt-oss:20b" in names
    index = picker._combo.findData("gpt-oss:20b")
    with qtbot.waitSignal(picker.pull_requested) as blocker:
        picker._combo.activated.emit(index)
    assert blocker.args == ["gpt-oss:20b"]
    assert picker.current_model() == ""                  # nothing selected until installed


def test_without_a_name_the_user_picks_one_then_pulls(qtbot, fake_ollama: FakeOllama) -> None:
    dialog = PullDialog(service_for(fake_ollama), "")
    qtbot.addWidget(dialog)
    assert dialog.state == "idle"
    assert not dialog._name_box.isHidden() and not dialog._pull.isHidden()
    dialog._name_box.setCurrentText("qwen3:14b")
    with qtbot.waitSignal(dialog.model_pulled, timeout=15_000) as blocker:
        dialog._pull.click()
    assert blocker.args == ["qwen3:14b"]
    assert "qwen3:14b" in fake_ollama.models


def test_not_connected_says_so_instead_of_crashing(qtbot) -> None:
    dialog = PullDialog(None, "qwen3:8b")
    qtbot.addWidget(dialog)
    assert dialog.state == "failed"
    assert "not connected to Ollama" in dialog.status_text()
    assert "Start Ollama" in dialog.status_text()


def test_pulled_model_is_selected_once_listed(qtbot, fake_ollama: FakeOllama) -> None:
    from app.ui.controllers.connection_controller import ConnectionController

    controller = ConnectionController(fake_ollama.url)
    picker = ModelPicker(ram_bytes=16 * 1024**3)
    qtbot.addWidget(picker)
    controller.status_changed.connect(
        lambda s: picker.set_models(list(s.models)) if s.connected else None)
    with qtbot.waitSignal(picker.model_changed, timeout=10_000):
        controller.start()
    assert "gemma3:12b" not in picker.installed_names()
    index = picker._combo.findData("gemma3:12b")
    assert index >= 0                                     # suggested for 16 GB
    with qtbot.waitSignal(picker.pull_requested):
        picker._combo.activated.emit(index)
    dialog = PullDialog(controller.service(), "gemma3:12b")
    qtbot.addWidget(dialog)
    dialog.model_pulled.connect(controller.check)
    with qtbot.waitSignal(picker.model_changed, timeout=15_000) as changed:
        pass
    assert changed.args == ["gemma3:12b"]
    assert picker.current_model() == "gemma3:12b"
    controller.stop()


def test_a_dialog_destroyed_mid_pull_stops_the_download(qtbot, fake_ollama: FakeOllama) -> None:
    """The window closing with the dialog open (no close event for it) stops the download:
    it would otherwise go on, unseen, until the app quits under its running thread."""
    fake_ollama.pull_steps = 400
    fake_ollama.pull_chunk_delay = 0.02                  # ~8 s if nobody stopped it
    parent = QWidget()
    dialog = PullDialog(service_for(fake_ollama), "gemma3:12b", parent)
    qtbot.waitUntil(lambda: dialog.overall_percent() > 0, timeout=10_000)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    gone = fake_ollama.wait_for_disconnect(timeout=3)
    assert gone[0].path == "/api/pull" and gone[0].lines_sent < 400
    assert "gemma3:12b" not in fake_ollama.models
