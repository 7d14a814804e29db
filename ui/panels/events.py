"""The event panel: triggers with typed, role-filling arguments.

Marking an event: select the trigger text ("أقال", "استحواذ", "ضخ") and press the
event type's key (the schema gives them letters: q, w, e…) or click the type in the
panel's palette. The panel lists the document's events; the selected one shows its
role slots (required ones starred, the entity labels each accepts). A slot is filled

- with the mouse: choose the role, "Pick in text" (or double-click it), click the
  entity annotation;
- with the keyboard: on a role, Space shows the entity annotations it accepts one by
  one, nearest the trigger first (`core.annotation.events.argument_candidates`), Shift+Space goes
  back, Enter fills the role; on an argument, the same keys reassign it.

Del removes the selected argument (or, in the event list, the event); the menu on an
argument moves it to another role. In the text, every trigger carries an outlined
chip with its event type; the selected event draws a numbered badge on each argument
and an arc to its trigger. Problems (`core.annotation.validation`: a deleted span, a label the
role does not accept, a required role left empty) are flagged here, never dropped.
What is drawn on the text is ui/panels/event_marks.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from html import escape
from typing import TYPE_CHECKING

from core.annotation.events import (
    ArgumentRow,
    Candidate,
    EventRow,
    add_argument,
    annotate_event,
    argument_candidates,
    change_event_type,
    delete_event,
    reassign_argument,
    remove_argument,
    set_event_note,
)
from core.annotation.spans import SpanRow
from core.annotation.validation import ERROR, MISSING_REQUIRED, Problem, detached_label
from core.project.changes import Changes
from core.schema.model import LabelInfo, ProjectSchema, RoleInfo
from ui import bindings
from ui.bidi import offsets
from ui.current_set import CurrentSet
from ui.i18n import list_text, name_of, text_of, translate
from ui.item_views import empty, set_current_item, take_widgets, top_level_items
from ui.keys import label_key
from ui.marks import (
    color_icon,
    problem_icon,
    themed,
)
from ui.notice import ERROR as NOTICE_ERROR
from ui.notice import INFO
from ui.panels.event_marks import EventMarks
from ui.qt import Qt, QtCore, QtGui, QtWidgets
from ui.span_picker import SpanPicker

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ITEM = Qt.ItemDataRole.UserRole  # ("role", role id) or ("argument", argument id) or event id
PALETTE_COLUMNS = 3


@dataclass
class Cycle:
    """Going through the candidates of one role (or for one argument) by keyboard."""

    event_id: int
    role_id: int
    argument_id: int | None
    candidates: list[Candidate]
    index: int = 0

    @property
    def current(self) -> Candidate:
        return self.candidates[self.index]


class EventPanel(QtWidgets.QWidget):
    def __init__(self, window: MainWindow, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.main = window
        self.current = window.current_set
        self.picker = SpanPicker.of(window)
        self.marks = EventMarks(self)
        self.selected_event: int | None = None
        self.cycle: Cycle | None = None
        self.type_buttons: dict[int, QtWidgets.QToolButton] = {}
        self.numbers: dict[int, int] = {}  # argument id -> its number in the text

        palette_scroll = self._build_palette()
        self._build_event_list()
        self.detail = self._build_detail()
        events_box = self._build_events_box()
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(events_box)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(palette_scroll)
        layout.addWidget(splitter, 1)

        self.current.changed.connect(self.refresh)
        window.project_changed.connect(lambda _project: self.rebuild_palette())
        window.operation_did_execute.connect(self._on_operation)
        window.editor.clicked.connect(self._on_text_clicked)
        self.picker.changed.connect(self._update_buttons)
        self.rebuild_palette()
        self.refresh()

    def _build_palette(self) -> QtWidgets.QScrollArea:
        """The event types, a button each (filled by rebuild_palette)."""
        self.palette_box = QtWidgets.QWidget()
        self.palette_grid = QtWidgets.QGridLayout(self.palette_box)
        self.palette_grid.setContentsMargins(0, 0, 0, 0)
        self.palette_grid.setSpacing(2)
        palette_scroll = QtWidgets.QScrollArea()
        palette_scroll.setWidget(self.palette_box)
        palette_scroll.setWidgetResizable(True)
        palette_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        palette_scroll.setMaximumHeight(112)
        palette_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return palette_scroll

    def _build_event_list(self) -> None:
        """The document's events."""
        self.summary = QtWidgets.QLabel()
        self.summary.setProperty("role", "muted")
        self.summary.setWordWrap(True)
        self.list = QtWidgets.QTreeWidget()
        self.list.setHeaderLabels([self.tr("Event"), self.tr("Trigger"), self.tr("Arguments")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setIconSize(QtCore.QSize(16, 16))
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.list.currentItemChanged.connect(self._on_current_event)
        self.list.installEventFilter(self)

    def _build_events_box(self) -> QtWidgets.QWidget:
        """The document's events under their summary."""
        events_box = QtWidgets.QWidget()
        events_layout = QtWidgets.QVBoxLayout(events_box)
        events_layout.setContentsMargins(0, 0, 0, 0)
        events_layout.addWidget(self.summary)
        events_layout.addWidget(self.list, 1)
        return events_box

    def _build_argument_controls(self) -> None:
        """Filling, cycling and removing arguments; the event's note and problems."""
        self.candidate_label = QtWidgets.QLabel()
        self.candidate_label.setWordWrap(True)
        self.candidate_label.setProperty("role", "muted")
        self.pick_button = themed(
            QtWidgets.QPushButton(self.tr("Pick")), "mdi6.cursor-default-click-outline"
        )
        self.pick_button.setToolTip(
            self.tr("Fill the role: click an entity annotation in the text")
        )
        self.pick_button.clicked.connect(self.pick_in_text)
        self.next_button = QtWidgets.QPushButton(self.tr("Next"))
        self.next_button.setToolTip(
            self.tr(
                "Show the next entity annotation the role accepts ({next}); {fill} fills it"
            ).format(
                next=bindings.native_text("event.next_candidate"),
                fill=bindings.native_text("event.confirm_candidate"),
            )
        )
        self.next_button.clicked.connect(lambda: self.cycle_candidates(+1))
        self.fill_button = QtWidgets.QPushButton(self.tr("Fill"))
        self.fill_button.setToolTip(self.tr("Fill the role with the candidate shown"))
        self.fill_button.clicked.connect(self.confirm_candidate)
        self.remove_button = themed(
            QtWidgets.QPushButton(self.tr("Remove")), "mdi6.link-variant-off"
        )
        self.remove_button.setToolTip(self.tr("Remove the selected argument (the entity stays)"))
        self.remove_button.clicked.connect(self.remove_selected_argument)
        self.note = QtWidgets.QLineEdit()
        self.note.setPlaceholderText(self.tr("Note on this event"))
        self.note.editingFinished.connect(self._save_note)
        self.problem_list = QtWidgets.QListWidget()
        self.problem_list.setWordWrap(True)
        self.problem_list.itemActivated.connect(self._jump_to_problem)
        self.problem_list.itemClicked.connect(self._jump_to_problem)

    def _build_detail(self) -> QtWidgets.QWidget:
        """The selected event: its type, its roles and arguments, what fills them."""
        self.type_combo = QtWidgets.QComboBox()
        self.type_combo.setToolTip(
            self.tr("Change the event type (arguments keep roles of the same name)")
        )
        self.type_combo.activated.connect(self._change_type)
        self.delete_button = QtWidgets.QToolButton()
        themed(self.delete_button, "mdi6.trash-can-outline")
        self.delete_button.setToolTip(
            self.tr("Delete the event with its arguments (the entities stay)")
        )
        self.delete_button.clicked.connect(self.delete_selected_event)
        self.roles = QtWidgets.QTreeWidget()
        self.roles.setHeaderLabels([self.tr("Role"), self.tr("Argument")])
        self.roles.setUniformRowHeights(True)
        self.roles.setIconSize(QtCore.QSize(16, 16))
        self.roles.header().setSectionResizeMode(
            0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        self.roles.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.roles.customContextMenuRequested.connect(self._roles_menu)
        self.roles.itemClicked.connect(self._on_role_item_clicked)
        self.roles.itemDoubleClicked.connect(lambda _item, _col: self.pick_in_text())
        self.roles.currentItemChanged.connect(lambda *_: self._role_changed())
        self.roles.installEventFilter(self)
        # room for a role, its argument and two more: the panel scrolls before this shrinks
        row = self.roles.fontMetrics().height() + 8
        self.roles.setMinimumHeight(5 * row)
        self._build_argument_controls()

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.type_combo, 1)
        top.addWidget(self.delete_button)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.pick_button, self.next_button, self.fill_button, self.remove_button):
            buttons.addWidget(button)
        detail = QtWidgets.QWidget()
        detail_layout = QtWidgets.QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(top)
        detail_layout.addWidget(self.roles, 3)
        detail_layout.addWidget(self.candidate_label)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(self.note)
        detail_layout.addWidget(self.problem_list, 1)
        # said outright: a splitter sizes its parts by their hints, which leave out that
        # the candidate line wraps, and would squeeze the roles under the buttons
        detail.setMinimumHeight(detail.minimumSizeHint().height() + self.fontMetrics().height())
        return detail

    def _on_operation(self, changes: Changes) -> None:
        if changes.schema:
            self.rebuild_palette()

    # --- reading ----------------------------------------------------------------------

    @property
    def schema(self) -> ProjectSchema:
        return self.main.require_project().schema

    @property
    def events(self) -> list[EventRow]:
        content = self.current.content
        return content.events if content is not None else []

    def event_row(self, event_id: int | None) -> EventRow | None:
        return next((e for e in self.events if e.id == event_id), None)

    def text_of(self, start: int, end: int) -> str:
        return self.main.editor.text[start:end].replace("\n", " ")

    # --- the palette ------------------------------------------------------------------

    def rebuild_palette(self) -> None:
        for widget in take_widgets(self.palette_grid):
            widget.deleteLater()
        self.type_buttons = {}
        self.type_combo.clear()
        if self.main.project is None:
            return
        for i, event_type in enumerate(self.schema.event_types):
            button = QtWidgets.QToolButton()
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(
                QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed
            )
            button.setIcon(color_icon(event_type.color, event_type.shortcut or ""))
            button.setText(name_of(event_type))
            button.setAutoRaise(True)
            button.setToolTip(_type_tooltip(event_type, self.schema.roles_of(event_type.id)))
            button.clicked.connect(lambda _=False, t=event_type.id: self.mark_trigger(t))
            self.palette_grid.addWidget(button, i // PALETTE_COLUMNS, i % PALETTE_COLUMNS)
            self.type_buttons[event_type.id] = button
            self.type_combo.addItem(
                color_icon(event_type.color, event_type.shortcut or ""),
                name_of(event_type),
                event_type.id,
            )

    def type_for_key(self, key: str) -> LabelInfo | None:
        if self.main.project is None:
            return None
        for event_type in self.schema.event_types:
            if event_type.shortcut and event_type.shortcut.lower() == key:
                return event_type
        return None

    # --- marking a trigger ----------------------------------------------------------------

    def on_label_key(self, key: str, exact: bool) -> bool:
        """A label key the entity labels do not use: an event type's marks a trigger."""
        event_type = self.type_for_key(key)
        if event_type is None:
            return False
        self.mark_trigger(event_type.id, exact)
        return True

    def mark_trigger(self, type_id: int, exact: bool = False) -> int | None:
        """Mark the selected text as the trigger of a new event of this type."""
        window = self.main
        if window.current_document_id is None or window.refuse_if_read_only():
            return None
        pending = window.editor.pending_selection(force_exact=exact)
        if pending is None:
            window.show_notice(
                self.tr(
                    "Select the trigger text first (the word that says what happened: "
                    "«أقال», «استحواذ», «ضخ»), then press the event type's key."
                ),
                NOTICE_ERROR,
            )
            return None
        result = window.run_operation(
            annotate_event,
            window.current_document_id,
            window.set_owner,
            type_id,
            pending.start,
            pending.end,
        )
        if result is None:
            return None
        window.editor.clear_selection()
        self.select_event(result.value, scroll=False)
        self.focus_roles()
        return result.value

    # --- showing ----------------------------------------------------------------------

    def refresh(self) -> None:
        """The shown set changed: list its events again, keeping the selection."""
        if self.cycle is not None and self.event_row(self.cycle.event_id) is None:
            self.cycle = None
        events = self.events
        blocker = QtCore.QSignalBlocker(self.list)
        try:
            empty(self.list)
            for event in events:
                self.list.addTopLevelItem(self._event_item(event))
        finally:
            del blocker
        errors = sum(1 for p in self._event_problems() if p.severity == ERROR)
        warnings = len(self._event_problems()) - errors
        count = len(events)
        text = self.tr("%n event(s)", None, count)
        if errors or warnings:
            text += " · " + list_text(
                [self.tr("%n error(s)", None, errors), self.tr("%n warning(s)", None, warnings)]
            )
        if self.main.current_document_id is None:
            text = self.tr("No document open.")
        elif not count:
            text = self.tr("{events} — select a trigger word and press an event type's key").format(
                events=text
            )
        self.summary.setText(text)
        if self.event_row(self.selected_event) is None:
            self.selected_event = None
        self._select_item(self.selected_event)
        self.show_detail()
        self.main.editor.viewport().update()

    def _event_problems(self) -> list[Problem]:
        return [p for p in self.current.problems if p.event_id is not None]

    def _event_item(self, event: EventRow) -> QtWidgets.QTreeWidgetItem:
        schema = self.schema
        event_type = schema.label(event.type_id)
        problems = self.current.problems_of(event_id=event.id)
        item = QtWidgets.QTreeWidgetItem(
            [name_of(event_type), self.text_of(event.start, event.end), str(len(event.arguments))]
        )
        item.setData(0, ITEM, event.id)
        severity = CurrentSet.worst(problems)
        item.setIcon(
            0, problem_icon(severity) if severity else color_icon(event_type.color, "", size=16)
        )
        tooltip = f"{name_of(event_type)} · {offsets(event.start, event.end)}"
        if problems:
            tooltip += "\n" + "\n".join(text_of(p.message) for p in problems)
        for column in range(3):
            item.setToolTip(column, tooltip)
        return item

    def _select_item(self, event_id: int | None) -> None:
        blocker = QtCore.QSignalBlocker(self.list)
        try:
            for item in top_level_items(self.list):
                if item.data(0, ITEM) == event_id:
                    self.list.setCurrentItem(item)
                    self.list.scrollToItem(item)
                    return
            set_current_item(self.list, None)
            self.list.clearSelection()
        finally:
            del blocker

    def select_event(self, event_id: int | None, scroll: bool = True) -> None:
        """Make an event the selected one (its roles shown, its marks drawn)."""
        if event_id != self.selected_event:
            self.cycle = None
        self.selected_event = event_id
        self._select_item(event_id)
        self.show_detail()
        event = self.event_row(event_id)
        if event is not None and scroll:
            self.main.editor.ensure_visible(event.start)
        self.main.editor.viewport().update()

    def _on_current_event(self, item: QtWidgets.QTreeWidgetItem | None, _previous) -> None:
        self.select_event(item.data(0, ITEM) if item is not None else None)

    def show_detail(self) -> None:
        """The selected event's roles, arguments, note and problems."""
        event = self.event_row(self.selected_event)
        current_key = self._current_key()
        roles_blocker = QtCore.QSignalBlocker(self.roles)
        empty(self.roles)
        empty(self.problem_list)
        self.numbers = {}
        self.detail.setEnabled(event is not None)
        blocker = QtCore.QSignalBlocker(self.type_combo)
        try:
            index = self.type_combo.findData(event.type_id) if event is not None else -1
            self.type_combo.setCurrentIndex(index)
        finally:
            del blocker
        if event is None:
            roles_blocker.unblock()
            self.problem_list.hide()
            self.note.clear()
            self._role_changed()
            return
        if not self.note.hasFocus():
            self.note.setText(event.note)
        schema = self.schema
        content = self.current.content  # holds the event, so it is there
        spans = content.spans if content is not None else {}
        number = 0
        roles = schema.roles_of(event.type_id)
        own_roles = {role.id for role in roles}
        groups: list[tuple[RoleInfo | None, list]] = [(r, event.arguments_of(r.id)) for r in roles]
        strays = [a for a in event.arguments if a.role_id not in own_roles]
        if strays:
            groups.append((None, strays))
        for role, arguments in groups:
            role_item = self._role_item(event, role)
            self.roles.addTopLevelItem(role_item)
            for argument in arguments:
                number += 1
                self.numbers[argument.id] = number
                role_item.addChild(self._argument_item(argument, role, number, spans))
            role_item.setExpanded(True)
        for problem in self.current.problems_of(event_id=event.id):
            item = QtWidgets.QListWidgetItem(
                problem_icon(problem.severity), text_of(problem.message)
            )
            item.setData(ITEM, problem)
            self.problem_list.addItem(item)
        self.problem_list.setVisible(self.problem_list.count() > 0)
        self._restore_current(current_key)
        roles_blocker.unblock()
        self._role_changed()

    def _role_item(self, event: EventRow, role: RoleInfo | None) -> QtWidgets.QTreeWidgetItem:
        """A role of the event with its problems, or (None) the roles of another type."""
        role_item = QtWidgets.QTreeWidgetItem(self._role_texts(role))
        role_item.setForeground(1, self.palette().brush(QtGui.QPalette.ColorRole.PlaceholderText))
        if role is None:
            role_item.setData(0, ITEM, ("strays", 0))
            role_item.setIcon(0, problem_icon(ERROR))
            return role_item
        role_item.setData(0, ITEM, ("role", role.id))
        problems = self.current.problems_of(event_id=event.id, role_id=role.id)
        role_problems = [p for p in problems if p.argument_id is None]
        severity = CurrentSet.worst(role_problems)
        role_item.setIcon(0, problem_icon(severity))
        tooltip = _role_tooltip(self.schema, role)
        if role_problems:
            tooltip += "\n" + "\n".join(text_of(p.message) for p in role_problems)
        role_item.setToolTip(0, tooltip)
        role_item.setToolTip(1, tooltip)
        return role_item

    def _argument_item(
        self,
        argument: ArgumentRow,
        role: RoleInfo | None,
        number: int,
        spans: Mapping[int, SpanRow],
    ) -> QtWidgets.QTreeWidgetItem:
        """An argument under its role: its number in the text, its entity and problems."""
        schema = self.schema
        span = spans.get(argument.span_id) if argument.span_id else None
        if span is not None:
            label = name_of(schema.label(span.label_id))
            text = f"{self.text_of(span.start, span.end)}  ({label})"
        elif argument.detached:
            text = self.tr("(deleted) {label} {offsets}").format(
                label=text_of(detached_label(schema, argument.detached_label)),
                offsets=offsets(argument.detached_start or 0, argument.detached_end or 0),
            )
        else:
            text = self.tr("(an entity of another set)")
        prefix = "" if role is not None else f"{name_of(schema.role(argument.role_id))}: "
        child = QtWidgets.QTreeWidgetItem([str(number), prefix + text])
        child.setData(0, ITEM, ("argument", argument.id))
        problems = self.current.problems_of(argument_id=argument.id)
        child.setIcon(0, problem_icon(CurrentSet.worst(problems)))
        tooltip = "\n".join(text_of(p.message) for p in problems) or self.tr(
            "Enter or click: show it"
        )
        child.setToolTip(0, tooltip)
        child.setToolTip(1, tooltip)
        return child

    def _role_texts(self, role: RoleInfo | None) -> list[str]:
        if role is None:
            return [self.tr("Other roles"), self.tr("after a type change: reassign or remove")]
        schema = self.schema
        name = name_of(role) + (" *" if role.required else "")
        allowed = " · ".join(sorted(name_of(schema.label(i)) for i in role.allowed_label_ids))
        accepts = allowed or self.tr("any entity")
        if role.multiple:
            accepts += " · " + self.tr("several")
        return [name, accepts]

    def _current_key(self):
        item = self.roles.currentItem()
        return item.data(0, ITEM) if item is not None else None

    def _restore_current(self, key) -> None:
        found = self._find_role_item(key) if key is not None else None
        if found is not None:
            self.roles.setCurrentItem(found)

    def _find_role_item(self, key) -> QtWidgets.QTreeWidgetItem | None:
        iterator = QtWidgets.QTreeWidgetItemIterator(self.roles)
        while iterator.value() is not None:
            item = iterator.value()
            if item.data(0, ITEM) == key:
                return item
            iterator += 1
        return None

    def current_role(self) -> tuple[int | None, int | None]:
        """(role id, argument id) of the current row of the roles tree."""
        key = self._current_key()
        event = self.event_row(self.selected_event)
        if key is None or event is None:
            return None, None
        kind, item_id = key
        if kind == "role":
            return item_id, None
        if kind == "argument":
            argument = next((a for a in event.arguments if a.id == item_id), None)
            return (argument.role_id, argument.id) if argument is not None else (None, None)
        return None, None

    def focus_roles(self) -> None:
        """Show the panel and put the keyboard on the first role still to fill (required
        roles first)."""
        dock = self.main.docks.get("events")
        if dock is not None:
            dock.show()
            dock.raise_()
        event = self.event_row(self.selected_event)
        if event is None:
            self.list.setFocus()
            return
        roles = self.schema.roles_of(event.type_id)
        empty = [r for r in roles if not event.arguments_of(r.id)]
        target = next((r for r in empty if r.required), empty[0] if empty else None)
        if target is None and roles:
            target = roles[0]
        if target is not None:
            item = self._find_role_item(("role", target.id))
            if item is not None:
                self.roles.setCurrentItem(item)
        self.roles.setFocus()

    def _role_changed(self) -> None:
        role_id, argument_id = self.current_role()
        cycle = self.cycle
        if cycle is not None and (cycle.role_id, cycle.argument_id) != (role_id, argument_id):
            self.cycle = None
            self.main.editor.viewport().update()
        self._update_candidate_label()
        self._update_buttons()

    def _update_buttons(self) -> None:
        role_id, argument_id = self.current_role()
        editable = not self.main.read_only and self.main.project is not None
        self.pick_button.setEnabled(editable and role_id is not None)
        self.next_button.setEnabled(editable and role_id is not None)
        self.fill_button.setEnabled(editable and self.cycle is not None)
        self.remove_button.setEnabled(editable and argument_id is not None)
        self.delete_button.setEnabled(editable and self.selected_event is not None)
        self.type_combo.setEnabled(editable and self.selected_event is not None)
        self.note.setReadOnly(not editable)
        for button in self.type_buttons.values():
            button.setEnabled(editable)
        self.pick_button.setText(self.tr("Picking…") if self.picker.active else self.tr("Pick"))

    def _update_candidate_label(self) -> None:
        cycle = self.cycle
        if cycle is None:
            role_id, argument_id = self.current_role()
            if role_id is None:
                self.candidate_label.setText(
                    self.tr(
                        "Choose a role, then Space for the nearest entity it accepts (Enter fills "
                        "it), or Pick and click an entity in the text."
                    )
                    if self.selected_event is not None
                    else self.tr(
                        "Select an event, or mark a trigger: select its word and press the "
                        "event type's key."
                    )
                )
            else:
                self.candidate_label.setText(
                    self.tr(
                        "Space: nearest entity that fits, Enter: reassign this argument · "
                        "Pick: click it in the text"
                    )
                    if argument_id
                    else self.tr(
                        "Space: nearest entity that fits, Enter: fill the role · "
                        "Pick: click it in the text"
                    )
                )
            return
        candidate = cycle.current
        span = candidate.span
        label = name_of(self.schema.label(span.label_id))
        if candidate.distance:
            away = self.tr("%n character(s) away", None, candidate.distance)
        else:
            away = self.tr("touching the trigger")
        self.candidate_label.setText(
            self.tr(
                "Candidate {number} of {count}: «{text}» {label}, {away} — Enter to use it, "
                "Space for the next"
            ).format(
                number=cycle.index + 1,
                count=len(cycle.candidates),
                text=self.text_of(span.start, span.end),
                label=label,
                away=away,
            )
        )

    # --- filling roles ------------------------------------------------------------------------

    def cycle_candidates(self, step: int) -> Candidate | None:
        """Show the next (or previous) entity the current role accepts, nearest first."""
        event = self.event_row(self.selected_event)
        role_id, argument_id = self.current_role()
        if event is None or role_id is None or self.main.project is None:
            return None
        cycle = self.cycle
        if cycle is None or (cycle.role_id, cycle.argument_id) != (role_id, argument_id):
            candidates = argument_candidates(self.main.project, event.id, role_id)
            if not candidates:
                self.cycle = None
                role = self.schema.role(role_id)
                self.main.show_notice(
                    self.tr(
                        "No entity annotation here fits {role} (it accepts {labels}); annotate "
                        "one first."
                    ).format(role=name_of(role), labels=self._role_texts(role)[1]),
                    NOTICE_ERROR,
                )
                self._update_buttons()
                return None
            self.cycle = cycle = Cycle(event.id, role_id, argument_id, candidates, 0)
        else:
            cycle.index = (cycle.index + step) % len(cycle.candidates)
        span = cycle.current.span
        self.main.editor.ensure_visible(span.start)
        self.main.editor.viewport().update()
        self._update_candidate_label()
        self._update_buttons()
        return cycle.current

    def confirm_candidate(self) -> bool:
        cycle = self.cycle
        if cycle is None:
            return False
        span_id = cycle.current.span.id
        self.cycle = None
        return self._use_span(span_id, cycle.role_id, cycle.argument_id)

    def _use_span(self, span_id: int, role_id: int, argument_id: int | None) -> bool:
        window = self.main
        if window.refuse_if_read_only():
            return False
        if argument_id is not None:
            result = window.run_operation(reassign_argument, argument_id, span_id=span_id)
        else:
            result = window.run_operation(add_argument, self.selected_event, role_id, span_id)
        self.main.editor.viewport().update()
        if result is None:
            return False
        role = self.schema.role(role_id)
        event = self.event_row(self.selected_event)
        if argument_id is None and event is not None and not role.multiple:
            self.focus_roles()  # on to the next role still to fill
        elif argument_id is None:
            item = self._find_role_item(("role", role_id))
            if item is not None:
                self.roles.setCurrentItem(item)
        self._update_candidate_label()
        return True

    def pick_in_text(self) -> None:
        """Fill the current role (or reassign the current argument) by clicking an entity."""
        event = self.event_row(self.selected_event)
        role_id, argument_id = self.current_role()
        if event is None or role_id is None or self.main.refuse_if_read_only():
            return
        role = self.schema.role(role_id)
        spans = self.main.editor.layer.spans
        event_type = name_of(self.schema.label(event.type_id))
        self.cycle = None
        self.picker.start(
            self.tr(
                "Click the entity annotation for {role} of {type} (it accepts {labels})"
            ).format(role=name_of(role), type=event_type, labels=self._role_texts(role)[1]),
            lambda span_id: self._use_span(span_id, role_id, argument_id),
            accepts=lambda span_id: span_id in spans and role.accepts(spans[span_id].label_id),
        )

    def remove_selected_argument(self) -> None:
        _role_id, argument_id = self.current_role()
        if argument_id is None or self.main.refuse_if_read_only():
            return
        self.main.run_operation(remove_argument, argument_id)

    def move_argument(self, argument_id: int, role_id: int) -> None:
        if not self.main.refuse_if_read_only():
            self.main.run_operation(reassign_argument, argument_id, role_id=role_id)

    def delete_selected_event(self) -> None:
        if self.selected_event is None or self.main.refuse_if_read_only():
            return
        self.main.run_operation(delete_event, self.selected_event)

    def change_type(self, type_id: int) -> None:
        event = self.event_row(self.selected_event)
        if event is None or event.type_id == type_id or self.main.refuse_if_read_only():
            self.show_detail()
            return
        result = self.main.run_operation(change_event_type, event.id, type_id)
        if result is not None and result.value:
            self.main.show_notice(
                self.tr(
                    "%n argument(s) found no role of the same name in {type}: they are kept "
                    "under “Other roles”, flagged; reassign or remove them.",
                    None,
                    result.value,
                ).format(type=name_of(self.schema.label(type_id))),
                INFO,
            )

    def _change_type(self, index: int) -> None:
        self.change_type(self.type_combo.itemData(index))

    def _save_note(self) -> None:
        event = self.event_row(self.selected_event)
        if event is None or self.note.text() == event.note or self.main.read_only:
            return
        self.main.run_operation(set_event_note, event.id, self.note.text())

    # --- mouse and keys ------------------------------------------------------------------------

    def _on_role_item_clicked(self, item: QtWidgets.QTreeWidgetItem, _column: int) -> None:
        kind, item_id = item.data(0, ITEM)
        if kind == "argument":
            self.jump_to_argument(item_id)

    def jump_to_argument(self, argument_id: int) -> None:
        event = self.event_row(self.selected_event)
        argument = (
            next((a for a in event.arguments if a.id == argument_id), None) if event else None
        )
        if argument is None:
            return
        editor = self.main.editor
        if argument.span_id is not None and argument.span_id in editor.layer.spans:
            editor.select_span(argument.span_id)
        elif argument.detached_start is not None:
            editor.ensure_visible(argument.detached_start)

    def _jump_to_problem(self, item: QtWidgets.QListWidgetItem) -> None:
        problem: Problem = item.data(ITEM)
        editor = self.main.editor
        if problem.argument_id is not None:
            self.jump_to_argument(problem.argument_id)
        elif problem.start is not None:
            editor.ensure_visible(problem.start)
        if problem.code == MISSING_REQUIRED and problem.role_id is not None:
            found = self._find_role_item(("role", problem.role_id))
            if found is not None:
                self.roles.setCurrentItem(found)
                self.roles.setFocus()

    def _roles_menu(self, point: QtCore.QPoint) -> None:
        item = self.roles.itemAt(point)
        if item is None:
            return
        self.roles.setCurrentItem(item)
        kind, item_id = item.data(0, ITEM)
        menu = QtWidgets.QMenu(self)
        if kind in ("role", "argument"):
            menu.addAction(self.tr("Pick in text…"), self.pick_in_text)
            menu.addAction(self.tr("Next candidate"), lambda: self.cycle_candidates(+1))
        if kind == "argument":
            menu.addAction(self.tr("Show in text"), lambda: self.jump_to_argument(item_id))
            move = menu.addMenu(self.tr("Move to role"))
            event = self.event_row(self.selected_event)
            assert event is not None, "the roles list shows the selected event's arguments"
            argument = next(a for a in event.arguments if a.id == item_id)
            for role in self.schema.roles_of(event.type_id):
                action = move.addAction(role.key, partial(self.move_argument, item_id, role.id))
                action.setEnabled(role.id != argument.role_id)
            menu.addAction(self.tr("Remove argument"), self.remove_selected_argument)
        for action in menu.actions():
            action.setEnabled(action.isEnabled() and not self.main.read_only)
        menu.exec(self.roles.viewport().mapToGlobal(point))

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if not (isinstance(event, QtGui.QKeyEvent) and event.type() == QtCore.QEvent.Type.KeyPress):
            return super().eventFilter(watched, event)
        if watched is self.roles:
            return self._roles_key(event)
        if watched is self.list:
            return self._list_key(event)
        return super().eventFilter(watched, event)

    def _roles_key(self, event: QtGui.QKeyEvent) -> bool:
        if bindings.matches(event, "event.next_candidate"):
            self.cycle_candidates(+1)
        elif bindings.matches(event, "event.previous_candidate"):
            self.cycle_candidates(-1)
        elif bindings.matches(event, "event.confirm_candidate"):
            if not self.confirm_candidate():
                _role, argument_id = self.current_role()
                if argument_id is not None:
                    self.jump_to_argument(argument_id)
        elif bindings.matches(event, "annotate.delete"):
            self.remove_selected_argument()
        elif bindings.matches(event, "annotate.clear"):
            if self.cycle is not None:
                self.cycle = None
                self._update_candidate_label()
                self._update_buttons()
                self.main.editor.viewport().update()
            else:
                self.main.editor.setFocus()
        else:
            return False
        return True

    def _list_key(self, event: QtGui.QKeyEvent) -> bool:
        key = label_key(event)
        event_type = self.type_for_key(key) if key is not None else None
        if event_type is not None:
            self.change_type(event_type.id)
        elif bindings.matches(event, "annotate.delete"):
            self.delete_selected_event()
        elif bindings.matches(event, "event.confirm_candidate"):
            self.focus_roles()
        elif bindings.matches(event, "annotate.clear"):
            self.main.editor.setFocus()
        else:
            return False
        return True

    def _on_text_clicked(self, position: int, hits: list[int]) -> None:
        """A click on a trigger selects its event (several there: the next one)."""
        if self.picker.active:
            return
        here = [e.id for e in self.events if e.start <= position <= e.end]
        if not here:
            return
        if self.selected_event in here:
            if hits:
                return  # clicking an entity inside the selected event's trigger
            target = here[(here.index(self.selected_event) + 1) % len(here)]
        else:
            target = here[0]
        self.select_event(target, scroll=False)


def _type_tooltip(event_type: LabelInfo, roles: list[RoleInfo]) -> str:
    name = escape(name_of(event_type))
    if event_type.shortcut:
        name = translate("EventPanel", "{name} (key {key})").format(
            name=name, key=escape(event_type.shortcut)
        )
    role_names = list_text(escape(name_of(r)) + ("*" if r.required else "") for r in roles)
    guideline = escape(event_type.guideline) or "<i>{}</i>".format(
        translate("EventPanel", "No guideline.")
    )
    roles_line = translate("EventPanel", "Roles: {roles}").format(roles=role_names)
    return f"<b>{name}</b><br>{roles_line}<br><br>{guideline}"


def _role_tooltip(schema, role: RoleInfo) -> str:
    allowed = list_text(
        sorted(name_of(schema.label(i)) for i in role.allowed_label_ids)
    ) or translate("EventPanel", "any entity")
    flags = [
        translate("EventPanel", "required")
        if role.required
        else translate("EventPanel", "optional"),
        translate("EventPanel", "several") if role.multiple else translate("EventPanel", "one"),
    ]
    text = translate("EventPanel", "{role}\naccepts {labels}; {flags}").format(
        role=name_of(role), labels=allowed, flags=list_text(flags)
    )
    return text + (f"\n\n{role.guideline}" if role.guideline else "")


def install(window: MainWindow) -> None:
    panel = EventPanel(window)
    window.add_panel(
        "events", translate("EventPanel", "Events"), panel, Qt.DockWidgetArea.RightDockWidgetArea
    )
    window.register_label_key_handler(panel.on_label_key)
    window.editor.add_painter(panel.marks.paint)
    window.editor.add_tooltip_provider(panel.marks.tooltip)
    menu = window.menu("annotate")
    menu.addSeparator()
    marks = menu.addMenu(translate("EventPanel", "Mark selection as &event"))

    def fill_marks() -> None:
        marks.clear()
        if window.project is None:
            return
        for event_type in window.project.schema.event_types:
            keys = f"\t{event_type.shortcut}" if event_type.shortcut else ""
            action = marks.addAction(f"{name_of(event_type)}{keys}")
            action.triggered.connect(lambda _=False, t=event_type.id: panel.mark_trigger(t))

    marks.aboutToShow.connect(fill_marks)
    window.add_action(
        "annotate",
        translate("EventPanel", "Go to the &event panel"),
        panel.focus_roles,
        binding="event.panel",
        icon_name="mdi6.lightning-bolt-outline",
    )
