"""The one place Qt is imported from, so the binding and its version are pinned in one spot."""

from PySide6 import QtCore, QtGui, QtSvg, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["Qt", "QtCore", "QtGui", "QtSvg", "QtWidgets", "Signal", "Slot", "application"]


def application() -> QtWidgets.QApplication:
    """The running QApplication (`QApplication.instance()` is typed as the base class, or None)."""
    app = QtWidgets.QApplication.instance()
    if not isinstance(app, QtWidgets.QApplication):
        raise RuntimeError("no QApplication is running")
    return app
