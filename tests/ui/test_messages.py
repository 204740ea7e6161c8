"""Messages that tell the truth now: "No model is selected" goes once a model is picked, a new
run clears old errors, "not reachable" is said once (by the banner), the banner's Settings…
opens on the connection page with Test connection, and a new default article language in
Settings reaches the brief."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from app.core.llm.types import ModelInfo
from app.core.models import Language
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401


def test_no_model_error_goes_when_a_model_is_picked(make_window, qtbot):
    window = make_window(model="")
    window.brief_panel.keyword.setText("compost at home")
    window.actions.generate_outline.trigger()
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=5000)
    assert "No model is selected" in window.message_bar.message()
    window.model_picker.set_models([ModelInfo("qwen3:8b")])
    window.model_picker.set_current("qwen3:8b")
    assert window.model_picker.current_model() == "qwen3:8b"
    assert not window.message_bar.isVisible()


def test_a_new_run_clears_the_error_of_an_earlier_attempt(make_window, fake_ollama, qtbot):
    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    window.flow.write()                                   # no keyword, no outline: an error
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=5000)
    window.brief_panel.keyword.setText("compost at home")
    with qtbot.waitSignal(window.generation.run_finished, timeout=20000):
        window.actions.generate_outline.trigger()
    assert not window.message_bar.isVisible()


def test_not_reachable_is_said_once(make_window, ollama_down_url, qtbot):
    window = make_window(host=ollama_down_url, connect=True)
    banner = window.connection_banner
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=10000)
    window.link.open_pull_dialog("qwen3:8b")              # picking a model to pull
    assert not window.message_bar.isVisible()
    assert banner.isVisible()


def test_banner_settings_open_on_the_connection_page_and_test_it(make_window, fake_ollama,
                                                                 qtbot):
    window = make_window(host=fake_ollama.url)
    seen = {}

    def inspect() -> None:
        dialog = window._settings_dialog
        seen["page"] = dialog._tabs.currentIndex()
        seen["button"] = dialog.test_button.text()
        with qtbot.waitSignal(dialog.connection_tested, timeout=10000) as tested:
            dialog.test_button.click()
        seen["ok"] = tested.args[0]
        seen["result"] = dialog.test_result.text()
        dialog.reject()

    QTimer.singleShot(0, inspect)
    window.link.settings_requested.emit()                 # the banner's "Settings…"
    assert seen["page"] == 1 and seen["button"] == "Test connection"
    assert seen["ok"] is True and "model(s) installed" in seen["result"]


def test_a_new_default_article_language_reaches_the_brief(make_window):
    window = make_window(article_language=Language.EN)
    assert window.brief_panel.brief(strict=False).language == Language.EN
    window.apply_settings(window.settings.with_(article_language=Language.FR))
    assert window.brief_panel.brief(strict=False).language == Language.FR
    window.apply_settings(window.settings.with_(theme="dark"))   # any other setting saved
    assert window.brief_panel.brief(strict=False).language == Language.FR
