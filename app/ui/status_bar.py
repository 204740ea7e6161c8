"""Status bar: Ollama host and its state, model, phase and section i/n, tokens/s, words."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.ui.styling import set_style_property


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.host = QLabel(self)
        self.host.setProperty("chip", "info")
        self.model = QLabel(self)
        self.phase = QLabel(self)
        self.speed = QLabel(self)
        self.words = QLabel(self)
        for label in (self.host, self.model, self.phase, self.speed, self.words):
            label.setTextFormat(Qt.TextFormat.PlainText)   # host and model names: server text
        self.addWidget(self.host)
        self.addWidget(self.model)
        self.addWidget(self.phase, 1)
        self.addPermanentWidget(self.speed)
        self.addPermanentWidget(self.words)
        self._host_text = ""
        self._host_state = "checking"
        self._model = ""
        self._phase: tuple[str, int, int] = ("idle", 0, 0)
        self._tps = 0.0
        self._words = 0
        self.retranslate_ui()

    # ---- Public API

    def set_host(self, host: str, state: str) -> None:
        self._host_text, self._host_state = host, state
        chip = {"connected": "good", "checking": "info"}.get(state, "bad")
        set_style_property(self.host, "chip", chip)
        self._render()

    def set_model(self, name: str) -> None:
        self._model = name
        self._render()

    def set_phase(self, phase: str, index: int = 0, total: int = 0) -> None:
        self._phase = (phase, index, total)
        self._render()

    def set_tokens_per_second(self, value: float) -> None:
        self._tps = value
        self._render()

    def set_words(self, words: int) -> None:
        self._words = words
        self._render()

    # ---- Qt overrides

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.host.setAccessibleName(self.tr("Ollama connection"))
        self.model.setAccessibleName(self.tr("Model"))
        self.phase.setAccessibleName(self.tr("Generation phase"))
        self.speed.setAccessibleName(self.tr("Tokens per second"))
        self.words.setAccessibleName(self.tr("Word count"))
        self._render()

    # ---- Private

    def _render(self) -> None:
        states = {
            "connected": self.tr("connected"),
            "checking": self.tr("checking…"),
            "unreachable": self.tr("unreachable"),
            "error": self.tr("error"),
        }
        host = self._host_text.replace("http://", "").replace("https://", "") or "—"
        self.host.setText(self.tr("Ollama {0} · {1}").format(
            host, states.get(self._host_state, self._host_state)))
        self.model.setText(self._model or self.tr("no model"))
        phase, index, total = self._phase
        phases = {
            "idle": self.tr("Ready"),
            "planning": self.tr("Planning the outline…"),
            "outline_review": self.tr("Outline ready: review it, then Write"),
            "writing": self.tr("Writing…"),
            "section": (self.tr("Writing the introduction…") if index == 0 else
                        self.tr("Writing section {0}/{1}").format(index, total)),
            "faq": self.tr("Writing the FAQ…"),
            "review": self.tr("Reviewing…"),
            "load": self.tr("Loading the model…"),
            "assemble": self.tr("Assembling…"),
            "done": self.tr("Done"),
            "stopped": self.tr("Stopped: text kept"),
            "failed": self.tr("Stopped by an error: text kept"),
        }
        self.phase.setText(phases.get(phase, phase))
        self.speed.setText(self.tr("{0} tok/s").format(f"{self._tps:.0f}") if self._tps else "")
        self.speed.setVisible(bool(self._tps))
        if self._words == 1:
            self.words.setText(self.tr("1 word"))
        else:
            self.words.setText(self.tr("{0} words").format(
                f"{self._words:,}".replace(",", "\u202f")))
