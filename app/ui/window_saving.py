"""Opening and saving from the window: the library (its tab and autosave, attached after the
first frame), library articles, article files (File ▸ Open, Open Recent, drop, Save back),
Save to library, and Save / Discard / Cancel before the text is replaced.

Functions of the window (app/ui/main_window.py, `window` below), which keeps the public
methods and its attributes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer

if TYPE_CHECKING:
    from app.application.articles import OpenedFile
    from app.core.store import Library
    from app.ui.controllers.autosave_controller import AutosaveController
    from app.ui.panels.library_panel import LibraryPanel

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _present_error(window: Any, error: BaseException) -> None:
    from app.ui.errors import present_error  # on first use: not before the first frame

    present_error(window, error)


def attach_library(window: Any, library: Library) -> tuple[LibraryPanel, AutosaveController] | None:
    """The Library tab and autosave of `window` (the MainWindow), once the library is open;
    None when this build has no library widgets."""
    try:
        from app.ui.controllers.autosave_controller import AutosaveController
        from app.ui.panels.library_panel import LibraryPanel
    except ImportError as exc:  # a build without the library widgets
        logger.warning("library widgets unavailable: %s", exc)
        return None
    panel = LibraryPanel(library, window)
    window.parts.left_tabs.addTab(panel, _tr("Library"))
    panel.article_opened.connect(window.open_saved)
    window.actions.show_library.triggered.connect(
        lambda: window.parts.left_tabs.setCurrentWidget(panel))
    autosave = AutosaveController(library, window.current_article, window,
                                  interval_seconds=window.settings.autosave_seconds)
    window.article_changed.connect(autosave.notify_changed)
    autosave.autosave_failed.connect(lambda exc: _present_error(window, exc))
    QTimer.singleShot(0, panel.refresh)
    return panel, autosave


def settle_unsaved_changes(window: Any, *, opening: bool = False) -> bool:
    """Before the text is replaced: ask Save / Discard / Cancel if it has unsaved changes;
    False when the writer cancels (or the save failed, error shown)."""
    if not window.has_unsaved_changes():
        return True
    from app.ui.dialogs.unsaved_changes import UnsavedChoice, ask_unsaved

    choice = ask_unsaved(window, can_save=window.library is not None, opening=opening)
    if choice is UnsavedChoice.CANCEL:
        return False
    if choice is UnsavedChoice.SAVE:
        return save_to_library(window)
    if window.autosave is not None:
        window.autosave.discard_current()
    return True


def open_saved(window: Any, article_id: int) -> None:
    """Open a library article (Save / Discard / Cancel first for unsaved text)."""
    if window.library is None or not settle_unsaved_changes(window, opening=True):
        return
    try:
        article = window.library.get(article_id)
    except Exception as exc:  # noqa: BLE001
        _present_error(window, exc)
        return
    autosave = window.autosave
    if autosave is not None:
        autosave.flush()      # the last seconds of typing reach the recovery copy first
        autosave.detach()     # which stays recoverable: opening never loses unsaved text
    window.load_article(article)
    window.files.forget()
    show_file_name(window)
    if autosave is not None:
        autosave.set_article_id(article_id)


def save(window: Any) -> bool:
    """Save (Ctrl+S): back to the file the article came from, else to the library."""
    current = window.files.current
    if current is None:
        return save_to_library(window)
    options = window.export_options()
    if not window.files.save(window.current_article(), preset=options["preset"],
                             site_url=options["site_url"], author=options["author"]):
        return False
    if window.autosave is not None:
        window.autosave.discard_current()   # the file has the text: no recovery copy needed
    window.mark_saved()
    window.status.showMessage(_tr("Saved to {0}").format(current.path.name), 4000)
    return True


def save_to_library(window: Any) -> bool:
    """Save the article; False (error shown) when it could not be saved."""
    if window.library is None:
        return False
    autosave = window.autosave
    try:
        article_id = window.library.save(
            window.current_article(), article_id=autosave.article_id if autosave else None)
    except Exception as exc:  # noqa: BLE001
        _present_error(window, exc)
        return False
    if autosave is not None:
        autosave.mark_saved(article_id)
    window.mark_saved()
    if window.library_panel is not None:
        window.library_panel.refresh()
    window.status.showMessage(_tr("Saved in the library"), 4000)
    return True


def show_opened_file(window: Any, opened: OpenedFile) -> None:
    """A file was opened (File ▸ Open, Open Recent, drop): it replaces the article."""
    autosave = window.autosave
    if autosave is not None:
        autosave.flush()      # the text being replaced stays recoverable
        autosave.detach()
    window.load_article(opened.article)
    if autosave is not None:
        autosave.set_article_id(None)
    window.show_writing()     # e.g. dropped on the Batch tab: the writer sees the text
    show_file_name(window)
    window.status.showMessage(_tr("Opened {0}").format(opened.path.name), 4000)


def show_file_name(window: Any) -> None:
    """The window title and the preview's image folder follow the file being edited."""
    current = window.files.current
    window.setWindowFilePath(str(current.path) if current is not None else "")
    # Images with relative paths (images/x.jpg) show from the file's own folder.
    window.preview.setSearchPaths([str(current.path.parent)] if current is not None else [])
    window.retranslate_ui()
