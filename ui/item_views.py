"""Item views: a base for the read-only table models, the right-to-left list tables of
the side panels, walking tree widgets, and emptying item widgets and layouts that are
filled again after every change."""

from __future__ import annotations

from typing import TypeAlias

from ui.qt import Qt, QtCore, QtGui, QtWidgets

# the index an item model's methods are given (what their overrides must accept)
ModelIndex: TypeAlias = QtCore.QModelIndex | QtCore.QPersistentModelIndex


class TableModel(QtCore.QAbstractTableModel):
    """A read-only table with the column titles `HEADERS` and `row_count()` rows. The
    titles are marked QT_TRANSLATE_NOOP with the subclass's name as the context, which
    translates them."""

    HEADERS: tuple[str, ...] = ()

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QtCore.QCoreApplication.translate(type(self).__name__, self.HEADERS[section])
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


def set_current_item(tree: QtWidgets.QTreeWidget, item: QtWidgets.QTreeWidgetItem | None) -> None:
    """Make `item` the tree's current item, or leave none current (what Qt's
    setCurrentItem does with a null item, which the binding's stubs do not take)."""
    if item is None:
        tree.setCurrentIndex(QtCore.QModelIndex())
    else:
        tree.setCurrentItem(item)


def top_level_items(tree: QtWidgets.QTreeWidget) -> list[QtWidgets.QTreeWidgetItem]:
    """The tree's top-level items, in order."""
    items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return [item for item in items if item is not None]  # None only out of range


def child_items(item: QtWidgets.QTreeWidgetItem) -> list[QtWidgets.QTreeWidgetItem]:
    """The item's children, in order."""
    children = (item.child(i) for i in range(item.childCount()))
    return [child for child in children if child is not None]  # None only out of range


def take_widgets(layout: QtWidgets.QLayout) -> list[QtWidgets.QWidget]:
    """Empty `layout`; the widgets it held (spacers and nested layouts are dropped)."""
    widgets = []
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widgets.append(widget)
    return widgets


class _DownIntoList(QtCore.QObject):
    def __init__(self, box: QtWidgets.QLineEdit, view: QtWidgets.QAbstractItemView):
        super().__init__(box)
        self.view = view

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            event.type() == QtCore.QEvent.Type.KeyPress
            and isinstance(event, QtGui.QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and not event.modifiers()
        ):
            enter_list(self.view)
            return True
        return False


def lead_into(box: QtWidgets.QLineEdit, view: QtWidgets.QAbstractItemView) -> None:
    """Down in a filter or search box moves into its list (onto the current row, else the
    first), as it does in the file dialogs and launchers users know."""
    box.installEventFilter(_DownIntoList(box, view))


def enter_list(view: QtWidgets.QAbstractItemView) -> bool:
    """Focus `view` on its current row, else its first; False when it has no rows."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return False
    current = view.currentIndex()
    if not current.isValid():
        view.setCurrentIndex(model.index(0, 0))
    view.setFocus()
    return True
