"""The window's two modes: Writing (the workspace) and Batch (a keyword list), switched from
the mode toolbar. The Batch tab is built the first time it is shown; the articles a batch
writes open in the editor and are listed in the library as soon as they are written.

    modes = WindowModes(window)         # app/ui/main_window.py
    modes.show_batch(); modes.batch_panel; modes.show_writing()
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.ui.panels.batch_panel import BatchPanel

logger = logging.getLogger(__name__)


class WindowModes:
    def __init__(self, window: Any) -> None:     # the MainWindow
        self._window = window
        self.batch_panel: BatchPanel | None = None     # built on first use

    def show_batch(self) -> None:
        w = self._window
        if self.batch_panel is None:
            self.batch_panel = self._build_batch_panel()
        w.parts.stack.setCurrentWidget(self.batch_panel)
        w.toolbar.hide()                  # the Batch tab has its own toolbar
        w.actions.mode_batch.setChecked(True)

    def show_writing(self) -> None:
        w = self._window
        w.parts.stack.setCurrentWidget(w.parts.workspace)
        w.toolbar.show()
        w.actions.mode_write.setChecked(True)

    def _build_batch_panel(self) -> BatchPanel:
        from app.ui.panels.batch_panel import BatchPanel

        w = self._window
        panel = BatchPanel(w, settings=w.settings)
        w.parts.stack.addWidget(panel)
        panel.set_models(w.link.models)
        w.link.models_changed.connect(panel.set_models)
        panel.article_requested.connect(self._open_batch_article)
        panel.controller.article_written.connect(self._add_batch_article_to_library)
        return panel

    def _open_batch_article(self, path: str) -> None:
        self._window.open_file(path)      # shows the Writing tab once it is open

    def _add_batch_article_to_library(self, path: str) -> None:
        """A batch article is listed in the library as soon as it is written."""
        w = self._window
        if w.library is None:
            return
        from app.application.articles import read_article_file

        try:
            w.library.save(read_article_file(Path(path)).article)
        except Exception as exc:  # noqa: BLE001 - the file is written; the listing is a bonus
            logger.warning("batch article not added to the library: %s", exc)
            return
        if w.library_panel is not None:
            w.library_panel.refresh()
