"""Connecting to a team project: a PostgreSQL database reached with psycopg 3.

A team project is named by a URL, `postgresql://user[:password]@host[:port]/dbname`.
Each person connects with their own login role; what that role may read and write is
decided by the database (see models.server.migrations). The password, when the URL has
none, is taken from libpq's usual places (PGPASSWORD, ~/.pgpass) or given by the caller.

Errors are classified here, in one place, so the layers above can say what happened in
words a user can act on whatever the driver's message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from models.db import ProjectError
from models.errors import sqlstate
from models.messages import Message

SCHEMES = ("postgresql", "postgres")
DRIVER = "postgresql+psycopg"
# how long a statement waits for a row another transaction holds (as SQLite's busy timeout)
LOCK_TIMEOUT_MS = 20_000
CONNECT_TIMEOUT_S = 10


class ServerUrlError(ProjectError):
    """A --db value that is not a PostgreSQL URL."""


@dataclass(frozen=True)
class ServerAddress:
    """Where a team project is: a parsed URL, the password kept apart from it."""

    url: URL  # without the password

    @property
    def user(self) -> str:
        return self.url.username or ""

    @property
    def database(self) -> str:
        return self.url.database or ""

    @property
    def host(self) -> str:
        return self.url.host or "localhost"

    @property
    def port(self) -> int:
        return self.url.port or 5432

    def public_url(self) -> str:
        """postgresql://user@host:port/database: the address without the password, to
        remember and to show."""
        return self.url.set(drivername="postgresql").render_as_string()

    def describe(self) -> str:
        """user@host:port/database, as shown to people (never with the password)."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def is_server_url(value: str) -> bool:
    return value.split("://", 1)[0].split("+", 1)[0] in SCHEMES and "://" in value


def parse_server_url(value: str) -> tuple[ServerAddress, str | None]:
    """The address a `--db` URL names and the password it carries (None if it has none)."""
    if not is_server_url(value):
        raise ServerUrlError(
            Message(
                "{url!r} is not a team project URL; write postgresql://user@host[:port]/database",
                url=value,
            )
        )
    try:
        url = make_url(value)
    except ArgumentError as err:
        raise ServerUrlError(
            Message("{url!r} is not a valid URL ({reason})", url=value, reason=str(err))
        ) from None
    if not url.database:
        raise ServerUrlError(
            Message("{url!r} names no database (postgresql://user@host/DATABASE)", url=value)
        )
    if not url.username:
        raise ServerUrlError(
            Message("{url!r} names no user (postgresql://USER@host/database)", url=value)
        )
    password = url.password if url.password is not None else None
    bare = URL.create(
        DRIVER,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return ServerAddress(bare), password


def make_server_engine(address: ServerAddress, password: str | None, **options: Any) -> Engine:
    """An engine for the team project. Connections are checked before use (pre-ping), so
    one dropped by a restarted server or a network change is replaced, not used."""
    url = address.url.set(password=password) if password else address.url
    return create_engine(
        url,
        pool_pre_ping=True,
        isolation_level="READ COMMITTED",
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "tawsim",
            "options": f"-c lock_timeout={LOCK_TIMEOUT_MS}",
        },
        **options,
    )


def is_permission_error(err: BaseException) -> bool:
    """Refused by privileges or row-level security (insufficient_privilege)."""
    return sqlstate(err) == "42501"


def is_server_busy_error(err: BaseException) -> bool:
    """Another transaction held what this one needed for too long, or the two deadlocked."""
    return sqlstate(err) in ("55P03", "40001", "40P01")


def is_connection_error(err: BaseException) -> bool:
    """The server could not be reached, or the connection dropped."""
    if isinstance(err, DBAPIError) and err.connection_invalidated:
        return True
    state = sqlstate(err)
    if state.startswith("08") or state in ("57P01", "57P02", "57P03"):
        return True
    from psycopg import OperationalError

    orig = getattr(err, "orig", err)
    return isinstance(orig, OperationalError) and not state


def is_authentication_error(err: BaseException) -> bool:
    orig = getattr(err, "orig", err)
    text = str(orig)
    return sqlstate(err) == "28P01" or (
        "password authentication failed" in text or "no password supplied" in text
    )
