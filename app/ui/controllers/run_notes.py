"""What the writing flow repaired or flags in a run ("section 2: much shorter than asked"),
said once the run is over, in the message bar — so nothing is silently accepted as complete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from app.core.generation.events import Notice
from app.ui.locale import ui_language

# Notices a writer should act on; the others (a meta description fitted, a slug rebuilt…)
# are routine repairs that the article already shows.
FLAGS = frozenset({"section_flagged", "plan_fallback", "faq_skipped", "step_time_capped",
                   "introduction_missing", "keyword_missing_in_title", "prompt_truncated",
                   "context_capped"})
SHOWN = 3


class RunNotes(QObject):
    def __init__(self, generation: Any, message_bar: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bar = message_bar
        self.notes: list[str] = []
        self._kind = ""
        generation.run_started.connect(self._reset)
        generation.notice_received.connect(self._on_notice)
        generation.run_finished.connect(self._show)

    def _reset(self, kind: str = "") -> None:
        self.notes = []
        self._kind = kind

    def _on_notice(self, notice: Notice) -> None:
        if notice.code in FLAGS:
            from app.core.generation.notices import describe

            text = describe(notice, ui_language())
            if text not in self.notes:
                self.notes.append(text)

    def _show(self) -> None:
        if not self.notes:
            return
        listed = self.tr("; ").join(self.notes[:SHOWN])   # French: " ; "
        if len(self.notes) > SHOWN:
            listed += self.tr(" (and {0} more)").format(len(self.notes) - SHOWN)
        text = self.tr("Check before publishing: {0}.").format(listed)
        if self._bar.isVisible() and self._bar.title.text():   # e.g. the self-review's summary
            current = self._bar.text.text()
            self._bar.text.setText(f"{current}  {text}".strip())
            self._bar.text.setVisible(True)
        else:
            title = (self.tr("Outline ready, with notes") if self._kind == "plan"
                     else self.tr("Written, with notes"))
            self._bar.show_info(title, text)
        self._bar.setToolTip("\n".join(self.notes))
