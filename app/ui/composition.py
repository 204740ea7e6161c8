"""How the main window is put together: widget tree, toolbar, saved layout.

Plain builders: they take the Qt parent and the shared `Actions` and return widgets; the
main window (app/ui/main_window.py) calls them and owns what they return.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.editor.article_editor import ArticleEditor
from app.ui.editor.preview_pane import PreviewPane
from app.ui.panels.brief_panel import BriefPanel
from app.ui.panels.score_panel import ScorePanel
from app.ui.panels.thinking_panel import ThinkingPanel
from app.ui.status_bar import StatusBar
from app.ui.widgets.message_bar import MessageBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from app.ui.actions import Actions
    from app.ui.panels.outline_editor import OutlineEditor
    from app.ui.ui_state import UiState

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class Parts:
    """The window's widgets, as build_workspace made them (a plain class: a dataclass would
    generate and compile its methods before the first frame)."""

    def __init__(self, central: QWidget, stack: QStackedWidget, workspace: QSplitter,
                 left_tabs: QTabWidget, brief_page: QScrollArea, brief: BriefPanel,
                 outline_page: QWidget, editor: ArticleEditor, preview: PreviewPane,
                 editor_split: QSplitter, thinking: ThinkingPanel, scores: ScorePanel,
                 message_bar: MessageBar, status: StatusBar, top_box: QVBoxLayout,
                 model_box: QVBoxLayout, model_title: QLabel, editor_title: QLabel,
                 editor_words: QLabel, side: QWidget) -> None:
        self.central, self.stack, self.workspace = central, stack, workspace
        self.left_tabs, self.brief_page, self.brief = left_tabs, brief_page, brief
        self.outline_page = outline_page        # holds the OutlineEditor, built on first use
        self.editor, self.preview, self.editor_split = editor, preview, editor_split
        self.thinking, self.scores = thinking, scores
        self.message_bar, self.status = message_bar, status
        self.top_box, self.model_box, self.model_title = top_box, model_box, model_title
        self.editor_title, self.editor_words, self.side = editor_title, editor_words, side
        self.outline_getter: Callable[[], OutlineEditor] | None = None

    @property
    def outline(self) -> OutlineEditor:
        """The outline editor, built on first access (the window sets the getter)."""
        assert self.outline_getter is not None
        return self.outline_getter()


def build_workspace(window: QMainWindow) -> Parts:
    # Top-down: every widget is created under its final parent. Building parentless
    # subtrees and adding them later re-resolves the style sheet for the whole subtree
    # at each level (~15 ms at start-up).
    central = QWidget(window)
    outer = QVBoxLayout(central)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    message_bar = MessageBar(central)
    top_box = QVBoxLayout()
    top_box.setSpacing(0)
    top_box.addWidget(message_bar)
    outer.addLayout(top_box)
    stack = QStackedWidget(central)
    outer.addWidget(stack, 1)
    workspace = QSplitter(Qt.Orientation.Horizontal, stack)
    workspace.setObjectName("workspace")
    stack.addWidget(workspace)

    # Left: model + brief / outline / library
    side = QWidget(workspace)
    side.setObjectName("sidePanel")
    workspace.addWidget(side)
    side_layout = QVBoxLayout(side)
    side_layout.setContentsMargins(0, 0, 0, 0)
    side_layout.setSpacing(0)
    model_box = QVBoxLayout()
    model_box.setContentsMargins(14, 12, 14, 8)
    model_box.setSpacing(6)
    model_title = QLabel(side)
    model_title.setProperty("role", "section")
    model_box.addWidget(model_title)
    side_layout.addLayout(model_box)
    left_tabs = QTabWidget(side)
    left_tabs.setObjectName("leftTabs")
    left_tabs.setDocumentMode(True)
    side_layout.addWidget(left_tabs, 1)
    brief_page = QScrollArea(left_tabs)
    brief_page.setWidgetResizable(True)
    brief_page.setFrameShape(QFrame.Shape.NoFrame)
    brief_page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    left_tabs.addTab(brief_page, "")
    # Not brief_page.viewport(): wrapping that C++-made widget makes PySide resolve its type
    # through every QWidget subclass (~13 ms, measured). The panel sets itself as the scroll
    # area's widget before it builds its fields.
    brief = BriefPanel(brief_page)
    # The Outline tab is hidden at start: its editor (~13 ms) is built on first use
    # (MainWindow.outline_editor), inside this page.
    outline_page = QWidget(left_tabs)
    outline_layout = QVBoxLayout(outline_page)
    outline_layout.setContentsMargins(0, 0, 0, 0)
    left_tabs.addTab(outline_page, "")

    # Centre: header, editor | preview, thinking
    center = QWidget(workspace)
    workspace.addWidget(center)
    center_layout = QVBoxLayout(center)
    center_layout.setContentsMargins(0, 0, 0, 0)
    center_layout.setSpacing(0)
    header = QFrame(center)
    header.setObjectName("editorHeader")
    header_layout = QHBoxLayout(header)
    header_layout.setContentsMargins(16, 7, 16, 7)
    editor_title = QLabel(header)
    editor_title.setProperty("role", "section")
    editor_words = QLabel(header)
    header_layout.addWidget(editor_title)
    header_layout.addStretch(1)
    header_layout.addWidget(editor_words)
    center_layout.addWidget(header)
    editor_split = QSplitter(Qt.Orientation.Horizontal, center)
    center_layout.addWidget(editor_split, 1)
    editor = ArticleEditor(editor_split)
    preview = PreviewPane(editor.toPlainText, editor_split)
    editor_split.addWidget(editor)
    editor_split.addWidget(preview)
    editor_split.setChildrenCollapsible(False)
    thinking = ThinkingPanel(center)
    center_layout.addWidget(thinking)

    scores = ScorePanel(workspace)
    workspace.addWidget(scores)
    workspace.setStretchFactor(1, 1)
    workspace.setChildrenCollapsible(False)
    side.setMinimumWidth(300)
    scores.setMinimumWidth(300)
    workspace.setSizes([350, 800, 340])
    editor_split.setSizes([460, 360])
    editor.word_count_changed.connect(lambda n: editor_words.setText(_words_text(n)))
    return Parts(central, stack, workspace, left_tabs, brief_page, brief, outline_page, editor,
                 preview, editor_split, thinking, scores, message_bar, StatusBar(window),
                 top_box, model_box, model_title, editor_title, editor_words, side)


def _words_text(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("MainWindow", "1 word")
    count = f"{n:,}".replace(",", "\u202f")
    return QCoreApplication.translate("MainWindow", "{0} words").format(count)


def _toolbar(window: QMainWindow, name: str) -> QToolBar:
    bar = QToolBar(window)
    bar.setObjectName(name)
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setIconSize(bar.iconSize().scaled(18, 18, Qt.AspectRatioMode.KeepAspectRatio))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def build_toolbars(window: QMainWindow, a: Actions) -> tuple[QToolBar, QToolBar]:
    """(mode bar: Writing | Batch, always shown; the Writing toolbar, hidden on Batch)."""
    modes = _toolbar(window, "modeToolbar")
    for action in (a.mode_write, a.mode_batch):
        modes.addAction(action)
    bar = _toolbar(window, "mainToolbar")
    bar.addAction(a.new_article)
    bar.addAction(a.write_article)
    bar.addAction(a.generate_outline)
    bar.addAction(a.write)
    bar.addAction(a.stop)
    bar.addSeparator()
    bar.addAction(a.regenerate_section)
    bar.addAction(a.extend_section)
    bar.addSeparator()
    bar.addAction(a.toggle_preview)
    bar.addAction(a.export_markdown)
    spacer = QWidget(bar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    bar.addAction(a.settings)
    write_button = bar.widgetForAction(a.write_article)
    if isinstance(write_button, QToolButton):
        write_button.setObjectName("primaryAction")
    stop_button = bar.widgetForAction(a.stop)
    if isinstance(stop_button, QToolButton):
        stop_button.setObjectName("stopAction")
    for action in (a.new_article, a.toggle_preview, a.settings):
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    return modes, bar


def retranslate(p: Parts, library: QWidget | None) -> None:
    p.left_tabs.setTabText(0, _tr("Brief"))
    p.left_tabs.setTabText(1, _tr("Outline"))
    if library is not None:
        p.left_tabs.setTabText(p.left_tabs.indexOf(library), _tr("Library"))
    p.model_title.setText(_tr("Model"))
    p.editor_title.setText(_tr("Draft"))
    p.editor_words.setText(_words_text(p.editor.word_count()))
    p.left_tabs.setAccessibleName(_tr("Brief, outline and library"))


# ---- Start-up helpers ------------------------------------------------------------------


def import_engine() -> None:
    """Background warm-up: the generation pipeline and the Ollama client."""
    import app.core.generation.pipeline  # noqa: F401
    import app.core.llm.client  # noqa: F401


def log_warm_failure(exc: BaseException) -> None:
    logger.warning("warm-up import failed: %r", exc)


def default_settings() -> Any:
    from app.core.settings import Settings

    return Settings()


def restore_state(window: QMainWindow, parts: Parts, actions: Actions, state: UiState) -> None:
    geometry = state.bytes("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:                      # first start: 1440×900, or the whole screen when smaller
        screen = window.screen().availableGeometry() if window.screen() else None
        window.resize(min(1440, screen.width()) if screen else 1440,
                      min(900, screen.height()) if screen else 900)
    for key, splitter in (("window/workspace", parts.workspace),
                          ("window/editor_split", parts.editor_split)):
        value = state.bytes(key)
        if value is not None:
            splitter.restoreState(value)
    actions.toggle_preview.setChecked(state.text("window/preview", "1") == "1")


def save_state(window: QMainWindow, parts: Parts, actions: Actions, state: UiState) -> None:
    state.set_bytes("window/geometry", window.saveGeometry())
    state.set_bytes("window/workspace", parts.workspace.saveState())
    state.set_bytes("window/editor_split", parts.editor_split.saveState())
    state.set_text("window/preview", "1" if actions.toggle_preview.isChecked() else "0")
    checked = actions.preset_group.checkedAction()
    if checked is not None:
        state.set_text("export/preset", str(checked.data()))
    state.sync()
