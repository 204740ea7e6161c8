"""Render every platform icon from the one SVG master, with Qt only (no ImageMagick/Pillow).

    python packaging/icons/make_icons.py [--svg resources/icons/plume.svg] [--out DIR]

Writes to packaging/icons/build/ by default:
  png/plume-<N>.png   N in 16..1024 (Linux hicolor theme, AppStream, docs)
  plume.ico           Windows: 16-48 px as 32-bit DIBs (best shell compatibility) + 64-256 as PNG
  plume.icns          macOS: PNG entries 16..1024 (icp4..ic10, plus the @2x types)
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_DIB_MAX = 48
# ICNS chunk type -> pixel size (PNG payloads, macOS 10.7+)
ICNS_TYPES = (
    ("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
    ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512),
)


def render(svg: Path, size: int):  # -> QImage
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read SVG {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image) -> bytes:
    """A 32-bit BGRA DIB as stored in .ico: bottom-up rows, double height, 1-bit AND mask."""
    from PySide6.QtGui import QImage

    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)  # little-endian BGRA in memory
    stride = argb.bytesPerLine()
    raw = bytes(argb.constBits())
    rows = [raw[y * stride:y * stride + size * 4] for y in range(size)]
    mask_stride = ((size + 31) // 32) * 4
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + bytes(mask_stride * size)


def ico_bytes(images: dict[int, object]) -> bytes:
    entries, payloads = [], []
    offset = 6 + 16 * len(images)
    for size, image in sorted(images.items()):
        data = dib_bytes(image) if size <= ICO_DIB_MAX else png_bytes(image)
        dim = 0 if size >= 256 else size  # 0 means 256 in ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset))
        payloads.append(data)
        offset += len(data)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(payloads)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    chunks = b"".join(
        kind.encode() + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def make_icons(svg: Path, out: Path) -> dict[str, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    (out / "png").mkdir(parents=True, exist_ok=True)
    images = {size: render(svg, size) for size in PNG_SIZES}
    pngs = {size: png_bytes(image) for size, image in images.items()}
    written = {}
    for size, data in pngs.items():
        path = out / "png" / f"plume-{size}.png"
        path.write_bytes(data)
        written[f"png{size}"] = path
    written["ico"] = out / "plume.ico"
    written["ico"].write_bytes(ico_bytes({s: images[s] for s in ICO_SIZES}))
    written["icns"] = out / "plume.icns"
    written["icns"].write_bytes(icns_bytes(pngs))
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=ROOT / "resources/icons/plume.svg")
    parser.add_argument("--out", type=Path, default=ROOT / "packaging/icons/build")
    args = parser.parse_args()
    for path in make_icons(args.svg, args.out).values():
        print(path.relative_to(args.out.parent) if path.is_relative_to(args.out.parent) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
