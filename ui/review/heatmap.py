"""Annotator × annotator agreement, painted as a heatmap.

Each off-diagonal cell is one pair's figure for the chosen measure, coloured
from red (0.4 or below) through amber to green (1), with the value written in
black or white, whichever contrasts more. Undefined figures are hatched, with
the reason in the tooltip. Clicking a cell (or Enter on the selected one)
emits `pair_clicked(a, b)`; the arrow keys move the selection.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal


@dataclass(frozen=True)
class Cell:
    value: float | None
    text: str  # tooltip: the figure and its support, or why it is undefined


LOW, HIGH = 0.4, 1.0  # the colour ramp: red at or below LOW, amber halfway, green at HIGH


def value_color(value: float, dark: bool) -> QtGui.QColor:
    """Red at or below 0.4, amber at 0.7, green at 1 (a hue ramp over the range where
    agreement figures differ in practice; below 0.4 is poor by any convention), a
    little deeper in dark themes so the cells do not glare."""
    share = min(1.0, max(0.0, (value - LOW) / (HIGH - LOW)))
    hue = share * 120 / 360  # 0 red .. 120 green
    return QtGui.QColor.fromHslF(hue, 0.6 if dark else 0.65, 0.38 if dark else 0.62)


def text_color_on(background: QtGui.QColor) -> QtGui.QColor:
    """Black or white, whichever has the larger contrast with `background` (WCAG)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = (
        0.2126 * channel(background.redF())
        + 0.7152 * channel(background.greenF())
        + 0.0722 * channel(background.blueF())
    )
    return (
        QtGui.QColor("black")
        if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05)
        else (QtGui.QColor("white"))
    )


