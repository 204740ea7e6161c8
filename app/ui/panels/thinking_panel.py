"""Collapsible panel showing a reasoning model's thinking, apart from the article text,
with the think level when the model supports one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.icons import icon

# Values sent as Ollama's `think`: None = model default, False/True, or a level.
THINK_CHOICES: tuple[object, ...] = (None, False, True, "low", "medium", "high")


class ThinkingPanel(QWidget):
    # ---- Signals
    think_changed = Signal(object)      # None | bool | "low" | "medium" | "high"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thinkingPanel")
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("thinkingToggle")
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setCheckable(True)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self.set_expanded)
        self._level_label = QLabel(self)
        self._level_label.setProperty("role", "hint")
        self.level = QComboBox(self)
        self._status = QLabel(self)
        self._status.setProperty("role", "hint")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setMaximumBlockCount(0)
        self.text.setMinimumHeight(90)
        self._icon = QLabel(self)
        self._icon.setPixmap(icon("thinking").pixmap(16, 16))
        header = QHBoxLayout()
        header.setContentsMargins(10, 2, 10, 2)
        header.setSpacing(6)
        header.addWidget(self._icon)
        header.addWidget(self.toggle)
        header.addWidget(self._status)
        header.addStretch(1)
        header.addWidget(self._level_label)
        header.addWidget(self.level)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.text)
        self.text.setVisible(False)
        self._levels: tuple[object, ...] = (None,)
        self.level.currentIndexChanged.connect(self._on_level_changed)
        self.retranslate_ui()
        self.set_capabilities(thinking=False, levels=False)

    # ---- Public API

    def set_capabilities(self, *, thinking: bool, levels: bool) -> None:
        """Offer think choices the current model supports."""
        current = self.think()
        if not thinking:
            self._levels = (None,)
        elif levels:
            self._levels = (None, "low", "medium", "high")
        else:
            self._levels = (None, True, False)
        self.level.blockSignals(True)
        self.level.clear()
        for value in self._levels:
            self.level.addItem(self._choice_text(value))
        if current in self._levels:
            self.level.setCurrentIndex(self._levels.index(current))
        self.level.blockSignals(False)
        self.level.setEnabled(thinking)
        self._level_label.setEnabled(thinking)

    def think(self) -> object:
        index = self.level.currentIndex()
        return self._levels[index] if 0 <= index < len(self._levels) else None

    def set_think(self, value: object) -> None:
        if value in self._levels:
            self.level.setCurrentIndex(self._levels.index(value))

    def append_thinking(self, text: str) -> None:
        if not self.toggle.isChecked() and not self.text.toPlainText():
            self.set_expanded(True)
        cursor = QTextCursor(self.text.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.maximum())
        self._status.setText(self.tr("thinking…"))

    def start_block(self) -> None:
        """A new model call begins: separate its thinking from the previous one."""
        if self.text.document().characterCount() > 1:
            cursor = QTextCursor(self.text.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            if not self.text.toPlainText().endswith("\n\n"):
                cursor.insertText("\n\n")

    def thinking_text(self) -> str:
        return self.text.toPlainText()

    def clear(self) -> None:
        self.text.clear()
        self._status.clear()

    def finish(self) -> None:
        if self.text.toPlainText():
            self._status.setText(self.tr("done"))

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.blockSignals(True)
        self.toggle.setChecked(expanded)
        self.toggle.blockSignals(False)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.text.setVisible(expanded)

    # ---- Qt overrides

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.toggle.setText(self.tr("Thinking"))
        self.toggle.setToolTip(
            self.tr("Show or hide the model's reasoning (never part of the article)"))
        self.toggle.setAccessibleName(self.tr("Show thinking"))
        self._level_label.setText(self.tr("Think level"))
        self.level.setAccessibleName(self.tr("Think level"))
        self.text.setAccessibleName(self.tr("Model thinking"))
        self.text.setPlaceholderText(self.tr("Reasoning models show their thinking here."))
        for i, value in enumerate(getattr(self, "_levels", ())):
            self.level.setItemText(i, self._choice_text(value))

    # ---- Private

    def _choice_text(self, value: object) -> str:
        return {
            None: self.tr("Model default"),
            True: self.tr("On"),
            False: self.tr("Off"),
            "low": self.tr("Low"),
            "medium": self.tr("Medium"),
            "high": self.tr("High"),
        }[value]  # type: ignore[index]

    def _on_level_changed(self, _index: int) -> None:
        self.think_changed.emit(self.think())
