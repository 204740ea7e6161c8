"""Export menu actions: Markdown (with a front-matter preset), HTML page, copy HTML/Markdown.

Rendering and writing run in the background; the file dialog remembers the last folder
(UI state). The dialog asks before replacing a file, so the write then overwrites; any
failure goes through `present_error` and the editor keeps everything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from app.core.models import Article
from app.ui.errors import present_error
from app.ui.ui_state import UiState
from app.ui.workers.task_runner import run_in_background

logger = logging.getLogger(__name__)

PathProvider = Callable[[str, Path], Path | None]   # (kind "md"|"html", suggested) → chosen


class ExportController(QObject):
    # ---- Signals
    exported = Signal(str)      # path written
    copied = Signal(str)        # "html" | "markdown"

    def __init__(
        self,
        window: QWidget,
        article: Callable[[], Article],
        ui_state: UiState,
        options: Callable[[], dict[str, str]],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._article = article
        self._state = ui_state
        self._options = options          # {"preset", "site_url", "author"}
        self.path_provider: PathProvider = self._ask_path

    # ---- Public API

    def export_markdown(self) -> None:
        self._export("md")

    def export_html(self) -> None:
        self._export("html")

    def copy_html(self) -> None:
        article = self._article()

        def render() -> tuple[str, str]:
            from app.core.export.html import render_fragment

            fragment = render_fragment(article)
            return fragment.html, fragment.text

        run_in_background(render, self._on_html_copied, self._on_error, owner=self)

    def copy_markdown(self) -> None:
        article, preset = self._article(), self._options().get("preset", "plain")

        def render() -> str:
            from app.core.export.markdown import to_markdown

            return to_markdown(article, preset)

        run_in_background(render, self._on_markdown_copied, self._on_error, owner=self)

    # ---- Private

    def _export(self, kind: str) -> None:
        article = self._article()
        options = self._options()
        stem = article.slug or "article"
        suggested = Path(self._state.export_folder()) / f"{stem}.{kind}"
        path = self.path_provider(kind, suggested)
        if path is None:
            return
        self._state.set_export_folder(str(Path(path).parent))

        def write() -> str:
            from app.core.export.files import atomic_write

            if kind == "md":
                from app.core.export.markdown import to_markdown

                text = to_markdown(article, options.get("preset", "plain"),
                                   author=options.get("author") or None)
            else:
                from app.core.export.html import render_page

                text = render_page(article, site_url=options.get("site_url") or None,
                                   author=options.get("author") or None)
            return str(atomic_write(Path(path), text, overwrite=True))

        run_in_background(write, self._on_written, self._on_error, owner=self)

    def _ask_path(self, kind: str, suggested: Path) -> Path | None:
        if kind == "md":
            title, filters = self.tr("Export Markdown"), self.tr("Markdown (*.md)")
        else:
            title, filters = self.tr("Export HTML page"), self.tr("HTML page (*.html)")
        chosen, _ = QFileDialog.getSaveFileName(self._window, title, str(suggested), filters)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(f".{kind}")

    def _on_written(self, path: str) -> None:
        logger.info("exported %s", path)
        self.exported.emit(path)

    def _on_html_copied(self, result: tuple[str, str]) -> None:
        html, text = result
        mime = QMimeData()
        mime.setHtml(html)
        mime.setText(text)
        QApplication.clipboard().setMimeData(mime)
        self.copied.emit("html")

    def _on_markdown_copied(self, text: str) -> None:
        QApplication.clipboard().setText(text)
        self.copied.emit("markdown")

    def _on_error(self, exc: BaseException) -> None:
        present_error(self._window, exc)
