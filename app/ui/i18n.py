"""UI translations: our `plume_<lang>.qm` plus Qt's own `qtbase_<lang>.qm` (standard
buttons, file dialogs). Calling `install_translators()` again swaps them at run time; Qt
then sends `LanguageChange` to every widget, whose `changeEvent` calls `retranslate_ui()`.

The UI language is independent of the article language (prompts, analysis).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.core.resources import resource_path

logger = logging.getLogger(__name__)

SUPPORTED = ("en", "fr")
SOURCE_LANGUAGE = "en"  # strings in the code are English

_installed: list[QTranslator] = []


def resolve_language(lang: str) -> str:
    """'system' → the OS language if we have it, else English; unknown codes → English."""
    code = (lang or "system").strip().lower()
    if code == "system":
        code = QLocale.system().name().split("_")[0].lower()
    return code if code in SUPPORTED else SOURCE_LANGUAGE


def install_translators(app: QCoreApplication, lang: str) -> str:
    """Install the translators for `lang` ('system', 'fr', 'en'); returns the language used."""
    code = resolve_language(lang)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(code))
    if code == SOURCE_LANGUAGE:
        # English source strings need no catalogue; still install ours when present so
        # plural forms (%n) read well.
        _load(app, "plume", code, str(resource_path("translations")))
        return code
    _load(app, "qtbase", code, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    _load(app, "plume", code, str(resource_path("translations")))
    return code


def _load(app: QCoreApplication, name: str, code: str, folder: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(f"{name}_{code}", folder):
        logger.info("no %s translation for %s in %s", name, code, folder)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
