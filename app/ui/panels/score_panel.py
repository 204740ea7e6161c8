"""SEO and readability scores with traffic lights, every check with its advice, the
search-result snippet and content lints. Clicking a check asks to highlight its spans.

A check that is not good gets its actions, per check id (`set_check_actions`): "Fix" when
rules can repair it, "Ask the model" otherwise; "Review again" runs the self-review anew.
The panel only asks (signals); a controller does the work."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui.locale import ui_language
from app.ui.styling import set_style_property

if TYPE_CHECKING:
    from app.core.analysis.report import CheckResult, Report

# Mirrors of app.core.analysis.report's Group/Status values: importing that package at
# start-up would load the whole analysis engine (~190 ms) before the first frame.


class Group(StrEnum):
    SEO = "seo"
    READABILITY = "readability"
    LINT = "lint"


class Status(StrEnum):
    GOOD = "good"
    OK = "ok"
    BAD = "bad"
    INFO = "info"


ROWS_PER_STEP = 6
_ORDER = {Status.BAD: 0, Status.OK: 1, Status.INFO: 2, Status.GOOD: 3}


def check_title(check: CheckResult, lang: str) -> str:
    try:
        from app.core.analysis.messages import check_title as title
        return str(title(check.id, lang))
    except (ImportError, KeyError, LookupError):
        return check.id.replace("_", " ").capitalize()


def check_message(check: CheckResult, lang: str) -> str:
    try:
        from app.core.analysis.messages import message
        return str(message(check, lang))
    except (ImportError, KeyError, LookupError):
        return check.code


class _Chip(QLabel):
    def set_status(self, status: Status, text: str) -> None:
        self.setText(text)
        set_style_property(self, "chip", status.value)


class _ScoreCard(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("scoreCard")
        self.name = QLabel(self)
        self.name.setProperty("role", "scoreName")
        self.value = QLabel("–", self)
        self.value.setProperty("role", "scoreValue")
        self.chip = _Chip(self)
        self.chip.setProperty("chip", "info")
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addStretch(1)
        top.addWidget(self.value)
        chip_row = QHBoxLayout()
        chip_row.addStretch(1)
        chip_row.addWidget(self.chip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 10, 10)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(chip_row)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)


class _CheckRow(QFrame):
    clicked = Signal(str)
    fix_clicked = Signal(str)
    ask_clicked = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("checkRow")
        self.check_id = ""
        self.shown: tuple[object, ...] = ()    # what the row shows, to skip unchanged updates
        self.dot = QLabel(self)
        self.dot.setFixedSize(10, 10)
        self.title = QLabel(self)
        self.title.setObjectName("checkTitle")
        self.title.setWordWrap(True)
        self.advice = QLabel(self)
        self.advice.setObjectName("checkAdvice")
        self.advice.setWordWrap(True)
        self.advice.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.fix_button: QPushButton | None = None     # built when a check first needs it
        self.ask_button: QPushButton | None = None
        self._actions_box = QWidget(self)         # hidden unless a button shows
        self._actions_box.hide()
        self._actions = QHBoxLayout(self._actions_box)
        self._actions.setContentsMargins(0, 3, 0, 0)
        self._actions.setSpacing(6)
        self._actions.setAlignment(Qt.AlignmentFlag.AlignLeft)
        text = QVBoxLayout()
        text.setSpacing(1)
        text.addWidget(self.title)
        text.addWidget(self.advice)
        text.addWidget(self._actions_box)
        dot_box = QVBoxLayout()
        dot_box.setContentsMargins(0, 4, 0, 0)
        dot_box.addWidget(self.dot)
        dot_box.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 5, 6, 5)
        layout.setSpacing(9)
        layout.addLayout(dot_box)
        layout.addLayout(text, 1)

    def show_check(self, check: CheckResult, title: str, advice: str, hint: str) -> None:
        self.check_id = check.id
        set_style_property(self.dot, "dot", str(check.status))
        self.title.setText(title)
        self.advice.setText(advice)
        self.advice.setVisible(bool(advice))
        clickable = bool(check.spans)
        shape = Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        self.setCursor(shape)
        tip = hint if clickable else ""
        if check.group == Group.SEO and check.status != Status.INFO and not getattr(check, "counted", True):
            tip = "\n".join(t for t in (tip, self.tr("Shown for advice; not counted in the SEO score")) if t)
        self.setToolTip(tip)
        self.setAccessibleName(f"{title}: {advice}")

    def set_selected(self, selected: bool) -> None:
        set_style_property(self, "selected", "true" if selected else "false")

    def show_actions(self, fix: str, ask: str) -> None:
        """Show "Fix" / "Ask the model" with these texts; an empty text hides the button."""
        if fix and self.fix_button is None:
            self.fix_button = self._button("checkFix", self.fix_clicked)
            self.fix_button.setProperty("primary", "true")
        if ask and self.ask_button is None:
            self.ask_button = self._button("checkAsk", self.ask_clicked)
        for button, text in ((self.fix_button, fix), (self.ask_button, ask)):
            if button is not None:
                button.setText(text)
                button.setVisible(bool(text))
        self._actions_box.setVisible(bool(fix or ask))

    def _button(self, name: str, signal: Signal) -> QPushButton:
        button = QPushButton(self._actions_box)
        button.setObjectName(name)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda: signal.emit(self.check_id))
        self._actions.addWidget(button)
        return button

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.check_id)
        super().mousePressEvent(event)


class _Snippet(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("snippet")
        self.url = QLabel(self)
        self.url.setObjectName("snippetUrl")
        self.url.setWordWrap(True)      # a long slug wraps (see show_url), never widens the panel
        self.title = QLabel(self)
        self.title.setObjectName("snippetTitle")
        self.title.setWordWrap(True)
        self.text = QLabel(self)
        self.text.setObjectName("snippetText")
        self.text.setWordWrap(True)
        for label in (self.url, self.title, self.text):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(3)
        layout.addWidget(self.url)
        layout.addWidget(self.title)
        layout.addWidget(self.text)

    def show_url(self, url: str) -> None:
        # Break opportunities after / - _ . so a long slug wraps inside the panel's width.
        self.url.setText(re.sub(r"([/\-_.])", "\\1\u200b", url))
        self.url.setToolTip(url)


class _Details:
    """The score panel's parts that show only with a report: the last change and Review
    again (under the scores), the search-result preview and the groups of checks."""

    def __init__(self, panel: ScorePanel, layout: QVBoxLayout) -> None:
        body = panel.widget()
        self.change = QLabel(body)                  # what the last fix or review changed
        self.change.setObjectName("lastChange")
        self.change.setWordWrap(True)
        self.change.setTextFormat(Qt.TextFormat.PlainText)   # may quote a server error
        self.change.hide()
        self.review_again = QPushButton(body)
        self.review_again.setObjectName("reviewAgain")
        self.review_again.clicked.connect(panel.review_again_requested)
        self.review_again.hide()
        review_row = QHBoxLayout()
        review_row.addWidget(self.change, 1)
        review_row.addWidget(self.review_again, 0, Qt.AlignmentFlag.AlignTop)
        layout.insertLayout(2, review_row)          # cards, stats, *this*, empty, …
        self.snippet_title = QLabel(body)
        self.snippet_title.setProperty("role", "section")
        self.snippet_title.setWordWrap(True)
        self.snippet = _Snippet(body)
        self.snippet_title.hide()
        self.snippet.hide()
        at = layout.count() - 1                     # before the closing stretch
        layout.insertWidget(at, self.snippet_title)
        layout.insertWidget(at + 1, self.snippet)
        at += 2
        self.titles: dict[Group, QLabel] = {}
        self.boxes: dict[Group, QVBoxLayout] = {}
        for group in (Group.SEO, Group.READABILITY, Group.LINT):
            title = QLabel(body)
            title.setProperty("role", "section")
            title.setWordWrap(True)
            title.hide()
            box = QVBoxLayout()
            box.setSpacing(1)
            self.titles[group] = title
            self.boxes[group] = box
            layout.insertSpacing(at, 4)
            layout.insertWidget(at + 1, title)
            layout.insertLayout(at + 2, box)
            at += 3


class ScorePanel(QScrollArea):
    # ---- Signals
    check_selected = Signal(object)     # CheckResult
    report_shown = Signal()             # every row of the last report is filled in
    fix_requested = Signal(str)         # check id: apply its rule fix
    ask_model_requested = Signal(str)   # check id: ask the model to revise what it concerns
    review_again_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scorePanel")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._report: Report | None = None
        self._selected = ""
        self._fill_generation = 0
        self._pending_rows: list[tuple[_CheckRow, CheckResult]] = []
        self._held = False
        self._held_report: Report | None = None
        self._lang = "en"
        self._rows_to_make: list[Group] = []
        self._fixable: frozenset[str] = frozenset()
        self._askable: frozenset[str] = frozenset()
        self._can_ask = False
        self._unfixable: frozenset[str] = frozenset()
        # Child timers: they die with the panel (no callback into a deleted widget).
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._on_fill_timer)
        self._make_timer = QTimer(self)
        self._make_timer.setSingleShot(True)
        self._make_timer.setInterval(0)
        self._make_timer.timeout.connect(self._on_make_timer)
        self._rows: dict[Group, list[_CheckRow]] = {g: [] for g in Group}
        body = QWidget(self)
        body.setObjectName("scoreBody")
        self.setWidget(body)
        self.seo_card = _ScoreCard(body)
        self.readability_card = _ScoreCard(body)
        cards = QHBoxLayout()
        cards.setSpacing(10)
        cards.addWidget(self.seo_card)
        cards.addWidget(self.readability_card)
        self.stats = QLabel(body)
        self.stats.setProperty("role", "hint")
        self.stats.setWordWrap(True)
        self.stats.hide()
        self.empty = QLabel(body)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(14, 12, 14, 14)
        self._layout.setSpacing(8)
        self._layout.addLayout(cards)
        self._layout.addWidget(self.stats)
        self._layout.addWidget(self.empty)
        self._layout.addStretch(1)
        # The rest (last change, Review again, search-result preview, the groups of checks)
        # is hidden until there is a report: built then, not before the first frame.
        self._details: _Details | None = None
        self._group_titles: dict[Group, QLabel] = {}
        self._group_boxes: dict[Group, QVBoxLayout] = {}
        self.retranslate_ui()
        for card in (self.seo_card, self.readability_card):
            card.value.setText("–")
            card.chip.set_status(Status.INFO, self.tr("No text yet"))

    # ---- Public API

    @property
    def report(self) -> Report | None:
        return self._report

    @property
    def snippet(self) -> _Snippet:
        """The search-result preview (shown with a report that has one)."""
        return self._built().snippet

    @property
    def change(self) -> QLabel:
        """What the last fix or review changed (hidden when empty)."""
        return self._built().change

    @property
    def review_again(self) -> QPushButton:
        return self._built().review_again

    def show_report(self, report: Report | None) -> None:
        self._report = report
        has = report is not None
        if not has and self._details is None:
            return              # nothing shown yet: the empty state is already there
        details = self._built()
        details.snippet.setVisible(has and report.snippet is not None)
        details.snippet_title.setVisible(details.snippet.isVisibleTo(self))
        self.empty.setVisible(not has)
        self.stats.setVisible(has)
        if report is None:                # a new or loaded article: the last change is old
            self.show_change("")
            self._fill_generation += 1
            for card in (self.seo_card, self.readability_card):
                card.value.setText("–")
                card.chip.set_status(Status.INFO, self.tr("No text yet"))
            for group in Group:
                self._group_titles[group].setVisible(False)
                self._fill(group, [])
            return
        lang = ui_language()
        self.seo_card.value.setText(str(report.seo_score))
        seo_status, read_status = Status(report.seo_status), Status(report.readability_status)
        self.seo_card.chip.set_status(seo_status, self._status_text(seo_status))
        self.readability_card.value.setText(str(report.readability_score))
        self.readability_card.chip.set_status(read_status, self._status_text(read_status))
        self.stats.setText(self.tr("{0} words · {1} min read · Flesch {2}").format(
            f"{report.words:,}".replace(",", "\u202f"),
            max(1, round(report.reading_minutes)), round(report.flesch)))
        if report.snippet is not None:
            self.snippet.show_url(report.snippet.url)
            self.snippet.title.setText(report.snippet.title or self.tr("(no title)"))
            self.snippet.text.setText(report.snippet.description or self.tr("(no description)"))
        if self._held:          # a model is writing: the checks refresh when it stops
            self._held_report = report
            return
        self._fill_generation += 1
        self._pending_rows = []
        for group in Group:
            checks = sorted((c for c in report.checks if c.group == group),
                            key=lambda c: _ORDER.get(Status(c.status), 9))
            self._group_titles[group].setVisible(bool(checks))
            rows = self._rows[group]
            while len(rows) < len(checks):
                self._new_row(group)
            self._pending_rows += list(zip(rows, checks, strict=False))
            for row in rows[len(checks):]:
                row.hide()
        self._lang = lang
        self._fill_step(self._fill_generation)

    def hold_checks(self, held: bool) -> None:
        """While a model writes, only the scores and counts follow the text: laying out the
        list of checks again stalls the stream (~60 ms), and the writer fixes them after."""
        self._held = held
        report, self._held_report = self._held_report, None
        if not held and report is not None and report is self._report:
            self.show_report(report)

    def prepare_rows(self, per_group: int = 20) -> None:
        """Create hidden check rows a few at a time while idle, so the first report
        (often mid-stream) only fills labels instead of building ~40 widgets at once."""
        self._built()
        self._rows_to_make = [
            g for g in Group for _ in range(max(0, per_group - len(self._rows[g])))]
        if self._rows_to_make:
            self._make_timer.start()

    def rows(self, group: Group) -> list[Any]:
        """Visible rows of a group (tests and accessibility)."""
        return [r for r in self._rows[group] if not r.isHidden()]

    def select_check(self, check_id: str) -> None:
        self._on_row_clicked(check_id)

    def set_check_actions(self, fixable: frozenset[str], askable: frozenset[str] = frozenset(),
                          *, can_ask: bool = False,
                          unfixable_codes: frozenset[str] = frozenset()) -> None:
        """Which checks (by id) get "Fix" (unless their result code is in
        `unfixable_codes`), which "Ask the model" (only when `can_ask`: a model is there),
        for every check that is not good."""
        self._fixable, self._askable, self._can_ask = fixable, askable, can_ask
        self._unfixable = unfixable_codes
        if self._report is not None:
            self.show_report(self._report)

    def is_filling(self) -> bool:
        """Rows of the last report are still being filled in (a few per event-loop turn)."""
        return bool(self._pending_rows)

    def set_review_again(self, available: bool) -> None:
        if available or self._details is not None:
            self.review_again.setVisible(available)

    def show_change(self, text: str) -> None:
        """One line on what the last fix or review did ("" hides it)."""
        if not text and self._details is None:
            return
        self.change.setText(text)
        self.change.setVisible(bool(text))
        if text:
            self.verticalScrollBar().setValue(0)     # the line sits under the scores

    def row(self, check_id: str) -> Any:
        """The visible row of a check (tests, screenshots), or None."""
        return next((r for rows in self._rows.values() for r in rows
                     if r.check_id == check_id and not r.isHidden()), None)

    # ---- Qt overrides

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.seo_card.name.setText(self.tr("SEO"))
        self.readability_card.name.setText(self.tr("Readability"))
        self.empty.setText(self.tr(
            "Scores appear here as soon as there is text: while it streams and as you edit."))
        self.setAccessibleName(self.tr("Scores and checks"))
        self.seo_card.setAccessibleName(self.tr("SEO score"))
        self.readability_card.setAccessibleName(self.tr("Readability score"))
        if self._details is not None:
            self._retranslate_details(self._details)
        if self._report is not None:
            self.show_report(self._report)

    def _retranslate_details(self, d: _Details) -> None:
        d.snippet_title.setText(self.tr("Search result preview"))
        self._group_titles[Group.SEO].setText(self.tr("SEO checks"))
        self._group_titles[Group.READABILITY].setText(self.tr("Readability"))
        self._group_titles[Group.LINT].setText(self.tr("Content lints"))
        d.snippet.setAccessibleName(self.tr("Search result preview"))
        d.review_again.setText(self.tr("Review again"))
        d.review_again.setToolTip(self.tr(
            "Run the self-review on the text as it is now; you see and keep what you want"))

    # ---- Private

    def _built(self) -> _Details:
        """The parts shown only with a report, built the first time they are needed."""
        if self._details is None:
            self._details = _Details(self, self._layout)
            self._group_titles, self._group_boxes = self._details.titles, self._details.boxes
            self._retranslate_details(self._details)
        return self._details

    def _status_text(self, status: Status) -> str:
        return {
            Status.GOOD: self.tr("Good"),
            Status.OK: self.tr("Needs work"),
            Status.BAD: self.tr("Poor"),
            Status.INFO: self.tr("Info"),
        }[status]

    def _fill(self, group: Group, checks: list[CheckResult], lang: str = "en") -> None:
        for row in self._rows[group]:
            row.hide()

    def _fill_step(self, generation: int) -> None:
        """Fill a few rows per event-loop turn: a report arriving mid-stream never holds
        the GUI thread long enough to delay the next streamed chunk."""
        if generation != self._fill_generation:
            return      # a newer report replaced this one
        hint = self.tr("Click to highlight it in the text")
        batch, self._pending_rows = self._pending_rows[:ROWS_PER_STEP], \
            self._pending_rows[ROWS_PER_STEP:]
        for row, check in batch:
            title, advice = check_title(check, self._lang), check_message(check, self._lang)
            actions = self._action_texts(check)
            shown = (check.id, str(check.status), title, advice, bool(check.spans),
                     getattr(check, "counted", True), check.id == self._selected, actions, hint)
            if row.shown == shown and not row.isHidden():
                continue        # same text as now: no relayout of the panel (streaming)
            row.shown = shown
            row.show_check(check, title, advice, hint)
            row.set_selected(check.id == self._selected)
            row.show_actions(*actions)
            row.show()
        if self._pending_rows:
            self._fill_timer.start()
        else:
            self.report_shown.emit()

    def _action_texts(self, check: CheckResult) -> tuple[str, str]:
        if Status(check.status) not in (Status.BAD, Status.OK):
            return "", ""
        if check.id in self._fixable and check.code not in self._unfixable:
            return self.tr("Fix"), ""
        if self._can_ask and check.id in self._askable:
            return "", self.tr("Ask the model")
        return "", ""

    def _on_fill_timer(self) -> None:
        self._fill_step(self._fill_generation)

    def _on_make_timer(self) -> None:
        for group in self._rows_to_make[:4]:
            self._new_row(group).hide()
        del self._rows_to_make[:4]
        if self._rows_to_make:
            self._make_timer.start()

    def _new_row(self, group: Group) -> _CheckRow:
        row = _CheckRow(self.widget())
        row.clicked.connect(self._on_row_clicked)
        row.fix_clicked.connect(self.fix_requested)
        row.ask_clicked.connect(self.ask_model_requested)
        self._group_boxes[group].addWidget(row)
        self._rows[group].append(row)
        return row

    def _on_row_clicked(self, check_id: str) -> None:
        if self._report is None:
            return
        check = self._report.by_id(check_id)
        if check is None:
            return
        self._selected = check_id
        for rows in self._rows.values():
            for row in rows:
                row.set_selected(row.check_id == check_id)
                if row.check_id == check_id and not row.isHidden():
                    self.ensureWidgetVisible(row, 0, 24)   # its buttons in view
        self.check_selected.emit(check)
