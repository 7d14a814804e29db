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
