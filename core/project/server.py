"""A team project: the same Project API on a PostgreSQL database shared by a team.

Differences from a project file, all kept here:

* Reads run in one REPEATABLE READ, READ ONLY transaction: one snapshot, as a file's
  deferred transaction gives.
* Writes run in READ COMMITTED and first take an advisory lock named after the connected
  role, so one person's windows and scripts write one at a time (as a file's write lock
  makes them), while different people write at once: row-level security keeps each to
  their own sets. Every write that changed something sends its change set on the
  project's channel (NOTIFY is delivered at commit, and only if it commits), so others'
  windows redraw what changed (core.team.live).
* What a role may not do is refused by the database (privileges, row-level security) and
  reported as an OperationError in words.
* A connection dropped by the server or the network is replaced on next use; a write
  whose commit was under way when the connection dropped is reported as unconfirmed.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from core.project.changes import Changes
from core.project.errors import OperationError, ProjectError
from core.project.journal import Txn
from core.project.project import Project
from models.db import ProjectBusy
from models.errors import error_detail
from models.server.engine import (
    ServerAddress,
    is_authentication_error,
    is_connection_error,
    is_permission_error,
    is_server_busy_error,
    is_server_url,
    make_server_engine,
    parse_server_url,
)
from models.server.setup import check_server_project

CHANNEL = "tawsim_changes"  # NOTIFY is scoped to the database: one channel per project
NOTIFY_LIMIT = 7900  # PostgreSQL refuses payloads of 8000 bytes or more


class PasswordRequired(ProjectError):
    """The server wants a password the URL (and libpq's usual places) did not give."""


class ServerProject(Project):
    def __init__(self, address: ServerAddress, engine: Engine, *, read_only: bool = False):
        # files about the project (exports, packages) are offered in the home folder,
        # named after the database
        super().__init__(Path.home() / address.database, engine, read_only=read_only)
        self.address = address
        self.origin = uuid.uuid4().hex  # marks this project's own notifications
        self.on_close: list[Callable[[], None]] = []  # e.g. a listener's stop (core.team.live)

    @classmethod
    def connect(
        cls, url: str, *, password: str | None = None, read_only: bool = False
    ) -> ServerProject:
        """Connect to the team project at `url` (a password in the URL wins over
        `password`); raises PasswordRequired when the server asks for one not given."""
        address, in_url = parse_server_url(url)
        engine = make_server_engine(address, in_url or password)
        project = cls(address, engine, read_only=read_only)
        try:
            project.verify()
        except BaseException:
            engine.dispose()
            raise
        return project

    def close(self) -> None:
        for stop in list(self.on_close):  # each stop takes itself off the list
            stop()
        self.on_close.clear()
        super().close()

    @property
    def location(self) -> str:
        return self.address.describe()

    @property
    def team(self) -> ServerAddress:
        return self.address

    @property
    def name(self) -> str:
        return self.setting("name") or self.address.database

    def verify(self) -> None:
        """Refuse a database that is not a team project of this version."""
        try:
            with self.engine.connect() as conn:
                check_server_project(conn, self.location)
                conn.rollback()
        except DBAPIError as err:
            raise self._project_error(err) from None
        self._verified = True

    # --- transactions ------------------------------------------------------------

    # set on the client, sent with the BEGIN: no round trip of their own
    _read_options: ClassVar[dict[str, Any]] = {
        "isolation_level": "REPEATABLE READ",
        "postgresql_readonly": True,
    }
    _write_options: ClassVar[dict[str, Any]] = {}

    def _write_began(self, conn: Connection) -> None:
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('tawsim:' || current_user))"))

    def _write_ending(self, tx: Txn) -> None:
        if tx.changes:
            tx.conn.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": CHANNEL, "payload": change_payload(tx.changes, self.origin)},
            )

    def _project_error(self, err: DBAPIError) -> Exception:
        return server_error(self.location, err)


def server_error(location: str, err: DBAPIError) -> Exception:
    """A server's refusal or failure in words a user can act on (else `err` itself)."""
    if is_permission_error(err):
        return OperationError(
            f"your role in the team project may not do this ({error_detail(err)}); "
            "nothing was changed"
        )
    if is_server_busy_error(err):
        return ProjectBusy(
            f"{location} is busy: another write held what this one needed "
            f"({error_detail(err)}); nothing was changed, try again"
        )
    if is_authentication_error(err):
        return PasswordRequired(
            f"{location}: the server refused the password ({error_detail(err)})"
        )
    if is_connection_error(err):
        return ProjectError(
            f"cannot reach the team project {location} ({error_detail(err)}); a change "
            "being saved when the connection dropped may not have been (it shows once "
            "connected again if it was)"
        )
    return err


def change_payload(changes: Changes, origin: str) -> str:
    """A change set as the JSON sent on the channel: whole when it fits, else without
    the rows (views then read the named sets again), else only that documents changed."""
    payload = {"origin": origin, **changes.to_json()}
    encoded = json.dumps(payload, separators=(",", ":"))
    if len(encoded.encode("utf-8")) < NOTIFY_LIMIT:
        return encoded
    payload["rows"] = {}
    encoded = json.dumps(payload, separators=(",", ":"))
    if len(encoded.encode("utf-8")) < NOTIFY_LIMIT:
        return encoded
    summary = Changes(
        schema=changes.schema, annotators=changes.annotators, settings=changes.settings
    )
    return json.dumps(
        {"origin": origin, "everything": True, **summary.to_json()}, separators=(",", ":")
    )


__all__ = [
    "CHANNEL",
    "PasswordRequired",
    "ServerProject",
    "change_payload",
    "is_server_url",
    "parse_server_url",
    "server_error",
]
