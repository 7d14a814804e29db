"""Creating a team project in an empty database, migrating it with alembic, and checking
that a database is a team project this version understands.

Alembic keeps the server's schema revision in `alembic_version`; its steps are in
models/server/migrations/versions. (The desktop file keeps its own steps in
models.migrations: SQLite cannot run most of alembic's operations in place.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

from models.db import NotAProject, ProjectError, ProjectTooNew
from models.server.security import create_team_role, grant_team

if TYPE_CHECKING:
    from alembic.config import Config

# alembic is imported where it is used: it costs every command's start-up a tenth of a
# second, and only creating, upgrading and checking a team project need it
MIGRATIONS = Path(__file__).parent / "migrations"
TEAM_ROLE_KEY = "team_role"


def _config(conn: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if conn is not None:
        config.attributes["connection"] = conn
    return config


def _upgrade(conn: Connection) -> None:
    from alembic import command

    command.upgrade(_config(conn), "head")


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None  # the versions folder ships with the code
    return head


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def public_tables(conn: Connection) -> set[str]:
    rows = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
    return {row[0] for row in rows}


def current_revision(conn: Connection) -> str | None:
    if "alembic_version" not in public_tables(conn):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def init_server(engine: Engine, where: str, populate: Callable[[Connection], None]) -> None:
    """Create the team project in the empty database `engine` reaches, in one
    transaction: the team role, the tables, triggers and policies, the privileges, then
    `populate` (meta, settings, annotation schema). Refuses a database holding tables."""
    with engine.begin() as conn:
        found = public_tables(conn)
        if found:
            if {"alembic_version", "meta"} <= found:
                raise ProjectError(f"{where} is already a Tawsim team project; nothing was changed")
            raise NotAProject(
                f"{where} is not empty ({len(found)} table(s), e.g. {sorted(found)[0]}); a team "
                "project is made in an empty database; nothing was changed"
            )
        database = conn.execute(text("SELECT current_database()")).scalar_one()
        role = create_team_role(conn, database)
        _upgrade(conn)
        grant_team(conn, role)
        conn.execute(
            text("INSERT INTO meta (key, value) VALUES (:key, :value)"),
            {"key": TEAM_ROLE_KEY, "value": role},
        )
        populate(conn)


def upgrade_server(engine: Engine) -> tuple[str | None, str]:
    """Bring the team project to the newest revision (the owner does this); returns the
    revisions before and after."""
    with engine.begin() as conn:
        before = current_revision(conn)
        if before is None:
            raise NotAProject("this database is not a Tawsim team project")
        _upgrade(conn)
        role = conn.execute(
            text("SELECT value FROM meta WHERE key = :key"), {"key": TEAM_ROLE_KEY}
        ).scalar_one()
        grant_team(conn, role)
    return before, head_revision()


def check_server_project(conn: Connection, where: str) -> None:
    """Refuse a database that is not a team project, or one of another revision."""
    revision = current_revision(conn)
    if revision is None or "meta" not in public_tables(conn):
        raise NotAProject(
            f"{where} is not a Tawsim team project (make one with `python main.py server "
            "init`), or you may not read it"
        )
    head = head_revision()
    if revision == head:
        return
    if revision not in _known_revisions():
        raise ProjectTooNew(
            f"{where} was set up by a newer version of Tawsim (server revision {revision}); "
            "update Tawsim to connect to it"
        )
    raise ProjectError(
        f"{where} needs upgrading to server revision {head} (it has {revision}); its "
        "administrator runs `python main.py server upgrade --db URL`"
    )


def team_role(conn: Connection) -> str:
    role: str = conn.execute(
        text("SELECT value FROM meta WHERE key = :key"), {"key": TEAM_ROLE_KEY}
    ).scalar_one()
    return role


__all__ = [
    "check_server_project",
    "current_revision",
    "head_revision",
    "init_server",
    "team_role",
    "upgrade_server",
]
