"""Answering the modal questions the window asks (QMessageBox.exec runs its own loop)."""

from __future__ import annotations

from ui.qt import QtCore, QtWidgets


class Answer:
    """Click the button named `button` in the next message box, remembering its text.

    Use: `answer = Answer("Delete")`, then do what opens the box; `answer.text` is what
    it said (None if no box appeared).
    """

    def __init__(self, button: str):
        self.button = button
        self.text: str | None = None
        self._timer = QtCore.QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._look)
        self._timer.start()
        QtCore.QTimer.singleShot(10_000, self._timer.stop)  # never left ticking

    def _look(self) -> None:
        box = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(box, QtWidgets.QMessageBox):
            return
        self._timer.stop()
        self.text = box.text()
        for candidate in box.buttons():
            if candidate.text().replace("&", "") == self.button:
                candidate.click()
                return
        raise AssertionError(f"no button {self.button!r} in {[b.text() for b in box.buttons()]}")


def clipped_widgets(window: QtWidgets.QWidget) -> list[str]:
    """The visible widgets of `window` that are cut off: squeezed below their minimum
    size, or lying partly outside the window. Lays the window out first, so the answer
    does not depend on when Qt gets round to it."""
    QtWidgets.QApplication.sendPostedEvents()
    if window.layout() is not None:
        window.layout().activate()
    bounds = window.rect()
    found = []
    for child in window.findChildren(QtWidgets.QWidget):
        if not child.isVisibleTo(window) or child.isWindow() or _part_of_another(child):
            continue
        hint = child.minimumSizeHint()
        rect = QtCore.QRect(child.mapTo(window, QtCore.QPoint(0, 0)), child.size())
        squeezed = (hint.isValid() and child.height() < hint.height()) or (
            hint.isValid() and child.width() < min(hint.width(), 40)
        )
        if squeezed or not bounds.contains(rect):
            found.append(f"{type(child).__name__} {child.objectName() or ''} {rect} in {bounds}")
    return found


def _part_of_another(widget: QtWidgets.QWidget) -> bool:
    """A widget that another draws as a part of itself (a combo box's line edit, a
    scroll area's viewport), sized by it rather than by a layout."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(
            parent, QtWidgets.QComboBox | QtWidgets.QAbstractSpinBox | QtWidgets.QAbstractScrollArea
        ):
            return True
        parent = parent.parentWidget()
    return False
