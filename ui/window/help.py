"""Help: the keyboard shortcuts sheet (F1), Check project (the `doctor` command's check,
with its rescue into a new file) and About."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.project.doctor import CheckReport, RescueReport, check_project, rescue_project
from ui.dialogs.shortcuts import ShortcutsDialog, shortcuts_html
from ui.i18n import Translatable
from ui.notice import ERROR
from ui.qt import QtWidgets
from ui.tasks import ProgressDialog, Task
from ui.window import TASK_ERRORS

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class Help(Translatable):
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
        ProgressDialog(task, self.tr("Checking the project…"), window)
        task.finished.connect(self._show_check)
        task.failed.connect(
            lambda message: window.show_notice(
                self.tr("Check failed: {message}").format(message=message), ERROR
            )
        )
        return window.run_task(task)

    def _show_check(self, report: CheckReport) -> None:
        box = QtWidgets.QMessageBox(self.window)
        box.setObjectName("check_project_report")
        box.setWindowTitle(self.tr("Check project"))
        box.setIcon(
            QtWidgets.QMessageBox.Icon.Information
            if report.sound
            else QtWidgets.QMessageBox.Icon.Warning
        )
        box.setText(report.summary())
        findings = [self.tr("damage: {line}").format(line=line) for line in report.damage[:20]]
        findings += [self.tr("problem: {line}").format(line=line) for line in report.problems]
        if findings:
            box.setDetailedText("\n".join(findings))
        rescue = None
        if report.damage:
            rescue = box.addButton(
                self.tr("Rescue into a new file…"), QtWidgets.QMessageBox.ButtonRole.ActionRole
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
                self.tr("Rescue into a new project"),
                str(path.with_name(f"{path.stem}-rescued.tawsim")),
                self.tr("Tawsim projects (*.tawsim)"),
            )
            if not chosen:
                return None
            out = Path(chosen)
        target = out
        task = Task(lambda _progress: rescue_project(path, target), TASK_ERRORS, window)
        ProgressDialog(task, self.tr("Rescuing the project…"), window)
        task.finished.connect(self._show_rescue)
        task.failed.connect(
            lambda message: window.show_notice(
                self.tr("Rescue failed: {message}").format(message=message), ERROR
            )
        )
        return window.run_task(task)

    def _show_rescue(self, report: RescueReport) -> None:
        box = QtWidgets.QMessageBox(self.window)
        box.setObjectName("rescue_report")
        box.setWindowTitle(self.tr("Rescue"))
        first, *rest = report.summary().split("\n")
        box.setText(first + "\n\n" + self.tr("Open the new file to go on working."))
        if rest:
            box.setDetailedText("\n".join(line.strip() for line in rest))
        box.exec()

    def about(self) -> None:
        from core.version import APP_VERSION

        QtWidgets.QMessageBox.about(
            self.window,
            self.tr("About Tawsim"),
            self.tr(
                "<h3>Tawsim {version}</h3><p>Annotation of entities, events and stances in "
                "Arabic news.</p><p>GPL-3.0-or-later. Text font: Amiri (SIL Open Font License).</p>"
            ).format(version=APP_VERSION),
        )
