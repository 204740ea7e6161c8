"""Properties the style sheet selects on (`QLabel[chip="good"]`): set them so it sees them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def set_style_property(widget: QWidget, name: str, value: str) -> None:
    """Set `name`; re-polish only when the value changed (re-polishing is costly)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    repolish(widget)


def repolish(*widgets: QWidget) -> None:
    """Make the style sheet re-read the widgets' properties. A widget not polished yet is
    left alone: its first polish (when shown) reads them, and wrapping the style from
    Python costs ~6 ms the first time — not worth paying before the first frame."""
    for widget in widgets:
        if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)
            widget.update()
