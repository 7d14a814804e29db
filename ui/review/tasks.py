"""Running long core work off the GUI thread, with progress and Cancel.

`BackgroundTask(fn)` runs ``fn(progress)`` on the global thread pool, where
``progress(done, total, label) -> keep_going`` is the plain callback core
functions take. The worker never touches widgets: it reports through signals,
which Qt delivers on the GUI thread. `cancel()` makes the next progress call
return False; the core function then raises, and the task reports `cancelled`.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from ui.qt import QtCore, QtWidgets, Signal

Progress = Callable[[int, int, str], bool]


class BackgroundTask(QtCore.QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # a message for the user
    cancelled = Signal()

    def __init__(
        self,
        work: Callable[[Progress], Any],
        expected: tuple[type[BaseException], ...] = (),
        parent: QtCore.QObject | None = None,
    ):
        """`expected`: exception types whose message is shown as is (e.g. refusals);
        anything else is reported as an unexpected error with its traceback printed."""
        super().__init__(parent)
        self._work = work
        self._expected = expected
        self._stop = threading.Event()
        self._done = threading.Event()
        self._runnable = QtCore.QRunnable.create(self._run)
        self._runnable.setAutoDelete(False)
        self.running = False

    def start(self) -> None:
        self.running = True
        QtCore.QThreadPool.globalInstance().start(self._runnable)

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until the work has ended (True) or `timeout` seconds passed."""
        return self._done.wait(timeout) if self.running else True

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def _progress(self, done: int, total: int, label: str) -> bool:
        if self._stop.is_set():
            return False
        self.progressed.emit(done, total, label)
        return True

    def _run(self) -> None:
        try:
            self._finish_run()
        finally:
            self._done.set()

    def _finish_run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as err:
            self.running = False
            if self._stop.is_set():
                self.cancelled.emit()
            elif isinstance(err, self._expected):
                self.failed.emit(str(err))
            else:
                traceback.print_exc()
                self.failed.emit(f"Unexpected error: {err}")
            return
        self.running = False
        if self._stop.is_set():
            self.cancelled.emit()
        else:
            self.finished.emit(result)


class ProgressDialog(QtWidgets.QProgressDialog):
    """A progress dialog for a BackgroundTask: shown after half a second, Cancel stops it."""

    def __init__(self, task: BackgroundTask, title: str, parent: QtWidgets.QWidget | None):
        super().__init__(title, "Cancel", 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.setMinimumDuration(500)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._task = task
        self.canceled.connect(task.cancel)
        task.progressed.connect(self._on_progress)
        for signal in (task.finished, task.failed, task.cancelled):
            signal.connect(self._done)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.setMaximum(max(total, 0))
        self.setValue(min(done, total) if total else 0)
        self.setLabelText(label)

    def _done(self, *_args: object) -> None:
        self.reset()
        self.hide()
        self.deleteLater()


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Wait for every background task to end (on close, and in tests)."""
    return QtCore.QThreadPool.globalInstance().waitForDone(timeout_ms)
