"""A message strip above the text: refusals and results, without a modal dialog.

An annotator in the middle of work should not have to click a box away because
a span already exists; the strip shows the reason, stays a few seconds (longer
for errors), and can be closed with its button. `confirm` is the one modal question:
asked before something is removed or replaced.
"""

from __future__ import annotations

from ui.icons import icon
from ui.qt import QtCore, QtWidgets

ERROR, WARNING, INFO = "error", "warning", "info"
ICONS = {
    ERROR: "mdi6.alert-circle-outline",
    WARNING: "mdi6.alert-outline",
    INFO: "mdi6.information-outline",
}


class NoticeBar(QtWidgets.QFrame):
    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notice")
        self.setProperty("kind", INFO)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.icon_label = QtWidgets.QLabel()
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QtWidgets.QToolButton()
        close.setAutoRaise(True)
        close.setIcon(icon("mdi6.close"))
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.message, 1)
        layout.addWidget(close)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def show_message(self, text: str, kind: str = INFO, seconds: float | None = None) -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.icon_label.setPixmap(icon(ICONS[kind]).pixmap(18, 18))
        self.message.setText(text)
        self.show()
        self._timer.start(
            int(1000 * (seconds if seconds is not None else (6 if kind == INFO else 12)))
        )


def confirm(parent: QtWidgets.QWidget, title: str, text: str, ok_text: str) -> bool:
    """Ask before doing something that removes or replaces work; Cancel is the default."""
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    ok = box.addButton(ok_text, QtWidgets.QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok
