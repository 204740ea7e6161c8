"""The task runner calls back on the GUI thread; present_error is non-modal and honest."""

from __future__ import annotations

import threading
import weakref

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.core.errors import Cancelled, ModelNotFound, OllamaUnavailable
from app.ui.errors import describe_error, present_error
from app.ui.workers.task_runner import run_in_background


def test_background_result_arrives_on_gui_thread(qtbot):
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker_thread"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback_thread"] = threading.get_ident()

    run_in_background(work, done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["worker_thread"] != gui_thread
    assert seen["callback_thread"] == gui_thread


def test_background_error_goes_to_on_error(qtbot):
    errors: list[BaseException] = []

    def work() -> None:
        raise OllamaUnavailable("Cannot reach http://127.0.0.1:9.")

    run_in_background(work, None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], OllamaUnavailable)


def test_no_callback_after_owner_destroyed(qtbot):
    owner = QWidget()
    calls: list[int] = []
    gate = threading.Event()

    def work() -> int:
        gate.wait(5)
        return 1

    handle = run_in_background(work, calls.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: _is_deleted(owner))
    gate.set()
    # Run a second task to completion: the first (earlier) result had its chance too.
    done: list[int] = []
    run_in_background(lambda: 2, done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert calls == []
    handle.discard()


def _is_deleted(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return True
    return False


def test_error_text_has_headline_message_and_action():
    text = describe_error(ModelNotFound("gpt-oss:20b"))
    assert text.title == "Model not installed"
    assert "gpt-oss:20b" in text.message
    assert "Pull" in text.hint


def test_present_error_uses_window_message_bar(qtbot):
    class Window(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.shown: list[object] = []

        def show_error(self, text: object) -> None:
            self.shown.append(text)

    window = Window()
    qtbot.addWidget(window)
    child = QWidget(window)
    present_error(child, OllamaUnavailable("Cannot reach http://127.0.0.1:9."))
    assert len(window.shown) == 1
    assert present_error(child, Cancelled()) is None
    assert len(window.shown) == 1


def test_present_error_falls_back_to_a_non_modal_box(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        present_error(parent, exc)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert boxes and not boxes[-1].isModal()
    assert "boom" in boxes[-1].informativeText()
    assert "Traceback" in boxes[-1].detailedText()
    for box in boxes:
        box.close()


def test_generate_with_ollama_down_shows_one_actionable_message(qtbot, tmp_path, monkeypatch,
                                                                ollama_down_url):
    from app.core.settings import Settings
    from app.ui.main_window import MainWindow
    from app.ui.ui_state import UiState

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    window = MainWindow(Settings(host=ollama_down_url, default_model="llama3.1:8b",
                                 self_review=False),
                        ui_state=UiState(tmp_path / "ui.ini"), start_connection=False)
    qtbot.addWidget(window)
    window.show()
    window.editor.setPlainText("# My notes\n\nText typed before Ollama was started.")
    window.brief_panel.keyword.setText("home composting")
    window.actions.generate_outline.trigger()
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=15000)
    assert window.message_bar.title.text() == "Ollama is not reachable"
    assert "ollama serve" in window.message_bar.text.text()
    assert window.editor.toPlainText() == "# My notes\n\nText typed before Ollama was started."
    assert not window.generation.busy and window.actions.generate_outline.isEnabled()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
             and w.isVisible()]
    assert boxes == []                                   # no modal storm: one inline message


def test_widgets_held_by_a_finished_task_are_freed_on_the_gui_thread(qtbot):
    """A parentless widget that only a task's callback still holds is freed with the task.
    Freed by a pool thread, Qt corrupts its heap and the app crashes later (a model picker
    did, in tests/ui/test_pull_dialog.py)."""
    freed_in: list[str] = []
    done: list[int] = []
    for n in range(1, 41):
        widget = QWidget()
        weakref.finalize(widget, lambda: freed_in.append(threading.current_thread().name))
        run_in_background(lambda: 1, lambda value, w=widget: done.append(value), owner=widget)
        del widget
        qtbot.waitUntil(lambda n=n: len(done) == n)

    def all_freed_on_the_gui_thread() -> None:
        assert freed_in == [threading.main_thread().name] * 40

    qtbot.waitUntil(all_freed_on_the_gui_thread)
