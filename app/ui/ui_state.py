"""UI state that is not a setting: window geometry, splitter sizes, last export folder,
recently opened files.

Stored with QSettings (Picard's `persist` vs `setting` split). Tests point it at a
temporary INI file with `UiState(path)`.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths


class UiState:
    def __init__(self, path: str | Path | None = None) -> None:
        if path is None and os.environ.get("PLUME_CONFIG_DIR"):
            path = Path(os.environ["PLUME_CONFIG_DIR"]) / "ui.ini"   # isolated profile
        if path is None:
            self._qs = QSettings("Plume", "Plume-ui")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(key, value)

    def text(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return str(value) if value is not None else default

    def set_text(self, key: str, value: str) -> None:
        self._qs.setValue(key, value)

    def export_folder(self) -> str:
        folder = self.text("export/folder")
        if folder and Path(folder).is_dir():
            return folder
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def set_export_folder(self, folder: str | Path) -> None:
        self.set_text("export/folder", str(folder))

    def recent_files(self) -> list[str]:
        """Article files opened lately, newest first (missing ones left out)."""
        return [p for p in self.text("files/recent").split("\n") if p and Path(p).is_file()]

    def add_recent_file(self, path: str | Path, keep: int = 8) -> None:
        path = str(Path(path).resolve())
        paths = [path, *(p for p in self.recent_files() if p != path)][:keep]
        self.set_text("files/recent", "\n".join(paths))

    def sync(self) -> None:
        self._qs.sync()
