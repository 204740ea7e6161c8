"""With the interface in French, no English is left on screen: the main window (every tab,
menu, action, tooltip, placeholder, combo item, header), the banner and every dialog.

A string counts as untranslated when it is an English source string of plume_fr.ts whose
French differs (or matches such a source with its {placeholders} filled), or when it was
never marked for translation and reads as English (common English words).
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from app.core.resources import resource_path
from app.core.settings import Settings
from app.core.store import Library, RecoverableDraft
from app.ui.i18n import install_translators
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401

ENGLISH_WORDS = {
    "the", "and", "your", "with", "to", "of", "is", "are", "not", "this", "here", "there",
    "click", "select", "from", "into", "when", "what", "which", "will", "can", "cannot",
    "please", "save", "open", "close", "cancel", "settings", "words", "word", "models",
    "keyword", "keywords", "untitled", "search", "delete", "file", "folder", "yes", "no",
    "apply", "help", "retry", "pull", "write", "writing", "language", "length", "title",
    "show", "hide", "stop", "ready", "checking", "connected", "unreachable", "score",
    "none", "new", "add", "remove", "move", "up", "down", "outline", "library", "thinking",
}
# Names and formats that are the same in both languages.
ALLOWED = re.compile(
    r"^(https?://\S+|[\w.-]+:[\w.-]+|[A-Z]{2,5}|Plume|Ollama|Markdown|Hugo|Jekyll|Astro|"
    r"OK|FAQ|SEO|HTML|Flesch|\W*|[\d\s.,:/%·-]*)$"
)


def catalogue() -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]]]:
    english: dict[str, str] = {}
    templates: list[tuple[re.Pattern[str], str]] = []
    messages = [m for name in ("plume_fr.ts", "plume_fr_wrapped.ts")
                for m in ET.parse(resource_path("translations", name)).getroot().iter("message")]
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not \
            None else []
        french = (translation.text or "") if translation is not None else ""
        if message.get("numerus") == "yes":
            french = forms[-1] if forms else ""
        if not source.strip() or french == source:
            continue
        english[source] = french
        if re.search(r"\{[^}]*\}|%n|%\d", source):
            parts = re.split(r"(\{[^}]*\}|%n|%\d)", source)
            pattern = "".join(".+?" if re.fullmatch(r"\{[^}]*\}|%n|%\d", p) else re.escape(p)
                              for p in parts)
            templates.append((re.compile(f"^{pattern}$", re.S), source))
    return english, templates


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(text, where) for everything a user can read in `root`, tab by tab."""
    tabs = [t for t in root.findChildren(QTabWidget) if t.isVisibleTo(root)]
    for tabwidget in tabs:
        for index in range(tabwidget.count()):
            yield tabwidget.tabText(index), f"tab of {tabwidget.objectName() or 'QTabWidget'}"
            yield tabwidget.tabToolTip(index), "tab tooltip"
    pages = [(t, i) for t in tabs for i in range(t.count())]
    for tabwidget, index in pages or [(None, 0)]:
        if tabwidget is not None:
            tabwidget.setCurrentIndex(index)
            QCoreApplication.processEvents()
        yield from _widget_texts(root)
    yield root.windowTitle(), "window title"
    for action in root.findChildren(QAction):
        if action.isVisible():
            where = f"action {action.objectName() or action.text()}"
            yield action.text(), where
            yield action.toolTip(), where + " tooltip"
            yield action.statusTip(), where + " status tip"
    for menu in root.findChildren(QMenu):
        yield menu.title(), "menu"


def _widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        yield widget.toolTip(), where + " tooltip"
        if isinstance(widget, QLabel):
            yield QTextDocumentFragment.fromHtml(widget.text()).toPlainText(), where
        elif isinstance(widget, QAbstractButton):
            yield widget.text(), where
        elif isinstance(widget, QLineEdit):
            yield widget.placeholderText(), where + " placeholder"
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            yield widget.placeholderText(), where + " placeholder"
            if isinstance(widget, QTextEdit) and widget.isReadOnly():   # e.g. the preview
                yield widget.toPlainText(), where + " text"
        elif isinstance(widget, QComboBox):
            endonyms = widget.objectName() == "uiLanguage"   # "English" / "Français" on purpose
            for i in range(widget.count() if endonyms else 0, widget.count()):
                yield widget.itemText(i), where + " item"
                yield str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or ""), where + " tip"
        elif isinstance(widget, QGroupBox):
            yield widget.title(), where
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                yield str(model.headerData(column, Qt.Orientation.Horizontal) or ""), \
                    where + " header"


