"""Generate › Topic terms… / Internal links… and Export › Social posts…: the menu entries.
Their dialogs (and what they import) load when an entry is used, not with the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction


def _tr_social(text: str) -> str:
    return QCoreApplication.translate("SocialDialog", text)


def _tr_links(text: str) -> str:
    return QCoreApplication.translate("LinksDialog", text)


def _tr_terms(text: str) -> str:
    return QCoreApplication.translate("TermsPanel", text)


def social_action(window: Any) -> QAction:
    def open_dialog() -> None:
        from app.application import Plume
        from app.ui.dialogs.social_dialog import SocialDialog

        SocialDialog(window.current_article, Plume(window.settings), window.current_model(),
                     window).open()

    return _action(window, open_dialog, lambda: (
        _tr_social("&Social posts…"),
        _tr_social("Write posts for X, LinkedIn, Facebook, Instagram and a newsletter")))


def links_action(window: Any) -> QAction:
    def open_dialog() -> None:
        from app.ui.dialogs.links_dialog import LinksDialog

        LinksDialog(window, window).open()

    return _action(window, open_dialog, lambda: (
        _tr_links("Internal &links…"), _tr_links("Link the article to pages of your site")))


def terms_action(window: Any) -> QAction:
    panels: list[Any] = []               # one panel per window, kept by its action

    def open_panel() -> None:
        from app.ui.dialogs.terms_panel import TermsPanel

        if not panels:
            panels.append(TermsPanel(window, window))
        panels[0].show()
        panels[0].raise_()

    return _action(window, open_panel, lambda: (
        _tr_terms("Topic &terms…"),
        _tr_terms("Terms the article should cover, and how well it does")))


def _action(window: Any, slot: Callable[[], None],
            texts: Callable[[], tuple[str, str]]) -> QAction:
    action = QAction(window)
    action.retitle = _Retitle(window, action, texts)  # type: ignore[attr-defined]  # keep it
    action.triggered.connect(slot)
    return action


class _Retitle(QObject):
    """Names the action again when the interface language changes."""

    def __init__(self, window: QObject, action: QAction,
                 texts: Callable[[], tuple[str, str]]) -> None:
        super().__init__(window)
        self._action = action
        self._texts = texts
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        text, tip = self._texts()
        self._action.setText(text)
        self._action.setStatusTip(tip)
