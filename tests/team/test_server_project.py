"""A team project runs the same core operations as a project file."""

from __future__ import annotations

from core.annotation.annotators import read_annotators
from core.annotation.spans import annotate, read_owner_set


def _ids(project):
    names = {a.name: a.id for a in read_annotators(project)}
    return names


def test_an_annotator_annotates_and_reads_back_on_the_server(team_server):
    project = team_server.connect("amal")
    try:
        me = _ids(project)["amal"]
        org = project.schema.by_key("entity", "ORG").id
        result = annotate(project, 1, me, 0, 4, org)
        shown = read_owner_set(project, 1, me)
        assert [(s.start, s.end, s.label_id) for s in shown.spans] == [(0, 4, org)]
        assert result.changes.rows["entity_span"] == {shown.spans[0].id}
    finally:
        project.close()


def test_a_read_is_one_snapshot_and_writes_nothing(team_server):
    from sqlalchemy import text

    with team_server.connect("amal") as project, project.read() as conn:
        assert conn.execute(text("SHOW transaction_isolation")).scalar() == "repeatable read"
        assert conn.execute(text("SHOW transaction_read_only")).scalar() == "on"


def test_a_server_project_says_where_it_is(team_server):
    with team_server.connect("amal") as project:
        assert (
            project.location == f"amal@127.0.0.1:{team_server.cluster.port}/{team_server.database}"
        )
        assert project.team is not None and project.team.user == "amal"
        assert project.name == "Team test"
