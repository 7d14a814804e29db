"""Who is annotating: asked on first start, switched from the File menu."""

from __future__ import annotations

import getpass

from ui.qt import QtWidgets


def os_user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers and services
        return ""


class AnnotatorDialog(QtWidgets.QDialog):
    def __init__(
        self,
        parent: QtWidgets.QWidget | None = None,
        current: str = "",
        known: list[str] | None = None,
        first_start: bool = False,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Tawsim") if first_start else self.tr("Annotator"))
        intro = QtWidgets.QLabel(
            self.tr(
                "Your annotations are kept under your name, apart from everyone else's: by "
                "default you see only your own work.\nWhat name should your annotations carry?"
            )
            if first_start
            else self.tr("Annotate as (an existing annotator, or a new name):")
        )
        intro.setWordWrap(True)
        self.name = QtWidgets.QComboBox()
        self.name.setEditable(True)
        self.name.addItems(known or [])
        self.name.setCurrentText(current or os_user_name())
        name_edit = self.name.lineEdit()
        assert name_edit is not None, "an editable combo box has a line edit"
        name_edit.selectAll()
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        if not first_start:
            buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.name.currentTextChanged.connect(
            lambda text: self._ok.setEnabled(bool(" ".join(text.split())))
        )
        self._ok.setEnabled(bool(self.chosen_name()))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def chosen_name(self) -> str:
        return " ".join(self.name.currentText().split())

    def _accept(self) -> None:
        if self.chosen_name():
            self.accept()
