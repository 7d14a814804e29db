"""The annotations of the open document: sortable; choosing one selects it in the text."""

from __future__ import annotations

from core.annotations import SpanRow
from ui import bindings
from ui.editor.layer import SpanLayer
from ui.keys import label_key
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

CONTEXT = 0


class AnnotationListModel(QtCore.QAbstractTableModel):
    LABEL, TEXT, START, END = range(4)
    HEADERS = ("Label", "Text", "Start", "End")
    SpanIdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, layer: SpanLayer, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.layer = layer
        self._rows: list[SpanRow] = []

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = [self.layer.spans[i] for i in self.layer.index]
        self.endResetModel()

    def row_of(self, span_id: int) -> int | None:
        for row, span in enumerate(self._rows):
            if span.id == span_id:
                return row
        return None

    def rowCount(self, parent=QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        span = self._rows[index.row()]
        column = index.column()
        style = self.layer.styles.get(span.label_id)
        if role == self.SpanIdRole:
            return span.id
        if role == self.SortRole:
            return {
                self.LABEL: (style.key if style else "", span.start),
                self.TEXT: (self.layer.text[span.start : span.end], span.start),
                self.START: (span.start, span.end),
                self.END: (span.end, span.start),
            }[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.LABEL:
                return style.key if style else "?"
            if column == self.TEXT:
                return self.layer.text[span.start : span.end].replace("\n", " ")
            return span.start if column == self.START else span.end
        if role == Qt.ItemDataRole.DecorationRole and column == self.LABEL and style:
            return style.color
        if role == Qt.ItemDataRole.ToolTipRole:
            name = style.name if style else ""
            return f"{name}\n{self.layer.text[span.start : span.end]}\n{span.start}–{span.end}"
        return None


class _SortProxy(QtCore.QSortFilterProxyModel):
    def lessThan(self, left: QtCore.QModelIndex, right: QtCore.QModelIndex) -> bool:
        role = AnnotationListModel.SortRole
        return left.data(role) < right.data(role)


class AnnotationPanel(QtWidgets.QWidget):
    span_chosen = Signal(int)
    key_pressed = Signal(QtGui.QKeyEvent)  # label keys and Delete go to the editor

    def __init__(self, layer: SpanLayer, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.model = AnnotationListModel(layer, self)
        self.proxy = _SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QtWidgets.QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(AnnotationListModel.START, Qt.SortOrder.AscendingOrder)
        self.view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(
            AnnotationListModel.TEXT, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        for column in (
            AnnotationListModel.LABEL,
            AnnotationListModel.START,
            AnnotationListModel.END,
        ):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QtWidgets.QLabel()
        self.count_label.setProperty("role", "muted")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.view.clicked.connect(self._choose)
        self.view.activated.connect(self._choose)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.installEventFilter(self)
        self._syncing = False

    def refresh(self) -> None:
        selected = self.selected_span_id()
        self.model.refresh()
        count = self.model.rowCount()
        self.count_label.setText(f"{count:,} annotation{'s' if count != 1 else ''}")
        self.show_span(selected)

    def selected_span_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(AnnotationListModel.SpanIdRole) if index.isValid() else None

    def show_span(self, span_id: int | None) -> None:
        """Select the row of `span_id` (following the editor) without choosing it again."""
        self._syncing = True
        try:
            row = self.model.row_of(span_id) if span_id is not None else None
            if row is None:
                self.view.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.view.selectionModel().setCurrentIndex(
                index,
                QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QtCore.QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(index)
        finally:
            self._syncing = False

    def _on_current(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self._choose(current)

    def _choose(self, index: QtCore.QModelIndex) -> None:
        span_id = index.data(AnnotationListModel.SpanIdRole)
        if span_id is not None:
            self.span_chosen.emit(span_id)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QtCore.QEvent.Type.KeyPress
            and (
                label_key(event) is not None
                or bindings.matches(event, "annotate.delete")
                or bindings.matches(event, "annotate.clear")
            )
        ):
            self.key_pressed.emit(event)
            return True
        return super().eventFilter(watched, event)
