"""The brief: what the article is about, for whom, how long, in which language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.brief import (
    TARGET_WORDS_MAX,
    TARGET_WORDS_MIN,
    Brief,
    BriefOptions,
    Language,
    PointOfView,
    Tone,
)
from app.core.errors import InputError
from app.core.keyword_rules import normalize_keyword
from app.core.languages import packs
from app.core.textutil import strip_control

MIN_WORDS, MAX_WORDS = TARGET_WORDS_MIN, TARGET_WORDS_MAX


def _section_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "section")
    return label


class BriefPanel(QWidget):
    # ---- Signals
    brief_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        """`parent` may be the QScrollArea that shows the panel: the panel becomes its widget
        now, while it is empty (moving it there once built would re-resolve the style sheet
        for every field: ~23 M instructions before the first frame)."""
        super().__init__(parent)
        if isinstance(parent, QScrollArea):
            parent.setWidget(self)
        self.setObjectName("briefPanel")
        self.keyword = QLineEdit(self)
        self.secondary = QLineEdit(self)
        self.language = QComboBox(self)
        self.audience = QLineEdit(self)
        self.tone = QComboBox(self)
        self.point_of_view = QComboBox(self)
        self.length = QSpinBox(self)
        self.length.setRange(MIN_WORDS, MAX_WORDS)
        self.length.setSingleStep(100)
        self.length.setValue(1200)
        self.faq = QCheckBox(self)
        self.takeaways = QCheckBox(self)
        self.conclusion = QCheckBox(self)
        self.lists = QCheckBox(self)
        for box, on in ((self.faq, True), (self.takeaways, False),
                        (self.conclusion, True), (self.lists, True)):
            box.setChecked(on)
        self.instructions = QPlainTextEdit(self)
        self.instructions.setObjectName("instructions")
        self.instructions.setTabChangesFocus(True)
        self.instructions.setMinimumHeight(70)
        self.instructions.setMaximumHeight(110)
        for lang in Language:
            self.language.addItem("", lang.value)
        for tone in Tone:
            self.tone.addItem("", tone.value)
        for pov in PointOfView:
            self.point_of_view.addItem("", pov.value)
        self.point_of_view.setCurrentIndex(self.point_of_view.findData(PointOfView.SECOND.value))
        for combo in (self.language, self.tone, self.point_of_view):
            # Size to a short minimum, not to the longest (translated) item, so the panel
            # never needs a horizontal scroll bar.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)

        self._topic_title = _section_label(self)
        self._style_title = _section_label(self)
        self._options_title = _section_label(self)
        topic = QFormLayout()
        style = QFormLayout()
        for form in (topic, style):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            form.setHorizontalSpacing(10)
            form.setVerticalSpacing(8)
        self._labels: dict[str, QLabel] = {}
        for key, form, field in (
            ("keyword", topic, self.keyword), ("secondary", topic, self.secondary),
            ("language", topic, self.language), ("audience", style, self.audience),
            ("tone", style, self.tone), ("pov", style, self.point_of_view),
            ("length", style, self.length),
        ):
            label = QLabel(self)
            label.setBuddy(field)
            self._labels[key] = label
            form.addRow(label, field)
        options = QGridLayout()
        options.setHorizontalSpacing(12)
        options.addWidget(self.faq, 0, 0)
        options.addWidget(self.takeaways, 0, 1)
        options.addWidget(self.conclusion, 1, 0)
        options.addWidget(self.lists, 1, 1)
        self._instructions_label = QLabel(self)
        self._instructions_label.setBuddy(self.instructions)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(self._topic_title)
        layout.addLayout(topic)
        layout.addSpacing(6)
        layout.addWidget(self._style_title)
        layout.addLayout(style)
        layout.addSpacing(6)
        layout.addWidget(self._options_title)
        layout.addLayout(options)
        layout.addWidget(self._instructions_label)
        layout.addWidget(self.instructions)
        layout.addStretch(1)

        for edit in (self.keyword, self.secondary, self.audience):
            edit.textChanged.connect(self.brief_changed)
        for combo in (self.language, self.tone, self.point_of_view):
            combo.currentIndexChanged.connect(self.brief_changed)
        self.length.valueChanged.connect(self.brief_changed)
        for box in (self.faq, self.takeaways, self.conclusion, self.lists):
            box.toggled.connect(self.brief_changed)
        self.instructions.textChanged.connect(self.brief_changed)
        self.retranslate_ui()

    # ---- Public API

    def brief(self, *, strict: bool = True) -> Brief:
        """The brief as typed. With `strict`, an empty keyword raises InputError."""
        keyword = normalize_keyword(self.keyword.text())
        if strict and not keyword:
            raise InputError(
                self.tr("The main keyword is empty."),
                hint=self.tr("Type the search query the article should rank for."),
            )
        parts = (" ".join(strip_control(p).split()) for p in self.secondary.text().split(","))
        secondary = tuple(s for s in parts if s)
        return Brief(
            keyword=keyword,
            language=Language(self.language.currentData()),
            secondary_keywords=secondary,
            audience=strip_control(self.audience.text()).strip(),
            tone=Tone(self.tone.currentData()),
            point_of_view=PointOfView(self.point_of_view.currentData()),
            target_words=self.length.value(),
            options=BriefOptions(
                faq=self.faq.isChecked(),
                key_takeaways=self.takeaways.isChecked(),
                conclusion=self.conclusion.isChecked(),
                lists_and_tables=self.lists.isChecked(),
            ),
            instructions=strip_control(self.instructions.toPlainText()).strip(),
        )

    def set_brief(self, brief: Brief) -> None:
        self.keyword.setText(brief.keyword)
        self.secondary.setText(", ".join(brief.secondary_keywords))
        self.language.setCurrentIndex(self.language.findData(brief.language.value))
        self.audience.setText(brief.audience)
        self.tone.setCurrentIndex(self.tone.findData(brief.tone.value))
        self.point_of_view.setCurrentIndex(self.point_of_view.findData(brief.point_of_view.value))
        self.length.setValue(max(MIN_WORDS, min(MAX_WORDS, brief.target_words)))
        self.faq.setChecked(brief.options.faq)
        self.takeaways.setChecked(brief.options.key_takeaways)
        self.conclusion.setChecked(brief.options.conclusion)
        self.lists.setChecked(brief.options.lists_and_tables)
        self.instructions.setPlainText(brief.instructions)

    def set_busy(self, busy: bool) -> None:
        for widget in self.findChildren(QWidget):
            if not isinstance(widget, QLabel):
                widget.setEnabled(not busy)

    # ---- Qt overrides

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self._topic_title.setText(self.tr("Topic"))
        self._style_title.setText(self.tr("Reader and style"))
        self._options_title.setText(self.tr("Include"))
        texts = {
            "keyword": self.tr("&Main keyword"),
            "secondary": self.tr("&Secondary"),
            "language": self.tr("&Language"),
            "audience": self.tr("&Audience"),
            "tone": self.tr("&Tone"),
            "pov": self.tr("&Voice"),
            "length": self.tr("Le&ngth"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        width = max(label.sizeHint().width() for label in self._labels.values())
        for label in self._labels.values():
            label.setMinimumWidth(width)   # both forms share one label column
        self.keyword.setPlaceholderText(self.tr("e.g. best running shoes for flat feet"))
        self.secondary.setPlaceholderText(self.tr("comma-separated, optional"))
        self.audience.setPlaceholderText(self.tr("e.g. beginner runners"))
        self.length.setSuffix(self.tr(" words"))
        self.keyword.setAccessibleName(self.tr("Main keyword"))
        self.secondary.setAccessibleName(self.tr("Secondary keywords"))
        self.language.setAccessibleName(self.tr("Article language"))
        self.audience.setAccessibleName(self.tr("Audience"))
        self.tone.setAccessibleName(self.tr("Tone"))
        self.point_of_view.setAccessibleName(self.tr("Point of view"))
        self.length.setAccessibleName(self.tr("Target length in words"))
        self.instructions.setAccessibleName(self.tr("Custom instructions"))
        languages = {lp.code: lp.native_name for lp in packs()}     # other packs: their own name
        languages |= {Language.EN.value: self.tr("English"), Language.FR.value: self.tr("French")}
        tones = {
            Tone.NEUTRAL.value: self.tr("Neutral"),
            Tone.FRIENDLY.value: self.tr("Friendly"),
            Tone.PROFESSIONAL.value: self.tr("Professional"),
            Tone.EXPERT.value: self.tr("Expert"),
            Tone.PERSUASIVE.value: self.tr("Persuasive"),
        }
        povs = {
            PointOfView.FIRST_SINGULAR.value: self.tr("First person (I)"),
            PointOfView.FIRST_PLURAL.value: self.tr("First person plural (we)"),
            PointOfView.SECOND.value: self.tr("Second person (you)"),
            PointOfView.THIRD.value: self.tr("Impersonal"),
        }
        for combo, names in ((self.language, languages), (self.tone, tones),
                             (self.point_of_view, povs)):
            for i in range(combo.count()):
                combo.setItemText(i, names.get(combo.itemData(i), str(combo.itemData(i))))
        self.faq.setText(self.tr("FAQ"))
        self.takeaways.setText(self.tr("Key takeaways"))
        self.conclusion.setText(self.tr("Conclusion"))
        self.lists.setText(self.tr("Lists and tables"))
        self._instructions_label.setText(self.tr("Custom &instructions"))
        self.instructions.setPlaceholderText(
            self.tr("Anything the model should know: sources to cite, products, what to avoid…")
        )
