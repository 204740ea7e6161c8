"""Asked before unsaved text leaves the editor: Save / Discard / Cancel, as every editor
does; and, when the recovery copy cannot be written at close, Close anyway / Cancel."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedChangesBox(QMessageBox):
    def __init__(self, parent: QWidget | None = None, *, can_save: bool = True,
                 opening: bool = False) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Unsaved changes"))
        self.setText(self.tr("This article has changes that are not saved in the library."))
        self.setInformativeText(self.tr("Save them before opening another article?") if opening
                                else self.tr("Save them before starting a new article?"))
        buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        if can_save:
            buttons |= QMessageBox.StandardButton.Save
        self.setStandardButtons(buttons)
        self.setDefaultButton(QMessageBox.StandardButton.Save if can_save
                              else QMessageBox.StandardButton.Cancel)
        self.setEscapeButton(QMessageBox.StandardButton.Cancel)

    def choice(self) -> UnsavedChoice:
        button = self.standardButton(self.clickedButton())
        if button == QMessageBox.StandardButton.Save:
            return UnsavedChoice.SAVE
        if button == QMessageBox.StandardButton.Discard:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL


class UnkeptAtCloseBox(QMessageBox):
    """The recovery copy could not be written (disk full, library gone) while closing."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Your text could not be kept"))
        self.setText(self.tr("Plume could not keep a copy of this article: closing now "
                             "loses the unsaved text."))
        self.setInformativeText(self.tr(
            "Cancel, then free some disk space and save, or export the article. ({0})"
        ).format(reason))
        self.close_button = self.addButton(self.tr("Close without saving"),
                                           QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def closes(self) -> bool:
        return self.clickedButton() is self.close_button


def ask_unsaved(parent: QWidget | None, *, can_save: bool,
                opening: bool = False) -> UnsavedChoice:
    box = UnsavedChangesBox(parent, can_save=can_save, opening=opening)
    box.exec()
    return box.choice()


def ask_close_unkept(parent: QWidget | None, reason: str) -> bool:
    """True when the writer chooses to close and lose the text."""
    box = UnkeptAtCloseBox(reason, parent)
    box.exec()
    return box.closes()
