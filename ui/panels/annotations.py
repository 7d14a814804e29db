"""The annotations of the open document: sortable; choosing one selects it in the text."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from core.annotation.spans import SpanRow
from ui import bindings
from ui.bidi import offsets
from ui.editor.layer import SpanLayer
from ui.i18n import QT_TRANSLATE_NOOP
from ui.item_views import ModelIndex, TableModel, list_table
from ui.keys import label_key
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.UserRole + 1,  # AnnotationListModel.SpanIdRole
    }
)


class AnnotationListModel(TableModel):
    """The shown set's spans, sorted here by a key (not by a proxy calling back into
    Python for every comparison), and patched row by row when a few spans change."""

    LABEL, TEXT, START, END = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("AnnotationListModel", "Label"),
        QT_TRANSLATE_NOOP("AnnotationListModel", "Text"),
        QT_TRANSLATE_NOOP("AnnotationListModel", "Start"),
        QT_TRANSLATE_NOOP("AnnotationListModel", "End"),
    )
    SpanIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, layer: SpanLayer, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.layer = layer
        self._rows: list[SpanRow] = []  # ascending by key; shown reversed when descending
        self._keys: list[tuple] = []
        self._key_of: dict[int, tuple] = {}
        self._sort = (self.START, Qt.SortOrder.AscendingOrder)

    @property
    def _descending(self) -> bool:
        return self._sort[1] == Qt.SortOrder.DescendingOrder

    def _key(self, span: SpanRow) -> tuple:
        column = self._sort[0]
        if column == self.LABEL:
            style = self.layer.styles.get(span.label_id)
            return (style.name if style else "", span.start, span.end, span.id)
        if column == self.TEXT:
            return (self.layer.text[span.start : span.end], span.start, span.id)
        if column == self.END:
            return (span.end, span.start, span.id)
        return (span.start, span.end, span.id)

    def refresh(self) -> None:
        self.beginResetModel()
        rows = [self.layer.spans[i] for i in self.layer.index]  # reading order
        keyed = sorted((self._key(span), span) for span in rows)
        self._keys = [k for k, _ in keyed]
        self._rows = [span for _, span in keyed]
        self._key_of = {span.id: k for k, span in keyed}
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.refresh()

    def patch(self, touched: set[int]) -> None:
        """Some spans changed (added, removed, relabelled, resized): move just their rows."""
        spans = self.layer.spans
        for span_id in touched:
            row = self.row_of(span_id)
            if row is not None:
                position = self._position(row)
                self.beginRemoveRows(QtCore.QModelIndex(), row, row)
                del self._rows[position]
                del self._keys[position]
                del self._key_of[span_id]
                self.endRemoveRows()
            span = spans.get(span_id)
            if span is not None:
                key = self._key(span)
                position = bisect_left(self._keys, key)
                row = len(self._rows) - position if self._descending else position
                self.beginInsertRows(QtCore.QModelIndex(), row, row)
                self._rows.insert(position, span)
                self._keys.insert(position, key)
                self._key_of[span_id] = key
                self.endInsertRows()

    def _position(self, row: int) -> int:
        return len(self._rows) - 1 - row if self._descending else row

    def row_of(self, span_id: int) -> int | None:
        key = self._key_of.get(span_id)
        if key is None:
            return None
        position = bisect_left(self._keys, key)
        return len(self._rows) - 1 - position if self._descending else position

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # views ask for many roles per cell on every repaint: answer the others at once
        if role not in _ROLES or not index.isValid():
            return None
        span = self._rows[self._position(index.row())]
        column = index.column()
        if role == self.SpanIdRole:
            return span.id
        style = self.layer.styles.get(span.label_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.LABEL:
                return style.name if style else "?"
            if column == self.TEXT:
                return self.layer.text[span.start : span.end].replace("\n", " ")
            return span.start if column == self.START else span.end
        if role == Qt.ItemDataRole.DecorationRole and column == self.LABEL and style:
            return style.color
        if role == Qt.ItemDataRole.ToolTipRole:
            name = style.name if style else ""
            shown = self.layer.text[span.start : span.end]
            return f"{name}\n{shown}\n{offsets(span.start, span.end)}"
        return None


class AnnotationPanel(QtWidgets.QWidget):
    span_chosen = Signal(int)
    key_pressed = Signal(QtGui.QKeyEvent)  # label keys and Delete go to the editor

    def __init__(
        self,
        layer: SpanLayer,
        selected: Callable[[], int | None],
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self.model = AnnotationListModel(layer, self)
        self._selected = selected
        self.view = list_table(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(AnnotationListModel.START, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(
            AnnotationListModel.TEXT, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        # fixed widths: sizing to contents would look at a thousand rows on every change
        metrics = self.view.fontMetrics()
        header.resizeSection(AnnotationListModel.LABEL, metrics.horizontalAdvance("CARDINAL") + 30)
        for column in (AnnotationListModel.START, AnnotationListModel.END):
            header.resizeSection(column, metrics.horizontalAdvance("99999") + 14)
        self.count_label = QtWidgets.QLabel()
        self.count_label.setProperty("role", "muted")
        # a new count must not make the dock lay itself out again
        self.count_label.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.view.clicked.connect(self._choose)
        self.view.activated.connect(self._choose)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.installEventFilter(self)
        self._syncing = False
        self.stale = False  # a refresh is due (after a document opened)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._refresh_if_stale)

    def refresh_soon(self) -> None:
        """Refresh once the event loop runs again, so a new document's text is painted
        first; until then patches are skipped (the refresh reads everything)."""
        self.stale = True
        self._timer.start(0)

    def _refresh_if_stale(self) -> None:
        if self.stale:
            self.refresh()

    def patch(self, touched: set[int]) -> None:
        if self.stale:
            return
        self.model.patch(touched)
        self._update_count()
        self.show_span(self._selected())

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(
            self.tr("{count} annotation(s)", None, count).format(count=f"{count:,}")
        )

    def refresh(self) -> None:
        self.stale = False
        self._timer.stop()
        self.model.refresh()
        self._update_count()
        self.show_span(self._selected())

    def selected_span_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(AnnotationListModel.SpanIdRole) if index.isValid() else None

    def show_span(self, span_id: int | None) -> None:
        """Select the row of `span_id` (following the editor) without choosing it again."""
        if self.stale:
            return  # the coming refresh selects it
        self._syncing = True
        try:
            row = self.model.row_of(span_id) if span_id is not None else None
            if row is None:
                self.view.clearSelection()
                return
            index = self.model.index(row, 0)
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
            and isinstance(event, QtGui.QKeyEvent)
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
