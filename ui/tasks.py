"""Long core work off the GUI thread, with progress and Cancel.

`Task(work, expected, parent)` runs ``work(progress)`` on the global thread pool,
where ``progress(done, total, label) -> keep_going`` is the plain callback core
functions take. The work never touches widgets: the task reports through
signals, which Qt delivers on the GUI thread, exactly one of

* `finished(result)`: the work returned;
* `cancelled()`: the work stopped by raising `Cancelled` after `cancel()` was asked
  (what it kept, if anything, is `task.partial`);
* `failed(message)`: the work raised otherwise. An exception of the `expected`
  types (refusals, bad input) is shown by its message; any other is a bug: its
  traceback is printed and the message says "Unexpected error". The exception
  itself is `task.error`;

then `ended()`. `progressed(done, total, label)` comes before, as the work
reports. `background=True` is for work the user goes on working beside (no dialog
waits for it): at its progress reports it gives the GUI thread turns, so the window
stays quick. `cancel()` makes the next progress call return False; `wait()` blocks
until the work has ended. `ProgressDialog(task, title, parent)` shows a task's
progress after half a second, with Cancel; `TaskDialog` is a dialog running its
work as a task with a progress bar of its own; `wait_for_tasks()` waits for every
task (on close, and in tests).
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from core.project.progress import Cancelled, Progress
from ui.i18n import error_text, text_of, translate
from ui.qt import QtCore, QtWidgets, Signal

_YIELD_EVERY = 0.0005  # seconds of background work between two turns of the GUI thread


class Task(QtCore.QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)  # the work's result
    failed = Signal(str)  # a message for the user
    cancelled = Signal()
    ended = Signal()  # after any of the three

    def __init__(
        self,
        work: Callable[[Progress], Any],
        expected: tuple[type[BaseException], ...] = (),
        parent: QtCore.QObject | None = None,
        *,
        background: bool = False,
    ):
        super().__init__(parent)
        self._work = work
        self._background = background
        self._expected = expected
        self._stop = threading.Event()
        self._done = threading.Event()
        self._yielded = 0.0
        self._started = False
        self._runnable = QtCore.QRunnable.create(self._run)
        self._runnable.setAutoDelete(False)
        self.running = False
        self.error: BaseException | None = None  # what the work raised, if it failed

    def start(self) -> Task:
        self._started = self.running = True
        QtCore.QThreadPool.globalInstance().start(self._runnable)
        return self

    def cancel(self) -> None:
        self._stop.set()

    @property
    def partial(self) -> Any:
        """What cancelled work kept (`Cancelled.partial`); None when it was not cancelled."""
        return self.error.partial if isinstance(self.error, Cancelled) else None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has ended (True) or `timeout` seconds passed (False)."""
        return self._done.wait(timeout) if self._started else True

    def _progress(self, done: int, total: int, label: str) -> bool:
        if self._stop.is_set():
            return False
        # a Message is translated here: through the signal it would arrive as plain text
        self.progressed.emit(done, total, text_of(label))
        # background work lets the GUI thread have the interpreter now and then: the GUI
        # needs it for every call into Python (each row a list paints), and work that never
        # lets go holds it up to the switch interval each time (a document step took half a
        # second while the search index of 50,000 documents was built; a sleep costs the
        # work about a tenth of its time)
        if self._background and time.perf_counter() - self._yielded > _YIELD_EVERY:
            time.sleep(0)
            self._yielded = time.perf_counter()
        return True

    def _run(self) -> None:
        try:
            self._report()
            self.ended.emit()
        finally:
            self._done.set()

    def _report(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as err:
            self.running = False
            self.error = err
            if isinstance(err, Cancelled):
                self.cancelled.emit()
            elif isinstance(err, self._expected):
                self.failed.emit(error_text(err) or type(err).__name__)
            else:
                traceback.print_exc()
                self.failed.emit(self.tr("Unexpected error: {error}").format(error=err))
            return
        self.running = False
        self.finished.emit(result)


class ProgressDialog(QtWidgets.QProgressDialog):
    """A task's progress, shown after half a second (window-modal); Cancel cancels the task.
    It closes itself when the task ends (before the slots connected after it are called)."""

    def __init__(self, task: Task, title: str, parent: QtWidgets.QWidget | None):
        super().__init__(title, translate("ProgressDialog", "Cancel"), 0, 0, parent)
        self.setWindowTitle(self.tr("Tawsim"))
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.setMinimumDuration(500)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.canceled.connect(task.cancel)
        task.progressed.connect(self._on_progress)
        for signal in (task.finished, task.failed, task.cancelled):
            signal.connect(self._done)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.setMaximum(max(total, 0))
        self.setValue(min(done, total) if total else 0)
        if label:
            self.setLabelText(label)

    def _done(self, *_args: object) -> None:
        self.reset()
        self.hide()
        self.deleteLater()


Result = TypeVar("Result")


class TaskDialog(QtWidgets.QDialog, Generic[Result]):
    """A dialog whose work runs as a Task, shown in the dialog's own progress bar
    (`progress`, visible while running, as `cancel_button` is); every error's message
    is shown. Closing the dialog cancels the work and waits for it to stop.

    A subclass (`TaskDialog[what its work returns]`) lays out `progress` and the
    `task_buttons`, sets `idle_widgets` (enabled only while nothing runs), and handles
    `_on_done(result)`, `_on_failed(message)` and `_on_cancelled()`; `_on_ended()`
    follows any of them."""

    PROGRESS_FORMAT = "{label:.50}"  # the bar's text; %v and %m are done and total

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.task: Task | None = None
        self.progress = QtWidgets.QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button: QtWidgets.QAbstractButton | None = None
        self.idle_widgets: tuple[QtWidgets.QWidget, ...] = ()

    def task_buttons(self, cancel: Callable[[], None]) -> QtWidgets.QDialogButtonBox:
        """The dialog's buttons: Cancel, shown while the work runs, calling `cancel`, and
        Close (which cancels running work too); the dialog adds those that start work."""
        buttons = QtWidgets.QDialogButtonBox()
        self.cancel_button = buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(cancel)
        self.close_button = buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        return buttons

    def grow_to_fit(self) -> None:
        """Grow (never shrink) to the height the rows now need at this width: rows
        shown later (a format's options) and wrapped text are never squeezed or cut.
        Measured on the laid-out rows themselves: a form's wrapped label can make the
        layout's own estimate too low."""
        layout = self.layout()
        if layout is None:
            return
        for _ in range(3):  # a taller window can lay the rows out taller again
            # rows just added become visible and lay themselves out first
            QtCore.QCoreApplication.sendPostedEvents()
            layout.activate()
            rows = [
                w
                for w in self.findChildren(QtWidgets.QWidget)
                if w.parentWidget() is self and w.isVisibleTo(self)
            ]
            bottom = max((w.geometry().bottom() for w in rows), default=0)
            squeezed = sum(max(0, w.minimumSizeHint().height() - w.height()) for w in rows)
            needed = max(
                layout.totalSizeHint().height(),
                bottom + layout.contentsMargins().bottom() + 1,
                self.height() + squeezed,
            )
            if needed <= self.height():
                return
            self.resize(self.width(), needed)

    def run_task(self, work: Callable[[Progress], Result]) -> None:
        self.task = Task(work, (Exception,), self)
        self.task.progressed.connect(self._on_progress)
        self.task.finished.connect(self._on_done)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(self._on_cancelled)
        self.task.ended.connect(self._on_ended)
        self._set_running(True)
        self.task.start()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        if self.cancel_button is not None:
            self.cancel_button.setVisible(running)
        for widget in self.idle_widgets:
            widget.setEnabled(not running)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(self.PROGRESS_FORMAT.format(label=label))

    def _on_done(self, result: Result) -> None:
        raise NotImplementedError

    def _on_failed(self, message: str) -> None:
        raise NotImplementedError

    def _on_cancelled(self) -> None:
        raise NotImplementedError

    def _on_ended(self) -> None:
        self._set_running(False)
        self.task = None

    def reject(self) -> None:
        if self.task is not None:  # closing the window while working cancels the work
            self.task.cancel()
            self.task.wait()
        super().reject()


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Wait for every task to end (on close, and in tests)."""
    return QtCore.QThreadPool.globalInstance().waitForDone(timeout_ms)


__all__ = ["Progress", "ProgressDialog", "Task", "TaskDialog", "wait_for_tasks"]
