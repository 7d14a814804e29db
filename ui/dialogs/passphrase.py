"""Review > Curator passphrase: set, change or remove the passphrase that guards blind
annotation on a shared file (see core.annotation.curator_secret)."""

from __future__ import annotations

from core.annotation.curator_secret import MIN_LENGTH
from ui.qt import QtWidgets


class PassphraseDialog(QtWidgets.QDialog):
    """The current passphrase (when one is set), the new one twice; an empty new one
    removes it."""

    def __init__(self, has_secret: bool, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Curator passphrase"))
        self.current = self._field()
        self.new = self._field()
        self.again = self._field()
        form = QtWidgets.QFormLayout()
        if has_secret:
            form.addRow(self.tr("Current passphrase:"), self.current)
        form.addRow(self.tr("New passphrase:"), self.new)
        form.addRow(self.tr("New passphrase again:"), self.again)
        note = QtWidgets.QLabel(
            self.tr(
                "With a passphrase, becoming a curator or another annotator and exporting "
                "others' sets ask for it. On a shared file this deters rather than enforces: "
                "anyone who can open the file with SQLite can read it. At least {count} "
                "characters; leave the new one empty to remove it."
            ).format(count=MIN_LENGTH)
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        self.problem = QtWidgets.QLabel()
        self.problem.setProperty("role", "error")
        self.problem.hide()
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_same)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    @staticmethod
    def _field() -> QtWidgets.QLineEdit:
        field = QtWidgets.QLineEdit()
        field.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        return field

    def _accept_if_same(self) -> None:
        if self.new.text() != self.again.text():
            self.problem.setText(self.tr("The two new passphrases differ."))
            self.problem.show()
            return
        self.accept()

    def chosen(self) -> tuple[str | None, str | None]:
        """(the new passphrase or None to remove it, the current one or None)."""
        return self.new.text() or None, self.current.text() or None
