"""Long work off the GUI thread, with a progress dialog that appears after half a second.

The work is a plain function taking a `progress(done, total, label) -> keep
going` callback (the core's convention). It runs in a QThread and never
touches widgets; progress, the result and errors come back by signal, and
Cancel makes the next progress call return False.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from ui.qt import QtCore, QtWidgets, Signal

Progress = Callable[[int, int, str], bool]


class _Worker(QtCore.QThread):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, work: Callable[[Progress], Any], parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def _progress(self, done: int, total: int, label: str) -> bool:
        self.progressed.emit(done, total, label)
        return not self._cancelled

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as err:  # reported to the GUI thread, which decides what to show
            err.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.failed.emit(err)
        else:
            self.succeeded.emit(result)


class Task(QtCore.QObject):
    """One piece of background work; `done` or `error` is emitted exactly once."""

    done = Signal(object)
    error = Signal(object)

    def __init__(
        self,
        parent: QtWidgets.QWidget,
        work: Callable[[Progress], Any],
        title: str | None = None,
        cancellable: bool = True,
    ):
        super().__init__(parent)
        self._worker = _Worker(work, self)
        self._dialog: QtWidgets.QProgressDialog | None = None
        if title is not None:
            dialog = QtWidgets.QProgressDialog(title, "Cancel" if cancellable else "", 0, 0, parent)
            dialog.setWindowTitle("Tawsim")
            dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(500)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            if not cancellable:
                dialog.setCancelButton(None)
            dialog.canceled.connect(self._worker.cancel)
            self._dialog = dialog
            self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self.finished = False

    def start(self) -> Task:
        if self._dialog is not None:
            self._dialog.setValue(0)
        self._worker.start()
        return self

    def cancel(self) -> None:
        self._worker.cancel()

    @property
    def cancelled(self) -> bool:
        return self._worker.cancelled

    def wait(self, ms: int = 60_000) -> bool:
        return self._worker.wait(ms)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        dialog = self._dialog
        if dialog is None:
            return
        if dialog.maximum() != max(total, 1):
            dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        if label:
            dialog.setLabelText(label)

    def _close(self) -> None:
        self._worker.wait()
        self.finished = True
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _on_succeeded(self, result: object) -> None:
        self._close()
        self.done.emit(result)

    def _on_failed(self, err: object) -> None:
        self._close()
        self.error.emit(err)
