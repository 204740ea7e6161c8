"""Generate › Internal links…: links from a site profile (plume site import) proposed for the
article in the editor; the writer ticks the ones to keep and inserts them as one undo step.
When the text itself gives fewer than two, pages on its topic (its keyphrase, its text, the
Topic terms panel's terms) are proposed for a "read also" line at its end, as `plume
generate --links` and `plume batch --links` add it.

    dialog = LinksDialog(window, window)
    dialog.open()
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.workers.task_runner import run_in_background


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("LinksDialog", text, disambiguation, n)


class LinksDialog(QDialog):
    # ---- Signals
    suggestions_ready = Signal(list)        # app.core.site.links.LinkSuggestion, in-text first
    links_inserted = Signal(int)

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Internal links"))
        self.resize(640, 420)
        self._window = window
        self._suggestions: list[Any] = []
        self._related: list[Any] = []         # pages for the "read also" line
        self.site = QComboBox(self)
        self.find_button = QPushButton(_tr("Find links"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.list = QListWidget(self)
        self.insert_button = QPushButton(_tr("Insert checked links"), self)
        self.insert_button.setEnabled(False)
        form = QFormLayout()
        form.addRow(_tr("Site profile"), self.site)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.find_button)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.insert_button)
        layout.addWidget(buttons)
        self.find_button.clicked.connect(self.find)
        self.insert_button.clicked.connect(self.insert)
        self._load_sites()

    # ---- Public API
    def find(self) -> None:
        from app.application import Plume
        from app.application.site import link_suggestions, with_links, with_related_reading
        from app.ui.dialogs.terms_panel import panel_terms

        site = self.site.currentText()
        if not site:
            self.status.setText(_tr("No site profile yet: import one with "
                                    "plume site import sitemap.xml --name my-site."))
            return
        article = self._window.current_article()
        own_url = Plume(self._window.settings).article_url(article)
        terms = panel_terms(self._window)

        def work() -> Any:
            found = link_suggestions(article, site, own_url=own_url)
            _, related = with_related_reading(with_links(article, found), site, own_url=own_url,
                                              terms=terms)
            return found, related

        self.find_button.setEnabled(False)
        run_in_background(work, self._found, self._failed, owner=self)

    def insert(self) -> None:
        from app.application.site import with_read_also
        from app.core.site.links import apply_links

        ticked = [s for i, s in enumerate([*self._suggestions, *self._related])
                  if self.list.item(i).checkState() == Qt.CheckState.Checked]
        chosen = [s for s in ticked if s in self._suggestions]
        editor = self._window.editor
        body = editor.markdown()
        if any(body[s.start:s.end] != s.anchor for s in chosen):
            self.status.setText(_tr("The text changed since the links were found: find them "
                                    "again."))
            return
        lang = str(self._window.current_article().language)
        editor.apply_text(with_read_also(apply_links(body, chosen),
                                         [s for s in ticked if s in self._related], lang))
        self.status.setText(_tr("%n link(s) inserted.", "", len(ticked)))
        self.insert_button.setEnabled(False)
        self.links_inserted.emit(len(ticked))

    # ---- Private
    def _load_sites(self) -> None:
        from app.application.site import site_store

        with site_store() as store:
            sites = store.sites()
        for name, count in sites.items():
            self.site.addItem(name, count)

    def _found(self, found: tuple[list[Any], list[Any]]) -> None:
        self.find_button.setEnabled(True)
        self._suggestions, self._related = found
        suggestions = [*self._suggestions, *self._related]
        self.list.clear()
        for s in suggestions:
            text = (f"“{s.anchor}” → {s.title}  ({s.href})" if s in self._suggestions else
                    _tr("Read also, at the end: %1").replace("%1", f"{s.title}  ({s.href})"))
            item = QListWidgetItem(text, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.insert_button.setEnabled(bool(suggestions))
        self.status.setText(_tr("%n link(s) proposed: untick those you do not want.", "",
                                len(suggestions)) if suggestions else
                            _tr("No page of this profile in the article's language is on topic."))
        self.suggestions_ready.emit(suggestions)

    def _failed(self, exc: BaseException) -> None:
        from app.core.errors import PlumeError

        self.find_button.setEnabled(True)
        self.status.setText(exc.message if isinstance(exc, PlumeError) else str(exc))
