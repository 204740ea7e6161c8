"""Article files in the window: File ▸ Open (Ctrl+O), Open Recent, files dropped on the window,
and Save back to the file an article came from (app/application/articles.py reads/writes).

    files = FileController(window, ui_state, ask_to_replace=window.settle_unsaved_changes)
    files.opened.connect(window.show_opened_file)      # OpenedFile
    files.open_path(Path("post.md")); files.save(article, preset="plain")
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:   # each PySide type costs its set-up when first touched: not at start-up
    from collections.abc import Callable

    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QMenu, QWidget

    from app.application.articles import OpenedFile
    from app.core.models import Article
    from app.ui.ui_state import UiState

# Kept equal to app.application.articles.SUFFIXES (checked by tests/ui/test_open_files.py);
# not imported: the window is built before the application layer is loaded.
ARTICLE_SUFFIXES = (".md", ".markdown", ".html", ".htm")


def _present_error(parent: QWidget, error: BaseException) -> None:
    from app.ui.errors import present_error

    present_error(parent, error)


def article_paths(urls: list[QUrl]) -> list[Path]:
    """The local article files (.md, .markdown, .html) among dropped URLs."""
    return [Path(u.toLocalFile()) for u in urls
            if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in ARTICLE_SUFFIXES]


class FileController(QObject):
    # ---- Signals
    opened = Signal(object)      # OpenedFile: the window shows it
    saved = Signal(str)          # path written

    def __init__(self, window: QWidget, state: UiState,
                 ask_to_replace: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._state = state
        self._ask_to_replace = ask_to_replace
        self.current: OpenedFile | None = None   # the file the text came from, if any

    # ---- Public API

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = str(Path(self._state.recent_files()[0]).parent) if self._state.recent_files() \
            else self._state.export_folder()
        chosen, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Open an article"), folder,
            self.tr("Articles (*.md *.markdown *.html *.htm);;Markdown (*.md *.markdown);;"
                    "HTML pages (*.html *.htm)"))
        if chosen:
            self.open_path(Path(chosen))

    def open_path(self, path: Path) -> bool:
        """Open `path` in the editor (after Save / Discard / Cancel for unsaved text)."""
        from app.application.articles import ArticleFileError, read_article_file

        try:
            opened = read_article_file(path)   # bad files are refused before asking anything
        except ArticleFileError as exc:
            _present_error(self._window, self._translated(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - InputError, or a reader's own failure
            _present_error(self._window, exc)
            return False
        if not self._ask_to_replace():
            return False
        self.current = opened
        self._state.add_recent_file(path)
        self.opened.emit(opened)
        return True

    def _translated(self, exc: Any) -> Exception:
        """The reader's refusal in the interface's language."""
        from app.core.errors import InputError

        texts = {
            "suffix": (self.tr("{0} is not a Markdown or HTML file."),
                       self.tr("Open a .md, .markdown or .html file.")),
            "size": (self.tr("{0} is too large for an article ({1} MB)."),
                     self.tr("Open a single article (under 5 MB).")),
            "read": (self.tr("{0} could not be read: {1}."),
                     self.tr("Check that the file exists and that you may read it.")),
            "encoding": (self.tr("{0} is not UTF-8 text."),
                         self.tr("Save it as UTF-8 in your editor, then open it again.")),
        }
        if exc.reason not in texts:
            return exc
        message, hint = texts[exc.reason]
        return InputError(message.format(exc.name, exc.detail), hint=hint)

    def forget(self) -> None:
        """The text no longer comes from a file (New, opened from the library)."""
        self.current = None

    def save(self, article: Article, **options: Any) -> bool:
        """Write `article` back to its file; False (error shown) when it failed."""
        if self.current is None:
            return False
        from app.application.articles import save_article_file

        try:
            path = save_article_file(article, self.current, **options)
        except Exception as exc:  # noqa: BLE001 - ExportError, OSError: shown, text kept
            _present_error(self._window, exc)
            return False
        self._state.add_recent_file(path)
        self.saved.emit(str(path))
        return True

    def fill_recent_menu(self, menu: QMenu) -> None:
        """Open Recent: rebuilt each time the menu opens."""
        menu.clear()
        paths = self._state.recent_files()
        for path in paths:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(Path(p)))
        if not paths:
            menu.addAction(self.tr("No recent files")).setEnabled(False)
