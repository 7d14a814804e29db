"""The roles of an event type in the schema editor (Annotate > Edit schema, the "Event
types" tab): key, names, the entity labels a role accepts, required, several. Each
change is one schema operation through the editor dialog's `run`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.schema.model import LabelInfo, RoleInfo
from core.schema.roles import add_role, delete_role, edit_role, reorder_roles
from core.schema.usage import Usage, role_usage
from ui.i18n import Plural, list_text, name_of, text_of, translate
from ui.marks import themed
from ui.notice import INFO
from ui.qt import Qt, QtWidgets

if TYPE_CHECKING:
    from ui.dialogs.schema_editor import LayerTab

ID = Qt.ItemDataRole.UserRole
ROLE_KEY, ROLE_AR, ROLE_EN, ROLE_ACCEPTS, ROLE_REQUIRED, ROLE_MULTIPLE, ROLE_GUIDELINE = range(7)


def usage_text(usage: Usage) -> str:
    """What deleting a label or role removes: "6 entity annotations (Omar: 2, gold
    standard: 4); 2 references … stay, flagged"."""
    counts = usage.counts
    parts = []
    if counts.spans:
        parts.append(Plural.tr("%n entity annotation(s)", None, counts.spans))
    if counts.events:
        parts.append(Plural.tr("%n event(s)", None, counts.events))
    if counts.arguments:
        parts.append(Plural.tr("%n event argument(s)", None, counts.arguments))
    if counts.stances:
        parts.append(Plural.tr("%n stance(s)", None, counts.stances))
    text = list_text(parts) or translate("SchemaUsage", "nothing")
    owners = [f"{_owner_name(name)}: {c.removed}" for name, c in usage.by_annotator if c.removed]
    if owners:
        text += f" ({list_text(owners)})"
    if counts.detached:
        text = Plural.tr(
            "{removed}; %n reference(s) to those annotations (event arguments, stance holders "
            "or targets) stay, flagged as detached",
            None,
            counts.detached,
        ).format(removed=text)
    return text


def _owner_name(name: str) -> str:
    return translate("SchemaUsage", "gold standard") if name == "gold" else name


