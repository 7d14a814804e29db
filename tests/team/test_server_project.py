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
