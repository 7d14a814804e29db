"""The core's own tests, run again on a team project: every operation, change set, undo
and export behaves on PostgreSQL as on a project file.

Each module here takes the tests of one tests/core module; only their `project` and
`seeded_project` fixtures differ: team projects reached as their owner (whom no policy
limits, as nothing limits the user of a file; what the policies do is tested in
tests/team/test_blindness.py).
"""

from __future__ import annotations

import pytest


@pytest.fixture
def project(empty_server):
    p = empty_server.connect()
    yield p
    p.close()


@pytest.fixture
def seeded_project(seeded_server):
    p = seeded_server.connect()
    yield p
    p.close()
