"""The review dashboard's charts, painted with QPainter: entity labels per annotator
(and gold), each annotator's progress, documents finished over time, and the chosen
measure per label with its 95% interval.

Each chart lays itself out into plain rectangles first (`bars()` / `points()`), then
paints them, so what is drawn on screen, into a PNG and into an SVG is the same
drawing (`export_chart`). Colours: the Okabe–Ito palette for annotators (told apart
with colour blindness too), gold in the window's text colour; progress in green
(finished), amber (in progress) and grey (new).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from core.project.atomic import write_atomically
from core.project.errors import OutputError
from core.review.agreement.results import Figure
from core.review.overview import LabelDistribution, Progress, Who
from ui.i18n import text_of, translate
from ui.qt import Qt, QtCore, QtGui, QtSvg, QtWidgets
from ui.review.heatmap import value_color

SERIES_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
FINISHED, IN_PROGRESS, NEW = "#009E73", "#E69F00", "#B8B8B8"
EXPORT_SIZE = QtCore.QSize(1000, 640)  # pixels of an exported chart (PNG at twice this)


@dataclass(frozen=True)
class Bar:
    """One painted bar (or bar segment): its place, colour and what it counts."""

    rect: QtCore.QRectF
    color: QtGui.QColor
    value: float  # a count, or an agreement figure
    series: str  # annotator name, gold, or a progress state
    category: str  # label key, or annotator name


def nice_step(largest: float, ticks: int = 5) -> int:
    """A round tick step (1, 2 or 5 times a power of ten) for an axis up to `largest`."""
    if largest <= ticks:
        return 1
    raw = largest / ticks
    power = 10 ** (len(str(int(raw))) - 1)
    for multiple in (1, 2, 5, 10):
        if multiple * power >= raw:
            return multiple * power
    return 10 * power


class Chart(QtWidgets.QWidget):
    """A chart drawn by `paint(painter, rect, palette)` (see the module doc)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.painted: list[Bar] = []  # the bars of the last painting, where they were drawn
        self.setMinimumSize(360, 240)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Expanding
        )

    def title(self) -> str:
        raise NotImplementedError

    def paint(self, painter: QtGui.QPainter, rect: QtCore.QRectF) -> None:
        raise NotImplementedError

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self._background())
        self.paint(painter, QtCore.QRectF(self.rect()))
        painter.end()

    # --- shared drawing -------------------------------------------------------------

    def _text_color(self) -> QtGui.QColor:
        return self.palette().color(QtGui.QPalette.ColorRole.Text)

    def _grid_color(self) -> QtGui.QColor:
        # halfway between the background and the text: visible, never louder than a bar
        base, text = self._background(), self._text_color()
        return QtGui.QColor(
            (base.red() * 3 + text.red()) // 4,
            (base.green() * 3 + text.green()) // 4,
            (base.blue() * 3 + text.blue()) // 4,
        )

    def _background(self) -> QtGui.QColor:
        return self.palette().color(QtGui.QPalette.ColorRole.Base)

    def _paint_title(self, painter: QtGui.QPainter, rect: QtCore.QRectF) -> float:
        """The title at the top of `rect`; returns the height it took."""
        font = QtGui.QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(font)
        painter.setPen(self._text_color())
        height = QtGui.QFontMetricsF(font).height() + 8
        painter.drawText(
            QtCore.QRectF(rect.left(), rect.top(), rect.width(), height),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            self.title(),
        )
        painter.setFont(self.font())
        return height

    def _paint_legend(
        self, painter: QtGui.QPainter, rect: QtCore.QRectF, items: list[tuple[str, QtGui.QColor]]
    ) -> float:
        """Swatches and names in a row (wrapping), centred; returns the height taken."""
        metrics = QtGui.QFontMetricsF(self.font())
        box, gap = metrics.height() * 0.7, 18.0
        widths = [box + 6 + metrics.horizontalAdvance(name) for name, _ in items]
        rows: list[list[int]] = [[]]
        used = 0.0
        for index, width in enumerate(widths):
            if rows[-1] and used + gap + width > rect.width():
                rows.append([])
                used = 0.0
            used += (gap if rows[-1] else 0) + width
            rows[-1].append(index)
        line = metrics.height() + 4
        painter.setFont(self.font())
        for r, row in enumerate(rows):
            total = sum(widths[i] for i in row) + gap * (len(row) - 1)
            x = rect.left() + (rect.width() - total) / 2
            y = rect.top() + r * line
            for i in row:
                name, color = items[i]
                painter.fillRect(
                    QtCore.QRectF(x, y + (metrics.height() - box) / 2, box, box), color
                )
                painter.setPen(self._text_color())
                painter.drawText(
                    QtCore.QRectF(x + box + 6, y, widths[i] - box - 6, metrics.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    name,
                )
                x += widths[i] + gap
        return len(rows) * line + 6

    def _paint_axis(
        self, painter: QtGui.QPainter, plot: QtCore.QRectF, largest: int, step: int
    ) -> None:
        """Vertical grid lines and their numbers below a horizontal-bar plot."""
        metrics = QtGui.QFontMetricsF(self.font())
        painter.setFont(self.font())
        top = largest if largest else 1
        value = 0
        while value <= top:
            x = plot.left() + plot.width() * value / top
            painter.setPen(QtGui.QPen(self._grid_color(), 1))
            painter.drawLine(QtCore.QPointF(x, plot.top()), QtCore.QPointF(x, plot.bottom()))
            painter.setPen(self._text_color())
            text = str(value)
            painter.drawText(
                QtCore.QPointF(
                    x - metrics.horizontalAdvance(text) / 2, plot.bottom() + metrics.ascent() + 4
                ),
                text,
            )
            value += step

    def _paint_empty(self, painter: QtGui.QPainter, rect: QtCore.QRectF, text: str) -> None:
        self.painted = []
        painter.setPen(self._text_color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def _names_width(self, names: Iterable[str]) -> float:
        """Room for the widest of `names` left of the plot."""
        metrics = QtGui.QFontMetricsF(self.font())
        return max((metrics.horizontalAdvance(n) for n in names), default=0) + 14

    def _plot_area(
        self, rect: QtCore.QRectF, left: float, above: float, right: float
    ) -> QtCore.QRectF:
        """The plot inside `rect`: `left` for the axis names, `above` for the title and
        legend, `right` spare, and a line of axis values below."""
        top = rect.top() + above
        bottom = rect.bottom() - QtGui.QFontMetricsF(self.font()).height() - 10
        return QtCore.QRectF(
            rect.left() + left, top, max(10.0, rect.width() - left - right), bottom - top
        )


def _axis_top(largest: int) -> tuple[int, int]:
    """The axis end (a multiple of a round step at or above `largest`) and the step."""
    step = nice_step(largest)
    return max(step, -(-largest // step) * step), step


class LabelChart(Chart):
    """Entity spans per label: one row per label, a bar per annotator (and gold)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.distribution: LabelDistribution | None = None
        self._name_of: Callable[[str], str] = str

    def title(self) -> str:
        return translate("ReviewCharts", "Entity labels per annotator")

    def set_data(self, distribution: LabelDistribution, name_of: Callable[[str], str]) -> None:
        """`name_of(label key)` gives the label's name as the interface shows it."""
        self.distribution = distribution
        self._name_of = name_of
        self.update()

    def series_color(self, who: Who, index: int) -> QtGui.QColor:
        if who.is_gold:
            return self._text_color()
        return QtGui.QColor(SERIES_COLORS[index % len(SERIES_COLORS)])

    def _series_name(self, who: Who) -> str:
        return translate("ReviewCharts", "Gold") if who.is_gold else who.name

    def _labels(self) -> list[str]:
        found = self.distribution
        if found is None:
            return []
        return [k for k in found.labels if any(found.count(w, k) for w in found.series)]

    def _plot(
        self, rect: QtCore.QRectF, legend_height: float, title_height: float
    ) -> QtCore.QRectF:
        names = [self._name_of(k) for k in self._labels()]
        return self._plot_area(rect, self._names_width(names), title_height + legend_height, 40)

    def bars(
        self, rect: QtCore.QRectF, legend_height: float = 0, title_height: float = 0
    ) -> list[Bar]:
        """The bars laid out in `rect` (after the title and legend heights)."""
        found = self.distribution
        labels = self._labels()
        if found is None or not labels or not found.series:
            return []
        plot = self._plot(rect, legend_height, title_height)
        largest = max(found.count(w, k) for w in found.series for k in labels)
        top, _step = _axis_top(largest)
        group = plot.height() / len(labels)
        thickness = group * 0.8 / len(found.series)
        bars = []
        for row, label in enumerate(labels):
            y = plot.top() + row * group + group * 0.1
            for index, who in enumerate(found.series):
                value = found.count(who, label)
                width = plot.width() * value / top
                bars.append(
                    Bar(
                        QtCore.QRectF(plot.left(), y + index * thickness, width, thickness * 0.9),
                        self.series_color(who, index),
                        value,
                        self._series_name(who),
                        label,
                    )
                )
        return bars

    def paint(self, painter: QtGui.QPainter, rect: QtCore.QRectF) -> None:
        rect = rect.adjusted(12, 8, -12, -8)
        title_height = self._paint_title(painter, rect)
        found = self.distribution
        labels = self._labels()
        if found is None or not labels:
            self._paint_empty(painter, rect, translate("ReviewCharts", "No entity spans yet."))
            return
        legend = [
            (self._series_name(w), self.series_color(w, i)) for i, w in enumerate(found.series)
        ]
        legend_height = self._paint_legend(painter, rect.adjusted(0, title_height, 0, 0), legend)
        plot = self._plot(rect, legend_height, title_height)
        largest = max(found.count(w, k) for w in found.series for k in labels)
        top, step = _axis_top(largest)
        self._paint_axis(painter, plot, top, step)
        metrics = QtGui.QFontMetricsF(self.font())
        group = plot.height() / len(labels)
        painter.setPen(self._text_color())
        for row, label in enumerate(labels):
            painter.drawText(
                QtCore.QRectF(
                    rect.left(), plot.top() + row * group, plot.left() - rect.left() - 8, group
                ),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._name_of(label),
            )
        self.painted = self.bars(rect, legend_height, title_height)
        for bar in self.painted:
            painter.fillRect(bar.rect, bar.color)
            if bar.value and bar.rect.height() >= metrics.height() * 0.7:
                painter.setPen(self._text_color())
                painter.drawText(
                    QtCore.QRectF(bar.rect.right() + 4, bar.rect.top(), 60, bar.rect.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    str(bar.value),
                )


class ProgressChart(Chart):
    """Each annotator's documents: finished, in progress and new, as one stacked bar."""

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.progress: list[Progress] = []

    def title(self) -> str:
        return translate("ReviewCharts", "Annotator progress (documents)")

    def set_data(self, progress: list[Progress]) -> None:
        self.progress = progress
        self.update()

    @staticmethod
    def states() -> list[tuple[str, str, QtGui.QColor]]:
        return [
            ("finished", translate("ReviewCharts", "Finished"), QtGui.QColor(FINISHED)),
            ("in_progress", translate("ReviewCharts", "In progress"), QtGui.QColor(IN_PROGRESS)),
            ("new", translate("ReviewCharts", "New"), QtGui.QColor(NEW)),
        ]

    def _plot(
        self, rect: QtCore.QRectF, legend_height: float, title_height: float
    ) -> QtCore.QRectF:
        left = self._names_width(p.who.name for p in self.progress)
        return self._plot_area(rect, left, title_height + legend_height, 20)

    def bars(
        self, rect: QtCore.QRectF, legend_height: float = 0, title_height: float = 0
    ) -> list[Bar]:
        if not self.progress:
            return []
        plot = self._plot(rect, legend_height, title_height)
        top, _step = _axis_top(max(p.documents for p in self.progress))
        row = plot.height() / len(self.progress)
        thickness = min(row * 0.7, 48.0)
        bars = []
        for index, progress in enumerate(self.progress):
            x = plot.left()
            y = plot.top() + index * row + (row - thickness) / 2
            for state, name, color in self.states():
                value = getattr(progress, state)
                width = plot.width() * value / top
                bars.append(
                    Bar(
                        QtCore.QRectF(x, y, width, thickness), color, value, name, progress.who.name
                    )
                )
                x += width
        return bars

    def paint(self, painter: QtGui.QPainter, rect: QtCore.QRectF) -> None:
        rect = rect.adjusted(12, 8, -12, -8)
        title_height = self._paint_title(painter, rect)
        if not self.progress:
            self._paint_empty(painter, rect, translate("ReviewCharts", "No annotators yet."))
            return
        legend = [(name, color) for _, name, color in self.states()]
        legend_height = self._paint_legend(painter, rect.adjusted(0, title_height, 0, 0), legend)
        plot = self._plot(rect, legend_height, title_height)
        top, step = _axis_top(max(p.documents for p in self.progress))
        self._paint_axis(painter, plot, top, step)
        metrics = QtGui.QFontMetricsF(self.font())
        row = plot.height() / len(self.progress)
        for index, progress in enumerate(self.progress):
            painter.setPen(self._text_color())
            painter.drawText(
                QtCore.QRectF(
                    rect.left(), plot.top() + index * row, plot.left() - rect.left() - 8, row
                ),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                progress.who.name,
            )
        self.painted = self.bars(rect, legend_height, title_height)
        for bar in self.painted:
            painter.fillRect(bar.rect, bar.color)
            text = str(bar.value)
            if bar.value and metrics.horizontalAdvance(text) + 6 < bar.rect.width():
                painter.setPen(QtGui.QColor("black"))
                painter.drawText(bar.rect, Qt.AlignmentFlag.AlignCenter, text)


class TimelineChart(Chart):
    """Documents finished over time: each annotator's running total by day."""

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.progress: list[Progress] = []
        self.painted_lines: dict[str, list[QtCore.QPointF]] = {}  # of the last painting

    def title(self) -> str:
        return translate("ReviewCharts", "Documents finished over time")

    def set_data(self, progress: list[Progress]) -> None:
        self.progress = progress
        self.update()

    def _days(self) -> list[QtCore.QDate]:
        found = {day for p in self.progress for day, _ in p.finished_on}
        dates = [QtCore.QDate.fromString(day, "yyyy-MM-dd") for day in sorted(found)]
        return [d for d in dates if d.isValid()]

    def _range(self) -> tuple[QtCore.QDate, int]:
        """The first day shown and how many days the axis spans: a day before the
        first finished document to a day after the last, so a single day is a step."""
        days = self._days()
        return days[0].addDays(-1), days[0].daysTo(days[-1]) + 2

    def _plot(
        self, rect: QtCore.QRectF, legend_height: float, title_height: float
    ) -> QtCore.QRectF:
        left = QtGui.QFontMetricsF(self.font()).horizontalAdvance("0000") + 12
        return self._plot_area(rect, left, title_height + legend_height, 20)

    def points(
        self, rect: QtCore.QRectF, legend_height: float = 0, title_height: float = 0
    ) -> dict[str, list[QtCore.QPointF]]:
        """Each annotator's running total as points (one per day they finished some)."""
        days = self._days()
        if not days:
            return {}
        plot = self._plot(rect, legend_height, title_height)
        first, span = self._range()
        top, _step = _axis_top(max(p.finished for p in self.progress) or 1)
        found = {}
        for progress in self.progress:
            if not progress.finished_on:
                continue
            total, line = 0, []
            for day, n in progress.finished_on:
                date = QtCore.QDate.fromString(day, "yyyy-MM-dd")
                if not date.isValid():
                    continue
                total += n
                x = plot.left() + plot.width() * first.daysTo(date) / span
                line.append(QtCore.QPointF(x, plot.bottom() - plot.height() * total / top))
            found[progress.who.name] = line
        return found

    def paint(self, painter: QtGui.QPainter, rect: QtCore.QRectF) -> None:
        rect = rect.adjusted(12, 8, -12, -8)
        title_height = self._paint_title(painter, rect)
        days = self._days()
        if not days:
            self.painted_lines = {}
            self._paint_empty(
                painter, rect, translate("ReviewCharts", "No document has been finished yet.")
            )
            return
        names = [p.who.name for p in self.progress if p.finished_on]
        colors = {
            p.who.name: QtGui.QColor(SERIES_COLORS[i % len(SERIES_COLORS)])
            for i, p in enumerate(self.progress)
        }
        legend_height = self._paint_legend(
            painter, rect.adjusted(0, title_height, 0, 0), [(n, colors[n]) for n in names]
        )
        plot = self._plot(rect, legend_height, title_height)
        metrics = QtGui.QFontMetricsF(self.font())
        top, step = _axis_top(max(p.finished for p in self.progress) or 1)
        value = 0
        while value <= top:
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QtGui.QPen(self._grid_color(), 1))
            painter.drawLine(QtCore.QPointF(plot.left(), y), QtCore.QPointF(plot.right(), y))
            painter.setPen(self._text_color())
            text = str(value)
            painter.drawText(
                QtCore.QPointF(
                    plot.left() - metrics.horizontalAdvance(text) - 6, y + metrics.ascent() / 2 - 1
                ),
                text,
            )
            value += step
        locale = QtCore.QLocale()
        first, span = self._range()
        for date in (days[0], days[-1]) if len(days) > 1 else (days[0],):
            text = locale.toString(date, "d MMM yyyy")
            x = plot.left() + plot.width() * first.daysTo(date) / span
            x = min(
                max(x - metrics.horizontalAdvance(text) / 2, rect.left()),
                rect.right() - metrics.horizontalAdvance(text),
            )
            painter.drawText(QtCore.QPointF(x, plot.bottom() + metrics.ascent() + 4), text)
        lines = self.painted_lines = self.points(rect, legend_height, title_height)
        for index, (name, line) in enumerate(lines.items()):
            # each line thinner than the one before, so identical totals still show
            pen = QtGui.QPen(colors[name], 2.0 + 2.5 * (len(lines) - 1 - index))
            painter.setPen(pen)
            steps = QtGui.QPolygonF()
            steps.append(QtCore.QPointF(plot.left(), plot.bottom()))
            previous_y = plot.bottom()
            for point in line:  # a running total rises on the day, then stays
                steps.append(QtCore.QPointF(point.x(), previous_y))
                steps.append(point)
                previous_y = point.y()
            steps.append(QtCore.QPointF(plot.right(), previous_y))
            painter.drawPolyline(steps)
            painter.setBrush(Qt.BrushStyle.NoBrush)


class LabelAgreementChart(Chart):
    """The chosen measure's figure per label, with its 95% interval as a whisker;
    bars coloured as the heatmap colours pairs."""

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.measure = ""
        self.figures: list[tuple[str, Figure]] = []
        self._name_of: Callable[[str], str] = str
        self.painted_whiskers: dict[str, tuple[float, float]] = {}  # label: x of low, high

    def title(self) -> str:
        if not self.measure:
            return translate("ReviewCharts", "Agreement per label")
        return translate("ReviewCharts", "{0} per label, with 95% intervals").format(self.measure)

    def set_data(
        self, measure: str, figures: list[tuple[str, Figure]], name_of: Callable[[str], str]
    ) -> None:
        """`figures`: (label key, figure) in the order shown; undefined ones are listed
        without a bar."""
        self.measure = measure
        self.figures = figures
        self._name_of = name_of
        self.update()

    def _scale(self) -> tuple[float, float]:
        """The axis: from 0 (or the lowest figure or interval end, if negative) to 1."""
        lows = [min(f.value or 0.0, f.low if f.low is not None else 0.0) for _, f in self.figures]
        return min(0.0, *lows) if lows else 0.0, 1.0

    def _plot(self, rect: QtCore.QRectF, title_height: float) -> QtCore.QRectF:
        names = [self._name_of(k) for k, _ in self.figures]
        return self._plot_area(rect, self._names_width(names), title_height + 8, 60)

    def _x(self, plot: QtCore.QRectF, value: float) -> float:
        low, high = self._scale()
        return plot.left() + plot.width() * (value - low) / (high - low)

    def bars(self, rect: QtCore.QRectF, title_height: float = 0) -> list[Bar]:
        if not self.figures:
            return []
        plot = self._plot(rect, title_height)
        row = plot.height() / len(self.figures)
        thickness = min(row * 0.6, 36.0)
        zero = self._x(plot, 0.0)
        dark = self._background().lightnessF() < 0.5
        bars = []
        for index, (label, figure) in enumerate(self.figures):
            if figure.value is None:
                continue
            end = self._x(plot, figure.value)
            y = plot.top() + index * row + (row - thickness) / 2
            bars.append(
                Bar(
                    QtCore.QRectF(min(zero, end), y, abs(end - zero), thickness),
                    value_color(figure.value, dark),
                    figure.value,
                    self.measure,
                    label,
                )
            )
        return bars

    def paint(self, painter: QtGui.QPainter, rect: QtCore.QRectF) -> None:
        rect = rect.adjusted(12, 8, -12, -8)
        title_height = self._paint_title(painter, rect)
        self.painted_whiskers = {}
        if not self.figures:
            self._paint_empty(
                painter, rect, translate("ReviewCharts", "No per-label figures for this measure.")
            )
            return
        plot = self._plot(rect, title_height)
        metrics = QtGui.QFontMetricsF(self.font())
        low, high = self._scale()
        ticks = [low + (high - low) * i / 4 for i in range(5)]
        if low < 0:
            ticks = sorted({*ticks, 0.0})
        for tick in ticks:
            x = self._x(plot, tick)
            painter.setPen(QtGui.QPen(self._text_color() if tick == 0 else self._grid_color(), 1))
            painter.drawLine(QtCore.QPointF(x, plot.top()), QtCore.QPointF(x, plot.bottom()))
            painter.setPen(self._text_color())
            text = f"{tick:.2f}"
            painter.drawText(
                QtCore.QPointF(
                    x - metrics.horizontalAdvance(text) / 2, plot.bottom() + metrics.ascent() + 4
                ),
                text,
            )
        row = plot.height() / len(self.figures)
        for index, (label, figure) in enumerate(self.figures):
            painter.setPen(self._text_color())
            band = QtCore.QRectF(
                rect.left(), plot.top() + index * row, plot.left() - rect.left() - 8, row
            )
            painter.drawText(
                band,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._name_of(label),
            )
            if figure.value is None:
                painter.drawText(
                    QtCore.QRectF(plot.left() + 6, band.top(), plot.width(), row),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    translate("ReviewCharts", "n/a — {0}").format(text_of(figure.undefined or "")),
                )
        self.painted = self.bars(rect, title_height)
        for bar in self.painted:
            painter.fillRect(bar.rect, bar.color)
            figure = dict(self.figures)[bar.category]
            middle = bar.rect.center().y()
            text_x = max(bar.rect.right(), self._x(plot, 0.0)) + 6
            if figure.low is not None and figure.high is not None:
                left, right = self._x(plot, figure.low), self._x(plot, figure.high)
                self.painted_whiskers[bar.category] = (left, right)
                painter.setPen(QtGui.QPen(self._text_color(), 1.5))
                painter.drawLine(QtCore.QPointF(left, middle), QtCore.QPointF(right, middle))
                for x in (left, right):
                    painter.drawLine(
                        QtCore.QPointF(x, middle - bar.rect.height() / 4),
                        QtCore.QPointF(x, middle + bar.rect.height() / 4),
                    )
                text_x = max(text_x, right + 6)
            painter.setPen(self._text_color())
            painter.drawText(
                QtCore.QRectF(text_x, bar.rect.top(), 60, bar.rect.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{bar.value:.3f}",
            )


def export_chart(chart: Chart, path: str | Path) -> Path:
    """Write the chart as it is drawn to `path`, atomically: `.png` (at twice
    `EXPORT_SIZE`, sharp in print) or `.svg` (vector). A file that cannot be written
    raises OutputError naming it (an older file is kept)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise OutputError(f"{path}: charts are exported as .png or .svg")
    rect = QtCore.QRectF(QtCore.QPointF(0, 0), QtCore.QSizeF(EXPORT_SIZE))
    background = chart.palette().color(QtGui.QPalette.ColorRole.Base)

    def draw(device: QtGui.QPaintDevice) -> None:
        painter = QtGui.QPainter(device)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.fillRect(rect, background)
        chart.paint(painter, rect)
        painter.end()

    def write_svg(tmp: Path) -> None:
        generator = QtSvg.QSvgGenerator()
        generator.setFileName(str(tmp))
        generator.setSize(EXPORT_SIZE)
        generator.setViewBox(rect)
        generator.setTitle(chart.title())
        draw(generator)

    def write_png(tmp: Path) -> None:
        image = QtGui.QImage(EXPORT_SIZE * 2, QtGui.QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(2)
        draw(image)
        if not image.save(str(tmp)):  # the format from the suffix: the temporary file ends in .png
            raise OSError("the image could not be saved")

    return write_atomically(path, write_svg if suffix == ".svg" else write_png, suffix=suffix)


__all__ = [
    "Bar",
    "Chart",
    "LabelAgreementChart",
    "LabelChart",
    "ProgressChart",
    "TimelineChart",
    "export_chart",
    "nice_step",
]
