"""Generate › Internal links… (proposed from a site profile, ticked, inserted as one undo
step) and Generate › Topic terms… (coverage of the editor's text, refreshed as it changes)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from app.application.site import site_store
from app.core.site.pages import Page
from app.ui.dialogs.links_dialog import LinksDialog
from app.ui.dialogs.terms_panel import TermsPanel
from tests.ui.main_window_fixtures import make_window, no_keyring, sample_article  # noqa: F401

PAGES = [
    Page("https://shoes.example/stability-shoes/", "Stability shoes", "en",
         ("stability shoes", "stability")),
    Page("https://shoes.example/heel-counter/", "What a heel counter does", "en",
         ("heel counter",)),
    Page("https://shoes.example/running-shoes-flat-feet/", "Itself", "en",
         ("running shoes", "flat feet")),
    Page("https://shoes.example/fr/amorti/", "Amorti", "fr", ("medium cushioning",)),
]


def test_links_are_proposed_ticked_and_inserted_in_the_editor(make_window, qtbot):
    with site_store() as store:
        store.save("shoes", PAGES)
    window = make_window(site_url="https://shoes.example")
    window.load_article(sample_article())
    menu_texts = [a.text() for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
    assert "Internal &links…" in menu_texts and "Topic &terms…" in menu_texts
    dialog = LinksDialog(window, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.site.currentText() == "shoes"
    with qtbot.waitSignal(dialog.suggestions_ready, timeout=10000) as ready:
        dialog.find_button.click()
    found = {s.href: s.anchor for s in ready.args[0]}
    assert found == {"/stability-shoes/": "Stability shoes", "/heel-counter/": "heel counter"}
    if os.environ.get("PLUME_SCREENSHOTS"):
        dialog.grab().save(os.environ["PLUME_SCREENSHOTS"].replace(".png", "-links.png"))
    heel = next(i for i in range(dialog.list.count()) if "heel" in dialog.list.item(i).text())
    dialog.list.item(heel).setCheckState(Qt.CheckState.Unchecked)    # the writer rejects one
    with qtbot.waitSignal(dialog.links_inserted, timeout=2000):
        dialog.insert_button.click()
    text = window.editor.toPlainText()
    assert "[Stability shoes](/stability-shoes/)" in text
    assert "heel-counter" not in text
    window.editor.undo()                                              # one undo step
    assert "[Stability shoes]" not in window.editor.toPlainText()


def test_terms_panel_counts_the_editor_text_live(make_window, qtbot):
    window = make_window()
    window.load_article(sample_article())
    panel = TermsPanel(window, window)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.coverage_updated, timeout=3000) as first:
        panel.terms.setPlainText("heel counter: 1-2\ntoe box: 1-2\n")
    assert first.args[0] == 50
    assert panel.table.item(0, 1).text() == "1" and panel.table.item(1, 1).text() == "0"
    with qtbot.waitSignal(panel.coverage_updated, timeout=3000) as second:
        window.editor.appendPlainText("\nA roomy toe box helps.\n")
    assert second.args[0] == 100
    if os.environ.get("PLUME_SCREENSHOTS"):
        panel.grab().save(os.environ["PLUME_SCREENSHOTS"].replace(".png", "-terms.png"))
    with qtbot.waitSignal(panel.coverage_updated, timeout=3000, raising=False):
        panel.terms.setPlainText("heel counter: 5-2\n")
    assert "empty" in panel.status.text()


def test_terms_and_social_posts_open_as_tabs_docked_beside_the_editor(make_window, qtbot):
    from PySide6.QtWidgets import QDockWidget

    window = make_window()
    window.load_article(sample_article())
    window.show()
    assert window.findChildren(QDockWidget) == []          # nothing made before it is asked
    actions = {a.text(): a for m in window.menuBar().findChildren(QMenu) for a in m.actions()}
    actions["Topic &terms…"].trigger()
    terms = window.findChild(QDockWidget, "plume-dock-terms")
    assert terms is not None and isinstance(terms.widget(), TermsPanel)
    assert window.dockWidgetArea(terms) == Qt.DockWidgetArea.RightDockWidgetArea
    qtbot.waitUntil(terms.isVisible, timeout=2000)
    # The coverage shows beside the text while the writer types.
    panel = terms.widget()
    with qtbot.waitSignal(panel.coverage_updated, timeout=3000):
        panel.terms.setPlainText("heel counter: 1-2\ntoe box: 1-2\n")
    assert window.editor.isVisible() and panel.score.text().endswith("50/100")
    actions["&Social posts…"].trigger()
    social = window.findChild(QDockWidget, "plume-dock-social")
    assert social is not None and social in window.tabifiedDockWidgets(terms)
    qtbot.waitUntil(social.isVisible, timeout=2000)
    assert social.widget().write_button.text() == "Write posts"
    actions["Topic &terms…"].trigger()                      # the same dock, raised again
    assert len(window.findChildren(QDockWidget)) == 2
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    if os.environ.get("PLUME_SCREENSHOTS"):
        window.grab().save(os.environ["PLUME_SCREENSHOTS"].replace(".png", "-docks.png"))


def test_links_dialog_offers_a_read_also_line_from_the_topic_and_the_terms_panel(make_window,
                                                                                 qtbot):
    with site_store() as store:
        store.save("shoes", [
            Page("https://shoes.example/flat-feet-exercises/", "Flat feet exercises", "en",
                 ("flat feet exercises", "exercises")),
            Page("https://shoes.example/arch-support-insoles/", "Arch support insoles", "en",
                 ("arch support insoles", "insoles")),
            Page("https://shoes.example/gait-analysis/", "Gait analysis", "en",
                 ("gait analysis", "gait"))])
    window = make_window(site_url="https://shoes.example")
    window.load_article(sample_article())        # names none of these pages
    actions = {a.text(): a for m in window.menuBar().findChildren(QMenu) for a in m.actions()}
    actions["Topic &terms…"].trigger()
    from PySide6.QtWidgets import QDockWidget

    window.findChild(QDockWidget, "plume-dock-terms").widget().terms.setPlainText("insoles\n")
    dialog = LinksDialog(window, window)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.suggestions_ready, timeout=10000) as ready:
        dialog.find_button.click()
    # On the keyphrase's topic, then on the writer's term; 'Gait analysis' is neither.
    assert [s.href for s in ready.args[0]] == ["/flat-feet-exercises/", "/arch-support-insoles/"]
    assert dialog.list.item(0).text().startswith("Read also, at the end: Flat feet exercises")
    with qtbot.waitSignal(dialog.links_inserted, timeout=2000):
        dialog.insert_button.click()
    assert window.editor.toPlainText().endswith(
        "\n\nRead also: [Flat feet exercises](/flat-feet-exercises/), "
        "[Arch support insoles](/arch-support-insoles/).\n")
    window.editor.undo()
    assert "Read also" not in window.editor.toPlainText()
