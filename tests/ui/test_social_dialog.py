"""Export › Social posts…: the editor's article becomes one post per ticked network, written
by the model through the fake Ollama, each within its limit and copyable."""

from __future__ import annotations

import json
import os

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QPushButton

from app.application import Plume
from app.ui.dialogs.social_dialog import SocialPanel
from tests.fake_ollama import Generate
from tests.ui.main_window_fixtures import make_window, no_keyring, sample_article  # noqa: F401

URL = "https://example.com/running-shoes-flat-feet/"


def english_post(req):
    schema = req.body["format"]["properties"]
    data = {"hook": "Flat feet? Pick the right running shoes",
            "text": "Support, a firm heel counter and a stable base: what to test in the shop."}
    if "hashtags" in schema:
        data["hashtags"] = ["running"]
    return Generate(content=[json.dumps(data)])


def test_posts_are_written_shown_with_their_length_and_copied(make_window, qtbot, fake_ollama):
    fake_ollama.on_model("llama3.1:8b", english_post)
    window = make_window(host=fake_ollama.url)
    window.load_article(sample_article())
    menu_texts = [a.text() for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
    assert "&Social posts…" in menu_texts
    dialog = SocialPanel(window.current_article, lambda: Plume(window.settings),
                         lambda: "llama3.1:8b", window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url.setText(URL)
    for name in ("facebook", "instagram", "newsletter"):
        dialog.networks[name].setChecked(False)
    with qtbot.waitSignal(dialog.posts_ready, timeout=20000) as ready:
        dialog.write_button.click()
    posts = ready.args[0]
    assert [p.network.name for p in posts] == ["x", "linkedin"]
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["X", "LinkedIn"]
    x_view = dialog.tabs.widget(0)
    assert URL in x_view.text.toPlainText()
    assert x_view.length.text().endswith("/ 280 characters")
    assert int(x_view.length.text().split(" / ")[0]) <= 280
    if os.environ.get("PLUME_SCREENSHOTS"):
        dialog.grab().save(os.environ["PLUME_SCREENSHOTS"])
    copy = next(b for b in x_view.findChildren(QPushButton) if b.text() == "Copy")
    copy.click()
    assert QGuiApplication.clipboard().text() == x_view.text.toPlainText()


def test_a_bad_address_is_said_in_the_dialog_and_nothing_is_asked(make_window, qtbot,
                                                                 fake_ollama):
    window = make_window(host=fake_ollama.url)
    window.load_article(sample_article())
    dialog = SocialPanel(window.current_article, lambda: Plume(window.settings),
                         lambda: "llama3.1:8b", window)
    qtbot.addWidget(dialog)
    dialog.url.setText("not an address")
    before = len(fake_ollama.bodies())
    dialog.write_button.click()
    assert "not a web address" in dialog.status.text()
    assert dialog.write_button.isEnabled() and dialog.tabs.count() == 0
    assert len(fake_ollama.bodies()) == before
