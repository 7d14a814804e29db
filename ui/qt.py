"""The one place Qt is imported from, so the binding and its version are pinned in one spot."""

import shiboken6
from PySide6 import QtCore, QtGui, QtSvg, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = [
    "Qt",
    "QtCore",
    "QtGui",
    "QtSvg",
    "QtWidgets",
    "Signal",
    "Slot",
    "alive",
    "application",
]


def alive(obj: QtCore.QObject) -> bool:
    """Whether `obj`'s C++ object still exists: its children's signals still fire while
    it is being deleted, after which any use of it raises RuntimeError."""
    return shiboken6.isValid(obj)


def application() -> QtWidgets.QApplication:
    """The running QApplication (`QApplication.instance()` is typed as the base class, or None)."""
    app = QtWidgets.QApplication.instance()
    if not isinstance(app, QtWidgets.QApplication):
        raise RuntimeError("no QApplication is running")
    return app
