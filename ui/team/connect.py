"""File > Connect to team project…: where the team project is and who you are there.

The password is never written to Tawsim's files: it is kept in the system keyring when
the user asks (and a keyring is there), else asked for each time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from core.project.errors import ProjectError
from core.project.project import Project
from core.project.server import PasswordRequired, ServerProject, parse_server_url
from core.team.secrets import forget_password, keyring_available, save_password, saved_password
from ui.i18n import error_text, translate
from ui.qt import QtWidgets

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ConnectDialog(QtWidgets.QDialog):
    """Host, port, database, user and password of a team project."""

    def __init__(self, parent: QtWidgets.QWidget | None, url: str = "", message: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to team project"))
        self.host = QtWidgets.QLineEdit("localhost")
        self.port = QtWidgets.QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QtWidgets.QLineEdit()
        self.user = QtWidgets.QLineEdit()
        self.password = QtWidgets.QLineEdit()
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.remember = QtWidgets.QCheckBox(self.tr("Remember the password in the system keyring"))
        if not keyring_available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                self.tr("No system keyring here: the password is asked for each time")
            )
        if url:
            address, _ = parse_server_url(url)
            self.host.setText(address.host)
            self.port.setValue(address.port)
            self.database.setText(address.database)
            self.user.setText(address.user)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        layout = QtWidgets.QVBoxLayout(self)
        if message:
            note = QtWidgets.QLabel(message)
            note.setWordWrap(True)
            note.setProperty("role", "error")
            layout.addWidget(note)
        layout.addLayout(form)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if url else self.database).setFocus()
        self.setMinimumWidth(420)

    def url(self) -> str:
        """postgresql://user@host:port/database (the password apart)."""
        user = quote(self.user.text().strip(), safe="")
        database = quote(self.database.text().strip(), safe="")
        return f"postgresql://{user}@{self.host.text().strip()}:{self.port.value()}/{database}"


def connect_to_team_project(
    window: MainWindow, url: str = "", password: str | None = None
) -> Project | None:
    """Connect, asking for what is missing (the password from the keyring first); None
    when the user gives up. A wrong password or an unreachable server is said in the
    dialog, which stays open for another try."""
    message = ""
    remember = False
    kept = None  # the account whose password came from the keyring
    if url and password is None:
        address, password = parse_server_url(url)  # a password in the URL comes first
        if password is None:
            kept = address.describe()
            password = saved_password(kept)
    while True:
        if not url or password is None:
            dialog = ConnectDialog(window, url, message)
            if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                return None
            url, password, remember = (
                dialog.url(),
                dialog.password.text(),
                dialog.remember.isChecked(),
            )
        try:
            project = ServerProject.connect(url, password=password or None)
        except PasswordRequired as err:
            if kept is not None and password is not None:
                forget_password(kept)  # the server no longer takes the one kept
            kept = None
            message, password = (
                error_text(err)
                if password
                else translate("TeamConnect", "The server wants a password."),
                None,
            )
            continue
        except ProjectError as err:
            message, password = error_text(err), None
            continue
        if remember and password:
            save_password(project.address.describe(), password)
        return project
