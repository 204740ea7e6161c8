"""Window-level behaviour: Batch mode, shortcuts, accessible names, the article contract."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from tests.ui.main_window_fixtures import make_window, no_keyring, sample_article  # noqa: F401


def test_batch_mode_shows_the_batch_panel_and_back(make_window):
    from app.ui.panels.batch_panel import BatchPanel

    window = make_window()
    window.actions.mode_batch.trigger()
    assert isinstance(window.parts.stack.currentWidget(), BatchPanel)
    window.actions.mode_write.trigger()
    assert window.parts.stack.currentWidget() is window.parts.workspace


def test_main_actions_have_the_documented_shortcuts(make_window):
    window = make_window()
    a = window.actions
    expected = {
        a.generate_outline: "Ctrl+Shift+O", a.write: "Ctrl+Return", a.stop: "Esc",
        a.export_markdown: "Ctrl+E", a.regenerate_section: "Ctrl+Shift+R",
        a.extend_section: "Ctrl+Shift+X", a.copy_html: "Ctrl+Shift+C",
    }
    for action, keys in expected.items():
        assert action.shortcut().toString() == keys, action.objectName()
    assert not a.stop.isEnabled()          # nothing to stop: Esc stays free for dialogs


def test_inputs_have_accessible_names(make_window):
    window = make_window()
    missing = []
    p = window.parts
    panels = (p.brief, p.outline, p.editor, p.preview, p.thinking, p.scores)
    for kind in (QLineEdit, QComboBox, QSpinBox, QPlainTextEdit):
        for widget in [w for panel in panels for w in [panel, *panel.findChildren(kind)]
                       if isinstance(w, kind)]:
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QSpinBox)):
                continue                     # the editable part of a combo/spin box
            if not widget.accessibleName():
                missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert missing == []
    buttons = [b for panel in panels for b in panel.findChildren(QAbstractButton)
               if b.isVisibleTo(window) and not b.text() and not b.accessibleName()]
    assert buttons == []


def test_article_contract_round_trip(make_window, qtbot):
    window = make_window()
    changes = []
    window.article_changed.connect(lambda: changes.append(1))
    window.load_article(sample_article())
    article = window.current_article()
    assert article.keyword == "running shoes for flat feet"
    assert article.title.startswith("Running shoes for flat feet")
    assert article.slug == "running-shoes-flat-feet"
    assert article.body == sample_article().body
    assert [f.question for f in article.faq] == ["Are running shoes for flat feet expensive?"]
    assert changes
    assert [s.heading for s in window.outline_editor.sections()][:2] == [
        "Why flat feet change the choice", "What to look for"]
    window.new_article()
    assert window.current_article().body == "" and window.brief_panel.keyword.text() == ""
