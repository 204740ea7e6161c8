"""The Batch tab inside the window: its own toolbar, the writing side's model list, pasted
keywords, errors in the message bar, rows coloured by score, and finished articles that open
in the editor and are listed in the library."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.store import Library
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401


def test_a_batch_run_lands_in_the_library_and_opens_in_the_editor(make_window, fake_ollama,
                                                                   qtbot, tmp_path):
    window = make_window(host=fake_ollama.url, model="llama3.1:8b", connect=True,
                         target_words=300)
    library = Library(tmp_path / "library.sqlite3")
    window.set_library(library)
    qtbot.waitUntil(lambda: window.connection.status.connected, timeout=10000)
    assert window.toolbar.isVisible()
    window.actions.mode_batch.trigger()
    panel = window.batch_panel
    assert not window.toolbar.isVisible() and panel.toolbar.isVisible()
    assert window.mode_toolbar.isVisible()                # the way back to Writing
    # The same installed models as the writing side, and the same default.
    assert panel.model_picker.installed_names() == window.model_picker.installed_names()
    assert panel.model_picker.current_model() == "llama3.1:8b"

    panel.paste_box.setPlainText("zebra gardening\nkoala gardening\n")
    with qtbot.waitSignal(panel.controller.list_loaded, timeout=5000):
        qtbot.mouseClick(panel.paste_button, Qt.MouseButton.LeftButton)
    assert [r.keyword for r in panel.controller.model.rows] == ["zebra gardening",
                                                               "koala gardening"]
    panel.out_edit.setText(str(tmp_path / "articles"))
    with qtbot.waitSignal(panel.controller.run_finished, timeout=60_000):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    model = panel.controller.model
    assert [r.state for r in model.rows] == ["done", "done"]
    for row in model.rows:       # coloured by its SEO score, like the score panel
        seo = row.extra["seo"]
        expected = "good" if seo > 70 else "ok" if seo > 40 else "bad"
        assert model.tone(row) == expected
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is not None

    qtbot.waitUntil(lambda: len(window.library_panel.titles()) == 2, timeout=5000)

    index = model.index(1, 1)
    panel.table.doubleClicked.emit(index)
    qtbot.waitUntil(lambda: "koala" in window.editor.toPlainText().lower(), timeout=5000)
    assert window.parts.stack.currentWidget() is window.parts.workspace
    assert window.toolbar.isVisible() and window.actions.mode_write.isChecked()
    assert window.brief_panel.keyword.text() == "koala gardening"
    window.close()
    library.close()


def test_batch_errors_go_to_the_message_bar_not_the_table_area(make_window, qtbot, tmp_path):
    window = make_window()
    window.show_batch()
    panel = window.batch_panel
    panel.controller.start(panel._options())            # Run with no list loaded
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=5000)
    assert "keyword list" in window.message_bar.message()
    assert panel.summary.text() == ""


def test_the_number_field_keeps_its_size_on_a_wide_window(make_window, qtbot):
    window = make_window()
    window.resize(1920, 1080)
    window.show_batch()
    panel = window.batch_panel
    qtbot.waitUntil(lambda: panel.concurrency.width() > 0)
    assert panel.concurrency.width() < 200
    assert panel.width() > 1500
