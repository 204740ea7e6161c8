"""The saved articles: a search box and a list (title, keyword, language, date, words).

    panel = LibraryPanel(library, parent)
    panel.article_opened.connect(main_window.open_article)   # article id
    panel.refresh()                                          # after each explicit save

Queries run through the background task runner; each refresh has an id so a slow old
result never replaces a newer one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.store import ArticleSummary, Library
from app.ui.workers.task_runner import run_in_background

ID_ROLE = Qt.ItemDataRole.UserRole


class LibraryPanel(QWidget):
    # ---- Signals
    article_opened = Signal(int)
    article_deleted = Signal(int)
    refreshed = Signal(int)         # number of articles listed

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._run_id = 0
        self._search = QLineEdit(self)
        self._search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self._search.textChanged.connect(self._debounce.start)
        self._list = QTreeWidget(self)
        self._list.setRootIsDecorated(False)
        self._list.setAlternatingRowColors(True)
        self._list.setSortingEnabled(False)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.itemActivated.connect(self._on_item_activated)
        self._list.itemSelectionChanged.connect(self._update_buttons)
        # One two-line entry per article: the side panel is narrow for a 5-column table.
        self._list.setHeaderHidden(True)
        self._list.setUniformRowHeights(False)
        self._list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._list.setStyleSheet("QTreeWidget::item { padding: 4px 2px; }")
        self._empty = QLabel(self)
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._open = QPushButton(self)
        self._delete = QPushButton(self)
        self._open.clicked.connect(self._open_selected)
        self._delete.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._open)
        buttons.addWidget(self._delete)
        layout = QVBoxLayout(self)
        layout.addWidget(self._search)
        layout.addWidget(self._list, 1)
        layout.addWidget(self._empty)
        layout.addLayout(buttons)
        self._summaries: list[ArticleSummary] = []
        self.retranslate_ui()
        self._update_buttons()
        QTimer.singleShot(0, self.refresh)  # after the first frame: keeps start-up light

    # ---- Public API

    def refresh(self) -> None:
        self._debounce.stop()
        self._run_id += 1
        run_id, query, library = self._run_id, self._search.text(), self._library
        run_in_background(lambda: library.list(query),
                          lambda items: self._on_listed(run_id, items), owner=self)

    def set_query(self, text: str) -> None:
        self._search.setText(text)
        self.refresh()

    def titles(self) -> list[str]:
        return [s.title for s in self._summaries]

    def select_article(self, article_id: int) -> None:
        for row in range(self._list.topLevelItemCount()):
            item = self._list.topLevelItem(row)
            if item is not None and item.data(0, ID_ROLE) == article_id:
                self._list.setCurrentItem(item)
                return

    def delete_selected(self) -> None:
        item = self._list.currentItem()
        if item is None:
            return
        article_id = int(item.data(0, ID_ROLE))
        if not self.confirm_delete(item.text(0).splitlines()[0]):
            return
        library = self._library
        run_in_background(lambda: library.delete(article_id),
                          lambda _r: self._on_deleted(article_id), owner=self)

    def confirm_delete(self, title: str) -> bool:
        """Ask before deleting (tests replace this method on the instance)."""
        answer = QMessageBox.question(
            self, self.tr("Delete article"),
            self.tr("Delete “{title}” from the library? This cannot be undone.")
            .format(title=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def retranslate_ui(self) -> None:
        self._search.setPlaceholderText(self.tr("Search titles, keywords and text…"))
        self._open.setText(self.tr("Open"))
        self._delete.setText(self.tr("Delete…"))
        self._delete.setToolTip(self.tr("Delete the selected article from the library"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- Private

    def _on_listed(self, run_id: int, items: list[ArticleSummary]) -> None:
        if run_id != self._run_id:
            return
        self._summaries = items
        self._render()
        self.refreshed.emit(len(items))

    def _render(self) -> None:
        selected = self._list.currentItem()
        keep = selected.data(0, ID_ROLE) if selected is not None else None
        self._list.clear()
        locale = QLocale()
        for summary in self._summaries:
            item = QTreeWidgetItem([self.entry_text(summary, locale)])
            item.setData(0, ID_ROLE, summary.id)
            item.setToolTip(0, item.text(0))
            self._list.addTopLevelItem(item)
        if keep is not None:
            self.select_article(int(keep))
        searching = bool(self._search.text().strip())
        self._empty.setVisible(not self._summaries)
        self._empty.setText(
            self.tr("No article matches this search.") if searching
            else self.tr("Saved articles will appear here.")
        )
        self._update_buttons()

    def entry_text(self, summary: ArticleSummary, locale: QLocale | None = None) -> str:
        """Title, then keyword · language · date · words."""
        locale = locale or QLocale()
        date = local_time(summary.updated, locale)
        details = " · ".join([summary.keyword, summary.language.upper(), date,
                              self._words(summary.words, locale)])
        return f"{summary.title or self.tr('(untitled)')}\n{details}"

    def _words(self, count: int, locale: QLocale) -> str:
        if count == 1:
            return self.tr("1 word")
        return self.tr("{0} words").format(locale.toString(count))

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.article_opened.emit(int(item.data(0, ID_ROLE)))

    def _open_selected(self) -> None:
        item = self._list.currentItem()
        if item is not None:
            self.article_opened.emit(int(item.data(0, ID_ROLE)))

    def _on_deleted(self, article_id: int) -> None:
        self.article_deleted.emit(article_id)
        self.refresh()

    def _update_buttons(self) -> None:
        has = self._list.currentItem() is not None
        self._open.setEnabled(has)
        self._delete.setEnabled(has)


def local_time(moment: dt.datetime, locale: QLocale | None = None) -> str:
    """Short date and time in the user's time zone and UI language."""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return (locale or QLocale()).toString(stamp, QLocale.FormatType.ShortFormat)
