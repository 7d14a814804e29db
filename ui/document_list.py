"""The list of documents: ids and titles only; texts are loaded when a document opens."""

from __future__ import annotations

from sqlalchemy import select

from core.project import Project
from models.tables import Document
from ui.qt import Qt, QtCore


class DocumentListModel(QtCore.QAbstractListModel):
    DocumentIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, project: Project, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._rows: list[tuple[int, str]] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        with self._project.read() as conn:
            self._rows = [
                (doc_id, title)
                for doc_id, title in conn.execute(
                    select(Document.id, Document.title).order_by(Document.id)
                )
            ]
        self.endResetModel()

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        doc_id, title = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return title or f"Document {doc_id}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"#{doc_id} {title}"
        if role == self.DocumentIdRole:
            return doc_id
        return None

    def document_id(self, row: int) -> int:
        return self._rows[row][0]

    def row_of(self, document_id: int) -> int | None:
        for row, (doc_id, _) in enumerate(self._rows):
            if doc_id == document_id:
                return row
        return None
