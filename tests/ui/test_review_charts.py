"""The review charts: bars and lines where the data puts them, painted in their
colours, on screen and in the exported PNG and SVG; the dashboard's Charts and
SemEval-2013 tabs."""

from __future__ import annotations

import pytest

from core.project.errors import OutputError
from core.review.overview import GOLD, LabelDistribution, Progress, Who
from tests.core.review_fixtures import annotate_entities
from ui.qt import QtCore, QtGui, QtSvg
from ui.review import ReviewDashboard
from ui.review.charts import (
    EXPORT_SIZE,
    FINISHED,
    IN_PROGRESS,
    NEW,
    SERIES_COLORS,
    LabelChart,
    ProgressChart,
    TimelineChart,
    export_chart,
    nice_step,
)
from ui.tasks import wait_for_tasks

AMAL, BADR = Who(1, "amal"), Who(2, "badr")


def distribution() -> LabelDistribution:
    return LabelDistribution(
        ["PERS", "ORG", "DATE"],
        [AMAL, BADR, GOLD],
        {(1, "PERS"): 10, (2, "PERS"): 5, (1, "ORG"): 20, (2, "ORG"): 20, (None, "ORG"): 15},
    )


def shown(qtbot, chart, width=800, height=500):
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show()
    return chart.grab().toImage()


def color_at(image: QtGui.QImage, point: QtCore.QPointF, scale: float = 1) -> str:
    return image.pixelColor(int(point.x() * scale), int(point.y() * scale)).name().upper()


def test_nice_steps():
    assert [nice_step(n) for n in (3, 5, 12, 40, 119, 980, 4000)] == [1, 1, 5, 10, 50, 200, 1000]


def test_label_bars_are_proportional_and_painted_in_their_series_colour(qtbot):
    chart = LabelChart()
    names = {"PERS": "شخص", "ORG": "منظمة", "DATE": "تاريخ"}
    chart.set_data(distribution(), names.__getitem__)
    image = shown(qtbot, chart)
    bars = {(b.series, b.category): b for b in chart.painted}
    # DATE has no span anywhere: no row for it
    assert {category for _, category in bars} == {"PERS", "ORG"}
    assert bars[("amal", "PERS")].value == 10 and bars[("badr", "PERS")].value == 5
    assert bars[("amal", "PERS")].rect.width() == pytest.approx(
        2 * bars[("badr", "PERS")].rect.width()
    )
    assert bars[("amal", "ORG")].rect.width() == pytest.approx(bars[("badr", "ORG")].rect.width())
    assert bars[("Gold", "ORG")].rect.width() == pytest.approx(
        0.75 * bars[("amal", "ORG")].rect.width()
    )
    assert bars[("Gold", "PERS")].rect.width() == 0
    assert bars[("amal", "ORG")].rect.width() == pytest.approx(
        2 * bars[("amal", "PERS")].rect.width()
    )
    for bar in bars.values():
        if bar.value:
            assert color_at(image, bar.rect.center()) == bar.color.name().upper()
    assert bars[("amal", "ORG")].color.name().upper() == SERIES_COLORS[0]
    assert bars[("badr", "ORG")].color.name().upper() == SERIES_COLORS[1]
    # gold in the text colour, told apart from every annotator
    assert bars[("Gold", "ORG")].color == chart.palette().color(QtGui.QPalette.ColorRole.Text)


def test_progress_bars_stack_finished_in_progress_and_new(qtbot):
    chart = ProgressChart()
    chart.set_data(
        [
            Progress(AMAL, finished=6, in_progress=2, new=2, finished_on=()),
            Progress(BADR, finished=1, in_progress=0, new=9, finished_on=()),
        ]
    )
    image = shown(qtbot, chart)
    bars = {(b.category, b.series): b for b in chart.painted}
    finished, going, new = (
        bars[("amal", "Finished")],
        bars[("amal", "In progress")],
        bars[("amal", "New")],
    )
    assert finished.rect.width() == pytest.approx(3 * going.rect.width())
    assert going.rect.left() == pytest.approx(finished.rect.right())
    assert new.rect.right() == pytest.approx(bars[("badr", "New")].rect.right())  # 10 each
    assert bars[("badr", "Finished")].rect.width() == pytest.approx(finished.rect.width() / 6)
    for bar, color in ((finished, FINISHED), (going, IN_PROGRESS), (new, NEW)):
        # beside the count written in the middle
        inside = QtCore.QPointF(bar.rect.left() + 3, bar.rect.center().y())
        assert color_at(image, inside) == color.upper()


def test_timeline_rises_on_the_days_documents_were_finished(qtbot):
    chart = TimelineChart()
    chart.set_data(
        [
            Progress(AMAL, 3, 0, 0, (("2026-03-01", 1), ("2026-03-03", 2))),
            Progress(BADR, 1, 0, 0, (("2026-03-05", 1),)),
        ]
    )
    image = shown(qtbot, chart)
    amal, badr = chart.painted_lines["amal"], chart.painted_lines["badr"]
    # the axis runs from a day before the first to a day after the last (Feb 28 - Mar 6)
    step = (amal[1].x() - amal[0].x()) / 2
    assert badr[0].x() - amal[1].x() == pytest.approx(2 * step)
    # running totals: amal 1 then 3, badr 1; the axis ends at 3, so 3 is two thirds
    # higher than 1 above the plot's bottom: y(1) = bottom - h, y(3) = bottom - 3h
    height = (amal[0].y() - amal[1].y()) / 2
    assert height > 0
    assert badr[0].y() == pytest.approx(amal[0].y())
    assert len(amal) == 2 and len(badr) == 1
    # painted in the series colours just right of each rise
    assert color_at(image, amal[1] + QtCore.QPointF(4, 0)) == SERIES_COLORS[0]
    assert color_at(image, badr[0] + QtCore.QPointF(4, 0)) == SERIES_COLORS[1]


