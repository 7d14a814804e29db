"""Review > Agreement dashboard in the main window: curators only, and a chosen
disagreement opens the annotators' versions side by side at that place."""

from __future__ import annotations

import pytest

from ui.curation.compare import CompareWindow
from ui.curation.screenshots import DOCUMENT, seed_curation
from ui.review import ReviewDashboard
from ui.tasks import wait_for_tasks


@pytest.fixture
def studied_project(seeded_project):
    seeded_project.annotators = seed_curation(seeded_project)
    return seeded_project


def test_annotators_cannot_open_the_dashboard(make_window, studied_project):
    window = make_window(studied_project, annotator="Amal")
    action = window.actions["review.dashboard"]
    assert not action.isEnabled()
    assert "Only curators can review agreement" in action.toolTip()


def test_a_chosen_disagreement_opens_the_versions_side_by_side(qtbot, make_window, studied_project):
    window = make_window(studied_project, annotator="Lead")
    action = window.actions["review.dashboard"]
    assert action.isEnabled()
    action.trigger()
    dashboard = window.findChild(ReviewDashboard)
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.report is not None, timeout=30_000)
    ids = studied_project.annotators
    dashboard.disagreement_chosen.emit(DOCUMENT, 10, 20, [ids["Amal"], ids["Badr"]])
    compare = window.findChild(CompareWindow, "sideBySideWindow")
    assert compare is not None and compare.isVisible()
    assert (compare.document_id, compare.start, compare.end) == (DOCUMENT, 10, 20)
    assert compare.annotator_ids == (ids["Amal"], ids["Badr"])
    dashboard.close()
    wait_for_tasks()
