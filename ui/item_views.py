"""Emptying item widgets that are filled again after every change."""

from __future__ import annotations

from ui.qt import QtWidgets


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
