"""Qt problems we already paid for, kept from coming back."""

from ui.qt import QtGui, QtWidgets


def test_100000_set_position_calls_do_not_crash(qtbot):
    # PySide6 6.12.0 on Python 3.11 aborts ("none_dealloc") after some thousands of calls
    # to methods returning nothing; 6.11.x is pinned for this.
    edit = QtWidgets.QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("ميتا تستحوذ على Scale AI " * 400)
    cursor = edit.textCursor()
    length = edit.document().characterCount() - 1
    for i in range(100_000):
        cursor.setPosition(i % length)
    assert cursor.position() == 99_999 % length


def test_pinned_pyside_version():
    import PySide6

    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (major, minor) == (6, 11), PySide6.__version__
    assert QtGui.QTextOption is not None
