"""Generate › Topic terms… / Internal links… and Export › Social posts…: the menu entries.
Topic terms and Social posts open as panels docked beside the editor (tabs of one dock area,
so the terms' coverage stays in sight while writing); Internal links is a dialog. What they
import loads when an entry is used, not with the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

DOCK_WIDTH = 320


def _tr_social(text: str) -> str:
    return QCoreApplication.translate("SocialDialog", text)


def _tr_links(text: str) -> str:
    return QCoreApplication.translate("LinksDialog", text)


def _tr_terms(text: str) -> str:
    return QCoreApplication.translate("TermsPanel", text)


def social_action(window: Any) -> QAction:
    def make(dock: QDockWidget) -> QWidget:
        from app.application import Plume
        from app.ui.dialogs.social_dialog import SocialPanel

        return SocialPanel(window.current_article, lambda: Plume(window.settings),
                           window.current_model, dock)

    def opened(panel: Any) -> None:
        panel.refresh_url()

    return _action(window, lambda: open_dock(window, "social", _tr_social("Social posts"), make,
                                             opened), lambda: (
        _tr_social("&Social posts…"),
        _tr_social("Write posts for X, LinkedIn, Facebook, Instagram and a newsletter")))


def links_action(window: Any) -> QAction:
    def open_dialog() -> None:
        from app.ui.dialogs.links_dialog import LinksDialog

        LinksDialog(window, window).open()

    return _action(window, open_dialog, lambda: (
        _tr_links("Internal &links…"), _tr_links("Link the article to pages of your site")))


def terms_action(window: Any) -> QAction:
    def make(dock: QDockWidget) -> QWidget:
        from app.ui.dialogs.terms_panel import TermsPanel

        return TermsPanel(window, dock)

    return _action(window, lambda: open_dock(window, "terms", _tr_terms("Topic terms"), make),
                   lambda: (_tr_terms("Topic &terms…"),
                            _tr_terms("Terms the article should cover, and how well it does")))


def open_dock(window: Any, key: str, title: str, make: Callable[[QDockWidget], QWidget],
              opened: Callable[[Any], None] | None = None) -> QDockWidget:
    """The window's dock `key` (made on first use, right of the editor, as a tab beside the
    other Plume docks), shown and raised."""
    name = f"plume-dock-{key}"
    dock = window.findChild(QDockWidget, name)
    if dock is None:
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(make(dock))
        others = [d for d in window.findChildren(QDockWidget)
                  if d is not dock and d.objectName().startswith("plume-dock-")]
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        if others:
            window.tabifyDockWidget(others[0], dock)
        else:                            # a column, not a quarter of the window
            window.resizeDocks([dock], [min(DOCK_WIDTH, window.width() // 4)],
                               Qt.Orientation.Horizontal)
    if opened is not None:
        opened(dock.widget())
    dock.show()
    dock.raise_()
    return dock


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