def untranslated(texts: Iterator[tuple[str, str]]) -> list[str]:
    english, templates = catalogue()
    found: dict[str, str] = {}
    for raw, where in texts:
        for text in {raw, raw.replace("&&", "\0").replace("&", "").replace("\0", "&")}:
            for line in (text or "").splitlines() or [""]:
                line = line.strip()
                if not line or ALLOWED.match(line):
                    continue
                if line in english or text in english:
                    found.setdefault(line, where)
                elif any(p.match(line) for p, _ in templates):
                    found.setdefault(line, where)
                elif set(re.findall(r"[a-z']+", line.lower())) & ENGLISH_WORDS and \
                        not re.search(r"[àâçéèêëîïôûùüÿœ’«»]", line, re.I):
                    found.setdefault(line, where)
    return [f"{text!r} ({where})" for text, where in sorted(found.items())]


@pytest.fixture
def french(qtbot) -> Iterator[None]:
    app = QApplication.instance()
    assert install_translators(app, "fr") == "fr"
    yield
    install_translators(app, "en")


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


def test_main_window_has_no_english_left(qtbot, french, tmp_path: Path,
                                         ollama_down_url: str) -> None:
    from app.ui.main_window import MainWindow
    from app.ui.ui_state import UiState

    library = Library(tmp_path / "library.sqlite3")
    window = MainWindow(Settings(host=ollama_down_url, ui_language="fr"),
                        ui_state=UiState(tmp_path / "ui.ini"), library=library,
                        start_connection=True)
    qtbot.addWidget(window)
    window.show()
    banner = getattr(window, "connection_banner", None)
    if banner is not None:   # Ollama is down: the banner must speak French too
        qtbot.waitUntil(lambda: not banner.isHidden(), timeout=10_000)
    preview = getattr(window, "preview", None)
    if preview is not None and hasattr(preview, "toPlainText"):   # rendered in background
        qtbot.waitUntil(lambda: bool(preview.toPlainText().strip()), timeout=10_000)
    try:
        problems = untranslated(visible_texts(window))
        batch = getattr(window.actions, "mode_batch", None)
        if batch is not None:
            batch.trigger()
            QCoreApplication.processEvents()
            problems += untranslated(visible_texts(window))
    finally:
        window.generation.shutdown()
        if getattr(window, "connection", None) is not None:
            window.connection.stop()
        window.close()
        library.close()
    assert not problems, "Untranslated text in the French UI:\n" + "\n".join(sorted(set(problems)))


def test_dialogs_have_no_english_left(qtbot, french) -> None:
    from app.ui.dialogs.pull_dialog import PullDialog
    from app.ui.dialogs.recovery_dialog import RecoveryDialog
    from app.ui.dialogs.settings_dialog import SettingsDialog
    from app.ui.panels.library_panel import LibraryPanel

    draft = RecoverableDraft(1, None, "Le jardin d'hiver", "jardin", dt.datetime.now(dt.UTC), 120)
    dialogs: list[QWidget] = [SettingsDialog(Settings()), PullDialog(None, ""),
                              RecoveryDialog([draft])]
    problems: list[str] = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        if isinstance(dialog, SettingsDialog):
            qtbot.waitUntil(lambda d=dialog: d._keyring_ok is not None, timeout=5_000)
        problems += untranslated(visible_texts(dialog))
    assert not problems, "Untranslated text in French dialogs:\n" + "\n".join(problems)
    assert LibraryPanel  # imported for lupdate coverage of the panel (walked in the window)


