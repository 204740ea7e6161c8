"""Small monochrome SVG icons from resources/icons, tinted to the current theme.

The SVGs draw with `currentColor`; we substitute the theme's text colour and let Qt's
SVG image plugin rasterise them (no QtSvg import at startup).
"""

from __future__ import annotations

import os
import zlib
from functools import cache
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPixmap

from app.core.resources import resource_path

_state = {"color": "#1d2127"}
_disk: dict[str, Path] = {}


def use_disk_cache(folder: Path) -> None:
    """Keep rasterised icons as PNG files in `folder` (named by a checksum of the tinted
    SVG and the size): later starts skip the SVG renderer, ~4 ms before the first frame."""
    _disk["folder"] = folder


def set_icon_color(color: str) -> None:
    if color != _state["color"]:
        _state["color"] = color
        _icon.cache_clear()


def icon(name: str, color: str | None = None) -> QIcon:
    return _icon(name, color or _state["color"])


@cache
def _icon(name: str, color: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    try:
        data = path.read_text(encoding="utf-8").replace("currentColor", QColor(color).name())
    except OSError:
        return QIcon()
    result = QIcon()
    for size in _sizes():
        svg = data.replace('width="24" height="24"', f'width="{size}" height="{size}"', 1)
        pixmap = _rasterised(name, svg.encode("utf-8"))
        if not pixmap.isNull():
            result.addPixmap(pixmap)
    return result


def _rasterised(name: str, svg: bytes) -> QPixmap:
    folder = _disk.get("folder")
    path = folder / f"{name}-{zlib.crc32(svg):08x}.png" if folder is not None else None
    if path is not None and os.path.exists(path):
        cached = QPixmap(str(path))
        if not cached.isNull():
            return cached
    pixmap = QPixmap()
    if pixmap.loadFromData(svg, "SVG") and path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            pixmap.save(str(path), "PNG")       # best effort: a read-only disk only costs time
        except OSError:
            pass
    return pixmap


@cache
def _sizes() -> tuple[int, ...]:
    """18 px, plus 36 px only when a screen is high-DPI (each size costs a rasterisation
    at start-up; Qt scales the 18 px one for small menu icons)."""
    app = QGuiApplication.instance()
    screens = QGuiApplication.screens() if app is not None else []
    if any(screen.devicePixelRatio() > 1.0 for screen in screens):
        return (18, 36)
    return (18,)
