"""The Qt binding itself must not crash a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Source(QObject):
    ping = Signal()
    text = Signal(str)


def test_signals_emitted_from_python_never_wear_out_the_booleans(qapp):
    """PySide6 6.12.0's `emit()` returns True without owning a reference: every signal
    emitted from Python costs `True` one, and the app aborts ("deallocating True or False")
    after a few thousand of them — a few minutes of streaming or typing. The PySide6 that
    Plume requires must not do that."""
    source = _Source()
    before = sys.getrefcount(True)
    for _ in range(1000):
        source.ping.emit()
        source.text.emit("chunk")
    assert sys.getrefcount(True) >= before - 10
