"""The main window: the document list and the selected article."""

from __future__ import annotations

from sqlalchemy import select

from core.project import Project
from models.tables import Document
from ui.document_list import DocumentListModel
from ui.document_view import DocumentView
from ui.fonts import text_font
from ui.qt import Qt, QtCore, QtWidgets


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, project: Project):
        super().__init__()
        self.project = project
        self.setWindowTitle(f"{project.name} — Tawsim")
        self.resize(1200, 800)

        self.documents = DocumentListModel(project, self)
        self.document_list = QtWidgets.QListView()
        self.document_list.setModel(self.documents)
        self.document_list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.document_list.setUniformItemSizes(True)
        self.document_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.document_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document_list.selectionModel().currentChanged.connect(self._on_current_changed)

        self.view = DocumentView(text_font())

        dock = QtWidgets.QDockWidget("Documents", self)
        dock.setObjectName("documents-dock")
        dock.setWidget(self.document_list)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.setCentralWidget(self.view)
        self.resizeDocks([dock], [340], Qt.Orientation.Horizontal)
        self.statusBar().showMessage(f"{self.documents.rowCount()} documents")

        if self.documents.rowCount():
            self.document_list.setCurrentIndex(self.documents.index(0))

    def _on_current_changed(
        self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex
    ) -> None:
        if current.isValid():
            self.open_document(self.documents.document_id(current.row()))

    def open_document(self, document_id: int) -> None:
        with self.project.read() as conn:
            text = conn.execute(
                select(Document.text).where(Document.id == document_id)
            ).scalar_one()
        self.view.show_text(text)
        self.current_document_id = document_id
