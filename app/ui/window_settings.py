"""Settings from the window: the dialog (File ▸ Settings, or the connection banner's page),
and what changes when they are applied (saved file, host, brief defaults, theme, language,
autosave interval).

    dialog = settings_dialog(window, page)          # app/ui/main_window.py (`window`)
    settings_changed(window, old, new)              # once the window holds `new`
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.core.settings import Settings


def settings_dialog(window: Any, page: int = 0) -> Any:
    """The Settings dialog on `page`, with the installed models to choose the default from."""
    from app.ui.dialogs.settings_dialog import SettingsDialog

    return SettingsDialog(window.settings, window, models=window.model_picker.installed_names(),
                          page=page)


def accepted(dialog: Any) -> bool:
    """Run the dialog; True when the writer pressed OK."""
    from PySide6.QtWidgets import QDialog  # here: PySide types cost set-up on first use

    return bool(dialog.exec() == QDialog.DialogCode.Accepted)


def connection_page() -> int:
    """The dialog's Ollama page (with Test connection), where the banner's Settings… lands."""
    from app.ui.dialogs.settings_dialog import SettingsDialog

    return int(SettingsDialog.CONNECTION_PAGE)


def settings_changed(window: Any, old: Settings, settings: Settings) -> None:
    """The window now holds `settings` (was `old`): save them, and follow them."""
    if window.settings_path is not None:
        from app.core.settings import save_settings

        try:
            save_settings(settings, window.settings_path)
        except Exception as exc:  # noqa: BLE001
            from app.ui.errors import present_error

            present_error(window, exc)
    window.link.host_changed(old, settings)
    _brief_follows_defaults(window, old, settings)
    if window.batch_panel is not None:
        window.batch_panel.controller.settings = settings
    if settings.theme != old.theme:
        from PySide6.QtWidgets import QApplication

        from app.ui.theme import apply_theme

        name = apply_theme(QApplication.instance(), settings.theme)
        window.preview.apply_theme(name == "dark")
        window.editor.highlighter.refresh_colors(window.editor.palette())
    if settings.ui_language != old.ui_language:
        from PySide6.QtWidgets import QApplication

        from app.ui.i18n import install_translators
        from app.ui.locale import set_ui_language

        set_ui_language(install_translators(QApplication.instance(), settings.ui_language))
    if window.autosave is not None:
        window.autosave.set_interval(settings.autosave_seconds)


def _brief_follows_defaults(window: Any, old: Settings, new: Settings) -> None:
    """A new default article language, tone or length reaches the brief when the brief
    still had the old default (a value the writer chose for this article stays)."""
    brief = window.brief_panel.brief(strict=False)
    changes: dict[str, Any] = {}
    if new.article_language != old.article_language and brief.language == old.article_language:
        changes["language"] = new.article_language
    if new.tone != old.tone and brief.tone == old.tone:
        changes["tone"] = new.tone
    if new.target_words != old.target_words and brief.target_words == old.target_words:
        changes["target_words"] = new.target_words
    if changes:
        window.brief_panel.set_brief(brief.with_(**changes))
