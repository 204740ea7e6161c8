"""Light and dark themes: a Fusion palette plus resources/styles/app.qss.

`apply_theme(app, "system" | "light" | "dark")`. "system" follows the OS colour
scheme (Qt ≥ 6.5 style hints). Colours live in resources/styles/{light,dark}.theme.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.core.resources import read_text
from app.ui.icons import set_icon_color

THEMES = ("system", "light", "dark")
BASE_POINT_SIZE = 10.0
_TOKEN = re.compile(r"\{\{(\w+)\}\}")


@cache
def theme_colors(name: str) -> dict[str, str]:
    colors: dict[str, str] = {}
    for line in read_text("styles", f"{name}.theme").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and ":" in line:
            key, value = line.split(":", 1)
            colors[key.strip()] = value.strip()
    return colors


def resolve(mode: str) -> str:
    """'light' or 'dark' for a theme setting."""
    if mode in ("light", "dark"):
        return mode
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None and scheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def stylesheet(name: str) -> str:
    colors = theme_colors(name)
    return _TOKEN.sub(lambda m: colors.get(m.group(1), "#ff00ff"), read_text("styles", "app.qss"))


def palette(name: str) -> QPalette:
    c = {k: QColor(v) for k, v in theme_colors(name).items()}
    pal = QPalette()
    role = QPalette.ColorRole
    for r, key in (
        (role.Window, "window"), (role.WindowText, "text"), (role.Base, "base"),
        (role.AlternateBase, "alt_base"), (role.Text, "text"), (role.Button, "panel"),
        (role.ButtonText, "text"), (role.ToolTipBase, "base"), (role.ToolTipText, "text"),
        (role.Highlight, "accent"), (role.HighlightedText, "accent_text"),
        (role.PlaceholderText, "muted"), (role.Link, "accent"), (role.Mid, "border"),
        (role.Midlight, "border"), (role.Dark, "strong_border"),
    ):
        pal.setColor(r, c[key])
    for r in (role.Text, role.WindowText, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, c["muted"])
    return pal


def apply_theme(app: QApplication, mode: str = "system") -> str:
    """Apply a theme; returns the resolved 'light' or 'dark'."""
    name = resolve(mode)
    if not app.property("plume_fusion"):        # create_application asks for it natively
        app.setStyle("Fusion")
        app.setProperty("plume_fusion", True)
    app.setPalette(palette(name))
    # The base 10 pt font is set on the application, not as a `QWidget {}` style rule:
    # a rule matching every widget makes Qt resolve a style-sheet font for each one.
    font = app.font()
    if font.pointSizeF() != BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)
        app.setFont(font)
    set_icon_color(theme_colors(name)["text"])
    app.setStyleSheet(stylesheet(name))
    app.setProperty("plume_theme", name)
    return name


def current_theme() -> str:
    app = QApplication.instance()
    value = app.property("plume_theme") if app is not None else None
    return str(value) if value else "light"


def color(key: str) -> str:
    return theme_colors(current_theme())[key]
