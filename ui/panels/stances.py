"""The stance panel: the article's own stance per target, and attributed stances.

- **Document stance** (the author's): one row per stance target of the schema with a
  polarity chooser. Keyboard: Up/Down (or a target's key) move between rows, a
  polarity's key (f, a, n…) sets it, Del clears it.
- **Attributed stances**: a holder (an entity annotation, "زوكربيرج") takes a polarity
  towards a target (a schema target, or an entity annotation when the schema allows),
  shown by one or more evidence spans. New (Ctrl+Shift+H) takes the selected
  annotation as holder (or asks to click one); the selected text becomes evidence
  with Ctrl+Shift+V. In the list, polarity and target keys change the selected
  stance, Del deletes it (or the selected evidence).

The selected stance is drawn in the text: its holder and target outlined, its
evidence underlined in the polarity's colour. Problems (`core.annotation.validation`: a holder
deleted, no evidence yet, evidence in excluded text) carry an icon.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from core.annotation.stances import (
    StanceRow,
    add_attributed_stance,
    add_evidence,
    annotate_document_stance,
    clear_document_stance,
    delete_stance,
    edit_stance,
    remove_evidence,
)
from core.project.changes import Changes
from core.schema.model import LabelInfo, ProjectSchema
from ui import bindings
from ui.bidi import offsets
from ui.current_set import CurrentSet
from ui.i18n import list_text, name_of, text_of, translate
from ui.icons import icon
from ui.item_views import child_items, empty, set_current_item
from ui.keys import label_key
from ui.marks import color_icon, outline, paint_badge, problem_icon, themed
from ui.notice import ERROR as NOTICE_ERROR
from ui.qt import Qt, QtCore, QtGui, QtWidgets
from ui.span_picker import SpanPicker

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ITEM = Qt.ItemDataRole.UserRole  # ("stance", id) or ("evidence", id); target id in the table
ENTITY_TARGET = -1  # the target chooser's "an entity annotation" entry


class StancePanel(QtWidgets.QWidget):
    def __init__(self, window: MainWindow, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.main = window
        self.current = window.current_set
        self.picker = SpanPicker.of(window)
        self.selected_stance: int | None = None
        self.polarity_combos: dict[int, QtWidgets.QComboBox] = {}  # by target id

        self._build_author_table()
        self._build_stance_list()
        self._build_stance_form()
        document_box = QtWidgets.QGroupBox(self.tr("The article's stance (the author's)"))
        document_layout = QtWidgets.QVBoxLayout(document_box)
        document_layout.addWidget(self.documents)
        document_layout.addWidget(self.document_hint)
        attributed_box = QtWidgets.QGroupBox(self.tr("Attributed stances"))
        attributed_layout = QtWidgets.QVBoxLayout(attributed_box)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        attributed_layout.addLayout(buttons)
        attributed_layout.addWidget(self.tree, 2)
        attributed_layout.addWidget(self.form)
        attributed_layout.addWidget(self.problem_list, 1)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(document_box)
        splitter.addWidget(attributed_box)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.current.changed.connect(self.refresh)
        window.project_changed.connect(lambda _project: self.rebuild_choices())
        window.operation_did_execute.connect(self._on_operation)
        self.picker.changed.connect(self._update_enabled)
        self.rebuild_choices()
        self.refresh()

    def _build_author_table(self) -> None:
        """The author's stance per target."""
        self.documents = QtWidgets.QTableWidget(0, 3)
        self.documents.setHorizontalHeaderLabels(
            [self.tr("Target"), self.tr("Author's polarity"), self.tr("Evidence")]
        )
        self.documents.verticalHeader().hide()
        self.documents.setWordWrap(False)
        self.documents.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.documents.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.documents.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.documents.installEventFilter(self)
        self.documents.currentCellChanged.connect(lambda *_: self._on_document_row())
        self.document_hint = QtWidgets.QLabel()
        self.document_hint.setProperty("role", "muted")
        self.document_hint.setWordWrap(True)

    def _build_stance_list(self) -> None:
        """The attributed stances, with New and Delete."""
        self.new_button = themed(QtWidgets.QPushButton(self.tr("New")), "mdi6.account-voice")
        self.new_button.setToolTip(
            self.tr(
                "New attributed stance held by the selected entity annotation, or click the "
                "holder ({keys})"
            ).format(keys=bindings.native_text("stance.new"))
        )
        self.new_button.clicked.connect(self.new_stance)
        self.delete_button = QtWidgets.QToolButton()
        themed(self.delete_button, "mdi6.trash-can-outline")
        self.delete_button.setToolTip(self.tr("Delete the selected stance with its evidence"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.tree = QtWidgets.QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Holder"), self.tr("Polarity"), self.tr("Target")])
        self.tree.setUniformRowHeights(True)
        self.tree.setIconSize(QtCore.QSize(16, 16))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._on_tree_item())
        self.tree.itemClicked.connect(lambda item, _c: self._jump(item))
        self.tree.installEventFilter(self)

    def _build_stance_form(self) -> None:
        """The selected stance: holder, target, polarity, evidence, note and problems."""
        self.holder_label = QtWidgets.QLabel()
        self.holder_pick = QtWidgets.QPushButton(self.tr("Pick"))
        self.holder_pick.setToolTip(self.tr("Click the holder's entity annotation in the text"))
        self.holder_pick.clicked.connect(self.pick_holder)
        self.holder_selected = QtWidgets.QPushButton(self.tr("Use selected"))
        self.holder_selected.setToolTip(
            self.tr("The annotation selected in the text becomes the holder")
        )
        self.holder_selected.clicked.connect(self.holder_from_selection)
        self.target_combo = QtWidgets.QComboBox()
        self.target_combo.setPlaceholderText(self.tr("Choose the target"))
        self.target_combo.activated.connect(self._target_chosen)
        self.polarity_combo = QtWidgets.QComboBox()
        self.polarity_combo.setPlaceholderText(self.tr("Choose the polarity"))
        self.polarity_combo.activated.connect(self._polarity_chosen)
        self.evidence_button = themed(
            QtWidgets.QPushButton(self.tr("Add selection")), "mdi6.format-quote-open"
        )
        self.evidence_button.setToolTip(
            self.tr("The selected text becomes evidence of the stance ({keys})").format(
                keys=bindings.native_text("stance.add_evidence")
            )
        )
        self.evidence_button.clicked.connect(self.add_selection_as_evidence)
        self.note = QtWidgets.QLineEdit()
        self.note.setPlaceholderText(self.tr("Note on this stance"))
        self.note.editingFinished.connect(self._save_note)
        self.problem_list = QtWidgets.QListWidget()
        self.problem_list.setWordWrap(True)
        self.problem_list.itemClicked.connect(self._jump_to_problem)

        holder_row = QtWidgets.QHBoxLayout()
        holder_row.addWidget(self.holder_label, 1)
        holder_row.addWidget(self.holder_pick)
        holder_row.addWidget(self.holder_selected)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Holder"), holder_row)
        form.addRow(self.tr("Target"), self.target_combo)
        form.addRow(self.tr("Polarity"), self.polarity_combo)
        form.addRow(self.tr("Evidence"), self.evidence_button)
        form.addRow(self.tr("Note"), self.note)
        self.form = QtWidgets.QWidget()
        self.form.setLayout(form)

    def _on_operation(self, changes: Changes) -> None:
        if changes.schema:
            self.rebuild_choices()

    # --- reading -------------------------------------------------------------------------

    @property
    def schema(self) -> ProjectSchema:
        return self.main.require_project().schema

    @property
    def stances(self) -> list[StanceRow]:
        content = self.current.content
        return content.stances if content is not None else []

    def stance(self, stance_id: int | None) -> StanceRow | None:
        return next((s for s in self.stances if s.id == stance_id), None)

    def document_stance(self, target_id: int) -> StanceRow | None:
        return next(
            (s for s in self.stances if not s.attributed and s.target_label_id == target_id), None
        )

    def _text(self, start: int, end: int, limit: int = 60) -> str:
        text = self.main.editor.text[start:end].replace("\n", " ")
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def _document_cell(self, row: int, column: int) -> QtWidgets.QTableWidgetItem:
        """A cell of the document table: the target (its id in ITEM), or the evidence count."""
        item = self.documents.item(row, column)
        assert item is not None, "rebuild_choices fills every row's target and evidence cells"
        return item

    def _span_text(self, span_id: int | None) -> str:
        text = self.current.span_text(span_id)
        return text.replace("\n", " ") if text else ""

    def _polarity_for_key(self, key: str) -> LabelInfo | None:
        return next(
            (p for p in self.schema.polarities if p.shortcut and p.shortcut.lower() == key), None
        )

    def _target_for_key(self, key: str) -> LabelInfo | None:
        return next(
            (t for t in self.schema.stance_targets if t.shortcut and t.shortcut.lower() == key),
            None,
        )

    # --- choices that come from the schema ---------------------------------------------------

    def rebuild_choices(self) -> None:
        """Rows of the document table and the target and polarity choosers."""
        self.polarity_combos = {}
        self.documents.setRowCount(0)
        self.target_combo.clear()
        self.polarity_combo.clear()
        if self.main.project is None:
            return
        schema = self.schema
        targets, polarities = schema.stance_targets, schema.polarities
        self.documents.setRowCount(len(targets))
        for row, target in enumerate(targets):
            item = QtWidgets.QTableWidgetItem(
                color_icon(target.color, target.shortcut or ""), name_of(target)
            )
            item.setData(ITEM, target.id)
            item.setToolTip(f"{name_of(target)}\n{target.guideline}")
            self.documents.setItem(row, 0, item)
            combo = QtWidgets.QComboBox()
            combo.addItem("—", None)
            for polarity in polarities:
                keys = f" ({polarity.shortcut})" if polarity.shortcut else ""
                combo.addItem(
                    color_icon(polarity.color, ""), f"{name_of(polarity)}{keys}", polarity.id
                )
            combo.activated.connect(lambda _i, t=target.id, c=combo: self._document_polarity(t, c))
            self.documents.setCellWidget(row, 1, combo)
            self.documents.setItem(row, 2, QtWidgets.QTableWidgetItem(""))
            self.polarity_combos[target.id] = combo
        if self.polarity_combos:  # rows as tall as their choosers, the table no taller
            row = next(iter(self.polarity_combos.values())).sizeHint().height() + 2
            self.documents.verticalHeader().setDefaultSectionSize(row)
            header = self.documents.horizontalHeader().sizeHint().height()
            self.documents.setFixedHeight(row * len(targets) + header + 4)
        keys = list_text(f"{p.shortcut} {name_of(p)}" for p in polarities if p.shortcut)
        self.document_hint.setText(
            self.tr("Keys on a row: {keys}; Del clears.").format(keys=keys)
            if targets
            else self.tr("The schema has no stance targets (Annotate > Edit schema adds them).")
        )
        for target in targets:
            self.target_combo.addItem(
                color_icon(target.color, target.shortcut or ""), name_of(target), target.id
            )
        if schema.entity_targets:
            self.target_combo.addItem(
                icon("mdi6.cursor-default-click-outline"),
                self.tr("An entity (click it)"),
                ENTITY_TARGET,
            )
        for polarity in polarities:
            self.polarity_combo.addItem(
                color_icon(polarity.color, polarity.shortcut or ""), name_of(polarity), polarity.id
            )
        self.refresh()

    # --- showing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.main.project is None:
            return
        for row in range(self.documents.rowCount()):
            target_id = self._document_cell(row, 0).data(ITEM)
            stance = self.document_stance(target_id)
            combo = self.polarity_combos[target_id]
            blocker = QtCore.QSignalBlocker(combo)
            try:
                combo.setCurrentIndex(combo.findData(stance.polarity_id) if stance else 0)
            finally:
                del blocker
            problems = self.current.problems_of(stance_id=stance.id) if stance else []
            evidence = self._document_cell(row, 2)
            evidence.setText(str(len(stance.evidence)) if stance and stance.evidence else "")
            evidence.setIcon(problem_icon(CurrentSet.worst(problems)))
            evidence.setToolTip("\n".join(text_of(p.message) for p in problems))
        if self.stance(self.selected_stance) is None:
            self.selected_stance = None
        key = self._tree_key()
        blocker = QtCore.QSignalBlocker(self.tree)
        try:
            empty(self.tree)
            for stance in self.stances:
                if stance.attributed:
                    item = self._stance_item(stance)
                    self.tree.addTopLevelItem(item)
                    item.setExpanded(True)
                    for child in child_items(item):  # evidence: the quote, all across
                        child.setFirstColumnSpanned(True)
            found = self._find_item(key) if key else None
            if found is None and self.selected_stance is not None:
                found = self._find_item(("stance", self.selected_stance))
            set_current_item(self.tree, found)
        finally:
            del blocker
        self.show_form()
        self.main.editor.viewport().update()

    def _stance_item(self, stance: StanceRow) -> QtWidgets.QTreeWidgetItem:
        schema = self.schema
        polarity = schema.label(stance.polarity_id) if stance.polarity_id is not None else None
        holder = self._span_text(stance.holder_span_id) or self.tr("(no holder)")
        if stance.target_label_id is not None:
            target = name_of(schema.label(stance.target_label_id))
        elif stance.target_span_id is not None:
            target = f"«{self._span_text(stance.target_span_id)}»"
        else:
            target = self.tr("(no target)")
        item = QtWidgets.QTreeWidgetItem([holder, name_of(polarity) if polarity else "?", target])
        item.setData(0, ITEM, ("stance", stance.id))
        problems = self.current.problems_of(stance_id=stance.id)
        severity = CurrentSet.worst(problems)
        if severity or polarity is None:
            item.setIcon(0, problem_icon(severity))
        else:
            item.setIcon(0, color_icon(polarity.color, "", 16))
        tooltip = "\n".join(text_of(p.message) for p in problems) or (stance.note or "")
        for column in range(3):
            item.setToolTip(column, tooltip)
        for evidence in stance.evidence:
            child = QtWidgets.QTreeWidgetItem(
                [
                    f"❝ {self._text(evidence.start, evidence.end)}  "
                    + offsets(evidence.start, evidence.end, brackets=True)
                ]
            )
            child.setData(0, ITEM, ("evidence", evidence.id))
            child_problems = self.current.problems_of(evidence_id=evidence.id)
            child.setIcon(0, problem_icon(CurrentSet.worst(child_problems)))
            child.setToolTip(0, "\n".join(text_of(p.message) for p in child_problems))
            item.addChild(child)
        return item

    def _tree_key(self):
        item = self.tree.currentItem()
        return item.data(0, ITEM) if item is not None else None

    def _find_item(self, key) -> QtWidgets.QTreeWidgetItem | None:
        iterator = QtWidgets.QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            if iterator.value().data(0, ITEM) == key:
                return iterator.value()
            iterator += 1
        return None

    def _stance_of_item(self, item: QtWidgets.QTreeWidgetItem | None) -> int | None:
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(0, ITEM)[1] if item is not None else None

    def _on_tree_item(self) -> None:
        self.selected_stance = self._stance_of_item(self.tree.currentItem())
        self.show_form()
        self.main.editor.viewport().update()

    def _on_document_row(self) -> None:
        row = self.documents.currentRow()
        if row < 0:
            return
        stance = self.document_stance(self._document_cell(row, 0).data(ITEM))
        if stance is not None:
            self.selected_stance = stance.id
            set_current_item(self.tree, None)
            self.show_form()
            self.main.editor.viewport().update()

    def show_form(self) -> None:
        stance = self.stance(self.selected_stance)
        # the form is for attributed stances (a document stance is a row of the table)
        attributed = stance if stance is not None and stance.attributed else None
        empty(self.problem_list)
        for combo, value in (
            (self.target_combo, self._target_value(attributed) if attributed is not None else None),
            (self.polarity_combo, attributed.polarity_id if attributed is not None else None),
        ):
            blocker = QtCore.QSignalBlocker(combo)
            try:
                combo.setCurrentIndex(combo.findData(value) if value is not None else -1)
            finally:
                del blocker
        if attributed is not None:
            holder = self._span_text(attributed.holder_span_id)
            self.holder_label.setText(f"«{holder}»" if holder else self.tr("(none — pick one)"))
            if not self.note.hasFocus():
                self.note.setText(attributed.note)
            for problem in self.current.problems_of(stance_id=attributed.id):
                item = QtWidgets.QListWidgetItem(
                    problem_icon(problem.severity), text_of(problem.message)
                )
                item.setData(ITEM, problem)
                self.problem_list.addItem(item)
        else:
            self.holder_label.setText("")
            self.note.clear()
        self.problem_list.setVisible(self.problem_list.count() > 0)
        self._update_enabled()

    def _target_value(self, stance: StanceRow) -> int | None:
        if stance.target_label_id is not None:
            return stance.target_label_id
        return ENTITY_TARGET if stance.target_span_id is not None else None

    def _update_enabled(self) -> None:
        editable = self.main.project is not None and not self.main.read_only
        stance = self.stance(self.selected_stance)
        attributed = stance is not None and stance.attributed
        self.form.setEnabled(editable and attributed)
        self.evidence_button.setEnabled(editable and stance is not None)
        self.delete_button.setEnabled(editable and stance is not None)
        self.new_button.setEnabled(editable and self.main.current_document_id is not None)
        for combo in self.polarity_combos.values():
            combo.setEnabled(editable)

    # --- document stances ---------------------------------------------------------------------

    def set_document_polarity(self, target_id: int, polarity_id: int | None) -> None:
        window = self.main
        if window.current_document_id is None or window.refuse_if_read_only():
            self.refresh()
            return
        if polarity_id is None:
            if self.document_stance(target_id) is not None:
                window.run_operation(clear_document_stance, self.current.set_id, target_id)
        else:
            window.run_operation(
                annotate_document_stance,
                window.current_document_id,
                window.set_owner,
                target_id,
                polarity_id,
            )
        self.refresh()

    def _document_polarity(self, target_id: int, combo: QtWidgets.QComboBox) -> None:
        self.set_document_polarity(target_id, combo.currentData())

    def _documents_key(self, event: QtGui.QKeyEvent) -> bool:
        row = self.documents.currentRow()
        key = label_key(event)
        target = self._target_for_key(key) if key is not None else None
        polarity = self._polarity_for_key(key) if key is not None else None
        if target is not None:
            for r in range(self.documents.rowCount()):
                if self._document_cell(r, 0).data(ITEM) == target.id:
                    self.documents.setCurrentCell(r, 0)
            return True
        if polarity is not None and row >= 0:
            target_id = self._document_cell(row, 0).data(ITEM)
            self.set_document_polarity(target_id, polarity.id)
            return True
        if bindings.matches(event, "annotate.delete") and row >= 0:
            self.set_document_polarity(self._document_cell(row, 0).data(ITEM), None)
            return True
        if bindings.matches(event, "annotate.clear"):
            self.main.editor.setFocus()
            return True
        return False

    # --- attributed stances ------------------------------------------------------------------

    def new_stance(self) -> None:
        """A stance held by the selected entity annotation (or the one clicked next)."""
        window = self.main
        if window.current_document_id is None or window.refuse_if_read_only():
            return
        if not self.schema.polarities:
            window.show_notice(
                self.tr("The schema has no polarities; add some first (Annotate > Edit schema)."),
                NOTICE_ERROR,
            )
            return
        evidence = window.editor.pending_selection()
        selected = window.editor.selected_span
        if selected is not None:
            self._create(selected, [])
        else:
            pending = [(evidence.start, evidence.end)] if evidence is not None else []
            self.picker.start(
                self.tr("Click the entity annotation who holds the stance"),
                lambda span_id: self._create(span_id, pending),
                accepts=lambda span_id: span_id in window.editor.layer.spans,
            )

    def _create(self, holder_span_id: int, evidence: list[tuple[int, int]]) -> None:
        """A new stance has no polarity, and no target unless clicking one is the only way
        to give it one: nothing is recorded that the annotator did not choose."""
        if not self.schema.stance_targets:
            self.picker.start(
                self.tr("Click the entity annotation the stance is about (its target)"),
                lambda span_id: self._create_with(holder_span_id, evidence, span_id),
                accepts=lambda span_id: span_id in self.main.editor.layer.spans,
            )
            return
        self._create_with(holder_span_id, evidence, None)

    def _create_with(
        self, holder: int, evidence: list[tuple[int, int]], target_span: int | None
    ) -> None:
        result = self.main.run_operation(
            add_attributed_stance,
            self.current.set_id,
            holder,
            None,
            target_span_id=target_span,
            evidence=evidence,
        )
        if result is None:
            return
        self.select_stance(result.value)
        self.main.show_notice(
            self.tr(
                "Stance added, incomplete: choose its polarity and target here (or press "
                "their keys in the list), and select the words that show it: {key} adds them "
                "as evidence."
            ).format(key=bindings.native_text("stance.add_evidence")),
        )

    def select_stance(self, stance_id: int | None, focus: bool = True) -> None:
        self.selected_stance = stance_id
        found = self._find_item(("stance", stance_id)) if stance_id is not None else None
        set_current_item(self.tree, found)
        self.show_form()
        if focus:
            self.focus_panel()
        self.main.editor.viewport().update()

    def focus_panel(self) -> None:
        dock = self.main.docks.get("stances")
        if dock is not None:
            dock.show()
            dock.raise_()
        (self.tree if self.tree.currentItem() is not None else self.documents).setFocus()

    def _edit(self, **values) -> None:
        if self.selected_stance is None or self.main.refuse_if_read_only():
            self.show_form()
            return
        self.main.run_operation(edit_stance, self.selected_stance, **values)

    def _target_chosen(self, index: int) -> None:
        value = self.target_combo.itemData(index)
        if value == ENTITY_TARGET:
            self.pick_target()
        else:
            self._edit(target_label_id=value)

    def _polarity_chosen(self, index: int) -> None:
        self._edit(polarity_id=self.polarity_combo.itemData(index))

    def pick_holder(self) -> None:
        if self.selected_stance is None or self.main.refuse_if_read_only():
            return
        self.picker.start(
            self.tr("Click the entity annotation who holds the stance"),
            lambda span_id: self._edit(holder_span_id=span_id),
            accepts=lambda span_id: span_id in self.main.editor.layer.spans,
        )

    def pick_target(self) -> None:
        if self.selected_stance is None or self.main.refuse_if_read_only():
            self.show_form()
            return
        self.picker.start(
            self.tr("Click the entity annotation the stance is about (its target)"),
            lambda span_id: self._edit(target_span_id=span_id),
            accepts=lambda span_id: span_id in self.main.editor.layer.spans,
        )

    def holder_from_selection(self) -> None:
        selected = self.main.editor.selected_span
        if selected is None:
            self.main.show_notice(
                self.tr("Select the holder's annotation in the text first."), NOTICE_ERROR
            )
            return
        self._edit(holder_span_id=selected)

    def add_selection_as_evidence(self) -> None:
        window = self.main
        if self.selected_stance is None:
            window.show_notice(
                self.tr("Select a stance first (in the stance panel)."), NOTICE_ERROR
            )
            return
        if window.refuse_if_read_only():
            return
        pending = window.editor.pending_selection()
        if pending is None:
            window.show_notice(
                self.tr("Select the words that show the stance in the text first."), NOTICE_ERROR
            )
            return
        if window.run_operation(add_evidence, self.selected_stance, pending.start, pending.end):
            window.editor.clear_selection()

    def _save_note(self) -> None:
        stance = self.stance(self.selected_stance)
        if stance is None or self.note.text() == stance.note or self.main.read_only:
            return
        self._edit(note=self.note.text())

    def delete_selected(self) -> None:
        """Delete the selected stance with its evidence."""
        if self.selected_stance is not None and not self.main.refuse_if_read_only():
            self.main.run_operation(delete_stance, self.selected_stance)

    def delete_current_item(self) -> None:
        """Del in the list: the evidence row it is on, or the whole stance."""
        key = self._tree_key()
        if key is not None and key[0] == "evidence":
            if not self.main.refuse_if_read_only():
                self.main.run_operation(remove_evidence, key[1])
        else:
            self.delete_selected()

    def _tree_keys(self, event: QtGui.QKeyEvent) -> bool:
        key = label_key(event)
        if key is not None and self.selected_stance is not None:
            polarity = self._polarity_for_key(key)
            target = self._target_for_key(key)
            if polarity is not None:
                self._edit(polarity_id=polarity.id)
                return True
            if target is not None:
                self._edit(target_label_id=target.id)
                return True
        if bindings.matches(event, "annotate.delete"):
            self.delete_current_item()
            return True
        if bindings.matches(event, "event.confirm_candidate"):
            self._jump(self.tree.currentItem())
            return True
        if bindings.matches(event, "annotate.clear"):
            self.main.editor.setFocus()
            return True
        return False

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            isinstance(event, QtGui.QKeyEvent)
            and event.type() == QtCore.QEvent.Type.KeyPress
            and self.main.project is not None  # the keys are the schema's
        ):
            if watched is self.documents and self._documents_key(event):
                return True
            if watched is self.tree and self._tree_keys(event):
                return True
        return super().eventFilter(watched, event)

    # --- jumping -------------------------------------------------------------------------------

    def _jump(self, item: QtWidgets.QTreeWidgetItem | None) -> None:
        if item is None:
            return
        kind, item_id = item.data(0, ITEM)
        editor = self.main.editor
        stance = self.stance(self._stance_of_item(item))
        if stance is None:
            return
        if kind == "evidence":
            evidence = next((e for e in stance.evidence if e.id == item_id), None)
            if evidence is not None:
                editor.ensure_visible(evidence.start)
        elif stance.holder_span_id in editor.layer.spans:
            editor.select_span(stance.holder_span_id)

    def _jump_to_problem(self, item: QtWidgets.QListWidgetItem) -> None:
        problem = item.data(ITEM)
        if problem.start is not None:
            self.main.editor.ensure_visible(problem.start)

    # --- drawing in the text ----------------------------------------------------------------------

    def paint(self, painter: QtGui.QPainter, first: int, last: int) -> None:
        """The selected stance: holder (H) and target (T) outlined, evidence underlined."""
        stance = self.stance(self.selected_stance)
        if stance is None or self.main.project is None:
            return
        editor = self.main.editor
        if stance.polarity_id is not None:
            color = self.schema.label(stance.polarity_id).color
        else:  # not chosen yet
            color = editor.palette().color(QtGui.QPalette.ColorRole.PlaceholderText).name()
        radius = max(5.0, editor.chip_height * 0.42)
        for span_id, letter in ((stance.holder_span_id, "H"), (stance.target_span_id, "T")):
            span = editor.layer.spans.get(span_id) if span_id is not None else None
            if span is None:
                continue
            boxes = editor.range_boxes(span.start, span.end)
            if boxes:
                outline(painter, [b.rect for b in boxes], color, width=2.0)
                top = boxes[0].top
                left = min(b.rect.left() for b in boxes if b.top == top)
                center = QtCore.QPointF(left - radius * 0.3, top + editor.chip_height * 0.5)
                paint_badge(painter, center, radius, letter, color)
        pen = QtGui.QPen(QtGui.QColor(color), 2.4)
        pen.setStyle(Qt.PenStyle.DotLine)
        for evidence in stance.evidence:
            if evidence.end <= first or evidence.start >= last:
                continue
            painter.setPen(pen)
            for box in editor.range_boxes(evidence.start, evidence.end):
                y = box.rect.bottom() - 2
                painter.drawLine(
                    QtCore.QPointF(box.rect.left(), y), QtCore.QPointF(box.rect.right(), y)
                )

    def tooltip(self, position: int) -> str | None:
        stance = self.stance(self.selected_stance)
        if stance is None or self.main.project is None:
            return None
        for evidence in stance.evidence:
            if evidence.start <= position < evidence.end:
                if stance.polarity_id is None:
                    return self.tr("<p>Evidence of the selected stance (no polarity yet)</p>")
                polarity = self.schema.label(stance.polarity_id)
                text = self.tr("Evidence of the selected stance: {polarity}").format(
                    polarity=f"<b>{escape(name_of(polarity))}</b>"
                )
                return f"<p>{text}</p>"
        return None


def install(window: MainWindow) -> None:
    panel = StancePanel(window)
    window.add_panel(
        "stances",
        translate("StancePanel", "Stances"),
        panel,
        Qt.DockWidgetArea.RightDockWidgetArea,
        behind="events",
    )
    window.editor.add_painter(panel.paint)
    window.editor.add_tooltip_provider(panel.tooltip)
    window.add_action(
        "annotate",
        translate("StancePanel", "Go to the &stance panel"),
        panel.focus_panel,
        binding="stance.panel",
        icon_name="mdi6.account-voice",
    )
    window.add_action(
        "annotate",
        translate("StancePanel", "&New attributed stance"),
        panel.new_stance,
        binding="stance.new",
    )
    window.add_action(
        "annotate",
        translate("StancePanel", "Add selection as stance e&vidence"),
        panel.add_selection_as_evidence,
        binding="stance.add_evidence",
        icon_name="mdi6.format-quote-open",
    )
