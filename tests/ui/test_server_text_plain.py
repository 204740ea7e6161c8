"""Text from a server (here an nginx error page in front of Ollama) is shown as plain
text in the error bar: the writer reads what came back, no HTML is interpreted."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.fake_ollama.replies import Fail
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401

NGINX_500 = ("<html><head><title>500 Internal Server Error</title></head><body>"
             "<center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center>"
             "<img src=\"http://tracker.example/x.png\"></body></html>")


def test_proxy_error_page_is_plain_text_in_the_error_bar(make_window, fake_ollama,  # noqa: F811
                                                         qtbot):
    window = make_window(host=fake_ollama.url, model="llama3.1:8b")
    window.brief_panel.keyword.setText("running shoes")
    for _ in range(6):                     # every retry meets the same proxy page
        fake_ollama.enqueue("/api/chat", Fail(500, NGINX_500, kind="text"))
    window.actions.generate_outline.trigger()
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=20000)
    bar = window.message_bar
    assert "<center>nginx</center>" in bar.message()          # shown as written
    assert bar.text.textFormat() is Qt.TextFormat.PlainText
    assert bar.title.textFormat() is Qt.TextFormat.PlainText
