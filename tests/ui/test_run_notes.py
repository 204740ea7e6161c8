"""A section the model left empty is said in the window once the run is over, not hidden."""

from __future__ import annotations

from app.ui.controllers.generation_controller import GenerationState
from tests.fake_ollama.small_model import SmallModel
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401


def test_a_flagged_section_is_listed_in_the_message_bar(make_window, fake_ollama, qtbot):
    fake_ollama.on_model("llama3.1:8b", SmallModel(empty=99))     # every prose answer empty
    window = make_window(host=fake_ollama.url, model="llama3.1:8b", connect=True, self_review=False)
    qtbot.waitUntil(lambda: window.connection.status.connected, timeout=10000)
    window.brief_panel.keyword.setText("standing desk")
    window.brief_panel.length.setValue(300)
    window.actions.generate_outline.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.OUTLINE_REVIEW, timeout=20000)
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=30000)
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=5000)
    message = window.message_bar.message()
    assert "Check before publishing" in message and "the model wrote nothing usable" in message
    assert "section 1" in window.message_bar.toolTip()
