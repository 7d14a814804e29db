"""Annotate > Edit schema: entity labels, event types with their roles, stance targets
and polarities.

Who may change it: a curator, or anyone while the project has no curator (the rule of
Review > Annotators and roles). A schema is shared by every annotator of the project,
so an annotator of a project with a lead sees it read-only, with the reason, and can
still export it.

Every change is one operation through `window.run_operation`, applied at once and one
undo step (the dialog has its own Undo and Redo buttons); the editor, palettes and
panels redraw from `Changes.schema`. Renaming a key keeps every annotation (they refer
to ids). A shortcut another item holds is refused, naming it. Deleting what
annotations use says how many, per annotator, and asks; a label that is the only one
a role accepts cannot go (the message names the roles). Import shows what it would
add, change, remove and refuse before anything is applied.

Here: the dialog and a tab per layer; an event type's roles are edited in
ui/dialogs/schema_roles.py, an import's dry run is shown by ui/dialogs/schema_import.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from core.annotation.annotators import has_curator
from core.project.errors import OperationError
from core.schema.labels import (
    add_label,
    delete_label,
    edit_label,
    reorder_labels,
    set_entity_targets,
)
from core.schema.model import (
    ENTITY,
    EVENT,
    POLARITY,
    STANCE_TARGET,
    LabelInfo,
    ProjectSchema,
    SchemaError,
    read_schema_file,
)
from core.schema.transfer import apply_schema_import, export_schema
from core.schema.usage import ConfirmationNeeded, label_usage
from ui.dialogs.schema_import import SchemaImportDialog
from ui.dialogs.schema_roles import RoleEditor, usage_text
from ui.i18n import QT_TRANSLATE_NOOP, error_text, text_of, translate
from ui.item_views import empty
from ui.marks import themed
from ui.notice import ERROR, INFO, NoticeBar
from ui.panels.labels import swatch
from ui.qt import Qt, QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ID = Qt.ItemDataRole.UserRole
TABS = (
    (ENTITY, QT_TRANSLATE_NOOP("SchemaEditorDialog", "Entity labels")),
    (EVENT, QT_TRANSLATE_NOOP("SchemaEditorDialog", "Event types")),
    (STANCE_TARGET, QT_TRANSLATE_NOOP("SchemaEditorDialog", "Stance targets")),
    (POLARITY, QT_TRANSLATE_NOOP("SchemaEditorDialog", "Polarities")),
)


def may_edit_schema(window: MainWindow) -> tuple[bool, str]:
    """(allowed, why): curators, or anyone while the project has no curator."""
    if window.project is None or window.annotator is None:
        return False, translate("SchemaEditorDialog", "No project is open.")
    if window.annotator.is_curator:
        return True, translate(
            "SchemaEditorDialog",
            "Changes apply at once, for every annotator, and can be undone.",
        )
    if not has_curator(window.project):
        return True, translate(
            "SchemaEditorDialog",
            "This project has no curator yet, so anyone may change the schema; changes apply "
            "at once, for every annotator, and can be undone.",
        )
    return False, translate(
        "SchemaEditorDialog",
        "The schema is shared by every annotator of this project: only a curator can change "
        "it (Review > Annotators and roles). You can export it.",
    )


class ReorderableList(QtWidgets.QListWidget):
    """A list whose items can be dragged into another order; says so after a drop."""

    reordered = QtCore.Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        super().dropEvent(event)
        self.reordered.emit()


class LayerTab(QtWidgets.QWidget):
    """The items of one layer: a reorderable list and the selected item's fields."""

    def __init__(self, dialog: SchemaEditorDialog, layer: str):
        super().__init__()
        self.dialog = dialog
        self.layer = layer
        self._loading = False
        self.list = ReorderableList()
        self.list.setIconSize(QtCore.QSize(20, 20))
        self.list.currentItemChanged.connect(self._current_changed)
        self._shown: int | None = None  # the label whose fields are shown
        self.list.reordered.connect(self._dropped)
        self.add_button = themed(QtWidgets.QPushButton(self.tr("Add")), "mdi6.plus")
        self.add_button.clicked.connect(self.add_item)
        self.delete_button = themed(
            QtWidgets.QPushButton(self.tr("Delete")), "mdi6.trash-can-outline"
        )
        self.delete_button.clicked.connect(self.delete_item)
        self.up_button = QtWidgets.QToolButton()
        themed(self.up_button, "mdi6.arrow-up")
        self.up_button.setToolTip(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = QtWidgets.QToolButton()
        themed(self.down_button, "mdi6.arrow-down")
        self.down_button.setToolTip(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_item(+1))

        self._build_fields()

        buttons = QtWidgets.QHBoxLayout()
        for button in (self.add_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        right = QtWidgets.QVBoxLayout()
        right.addWidget(self.fields)
        self.entity_targets = None
        self.roles = None
        if layer == STANCE_TARGET:
            self.entity_targets = QtWidgets.QCheckBox(
                self.tr("Stances may also target any entity annotation (\u201cany entity\u201d)")
            )
            self.entity_targets.toggled.connect(self._entity_targets_toggled)
            right.addWidget(self.entity_targets)
        if layer == EVENT:
            self.guideline.setMaximumHeight(90)
            self.roles = RoleEditor(self)
            right.addWidget(self.roles, 1)
        right.addStretch(0 if layer == EVENT else 1)
        layout = QtWidgets.QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

    def _build_fields(self) -> None:
        """The selected item's key, names, colour, shortcut and guideline."""
        self.key = QtWidgets.QLineEdit()
        self.key.setToolTip(self.tr("The stable name exports use; renaming keeps every annotation"))
        self.key.editingFinished.connect(lambda: self._edit_text("key", self.key))
        self.name_ar = QtWidgets.QLineEdit()
        self.name_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name_ar.editingFinished.connect(lambda: self._edit_text("name_ar", self.name_ar))
        self.name_en = QtWidgets.QLineEdit()
        self.name_en.editingFinished.connect(lambda: self._edit_text("name_en", self.name_en))
        self.color = QtWidgets.QPushButton()
        self.color.setToolTip(self.tr("Choose the colour"))
        self.color.clicked.connect(self.choose_color)
        self.shortcut = QtWidgets.QLineEdit()
        self.shortcut.setMaxLength(1)
        self.shortcut.setMaximumWidth(48)
        self.shortcut.textEdited.connect(self._check_shortcut)
        self.shortcut.editingFinished.connect(self._edit_shortcut)
        self.shortcut_status = QtWidgets.QLabel()
        self.shortcut_status.setWordWrap(True)
        self.guideline = QtWidgets.QPlainTextEdit()
        self.guideline.setPlaceholderText(self.tr("What to tag and what not, with examples"))
        self.guideline.installEventFilter(self)
        shortcut_row = QtWidgets.QHBoxLayout()
        shortcut_row.addWidget(self.shortcut)
        shortcut_row.addWidget(self.shortcut_status, 1)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Arabic name"), self.name_ar)
        form.addRow(self.tr("English name"), self.name_en)
        form.addRow(self.tr("Colour"), self.color)
        form.addRow(self.tr("Shortcut"), shortcut_row)
        form.addRow(self.tr("Guideline"), self.guideline)
        self.fields = QtWidgets.QWidget()
        self.fields.setLayout(form)

    # --- showing --------------------------------------------------------------------------

    @property
    def main(self) -> MainWindow:
        return self.dialog.main

    @property
    def schema(self) -> ProjectSchema:
        return self.main.require_project().schema  # the dialog closes with the project

    def labels(self) -> list[LabelInfo]:
        return self.main.project.schema.layer(self.layer) if self.main.project else []

    def selected(self) -> LabelInfo | None:
        item = self.list.currentItem()
        if item is None or self.main.project is None:
            return None
        try:
            return self.main.project.schema.label(item.data(ID))
        except KeyError:
            return None

    def reload(self, select: int | None = None) -> None:
        if select is None:  # keep the selected item selected
            selected = self.selected()
            select = selected.id if selected is not None else None
        self._loading = True
        try:
            empty(self.list)
            for label in self.labels():
                item = QtWidgets.QListWidgetItem(
                    swatch(label.color, label.shortcut or ""), f"{label.key}   {label.name_ar}"
                )
                item.setData(ID, label.id)
                item.setToolTip(label.name_en)
                self.list.addItem(item)
                if label.id == select:
                    self.list.setCurrentItem(item)
            if self.list.currentItem() is None and self.list.count():
                self.list.setCurrentRow(0)
            if self.entity_targets is not None:
                self.entity_targets.setChecked(self.schema.entity_targets)
        finally:
            self._loading = False
        self.show_item()

    def _current_changed(self, *_items) -> None:
        self._save_guideline()  # of the label shown until now
        self.show_item()

    def show_item(self) -> None:
        if self._loading:
            return
        label = self.selected()
        self._shown = label.id if label is not None else None
        editable = self.dialog.editable
        self.fields.setEnabled(label is not None)
        for widget in (self.key, self.name_ar, self.name_en, self.shortcut):
            widget.setReadOnly(not editable)
        self.guideline.setReadOnly(not editable)
        self.color.setEnabled(editable)
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            button.setEnabled(editable)
        self.delete_button.setEnabled(editable and label is not None)
        self.list.setDragEnabled(editable)
        if self.entity_targets is not None:
            self.entity_targets.setEnabled(editable)
        if label is None:
            for widget in (self.key, self.name_ar, self.name_en, self.shortcut):
                widget.clear()
            self.guideline.clear()
            self.color.setIcon(QtGui.QIcon())
            self.color.setText("")
        else:
            self.key.setText(label.key)
            self.name_ar.setText(label.name_ar)
            self.name_en.setText(label.name_en)
            self.shortcut.setText(label.shortcut or "")
            if self.guideline.toPlainText() != label.guideline:
                self.guideline.setPlainText(label.guideline)
            self.guideline.document().setModified(False)
            self.color.setIcon(swatch(label.color, ""))
            self.color.setText(label.color)
        self.shortcut_status.clear()
        if self.roles is not None:
            self.roles.show_roles(label)

    # --- changing ---------------------------------------------------------------------------

    def _run(self, op, *args, **kwargs):
        return self.dialog.run(op, *args, **kwargs)

    def _edit_text(self, field: str, widget: QtWidgets.QLineEdit) -> None:
        label = self.selected()
        if label is None or not self.dialog.editable or getattr(label, field) == widget.text():
            return
        if self._run(edit_label, label.id, **{field: widget.text()}) is None:
            widget.setText(getattr(label, field))

    def _check_shortcut(self, text: str) -> None:
        """Live: who already holds this key (on the same keyboard)."""
        label = self.selected()
        if label is None:
            return
        owner = self.schema.shortcut_owner(self.layer, text, label.id)
        if owner is not None:
            taken = self.tr("already used by {label}").format(
                label=text_of(self.schema.describe(owner.id))
            )
            self.shortcut_status.setText(f"<span style='color:#c0392b'>{taken}</span>")
        else:
            self.shortcut_status.setText("")

    def _edit_shortcut(self) -> None:
        label = self.selected()
        text = self.shortcut.text().strip() or None
        if label is None or not self.dialog.editable or text == label.shortcut:
            return
        if self._run(edit_label, label.id, shortcut=text) is None:
            self.shortcut.setText(label.shortcut or "")

    def _save_guideline(self) -> None:
        """The guideline being edited, when changed: saved on leaving the field, going
        to another item or closing the dialog."""
        if (
            self._shown is None
            or not self.dialog.editable
            or not self.guideline.document().isModified()
        ):
            return
        self.guideline.document().setModified(False)
        try:
            label = self.schema.label(self._shown)
        except KeyError:
            return
        text = self.guideline.toPlainText()
        if text.strip() != label.guideline:
            self._run(edit_label, label.id, guideline=text)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.guideline and event.type() == QtCore.QEvent.Type.FocusOut:
            self._save_guideline()
        return super().eventFilter(watched, event)

    def choose_color(self) -> None:
        label = self.selected()
        if label is None or not self.dialog.editable:
            return
        color = QtWidgets.QColorDialog.getColor(
            QtGui.QColor(label.color), self, self.tr("Colour of {label}").format(label=label.key)
        )
        if color.isValid():
            self.recolour(color.name())

    def recolour(self, color: str) -> None:
        label = self.selected()
        if label is not None and color.lower() != label.color.lower():
            self._run(edit_label, label.id, color=color)

    def add_item(self) -> int | None:
        """A new item with a free placeholder key, selected with its key ready to type."""
        existing = {label.key for label in self.labels()}
        base = {ENTITY: "LABEL", EVENT: "Event.New", STANCE_TARGET: "TARGET", POLARITY: "POLARITY"}
        key = base[self.layer]
        n = 1
        while key in existing:
            n += 1
            key = f"{base[self.layer]}_{n}"
        result = self._run(add_label, self.layer, key)
        if result is None:
            return None
        self.reload(select=result.value)
        self.key.setFocus()
        self.key.selectAll()
        return result.value

    def delete_item(self) -> bool:
        label = self.selected()
        if label is None or not self.dialog.editable:
            return False
        usage = label_usage(self.main.require_project(), label.id)
        confirm = None
        if usage.in_use:
            if not self.main.confirm(
                self.tr("Delete {label}").format(label=label.key),
                self.tr(
                    "{what} is used. Deleting it also deletes {usage}. Undo brings everything back."
                ).format(what=text_of(usage.what), usage=usage_text(usage)),
                self.tr("Delete"),
                parent=self.dialog,
            ):
                return False
            confirm = usage
        return self._run(delete_label, label.id, confirm=confirm) is not None

    def move_item(self, step: int) -> None:
        """Move the selected item up (-1) or down (+1)."""
        row = self.list.currentRow()
        ids = [label.id for label in self.labels()]
        if not 0 <= row + step < len(ids) or not self.dialog.editable:
            return
        ids[row], ids[row + step] = ids[row + step], ids[row]
        self._run(reorder_labels, self.layer, ids)

    def _dropped(self) -> None:
        if self._loading:
            return
        ids = [self.list.item(i).data(ID) for i in range(self.list.count())]
        if self._run(reorder_labels, self.layer, ids) is None:
            self.reload()

    def _entity_targets_toggled(self, on: bool) -> None:
        if not self._loading and on != self.schema.entity_targets:
            self._run(set_entity_targets, on)


class SchemaEditorDialog(QtWidgets.QDialog):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.main = window
        self.setWindowTitle(
            self.tr("Schema — {project}").format(project=window.require_project().name)
        )
        self.editable, reason = may_edit_schema(window)
        self.notice = NoticeBar()
        self.reason = QtWidgets.QLabel(reason)
        self.reason.setWordWrap(True)
        self.reason.setProperty("role", "muted")
        self.tabs = QtWidgets.QTabWidget()
        self.layer_tabs: dict[str, LayerTab] = {}
        for layer, title in TABS:
            tab = LayerTab(self, layer)
            self.layer_tabs[layer] = tab
            self.tabs.addTab(tab, self.tr(title))
        self.import_button = themed(
            QtWidgets.QPushButton(self.tr("Import…")), "mdi6.file-import-outline"
        )
        self.import_button.clicked.connect(lambda: self.import_schema())
        self.import_button.setEnabled(self.editable)
        self.export_button = themed(
            QtWidgets.QPushButton(self.tr("Export…")), "mdi6.file-export-outline"
        )
        self.export_button.clicked.connect(lambda: self.export_schema())
        self.undo_button = themed(QtWidgets.QPushButton(self.tr("Undo")), "mdi6.undo")
        self.undo_button.clicked.connect(window.undo)
        self.redo_button = themed(QtWidgets.QPushButton(self.tr("Redo")), "mdi6.redo")
        self.redo_button.clicked.connect(window.redo)
        close = QtWidgets.QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addWidget(close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.reason)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.resize(980, 640)
        # Enter in a field commits the field; it must not press a button of the dialog
        for button in self.findChildren(QtWidgets.QPushButton):
            button.setAutoDefault(False)
        window.operation_did_execute.connect(self._on_changes)
        window.project_changed.connect(self._project_changed)
        self.reload()

    def _project_changed(self, _project) -> None:
        self.close()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.main.project is not None:
            for tab in self.layer_tabs.values():
                tab._save_guideline()
        super().closeEvent(event)

    def reload(self) -> None:
        """Read who may edit, and the schema, again (the dialog is kept between uses)."""
        if self.main.project is None:
            return
        self.editable, reason = may_edit_schema(self.main)
        self.reason.setText(reason)
        self.import_button.setEnabled(self.editable)
        self.setWindowTitle(self.tr("Schema — {project}").format(project=self.main.project.name))
        for tab in self.layer_tabs.values():
            tab.reload()
        self._update_undo()

    def _on_changes(self, changes) -> None:
        if not self.isVisible():
            return
        if (changes.schema or changes.annotators) and self.main.project is not None:
            self.reload()
        self._update_undo()

    def _update_undo(self) -> None:
        project = self.main.project
        undo = project.undo_name if project else None
        redo = project.redo_name if project else None
        self.undo_button.setEnabled(undo is not None)
        self.redo_button.setEnabled(redo is not None)
        self.undo_button.setToolTip(
            self.tr("Undo {step}").format(step=text_of(undo)) if undo else self.tr("Undo")
        )
        self.redo_button.setToolTip(
            self.tr("Redo {step}").format(step=text_of(redo)) if redo else self.tr("Redo")
        )

    def run(self, op, *args, **kwargs):
        """Run a schema operation through the window; a refusal is shown here too (the
        window's strip may be behind this dialog). A count that changed meanwhile asks
        again."""
        if not self.editable:
            self.notice.show_message(self.reason.text(), ERROR)
            return None
        result = self.main.run_operation(op, *args, **kwargs)
        refusal = self.main.last_refusal
        if result is None and isinstance(refusal, ConfirmationNeeded) and "confirm" in kwargs:
            if self.main.confirm(
                self.tr("Annotations changed meanwhile"),
                self.tr("{what} is used: deleting it deletes {usage}.").format(
                    what=text_of(refusal.usage.what), usage=usage_text(refusal.usage)
                ),
                self.tr("Delete"),
                parent=self,
            ):
                return self.run(op, *args, **{**kwargs, "confirm": refusal.usage})
            return None
        if result is None and refusal is not None:
            self.notice.show_message(error_text(refusal), ERROR)
        return result

    # --- import and export ------------------------------------------------------------------

    def import_schema(self, path: str | Path | None = None) -> SchemaImportDialog | None:
        """Read a schema file, show what importing it would do, import on request."""
        if not self.editable:
            self.notice.show_message(self.reason.text(), ERROR)
            return None
        if path is None:
            path, _ = QtWidgets.QFileDialog.getOpenFileName(
                self,
                self.tr("Import schema"),
                str(self.main.require_project().path.parent),
                self.tr("Schema files (*.json);;All files (*)"),
            )
            if not path:
                return None
        try:
            data = read_schema_file(Path(path))
        except SchemaError as err:
            self.notice.show_message(error_text(err), ERROR)
            return None
        dialog = SchemaImportDialog(self, data, str(path))
        dialog.accepted.connect(lambda: self._apply_import(dialog))
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _apply_import(self, dialog: SchemaImportDialog) -> None:
        result = self.run(
            apply_schema_import,
            dialog.data,
            remove_missing=dialog.remove_missing.isChecked(),
            source=dialog.source,
        )
        if result is not None:
            plan = result.value
            self.notice.show_message(
                self.tr(
                    "Imported: {added} added, {changed} changed, {removed} removed, "
                    "{refused} refused."
                ).format(
                    added=len(plan.added),
                    changed=len(plan.updated),
                    removed=len(plan.removed),
                    refused=len(plan.refused),
                ),
                INFO,
            )

    def export_schema(self, path: str | Path | None = None) -> Path | None:
        project = self.main.require_project()
        if path is None:
            suggested = project.path.with_name(f"{project.path.stem}-schema.json")
            path, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Export schema"), str(suggested), self.tr("Schema files (*.json)")
            )
            if not path:
                return None
        try:
            written = export_schema(project, Path(path))
        except OperationError as err:
            self.notice.show_message(error_text(err), ERROR)
            return None
        items = json.loads(written.read_text(encoding="utf-8"))
        self.notice.show_message(
            self.tr(
                "Exported to {path}: entity labels {entities}, event types {events}, stance "
                "targets {targets}, polarities {polarities}."
            ).format(
                path=written,
                entities=len(items["entities"]),
                events=len(items["events"]),
                targets=len(items["stance_targets"]["targets"]),
                polarities=len(items["polarities"]),
            ),
            INFO,
        )
        return written


def open_schema_editor(window: MainWindow) -> SchemaEditorDialog | None:
    """Show the window's schema editor (one at a time)."""
    if window.project is None:
        return None
    dialog = window.findChild(SchemaEditorDialog)
    if dialog is None:
        dialog = SchemaEditorDialog(window)
    elif not dialog.isVisible():
        dialog.notice.hide()
        dialog.reload()
    dialog.show()
    dialog.raise_()
    return dialog


def install(window: MainWindow) -> None:
    menu = window.menu("annotate")
    menu.addSeparator()
    window.add_action(
        menu,
        translate("SchemaEditorDialog", "Edit &schema…"),
        lambda: open_schema_editor(window),
        icon_name="mdi6.shape-outline",
    )