class RoleEditor(QtWidgets.QGroupBox):
    """The roles of the selected event type: key, names, accepted entity labels,
    required, several."""

    def __init__(self, tab: LayerTab):
        super().__init__(translate("RoleEditor", "Roles"))
        self.tab = tab
        self.event_type: LabelInfo | None = None
        self._loading = False
        self.table = QtWidgets.QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Key"),
                self.tr("Arabic"),
                self.tr("English"),
                self.tr("Accepts"),
                self.tr("Required"),
                self.tr("Several"),
                self.tr("Guideline"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ROLE_GUIDELINE, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = themed(QtWidgets.QPushButton(self.tr("Add role")), "mdi6.plus")
        self.add_button.clicked.connect(self.add_role)
        self.delete_button = themed(
            QtWidgets.QPushButton(self.tr("Delete role")), "mdi6.trash-can-outline"
        )
        self.delete_button.clicked.connect(self.delete_role)
        self.up_button = QtWidgets.QToolButton()
        themed(self.up_button, "mdi6.arrow-up")
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QtWidgets.QToolButton()
        themed(self.down_button, "mdi6.arrow-down")
        self.down_button.clicked.connect(lambda: self.move(+1))
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    @property
    def schema(self):
        return self.tab.main.project.schema

    def roles(self) -> list[RoleInfo]:
        return self.schema.roles_of(self.event_type.id) if self.event_type else []

    def show_roles(self, event_type: LabelInfo | None) -> None:
        self.event_type = event_type
        editable = self.tab.dialog.editable
        selected = self.selected_role()
        self._loading = True
        try:
            roles = self.roles()
            self.table.setRowCount(len(roles))
            entity_labels = self.schema.entity_labels
            for row, role in enumerate(roles):
                texts = (
                    (ROLE_KEY, role.key),
                    (ROLE_AR, role.name_ar),
                    (ROLE_EN, role.name_en),
                    (ROLE_GUIDELINE, role.guideline),
                )
                for column, text in texts:
                    item = QtWidgets.QTableWidgetItem(text)
                    item.setData(ID, role.id)
                    if not editable:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(row, column, item)
                for column, value in (
                    (ROLE_REQUIRED, role.required),
                    (ROLE_MULTIPLE, role.multiple),
                ):
                    item = QtWidgets.QTableWidgetItem()
                    item.setData(ID, role.id)
                    flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                    if editable:
                        flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setFlags(flags)
                    item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
                    self.table.setItem(row, column, item)
                accepts = QtWidgets.QToolButton()
                accepts.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
                accepts.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                names = sorted(name_of(self.schema.label(i)) for i in role.allowed_label_ids)
                accepts.setText(" · ".join(names) or self.tr("any entity"))
                accepts.setEnabled(editable)
                menu = QtWidgets.QMenu(accepts)
                for label in entity_labels:
                    action = menu.addAction(f"{label.key} — {label.name_ar}")
                    action.setCheckable(True)
                    action.setChecked(label.id in role.allowed_label_ids)
                    action.setData(label.id)
                menu.triggered.connect(lambda _a, r=role.id, m=menu: self._accepts_changed(r, m))
                accepts.setMenu(menu)
                self.table.setCellWidget(row, ROLE_ACCEPTS, accepts)
                if role.id == selected:
                    self.table.selectRow(row)
        finally:
            self._loading = False
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            button.setEnabled(editable and event_type is not None)
        self.setEnabled(event_type is not None)

    def selected_role(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, ROLE_KEY) if row >= 0 else None
        return item.data(ID) if item is not None else None

    def _run(self, op, *args, **kwargs):
        return self.tab.dialog.run(op, *args, **kwargs)

    def _item_changed(self, item: QtWidgets.QTableWidgetItem) -> None:
        if self._loading:
            return
        role = self.schema.role(item.data(ID))
        column = item.column()
        if column in (ROLE_REQUIRED, ROLE_MULTIPLE):
            name = "required" if column == ROLE_REQUIRED else "multiple"
            value = item.checkState() == Qt.CheckState.Checked
            if value != getattr(role, name):
                self._run(edit_role, role.id, **{name: value})
            return
        name = {
            ROLE_KEY: "key",
            ROLE_AR: "name_ar",
            ROLE_EN: "name_en",
            ROLE_GUIDELINE: "guideline",
        }[column]
        if (
            item.text() != getattr(role, name)
            and self._run(edit_role, role.id, **{name: item.text()}) is None
        ):
            self.show_roles(self.event_type)

    def _accepts_changed(self, role_id: int, menu: QtWidgets.QMenu) -> None:
        labels = [a.data() for a in menu.actions() if a.isChecked()]
        if not labels:
            self.tab.dialog.notice.show_message(
                self.tr("A role with no accepted labels accepts any entity."), INFO
            )
        self.set_accepted(role_id, labels)

    def set_accepted(self, role_id: int, label_ids: list[int]) -> None:
        self._run(edit_role, role_id, labels=label_ids)

    def add_role(self) -> int | None:
        if self.event_type is None:
            return None
        existing = {r.key for r in self.roles()}
        key, n = "Role", 1
        while key in existing:
            n += 1
            key = f"Role_{n}"
        result = self._run(add_role, self.event_type.id, key)
        if result is not None:
            for row in range(self.table.rowCount()):
                key_item = self.table.item(row, ROLE_KEY)
                if key_item is not None and key_item.data(ID) == result.value:
                    self.table.setCurrentCell(row, ROLE_KEY)
                    self.table.editItem(key_item)
        return result.value if result is not None else None

    def delete_role(self) -> bool:
        role_id = self.selected_role()
        if role_id is None:
            return False
        window = self.tab.main
        usage = role_usage(window.require_project(), role_id)
        confirm = None
        if usage.in_use:
            if not window.confirm(
                self.tr("Delete role"),
                self.tr(
                    "{what} is used. Deleting it also deletes {usage}. Undo brings everything back."
                ).format(what=text_of(usage.what), usage=usage_text(usage)),
                self.tr("Delete"),
                parent=self.tab.dialog,
            ):
                return False
            confirm = usage
        return self._run(delete_role, role_id, confirm=confirm) is not None

    # hides QWidget.move(x, y), which nothing calls on this editor; tests call this one
    # by its name (move_item, as in LayerTab, once they do not)
    def move(self, step: int) -> None:  # type: ignore[override]
        """Move the selected role up (-1) or down (+1)."""
        role_id = self.selected_role()
        ids = [r.id for r in self.roles()]
        if role_id is None or self.event_type is None:
            return
        row = ids.index(role_id)
        if not 0 <= row + step < len(ids):
            return
        ids[row], ids[row + step] = ids[row + step], ids[row]
        if self._run(reorder_roles, self.event_type.id, ids) is not None:
            self.table.selectRow(row + step)
