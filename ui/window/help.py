"""Help: the keyboard shortcuts sheet (F1), Check project (the `doctor` command's check,
with its rescue into a new file) and About."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.project.doctor import CheckReport, RescueReport, check_project, rescue_project
from ui.dialogs.shortcuts import ShortcutsDialog, shortcuts_html
from ui.notice import ERROR
from ui.qt import QtCore, QtWidgets
from ui.tasks import ProgressDialog, Task
from ui.window import TASK_ERRORS

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class Help:
    def __init__(self, window: MainWindow):
        self.window = window
        self._shortcuts: ShortcutsDialog | None = None

    def show_shortcuts(self) -> ShortcutsDialog:
        project = self.window.project
        # entity labels and event types share the keys of the text
        labels = self.window.labels + (project.schema.event_types if project else [])
        if self._shortcuts is None:
            self._shortcuts = ShortcutsDialog(labels, self.window)
        else:
            self._shortcuts.browser.setHtml(shortcuts_html(labels))
        self._shortcuts.show()
        self._shortcuts.raise_()
        return self._shortcuts

    def check_project(self) -> Task | None:
        """Check the open project thoroughly in the background, then show what was found
        (a damaged file is offered a rescue into a new one)."""
        window = self.window
        project = window.project
        if project is None:
            return None
        path = project.path
        task = Task(lambda _progress: check_project(path), TASK_ERRORS, window)
        ProgressDialog(task, _tr("Checking the project…"), window)
        task.finished.connect(self._show_check)
        task.failed.connect(
            lambda message: window.show_notice(_tr("Check failed: {0}").format(message), ERROR)
        )
        return window.run_task(task)

    def _show_check(self, report: CheckReport) -> None:
        box = QtWidgets.QMessageBox(self.window)
        box.setObjectName("check_project_report")
        box.setWindowTitle(_tr("Check project"))
        box.setIcon(
            QtWidgets.QMessageBox.Icon.Information
            if report.sound
            else QtWidgets.QMessageBox.Icon.Warning
        )
        box.setText(report.summary())
        findings = [f"damage: {line}" for line in report.damage[:20]]
        findings += [f"problem: {line}" for line in report.problems]
        if findings:
            box.setDetailedText("\n".join(findings))
        rescue = None
        if report.damage:
            rescue = box.addButton(
                _tr("Rescue into a new file…"), QtWidgets.QMessageBox.ButtonRole.ActionRole
            )
        box.addButton(QtWidgets.QMessageBox.StandardButton.Close)
        box.exec()
        if rescue is not None and box.clickedButton() is rescue:
            self.rescue(report.path)

    def rescue(self, path: Path, out: Path | None = None) -> Task | None:
        """Copy what is readable of the project at `path` into a new file (asked for)."""
        window = self.window
        if out is None:
            chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
                window,
                _tr("Rescue into a new project"),
                str(path.with_name(f"{path.stem}-rescued.tawsim")),
                _tr("Tawsim projects (*.tawsim)"),
            )
            if not chosen:
                return None
            out = Path(chosen)
        target = out
        task = Task(lambda _progress: rescue_project(path, target), TASK_ERRORS, window)
        ProgressDialog(task, _tr("Rescuing the project…"), window)
        task.finished.connect(self._show_rescue)
        task.failed.connect(
            lambda message: window.show_notice(_tr("Rescue failed: {0}").format(message), ERROR)
        )
        return window.run_task(task)

    def _show_rescue(self, report: RescueReport) -> None:
        box = QtWidgets.QMessageBox(self.window)
        box.setObjectName("rescue_report")
        box.setWindowTitle(_tr("Rescue"))
        first, *rest = report.summary().split("\n")
        box.setText(first + "\n\n" + _tr("Open the new file to go on working."))
        if rest:
            box.setDetailedText("\n".join(line.strip() for line in rest))
        box.exec()

    def about(self) -> None:
        from core.version import APP_VERSION

        QtWidgets.QMessageBox.about(
            self.window,
            "About Tawsim",
            f"<h3>Tawsim {APP_VERSION}</h3><p>Annotation of entities, events and stances in "
            "Arabic news.</p><p>GPL-3.0-or-later. Text font: Amiri (SIL Open Font License).</p>",
        )


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("Help", text)
