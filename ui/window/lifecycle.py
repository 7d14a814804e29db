"""A project's life in the window: new, open (recent ones too), close, reload.

`set_project` is where a project comes and goes: it writes `window.project`, brings
every part to it, then tells the shown set (CurrentSet) and, last, the listeners of
`project_changed`, so they find the window ready. The project's settings (clitic
rule, folding) are kept in `settings`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.annotation.annotators import read_annotator
from core.project.appstate import load_state, save_state
from core.project.changes import Changes
from core.project.errors import ProjectError
from core.project.project import Project
from core.project.server import is_server_url
from core.schema.model import load_preset
from ui.dialogs.new_project import NewProjectDialog
from ui.i18n import Translatable, error_text
from ui.qt import Qt, QtGui, QtWidgets

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ProjectLifecycle(Translatable):
    def __init__(self, window: MainWindow):
        self.window = window
        self.settings: dict[str, Any] = {}  # the open project's settings

    def set_project(self, project: Project | None) -> None:
        """Show `project` (the window does not close the previous one: close_project does)."""
        window = self.window
        window.stop_tasks()
        window.project = project
        window.current_document_id = None
        window.current_set_id = None
        window.search.forget_index()
        window.editor.clear_document()
        window.find_bar.close_bar()
        window.notice.hide()
        if project is None:
            window.annotator = None
            window.owner = None
            window.annotating.labels = []
            window.setWindowTitle(self.tr("Tawsim"))
            window.documents.model.set_source(None, None)
            window.search_panel.set_source(None, None)
            self.fill_recent_list()
            window.pages.setCurrentWidget(window.welcome_page)
        else:
            self.settings = project.settings()
            window.setWindowTitle(self.tr("{project} — Tawsim").format(project=project.name))
            state = load_state()
            state.remember_project(project.team.public_url() if project.team else project.path)
            save_state(state)
            window.annotating.load_labels()
            window.identity.set_identity(window.identity.name or None)
            window.pages.setCurrentWidget(window.editor_page)
            window.search.start_index(project)
        for action in window.findChildren(QtGui.QAction):
            if action.property("needs_project"):
                action.setEnabled(project is not None)
        window.annotating.update_undo_actions()
        # the window is ready: the shown set next, then everyone else
        window.current_set.reload(force=True)
        window.project_changed.emit(project)
        if project is not None and window.documents.model.ids:
            window.open_document(window.documents.model.ids[0])
        window.status.update()

    def apply(self, changes: Changes) -> None:
        """A change to the project's settings (its name among them)."""
        if changes.settings:
            project = self.window.require_project()  # changes come only from an open project
            self.settings = project.settings()
            self.window.setWindowTitle(self.tr("{project} — Tawsim").format(project=project.name))

    def open_project_file(self, path: str | Path) -> bool:
        if isinstance(path, str) and is_server_url(path):
            return self.open_team_project(path)
        try:
            project = Project.open(Path(path))
        except ProjectError as err:
            QtWidgets.QMessageBox.warning(self.window, self.tr("Tawsim"), error_text(err))
            state = load_state()
            if not Path(path).exists():
                state.forget_project(path)
                save_state(state)
            return False
        self.close_project()
        self.set_project(project)
        return True

    def open_team_project(self, url: str, password: str | None = None) -> bool:
        """Connect to a team project (the password from the keyring when none is given,
        or asked for in File > Connect to team project…)."""
        from ui.team.connect import connect_to_team_project

        project = connect_to_team_project(self.window, url, password)
        if project is None:
            return False
        self.close_project()
        self.set_project(project)
        return True

    def create_project(self, path: Path, name: str, preset: str) -> bool:
        try:
            project = Project.create(path, name=name, schema=load_preset(preset))
        except (ProjectError, ValueError) as err:
            QtWidgets.QMessageBox.warning(self.window, self.tr("Tawsim"), error_text(err))
            return False
        self.close_project()
        self.set_project(project)
        return True

    def new_project(self) -> None:
        project = self.window.project
        dialog = NewProjectDialog(self.window, project.path.parent if project else None)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.create_project(*dialog.chosen())

    def open_project(self) -> None:
        project = self.window.project
        folder = str(project.path.parent) if project else str(Path.home())
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open project"),
            folder,
            self.tr("Tawsim projects (*.tawsim);;All files (*)"),
        )
        if path:
            self.open_project_file(path)

    def close_project(self) -> None:
        project = self.window.project
        if project is None:
            return
        self.set_project(None)
        project.close()

    def reload(self) -> None:
        """Re-read everything shown (after another program changed the project)."""
        window = self.window
        project = window.project
        if project is None:
            return
        project.invalidate(Changes(schema=True))
        self.settings = project.settings()
        if window.annotator is not None:
            window.annotator = read_annotator(project, window.annotator.id)
            window.identity.update_editing_state()
        window.annotating.load_labels()
        window.documents.model.titles_changed()
        window.documents.model.reload()
        if window.current_document_id is not None:
            window.open_document(window.current_document_id)
        if window.corpus_index is not None and window.corpus_index.built:
            window.search.start_index(project)

    # --- recent projects

    def welcome_page(self) -> QtWidgets.QWidget:
        """What the window shows without a project: New, Open and the recent projects."""
        window = self.window
        welcome = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(welcome)
        layout.addStretch(1)
        heading = QtWidgets.QLabel(self.tr("<h2>Tawsim · توسيم</h2><p>No project is open.</p>"))
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        for text, slot in (
            ("New project…", self.new_project),
            ("Open project…", self.open_project),
        ):
            button = QtWidgets.QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        window.recent_list = QtWidgets.QListWidget()
        window.recent_list.setMaximumWidth(640)
        window.recent_list.itemActivated.connect(lambda item: self.open_project_file(item.text()))
        layout.addWidget(window.recent_list, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return welcome

    def fill_recent_menu(self) -> None:
        menu = self.window.menu("recent")
        menu.clear()
        recent = load_state().recent_projects
        for path in recent:
            action = menu.addAction(path)
            action.setEnabled(is_server_url(path) or Path(path).is_file())
            action.triggered.connect(lambda _=False, p=path: self.open_project_file(p))
        if not recent:
            menu.addAction(self.tr("(none)")).setEnabled(False)

    def fill_recent_list(self) -> None:
        recent_list = self.window.recent_list
        recent_list.clear()
        for path in load_state().recent_projects:
            if is_server_url(path) or Path(path).is_file():
                recent_list.addItem(path)
        recent_list.setVisible(recent_list.count() > 0)
