"""Team mode in the window: File > Connect to team project…, live updates from the
others' commits with the connection's status in the status bar, the annotator's list of
assigned documents, and Review > Workload… for curators.

Remote changes are dispatched like the window's own (`window.emit_changes`), so the
document list, the editor and curation redraw what they name; an open agreement
dashboard computes again. Views read through row-level security, so a change set naming
another annotator's rows brings nothing of them into an annotator's window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.project.changes import Changes
from core.project.project import Project
from core.project.server import ServerProject
from core.team.assignment import has_assignments
from core.team.live import OFFLINE, ChangeListener
from ui.i18n import translate
from ui.qt import QtCore, QtWidgets, Signal

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class LiveUpdates(QtCore.QObject):
    """The listener's news, brought into the GUI thread by queued signals."""

    changed = Signal(object)  # Changes, or None: read everything again
    status_changed = Signal(str)

    # bursts (an import, someone annotating fast) refresh the dashboard once
    DASHBOARD_DELAY_MS = 1500

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.listener: ChangeListener | None = None
        self.label = QtWidgets.QLabel()
        window.statusBar().addPermanentWidget(self.label)
        self.label.setVisible(False)
        self.changed.connect(self._apply)
        self.status_changed.connect(self._show_status)
        self._dashboard_timer = QtCore.QTimer(self)
        self._dashboard_timer.setSingleShot(True)
        self._dashboard_timer.setInterval(self.DASHBOARD_DELAY_MS)
        self._dashboard_timer.timeout.connect(self._refresh_dashboards)
        window.project_changed.connect(self._follow)

    def _follow(self, project: Project | None) -> None:
        self.stop()
        if isinstance(project, ServerProject):
            self.label.setVisible(True)
            self._show_status(OFFLINE)
            self.listener = ChangeListener(
                project, on_change=self.changed.emit, on_status=self.status_changed.emit
            )
            self.listener.start()
        else:
            self.label.setVisible(False)

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None

    def _show_status(self, status: str) -> None:
        if status == OFFLINE:
            self.label.setText(translate("TeamMode", "Team: offline — reconnecting"))
            self.label.setProperty("role", "error")
        else:
            self.label.setText(translate("TeamMode", "Team: live"))
            self.label.setProperty("role", "muted")
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)

    def _apply(self, changes: Changes | None) -> None:
        window = self.window
        if window.project is None or self.listener is None:
            return
        if changes is None:
            window.reload()
            window.emit_changes(Changes(annotators=True, settings=True))
        else:
            window.emit_changes(changes)
        if changes is None or changes.sets or changes.documents:
            self._dashboard_timer.start()

    def _refresh_dashboards(self) -> None:
        from ui.review.dashboard import ReviewDashboard

        for dashboard in self.window.findChildren(ReviewDashboard):
            if dashboard.isVisible():
                dashboard.refresh()


def follow_assignments(window: MainWindow) -> None:
    """The document list shows an annotator's assigned documents when their work is
    planned (the whole corpus otherwise, and for curators looking at someone's set)."""
    project, annotator = window.project, window.annotator
    planned = (
        project is not None
        and annotator is not None
        and window.owner == annotator.id
        and has_assignments(project, annotator.id)
    )
    window.documents.set_assignment(annotator.id if planned and annotator else None)


def install(window: MainWindow) -> None:
    from ui.team.connect import connect_to_team_project
    from ui.team.workload import open_workload

    def connect() -> None:
        project = connect_to_team_project(window)
        if project is not None:
            window.lifecycle.close_project()
            window.set_project(project)

    action = window.add_action(
        None,
        translate("TeamMode", "Connect to &team project…"),
        connect,
        id="file.connect_team",
        icon_name="mdi6.server-network",
        needs_project=False,
    )
    window.menu("file").insertAction(window.menu("recent").menuAction(), action)
    window.add_action(
        "review",
        translate("TeamMode", "&Workload…"),
        lambda: open_workload(window),
        id="review.workload",
    )
    LiveUpdates(window)  # a child of the window: window.findChild(LiveUpdates)
    window.identity_changed.connect(lambda: follow_assignments(window))
    window.operation_did_execute.connect(
        lambda changes: follow_assignments(window) if "assignment" in changes.rows else None
    )
