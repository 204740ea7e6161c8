"""The plan review: title, meta description, slug, and the H2/H3 outline.

Sections can be added, renamed (double-click), reordered by drag or Alt+Up/Down,
deleted, switched between H2 and H3, and given a word target, before writing.

While writing, each section shows its progress (a coloured mark: not written yet, being
written, written). Clicking a section asks to show it in the editor (`section_activated`);
`set_current_section` marks the section the editor's cursor is in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.limits import META_MAX, META_MIN
from app.core.models import OutlineSection, Plan
from app.core.textutil import slugify, strip_control
from app.ui.icons import icon
from app.ui.styling import set_style_property

COL_HEADING, COL_LEVEL, COL_WORDS = 0, 1, 2
NOTES_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2
PENDING, WRITING, DONE = "pending", "writing", "done"
_PROGRESS_COLORS = {PENDING: "#9aa3ad", WRITING: "#2f6fdf", DONE: "#1e8e3e"}


def _progress_icon(state: str) -> QIcon:
    """A dot: hollow grey (waiting), blue (being written), green (written). The same pixmap
    for the disabled mode: the outline is disabled while the model writes, and a greyed
    mark would say nothing."""
    size = 12
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(_PROGRESS_COLORS[state])
    painter.setPen(QPen(color, 2))
    painter.setBrush(Qt.BrushStyle.NoBrush if state == PENDING else color)
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled, QIcon.Mode.Selected):
        icon.addPixmap(pixmap, mode)
    return icon


class _OutlineDelegate(QStyledItemDelegate):
    """H2/H3 picker and word-target spin box; H3 rows are drawn indented."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex) -> QWidget:
        if index.column() == COL_LEVEL:
            combo = QComboBox(parent)
            combo.addItems(["H2", "H3"])
            return combo
        if index.column() == COL_WORDS:
            spin = QSpinBox(parent)
            spin.setRange(50, 3000)
            spin.setSingleStep(50)
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data()))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 200))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.column() == COL_HEADING and index.siblingAtColumn(COL_LEVEL).data() == "H3":
            option.rect.adjust(22, 0, 0, 0)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 28))


