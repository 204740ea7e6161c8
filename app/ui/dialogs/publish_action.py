"""Export › Publish to WordPress…: the menu entry. The dialog (and what it imports) loads
when the entry is used, not with the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction


def _tr(text: str) -> str:
    return QCoreApplication.translate("PublishDialog", text)


def publish_action(window: Any) -> QAction:
    """The menu entry, opening the dialog on the article."""
    action = QAction(window)
    action.retitle = _Retitle(window, action)  # type: ignore[attr-defined]  # keep a reference

    def open_dialog() -> None:
        from app.ui.dialogs.publish_dialog import PublishDialog

        dialog = PublishDialog(window.current_article, window)
        dialog.open()

    action.triggered.connect(open_dialog)
    return action


class _Retitle(QObject):
    """Names the action again when the interface language changes."""

    def __init__(self, window: QObject, action: QAction) -> None:
        super().__init__(window)
        self._action = action
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self._action.setText(_tr("&Publish to WordPress…"))
        self._action.setStatusTip(_tr("Send the article to a WordPress site as a draft or a post"))
