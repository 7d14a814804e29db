"""Review > Annotators and roles: who may look at others' sets (curators)."""

from __future__ import annotations

from core.annotation.annotators import ANNOTATOR_ROLES, AnnotatorInfo
from ui.qt import QtCore, QtWidgets


def role_name(role: str) -> str:
    """An annotator's role ("annotator", "curator") in the interface's language."""
    if role == "curator":
        return QtCore.QCoreApplication.translate("Roles", "curator")
    if role == "annotator":
        return QtCore.QCoreApplication.translate("Roles", "annotator")
    return role


class RolesDialog(QtWidgets.QDialog):
    """Lists annotators with their role; roles are editable when `editable`."""

    def __init__(
        self,
        annotators: list[AnnotatorInfo],
        editable: bool,
        reason: str,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotators and roles"))
        self.table = QtWidgets.QTableWidget(len(annotators), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Annotator"), self.tr("Role")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.combos: dict[int, QtWidgets.QComboBox] = {}
        self._original = {a.id: a.role for a in annotators}
        for row, annotator in enumerate(annotators):
            item = QtWidgets.QTableWidgetItem(annotator.name)
            self.table.setItem(row, 0, item)
            combo = QtWidgets.QComboBox()
            for role in ANNOTATOR_ROLES:
                combo.addItem(role_name(role), role)
            combo.setCurrentIndex(combo.findData(annotator.role))
            combo.setEnabled(editable)
            self.table.setCellWidget(row, 1, combo)
            self.combos[annotator.id] = combo
        note = QtWidgets.QLabel(reason)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(420, 360)

    def changed_roles(self) -> dict[int, str]:
        return {
            annotator_id: combo.currentData()
            for annotator_id, combo in self.combos.items()
            if combo.currentData() != self._original[annotator_id]
        }
