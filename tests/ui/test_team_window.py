"""Team mode in the window: connecting, live updates from another person's commits,
the connection's status, the list of assigned documents and the curator's workload."""

from __future__ import annotations

import psycopg

from core.annotation.annotators import read_annotators
from core.annotation.spans import annotate
from core.team.admin import add_team_member
from core.team.assignment import assign_documents
from tests.fixtures.team_server import member_password
from ui.review.dashboard import open_review_dashboard
from ui.team import LiveUpdates
from ui.team.connect import ConnectDialog
from ui.team.workload import WorkloadDialog, open_workload

WAIT_MS = 60_000  # how long a broken test hangs; nothing here is timed


def _ids(project):
    return {a.name: a.id for a in read_annotators(project)}


def test_the_curator_sees_an_annotators_commit_without_reloading(team_server, make_window, qtbot):
    window = make_window(team_server.connect("lead"))
    live = window.findChild(LiveUpdates)
    qtbot.waitUntil(lambda: live.label.text() == "Team: live", timeout=WAIT_MS)
    assert window.annotator.name == "lead" and window.annotator.is_curator
    with team_server.connect("amal") as amal:
        me = _ids(amal)["amal"]
        with qtbot.waitSignal(window.operation_did_execute, timeout=WAIT_MS) as heard:
            span = annotate(amal, 3, me, 0, 4, amal.schema.by_key("entity", "ORG").id).value
    assert heard.args[0].rows["entity_span"] == {span}
    assert heard.args[0].documents == {3}
    window.close()
    window.project.close()


def test_three_annotators_at_once_each_see_their_own_and_the_curators_dashboard_follows(
    team_server, make_window, qtbot
):
    with team_server.connect() as owner:
        add_team_member(owner, "chadi", member_password("chadi"))
    windows, dashboard = [], None
    try:
        curator = make_window(team_server.connect("lead"))
        windows.append(curator)
        live = curator.findChild(LiveUpdates)
        qtbot.waitUntil(lambda: live.label.text() == "Team: live", timeout=WAIT_MS)
        dashboard = open_review_dashboard(curator.project, curator.annotator.id, curator)
        qtbot.waitUntil(lambda: dashboard.report is not None, timeout=WAIT_MS)
        assert dashboard.report.annotators == []  # nothing finished yet

        annotators = [make_window(team_server.connect(n)) for n in ("amal", "badr", "chadi")]
        windows += annotators
        labels = ("ORG", "PERS", "ORG")  # badr disagrees
        for window, label in zip(annotators, labels, strict=True):
            window.open_document(3)
            start = window.editor.text.index("بلومبرغ")
            window.editor.select_range(start, start + 7)
            window.apply_label(window.project.schema.by_key("entity", label).id)
        for window, label in zip(annotators, labels, strict=True):
            window.reload()  # what the database lets this person read
            window.open_document(3)
            (span,) = window.editor.layer.spans.values()  # their own, nobody else's
            assert span.label_id == window.project.schema.by_key("entity", label).id
            window.navigation.finish_document()

        # the curator's dashboard computes again on the news of the three commits
        qtbot.waitUntil(
            lambda: dashboard.report is not None and len(dashboard.report.annotators) == 3,
            timeout=WAIT_MS,
        )
        assert [a.name for a in dashboard.report.annotators] == ["amal", "badr", "chadi"]
        assert list(dashboard.report.documents) == [3]
    finally:
        if dashboard is not None:  # first: closing it ends a computation under way
            dashboard.close()
        for window in windows:
            window.close()
            window.project.close()
        with psycopg.connect(team_server.cluster.url(), autocommit=True) as admin:
            admin.execute("DROP ROLE chadi")


def test_an_annotators_list_shows_the_assigned_documents(team_server, make_window, qtbot):
    with team_server.connect("lead") as lead:
        ids = _ids(lead)
        assign_documents(lead, ids["lead"], ids["amal"], [2, 4])
    window = make_window(team_server.connect("amal"))
    panel = window.documents
    assert panel.model.ids == [2, 4]
    assert panel.free_check.isVisibleTo(window)
    panel.free_check.setChecked(True)
    assert panel.model.ids == [1, 2, 3, 4, 5]  # nothing else is assigned
    window.close()
    window.project.close()


def test_the_workload_dialog_plans_and_shows_progress(team_server, make_window, qtbot, tmp_path):
    window = make_window(team_server.connect("lead"))
    dialog = open_workload(window)
    assert isinstance(dialog, WorkloadDialog) and dialog.table.rowCount() == 0
    dialog.per_document.setValue(1)
    dialog.shared.setValue(20)
    dialog._assign()
    rows = {
        dialog.table.item(r, 0).text(): int(dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    }
    assert rows == {"amal": 3, "badr": 3}  # one document for both, four split in two
    dialog.grab().save(str(tmp_path / "workload.png"))
    dialog.close()
    window.close()
    window.project.close()


def test_the_connect_dialog_builds_the_url_without_the_password(qtbot):
    dialog = ConnectDialog(None, "postgresql://amal@db.example:6543/newsroom")
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text()) == (
        "db.example",
        6543,
        "newsroom",
    )
    dialog.user.setText("سارة")
    dialog.password.setText("secret")
    assert dialog.url() == "postgresql://%D8%B3%D8%A7%D8%B1%D8%A9@db.example:6543/newsroom"
