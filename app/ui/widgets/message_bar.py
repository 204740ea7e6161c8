"""An inline, non-modal bar at the top of the window: where every error is shown.

Text + action hint + an optional action button (e.g. Retry) + close. It never
takes focus from the editor and never blocks the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.icons import icon
from app.ui.styling import repolish

if TYPE_CHECKING:
    from app.ui.errors import ErrorText


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setProperty("level", "error")
        self._icon = QLabel(self)
        self.title = QLabel(self)
        self.title.setObjectName("messageTitle")
        self.text = QLabel(self)
        self.text.setObjectName("messageText")
        self.text.setWordWrap(True)
        # Server text (an error page from a proxy…) is shown as written, never as HTML.
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton(self)
        self.action_button.hide()
        self.close_button = QToolButton(self)
        self.close_button.setIcon(icon("close"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        self.action_button.clicked.connect(self._on_action)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._action: Callable[[], None] | None = None
        self.last: ErrorText | None = None
        self.hide()
        self.retranslate_ui()

    def show_error(self, error: ErrorText, action_text: str = "",
                   action: Callable[[], None] | None = None) -> None:
        self.last = error
        self._set_level("error")
        self._icon.setPixmap(icon("warning").pixmap(18, 18))
        self.title.setText(error.title)
        body = error.message if not error.hint else f"{error.message}  {error.hint}"
        self.text.setText(body)
        self.setToolTip(error.details[-2000:] if error.details else "")
        self._set_action(action_text, action)
        self.show()

    def show_info(self, title: str, text: str = "", action_text: str = "",
                  action: Callable[[], None] | None = None) -> None:
        self._set_level("info")
        self._icon.clear()
        self.title.setText(title)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self._set_action(action_text, action)
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.last = None

    def message(self) -> str:
        return f"{self.title.text()} {self.text.text()}".strip()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.setAccessibleName(self.tr("Message"))

    def _set_level(self, level: str) -> None:
        self.text.setVisible(True)
        if self.property("level") == level:
            return
        self.setProperty("level", level)
        repolish(self, self.title, self.text)   # their selectors depend on the bar's level

    def _set_action(self, text: str, action: Callable[[], None] | None) -> None:
        self._action = action
        self.action_button.setText(text)
        self.action_button.setVisible(bool(text and action))

    def _on_action(self) -> None:
        action = self._action
        self.dismiss()
        if action is not None:
            action()
