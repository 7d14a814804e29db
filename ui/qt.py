"""The one place Qt is imported from, so the binding and its version are pinned in one spot."""

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["Qt", "QtCore", "QtGui", "QtWidgets", "Signal", "Slot"]
