"""Plain DB-API reads for the few hot paths that read hundreds of thousands of rows
(exports, the agreement study, the editor's spans), on a project file or a team project.

SQLAlchemy builds a Row for every row it returns, which doubles such reads; these go to
the driver's cursor. Their SQL is written once, with `?` marking each parameter, and
`in_list` writes "column in this list of ids" as one parameter whatever the list's
length. Everything else uses SQLAlchemy Core (or `text()` with named parameters).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection


class DriverReader:
    """Reads on the driver connection underneath `conn`, inside its transaction."""

    def __init__(self, conn: Connection):
        raw = conn.connection.driver_connection
        assert raw is not None  # None only once the connection is closed; `conn` is open
        self._raw: Any = raw
        self.postgres = conn.dialect.name == "postgresql"

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of `sql` (parameters marked `?`) as plain tuples."""
        rows: list[tuple[Any, ...]] = self._cursor(sql, params).fetchall()
        return rows

    def batches(
        self, sql: str, params: Sequence[Any] = (), size: int = 50_000
    ) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of `sql` as `rows` gives them, `size` at a time."""
        cursor = self._cursor(sql, params)
        while batch := cursor.fetchmany(size):
            yield batch

    def _cursor(self, sql: str, params: Sequence[Any]) -> Any:
        if self.postgres:
            if "%" in sql:
                raise ValueError("driver SQL must not contain '%' (psycopg's parameter mark)")
            sql = sql.replace("?", "%s")
        return self._raw.execute(sql, tuple(params))

    def in_list(self, column: str, values: Sequence[int]) -> tuple[str, list[Any]]:
        """SQL testing `column` against a list of integers of any length, and its one
        parameter: a JSON array read by json_each in SQLite, an array on PostgreSQL."""
        if self.postgres:
            return f"{column} = ANY(?)", [list(values)]
        return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(list(values))]
