"""Choose the model: installed models first, then models suggested for this machine's RAM
(not installed yet: choosing one asks to pull it), then "Pull another model…".

    picker = ModelPicker(parent)
    connection.status_changed.connect(lambda s: picker.set_models(list(s.models)))
    picker.model_changed.connect(generation_controller.set_model)
    picker.pull_requested.connect(window.open_pull_dialog)   # model name ("" = ask)

Details under the combo: size, family, parameters, quantisation, context length, and
capability badges (thinking, tools, vision…).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.model_advice import CATALOGUE, ModelAdvice, suggest_models, total_ram_bytes

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole
INSTALLED, SUGGESTED, PULL_OTHER = "installed", "suggested", "pull"
_BADGE_STYLE = (
    "QLabel { border-radius: 6px; padding: 1px 6px; background: palette(highlight); "
    "color: palette(highlighted-text); }"
)


class ModelPicker(QWidget):
    # ---- Signals
    model_changed = Signal(str)
    pull_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, ram_bytes: int | None = -1) -> None:
        super().__init__(parent)
        self._ram = total_ram_bytes() if ram_bytes == -1 else ram_bytes
        self._models: list[Any] = []
        self._current = ""
        self._preferred = ""
        self._expected = ""   # asked to be pulled: selected as soon as it is installed
        self._combo = QComboBox(self)
        self._combo.setMinimumContentsLength(18)
        self._combo.activated.connect(self._on_activated)
        self._details = QLabel(self)
        self._details.setWordWrap(True)
        self._details.setTextFormat(Qt.TextFormat.PlainText)   # from the server
        self._details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._badges = QHBoxLayout()
        self._badges.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._combo)
        layout.addWidget(self._details)
        layout.addLayout(self._badges)
        self.retranslate_ui()

    # ---- Public API

    def set_preferred(self, name: str) -> None:
        """The model to select when the list arrives (e.g. `settings.default_model`)."""
        self._preferred = name.strip()

    def expect_model(self, name: str) -> None:
        """Select `name` as soon as a later `set_models` lists it (after a pull)."""
        self._expected = name.strip()

    def set_models(self, models: Sequence[Any], preferred: str | None = None) -> None:
        """Installed models (`ModelInfo`). Keeps the current choice when still installed;
        otherwise selects the preferred model if installed, else the first one."""
        if preferred is not None:
            self.set_preferred(preferred)
        self._models = sorted(models, key=lambda m: m.name.lower())
        names = [m.name for m in self._models]
        expected = [n for n in names
                    if self._expected and self._expected in (n, n.removesuffix(":latest"))]
        if expected:
            self._expected = ""
            if expected[0] != self._current:
                self._current = expected[0]
                self._rebuild()
                self.model_changed.emit(self._current)
                return
        if self._current not in names:
            wanted = [n for n in names
                      if self._preferred and self._preferred in (n, n.removesuffix(":latest"))]
            self._current = wanted[0] if wanted else (names[0] if names else "")
            self._rebuild()
            self.model_changed.emit(self._current)
        else:
            self._rebuild()

    def set_current(self, name: str) -> bool:
        """Select an installed model by name (e.g. the default from settings)."""
        for model in self._models:
            if name in (model.name, model.name.removesuffix(":latest")):
                if model.name != self._current:
                    self._current = model.name
                    self._rebuild()
                    self.model_changed.emit(self._current)
                return True
        return False

    def current_model(self) -> str:
        return self._current

    def current_info(self) -> Any:
        return next((m for m in self._models if m.name == self._current), None)

    def installed_names(self) -> list[str]:
        return [m.name for m in self._models]

    def suggestions(self) -> list[ModelAdvice]:
        installed = {m.name.removesuffix(":latest") for m in self._models}
        return [a for a in suggest_models(self._ram) if a.name not in installed]

    def details_text(self) -> str:
        return self._details.text()

    def badges(self) -> list[str]:
        items = (self._badges.itemAt(i) for i in range(self._badges.count()))
        widgets = (item.widget() for item in items if item is not None)
        return [w.text() for w in widgets if isinstance(w, QLabel)]

    def ask_model_to_pull(self) -> str:
        """Ask which model to pull (tests replace this on the instance)."""
        from PySide6.QtWidgets import QInputDialog  # only when asked: not at start-up

        names = [a.name for a in suggest_models(self._ram, limit=len(CATALOGUE))]
        name, ok = QInputDialog.getItem(
            self, self.tr("Pull a model"),
            self.tr("Model name (as listed on ollama.com/library):"), names, 0, True)
        return name.strip() if ok else ""

    def retranslate_ui(self) -> None:
        self._combo.setToolTip(self.tr("The model that writes your articles"))
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- Private

    def _rebuild(self) -> None:
        combo = self._combo
        combo.blockSignals(True)
        combo.clear()
        for model in self._models:
            combo.addItem(model.name)
            combo.setItemData(combo.count() - 1, model.name, NAME_ROLE)
            combo.setItemData(combo.count() - 1, INSTALLED, KIND_ROLE)
        if not self._models:
            combo.addItem(self.tr("No model installed"))
            combo.setItemData(0, "", NAME_ROLE)
            combo.setItemData(0, "", KIND_ROLE)
        suggestions = self.suggestions()
        if suggestions:
            combo.insertSeparator(combo.count())
            for advice in suggestions:
                label = self.tr("{name} — suggested, not installed ({size} GB download)").format(
                    name=advice.name, size=QLocale().toString(advice.download_gb, "f", 1))
                combo.addItem(label)
                combo.setItemData(combo.count() - 1, advice.name, NAME_ROLE)
                combo.setItemData(combo.count() - 1, SUGGESTED, KIND_ROLE)
                combo.setItemData(combo.count() - 1, self._advice_tooltip(advice),
                                  Qt.ItemDataRole.ToolTipRole)
        combo.insertSeparator(combo.count())
        combo.addItem(self.tr("Pull another model…"))
        combo.setItemData(combo.count() - 1, "", NAME_ROLE)
        combo.setItemData(combo.count() - 1, PULL_OTHER, KIND_ROLE)
        index = combo.findData(self._current, NAME_ROLE) if self._current else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        self._render_details()

    def _on_activated(self, index: int) -> None:
        kind = self._combo.itemData(index, KIND_ROLE)
        name = self._combo.itemData(index, NAME_ROLE) or ""
        if kind == INSTALLED:
            if name != self._current:
                self._current = name
                self._render_details()
                self.model_changed.emit(name)
            return
        # Not a model one can write with yet: go back to the current one, then offer a pull.
        self._rebuild()
        if kind == SUGGESTED:
            self.expect_model(name)
            self.pull_requested.emit(name)
        elif kind == PULL_OTHER:
            chosen = self.ask_model_to_pull()
            if chosen:
                self.expect_model(chosen)
                self.pull_requested.emit(chosen)

    def _render_details(self) -> None:
        while self._badges.count():
            item = self._badges.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        info = self.current_info()
        if info is None:
            self._details.setText(self._no_model_text())
            return
        locale = QLocale()
        parts = []
        if info.size_bytes:
            parts.append(self.tr("{size} GB on disk").format(
                size=locale.toString(info.size_bytes / 1e9, "f", 1)))
        if info.family:
            parts.append(self.tr("family {family}").format(family=info.family))
        if info.parameter_size:
            parts.append(self.tr("{params} parameters").format(params=info.parameter_size))
        if info.quantization:
            parts.append(self.tr("quantisation {quant}").format(quant=info.quantization))
        if info.context_length:
            parts.append(self.tr("context {tokens} tokens").format(
                tokens=locale.toString(int(info.context_length))))
        self._details.setText(" · ".join(parts))
        for capability in sorted(info.capabilities):
            if capability == "completion":
                continue  # every text model has it: not worth a badge
            badge = QLabel(self._badge_text(capability), self)
            badge.setStyleSheet(_BADGE_STYLE)
            self._badges.addWidget(badge)
        self._badges.addStretch(1)

    def _badge_text(self, capability: str) -> str:
        names = {
            "thinking": self.tr("thinking"), "tools": self.tr("tools"),
            "vision": self.tr("vision"), "embedding": self.tr("embeddings"),
            "insert": self.tr("fill-in"),
        }
        return names.get(capability, capability)

    def _no_model_text(self) -> str:
        if self._ram:
            gb = QLocale().toString(self._ram / 1024**3, "f", 0)
            return self.tr("No model installed yet. Suggested for this computer ({gb} GB of "
                           "memory): pick one in the list to pull it.").format(gb=gb)
        return self.tr("No model installed yet: pick a suggested model in the list to pull it.")

    def _advice_tooltip(self, advice: ModelAdvice) -> str:
        strengths = {
            "best_quality": self.tr("best writing quality"), "french": self.tr("good French"),
            "fast": self.tr("fast"), "long_context": self.tr("long context"),
            "balanced": self.tr("balanced"), "english": self.tr("good English"),
            "small_machines": self.tr("for small machines"),
        }
        text = ", ".join(strengths.get(s, s) for s in advice.strengths)
        line = self.tr("{params} parameters, needs about {ram} GB of memory").format(
            params=advice.parameters, ram=advice.min_ram_gb)
        if advice.thinking:
            line += " · " + self.tr("can think before writing")
        return f"{text}\n{line}"
