"""Export › Publish to WordPress…: the article in the editor as a WordPress post.

    dialog = PublishDialog(window.current_article, window)
    dialog.open()

Pick a saved site (or type an address, a user and an application password, saved to the
system keychain when "Remember" is checked), a status, and Publish. The work runs through
the application layer (app/application/publishing.py) on a worker thread; publishing the
same article again updates the same post. The result (or the error) shows in the dialog,
with a link to the post. The password never leaves the field except for the keychain.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.models import Article
from app.ui.workers.task_runner import run_in_background

NEW_SITE = ""


def _tr(text: str) -> str:
    return QCoreApplication.translate("PublishDialog", text)


class PublishDialog(QDialog):
    # ---- Signals
    published = Signal(object)          # app.core.publish.publisher.Published

    def __init__(self, article: Callable[[], Article], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article = article
        self.setWindowTitle(_tr("Publish to WordPress"))
        self.site = QComboBox(self)
        self.address = QLineEdit(self)
        self.address.setPlaceholderText("https://example.com")
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_tr("Application password (Users › Profile)"))
        self.remember = QCheckBox(_tr("Remember this site (password in the system keychain)"),
                                  self)
        self.remember.setChecked(True)
        self.status = QComboBox(self)
        for value, label in (("draft", _tr("Draft")), ("publish", _tr("Published")),
                             ("future", _tr("Scheduled")), ("pending", _tr("Pending review"))):
            self.status.addItem(label, value)
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addDays(1), self)
        self.when.setCalendarPopup(True)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setOpenExternalLinks(True)
        form = QFormLayout()
        form.addRow(_tr("Site"), self.site)
        form.addRow(_tr("Address"), self.address)
        form.addRow(_tr("User"), self.user)
        form.addRow(_tr("Password"), self.password)
        form.addRow("", self.remember)
        form.addRow(_tr("Status"), self.status)
        form.addRow(_tr("Date"), self.when)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.publish_button = QPushButton(_tr("Publish"), self)
        self.publish_button.setDefault(True)
        buttons.addButton(self.publish_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.publish_button.clicked.connect(self.publish)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.site.currentIndexChanged.connect(self._site_changed)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._load_sites()
        self._status_changed()
        self.resize(480, self.sizeHint().height())

    # ---- Public API

    def publish(self) -> None:
        from app.core.errors import InputError
        from app.core.publish.publisher import PublishOptions

        status = str(self.status.currentData())
        when = self.when.dateTime().toPython() if status == "future" else None
        options = PublishOptions(status=status, date=when if isinstance(when, dt.datetime)
                                 else None)
        try:
            options.check()
            site = self._chosen_site()
        except InputError as err:
            self._show_error(err)
            return
        article, password = self._article(), self.password.text().strip()
        remember = self.remember.isChecked() and self.site.currentData() == NEW_SITE

        def work() -> Any:
            from app.application.publishing import add_site, publish_article

            if remember and password:      # tried, then saved with the password
                add_site(site.name, site.url, site.user, password)
            return publish_article(article, site, options, password=password or None)

        self.publish_button.setEnabled(False)
        self.result.setText(_tr("Publishing…"))
        run_in_background(work, self._done, self._failed, owner=self)

    # ---- Private

    def _load_sites(self) -> None:
        from app.core.errors import InputError
        from app.core.publish.sites import load_sites

        try:
            sites = load_sites()
        except InputError:
            sites = {}
        self.site.clear()
        for site in sites.values():
            self.site.addItem(f"{site.name} — {site.url}", site.name)
        self.site.addItem(_tr("Another site…"), NEW_SITE)
        self._site_changed()

    def _site_changed(self) -> None:
        new = self.site.currentData() == NEW_SITE
        for widget in (self.address, self.user, self.remember):
            widget.setVisible(new)
        self.address.setEnabled(new)
        self.user.setEnabled(new)

    def _status_changed(self) -> None:
        self.when.setEnabled(self.status.currentData() == "future")

    def _chosen_site(self) -> Any:
        from app.core.publish.sites import Site, find_site

        name = str(self.site.currentData())
        if name != NEW_SITE:
            return find_site(name)
        address = self.address.text().strip()
        site = find_site(address or "https://", self.user.text().strip() or None)
        return Site(_site_name(site.url), site.url, site.user)

    def _done(self, result: Any) -> None:
        self.publish_button.setEnabled(True)
        self.password.clear()
        post = result.post
        verb = _tr("Created") if result.created else _tr("Updated")
        status = self.status.itemText(max(0, self.status.findData(post.status))) or post.status
        text = (f"{verb} — {html.escape(status)} #{post.id}: "
                f'<a href="{html.escape(post.link, quote=True)}">{html.escape(post.link)}</a>')
        if result.seo_plugin:
            text += "<br>" + html.escape(_tr("SEO title, description and keyphrase sent."))
        for note in result.notes:
            text += "<br>" + html.escape(note)
        self.result.setText(text)
        if self.site.currentData() == NEW_SITE and self.remember.isChecked():
            self._load_sites()
        self.published.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.publish_button.setEnabled(True)
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        from app.core.errors import PlumeError

        text = exc.message if isinstance(exc, PlumeError) else str(exc)
        hint = exc.hint if isinstance(exc, PlumeError) else ""
        self.result.setText(f'<span style="color:#b3261e">{html.escape(text)}</span>'
                            + (f"<br>{html.escape(hint)}" if hint else ""))


def _site_name(url: str) -> str:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or "site"
    port = urlsplit(url).port
    return f"{host}-{port}" if port else host
