"""Every main action of the window, with its icon, shortcut and translated texts.

The main window wires `triggered` to controllers; menus and the toolbar share these
objects, so a disabled action is disabled everywhere and its shortcut with it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from app.ui.icons import icon

# name: (icon, shortcut)
_SPECS: dict[str, tuple[str, str]] = {
    "new_article": ("new", "Ctrl+N"),
    "open_file": ("", "Ctrl+O"),
    "save_article": ("", "Ctrl+S"),
    "save_to_library": ("library", ""),
    "write_article": ("write", "Ctrl+Shift+Return"),
    "stop_at_outline": ("", ""),
    "generate_outline": ("outline", "Ctrl+Shift+O"),
    "write": ("write", "Ctrl+Return"),
    "stop": ("stop", "Esc"),
    "regenerate_section": ("regenerate", "Ctrl+Shift+R"),
    "extend_section": ("extend", "Ctrl+Shift+X"),
    "export_markdown": ("export", "Ctrl+E"),
    "export_html": ("", "Ctrl+Shift+E"),
    "copy_html": ("copy", "Ctrl+Shift+C"),
    "copy_markdown": ("", "Ctrl+Alt+C"),
    "toggle_preview": ("preview", "Ctrl+Shift+P"),
    "toggle_thinking": ("thinking", "Ctrl+Shift+T"),
    "focus_brief": ("brief", "Ctrl+1"),
    "focus_outline": ("outline", "Ctrl+2"),
    "focus_editor": ("", "Ctrl+3"),
    "show_library": ("library", "Ctrl+L"),
    "mode_write": ("write", "Ctrl+Shift+1"),
    "mode_batch": ("batch", "Ctrl+Shift+2"),
    "settings": ("settings", "Ctrl+,"),
    "pull_model": ("models", ""),
    "retry_connection": ("retry", "F5"),
    "shortcuts": ("", "F1"),
    "quit": ("", "Ctrl+Q"),
    "theme_system": ("", ""),
    "theme_light": ("", ""),
    "theme_dark": ("", ""),
}
PRESETS = ("plain", "hugo", "jekyll", "astro", "none")


class Actions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._all: dict[str, QAction] = {}
        for name, (icon_name, shortcut) in _SPECS.items():
            action = QAction(parent)
            action.setObjectName(name)
            if icon_name:
                action.setIcon(icon(icon_name))
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self._all[name] = action
            setattr(self, name, action)
        self.toggle_preview.setCheckable(True)
        self.toggle_preview.setChecked(True)
        self.toggle_thinking.setCheckable(True)
        self.stop_at_outline.setCheckable(True)
        self.save_article.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.open_file.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        if self.quit.shortcut().isEmpty():
            self.quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.theme_group = QActionGroup(parent)
        for name in ("theme_system", "theme_light", "theme_dark"):
            self._all[name].setCheckable(True)
            self.theme_group.addAction(self._all[name])
        self.mode_group = QActionGroup(parent)
        for name in ("mode_write", "mode_batch"):
            self._all[name].setCheckable(True)
            self.mode_group.addAction(self._all[name])
        self.mode_write.setChecked(True)
        self.preset_group = QActionGroup(parent)
        self.presets: dict[str, QAction] = {}
        for preset in PRESETS:
            action = QAction(parent)
            action.setCheckable(True)
            action.setData(preset)
            self.preset_group.addAction(action)
            self.presets[preset] = action
        self.presets["plain"].setChecked(True)
        self.retranslate_ui()
        parent.installEventFilter(self)     # the interface language changed in Settings

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    def all(self) -> dict[str, QAction]:
        return dict(self._all)

    def register(self, name: str, action: QAction) -> None:
        """An action made elsewhere (e.g. app/ui/editing_tools.py) that the shortcut list
        should show too; its owner keeps its texts up to date."""
        self._all[name] = action

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(action text, shortcut) for the help dialog and the README table."""
        rows = []
        for action in self._all.values():
            if not action.shortcut().isEmpty():
                text = action.text().replace("&", "").rstrip("…").rstrip(".")
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                rows.append((text, keys))
        return rows

    def retranslate_ui(self) -> None:
        tr = self.tr
        texts = {
            "new_article": (tr("&New article"), tr("Start a new, empty article")),
            "open_file": (tr("&Open…"), tr("Open a Markdown or HTML article")),
            "save_article": (tr("&Save"), tr("Save to the file the article came from, "
                                             "else to the library")),
            "save_to_library": (tr("Save to &library"), tr("Save the article in the library")),
            "write_article": (tr("Write &article"),
                              tr("Outline, write and review the article in one go")),
            "stop_at_outline": (tr("Stop at the outline"),
                                tr("Write article stops after the outline, so you can edit it "
                                   "before writing")),
            "generate_outline": (tr("Generate &outline"),
                                 tr("Ask the model for a title, description and outline")),
            "write": (tr("&Write"), tr("Write the article section by section from the outline")),
            "stop": (tr("&Stop"), tr("Stop now and keep the text written so far")),
            "regenerate_section": (tr("&Regenerate section"),
                                   tr("Write the section under the cursor again")),
            "extend_section": (tr("E&xtend section"),
                               tr("Add more text at the end of the section under the cursor")),
            "export_markdown": (tr("Export &Markdown…"), tr("Save as Markdown with front matter")),
            "export_html": (tr("Export &HTML page…"), tr("Save as a standalone HTML page")),
            "copy_html": (tr("Copy as &HTML"), tr("Copy the article as HTML for a CMS")),
            "copy_markdown": (tr("Copy as Mar&kdown"), tr("Copy the article as Markdown")),
            "toggle_preview": (tr("&Preview"), tr("Show or hide the HTML preview")),
            "toggle_thinking": (tr("&Thinking panel"), tr("Show or hide the model's thinking")),
            "focus_brief": (tr("&Brief"), tr("Go to the brief")),
            "focus_outline": (tr("&Outline"), tr("Go to the outline")),
            "focus_editor": (tr("&Editor"), tr("Go to the text")),
            "show_library": (tr("&Library"), tr("Show saved articles")),
            "mode_write": (tr("&Writing"), tr("Write one article")),
            "mode_batch": (tr("&Batch"), tr("Run a keyword list")),
            "settings": (tr("&Settings…"), tr("Ollama host, defaults, export, interface")),
            "pull_model": (tr("&Pull a model…"), tr("Download a model into Ollama")),
            "retry_connection": (tr("&Reconnect to Ollama"), tr("Check the Ollama host again")),
            "shortcuts": (tr("&Keyboard shortcuts"), tr("List every shortcut")),
            "quit": (tr("&Quit"), tr("Close Plume")),
            "theme_system": (tr("&System"), tr("Follow the system colours")),
            "theme_light": (tr("&Light"), tr("Light theme")),
            "theme_dark": (tr("&Dark"), tr("Dark theme")),
        }
        for name, (text, tip) in texts.items():
            action = self._all[name]
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)
        self.write.setIconText(tr("Write"))
        self.write_article.setIconText(tr("Write article"))
        self.generate_outline.setIconText(tr("Outline"))
        self.export_markdown.setIconText(tr("Export"))
        self.regenerate_section.setIconText(tr("Regenerate"))
        self.extend_section.setIconText(tr("Extend"))
        self.mode_write.setIconText(tr("Writing"))
        self.mode_batch.setIconText(tr("Batch"))
        names = {
            "plain": tr("Plain (title, description, slug)"),
            "hugo": tr("Hugo"),
            "jekyll": tr("Jekyll"),
            "astro": tr("Astro"),
            "none": tr("No front matter"),
        }
        for preset, action in self.presets.items():
            action.setText(names[preset])
