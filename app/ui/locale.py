"""The interface language in use ("fr" or "en"), for core texts worded per language.

The translator installer (app.ui.i18n) records its choice as the application property
`plume_ui_language`; without it we follow the system locale.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

SUPPORTED = ("en", "fr")


def ui_language() -> str:
    app = QCoreApplication.instance()
    value = app.property("plume_ui_language") if app is not None else None
    if isinstance(value, str) and value[:2] in SUPPORTED:
        return value[:2]
    name = QLocale().name()[:2]
    return name if name in SUPPORTED else "en"


def set_ui_language(lang: str) -> None:
    app = QCoreApplication.instance()
    if app is not None:
        app.setProperty("plume_ui_language", lang)
