"""The desktop app on an OpenAI-compatible server (the fake's /v1 face): it connects, lists
the served models, and writes an article with the same flow as on Ollama."""

from __future__ import annotations

import os

from app.ui.controllers.generation_controller import GenerationState
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401


def test_the_window_writes_through_an_openai_server(make_window, fake_ollama, qtbot):
    window = make_window(host=f"openai:{fake_ollama.url}/v1", model="llama3.1:8b", connect=True)
    qtbot.waitUntil(lambda: window.connection.status.connected, timeout=10000)
    assert window.model_picker.current_model() == "llama3.1:8b"
    window.brief_panel.keyword.setText("running shoes for flat feet")
    window.brief_panel.length.setValue(600)
    window.brief_panel.faq.setChecked(False)
    window.actions.generate_outline.trigger()
    qtbot.waitUntil(lambda: not window.generation.busy, timeout=20000)
    assert window.generation.state is GenerationState.OUTLINE_REVIEW, window.message_bar.message()
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=30000)
    text = window.editor.toPlainText()
    assert text.startswith("# ") and text.count("\n## ") >= 2
    assert "flat feet" in text.lower()
    assert fake_ollama.requests_to("/v1/chat/completions")
    assert not fake_ollama.requests_to("/api/chat")     # nothing went to the Ollama API
    if os.environ.get("PLUME_SCREENSHOTS"):
        window.grab().save(os.environ["PLUME_SCREENSHOTS"])
