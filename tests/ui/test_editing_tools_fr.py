"""The find bar, the Edit menu and the per-check actions speak French in the French UI."""

from __future__ import annotations

from pathlib import Path

from app.core.settings import Settings
from tests.ui.main_window_fixtures import sample_article
from tests.ui.test_editing_tools import LONG_BODY
from tests.ui.test_french_ui import french, no_keyring, untranslated, visible_texts  # noqa: F401


def test_editing_tools_have_no_english_left(qtbot, french, tmp_path: Path) -> None:  # noqa: F811
    from app.ui.main_window import MainWindow
    from app.ui.ui_state import UiState

    window = MainWindow(Settings(host="http://127.0.0.1:9", ui_language="fr",
                                 default_model="qwen3:8b"),
                        ui_state=UiState(tmp_path / "ui.ini"), start_connection=False)
    qtbot.addWidget(window)
    window.show()
    panel = window.score_panel
    try:
        with qtbot.waitSignal(panel.report_shown, timeout=10000):
            window.load_article(sample_article(LONG_BODY))
        qtbot.waitUntil(lambda: window.editing.checks is not None, timeout=10000)
        qtbot.waitUntil(lambda: not panel.is_filling())
        row = panel.row("paragraph_length")
        assert row is not None and row.fix_button.text() == "Corriger"
        bar = window.editing.find_bar
        bar.open_replace()
        bar.find_field.setText("flat feet")
        assert bar.count_label.text() == "1 sur 5" or bar.count_label.text().endswith("sur 5") \
            or "occurrences" in bar.count_label.text()
        with qtbot.waitSignal(panel.report_shown, timeout=10000):
            panel.fix_requested.emit("paragraph_length")
        assert panel.change.text().startswith("1 paragraphe trop long coupé")
        # the article itself is English: look at the tools, not at the text
        problems = untranslated(visible_texts(bar))
        menu = window.editing.menu
        menu_texts = [(menu.title(), "Edit menu")] + [
            (text, "Edit menu action") for a in menu.actions() if not a.isSeparator()
            for text in (a.text(), a.toolTip(), a.statusTip())]
        assert menu.title() == "É&dition"
        problems += untranslated(iter(menu_texts))
        for check in panel.report.checks:
            shown = panel.row(check.id)
            if shown is not None and shown._actions_box.isVisibleTo(panel):
                problems += untranslated(visible_texts(shown._actions_box))
        problems += untranslated(iter([(panel.review_again.text(), "review again")]))
        bar.regex_button.setChecked(True)
        bar.find_field.setText("(")
        assert bar.message.text().startswith("Expression non valide")
    finally:
        window.generation.shutdown()
        window.close()
    assert not problems, "Untranslated text in the French UI:\n" + "\n".join(sorted(set(problems)))
