"""Ollama down at start, then started: the banner says what to do, then disappears and the
models appear, through the real OllamaService against the fake server."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from app.ui.controllers.connection_controller import (
    ConnectionController,
    ConnectionState,
    ConnectionStatus,
)
from app.ui.panels.connection_banner import ConnectionBanner
from app.ui.widgets.model_picker import ModelPicker
from tests.fake_ollama import FORBIDDEN, FakeOllama, closed_port_url


def compose(qtbot, host: str, retry_ms: int = 60_000):
    controller = ConnectionController(host, retry_interval_ms=retry_ms)
    banner = ConnectionBanner()
    picker = ModelPicker(ram_bytes=16 * 1024**3)
    qtbot.addWidget(banner)
    qtbot.addWidget(picker)
    controller.status_changed.connect(banner.show_status)
    controller.status_changed.connect(
        lambda s: picker.set_models(list(s.models)) if s.connected else None)
    return controller, banner, picker


def wait_state(qtbot, controller: ConnectionController, state: ConnectionState
               ) -> ConnectionStatus:
    qtbot.waitUntil(lambda: controller.status.state is state, timeout=10_000)
    return controller.status


def test_down_at_start_then_started_hides_banner_and_lists_models(qtbot) -> None:
    url = closed_port_url()
    controller, banner, picker = compose(qtbot, url, retry_ms=100)
    states: list[ConnectionState] = []
    controller.status_changed.connect(lambda s: states.append(s.state))
    controller.start()
    status = wait_state(qtbot, controller, ConnectionState.UNREACHABLE)
    assert status.host == url
    assert banner.isVisibleTo(banner.parentWidget() or banner) or not banner.isHidden()
    text = banner.message_text()
    assert f"cannot reach Ollama at {url}" in text
    assert "ollama serve" in text and "Settings" in text
    assert picker.installed_names() == []
    # Ollama starts on that port: the periodic re-check connects without any click.
    with FakeOllama(port=urlsplit(url).port):
        status = wait_state(qtbot, controller, ConnectionState.CONNECTED)
        assert banner.isHidden()
        assert status.version
        # Background re-checks while down stay quiet: no "checking" flicker in between.
        assert states[0] is ConnectionState.CHECKING
        assert ConnectionState.CHECKING not in states[1:]
        assert "qwen3:8b" in picker.installed_names()
        assert picker.current_model() in picker.installed_names()
        assert "parameters" in picker.details_text()
    controller.stop()


def test_retry_button_connects_after_ollama_started(qtbot) -> None:
    url = closed_port_url()
    controller, banner, picker = compose(qtbot, url)   # no auto re-check within the test
    controller.start()
    wait_state(qtbot, controller, ConnectionState.UNREACHABLE)
    with FakeOllama(port=urlsplit(url).port):
        with qtbot.waitSignal(banner.retry_requested):
            banner._retry.click()
        controller.check()
        wait_state(qtbot, controller, ConnectionState.CONNECTED)
        assert banner.isHidden()
        assert len(picker.installed_names()) >= 3
    controller.stop()


def test_error_answer_is_explained_and_settings_offered(qtbot, fake_ollama: FakeOllama) -> None:
    fake_ollama.enqueue("/api/version", FORBIDDEN)
    controller, banner, _picker = compose(qtbot, fake_ollama.url)
    controller.start()
    wait_state(qtbot, controller, ConnectionState.ERROR)
    assert not banner.isHidden()
    assert "answered with an error" in banner.message_text()
    assert "token" in banner.message_text()
    with qtbot.waitSignal(banner.settings_requested):
        banner._settings.click()
    controller.stop()


def test_no_model_installed_offers_pull(qtbot, fake_ollama: FakeOllama) -> None:
    for name in list(fake_ollama.models):
        fake_ollama.remove_model(name)
    controller, banner, picker = compose(qtbot, fake_ollama.url)
    controller.start()
    wait_state(qtbot, controller, ConnectionState.CONNECTED)
    assert not banner.isHidden()
    assert "no model yet" in banner.message_text()
    assert not banner._pull.isHidden()
    assert picker.installed_names() == []
    assert picker.suggestions()            # suggested models for this machine instead
    controller.stop()


def test_changing_host_rechecks_the_new_host(qtbot, fake_ollama: FakeOllama) -> None:
    controller, banner, _picker = compose(qtbot, closed_port_url())
    controller.start()
    wait_state(qtbot, controller, ConnectionState.UNREACHABLE)
    controller.set_host(fake_ollama.url)
    status = wait_state(qtbot, controller, ConnectionState.CONNECTED)
    assert status.host == fake_ollama.url and banner.isHidden()
    assert controller.service() is not None
    controller.stop()


@pytest.mark.parametrize("lang", ["fr"])
def test_banner_retranslates(qtbot, lang: str) -> None:
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import install_translators

    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    banner.show_status(ConnectionStatus(ConnectionState.UNREACHABLE, "http://h:1"))
    try:
        install_translators(QApplication.instance(), lang)
        qtbot.waitUntil(lambda: banner._retry.text() != "Retry")
        assert "http://h:1" in banner.message_text()
    finally:
        install_translators(QApplication.instance(), "en")


def test_picker_selects_the_default_model_from_settings(qtbot, fake_ollama: FakeOllama) -> None:
    controller, _banner, picker = compose(qtbot, fake_ollama.url)
    picker.set_preferred("llama3.1:8b")
    models: list[str] = []
    picker.model_changed.connect(models.append)
    controller.start()
    wait_state(qtbot, controller, ConnectionState.CONNECTED)
    assert picker.current_model() == "llama3.1:8b"        # not just the first in the list
    assert models == ["llama3.1:8b"]
    assert "8.0B parameters" in picker.details_text()
    assert picker.badges() == ["tools"]
    controller.stop()


def test_ollama_stopping_while_connected_brings_the_banner_back(qtbot) -> None:
    fake = FakeOllama()
    try:
        controller = ConnectionController(fake.url, retry_interval_ms=60_000,
                                          heartbeat_interval_ms=50)
        banner = ConnectionBanner()
        qtbot.addWidget(banner)
        controller.status_changed.connect(banner.show_status)
        controller.start()
        wait_state(qtbot, controller, ConnectionState.CONNECTED)
        assert banner.isHidden()
    finally:
        fake.stop()                                   # the user quits Ollama
    wait_state(qtbot, controller, ConnectionState.UNREACHABLE)
    assert not banner.isHidden()
    assert "cannot reach Ollama" in banner.message_text()
    controller.stop()


def test_remote_host_down_gets_remote_advice(qtbot) -> None:
    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    banner.show_status(ConnectionStatus(ConnectionState.UNREACHABLE, "http://gpu-box.lan:11434"))
    text = banner.message_text()
    assert "cannot reach Ollama at http://gpu-box.lan:11434" in text
    assert "OLLAMA_HOST=0.0.0.0" in text and "firewall" in text
    assert "ollama.com" not in text          # installing locally would not help
