"""Menu bar and the keyboard-shortcut overview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QWidget

    from app.ui.actions import Actions


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MenuTexts(QObject):
    """Re-titles the menus on LanguageChange (menus are plain QMenus)."""

    def __init__(self, window: QMainWindow, menus: dict[str, object]) -> None:
        super().__init__(window)
        self.menus = menus
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        titles = {
            "file": _tr("&File"), "recent": _tr("Open &Recent"), "generate": _tr("&Generate"), "export": _tr("E&xport"),
            "preset": _tr("Markdown &front matter"), "view": _tr("&View"),
            "theme": _tr("&Theme"), "models": _tr("&Models"), "help": _tr("&Help"),
        }
        for key, menu in self.menus.items():
            menu.setTitle(titles[key])  # type: ignore[attr-defined]


def build_menus(window: QMainWindow, a: Actions) -> MenuTexts:
    """The menu bar from the shared actions; the window wires what they do."""
    bar = window.menuBar()
    file_menu = bar.addMenu("")
    file_menu.addActions([a.new_article, a.open_file])
    recent = file_menu.addMenu("")
    recent.setObjectName("recentMenu")
    file_menu.addSeparator()
    file_menu.addActions([a.save_article, a.save_to_library])
    file_menu.addSeparator()
    file_menu.addAction(a.settings)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    generate = bar.addMenu("")
    generate.addActions([a.write_article, a.stop_at_outline])
    generate.addSeparator()
    generate.addActions([a.generate_outline, a.write, a.stop])
    generate.addSeparator()
    generate.addActions([a.regenerate_section, a.extend_section])
    from app.ui.dialogs.content_actions import links_action, social_action, terms_action

    generate.addSeparator()
    generate.addActions([terms_action(window), links_action(window)])
    export = bar.addMenu("")
    export.addActions([a.export_markdown, a.export_html])
    preset = export.addMenu("")
    preset.addActions(list(a.presets.values()))
    export.addSeparator()
    export.addActions([a.copy_html, a.copy_markdown])
    export.addSeparator()
    from app.ui.dialogs.publish_action import publish_action

    export.addAction(publish_action(window))
    export.addAction(social_action(window))
    view = bar.addMenu("")
    view.addActions([a.mode_write, a.mode_batch])
    view.addSeparator()
    view.addActions([a.focus_brief, a.focus_outline, a.focus_editor, a.show_library])
    view.addSeparator()
    view.addActions([a.toggle_preview, a.toggle_thinking])
    theme = view.addMenu("")
    theme.addActions([a.theme_system, a.theme_light, a.theme_dark])
    models = bar.addMenu("")
    models.addActions([a.pull_model, a.retry_connection])
    help_menu = bar.addMenu("")
    help_menu.addAction(a.shortcuts)
    return MenuTexts(window, {
        "file": file_menu, "recent": recent, "generate": generate, "export": export, "preset": preset,
        "view": view, "theme": theme, "models": models, "help": help_menu})


def show_shortcuts(window: QWidget, rows: list[tuple[str, str]]) -> None:
    # Imported here: each PySide type costs its set-up (enums) the first time it is used.
    from PySide6.QtWidgets import (
        QDialog,
        QDialogButtonBox,
        QTableWidget,
        QTableWidgetItem,
        QVBoxLayout,
    )

    dialog = QDialog(window)
    dialog.setWindowTitle(_tr("Keyboard shortcuts"))
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels([_tr("Action"), _tr("Shortcut")])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (text, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(text))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(460, 560)
    dialog.open()
