"""Start-up: the Qt application, fonts, the project to open, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from core.appstate import load_state, save_state
from core.demo import startup_project_path
from core.project import Project
from models.db import ProjectError
from ui.fonts import load_bundled_fonts
from ui.qt import QtWidgets


def run_app(project_path: str | None = None) -> int:
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv)
    app.setApplicationName("Tawsim")
    app.setOrganizationName("Tawsim")
    load_bundled_fonts()
    try:
        path = Path(project_path) if project_path else startup_project_path()
        project = Project.open(path)
    except ProjectError as err:
        QtWidgets.QMessageBox.critical(None, "Tawsim", str(err))
        return 1
    state = load_state()
    state.remember_project(project.path)
    save_state(state)

    from ui.main_window import MainWindow

    window = MainWindow(project)
    window.show()
    try:
        return app.exec()
    finally:
        project.close()
