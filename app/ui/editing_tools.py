"""The writer's editing tools around the editor, composed in one place for the window.

    tools = EditingTools(window)           # after the window's widgets exist
    tools.outline_built(outline_editor)    # the outline editor is built on first use
    tools.generation_built(generation)     # so is the generation controller

- Edit menu: Find (Ctrl+F), Replace (Ctrl+H), Find next/previous (F3, Shift+F3), Focus mode
  (F11: side panels hidden, the line being written kept in the middle of the view).
- The find bar sits under the editor (app/ui/editor/find_bar.py).
- Scroll sync and outline navigation (app/ui/controllers/section_sync.py).
- Section progress marks in the outline while the model writes.
- Per-check actions of the score panel (app/ui/controllers/check_actions.py): installed with
  the first report, when the analysis engine is loaded (not before the first frame).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from app.ui.controllers.section_sync import SectionSync
from app.ui.locale import ui_language

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from app.ui.controllers.check_actions import CheckActions
    from app.ui.editor.find_bar import FindBar


FOCUS_LINE_PX = 760     # focus mode: text column width (about 80 characters)


class EditingTools(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.editor, self.preview, self.panel = window.editor, window.preview, window.score_panel
        self._find_bar: FindBar | None = None      # built on first use (start-up time)
        self.sync = SectionSync(self.editor, self.preview, self._outline, self)
        self.checks: CheckActions | None = None
        self._outline_editor: Any = None
        self._focus_restore: dict[Any, bool] = {}
        self._focus_margins = False
        self.find = self._action("Ctrl+F", lambda: self.find_bar.open_find())
        self.replace = self._action("Ctrl+H", lambda: self.find_bar.open_replace())
        self.find_next = self._action("F3", self._find_next)
        self.find_previous = self._action("Shift+F3", self._find_previous)
        self.focus_mode = self._action("F11", None)
        self.focus_mode.setCheckable(True)
        self.focus_mode.toggled.connect(self.set_focus_mode)
        self.menu = self._edit_menu()
        for name in ("find", "replace", "find_next", "find_previous", "focus_mode"):
            window.actions.register(name, getattr(self, name))    # listed under F1
        window.analysis.report_ready.connect(self._on_report)
        window.installEventFilter(self)
        self.retranslate_ui()

    # ---- Public API

    @property
    def find_bar(self) -> FindBar:
        """The find / replace bar under the editor."""
        if self._find_bar is None:
            from app.ui.editor.find_bar import FindBar

            split = self.window.parts.editor_split
            center = split.parentWidget()
            bar = self._find_bar = FindBar(self.editor, center)
            layout = center.layout()
            layout.insertWidget(layout.indexOf(split) + 1, bar)
        return self._find_bar

    def outline_built(self, outline: Any) -> None:
        self._outline_editor = outline
        self.sync.attach_outline(outline)

    def generation_built(self, generation: Any) -> None:
        generation.phase_started.connect(self._on_phase_started)
        generation.section_done.connect(self._on_section_done)
        generation.run_finished.connect(self._on_run_finished)

    def set_focus_mode(self, on: bool) -> None:
        """Focus mode: side panels and preview hidden, lines capped to a reading width,
        the current line kept in the middle."""
        parts = self.window.parts
        panels = (parts.side, self.panel, self.preview)
        if on:
            self._focus_restore = {w: w.isVisible() for w in panels}
            for widget in panels:
                widget.hide()
            self.editor.setFocus()
        else:
            for widget, visible in self._focus_restore.items():
                widget.setVisible(visible)
            self._focus_restore = {}
        self.editor.set_typewriter(on)
        if on:
            self.editor.installEventFilter(self)      # resizes: keep the column centred
        else:
            self.editor.removeEventFilter(self)
        self._fit_focus_column()
        if self.focus_mode.isChecked() != on:
            self.focus_mode.setChecked(on)

    def install_check_actions(self) -> CheckActions:
        """The score panel's Fix / Ask the model / Review again (built on the first report)."""
        if self.checks is None:
            from app.ui.controllers.check_actions import CheckActions

            self.checks = CheckActions(
                self.panel, self.editor, article=self.window.current_article,
                outline=lambda: self.window.outline_editor, make_reviser=self._make_reviser,
                show_review=self._show_review, language=ui_language,
                has_model=lambda: bool(self.window.current_model()),
                terms=self._panel_terms, parent=self)
        return self.checks

    # ---- Qt overrides

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif watched is self.editor and event.type() == QEvent.Type.Resize:
            self._fit_focus_column()
        return super().eventFilter(watched, event)

    def retranslate_ui(self) -> None:
        texts = {
            self.find: (self.tr("&Find…"), self.tr("Find in the text")),
            self.replace: (self.tr("&Replace…"), self.tr("Find and replace in the text")),
            self.find_next: (self.tr("Find &next"), self.tr("Go to the next match")),
            self.find_previous: (self.tr("Find &previous"), self.tr("Go to the previous match")),
            self.focus_mode: (self.tr("F&ocus mode"),
                              self.tr("Hide the side panels and keep the current line centred")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})")
            action.setStatusTip(tip)
        self.menu.setTitle(self.tr("&Edit"))

    # ---- Private

    def _action(self, keys: str, slot: Any) -> QAction:
        action = QAction(self.window)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _edit_menu(self) -> QMenu:
        """The menu bar's Edit menu (its title is there from the first frame), filled."""
        from PySide6.QtWidgets import QMenu

        bar = self.window.menuBar()
        menu = bar.findChild(QMenu, "editMenu")
        if menu is None:
            menu = bar.addMenu("")
            menu.setObjectName("editMenu")
            existing = [a for a in bar.actions() if a is not menu.menuAction()]
            if len(existing) > 1:          # File, then Edit, as every editor has them
                bar.insertAction(existing[1], menu.menuAction())
        menu.addActions([self.find, self.replace, self.find_next, self.find_previous])
        menu.addSeparator()
        menu.addAction(self.focus_mode)
        return menu

    def _fit_focus_column(self) -> None:
        """Focus mode: a centred text column of at most FOCUS_LINE_PX (about 80 characters).
        Out of it, margins go back to the editor (its own, if any, on its next resize)."""
        if not self.editor.typewriter:
            if self._focus_margins:
                self._focus_margins = False
                self.editor.setViewportMargins(0, 0, 0, 0)
            return
        side = max(0, (self.editor.width() - FOCUS_LINE_PX) // 2)
        self.editor.setViewportMargins(side, 0, side, 0)
        self._focus_margins = True

    def _find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_find()
        self.find_bar.find_next()

    def _find_previous(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_find()
        self.find_bar.find_previous()

    def _outline(self) -> Any:
        return self._outline_editor      # never built just to be followed

    def _on_report(self, _report: object) -> None:
        """First report: load the fixers in the background (~30–70 ms of imports that must
        not stall a stream), then install the check actions."""
        self.window.analysis.report_ready.disconnect(self._on_report)
        from app.ui.workers.task_runner import run_in_background

        run_in_background(_import_review, self._on_review_loaded, self._on_review_loaded,
                          owner=self)

    def _on_review_loaded(self, _result: object = None) -> None:
        checks = self.install_check_actions()
        self.window.analysis.report_ready.connect(checks.on_report)

    def _panel_terms(self) -> tuple[str, ...]:
        from app.ui.dialogs.terms_panel import panel_terms

        return panel_terms(self.window)

    def _make_reviser(self) -> Any:
        """On the GUI thread (reads the model picker): the builder that the background task
        calls to get a reviser on the model the writer picked, as the self-review uses it."""
        build_generator = self.window.make_generator()

        def build() -> Any:
            from app.core.review.model_reviser import ModelSectionReviser

            generator = build_generator()
            reviser = getattr(generator, "reviser", None)
            return reviser if reviser is not None else ModelSectionReviser.for_generator(
                generator)
        return build

    def _show_review(self, result: Any) -> None:
        from app.ui.dialogs.review_dialog import ReviewDialog

        dialog = ReviewDialog(result, self.window, language=ui_language())
        checks = self.checks
        if checks is not None:
            dialog.article_chosen.connect(
                lambda article: checks.apply_article(article, base=result.original))
        dialog.open()

    def _on_phase_started(self, event: object) -> None:
        if self._outline_editor is not None:
            self._outline_editor.on_phase_started(event)

    def _on_section_done(self, event: object) -> None:
        if self._outline_editor is not None:
            self._outline_editor.on_section_done(event)

    def _on_run_finished(self) -> None:
        if self._outline_editor is not None:
            self._outline_editor.on_run_finished()


def _import_review() -> None:
    import app.core.review.fixers  # noqa: F401
    import app.core.review.messages  # noqa: F401
    import app.core.review.targeted  # noqa: F401


__all__ = ["EditingTools"]
