"""Asked before Write when the editor already has text: continue where the article
stopped (the default), rewrite it all, or cancel. Either way the replaced text is one
undo step away."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget


class WriteChoice(Enum):
    CONTINUE = "continue"
    REWRITE = "rewrite"
    CANCEL = "cancel"


class WriteChoiceBox(QMessageBox):
    """`next_section` is the section Write would continue from (0 = the introduction;
    with `faq`, the FAQ after the last section), or None when every section is already
    written (then only Rewrite all is offered)."""

    def __init__(self, next_section: int | None, heading: str,
                 parent: QWidget | None = None, *, faq: bool = False) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Write the article"))
        self.continue_button = None
        if next_section is None:
            self.setText(self.tr("Every section of the outline is already written."))
            self.setInformativeText(self.tr(
                "Rewrite all replaces the whole text. Ctrl+Z brings it back."))
        else:
            self.setText(self.tr("The editor already has part of this article."))
            self.setInformativeText(self.tr(
                "Continue writes the missing sections after your text; Rewrite all replaces "
                "the whole text. Ctrl+Z brings back anything replaced."))
            if faq:
                label = self.tr("Continue with the FAQ")
            elif next_section == 0:
                label = self.tr("Continue from the introduction")
            else:
                label = self.tr("Continue from section {0}").format(next_section)
            self.continue_button = self.addButton(label, QMessageBox.ButtonRole.AcceptRole)
            if heading:
                self.continue_button.setToolTip(heading)
        self.rewrite_button = self.addButton(self.tr("Rewrite all"),
                                             QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.continue_button or self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def choice(self) -> WriteChoice:
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.continue_button:
            return WriteChoice.CONTINUE
        if clicked is self.rewrite_button:
            return WriteChoice.REWRITE
        return WriteChoice.CANCEL


def ask_write_choice(parent: QWidget | None, next_section: int | None,
                     heading: str = "", *, faq: bool = False) -> WriteChoice:
    box = WriteChoiceBox(next_section, heading, parent, faq=faq)
    box.exec()
    return box.choice()
