"""What the window's actions do (menus, toolbars, shortcuts): each `triggered` connected to
the window or its controllers. Lambdas, where a controller is built on first use, not when
the window is.

    wire_actions(window)     # app/ui/main_window.py, once its parts exist
"""

from __future__ import annotations

from typing import Any

from app.ui import window_saving


def wire_actions(window: Any) -> None:
    """`window`: the MainWindow."""
    w, a, state = window, window.actions, window.ui_state
    # Writing
    a.write_article.triggered.connect(lambda: w.flow.write_article(
        stop_at_outline=a.stop_at_outline.isChecked()))
    a.stop_at_outline.setChecked(state.text("flow/stop_at_outline", "0") == "1")
    a.stop_at_outline.toggled.connect(lambda on: state.set_text(
        "flow/stop_at_outline", "1" if on else "0"))
    a.generate_outline.triggered.connect(lambda: w.flow.generate_outline())
    a.write.triggered.connect(lambda: w.flow.write())
    a.stop.triggered.connect(lambda: w.flow.stop())
    a.regenerate_section.triggered.connect(lambda: w.flow.regenerate_section())
    a.extend_section.triggered.connect(lambda: w.flow.extend_section())
    # Export
    a.export_markdown.triggered.connect(lambda: w.exporter.export_markdown())
    a.export_html.triggered.connect(lambda: w.exporter.export_html())
    a.copy_html.triggered.connect(lambda: w.exporter.copy_html())
    a.copy_markdown.triggered.connect(lambda: w.exporter.copy_markdown())
    a.preset_group.triggered.connect(
        lambda action: state.set_text("export/preset", str(action.data())))
    # Settings and theme
    a.settings.triggered.connect(w.open_settings)
    for name, action in (("system", a.theme_system), ("light", a.theme_light),
                         ("dark", a.theme_dark)):
        action.setChecked(w.settings.theme == name)
        action.triggered.connect(
            lambda _checked=False, n=name: w.apply_settings(w.settings.with_(theme=n)))
    # Modes
    a.mode_batch.triggered.connect(w.show_batch)
    a.mode_write.triggered.connect(w.show_writing)
    # Files
    a.new_article.triggered.connect(w.request_new_article)
    a.open_file.triggered.connect(w.files.open_dialog)
    a.save_article.triggered.connect(w.save)
    a.save_to_library.triggered.connect(w.save_to_library)
    w.files.opened.connect(lambda opened: window_saving.show_opened_file(w, opened))
    a.quit.triggered.connect(w.close)
    # View
    a.toggle_preview.toggled.connect(w.preview.setVisible)
    a.toggle_thinking.toggled.connect(w.thinking.set_expanded)
    a.focus_brief.triggered.connect(w.focus_brief)
    a.focus_outline.triggered.connect(w.focus_outline)
    a.focus_editor.triggered.connect(w.editor.setFocus)
    a.shortcuts.triggered.connect(w.show_shortcuts)
