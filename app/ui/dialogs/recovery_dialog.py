"""Offered at start when a crash left unsaved drafts: recover one, discard them, or decide
later (they stay in the library until recovered or discarded).

    drafts = autosave.pending_recovery()
    if drafts:
        dialog = RecoveryDialog(drafts, window)
        if dialog.exec() == RecoveryDialog.RECOVER:
            article = autosave.recover(dialog.selected_draft_id())
            ...  # show it in the editor; the autosave controller keeps updating it
        elif dialog.choice == RecoveryDialog.DISCARD:
            for draft in drafts: autosave.discard_recovery(draft.draft_id)
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.store import RecoverableDraft
from app.ui.panels.library_panel import local_time


class RecoveryDialog(QDialog):
    LATER = 0
    RECOVER = 1
    DISCARD = 2

    def __init__(self, drafts: Sequence[RecoverableDraft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drafts = list(drafts)
        self.choice = self.LATER
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self._list = QTreeWidget(self)
        self._list.setRootIsDecorated(False)
        self._list.itemDoubleClicked.connect(lambda *_: self._finish(self.RECOVER))
        header = self._list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._buttons = QDialogButtonBox(self)
        self._recover = QPushButton(self)
        self._discard = QPushButton(self)
        self._later = QPushButton(self)
        self._buttons.addButton(self._recover, QDialogButtonBox.ButtonRole.AcceptRole)
        self._buttons.addButton(self._discard, QDialogButtonBox.ButtonRole.DestructiveRole)
        self._buttons.addButton(self._later, QDialogButtonBox.ButtonRole.RejectRole)
        self._recover.clicked.connect(lambda: self._finish(self.RECOVER))
        self._discard.clicked.connect(lambda: self._finish(self.DISCARD))
        self._later.clicked.connect(lambda: self._finish(self.LATER))
        self._recover.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self._list, 1)
        layout.addWidget(self._buttons)
        self.retranslate_ui()
        first = self._list.topLevelItem(0)
        if first is not None:
            self._list.setCurrentItem(first)
        self.resize(560, 280)

    # ---- Public API

    def selected_draft_id(self) -> int | None:
        item = self._list.currentItem()
        return int(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def draft_labels(self) -> list[str]:
        items = (self._list.topLevelItem(i) for i in range(self._list.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    def recover_selected(self) -> None:
        self._finish(self.RECOVER)

    def discard_all(self) -> None:
        self._finish(self.DISCARD)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Recover unsaved work"))
        self._intro.setText(self.tr(
            "These drafts were not saved in the library when Plume last closed. They were "
            "kept automatically and can be recovered."))
        self._recover.setText(self.tr("Recover"))
        self._discard.setText(self.tr("Discard all"))
        self._later.setText(self.tr("Decide later"))
        self._later.setToolTip(self.tr("Keep the drafts and ask again at next start"))
        self._list.setHeaderLabels([self.tr("Title"), self.tr("Keyword"), self.tr("Saved at"),
                                    self.tr("Words")])
        current = self.selected_draft_id()
        self._list.clear()
        locale = QLocale()
        for draft in self._drafts:
            item = QTreeWidgetItem([
                draft.title or self.tr("(untitled)"), draft.keyword,
                local_time(draft.updated, locale), locale.toString(draft.words),
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, draft.draft_id)
            self._list.addTopLevelItem(item)
            if draft.draft_id == current:
                self._list.setCurrentItem(item)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- Private

    def _finish(self, choice: int) -> None:
        if choice == self.RECOVER and self.selected_draft_id() is None:
            return
        self.choice = choice
        self.done(choice)
