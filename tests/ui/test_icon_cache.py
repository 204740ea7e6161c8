"""Toolbar icons from the on-disk cache look exactly like freshly rendered ones."""

from __future__ import annotations

from pathlib import Path

from app.ui import icons


def _image(icon_name: str, color: str):
    return icons.icon(icon_name, color).pixmap(18, 18).toImage()


def test_cached_icons_match_rendered_ones_and_follow_the_theme_colour(qapp, tmp_path: Path):
    rendered = _image("write", "#123456")
    icons._disk.clear()
    icons.use_disk_cache(tmp_path)
    try:
        icons._icon.cache_clear()
        first = _image("write", "#123456")              # renders, then writes the PNG
        assert len(list(tmp_path.glob("write-*.png"))) == 1
        icons._icon.cache_clear()
        from_disk = _image("write", "#123456")          # read back from the PNG
        assert first == rendered and from_disk == rendered
        icons._icon.cache_clear()
        other = _image("write", "#fedcba")              # another theme colour: its own file
        assert other != rendered and len(list(tmp_path.glob("write-*.png"))) == 2
    finally:
        icons._disk.clear()
        icons._icon.cache_clear()
