"""Files dropped on the window: a project file opens, document files and folders are
imported into the open project (as File > Import documents does), anything else is
named in the notice with where it belongs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.documents.importing import JSONL_SUFFIXES, TEXT_SUFFIXES
from core.project.project import PROJECT_SUFFIX
from ui.i18n import Translatable, list_text
from ui.notice import ERROR
from ui.qt import QtCore, QtGui

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def dropped_paths(mime: QtCore.QMimeData) -> list[Path]:
    """The local files and folders of a drag, in its order (nothing for other data)."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


class FileDrops(Translatable):
    def __init__(self, window: MainWindow):
        self.window = window
        window.setAcceptDrops(True)

    def enter(self, event: QtGui.QDragEnterEvent | QtGui.QDragMoveEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: QtGui.QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_or_import(paths)

    def open_or_import(self, paths: list[Path]) -> None:
        window = self.window
        projects = [p for p in paths if p.suffix == PROJECT_SUFFIX]
        if projects:
            if len(paths) > 1:
                window.show_notice(self.tr("Drop one project file at a time, on its own."), ERROR)
                return
            window.open_project_file(projects[0])
            return
        documents = [
            p for p in paths if p.is_dir() or p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES
        ]
        others = [p.name for p in paths if p not in documents]
        if others:
            window.show_notice(
                self.tr(
                    "Not document files: {names}. Annotation files are imported with "
                    "File > Import annotations…"
                ).format(names=list_text(others)),
                ERROR,
            )
            return
        if window.project is None:
            window.show_notice(self.tr("Open or create a project to import documents into."), ERROR)
            return
        window.import_documents(documents)
