"""Proof under load: 20 annotator processes write to one team project at once, each
adding spans, deleting half of them, adding events with arguments and deleting one.
Afterwards every set is exactly as its owner left it: nothing lost, nothing duplicated.

`make test` has each writer add 50 spans (the same contention, in the suite's time);
`make load-test` runs it at 500 spans a writer: 16,000 committed writes, minutes on two
cores."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from core.team.admin import add_team_member
from models.tables import AnnotationSet, Annotator, EntitySpan, EventArgument, EventMention
from tests.conftest import ROOT, subprocess_env
from tests.fixtures.team_server import member_password

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

WRITERS, EVENTS = 20, 4


def test_twenty_annotators_at_once_lose_and_duplicate_nothing(team_server, request):
    spans_each = request.config.getoption("--load-spans")
    names = [f"writer{n:02}" for n in range(WRITERS)]
    with team_server.connect() as owner:
        for name in names:
            add_team_member(owner, name, member_password(name))
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.fixtures.team_writer",
                team_server.url(name),
                str(spans_each),
                str(EVENTS),
            ],
            cwd=ROOT,
            env=subprocess_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    left = {}
    for name, worker in zip(names, workers, strict=True):
        out, err = worker.communicate(timeout=900)
        assert worker.returncode == 0, err
        left[name] = json.loads(out)

    with team_server.connect() as owner, owner.read() as conn:
        for name in names:
            mine = (
                select(AnnotationSet.id)
                .join(Annotator, Annotator.id == AnnotationSet.annotator_id)
                .where(Annotator.name == name)
            )
            spans = conn.execute(
                select(
                    AnnotationSet.document_id, EntitySpan.start, EntitySpan.end, EntitySpan.label_id
                )
                .join(AnnotationSet, AnnotationSet.id == EntitySpan.set_id)
                .where(EntitySpan.set_id.in_(mine))
            ).all()
            events = conn.execute(
                select(
                    AnnotationSet.document_id,
                    EventMention.start,
                    EventMention.end,
                    EventMention.type_id,
                    select(func.count())
                    .where(EventArgument.event_id == EventMention.id)
                    .scalar_subquery(),
                )
                .join(AnnotationSet, AnnotationSet.id == EventMention.set_id)
                .where(EventMention.set_id.in_(mine))
            ).all()
            expected = left[name]
            assert sorted(map(tuple, spans)) == [tuple(s) for s in expected["spans"]], name
            assert len(spans) == spans_each // 2 + EVENTS
            assert sorted(tuple(e[:4]) for e in events) == [tuple(e) for e in expected["events"]]
            assert all(e[4] == 1 for e in events)  # each kept its one argument
