"""A second launch on the same profile brings the first window forward instead of
opening a second window that would fight over the autosave."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.ui.single_instance import SingleInstance, bring_forward


def test_second_launch_brings_the_first_window_forward(qtbot, tmp_path: Path) -> None:
    key = SingleInstance.key_for(tmp_path / "library.sqlite3")
    first = SingleInstance(key)
    assert first.listen()
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    first.activation_requested.connect(lambda: bring_forward(window))
    assert SingleInstance(key).forward_to_running()       # the second launch stops here
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=5000)
    first.close()


def test_other_profile_or_no_running_plume_starts_normally(qtbot, tmp_path: Path) -> None:
    first = SingleInstance(SingleInstance.key_for(tmp_path / "a" / "library.sqlite3"))
    assert first.listen()
    other = SingleInstance(SingleInstance.key_for(tmp_path / "b" / "library.sqlite3"))
    assert not other.forward_to_running()
    first.close()
    again = SingleInstance(first.key)
    assert not again.forward_to_running()                 # the first one has quit
    assert again.listen()
    again.close()
