"""A draft is offered for recovery only when the process that wrote it is gone: a second
window on the same library never sees the first one's live text as a crash."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from app.core.store import Library

_WRITER = textwrap.dedent("""
    import sys
    from app.core.models import Article, Language
    from app.core.store import Library
    lib = Library(sys.argv[1])
    lib.autosave(None, Article("kw", Language.EN, "T", "", "", "# T\\n\\nLive text of window one."))
    print("ready", flush=True)
    sys.stdin.readline()          # stays open like a running window
""")


def test_live_window_draft_is_not_offered_until_its_process_dies(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    first = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "ready"
        with Library(path) as second:
            assert second.recoverable() == []        # window one is still writing it
    finally:
        first.kill()
        first.wait()
    with Library(path) as next_start:
        [draft] = next_start.recoverable()
        assert next_start.load_draft(draft.draft_id).body.endswith("Live text of window one.")
