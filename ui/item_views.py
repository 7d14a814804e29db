"""Item views: a base for the read-only table models, the right-to-left list tables of
the side panels, and emptying item widgets that are filled again after every change."""

from __future__ import annotations

from ui.qt import Qt, QtCore, QtWidgets


class TableModel(QtCore.QAbstractTableModel):
    """A read-only table with the column titles `HEADERS` and `row_count()` rows."""

    HEADERS: tuple[str, ...] = ()

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


def list_table(model: QtCore.QAbstractItemModel) -> QtWidgets.QTableView:
    """A right-to-left table of `model` for a side panel: whole rows, one at a time, not
    editable, no row numbers, grid or wrapping."""
    view = QtWidgets.QTableView()
    view.setModel(model)
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setWordWrap(False)
    return view


def empty(view: QtWidgets.QTreeWidget | QtWidgets.QListWidget) -> None:
    """Remove every item by taking it back, so that Python deletes it with its wrapper.

    `clear()` deletes the items in C++ behind the back of wrappers Python may still
    hold (those of items made in Python live as long as their parent); a panel
    rebuilt after each change, with a slot on currentItemChanged, crashed in the next
    `clear()` after a mouse click on a child item."""
    if isinstance(view, QtWidgets.QTreeWidget):
        while view.topLevelItemCount():
            view.takeTopLevelItem(view.topLevelItemCount() - 1)
    else:
        while view.count():
            view.takeItem(view.count() - 1)