def test_message_boxes_errors_and_qt_dialogs_have_no_english_left(qtbot, french,
                                                                   tmp_path: Path) -> None:
    """The boxes asking before text is replaced, an error shown without a window, the
    shortcuts window, and Qt's own file dialog (its buttons come from Qt's qtbase_fr)."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox

    from app.core import errors as core_errors
    from app.ui import menus
    from app.ui.actions import Actions
    from app.ui.dialogs.unsaved_changes import UnkeptAtCloseBox, UnsavedChangesBox
    from app.ui.dialogs.write_choice import WriteChoiceBox
    from app.ui.errors import describe_error, present_error

    boxes: list[QWidget] = [UnsavedChangesBox(can_save=True, opening=True),
                            UnkeptAtCloseBox("disque plein"),
                            WriteChoiceBox(2, "Pourquoi composter")]
    present_error(None, core_errors.OllamaUnavailable("x"))
    boxes += [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox)
              and b.isVisible() and b not in boxes]
    window = QMainWindow()
    qtbot.addWidget(window)
    menus.show_shortcuts(window, Actions(window).shortcut_rows())
    boxes += [d for d in window.findChildren(QDialog)]
    folder = Path(tempfile.mkdtemp(prefix="plume-"))     # a path with no English word
    files = QFileDialog(None, QCoreApplication.translate("FileController", "Open an article"),
                        str(folder))
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    boxes.append(files)
    problems: list[str] = []
    for box in boxes:
        qtbot.addWidget(box)
        box.show()
        problems += untranslated(visible_texts(box))
    texts = [describe_error(e) for e in (
        core_errors.OllamaUnavailable("x"), core_errors.ModelNotFound("x"),
        core_errors.ExportError("x"), core_errors.InputError("x"), RuntimeError("x"))]
    problems += untranslated((f"{t.title}\n{t.hint}", "error text") for t in texts)
    assert not problems, "Untranslated text in French boxes:\n" + "\n".join(problems)
    save = [b for b in files.findChildren(QAbstractButton) if b.text() == "&Enregistrer"
            or b.text() == "Enregistrer"]
    assert save, [b.text() for b in files.findChildren(QAbstractButton)]


def test_detector_flags_english(qtbot, french) -> None:
    """The check itself can fail: an English label is caught and named."""
    label = QLabel("Saved articles will appear here.")
    combo = QComboBox()
    combo.addItem("Pick the model you want")
    holder = QWidget()
    label.setParent(holder)
    combo.setParent(holder)
    qtbot.addWidget(holder)
    holder.show()
    problems = untranslated(visible_texts(holder))
    assert any("Saved articles will appear here." in p for p in problems)
    assert any("Pick the model you want" in p for p in problems)
    french_label = QLabel(QCoreApplication.translate("LibraryPanel",
                                                     "Saved articles will appear here."))
    assert french_label.text() == "Les articles enregistrés apparaîtront ici."


def test_switching_language_at_run_time_retranslates_and_keeps_values(qtbot) -> None:
    from app.ui.dialogs.settings_dialog import SettingsDialog

    app = QApplication.instance()
    dialog = SettingsDialog(Settings(theme="dark", tone="expert"))
    qtbot.addWidget(dialog)
    assert dialog._tabs.tabText(2) == "Writing"
    try:
        install_translators(app, "fr")
        qtbot.waitUntil(lambda: dialog._tabs.tabText(2) == "Rédaction")
        assert dialog.theme.currentText() == "Sombre"
        assert dialog.settings().theme == "dark" and dialog.settings().tone == "expert"
    finally:
        install_translators(app, "en")
    qtbot.waitUntil(lambda: dialog._tabs.tabText(2) == "Writing")
    assert dialog.theme.currentText() == "Dark"


def clipped_buttons(root: QWidget) -> list[str]:
    """Visible buttons narrower than their text needs (e.g. "Fermer", "Enregistrer"): the
    label's width in the button's font, its icon, and the style sheet's padding (12 px a
    side, app.qss) and border."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QPushButton

    out = []
    for button in root.findChildren(QAbstractButton):
        if not (button.isVisibleTo(root) and button.text()):
            continue
        need = button.sizeHint().width()
        if isinstance(button, QPushButton):
            text = QFontMetrics(button.font()).horizontalAdvance(button.text().replace("&", ""))
            icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
            need = max(need, text + icon + 2 * 12 + 2)
        if button.width() < need:
            out.append(f"{button.text()!r} {button.width()} < {need}")
    return out


