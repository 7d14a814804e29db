"""Private-use characters marked in the text: they are usually letters a PDF extraction
lost, drawn by fonts as boxes or arrows, and an annotator should know a word there is
damaged. Each is outlined, and its tooltip says what it is."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from core.text.canonical import private_use_positions
from ui.marks import PROBLEM_ICONS, outline
from ui.qt import QtCore, QtGui

if TYPE_CHECKING:
    from ui.editor.view import AnnotationEditor

MARK_COLOR = PROBLEM_ICONS["warning"][1]


class PrivateUseMarks:
    def __init__(self, editor: AnnotationEditor):
        self.editor = editor
        self._text: str | None = None
        self._positions: list[int] = []
        editor.add_painter(self.paint)
        editor.add_tooltip_provider(self.tooltip)

    @property
    def positions(self) -> list[int]:
        """The code points of the text shown that are private-use characters."""
        text = self.editor.text
        if text is not self._text:
            self._text = text
            self._positions = private_use_positions(text)
        return self._positions

    def paint(self, painter: QtGui.QPainter, first: int, last: int) -> None:
        positions = self.positions
        for position in positions[bisect_left(positions, first) : bisect_left(positions, last)]:
            boxes = self.editor.range_boxes(position, position + 1)
            outline(painter, [b.rect.adjusted(-1, 1, 1, -1) for b in boxes], MARK_COLOR)

    def tooltip(self, position: int) -> str | None:
        positions = self.positions
        index = bisect_left(positions, position)
        if index == len(positions) or positions[index] != position:
            return None
        code = f"U+{ord(self.editor.text[position]):04X}"
        return QtCore.QCoreApplication.translate(
            "PrivateUseMarks",
            "<p>A private-use character ({code}): often a letter lost in PDF extraction. "
            "It is kept as it is; a word containing it may be damaged.</p>",
        ).format(code=code)