class PairHeatmap(QtWidgets.QWidget):
    pair_clicked = Signal(int, int)

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(260, 220)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Expanding
        )
        self._ids: list[int] = []
        self._names: list[str] = []
        self._cells: dict[tuple[int, int], Cell] = {}
        self._selected: tuple[int, int] | None = None
        self._highlight: int | None = None  # the current user's annotator id
        self._empty_text = self.tr("Computing…")

    # --- data -----------------------------------------------------------------------

    def set_data(
        self,
        annotators: list[tuple[int, str]],
        cells: dict[tuple[int, int], Cell],
        highlight: int | None = None,
    ) -> None:
        """`cells[(a, b)]` for each pair (either order is looked up)."""
        self._ids = [a for a, _ in annotators]
        self._names = [n for _, n in annotators]
        self._cells = dict(cells)
        self._highlight = highlight
        if self._selected and not set(self._selected) <= set(self._ids):
            self._selected = None
        self.updateGeometry()
        self.update()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def cell(self, a: int, b: int) -> Cell | None:
        return self._cells.get((a, b)) or self._cells.get((b, a))

    def value(self, a: int, b: int) -> float | None:
        found = self.cell(a, b)
        return found.value if found else None

    @property
    def selected_pair(self) -> tuple[int, int] | None:
        return self._selected

    def select_pair(self, a: int, b: int) -> None:
        self._selected = (a, b)
        self.update()

    # --- geometry -------------------------------------------------------------------

    def _layout(self) -> tuple[int, int, int]:
        """(left margin, top margin, cell size)."""
        metrics = self.fontMetrics()
        names = self._names or [""]
        left = max(metrics.horizontalAdvance(n) for n in names) + 16
        top = metrics.height() * 2 + 8
        bottom = metrics.height() * 2 + 16  # the legend
        n = max(1, len(self._ids))
        size = min((self.width() - left - 8) // n, (self.height() - top - bottom) // n)
        return left, top, max(24, min(size, 120))

    def cell_rect(self, row: int, column: int) -> QtCore.QRect:
        left, top, size = self._layout()
        return self._visual(QtCore.QRect(left + column * size, top + row * size, size, size))

    def _visual(self, rect: QtCore.QRect) -> QtCore.QRect:
        """`rect`, laid out from the left, where it goes: mirrored right to left (Arabic)."""
        return QtWidgets.QStyle.visualRect(self.layoutDirection(), self.rect(), rect)

    def _aligned(self, alignment: Qt.AlignmentFlag) -> Qt.AlignmentFlag:
        return QtWidgets.QStyle.visualAlignment(self.layoutDirection(), alignment)

    def cell_center(self, a: int, b: int) -> QtCore.QPoint:
        """Where the cell of annotators a (row) and b (column) is, for clicks and tests."""
        return self.cell_rect(self._ids.index(a), self._ids.index(b)).center()

    def _cell_at(self, point: QtCore.QPointF | QtCore.QPoint) -> tuple[int, int] | None:
        where = point.toPoint() if isinstance(point, QtCore.QPointF) else point
        for row in range(len(self._ids)):
            for column in range(len(self._ids)):
                if row != column and self.cell_rect(row, column).contains(where):
                    return self._ids[row], self._ids[column]
        return None

    def sizeHint(self) -> QtCore.QSize:
        left, top, _ = self._layout()
        n = max(1, len(self._ids))
        return QtCore.QSize(left + n * 72 + 16, top + n * 72 + self.fontMetrics().height() * 3)

    # --- painting -------------------------------------------------------------------

    def _dark(self) -> bool:
        return self.palette().color(QtGui.QPalette.ColorRole.Window).lightnessF() < 0.5

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QtGui.QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(QtGui.QPalette.ColorRole.Window))
        if len(self._ids) < 2:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            painter.end()
            return
        left, top, size = self._layout()
        dark = self._dark()
        bold = QtGui.QFont(self.font())
        bold.setBold(True)
        for index, name in enumerate(self._names):
            painter.setFont(bold if self._ids[index] == self._highlight else self.font())
            painter.setPen(text)
            row_rect = self._visual(QtCore.QRect(0, top + index * size, left - 8, size))
            painter.drawText(
                row_rect,
                self._aligned(Qt.AlignmentFlag.AlignRight) | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            column_rect = self._visual(QtCore.QRect(left + index * size, 0, size, top - 4))
            painter.drawText(
                column_rect,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignBottom
                | Qt.TextFlag.TextWordWrap,
                name,
            )
        painter.setFont(self.font())
        grid = palette.color(QtGui.QPalette.ColorRole.Mid)
        for row, a in enumerate(self._ids):
            for column, b in enumerate(self._ids):
                rect = self.cell_rect(row, column).adjusted(1, 1, -1, -1)
                if a == b:
                    painter.fillRect(rect, palette.color(QtGui.QPalette.ColorRole.AlternateBase))
                    painter.setPen(palette.color(QtGui.QPalette.ColorRole.PlaceholderText))
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "—")
                    continue
                found = self.cell(a, b)
                if found is None or found.value is None:
                    painter.fillRect(rect, palette.color(QtGui.QPalette.ColorRole.Base))
                    painter.fillRect(rect, QtGui.QBrush(grid, Qt.BrushStyle.BDiagPattern))
                    painter.setPen(text)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("n/a"))
                    continue
                color = value_color(found.value, dark)
                painter.fillRect(rect, color)
                painter.setPen(text_color_on(color))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{found.value:.2f}")
        painter.setPen(QtGui.QPen(grid, 1))
        n = len(self._ids)
        painter.drawRect(self._visual(QtCore.QRect(left, top, n * size, n * size)))
        if self._selected and set(self._selected) <= set(self._ids):
            row, column = (self._ids.index(x) for x in self._selected)
            pen = QtGui.QPen(palette.color(QtGui.QPalette.ColorRole.Highlight), 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.cell_rect(row, column).adjusted(1, 1, -2, -2))
        self._paint_legend(painter, left, top + n * size + 10, min(n * size, 260), dark, text)
        painter.end()

    def _paint_legend(
        self, painter: QtGui.QPainter, x: int, y: int, width: int, dark: bool, text: QtGui.QColor
    ) -> None:
        """The colour scale under the grid, from low to high in the reading direction."""
        height = self.fontMetrics().height() // 2 + 4
        scale = self._visual(QtCore.QRect(x, y, width, height))
        backwards = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for i in range(width):
            value = i / max(1, width - 1)
            painter.fillRect(
                QtCore.QRect(scale.x() + i, y, 1, height),
                value_color(1 - value if backwards else value, dark),
            )
        painter.setPen(text)
        labels = QtCore.QRect(scale.x(), y + height + 2, width, self.fontMetrics().height())
        for alignment, label in (
            (Qt.AlignmentFlag.AlignLeft, f"≤ {LOW:g}"),
            (Qt.AlignmentFlag.AlignHCenter, f"{(LOW + HIGH) / 2:g}"),
            (Qt.AlignmentFlag.AlignRight, "1"),
        ):
            painter.drawText(labels, self._aligned(alignment) | Qt.AlignmentFlag.AlignTop, label)

    # --- interaction ----------------------------------------------------------------

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        pair = self._cell_at(event.position())
        if pair is not None and event.button() == Qt.MouseButton.LeftButton:
            self._selected = pair
            self.update()
            self.pair_clicked.emit(*pair)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        n = len(self._ids)
        if n < 2:
            return super().keyPressEvent(event)
        row, column = (
            (self._ids.index(self._selected[0]), self._ids.index(self._selected[1]))
            if self._selected
            else (0, 1)
        )
        moves: dict[int, tuple[int, int]] = {  # by key code: QKeyEvent.key() is an int
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
        }
        if event.key() in moves:
            dr, dc = moves[event.key()]
            row, column = (row + dr) % n, (column + dc) % n
            if row == column:
                row, column = (row + dr) % n, (column + dc) % n
            self._selected = (self._ids[row], self._ids[column])
            self.update()
            return None
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._selected:
                self.pair_clicked.emit(*self._selected)
            return None
        return super().keyPressEvent(event)

    def event(self, event: QtCore.QEvent) -> bool:
        if isinstance(event, QtGui.QHelpEvent) and event.type() == QtCore.QEvent.Type.ToolTip:
            pair = self._cell_at(event.pos())
            found = self.cell(*pair) if pair else None
            if pair and found:
                names = dict(zip(self._ids, self._names, strict=True))
                QtWidgets.QToolTip.showText(
                    event.globalPos(), f"{names[pair[0]]} × {names[pair[1]]}: {found.text}", self
                )
            else:
                QtWidgets.QToolTip.hideText()
            return True
        return super().event(event)