def test_no_button_is_clipped_in_french(qtbot, french, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow

    from app.ui import menus
    from app.ui.actions import Actions
    from app.ui.dialogs.settings_dialog import SettingsDialog
    from app.ui.dialogs.unsaved_changes import UnsavedChangesBox
    from app.ui.dialogs.write_choice import WriteChoiceBox
    from app.ui.main_window import MainWindow
    from app.ui.theme import apply_theme
    from app.ui.ui_state import UiState

    app = QApplication.instance()
    sheet, palette = app.styleSheet(), app.palette()
    apply_theme(app, "light")                          # the style sheet's padding applies
    window = MainWindow(Settings(ui_language="fr"), ui_state=UiState(tmp_path / "ui.ini"),
                        start_connection=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    holder = QMainWindow()
    qtbot.addWidget(holder)
    menus.show_shortcuts(holder, Actions(holder).shortcut_rows())
    files = QFileDialog(None, "x", str(tmp_path))
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    roots: list[QWidget] = [window, SettingsDialog(Settings()), files,
                            UnsavedChangesBox(can_save=True), WriteChoiceBox(2, "Pourquoi"),
                            *holder.findChildren(QDialog)]
    problems = []
    for root in roots:
        qtbot.addWidget(root)
        root.show()
        QCoreApplication.processEvents()
        problems += clipped_buttons(root)
    window.show_batch()
    QCoreApplication.processEvents()
    problems += clipped_buttons(window)
    window.close()
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    assert not problems, "\n".join(problems)


def test_core_errors_show_in_french(qtbot, french, tmp_path: Path, ollama_down_url: str,
                                    fake_ollama) -> None:
    """Errors core writes in English (the command line's words) reach the French window in
    French: Ollama down and a model missing, raised by the real client over HTTP, shown in
    the window's message bar; the host and model names stay as they are."""
    from app.core.errors import PlumeError
    from app.core.llm.client import OllamaService
    from app.ui.errors import present_error
    from app.ui.locale import set_ui_language
    from app.ui.main_window import MainWindow
    from app.ui.ui_state import UiState

    set_ui_language("fr")
    try:
        window = MainWindow(Settings(host=ollama_down_url, ui_language="fr"),
                            ui_state=UiState(tmp_path / "ui.ini"), start_connection=False)
        qtbot.addWidget(window)
        window.show()
        errors: list[PlumeError] = []
        for call in (lambda: OllamaService(ollama_down_url).list_models(),
                     lambda: OllamaService(fake_ollama.url).show("absent:7b")):
            with pytest.raises(PlumeError) as caught:
                call()
            errors.append(caught.value)
        shown = []
        for error in errors:
            assert error.message.isascii()      # core's own words are English…
            text = present_error(window, error)
            assert text is not None
            shown.append(window.message_bar.message())
        problems = untranslated((s, "core error") for s in shown)
        assert not problems, "Core errors in English in the French window:\n" + "\n".join(problems)
        host = ollama_down_url.split("//")[-1]
        assert "n’est pas joignable" in shown[0] and host in shown[0], shown[0]
        assert "Démarrez Ollama" in shown[0], shown[0]
        assert "« absent:7b » n’est pas installé" in shown[1], shown[1]
    finally:
        set_ui_language("en")


def test_every_error_code_core_raises_is_worded_in_french() -> None:
    """A new coded error without French words would show English in the French window.
    Coded errors are raised by app/core/errors.py, the model clients (app/core/llm), export
    (app/core/export), the library (app/core/store), settings and keyword lists."""
    import json

    codes: set[str] = set()
    core = Path(__file__).resolve().parents[2] / "app" / "core"
    for path in [core / "errors.py", core / "settings.py", core / "batch" / "keywords.py",
                 *(core / "llm").glob("*.py"), *(core / "export").glob("*.py"),
                 *(core / "store").glob("*.py")]:
        codes |= set(re.findall(r'\bcode ?= ?[^\n,]*?"([a-z_]{3,})"', path.read_text(encoding="utf-8")))
    words = json.loads(resource_path("messages", "fr", "errors.json").read_text("utf-8"))
    assert {"unreachable_local", "model_not_installed", "timeout", "export_not_allowed",
            "library_open_failed", "settings_unreadable", "keywords_unreadable",
            "file_empty", "front_matter_invalid_at"} <= codes
    assert codes <= set(words), sorted(codes - set(words))
    hintless = [c for c in codes if "hint" not in words[c] and c.startswith(
        ("export_", "library_", "settings_", "keywords_", "file_", "front_matter_"))]
    assert hintless == []     # else the English hint would show under the French message


def test_export_library_settings_and_keyword_errors_show_in_french(
        qtbot, french, tmp_path: Path) -> None:
    """Errors raised by the real core code when an export folder is missing, the library
    file is not a library, the settings file is unreadable, a keyword list is missing, or
    File ▸ Open is given an empty file or an unclosed front matter: shown in the French
    window's message bar, in French, with their paths as they are."""
    from app.core.batch.keywords import parse_file
    from app.core.errors import PlumeError, SettingsError
    from app.core.export.files import atomic_write
    from app.core.settings import load_settings
    from app.ui.errors import present_error
    from app.ui.locale import set_ui_language
    from app.ui.main_window import MainWindow
    from app.ui.ui_state import UiState

    (tmp_path / "not-a-library.sqlite3").write_bytes(b"this is not SQLite" * 100)
    errors: list[PlumeError] = []
    for call in (lambda: atomic_write(tmp_path / "missing" / "article.md", "# Title\n"),
                 lambda: Library(tmp_path / "not-a-library.sqlite3"),
                 lambda: parse_file(tmp_path / "keywords.txt")):
        with pytest.raises(PlumeError) as caught:
            call()
        errors.append(caught.value)
    broken = tmp_path / "settings.json"
    broken.write_text("{ not json", encoding="utf-8")
    reported: list[SettingsError] = []
    load_settings(broken, on_error=reported.append)
    errors += reported
    assert [e.code for e in errors] == ["export_folder_missing", "library_open_failed",
                                        "keywords_unreadable", "settings_unreadable"]
    set_ui_language("fr")
    try:
        window = MainWindow(Settings(ui_language="fr"), ui_state=UiState(tmp_path / "ui.ini"),
                            start_connection=False)
        qtbot.addWidget(window)
        window.show()
        shown = []
        for error in errors:
            assert error.message.isascii()      # core's own words are English…
            assert present_error(window, error) is not None
            shown.append(window.message_bar.message())
        problems = untranslated((s, "core error") for s in shown)
        assert not problems, "Core errors in English in the French window:\n" + "\n".join(problems)
        assert "Le dossier" in shown[0] and "n’existe pas" in shown[0], shown[0]
        assert str(tmp_path / "missing") in shown[0], shown[0]
        assert "Impossible d’ouvrir la bibliothèque" in shown[1], shown[1]
        assert "Impossible de lire" in shown[2] and "keywords.txt" in shown[2], shown[2]
        assert "n’a pas pu être lu" in shown[3] and "settings.json.bak" in shown[3], shown[3]
        # File ▸ Open refuses an empty file and an unclosed front matter, in French too.
        (tmp_path / "empty.md").write_text("  \n\n", encoding="utf-8")
        (tmp_path / "open.md").write_text("---\ntitle: Vélo\n\n# Vélo\n\nTexte.\n",
                                          encoding="utf-8")
        refused = []
        for name in ("empty.md", "open.md"):
            assert not window.open_file(tmp_path / name)
            refused.append(window.message_bar.message())
        problems = untranslated((s, "open error") for s in refused)
        assert not problems, "File errors in English in the French window:\n" + "\n".join(problems)
        assert "ne contient que des espaces" in refused[0], refused[0]
        assert "n’est jamais fermé" in refused[1] and "« --- »" in refused[1], refused[1]
    finally:
        set_ui_language("en")


def test_the_toolbar_follows_a_language_switch_at_run_time(make_window, qtbot) -> None:
    """Changing the interface language in Settings retitles the toolbar's actions, not only
    the menus (they stayed English until a restart)."""
    window = make_window()
    assert window.actions.write_article.text().replace("&", "") == "Write article"
    try:
        install_translators(QApplication.instance(), "fr")
        qtbot.waitUntil(lambda: window.actions.write_article.text().replace("&", "") == "Rédiger l’article")
        assert window.actions.generate_outline.text().replace("&", "").startswith("Générer")
    finally:
        install_translators(QApplication.instance(), "en")
    qtbot.waitUntil(lambda: window.actions.write_article.text().replace("&", "") == "Write article")
