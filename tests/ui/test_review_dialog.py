"""The review dialog: the writer sees each fix, its diff, the scores, and can undo any fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core.review import ReviewResult, review_article
from app.core.review.messages import describe
from app.ui.dialogs.review_dialog import ReviewDialog
from tests.core.test_review import sloppy_draft
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401


@pytest.fixture
def result() -> ReviewResult:
    events = list(review_article(sloppy_draft()))
    return events[-2].result


@pytest.fixture
def dialog(qtbot, result):
    widget = ReviewDialog(result, language="en")
    qtbot.addWidget(widget)
    return widget


def test_lists_every_fix_ticked_and_the_scores(dialog, result):
    labels = [dialog._fixes.item(i).text() for i in range(1, dialog._fixes.count())]
    assert labels == [describe(f, "en") for f in result.fixes]
    assert dialog.kept_fix_ids() == [f.id for f in result.fixes]
    seo_before, seo_after = result.before.seo_score, result.after.seo_score
    assert f"SEO {seo_before} → {seo_after}" in dialog._scores.text()


def test_all_changes_view_shows_each_changed_section_word_by_word(dialog, result):
    runs = dialog.shown_changes()
    assert ("title", "Introduction\n") in runs
    added = "".join(text for kind, text in runs if kind == "added")
    assert "Home composting: here is what you need to know." in added
    removed = "".join(text for kind, text in runs if kind == "removed")
    assert "practical" in removed and "guide" in removed, "field changes (slug) are listed too"
    start = runs.index(("title", "Introduction\n"))
    end = next(i for i in range(start + 1, len(runs)) if runs[i][0] == "title")
    intro = "".join(text for _, text in runs[start:end])
    assert intro.count("Kitchen scraps") == 1, "unchanged words are shown once, not old + new"


def test_selecting_a_fix_shows_its_own_changes(dialog, result):
    meta = result.fix("meta_description")
    dialog.select_fix("meta_description")
    runs = dialog.shown_changes()
    kept = "".join(text for kind, text in runs if kind in ("same", "removed")).strip()
    new = "".join(text for kind, text in runs if kind in ("same", "added")).strip()
    assert kept == meta.before and new == meta.after


def test_unticking_a_fix_undoes_only_that_fix(qtbot, dialog, result):
    dialog.set_kept("meta_description", False)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog._apply, Qt.MouseButton.LeftButton)
    article = dialog.article()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert article.meta_description == result.original.meta_description
    assert article.slug == result.article.slug == "home-composting"


def test_unticking_an_item_marks_its_fix_undone(qtbot, dialog, result):
    item = dialog._fixes.item(1)
    item.setCheckState(Qt.CheckState.Unchecked)
    assert result.fixes[0].id in dialog.undone_fix_ids()


def test_undo_all_returns_the_draft(qtbot, dialog, result):
    with qtbot.waitSignal(dialog.article_chosen, timeout=2000) as chosen:
        qtbot.mouseClick(dialog._undo_all, Qt.MouseButton.LeftButton)
    assert chosen.args[0] == result.original
    assert dialog.article() == result.original


def _hooked() -> bool:
    from app.ui.main_window import MainWindow

    return hasattr(MainWindow, "open_review")


@pytest.mark.skipif(not _hooked(), reason="the main window does not offer the self-review yet")
def test_written_article_is_reviewed_and_any_fix_can_be_undone(make_window, fake_ollama, qtbot):
    from app.ui.controllers.generation_controller import GenerationState
    from tests.fake_ollama.sloppy import SloppyModel

    fake_ollama.on_model("llama3.1:8b", SloppyModel())
    window = make_window(host=fake_ollama.url, model="llama3.1:8b", connect=True,
                         self_review=True)
    qtbot.waitUntil(lambda: window.connection.status.connected, timeout=10000)
    window.brief_panel.keyword.setText("home composting")
    window.brief_panel.length.setValue(600)
    window.brief_panel.faq.setChecked(False)
    window.actions.generate_outline.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.OUTLINE_REVIEW, timeout=20000)
    window.actions.write.trigger()
    qtbot.waitUntil(lambda: window.generation.state is GenerationState.DONE, timeout=30000)
    qtbot.waitUntil(lambda: window.flow.last_review is not None, timeout=10000)
    text = window.editor.toPlainText()
    assert "fast-paced world" not in text, "the reviewed article is in the editor"
    review = window.flow.last_review
    intro = review.fix("intro").params["sentence"]
    assert intro in text
    meta = review.fix("meta_description")
    assert window.outline_editor.meta.text() == meta.after, "field fixes reach the outline too"
    window.open_review()
    qtbot.waitUntil(lambda: window.findChild(ReviewDialog) is not None
                    and window.findChild(ReviewDialog).isVisible(), timeout=5000)
    dialog = window.findChild(ReviewDialog)
    dialog.set_kept("intro", False)
    dialog.set_kept("meta_description", False)
    with qtbot.waitSignal(dialog.article_chosen, timeout=5000):
        qtbot.mouseClick(dialog._apply, Qt.MouseButton.LeftButton)
    text = window.editor.toPlainText()
    assert intro not in text and "fast-paced world" not in text, "only that fix was undone"
    assert window.outline_editor.meta.text() == meta.before
    window.editor.undo()
    assert intro in window.editor.toPlainText(), "the writer's choice is one undo step"


def test_the_header_says_what_the_review_changed(dialog, result):
    header = dialog._scores.text().splitlines()[0]
    # the sloppy draft's slug, intro and meta description are fixed by rule
    assert "added the keyphrase to the intro" in header
    assert "rewrote the meta description" in header
    assert header.endswith(f"SEO {result.before.seo_score} → {result.after.seo_score}")
    assert "correction" not in header


def test_on_a_system_with_the_c_locale_the_review_opens_in_the_interface_language(qtbot, result):
    # Minimal Linux and containers run with LANG=C: the dialog took "C" as a language and
    # failed to open ("Unknown article language 'C'").
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        widget = ReviewDialog(result)
        qtbot.addWidget(widget)
    finally:
        QLocale.setDefault(previous)
    labels = [widget._fixes.item(i).text() for i in range(1, widget._fixes.count())]
    assert labels == [describe(f, "en") for f in result.fixes]
