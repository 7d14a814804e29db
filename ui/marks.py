"""Small drawings shared by the event and stance panels and their marks in the text:
problem icons, outlined chips, numbered badges, arcs."""

from __future__ import annotations

from core.annotation.validation import ERROR
from ui.icons import icon
from ui.qt import Qt, QtCore, QtGui
from ui.theme import colors, on_color

PROBLEM_ICONS = {ERROR: ("mdi6.alert-circle", "#c0392b"), "warning": ("mdi6.alert", "#d98c2e")}
_chips: dict[tuple, QtGui.QPixmap] = {}
_swatches: dict[tuple[str, str, int], QtGui.QIcon] = {}


def problem_icon(severity: str | None) -> QtGui.QIcon:
    if severity is None:
        return QtGui.QIcon()
    name, color = PROBLEM_ICONS[severity]
    return icon(name, color)


def color_icon(color: str, text: str = "", size: int = 22) -> QtGui.QIcon:
    """The label palette's swatch, drawn once per colour and text (lists show hundreds)."""
    key = (color, text, size)
    found = _swatches.get(key)
    if found is None:
        from ui.panels.labels import swatch

        found = _swatches[key] = swatch(color, text, size)
    return found


def outlined_chip(
    text: str, color: str, font: QtGui.QFont, height: float, theme: str, ratio: float
) -> QtGui.QPixmap:
    """A chip with a coloured border and text on the text background: an event type
    above its trigger (entity chips are filled, so the two never look alike)."""
    pen = QtGui.QPen(QtGui.QColor(color), 1.2)
    return bordered_chip(text, color, font, height, ratio, pen, QtGui.QColor(colors(theme).base))


def bordered_chip(
    text: str,
    color: str,
    font: QtGui.QFont,
    height: float,
    ratio: float,
    border: QtGui.QPen,
    fill: QtGui.QColor,
) -> QtGui.QPixmap:
    """`text` in `color` on `fill` in a rounded `border` (drawn once per look)."""
    key = (
        text,
        color,
        border.color().name(),
        border.widthF(),
        border.style(),
        fill.name(QtGui.QColor.NameFormat.HexArgb),
        font.toString(),
        round(height, 2),
        ratio,
    )
    pixmap = _chips.get(key)
    if pixmap is None:
        metrics = QtGui.QFontMetricsF(font)
        width = metrics.horizontalAdvance(text) + 8
        pixmap = QtGui.QPixmap(int(width * ratio + 0.5), int(height * ratio + 0.5))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QtGui.QPainter(pixmap)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setPen(border)
        painter.setBrush(fill)
        inset = border.widthF() / 2  # the border drawn wholly inside the pixmap
        rect = QtCore.QRectF(inset, inset, width - 2 * inset, height - 2 * inset)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QtGui.QColor(color))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        _chips[key] = pixmap
    return pixmap


def paint_badge(
    painter: QtGui.QPainter, center: QtCore.QPointF, radius: float, text: str, color: str
) -> None:
    """A filled circle with a number (an argument's place in its event)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QtGui.QColor(color))
    painter.drawEllipse(center, radius, radius)
    font = QtGui.QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(7, int(radius * 1.3)))
    painter.setFont(font)
    painter.setPen(on_color(color))
    rect = QtCore.QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def paint_arc(
    painter: QtGui.QPainter, a: QtCore.QPointF, b: QtCore.QPointF, color: str, width: float = 1.5
) -> None:
    """A curve rising above the text from `a` to `b` (a trigger and one of its arguments)."""
    middle = (a + b) / 2
    lift = min(48.0, 12.0 + QtCore.QLineF(a, b).length() / 8)
    control = QtCore.QPointF(middle.x(), min(a.y(), b.y()) - lift)
    path = QtGui.QPainterPath(a)
    path.quadTo(control, b)
    pen_color = QtGui.QColor(color)
    pen_color.setAlpha(190)
    pen = QtGui.QPen(pen_color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def outline(
    painter: QtGui.QPainter,
    rects: list[QtCore.QRectF],
    color: str,
    *,
    dashed: bool = False,
    width: float = 1.4,
    fill_alpha: int = 0,
) -> None:
    pen = QtGui.QPen(QtGui.QColor(color), width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    if fill_alpha:
        fill = QtGui.QColor(color)
        fill.setAlpha(fill_alpha)
        painter.setBrush(fill)
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
    for rect in rects:
        painter.drawRoundedRect(rect, 3, 3)


def themed(button, name: str):
    """Give a button a theme-coloured icon that follows later theme switches (the main
    window redraws icons named in the `icon_name` property)."""
    button.setIcon(icon(name))
    button.setProperty("icon_name", name)
    return button
