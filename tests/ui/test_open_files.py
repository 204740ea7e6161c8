"""File ▸ Open, Open Recent, drop on the window, Save back to the same file: a writer opens an
existing Markdown/HTML article, improves it and saves it where it was, unchanged otherwise."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.application.articles import SUFFIXES, read_article_file
from app.ui.controllers.file_controller import ARTICLE_SUFFIXES
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401

POST = """---
title: "Compost at home: the complete guide"
description: "How to compost at home: what goes in the bin, how long it takes and how to fix a smelly heap, step by step."
slug: compost-at-home
keywords: ["compost at home", "garden compost"]
lang: en
---

# Compost at home: the complete guide

Compost at home turns kitchen scraps into rich soil. This guide shows how.

## What goes in the bin

Vegetable peelings, coffee grounds, egg shells and dry leaves all go in. Mix greens and browns
in equal parts and the heap stays sweet. Avoid meat, fish and dairy: they attract pests.

### Greens and browns

Greens bring nitrogen; browns bring carbon.

## How long it takes

Between six months and a year, depending on how often you turn the heap.

A heap turned every week warms up fast and breaks down in a few months, while a heap left alone takes a year or more. A heap turned every week warms up fast and breaks down in a few months, while a heap left alone takes a year or more. A heap turned every week warms up fast and breaks down in a few months, while a heap left alone takes a year or more. A heap turned every week warms up fast and breaks down in a few months, while a heap left alone takes a year or more. A heap turned every week warms up fast and breaks down in a few months, while a heap left alone takes a year or more.

## FAQ

### Can I compost citrus peel?

Yes, in small amounts.

### Does compost smell?

Not when greens and browns are balanced.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_open_shows_the_article_and_keeps_faq_out_of_the_outline(make_window, tmp_path):
    window = make_window()
    path = _write(tmp_path, "compost.md", POST)
    assert window.open_file(path)
    assert window.editor.toPlainText().startswith("# Compost at home: the complete guide")
    assert window.brief_panel.keyword.text() == "compost at home"
    sections = window.outline_editor.sections()
    assert [(s.heading, s.level) for s in sections] == [
        ("What goes in the bin", 2), ("Greens and browns", 3), ("How long it takes", 2)]
    # Targets come from the text as written (the last section has ~140 words), not 200 each.
    assert sections[0].words < 100 and 120 <= sections[2].words <= 160
    assert path.name in window.windowTitle()
    assert window.current_article().faq and len(window.current_article().faq) == 2


def test_save_writes_back_to_the_same_file_and_reopening_changes_nothing(make_window, tmp_path):
    window = make_window()
    path = _write(tmp_path, "compost.md", POST)
    window.open_file(path)
    before = read_article_file(path).article
    window.actions.save_article.trigger()       # Ctrl+S with nothing edited
    after = read_article_file(path).article
    assert (after.title, after.meta_description, after.slug, after.keyword, after.body,
            after.faq) == (before.title, before.meta_description, before.slug, before.keyword,
                           before.body, before.faq)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "ui.ini") == ["compost.md"]

    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText("\nA last tip: keep the heap as damp as a wrung-out sponge.\n")
    window.editor.setTextCursor(cursor)
    assert window.has_unsaved_changes()
    window.actions.save_article.trigger()
    assert "wrung-out sponge" in path.read_text(encoding="utf-8")
    assert not window.has_unsaved_changes()
    assert window.status.currentMessage().endswith("compost.md")


def test_html_opens_as_markdown_and_saves_back_as_html(make_window, tmp_path):
    window = make_window()
    page = ("<!doctype html><html lang='en'><head><title>Worm bins</title>"
            "<meta name='description' content='Worm bins for flats.'>"
            "<script>alert('no')</script></head><body><h1>Worm bins</h1>"
            "<p>Worms eat <strong>half their weight</strong> a day.</p>"
            "<h2>What to feed them</h2><ul><li>peelings</li><li>paper</li></ul>"
            "<table><tr><th>Food</th><th>OK</th></tr><tr><td>Onion</td><td>no</td></tr></table>"
            "</body></html>")
    path = _write(tmp_path, "worms.html", page)
    window.open_file(path)
    text = window.editor.toPlainText()
    assert "**half their weight**" in text and "- peelings" in text
    assert "| Onion | no |" in text and "alert" not in text
    window.actions.save_article.trigger()
    saved = path.read_text(encoding="utf-8")
    assert saved.lstrip().lower().startswith("<!doctype html>")
    assert "<strong>half their weight</strong>" in saved and "alert(" not in saved


def test_dropping_a_markdown_file_on_the_window_opens_it(make_window, tmp_path, qtbot):
    window = make_window()
    path = _write(tmp_path, "dropped.markdown", "# Dropped\n\nSome text about dropping.\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.show_batch()                  # dropped while the Batch tab is shown
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.editor.toPlainText().startswith("# Dropped"), timeout=3000)
    assert window.parts.stack.currentWidget() is window.parts.workspace
    assert window.toolbar.isVisible()


def test_open_recent_lists_the_opened_file_and_reopens_it(make_window, tmp_path, qtbot):
    window = make_window()
    path = _write(tmp_path, "compost.md", POST)
    window.open_file(path)
    window.new_article()
    assert window.editor.toPlainText() == ""
    menu = window._menu_texts.menus["recent"]
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.text() == "compost.md"]
    assert len(entries) == 1
    entries[0].trigger()
    assert window.editor.toPlainText().startswith("# Compost at home")


def test_a_file_that_is_not_an_article_is_refused_with_a_message(make_window, tmp_path):
    window = make_window()
    window.editor.set_markdown("# My draft\n\nKeep me.\n")
    path = _write(tmp_path, "notes.txt", "not an article")
    assert not window.open_file(path)
    assert window.editor.toPlainText() == "# My draft\n\nKeep me.\n"
    assert window.message_bar.isVisible()
    assert "notes.txt" in window.message_bar.message()


def test_the_window_accepts_exactly_the_suffixes_the_reader_reads():
    assert ARTICLE_SUFFIXES == SUFFIXES


def test_the_preview_shows_images_next_to_the_opened_file(make_window, tmp_path, qtbot):
    from PySide6.QtGui import QColor, QImage, QTextDocument

    window = make_window()
    (tmp_path / "images").mkdir()
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3a6fd8"))
    picture.save(str(tmp_path / "images" / "shoe.png"))
    path = _write(tmp_path, "shoes.md", "# Shoes\n\n![A blue shoe](images/shoe.png)\n\nText.\n")
    window.open_file(path)
    qtbot.waitUntil(lambda: "shoe.png" in window.preview.html(), timeout=5000)
    loaded = window.preview.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                         QUrl("images/shoe.png"))
    assert loaded is not None and QImage.fromData(loaded).size().width() == 40


def test_a_refused_file_is_explained_in_french(make_window, tmp_path, qtbot):
    from PySide6.QtWidgets import QApplication

    from app.ui.i18n import install_translators

    window = make_window()
    install_translators(QApplication.instance(), "fr")
    try:
        latin1 = tmp_path / "ancien.md"
        latin1.write_bytes("# Café crème\n\nUn texte en Latin-1.\n".encode("latin-1"))
        assert not window.open_file(latin1)
        message = window.message_bar.message()
        assert "ancien.md n’est pas un texte UTF-8." in message
        assert "Enregistrez-le en UTF-8" in message
    finally:
        install_translators(QApplication.instance(), "en")
