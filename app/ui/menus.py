"""Menu bar (titles with the window, entries right after its first frame) and the
keyboard-shortcut overview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

    from app.ui.actions import Actions


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MenuTexts(QObject):
    """Re-titles the menus on LanguageChange (menus are plain QMenus)."""

    def __init__(self, window: QMainWindow, menus: dict[str, QMenu]) -> None:
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
            # The Edit menu's entries are app/ui/editing_tools.py's, and so is its title.
            "edit": QCoreApplication.translate("EditingTools", "&Edit"),
        }
        for key, menu in self.menus.items():
            menu.setTitle(titles[key])


def build_menus(window: QMainWindow) -> MenuTexts:
    """The menu bar's titles, for the first frame; `fill_menus` adds the entries after it."""
    bar = window.menuBar()
    menus = {key: bar.addMenu("") for key in
             ("file", "edit", "generate", "export", "view", "models", "help")}
    menus["edit"].setObjectName("editMenu")
    return MenuTexts(window, menus)


def fill_menus(window: QMainWindow, a: Actions, texts: MenuTexts) -> None:
    """The menus' entries from the shared actions (the window wires what they do). Built
    after the first frame: until then no menu can be open (nor its shortcuts pressed)."""
    m = texts.menus
    file_menu = m["file"]
    file_menu.addActions([a.new_article, a.open_file])
    recent = m["recent"] = file_menu.addMenu("")
    recent.setObjectName("recentMenu")
    file_menu.addSeparator()
    file_menu.addActions([a.save_article, a.save_to_library])
    file_menu.addSeparator()
    file_menu.addAction(a.settings)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    generate = m["generate"]
    generate.addActions([a.write_article, a.stop_at_outline])
    generate.addSeparator()
    generate.addActions([a.generate_outline, a.write, a.stop])
    generate.addSeparator()
    generate.addActions([a.regenerate_section, a.extend_section])
    from app.ui.dialogs.content_actions import links_action, social_action, terms_action

    generate.addSeparator()
    generate.addActions([terms_action(window), links_action(window)])
    export = m["export"]
    export.addActions([a.export_markdown, a.export_html])
    preset = m["preset"] = export.addMenu("")
    preset.addActions(list(a.presets.values()))
    export.addSeparator()
    export.addActions([a.copy_html, a.copy_markdown])
    export.addSeparator()
    from app.ui.dialogs.publish_action import publish_action

    export.addAction(publish_action(window))
    export.addAction(social_action(window))
    view = m["view"]
    view.addActions([a.mode_write, a.mode_batch])
    view.addSeparator()
    view.addActions([a.focus_brief, a.focus_outline, a.focus_editor, a.show_library])
    view.addSeparator()
    view.addActions([a.toggle_preview, a.toggle_thinking])
    theme = m["theme"] = view.addMenu("")
    theme.addActions([a.theme_system, a.theme_light, a.theme_dark])
    m["models"].addActions([a.pull_model, a.retry_connection])
    m["help"].addAction(a.shortcuts)
    texts.retranslate()


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
