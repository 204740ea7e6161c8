"""Settings, in four tabs (General / Ollama / Writing / Export).

    dialog = SettingsDialog(settings, parent, models=[m.name for m in status.models])
    if dialog.exec():
        new_settings = dialog.settings()      # then save_settings(...) and apply

The access token never goes into `Settings`: it is read and written through
`app.core.secrets` in a background task (keyring may block on an unlock prompt). When no
keychain works the token field is disabled and the dialog says so; nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.hosts import normalize_host
from app.core.languages import packs
from app.core.models import Language, Tone
from app.core.settings import (
    AUTOSAVE_RANGE,
    NUM_CTX_RANGE,
    READ_TIMEOUT_RANGE,
    TARGET_WORDS_RANGE,
    TEMPERATURE_RANGE,
    Settings,
    validate,
)
from app.ui.dialogs.token_field import TokenField


class SettingsDialog(QDialog):
    # ---- Signals
    token_state_loaded = Signal(bool, bool)   # keychain usable, token present
    token_saved = Signal()
    token_failed = Signal(str)
    connection_tested = Signal(bool)          # Test connection: the host answered

    CONNECTION_PAGE = 1

    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 models: Sequence[str] = (), page: int = 0) -> None:
        super().__init__(parent)
        self._original = settings
        self._tabs = QTabWidget(self)
        self._build_general()
        self._build_ollama()
        self._build_writing(models)
        self._build_export()
        self._error = QLabel(self)
        self._error.setStyleSheet("color: #b00020;")
        self._error.setWordWrap(True)
        self._error.hide()
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._tabs)
        layout.addWidget(self._error)
        layout.addWidget(self._buttons)
        self._load(settings)
        self.retranslate_ui()
        self.setMinimumWidth(600)
        self.token_field.load_state()
        self._tabs.setCurrentIndex(page)
        if page == self.CONNECTION_PAGE:
            self.host.setFocus()

    # ---- Public API

    def settings(self) -> Settings:
        """The edited settings (valid once the dialog was accepted)."""
        return self._original.with_(
            ui_language=self.ui_language.currentData(),
            theme=self.theme.currentData(),
            autosave_seconds=self.autosave.value(),
            host=normalize_host(self.host.text()),
            extra_hosts=tuple(
                normalize_host(line) for line in self.extra_hosts.toPlainText().splitlines()
                if line.strip()
            ),
            read_timeout_seconds=self.read_timeout.value(),
            default_model=self.default_model.currentText().strip(),
            article_language=Language(self.article_language.currentData()),
            tone=Tone(self.tone.currentData()),
            target_words=self.target_words.value(),
            num_ctx=None if self.num_ctx_auto.isChecked() else self.num_ctx.value(),
            temperature=round(self.temperature.value(), 2),
            think=self.think.currentData(),
            self_review=self.self_review.isChecked(),
            export_preset=self.export_preset.currentData(),
            site_url=self.site_url.text().strip(),
            author=self.author.text().strip(),
        )

    def accept(self) -> None:
        problems = validate(self.settings())
        if problems:
            self._show_problem(problems[0].field, problems[0].code)
            return
        if self.token_field.dirty and self.token_field.keyring_ok:
            self.token_field.save(owner=self.parent() or self)  # finishes after we close
        super().accept()

    # Shortcuts to the token row (tests and the window use them).
    @property
    def token(self) -> QLineEdit:
        return self.token_field.token

    @property
    def token_status(self) -> QLabel:
        return self.token_field.status

    @property
    def save_token_button(self) -> QPushButton:
        return self.token_field.save_button

    @property
    def remove_token_button(self) -> QPushButton:
        return self.token_field.remove_button

    @property
    def _keyring_ok(self) -> bool | None:
        return self.token_field.keyring_ok

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for index, title in enumerate((self.tr("General"), self.tr("Ollama"),
                                       self.tr("Writing"), self.tr("Export"))):
            self._tabs.setTabText(index, title)
        _set_items(self.ui_language, [(self.tr("Same as the system"), "system"),
                                      ("Français", "fr"), ("English", "en")])
        _set_items(self.theme, [(self.tr("Same as the system"), "system"),
                                (self.tr("Light"), "light"), (self.tr("Dark"), "dark")])
        # Enum members go in as plain strings (Qt stores str-enums as str).
        names = {Language.FR.value: self.tr("French"), Language.EN.value: self.tr("English")}
        _set_items(self.article_language, [(names.get(lp.code, lp.native_name), lp.code)
                                           for lp in packs()])
        _set_items(self.tone, [
            (self.tr("Neutral"), Tone.NEUTRAL.value), (self.tr("Friendly"), Tone.FRIENDLY.value),
            (self.tr("Professional"), Tone.PROFESSIONAL.value),
            (self.tr("Expert"), Tone.EXPERT.value),
            (self.tr("Persuasive"), Tone.PERSUASIVE.value)])
        _set_items(self.think, [
            (self.tr("Model default"), None), (self.tr("Off"), False), (self.tr("On"), True),
            (self.tr("Low effort"), "low"), (self.tr("Medium effort"), "medium"),
            (self.tr("High effort"), "high")])
        _set_items(self.export_preset, [
            (self.tr("Markdown with simple front matter"), "plain"), ("Hugo", "hugo"),
            ("Jekyll", "jekyll"), ("Astro", "astro"),
            (self.tr("Markdown without front matter"), "none")])
        labels = {
            self.ui_language: self.tr("Interface language:"),
            self.theme: self.tr("Theme:"),
            self.autosave: self.tr("Autosave every:"),
            self.host: self.tr("Ollama host:"),
            self.extra_hosts: self.tr("Extra hosts for batch runs:"),
            self.token_field: self.tr("Access token:"),
            self.read_timeout: self.tr("Answer timeout:"),
            self.default_model: self.tr("Default model:"),
            self.article_language: self.tr("Article language:"),
            self.tone: self.tr("Tone:"),
            self.target_words: self.tr("Target length:"),
            self.num_ctx_row: self.tr("Context window:"),
            self.temperature: self.tr("Temperature:"),
            self.think: self.tr("Thinking:"),
            self.export_preset: self.tr("Export format:"),
            self.site_url: self.tr("Site URL:"),
            self.author: self.tr("Author:"),
        }
        for field, text in labels.items():
            label = self._labels.get(field)
            if label is not None:
                label.setText(text)
        self.autosave.setSuffix(self.tr(" s"))
        self.read_timeout.setSuffix(self.tr(" s"))
        self.target_words.setSuffix(self.tr(" words"))
        self.num_ctx.setSuffix(self.tr(" tokens"))
        self.num_ctx_auto.setText(self.tr("Automatic"))
        self.num_ctx_auto.setToolTip(self.tr(
            "Plume sizes the context for each request so long prompts are never cut."))
        self.self_review.setText(self.tr("Review each article once it is written"))
        self.test_button.setText(self.tr("Test connection"))
        self.host.setPlaceholderText("http://127.0.0.1:11434")
        self.extra_hosts.setPlaceholderText(self.tr("One URL per line, e.g. http://gpu-2:11434"))
        self.site_url.setPlaceholderText("https://example.com")
        self.temperature.setToolTip(self.tr("Lower is more predictable, higher more varied."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- Private: building

    def _form(self) -> QFormLayout:
        page = QWidget(self._tabs)
        self._tabs.addTab(page, "")
        return QFormLayout(page)

    def _row(self, form: QFormLayout, field: QWidget) -> None:
        label = QLabel(form.parentWidget())
        label.setBuddy(field)
        self._labels[field] = label
        form.addRow(label, field)

    def _build_general(self) -> None:
        self._labels: dict[QWidget, QLabel] = {}
        form = self._form()
        self.ui_language = QComboBox()
        self.ui_language.setObjectName("uiLanguage")  # items are endonyms, never translated
        self.theme = QComboBox()
        self.autosave = _spin(*AUTOSAVE_RANGE)
        for field in (self.ui_language, self.theme, self.autosave):
            self._row(form, field)

    def _build_ollama(self) -> None:
        form = self._form()
        self.host = QLineEdit()
        self._host_debounce = QTimer(self)
        self._host_debounce.setSingleShot(True)
        self._host_debounce.setInterval(400)
        self.token_field = TokenField(lambda: normalize_host(self.host.text()))
        self.token_field.state_loaded.connect(self.token_state_loaded)
        self.token_field.saved.connect(self.token_saved)
        self.token_field.failed.connect(self.token_failed)
        self._host_debounce.timeout.connect(self.token_field.load_state)  # per host
        self.host.textEdited.connect(self._host_debounce.start)
        self.extra_hosts = QPlainTextEdit()
        self.extra_hosts.setMaximumHeight(70)
        self.read_timeout = _spin(*READ_TIMEOUT_RANGE)
        for field in (self.host, self.extra_hosts, self.token_field):
            self._row(form, field)
        form.addRow(self.token_field.status)
        self._row(form, self.read_timeout)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(form.parentWidget())
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel(form.parentWidget())
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)    # may quote a server
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)
        form.addRow(test_row)

    # ---- Public API: Test connection

    def test_connection(self) -> None:
        """Ask the host typed here (with its token) for its models, in the background."""
        settings = self._original.with_(host=normalize_host(self.host.text()),
                                        read_timeout_seconds=self.read_timeout.value())
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Testing…"))

        def probe() -> tuple[str, int]:
            from app.application import Plume

            plume = Plume(settings)
            url = plume.host()
            return url, len(plume.probe(url))

        from app.ui.workers.task_runner import run_in_background

        run_in_background(probe, self._on_test_ok, self._on_test_failed, owner=self)

    def _on_test_ok(self, result: tuple[str, int]) -> None:
        url, count = result
        self.test_button.setEnabled(True)
        self.test_result.setText(self.tr("Connected to {0}: {1} model(s) installed.").format(
            url, count))
        self.connection_tested.emit(True)

    def _on_test_failed(self, exc: BaseException) -> None:
        from app.ui.errors import describe_error

        text = describe_error(exc)
        self.test_button.setEnabled(True)
        self.test_result.setText(f"{text.title}: {text.message}")
        self.connection_tested.emit(False)

    def _build_writing(self, models: Sequence[str]) -> None:
        form = self._form()
        self.default_model = QComboBox()
        self.default_model.setEditable(True)
        self.default_model.addItems(list(models))
        self.article_language = QComboBox()
        self.tone = QComboBox()
        self.target_words = _spin(*TARGET_WORDS_RANGE)
        self.target_words.setSingleStep(100)
        self.num_ctx_row = QWidget()
        self.num_ctx_auto = QCheckBox()
        self.num_ctx = _spin(*NUM_CTX_RANGE)
        self.num_ctx.setSingleStep(2048)
        self.num_ctx_auto.toggled.connect(lambda on: self.num_ctx.setEnabled(not on))
        row = QHBoxLayout(self.num_ctx_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.num_ctx_auto)
        row.addWidget(self.num_ctx, 1)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(*TEMPERATURE_RANGE)
        self.temperature.setSingleStep(0.05)
        self.think = QComboBox()
        self.self_review = QCheckBox()
        for field in (self.default_model, self.article_language, self.tone, self.target_words,
                      self.num_ctx_row, self.temperature, self.think):
            self._row(form, field)
        form.addRow("", self.self_review)

    def _build_export(self) -> None:
        form = self._form()
        self.export_preset = QComboBox()
        self.site_url = QLineEdit()
        self.author = QLineEdit()
        for field in (self.export_preset, self.site_url, self.author):
            self._row(form, field)

    def _load(self, s: Settings) -> None:
        self.retranslate_ui()  # fills the combo boxes before selecting values
        _select(self.ui_language, s.ui_language)
        _select(self.theme, s.theme)
        self.autosave.setValue(s.autosave_seconds)
        self.host.setText(s.host)
        self.extra_hosts.setPlainText("\n".join(s.extra_hosts))
        self.read_timeout.setValue(s.read_timeout_seconds)
        self.default_model.setCurrentText(s.default_model)
        _select(self.article_language, str(s.article_language))
        _select(self.tone, str(s.tone))
        self.target_words.setValue(s.target_words)
        self.num_ctx_auto.setChecked(s.num_ctx is None)
        self.num_ctx.setEnabled(s.num_ctx is not None)
        self.num_ctx.setValue(s.num_ctx or 8192)
        self.temperature.setValue(s.temperature)
        _select(self.think, s.think)
        self.self_review.setChecked(s.self_review)
        _select(self.export_preset, s.export_preset)
        self.site_url.setText(s.site_url)
        self.author.setText(s.author)

    def _show_problem(self, field: str, code: str) -> None:
        messages = {
            "host": self.tr("This is not a valid Ollama address. Use a URL such as "
                            "http://127.0.0.1:11434."),
            "extra_hosts": self.tr("One of the extra hosts is not a valid URL (e.g. "
                                   "http://gpu-2:11434)."),
            "site_url": self.tr("The site URL must be a full address, e.g. "
                                "https://example.com."),
        }
        tabs = {"host": 1, "extra_hosts": 1, "site_url": 3}
        self._error.setText(messages.get(field, self.tr("Please check the value of {field}.")
                                         .format(field=field)))
        self._error.show()
        self._tabs.setCurrentIndex(tabs.get(field, 0))


def _spin(low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    return box


def _set_items(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """(Re)fill a combo with (label, data), keeping the selected data across languages."""
    current = combo.currentData() if combo.count() else None
    combo.blockSignals(True)
    combo.clear()
    for label, data in items:
        combo.addItem(label, data)
    combo.blockSignals(False)
    if current is not None or combo.count():
        _select(combo, current if current is not None else items[0][1])


def _select(combo: QComboBox, data: object) -> None:
    for index in range(combo.count()):
        value = combo.itemData(index)
        if value == data and type(value) is type(data):
            combo.setCurrentIndex(index)
            return