class OutlineEditor(QWidget):
    # ---- Signals
    plan_changed = Signal()
    section_activated = Signal(int, str)    # row, heading: the writer clicked a section

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlineEditor")
        self._slug_touched = False
        self._extra_candidates: list[str] = []
        self.title = QComboBox(self)
        self.title.setEditable(True)
        self.title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.h1 = QLineEdit(self)
        self.meta = QLineEdit(self)
        self.slug = QLineEdit(self)
        self._meta_count = QLabel(self)
        self._meta_count.setProperty("role", "hint")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setItemDelegate(_OutlineDelegate(self.tree))
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_HEADING, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_LEVEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WORDS, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.invisibleRootItem().setFlags(Qt.ItemFlag.ItemIsDropEnabled)

        self.add_button = self._tool("add")
        self.delete_button = self._tool("delete")
        self.up_button = self._tool("up")
        self.down_button = self._tool("down")
        self.level_button = self._tool("indent")
        self._total = QLabel(self)
        self._total.setProperty("role", "hint")
        self.add_button.clicked.connect(self.add_section)
        self.delete_button.clicked.connect(self.delete_section)
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        self.level_button.clicked.connect(self.toggle_level)
        QShortcut(QKeySequence("Alt+Up"), self.tree, self.move_up)
        QShortcut(QKeySequence("Alt+Down"), self.tree, self.move_down)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree, self.delete_section)

        self._title_label, self._h1_label = QLabel(self), QLabel(self)
        self._meta_label, self._slug_label = QLabel(self), QLabel(self)
        self._outline_label = QLabel(self)
        self._outline_label.setProperty("role", "section")
        self._search_label = QLabel(self)
        self._search_label.setProperty("role", "section")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        meta_row = QHBoxLayout()
        meta_row.addWidget(self.meta, 1)
        meta_row.addWidget(self._meta_count)
        for label, field in ((self._title_label, self.title), (self._h1_label, self.h1),
                             (self._meta_label, meta_row), (self._slug_label, self.slug)):
            form.addRow(label, field)
        for label, field in ((self._title_label, self.title), (self._h1_label, self.h1),
                             (self._meta_label, self.meta), (self._slug_label, self.slug)):
            label.setBuddy(field)
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        for button in (self.add_button, self.delete_button, self.up_button,
                       self.down_button, self.level_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self._total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(self._search_label)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self._outline_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

        self.title.editTextChanged.connect(self._on_title_edited)
        self.meta.textChanged.connect(self._on_meta_edited)
        self.slug.textEdited.connect(self._on_slug_edited)
        self.h1.textChanged.connect(self.plan_changed)
        self.tree.model().rowsMoved.connect(self._on_outline_changed)
        self.tree.model().rowsInserted.connect(self._on_outline_changed)
        self.tree.model().rowsRemoved.connect(self._on_outline_changed)
        self.tree.itemChanged.connect(self._on_outline_changed)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.retranslate_ui()

    # ---- Public API

    def plan(self) -> Plan:
        title = " ".join(strip_control(self.title.currentText()).split())
        h1 = " ".join(strip_control(self.h1.text()).split()) or title
        return Plan(
            title=title,
            meta_description=" ".join(strip_control(self.meta.text()).split()),
            slug=slugify(self.slug.text() or title),
            h1=h1,
            outline=self.sections(),
            title_candidates=[self.title.itemText(i) for i in range(self.title.count())],
        )

    def sections(self) -> list[OutlineSection]:
        result = []
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            heading = " ".join(strip_control(item.text(COL_HEADING)).split())
            if not heading:
                continue
            result.append(OutlineSection(
                heading=heading,
                level=3 if item.text(COL_LEVEL) == "H3" else 2,
                words=int(item.data(COL_WORDS, Qt.ItemDataRole.EditRole) or 200),
                notes=str(item.data(COL_HEADING, NOTES_ROLE) or ""),
            ))
        return result

    def set_plan(self, plan: Plan) -> None:
        blockers = [self.title.blockSignals(True), self.meta.blockSignals(True)]
        self.title.clear()
        candidates = [plan.title] + [c for c in plan.title_candidates if c != plan.title]
        self.title.addItems([c for c in candidates if c])
        self.title.setEditText(plan.title)
        self.h1.setText(plan.h1)
        self.meta.setText(plan.meta_description)
        self.slug.setText(plan.slug)
        self._slug_touched = bool(plan.slug) and plan.slug != slugify(plan.title)
        for line in (self.title.lineEdit(), self.h1, self.meta, self.slug):
            if line is not None:
                line.setCursorPosition(0)
        self.title.blockSignals(blockers[0])
        self.meta.blockSignals(blockers[1])
        self.tree.blockSignals(True)
        self.tree.clear()
        for section in plan.outline:
            self._append(section)
        self.tree.blockSignals(False)
        self._on_meta_edited()
        self._on_outline_changed()

    def set_fields(self, *, title: str | None = None, meta_description: str | None = None,
                   slug: str | None = None) -> None:
        """Set search-appearance fields (a fix, a review) as one undo step of each field
        (Ctrl+Z in the field takes it back); a slug set here is kept as set."""
        title_line = self.title.lineEdit()
        for field, value in ((title_line, title), (self.meta, meta_description),
                             (self.slug, slug)):
            if field is None or value is None or field.text() == value:
                continue
            field.selectAll()
            field.insert(value)          # unlike setText(), keeps the field's undo history
            field.setCursorPosition(0)
        if slug is not None:
            self._slug_touched = True
            self.plan_changed.emit()

    # ---- Public API: navigation and progress

    def set_current_section(self, heading: str | None) -> None:
        """Mark the section the editor's cursor is in (None: none), without any signal."""
        wanted = " ".join((heading or "").split()).casefold()
        self.tree.blockSignals(True)      # a mark is not an edit of the plan
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            current = bool(wanted) and " ".join(item.text(COL_HEADING).split()).casefold() == wanted
            font = item.font(COL_HEADING)
            if font.bold() != current:
                font.setBold(current)
                item.setFont(COL_HEADING, font)
            if current:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
        self.tree.blockSignals(False)

    def current_section(self) -> str | None:
        """Heading of the section marked as the editor's (bold), if any."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.font(COL_HEADING).bold():
                return item.text(COL_HEADING)
        return None

    def set_progress(self, row: int, state: str | None) -> None:
        """Progress mark of a section: PENDING, WRITING, DONE, or None (no mark)."""
        item = self.tree.topLevelItem(row)
        if item is None:
            return
        self.tree.blockSignals(True)     # a mark is not an edit of the plan
        item.setData(COL_HEADING, PROGRESS_ROLE, state)
        item.setData(COL_HEADING, Qt.ItemDataRole.DecorationRole,
                     _progress_icon(state) if state else None)
        tips = {PENDING: self.tr("Not written yet"), WRITING: self.tr("Being written"),
                DONE: self.tr("Written")}
        notes = str(item.data(COL_HEADING, NOTES_ROLE) or "")
        tip = tips.get(state or "", "")
        item.setToolTip(COL_HEADING, "\n".join(t for t in (tip, notes) if t))
        font = item.font(COL_HEADING)
        font.setItalic(state == WRITING)
        item.setFont(COL_HEADING, font)
        self.tree.blockSignals(False)

    def progress(self) -> list[str | None]:
        return [self.tree.topLevelItem(r).data(COL_HEADING, PROGRESS_ROLE)
                for r in range(self.tree.topLevelItemCount())]

    def clear_progress(self) -> None:
        for row in range(self.tree.topLevelItemCount()):
            self.set_progress(row, None)

    def on_phase_started(self, event: object) -> None:
        """A generation phase began: a section being written gets its mark; the one written
        before it is done; at the first section every section waits (a single section
        regenerated later only marks itself)."""
        if str(getattr(event, "phase", "")) != "section":
            return
        row = self._row_of(int(getattr(event, "index", 0)), str(getattr(event, "label", "")))
        if row is None:
            return
        if row == 0:                           # a full write starts: every section waits
            for other in range(self.tree.topLevelItemCount()):
                self.set_progress(other, PENDING)
        for other, state in enumerate(self.progress()):
            if state == WRITING and other != row:
                self.set_progress(other, DONE)
        self.set_progress(row, WRITING)

    def on_section_done(self, event: object) -> None:
        row = self._row_of(int(getattr(event, "section", 0)), str(getattr(event, "heading", "")))
        if row is not None:
            self.set_progress(row, DONE)

    def on_run_finished(self) -> None:
        """A stopped run leaves its section half written: it goes back to waiting."""
        for row, state in enumerate(self.progress()):
            if state == WRITING:
                self.set_progress(row, PENDING)

    def has_outline(self) -> bool:
        return bool(self.sections())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.title, self.h1, self.meta, self.slug, self.tree, self.add_button,
                       self.delete_button, self.up_button, self.down_button, self.level_button):
            widget.setEnabled(not busy)

    def add_section(self) -> None:
        item = self._append(OutlineSection(heading=self.tr("New section"), level=2, words=200))
        self.tree.setCurrentItem(item)
        self.tree.editItem(item, COL_HEADING)

    def delete_section(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def toggle_level(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            item.setText(COL_LEVEL, "H2" if item.text(COL_LEVEL) == "H3" else "H3")
            self.tree.viewport().update()

    # ---- Qt overrides

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self._search_label.setText(self.tr("Search appearance"))
        self._outline_label.setText(self.tr("Outline"))
        self._title_label.setText(self.tr("SEO &title"))
        self._h1_label.setText(self.tr("&Headline"))
        self._meta_label.setText(self.tr("&Description"))
        self._slug_label.setText(self.tr("S&lug"))
        self.tree.setHeaderLabels([self.tr("Section"), self.tr("Level"), self.tr("Words")])
        self.title.setAccessibleName(self.tr("SEO title"))
        self.h1.setAccessibleName(self.tr("Headline (H1)"))
        self.meta.setAccessibleName(self.tr("Meta description"))
        self.slug.setAccessibleName(self.tr("URL slug"))
        self.tree.setAccessibleName(self.tr("Outline sections"))
        self.meta.setPlaceholderText(self.tr("120–156 characters shown under the title"))
        for button, tip in (
            (self.add_button, self.tr("Add a section")),
            (self.delete_button, self.tr("Delete the selected section (Del)")),
            (self.up_button, self.tr("Move up (Alt+Up)")),
            (self.down_button, self.tr("Move down (Alt+Down)")),
            (self.level_button, self.tr("Switch between H2 and H3")),
        ):
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        self._on_meta_edited()
        self._on_outline_changed()

    # ---- Private

    def _tool(self, icon_name: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon(icon_name))
        button.setAutoRaise(True)
        return button

    def _append(self, section: OutlineSection) -> QTreeWidgetItem:
        item = QTreeWidgetItem([section.heading, "H3" if section.level >= 3 else "H2", ""])
        item.setData(COL_WORDS, Qt.ItemDataRole.EditRole, int(section.words))
        item.setData(COL_HEADING, NOTES_ROLE, section.notes)
        if section.notes:
            item.setToolTip(COL_HEADING, section.notes)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
        item.setTextAlignment(COL_WORDS,
                              Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tree.addTopLevelItem(item)
        return item

    def _row_of(self, index: int, heading: str) -> int | None:
        """Row of a generated section: by heading when it is there, else index 1 = row 0."""
        wanted = " ".join(heading.split()).casefold()
        for row in range(self.tree.topLevelItemCount()):
            if wanted and " ".join(self.tree.topLevelItem(row).text(COL_HEADING).split()
                                   ).casefold() == wanted:
                return row
        if 1 <= index <= self.tree.topLevelItemCount():
            return index - 1
        return None

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.section_activated.emit(self.tree.indexOfTopLevelItem(item), item.text(COL_HEADING))

    def _move(self, step: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        row = self.tree.indexOfTopLevelItem(item)
        target = row + step
        if 0 <= target < self.tree.topLevelItemCount():
            self.tree.takeTopLevelItem(row)
            self.tree.insertTopLevelItem(target, item)
            self.tree.setCurrentItem(item)

    def _on_title_edited(self, text: str) -> None:
        if not self._slug_touched:
            self.slug.setText(slugify(text))
        self.plan_changed.emit()

    def _on_slug_edited(self, _text: str) -> None:
        self._slug_touched = True
        self.plan_changed.emit()

    def _on_meta_edited(self, *_args: object) -> None:
        count = len(self.meta.text())
        self._meta_count.setText(self.tr("{0} chars").format(count))
        set_style_property(self._meta_count, "state", "good" if META_MIN <= count <= META_MAX else "warn")
        self.plan_changed.emit()

    def _on_outline_changed(self, *_args: object) -> None:
        total = sum(s.words for s in self.sections())
        self._total.setText(self.tr("{0} sections · ~{1} words").format(
            self.tree.topLevelItemCount(), total))
        self.plan_changed.emit()
