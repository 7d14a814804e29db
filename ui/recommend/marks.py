"""How suggestions look in the text, apart from annotations: a dashed outline in the
label's colour, and the label's chip in a lighter tone (the label's tint, a dashed
border, the key in the label's colour) where an annotation's chip is filled. The one
under the cursor is outlined in the selection colour. The editor calls `paint` and
`tooltip` (`add_painter`, `add_tooltip_provider`)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ui import bindings
from ui.bidi import offsets
from ui.marks import bordered_chip
from ui.qt import Qt, QtCore, QtGui
from ui.theme import current_theme, tint

if TYPE_CHECKING:
    from ui.recommend.controller import Recommending


def suggestion_chip(
    text: str, color: str, font: QtGui.QFont, height: float, theme: str, ratio: float
) -> QtGui.QPixmap:
    """A chip in the label's lighter tone with a dashed border (drawn once per look)."""
    border = QtGui.QPen(QtGui.QColor(color), 1.0, Qt.PenStyle.DashLine)
    return bordered_chip(text, color, font, height, ratio, border, tint(color, theme))


class SuggestionMarks:
    def __init__(self, recommending: Recommending):
        self.recommending = recommending
        self.window = recommending.window

    def paint(self, painter: QtGui.QPainter, first: int, last: int) -> None:
        shown = self.recommending.shown
        project = self.window.project
        if not shown or project is None:
            return
        editor = self.window.editor
        schema = project.schema
        theme = current_theme()
        ratio = editor.devicePixelRatioF()
        band = editor.paint_rect
        current = self.recommending.current
        highlight = editor.palette().color(QtGui.QPalette.ColorRole.Highlight)
        for suggestion in shown:
            if suggestion.end <= first or suggestion.start >= last:
                continue
            boxes = editor.range_boxes(suggestion.start, suggestion.end)
            if not any(b.rect.bottom() >= band.top() and b.top <= band.bottom() for b in boxes):
                continue
            label = schema.label(suggestion.label_id)
            is_current = suggestion == current
            pen = QtGui.QPen(highlight if is_current else QtGui.QColor(label.color))
            pen.setWidthF(2.2 if is_current else 1.3)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for box in boxes:
                painter.drawRoundedRect(box.rect.adjusted(-1.5, 1, 1.5, -1), 3, 3)
            chip = suggestion_chip(
                label.key, label.color, editor.chip_font, editor.chip_height, theme, ratio
            )
            top = boxes[0].top
            right = max(b.rect.right() for b in boxes if b.top == top)
            width = chip.deviceIndependentSize().width()
            painter.drawPixmap(QtCore.QPointF(round(right - width), round(top + 1)), chip)

    def tooltip(self, position: int) -> str | None:
        project = self.window.project
        suggestion = self.recommending.at(position)
        if suggestion is None or project is None:
            return None
        label = project.schema.label(suggestion.label_id)
        score = "" if suggestion.score is None else f", {suggestion.score:.2f}"
        translate = QtCore.QCoreApplication.translate
        keys = translate("SuggestionMarks", "%1 accepts, %2 rejects, %3 accepts every %4 here")
        keys = (
            keys.replace("%1", bindings.native_text("suggest.accept").split(",")[0])
            .replace("%2", bindings.native_text("suggest.reject"))
            .replace("%3", bindings.native_text("suggest.accept_label").split(",")[0])
            .replace("%4", label.key)
        )
        return (
            f"<p><b>{escape(translate('SuggestionMarks', 'Suggestion'))}: "
            f"{escape(label.key)}</b> {escape(label.name_ar)} "
            f"({escape(suggestion.recommender)}{score})<br>"
            f"{offsets(suggestion.start, suggestion.end)}<br><i>{escape(keys)}</i></p>"
        )
