"""A read-only view of a document's frozen text, right-to-left."""

from __future__ import annotations

from ui.qt import Qt, QtGui, QtWidgets


def rtl_text_option() -> QtGui.QTextOption:
    """Every paragraph right-to-left and right-aligned, whatever its first strong character.

    A widget's layout direction alone does not do this: Qt takes each paragraph's
    direction from its first strong character unless the document's default
    text option says otherwise.
    """
    option = QtGui.QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


class DocumentView(QtWidgets.QPlainTextEdit):
    def __init__(self, font: QtGui.QFont, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setFont(font)
        self.setUndoRedoEnabled(False)
        self.document().setDefaultTextOption(rtl_text_option())
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def show_text(self, text: str) -> None:
        self.setPlainText(text)
        self.document().setDefaultTextOption(rtl_text_option())
        self.moveCursor(QtGui.QTextCursor.MoveOperation.Start)
