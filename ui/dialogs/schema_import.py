"""The dry run of a schema import (Annotate > Edit schema > Import…): what the file
would add, change, remove and refuse, before anything is applied."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.schema.transfer import SchemaImportPlan, plan_schema_import
from ui.i18n import text_of
from ui.icons import icon
from ui.item_views import empty
from ui.qt import QtWidgets

if TYPE_CHECKING:
    from ui.dialogs.schema_editor import SchemaEditorDialog


class SchemaImportDialog(QtWidgets.QDialog):
    """The dry run of a schema import: what it would add, change, remove and refuse."""

    def __init__(self, dialog: SchemaEditorDialog, data: dict, source: str):
        super().__init__(dialog)
        self.dialog = dialog
        self.data = data
        self.source = source
        self.plan: SchemaImportPlan | None = None
        self.setWindowTitle(self.tr("Import schema from {file}").format(file=Path(source).name))
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.tree = QtWidgets.QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Change"), self.tr("Details")])
        self.tree.header().setSectionResizeMode(
            0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        self.remove_missing = QtWidgets.QCheckBox(
            self.tr("Also remove what the file leaves out (unless annotations use it)")
        )
        self.remove_missing.toggled.connect(self.replan)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Apply
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(self.tr("Import"))
        self.apply_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.remove_missing)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.replan()

    def replan(self) -> None:
        window = self.dialog.main
        self.plan = plan_schema_import(
            window.require_project(),  # the schema editor closes with the project
            self.data,
            remove_missing=self.remove_missing.isChecked(),
            source=self.source,
        )
        plan = self.plan
        self.summary.setText(
            self.tr(
                "To add: {added}, to change: {changed}, to remove: {removed}, unchanged: "
                "{unchanged}, refused: {refused}. Nothing changes until you import; one Undo "
                "takes it all back."
            ).format(
                added=len(plan.added),
                changed=len(plan.updated),
                removed=len(plan.removed),
                unchanged=plan.unchanged,
                refused=len(plan.refused),
            )
        )
        empty(self.tree)
        for title, changes, name in (
            (self.tr("Added ({count})"), plan.added, "mdi6.plus-circle-outline"),
            (self.tr("Changed ({count})"), plan.updated, "mdi6.pencil-outline"),
            (self.tr("Removed ({count})"), plan.removed, "mdi6.minus-circle-outline"),
        ):
            if not changes:
                continue
            group = QtWidgets.QTreeWidgetItem([title.format(count=len(changes)), ""])
            group.setIcon(0, icon(name))
            for change in changes:
                group.addChild(
                    QtWidgets.QTreeWidgetItem([text_of(change.item), text_of(change.detail)])
                )
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        if plan.refused:
            group = QtWidgets.QTreeWidgetItem(
                [self.tr("Refused ({count})").format(count=len(plan.refused)), ""]
            )
            group.setIcon(0, icon("mdi6.alert", "#d98c2e"))
            for refusal in plan.refused:
                group.addChild(
                    QtWidgets.QTreeWidgetItem([text_of(refusal.item), text_of(refusal.reason)])
                )
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        self.apply_button.setEnabled(bool(plan.changes))