def test_export_png_and_svg(qtbot, tmp_path):
    chart = LabelChart()
    chart.set_data(distribution(), str)
    shown(qtbot, chart)
    png = export_chart(chart, tmp_path / "labels.png")
    image = QtGui.QImage(str(png))
    assert image.size() == EXPORT_SIZE * 2
    # the export lays the chart out at its own size: every bar painted there, at twice
    # the resolution
    bar = next(b for b in chart.painted if b.series == "amal" and b.category == "ORG")
    assert color_at(image, bar.rect.center(), scale=2) == SERIES_COLORS[0]
    svg = export_chart(chart, tmp_path / "labels.svg")
    renderer = QtSvg.QSvgRenderer(str(svg))
    assert renderer.isValid()
    assert renderer.viewBoxF() == QtCore.QRectF(QtCore.QPointF(0, 0), QtCore.QSizeF(EXPORT_SIZE))
    text = svg.read_text(encoding="utf-8")
    assert SERIES_COLORS[0].lower() in text.lower() and SERIES_COLORS[1].lower() in text.lower()
    assert "Entity labels per annotator" in text
    with pytest.raises(OutputError, match=r"\.png or \.svg"):
        export_chart(chart, tmp_path / "labels.jpg")
    with pytest.raises(OutputError):
        export_chart(chart, tmp_path / "missing" / "labels.png")


def test_dashboard_shows_charts_and_semeval_scores(qtbot, project, tmp_path):
    _d1, _d2, ids = annotate_entities(project, tmp_path)
    window = ReviewDashboard(project, ids["amal"])
    qtbot.addWidget(window)
    window.resize(1280, 820)
    with qtbot.waitSignal(window.computed, timeout=30_000):
        window.show()
    try:
        window.tabs.setCurrentWidget(window.charts_page)
        found = window.label_chart.distribution
        assert [w.name for w in found.series] == ["amal", "badr", "hind"]
        assert found.count(found.series[1], "PRODUCT") == 1
        window.label_chart.grab()
        bars = {(b.series, b.category): b.value for b in window.label_chart.painted}
        assert bars[("badr", "ORG")] == 2 and bars[("hind", "PERS")] == 0
        assert [p.finished for p in window.progress_chart.progress] == [2, 2, 2]
        # the SemEval tab: 3 pairs and the pooled figures, 4 schemas each
        table = window.semeval_table
        assert table.rowCount() == 16
        assert [table.item(0, c).text() for c in range(8)] == [
            "amal",
            "badr",
            "strict",
            "3",
            "1",
            "0",
            "0",
            "1",
        ]
        # the per-label table follows the SemEval family when a SemEval F1 is chosen
        window.set_measure("entities.semeval_partial")
        headers = [
            window.label_table.horizontalHeaderItem(c).text()
            for c in range(window.label_table.columnCount())
        ]
        assert headers[1:5] == [
            "SemEval strict F1",
            "SemEval exact F1",
            "SemEval partial F1",
            "SemEval type F1",
        ]
        window.chart_combo.setCurrentIndex(1)
        with qtbot.waitSignal(window.exported, timeout=10_000):
            written = window.export_chart(window.progress_chart, tmp_path / "progress.svg")
        assert written is not None and QtSvg.QSvgRenderer(str(written)).isValid()
    finally:
        window.close()
        wait_for_tasks()


def test_agreement_per_label_with_interval_whiskers(qtbot):
    from core.review.agreement.results import Figure
    from ui.review.charts import LabelAgreementChart
    from ui.review.heatmap import value_color

    chart = LabelAgreementChart()
    figures = [
        ("PERS", Figure(0.8, 10).with_interval(0.05, 0.7, 0.9, "bootstrap")),
        ("ORG", Figure(-0.2, 10).with_interval(0.1, -0.4, 0.1, "bootstrap")),
        ("DATE", Figure.none("no spans to compare")),
    ]
    chart.set_data("Span F1 (exact)", figures, str)
    image = shown(qtbot, chart)
    assert "Span F1 (exact)" in chart.title()
    bars = {b.category: b for b in chart.painted}
    assert set(bars) == {"PERS", "ORG"}  # nothing drawn for an undefined figure
    pers, org = bars["PERS"], bars["ORG"]
    # the axis runs from -0.4 (the lowest interval end) to 1: zero is where both bars meet
    assert pers.rect.left() == pytest.approx(org.rect.right())
    assert pers.rect.width() == pytest.approx(4 * org.rect.width())
    low, high = chart.painted_whiskers["PERS"]
    assert high - low == pytest.approx(pers.rect.width() / 4)  # 0.2 wide against 0.8
    assert org.rect.left() == pytest.approx(chart.painted_whiskers["ORG"][0] + org.rect.width())
    dark = chart.palette().color(QtGui.QPalette.ColorRole.Base).lightnessF() < 0.5
    inside = QtCore.QPointF(pers.rect.left() + 3, pers.rect.top() + 2)
    assert color_at(image, inside) == value_color(0.8, dark).name().upper()
