"""A real PostgreSQL server for the team-mode tests: one throwaway cluster per test
session (per xdist worker), a team project prepared once as a template, and a fresh copy
of it per test (CREATE DATABASE ... TEMPLATE is a file copy: fast).

The template holds the five seed articles and three people: the annotators amal and
badr, and the curator lead. The project's owner is `owner`, a role that may create roles
but is no superuser (superusers would pass row-level security by).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.fixtures.postgres import ClusterUnavailable, TemporaryCluster

OWNER, OWNER_PASSWORD = "owner", "owner-secret"
MEMBERS = {"amal": "annotator", "badr": "annotator", "lead": "curator"}
TEMPLATE = "team_template"
_numbers = itertools.count(1)


def member_password(name: str) -> str:
    return f"{name}-secret"


@dataclass
class TeamServer:
    """A copy of the template team project, reachable as its owner or any member."""

    cluster: TemporaryCluster
    database: str

    def url(self, user: str = OWNER) -> str:
        password = OWNER_PASSWORD if user == OWNER else member_password(user)
        return self.cluster.url(self.database, user, password)

    def connect(self, user: str = OWNER):
        from core.project.server import ServerProject

        return ServerProject.connect(self.url(user))


def _admin(cluster: TemporaryCluster):
    import psycopg

    return psycopg.connect(cluster.url(), autocommit=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[TemporaryCluster]:
    try:
        cluster = TemporaryCluster().start()
    except ClusterUnavailable as err:
        pytest.skip(str(err))
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def team_template(pg_cluster: TemporaryCluster) -> TemporaryCluster:
    from core.documents.demo import seed_files
    from core.documents.importing import import_documents
    from core.team.admin import add_team_member, init_team_project

    with _admin(pg_cluster) as admin:
        admin.execute(f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{OWNER_PASSWORD}'")
        admin.execute(f"CREATE DATABASE {TEMPLATE} OWNER {OWNER}")
    server = TeamServer(pg_cluster, TEMPLATE)
    init_team_project(server.url(), name="Team test")
    project = server.connect()
    try:
        import_documents(project, seed_files(), undo_name=None)
        for name, role in MEMBERS.items():
            add_team_member(project, name, member_password(name), curator=role == "curator")
    finally:
        project.close()
    return pg_cluster


@pytest.fixture
def team_server(team_template: TemporaryCluster) -> Iterator[TeamServer]:
    """A fresh team project (a copy of the template) for one test."""
    database = f"team_{next(_numbers)}"
    with _admin(team_template) as admin:
        admin.execute(f"CREATE DATABASE {database} OWNER {OWNER} TEMPLATE {TEMPLATE}")
        # database privileges are not copied from the template: only the team connects
        admin.execute(f"REVOKE CONNECT, TEMPORARY ON DATABASE {database} FROM PUBLIC")
        admin.execute(f"GRANT CONNECT ON DATABASE {database} TO tawsim_team_{TEMPLATE}")
    yield TeamServer(team_template, database)
    with _admin(team_template) as admin:
        admin.execute(f"DROP DATABASE {database} WITH (FORCE)")
