"""The label palette: one button per entity label, with its key and guideline."""

from __future__ import annotations

from html import escape

from core.schema.model import LabelInfo
from ui.i18n import is_arabic, name_of, translate
from ui.item_views import take_widgets
from ui.keys import arabic_equivalent
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ui.theme import on_color


def swatch(color: str, text: str, size: int = 22) -> QtGui.QIcon:
    """A rounded square in the label's colour with its key on it."""
    pixmap = QtGui.QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(pixmap)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setBrush(QtGui.QColor(color))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QtCore.QRectF(1, 1, size - 2, size - 2), 4, 4)
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(int(size * 0.55))
    painter.setFont(font)
    painter.setPen(on_color(color))
    painter.drawText(QtCore.QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QtGui.QIcon(pixmap)


def label_tooltip(label: LabelInfo) -> str:
    """The label's name (and its name in the other language), its key and guideline."""
    key = label.shortcut or ""
    if key:
        keys = translate("LabelPalette", "{key} (Arabic layout: {arabic})").format(
            key=escape(key), arabic=escape(arabic_equivalent(key))
        )
    else:
        keys = translate("LabelPalette", "none")
    other = label.name_en if is_arabic() else label.name_ar
    name = escape(name_of(label))
    if other and other != name_of(label):
        name += f" · <span dir='auto'>{escape(other)}</span>"
    guideline = escape(label.guideline) or "<i>{}</i>".format(
        translate("LabelPalette", "No guideline.")
    )
    key_line = translate("LabelPalette", "Key: {keys}").format(keys=keys)
    return f"<b>{name}</b><br>{key_line}<br><br>{guideline}"


class LabelPalette(QtWidgets.QWidget):
    label_chosen = Signal(int)

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._layout = QtWidgets.QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(2)
        self.buttons: dict[int, QtWidgets.QToolButton] = {}
        self.hint = QtWidgets.QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")

    def set_labels(self, labels: list[LabelInfo]) -> None:
        for widget in take_widgets(self._layout):
            if widget is not self.hint:
                widget.deleteLater()
        self.buttons = {}
        for label in labels:
            button = QtWidgets.QToolButton()
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(
                QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed
            )
            button.setIcon(swatch(label.color, label.shortcut or ""))
            button.setIconSize(QtCore.QSize(22, 22))
            button.setText(name_of(label))
            button.setToolTip(label_tooltip(label))
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, i=label.id: self.label_chosen.emit(i))
            self._layout.addWidget(button)
            self.buttons[label.id] = button
        self._layout.addWidget(self.hint)
        self._layout.addStretch(1)

    def set_enabled_for_editing(self, enabled: bool, reason: str = "") -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)
        self.hint.setText(reason)
