"""Editing tools on a 10,000-word article: find, replace all, scroll sync, a rule fix.

    python -m bench.editing [--words 10000] [--runs 5]

Each number is the time one action holds the GUI thread (median of N runs). What runs while
the writer types or the model streams (find as you type, scroll sync, the outline mark) is
held to the streaming stall budget (30 ms); what a click triggers once (Fix) to 100 ms, the
usual limit for a response that feels immediate; Replace all of 1,000+ matches to 250 ms.
1. Find: typing a query that matches ~1 word in 6 ("the"): count + tints around the view.
2. Replace all of that query (one undo step), then undo.
3. Scroll sync: the preview target for the editor's top line (heading anchors).
4. Outline mark: the section under the cursor.
5. "Fix" of the paragraph-length check: the rule fix + the one-step text change.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from dataclasses import replace

STALL_BUDGET_MS = 30.0
REPLACE_BUDGET_MS = 250.0
CLICK_BUDGET_MS = 100.0
SENTENCE = "The compost heap needs air, water and time before it turns into humus. "


def article_text(words: int) -> str:
    per_section = 600
    sections = []
    for n in range(max(1, words // per_section)):
        para = (SENTENCE * 8).strip()
        long_para = (SENTENCE * 14).strip() if n % 4 == 0 else para
        sections.append(f"## Part {n + 1}\n\n" + "\n\n".join([long_para] + [para] * 5))
    return "# Compost at home\n\n" + "\n\n".join(sections) + "\n"


def _ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QSplitter, QVBoxLayout, QWidget

    from app.core.models import Article, Language
    from app.core.review.fixers import fixes_for_check
    from app.core.review.fixes import apply_fix
    from app.ui.controllers.section_sync import SectionSync
    from app.ui.editor.article_editor import ArticleEditor, count_words
    from app.ui.editor.find_bar import FindBar
    from app.ui.editor.preview_pane import PreviewPane

    app = QApplication.instance() or QApplication([])
    host = QWidget()
    layout = QVBoxLayout(host)
    split = QSplitter(host)
    editor = ArticleEditor(split)
    preview = PreviewPane(editor.toPlainText, split)
    layout.addWidget(split)
    bar = FindBar(editor, host)
    layout.addWidget(bar)
    host.resize(1280, 720)
    host.show()
    text = article_text(args.words)
    editor.set_markdown(text)
    preview.render_now()
    end = time.monotonic() + 20
    while not preview.html() and time.monotonic() < end:
        app.processEvents()
    sync = SectionSync(editor, preview)
    print(f"article: {count_words(text):,} words, {len(text):,} characters")

    bar.open_find()
    bar.find_field.setText("the")
    rows = [("find 'the' (count + tints)", _ms(bar._research, args.runs), STALL_BUDGET_MS)]
    matches = len(bar.matches())

    def replace_all() -> None:
        bar.replace_field.setText("a")
        bar.replace_all()
        editor.undo()
    rows.append((f"replace all ({matches:,} matches) + undo", _ms(replace_all, args.runs),
                 REPLACE_BUDGET_MS))
    assert editor.toPlainText() == text, "undo restores the article"
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum() // 2)
    rows.append(("scroll sync target", _ms(sync.preview_target, args.runs), STALL_BUDGET_MS))
    html = preview.html()

    def after_render() -> None:   # the first sync after a re-render lays the preview out
        preview.setHtml(html)
        start = time.perf_counter()
        sync.preview_target()
        after_render.ms = (time.perf_counter() - start) * 1000   # type: ignore[attr-defined]
    first = []
    for _ in range(args.runs):
        after_render()
        first.append(after_render.ms)  # type: ignore[attr-defined]
    rows.append(("scroll sync, first after a re-render", statistics.median(first),
                 STALL_BUDGET_MS))
    cursor = editor.textCursor()
    cursor.setPosition(len(text) // 2)
    editor.setTextCursor(cursor)
    rows.append(("section under the cursor",
                 _ms(lambda: editor.section_bounds(editor.textCursor().position()), args.runs),
                 STALL_BUDGET_MS))
    item = Article(keyword="compost at home", language=Language.EN, title="Compost at home",
                   meta_description="", slug="compost-at-home", body=text)

    def fix() -> None:
        fixed = item
        for one in fixes_for_check(item, "paragraph_length"):
            fixed = apply_fix(fixed, one)
        editor.apply_text(fixed.body)
        editor.undo()
    fixes_for_check(replace(item), "paragraph_length")      # warm the analysis imports
    rows.append(("Fix: split long paragraphs + undo", _ms(fix, args.runs), CLICK_BUDGET_MS))
    for name, ms, budget in rows:
        verdict = "ok" if ms <= budget else "OVER"
        print(f"{name:<40} {ms:8.1f} ms   budget {budget:.0f} ms   {verdict}")
    host.close()


if __name__ == "__main__":
    main()
