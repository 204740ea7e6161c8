"""Starting with a damaged library: the writer sees where the old file went, and the
library, Save and autosave work (before: no library, Ctrl+S did nothing)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.ui import bootstrap
from tests.ui.main_window_fixtures import make_window, no_keyring  # noqa: F401


def test_damaged_library_is_moved_aside_and_said(make_window, qtbot, tmp_path: Path,  # noqa: F811
                                                  monkeypatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "library.sqlite3").write_bytes(b"garbage, not a database" * 50)
    monkeypatch.setenv("PLUME_DATA_DIR", str(data))
    window = make_window()
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        bootstrap.after_first_frame(window, [])
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
    [aside] = data.glob("library.sqlite3.damaged-*")
    assert window.message_bar.isVisible()
    assert str(aside) in window.message_bar.message()
    window.editor.set_markdown("# Kept\n\nA new article in the fresh library.")
    window.actions.save_article.trigger()
    assert [s.title for s in window.library.list()] == ["Kept"]
    window.library.close()
