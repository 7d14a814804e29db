"""Live: a commit by one person reaches the others' listeners as its change set; a
dropped connection is reported, retried, and nothing acknowledged is lost."""

from __future__ import annotations

import queue

import pytest

from core.annotation.annotators import read_annotators
from core.annotation.spans import annotate, read_owner_set
from core.project.changes import Changes
from core.project.errors import ProjectError
from core.project.server import ServerProject, change_payload
from core.team.live import OFFLINE, ONLINE, ChangeListener
from models.server.engine import make_server_engine, parse_server_url

WAIT = 60  # seconds: only how long a broken test hangs, never part of what is checked


class Heard:
    """What a listener delivered, in order (changes, None for "read everything again",
    and status words)."""

    def __init__(self, project):
        self.events: queue.Queue = queue.Queue()
        self.listener = ChangeListener(
            project,
            on_change=lambda changes: self.events.put(("change", changes)),
            on_status=lambda status: self.events.put(("status", status)),
        )

    def next(self):
        return self.events.get(timeout=WAIT)

    def until(self, kind):
        while True:
            event = self.next()
            if event[0] == kind:
                return event[1]


def _org(project):
    return project.schema.by_key("entity", "ORG").id


def test_a_commit_reaches_the_curator_as_its_change_set(team_server):
    with team_server.connect("lead") as lead, team_server.connect("amal") as amal:
        heard = Heard(lead)
        heard.listener.start()
        try:
            assert heard.next() == ("status", ONLINE)
            me = {a.name: a.id for a in read_annotators(amal)}["amal"]
            result = annotate(amal, 2, me, 0, 4, _org(amal))
            changes = heard.until("change")
            assert changes.documents == {2}
            assert changes.rows["entity_span"] == {result.value}
            assert read_owner_set(lead, 2, me).spans[0].id == result.value
        finally:
            heard.listener.stop()


def test_a_listener_skips_its_own_projects_changes(team_server):
    with team_server.connect("amal") as amal, team_server.connect("badr") as badr:
        heard = Heard(amal)
        heard.listener.start()
        try:
            heard.until("status")
            people = {a.name: a.id for a in read_annotators(amal)}
            annotate(amal, 1, people["amal"], 0, 4, _org(amal))
            annotate(badr, 3, people["badr"], 0, 4, _org(badr))
            assert heard.until("change").documents == {3}  # amal's own came first, unheard
        finally:
            heard.listener.stop()


def test_a_change_set_too_large_for_one_notification_says_read_everything():
    big = Changes(documents=set(range(5000)), sets={1}, rows={"entity_span": set(range(5000))})
    payload = change_payload(big, "me")
    assert len(payload.encode()) < 8000 and '"everything":true' in payload
    rows_only = Changes(documents={1}, rows={"entity_span": set(range(3000))})
    assert '"rows":{}' in change_payload(rows_only, "me")


def test_after_the_server_restarts_it_reconnects_and_nothing_acknowledged_is_lost(
    team_server, pg_cluster
):
    with team_server.connect("lead") as lead, team_server.connect("amal") as amal:
        heard = Heard(lead)
        heard.listener.start()
        try:
            assert heard.next() == ("status", ONLINE)
            me = {a.name: a.id for a in read_annotators(amal)}["amal"]
            acknowledged = annotate(amal, 1, me, 0, 4, _org(amal)).value
            heard.until("change")
            pg_cluster.restart()
            assert heard.until("status") == OFFLINE
            assert heard.until("status") == ONLINE
            assert heard.next() == ("change", None)  # missed meanwhile: read it all again
            # the pool replaces the connections the restart dropped
            spans = read_owner_set(amal, 1, me).spans
            assert [s.id for s in spans] == [acknowledged]
            later = annotate(amal, 1, me, 5, 9, _org(amal)).value
            assert heard.until("change").rows["entity_span"] == {later}
        finally:
            heard.listener.stop()


def test_a_write_while_the_server_is_away_is_refused_in_words(team_server):
    url = team_server.url("amal").replace(f":{team_server.cluster.port}/", ":1/")
    address, password = parse_server_url(url)
    with (
        ServerProject(address, make_server_engine(address, password)) as away,
        pytest.raises(ProjectError, match="cannot reach the team project amal@"),
    ):
        annotate(away, 1, 1, 0, 4, 1)
