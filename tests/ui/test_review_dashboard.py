"""The review dashboard, driven through its real widgets (offscreen)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from tests.core.review_fixtures import D1, D2, annotate_entities
from tests.core.test_agreement_project_events_stances import annotate_stances
from ui.bidi import unbroken
from ui.fonts import BUNDLED_FAMILY, load_bundled_fonts
from ui.qt import Qt, QtCore, QtGui, QtWidgets
from ui.review import ReviewDashboard
from ui.review.heatmap import text_color_on, value_color
from ui.tasks import Task, wait_for_tasks

TIMEOUT = 30_000


@pytest.fixture
def studied(project, tmp_path):
    d1, d2, ids = annotate_entities(project, tmp_path)
    annotate_stances(project, tmp_path)
    return project, d1, d2, ids


@pytest.fixture
def dashboard(qtbot, studied):
    project, _d1, _d2, ids = studied
    load_bundled_fonts()
    window = ReviewDashboard(project, ids["amal"])
    qtbot.addWidget(window)
    window.resize(1280, 820)
    with qtbot.waitSignal(window.computed, timeout=TIMEOUT):
        window.show()
    yield window
    window.close()
    wait_for_tasks()


def test_heatmap_shows_the_pairs_of_the_chosen_measure(dashboard, studied):
    _project, _d1, _d2, ids = studied
    heatmap = dashboard.heatmap
    assert dashboard.measure == "entities.f1_exact"
    # the entity figures of tests/core/test_agreement_project.py (amal-badr 3 of 4 + 5
    # spans identical, hind-badr 1 of 5 + 2), plus the stance holder زوكربيرج that all
    # three marked alike: amal-badr 2*4/11, hind-badr 2*2/9, pooled 2*8/28
    assert heatmap.value(ids["amal"], ids["badr"]) == pytest.approx(8 / 11)
    assert heatmap.value(ids["hind"], ids["badr"]) == pytest.approx(4 / 9)
    assert "0.571" in dashboard.overall_label.text()
    dashboard.set_measure("stances.cohen_kappa")
    # ... and the stance kappa of test_agreement_project_events_stances.py: 5/9
    assert heatmap.value(ids["amal"], ids["badr"]) == pytest.approx(5 / 9)
    assert "Fleiss" in dashboard.overall_label.text()


def test_the_heatmap_is_painted_in_the_value_colours(dashboard, studied):
    _project, _d1, _d2, ids = studied
    heatmap = dashboard.heatmap
    image = heatmap.grab().toImage()
    dark = heatmap.palette().color(QtGui.QPalette.ColorRole.Window).lightnessF() < 0.5
    center = heatmap.cell_center(ids["amal"], ids["badr"])
    # a pixel between the cell's edge and its centred number
    probe = QtCore.QPoint(center.x() - heatmap.cell_rect(0, 1).width() // 3, center.y())
    painted = image.pixelColor(probe * image.devicePixelRatio())
    expected = value_color(8 / 11, dark)
    assert (painted.red(), painted.green(), painted.blue()) == (
        expected.red(),
        expected.green(),
        expected.blue(),
    )
    # the number is drawn in whichever of black/white contrasts more
    assert text_color_on(QtGui.QColor("#f0f0a0")) == QtGui.QColor("black")
    assert text_color_on(QtGui.QColor("#202060")) == QtGui.QColor("white")


def test_clicking_a_cell_lists_that_pairs_disagreements(qtbot, dashboard, studied):
    _project, _d1, _d2, ids = studied
    amal, hind = ids["amal"], ids["hind"]
    heatmap = dashboard.heatmap
    qtbot.mouseClick(heatmap, Qt.MouseButton.LeftButton, pos=heatmap.cell_center(amal, hind))
    assert dashboard.tabs.currentIndex() == 3
    items = dashboard.disagreement_model.items
    # amal × hind on entities: label mismatch, DATE missing (d1), ORG missing (d2)
    assert [d.kind for d in items] == ["label", "missing", "missing"]
    assert all(set(d.annotator_ids) == {amal, hind} for d in items)
    assert all(d.layer == "entities" for d in items)
    assert dashboard.filter_label.text() == "3 disagreements: Entities, amal × hind"
    # the confusion matrix follows the pair: PERS (amal) against ORG (hind)
    assert dashboard.confusion_pair() == (amal, hind)
    table = dashboard.confusion_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert table.item(rows.index("Person"), headers.index("Organization")).text() == "1"
    assert table.item(rows.index("Date/time"), headers.index("—")).text() == "1"
    dashboard.show_all_button.click()
    assert len(dashboard.disagreement_model.items) == len(dashboard.found.items)


def test_choosing_a_disagreement_emits_the_document_and_offsets(qtbot, dashboard, studied):
    _project, d1, _d2, ids = studied
    amal, hind = ids["amal"], ids["hind"]
    dashboard._on_pair_clicked(amal, hind)
    view = dashboard.disagreement_view
    view.setFocus()
    view.selectRow(0)
    start = D1.index("ألكسندر وانغ")
    with qtbot.waitSignal(dashboard.disagreement_chosen, timeout=2000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [d1, start, start + len("ألكسندر وانغ"), [amal, hind]]
    # the context pane: the sentence right-to-left in the bundled font, the part marked
    context = dashboard.context_view
    assert context.toPlainText().startswith(D1)
    option = context.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert QtGui.QFontInfo(context.font()).family() == BUNDLED_FAMILY
    cursor = QtGui.QTextCursor(context.document())
    cursor.setPosition(start + 1)
    marked = cursor.charFormat().background().color()
    assert marked == dashboard.palette().color(QtGui.QPalette.ColorRole.Highlight)
    with qtbot.waitSignal(dashboard.disagreement_chosen, timeout=2000) as blocker:
        dashboard.open_button.click()
    assert blocker.args[0] == d1


def test_documents_lowest_first_and_labels_lead_to_disagreements(qtbot, dashboard, studied):
    _project, d1, d2, _ids = studied
    model = dashboard.document_model
    dashboard.tabs.setCurrentIndex(2)
    # entity F1 per document: d2 1/3 is lowest, d1 1/2 next
    assert [model.document_id(r) for r in range(2)] == [d2, d1]
    assert model.index(0, 2).data() == D2
    view = dashboard.document_view
    rect = view.visualRect(model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dashboard.tabs.currentIndex() == 3
    assert {d.document_id for d in dashboard.disagreement_model.items} == {d2}
    labels = dashboard.label_table
    row = next(r for r in range(labels.rowCount()) if label_key(labels, r) == "DATE")
    dashboard._on_label_activated(row)
    items = dashboard.disagreement_model.items
    assert items and all("DATE" in d.labels for d in items)


def test_exports_from_the_dashboard(qtbot, dashboard, tmp_path):
    target = tmp_path / "agreement.xlsx"
    with qtbot.waitSignal(dashboard.exported, timeout=TIMEOUT) as blocker:
        dashboard.export_report(target)
    assert blocker.args == [str(target)]
    assert load_workbook(target)["Disagreements"].max_row == len(dashboard.found.items) + 1
    dashboard.show_disagreements(layer="stances")
    with qtbot.waitSignal(dashboard.exported, timeout=TIMEOUT):
        dashboard.export_disagreements(tmp_path / "stances.csv")
    rows = (tmp_path / "stances.csv").read_text("utf-8-sig").splitlines()
    assert len(rows) == 1 + len(dashboard.disagreement_model.items)
    assert dashboard.statusBar().currentMessage().startswith("Wrote")
    with qtbot.waitSignal(dashboard.failed, timeout=TIMEOUT) as blocker:
        dashboard.export_report(tmp_path / "missing" / "report.xlsx")
    assert "no such folder" in blocker.args[0]


def test_including_sets_in_progress_recomputes(qtbot, dashboard, studied):
    project, d1, _d2, _ids = studied
    from tests.core.review_fixtures import Annotate

    Annotate(project, d1, "dana", state="in_progress").entity("ميتا", "ORG")
    with qtbot.waitSignal(dashboard.computed, timeout=TIMEOUT):
        dashboard.unfinished_check.setChecked(True)
    assert "dana" in [a.name for a in dashboard.report.annotators]
    assert dashboard.confusion_a.count() == 4


def test_background_task_cancels_and_reports(qtbot):
    import threading

    from core.project.progress import report_progress

    started = threading.Event()
    stop = threading.Event()

    def work(progress):
        started.set()
        stop.wait(TIMEOUT / 1000)  # until the test has asked to cancel
        report_progress(progress, 1, 1, "checking")
        return "done"

    task = Task(work)
    task.start()
    assert started.wait(TIMEOUT / 1000)
    with qtbot.waitSignal(task.cancelled, timeout=TIMEOUT):
        task.cancel()
        stop.set()
    done = Task(lambda progress: progress(3, 4, "last") and "result")
    with qtbot.waitSignal(done.finished, timeout=TIMEOUT) as blocker:
        done.start()
    assert blocker.args == ["result"]
    failing = Task(lambda progress: 1 / 0, (ZeroDivisionError,))
    with qtbot.waitSignal(failing.failed, timeout=TIMEOUT) as blocker:
        failing.start()
    assert blocker.args == ["division by zero"]
    wait_for_tasks()


def test_one_annotator_says_what_is_missing(qtbot, project, tmp_path):
    from tests.core.review_fixtures import Annotate, add_documents

    (doc,) = add_documents(project, tmp_path, ["نص قصير."])
    Annotate(project, doc, "amal")
    window = ReviewDashboard(project, None)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.computed, timeout=TIMEOUT):
        window.show()
    assert window.report.annotators == []
    assert "n/a" in window.overall_label.text()
    window.close()
    wait_for_tasks()
    assert isinstance(window.heatmap, QtWidgets.QWidget)


def test_token_kappa_follows_in_a_second_step(qtbot, dashboard, studied):
    _project, _d1, _d2, ids = studied
    dashboard.set_measure("entities.token_kappa")
    token = dashboard.report.measures
    qtbot.waitUntil(lambda: bool(token["entities.token_kappa"].pairs), timeout=TIMEOUT)
    value = dashboard.heatmap.value(ids["amal"], ids["badr"])
    assert value is not None and -1.0 <= value <= 1.0
    assert "Fleiss" in dashboard.overall_label.text()
    assert "being computed" not in dashboard.overall_label.text()


def _untick(checklist, *texts):
    for i in range(checklist.list.count()):
        item = checklist.list.item(i)
        if any(text in item.text() for text in texts):
            item.setCheckState(Qt.CheckState.Unchecked)


def test_comparing_only_some_annotators_documents_and_labels(qtbot, dashboard, studied):
    from ui.review.restrict import RestrictDialog

    _project, d1, _d2, ids = studied
    seen = {}

    def answer():
        dialog = QtWidgets.QApplication.activeModalWidget()
        assert isinstance(dialog, RestrictDialog)
        ok = dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        _untick(dialog.annotators, "hind", "amal")
        seen["one annotator"] = (ok.isEnabled(), dialog.problem.text())
        dialog.annotators.set_ticked({"amal", "badr"})
        dialog.labels.filter.setText("Entity")
        dialog.labels._tick_shown(False)  # the None button: only the shown (entity) labels
        dialog.labels.filter.clear()
        seen["no entity label"] = (ok.isEnabled(), dialog.problem.text())
        dialog.labels.set_ticked(
            {v for v in _values(dialog.labels) if v[0] != "entity" or v[1] in ("ORG", "PERS")}
        )
        dialog.documents.set_ticked({d1})
        dialog.accept()

    QtCore.QTimer.singleShot(0, answer)
    with qtbot.waitSignal(dashboard.computed, timeout=TIMEOUT):
        dashboard.restrict_button.click()
    assert seen["one annotator"][0] is False
    assert "two annotators" in seen["one annotator"][1]
    assert seen["no entity label"][0] is False
    assert "Entity" in seen["no entity label"][1]
    report = dashboard.report
    assert sorted(a.name for a in report.annotators) == ["amal", "badr"]
    assert set(report.documents) == {d1}
    assert dashboard.heatmap.value(ids["amal"], ids["hind"]) is None
    labels = {label_key(dashboard.label_table, r) for r in range(dashboard.label_table.rowCount())}
    assert "ORG" in labels and "DATE" not in labels
    assert dashboard.restriction_label.text() == "Comparing 2 annotators, 1 document, " + (
        f"{len(dashboard.restriction.labels)} labels"
    )


def label_key(table, row):
    """The key of the label a row of the per-label table shows (by its name)."""
    return table.item(row, 0).data(Qt.ItemDataRole.UserRole)


def _values(checklist):
    return [
        checklist.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(checklist.list.count())
    ]


def test_intervals_are_shown_with_the_figures(dashboard, studied):
    report = dashboard.report
    overall = report.measures["entities.f1_exact"].overall
    interval = unbroken(overall.interval_text(3))
    assert f"95% CI {interval}, bootstrap" in dashboard.overall_label.text()
    table = dashboard.label_table
    last = table.columnCount() - 1
    assert table.horizontalHeaderItem(last).text() == "95% CI (Span F1 (exact))"
    org = next(r for r in range(table.rowCount()) if label_key(table, r) == "ORG")
    assert table.item(org, 0).text() == "Organization"
    by_label = report.measures["entities.f1_exact"].by_label
    assert table.item(org, last).text() == unbroken(by_label["ORG"].interval_text(3))
    dashboard.set_measure("stances.bennett_s")
    assert "Bennett" in dashboard.overall_label.text()
