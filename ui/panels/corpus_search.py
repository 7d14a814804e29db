"""Search every document (folded, see core.documents.search); a chosen hit opens its document."""

from __future__ import annotations

from core.documents.search import CorpusIndex, HitInContext, SearchResult, hits_in_context
from ui.bidi import offsets
from ui.i18n import QT_TRANSLATE_NOOP
from ui.item_views import ModelIndex, TableModel, lead_into, list_table
from ui.qt import Qt, QtCore, QtWidgets, Signal


class HitModel(TableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("HitModel", "Document"),
        QT_TRANSLATE_NOOP("HitModel", "Context"),
    )

    def __init__(self, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.rows: list[HitInContext] = []

    def set_rows(self, rows: list[HitInContext]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.title or self.tr("Document {id}").format(id=row.document_id)
            return f"…{row.before}【{row.match}】{row.after}…".replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            where = self.tr("offsets {offsets}").format(offsets=offsets(row.start, row.end))
            return f"#{row.document_id} · {where}\n{row.title}"
        return None


class CorpusSearchPanel(QtWidgets.QWidget):
    hit_chosen = Signal(int, int, int)  # document id, start, end

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.index: CorpusIndex | None = None
        self.query = QtWidgets.QLineEdit()
        self.query.setPlaceholderText(self.tr("Search all documents (Arabic folding), Enter"))
        self.query.setClearButtonEnabled(True)
        self.status = QtWidgets.QLabel("")
        self.status.setProperty("role", "muted")
        self.model = HitModel(self)
        self.view = list_table(self.model)
        self.view.horizontalHeader().setSectionResizeMode(
            1, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.view.setColumnWidth(0, 160)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.query.returnPressed.connect(self.run)
        lead_into(self.query, self.view)
        self.view.activated.connect(self._choose)
        self.view.clicked.connect(self._choose)
        self._project = None
        self._waiting = False

    def set_source(self, project, index: CorpusIndex | None) -> None:
        self._project = project
        self.index = index
        self.model.set_rows([])
        self.status.setText(
            "" if index is None or index.built else self.tr("Preparing the search index…")
        )
        if self._waiting and index is not None and index.built:
            self._waiting = False
            self.run()

    def index_ready(self, index: CorpusIndex) -> None:
        self.set_source(self._project, index)

    def run(self) -> SearchResult | None:
        text = self.query.text()
        if not text.strip() or self._project is None:
            self.model.set_rows([])
            self.status.setText("")
            return None
        if self.index is None or not self.index.built:
            self._waiting = True
            self.status.setText(
                self.tr("Preparing the search index… the search runs when it is ready.")
            )
            return None
        result = self.index.search(text)
        rows = hits_in_context(self._project, result.hits)
        self.model.set_rows(rows)
        hits, documents = len(result.hits), result.documents
        status = self.tr("{hits} in {documents}").format(
            hits=self.tr("{count} hit(s)", None, hits).format(count=f"{hits:,}"),
            documents=self.tr("{count} document(s)", None, documents).format(
                count=f"{documents:,}"
            ),
        )
        if result.truncated:
            status = self.tr("{status} (first hits only)").format(status=status)
        self.status.setText(status)
        return result

    def _choose(self, index: QtCore.QModelIndex) -> None:
        if index.isValid():
            row = self.model.rows[index.row()]
            self.hit_chosen.emit(row.document_id, row.start, row.end)
