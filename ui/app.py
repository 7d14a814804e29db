"""Start-up: the Qt application, its language, theme and fonts, who is annotating, the
project, the window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from core.collector import settle_memory
from core.documents.demo import startup_project_path
from core.project.appstate import AppState, load_state, save_state
from core.project.errors import ProjectError
from core.project.project import Project
from core.project.server import is_server_url
from core.version import APP_ID, APP_NAME, APP_VERSION
from ui import settings
from ui.fonts import load_bundled_fonts
from ui.i18n import chosen_language, error_text, install, translate
from ui.qt import QtWidgets
from ui.theme import LIGHT, THEMES, apply_theme


def resolve_annotator(state: AppState, ask: Callable[[str], str | None]) -> str | None:
    """The remembered annotator name, or ask for one (first start) and remember it."""
    if state.annotator:
        return state.annotator
    from ui.dialogs.annotator import os_user_name

    name = ask(os_user_name())
    if name:
        state.annotator = name
        save_state(state)
    return name


def ask_annotator_name(default: str) -> str | None:
    from ui.dialogs.annotator import AnnotatorDialog

    dialog = AnnotatorDialog(None, default, first_start=True)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen_name()


def make_application() -> QtWidgets.QApplication:
    running = QtWidgets.QApplication.instance()
    if isinstance(running, QtWidgets.QApplication):
        app = running
    else:
        app = QtWidgets.QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(APP_VERSION)
    app.setOrganizationName(APP_NAME)
    # the desktop entry the window belongs to (Wayland's app id; the applications menu)
    app.setDesktopFileName(APP_ID)
    install(app, chosen_language())
    load_bundled_fonts()
    theme = settings.value("view/theme", LIGHT)
    apply_theme(app, theme if theme in THEMES else LIGHT)
    return app


def run_app(project_path: str | None = None) -> int:
    app = make_application()
    name = resolve_annotator(load_state(), ask_annotator_name)
    if not name:
        return 0
    from ui.main_window import MainWindow

    if project_path and is_server_url(project_path):
        # a team project: connected from the window, which asks for a missing password
        window = MainWindow(None, annotator=name)
        window.show()
        window.lifecycle.open_team_project(project_path)
    else:
        try:
            path = Path(project_path) if project_path else startup_project_path()
            project = Project.open(path)
        except ProjectError as err:
            QtWidgets.QMessageBox.critical(None, translate("App", "Tawsim"), error_text(err))
            return 1
        window = MainWindow(project, annotator=name)
        window.show()
    settle_memory()
    try:
        return app.exec()
    finally:
        if window.project is not None:
            window.project.close()
