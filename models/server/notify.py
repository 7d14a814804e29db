"""A connection of its own that LISTENs on a team project's channel.

Notifications arrive only on the connection that listens, outside any transaction, so
this is a plain autocommit psycopg connection next to the project's pool; the reconnect
policy around it is core.team.live's.
"""

from __future__ import annotations

from sqlalchemy.engine import URL

from models.server.engine import CONNECT_TIMEOUT_S


class ListenLost(Exception):
    """The listening connection could not be made, or was lost."""


class ListenConnection:
    """LISTEN on `channel` of the database `url` names; `wait` returns the payloads that
    arrived. Both raise ListenLost when the server cannot be reached."""

    def __init__(self, url: URL, channel: str):
        import psycopg

        try:
            self._conn = psycopg.connect(
                host=url.host or "localhost",
                port=url.port or 5432,
                dbname=url.database,
                user=url.username,
                password=url.password,
                connect_timeout=CONNECT_TIMEOUT_S,
                application_name="tawsim-live",
                autocommit=True,
            )
            self._conn.execute(f'LISTEN "{channel}"')
        except psycopg.Error as err:
            raise ListenLost(str(err)) from None

    def wait(self, timeout: float) -> list[str]:
        """The payloads of the notifications received within `timeout` seconds."""
        import psycopg

        try:
            return [note.payload for note in self._conn.notifies(timeout=timeout)]
        except psycopg.Error as err:
            raise ListenLost(str(err)) from None

    def close(self) -> None:
        self._conn.close()
