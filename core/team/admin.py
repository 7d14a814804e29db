"""Setting up a team project and adding the people who work on it.

`server init` is run by the project's owner: a role that owns the (empty) database and
may create roles (CREATEROLE), as docs/team-mode.md sets it up. Everything it creates
belongs to that role, which is therefore the only one allowed to change the annotation
schema, the settings and who is on the team.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import DBAPIError

from core.annotation.annotators import find_annotator
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.project import Project, project_populator
from core.project.server import server_error
from models.messages import Message
from models.server.engine import make_server_engine, parse_server_url
from models.server.security import create_login
from models.server.setup import init_server, team_role, upgrade_server
from models.tables import Annotator


def init_team_project(
    url: str,
    *,
    name: str | None = None,
    schema: dict[str, Any] | None = None,
    password: str | None = None,
) -> str:
    """Create a team project in the empty database `url` names; returns where it is."""
    address, in_url = parse_server_url(url)
    engine = make_server_engine(address, in_url or password)
    try:
        init_server(
            engine,
            address.describe(),
            project_populator(name or address.database, schema, None),
        )
    except DBAPIError as err:
        raise server_error(address.describe(), err) from None
    finally:
        engine.dispose()
    return address.describe()


def upgrade_team_project(url: str, *, password: str | None = None) -> tuple[str | None, str]:
    """Migrate the team project to this version's server revision (the owner does this)."""
    address, in_url = parse_server_url(url)
    engine = make_server_engine(address, in_url or password)
    try:
        return upgrade_server(engine)
    except DBAPIError as err:
        raise server_error(address.describe(), err) from None
    finally:
        engine.dispose()


def add_team_member(
    project: Project, name: str, password: str, *, curator: bool = False
) -> OpResult[int]:
    """A login role named `name` (with `password`) on the team, and the annotator of that
    name (made, or given the role). Its name is how the database knows whose sets are
    whose, so it is the name the person connects with."""
    if project.team is None:
        raise OperationError(
            Message(
                "logins are for team projects; in a project file, annotators are added by "
                "choosing who you are"
            )
        )
    name = " ".join(name.split())
    if not name:
        raise OperationError(Message("a team member needs a name"))
    role = "curator" if curator else "annotator"
    with project.write() as tx:
        create_login(tx.conn, name, password, team_role(tx.conn))
        found = find_annotator(tx.conn, name)
        if found is None:
            annotator_id = tx.insert(Annotator, name=name, role=role)
        else:
            annotator_id = found[0]
            if found[1] != role:
                tx.update(Annotator, annotator_id, role=role)
        tx.changes.annotators = True
    return OpResult(tx.changes, annotator_id)


__all__ = ["add_team_member", "init_team_project", "upgrade_team_project"]
