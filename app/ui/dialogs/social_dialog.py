"""Export › Social posts…: posts announcing the article in the editor, one tab per network,
in a panel docked beside the editor (app/ui/dialogs/content_actions.py).

    panel = SocialPanel(window.current_article, lambda: Plume(window.settings),
                        window.current_model, dock)

Tick the networks, check the article's address, and "Write posts": the work runs through the
application layer (Plume.social_writer, the same writer as `plume social`) on a worker thread.
Each post shows with its length against the network's limit and a Copy button; a post Plume
built from the title and description (the model's were refused) says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.models import Article
from app.core.social.networks import NETWORKS
from app.ui.workers.task_runner import run_in_background


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("SocialDialog", text, disambiguation, n)


class SocialPanel(QWidget):
    # ---- Signals
    posts_ready = Signal(list)          # app.core.social.posts.SocialPost, one per network

    def __init__(self, article: Callable[[], Article], plume: Callable[[], Any],
                 model: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Social posts"))
        self._article = article
        self._plume = plume
        self._model = model
        self.networks = {name: QCheckBox(n.label, self) for name, n in NETWORKS.items()}
        for box in self.networks.values():
            box.setChecked(True)
        row = QGridLayout()             # three a row: the panel stays narrow beside the editor
        for i, box in enumerate(self.networks.values()):
            row.addWidget(box, i // 3, i % 3)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://example.com/my-article/")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)   # labels above: narrow
        form.addRow(_tr("Networks"), row)
        form.addRow(_tr("Article address"), self.url)
        self.write_button = QPushButton(_tr("Write posts"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.write_button)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.write_button.clicked.connect(self.write)
        self.refresh_url()

    # ---- Public API
    def refresh_url(self) -> None:
        """The address of the article now in the editor (front matter, else site URL + slug)."""
        try:
            self.url.setText(self._plume().article_url(self._article()))
        except Exception:           # noqa: BLE001 — an unusable saved URL: the field stays empty
            self.url.clear()

    def write(self) -> None:
        from app.core.errors import InputError
        from app.core.social.networks import parse_networks

        chosen = ",".join(name for name, box in self.networks.items() if box.isChecked())
        article = self._article()
        try:
            networks = parse_networks(chosen)
            plume, model = self._plume(), self._model()
            url = plume.article_url(article, self.url.text().strip() or None)
            if not model:
                raise InputError(_tr("No model is selected."),
                                 hint=_tr("Pick a model in the Model list."))
        except InputError as exc:
            self._show_error(exc)
            return
        connection = plume.connection()

        def work() -> Any:
            with connection.open() as service:
                writer = plume.social_writer(service, model)
                return list(writer.posts(article, networks, url))

        self.write_button.setEnabled(False)
        self.status.setText(_tr("Writing…"))
        run_in_background(work, self._done, self._failed, owner=self)

    # ---- Private
    def _done(self, posts: list[Any]) -> None:
        self.write_button.setEnabled(True)
        self.tabs.clear()
        for post in posts:
            self.tabs.addTab(_PostView(post, self.tabs), post.network.label)
        fallbacks = sum(p.source != "model" for p in posts)
        self.status.setText(_tr("%n post(s) written.", "", len(posts)) if not fallbacks else
                            _tr("%n post(s) built from the title and description: the model's "
                                "were refused.", "", fallbacks))
        self.posts_ready.emit(posts)

    def _failed(self, exc: BaseException) -> None:
        self.write_button.setEnabled(True)
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        from app.core.errors import PlumeError

        text = exc.message if isinstance(exc, PlumeError) else str(exc)
        hint = exc.hint if isinstance(exc, PlumeError) else ""
        self.status.setText(f"{text} {hint}".strip())


class _PostView(QWidget):
    def __init__(self, post: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(post.full_text, self)
        self.text.setReadOnly(True)
        note = _tr("%1 / %2 characters").replace("%1", str(post.length)).replace(
            "%2", f"{post.network.max_chars:,}")
        if post.source != "model":
            note += " · " + _tr("built from the title and description")
        self.length = QLabel(note, self)
        self.length.setWordWrap(True)     # the panel is a narrow column beside the editor
        copy = QPushButton(_tr("Copy"), self)
        copy.clicked.connect(self._copy)
        bottom = QHBoxLayout()
        bottom.addWidget(self.length, 1)
        bottom.addWidget(copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(bottom)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
