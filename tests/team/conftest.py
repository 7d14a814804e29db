"""A real PostgreSQL server for the team-mode tests: one throwaway cluster per test
session (per xdist worker), a team project prepared once as a template, and a fresh copy
of it per test (CREATE DATABASE ... TEMPLATE is a file copy: fast).

The usual template holds the five seed articles and three people: the annotators amal
and badr, and the curator lead. The project's owner is `owner`, a role that may create roles
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
EMPTY, SEEDED, TEMPLATE = "team_empty", "team_seeded", "team_template"
TEAM_ROLE = f"tawsim_team_{EMPTY}"  # made by `server init` of EMPTY, kept by its copies
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


def _clone(cluster: TemporaryCluster, template: str, database: str) -> None:
    with _admin(cluster) as admin:
        admin.execute(f"CREATE DATABASE {database} OWNER {OWNER} TEMPLATE {template}")
        # database privileges are not copied from the template: only the team connects
        admin.execute(f"REVOKE CONNECT, TEMPORARY ON DATABASE {database} FROM PUBLIC")
        admin.execute(f"GRANT CONNECT ON DATABASE {database} TO {TEAM_ROLE}")


@pytest.fixture(scope="session")
def team_templates(pg_cluster: TemporaryCluster) -> TemporaryCluster:
    """Three templates, each made from the one before: EMPTY (a new team project),
    SEEDED (the five seed articles), TEMPLATE (and the three members)."""
    from core.documents.demo import seed_files
    from core.documents.importing import import_documents
    from core.team.admin import add_team_member, init_team_project

    with _admin(pg_cluster) as admin:
        admin.execute(f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{OWNER_PASSWORD}'")
        admin.execute(f"CREATE DATABASE {EMPTY} OWNER {OWNER}")
    init_team_project(TeamServer(pg_cluster, EMPTY).url(), name="Team test")
    _clone(pg_cluster, EMPTY, SEEDED)
    project = TeamServer(pg_cluster, SEEDED).connect()
    try:
        import_documents(project, seed_files(), undo_name=None)
    finally:
        project.close()
    _clone(pg_cluster, SEEDED, TEMPLATE)
    project = TeamServer(pg_cluster, TEMPLATE).connect()
    try:
        for name, role in MEMBERS.items():
            add_team_member(project, name, member_password(name), curator=role == "curator")
    finally:
        project.close()
    return pg_cluster


def _copy_of(cluster: TemporaryCluster, template: str) -> Iterator[TeamServer]:
    database = f"team_{next(_numbers)}"
    _clone(cluster, template, database)
    yield TeamServer(cluster, database)
    with _admin(cluster) as admin:
        admin.execute(f"DROP DATABASE {database} WITH (FORCE)")


@pytest.fixture
def team_server(team_templates: TemporaryCluster) -> Iterator[TeamServer]:
    """A fresh team project for one test: the seed articles and three members."""
    yield from _copy_of(team_templates, TEMPLATE)


@pytest.fixture
def seeded_server(team_templates: TemporaryCluster) -> Iterator[TeamServer]:
    """A fresh team project holding the five seed articles and nobody yet."""
    yield from _copy_of(team_templates, SEEDED)


@pytest.fixture
def empty_server(team_templates: TemporaryCluster) -> Iterator[TeamServer]:
    yield from _copy_of(team_templates, EMPTY)
