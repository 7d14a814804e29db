"""Reading a project file received from someone else (a package, another project) without
touching it and without trusting it.

The file is opened read-only (immutable when its folder cannot be written), so it is
never upgraded, backed up, switched to another journal mode or locked for writing. Before
a row is read it is checked: SQLite's quick check of its pages, nothing but the tables,
indexes and triggers Tawsim makes (no view, no trigger or table of the sender's), no
document larger than an import accepts. It is then copied, with SQLite's backup, into a
private folder; the copy loses every trigger (a trigger named like one of Tawsim's may
hold anything) and is brought to the current format there, and the merge reads the copy.
Every refusal names the file.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from core.project.errors import OperationError, ProjectError
from core.text.canonical import MAX_DOCUMENT_BYTES
from models.db import (
    IMMUTABLE,
    READ_ONLY,
    make_engine,
    read_header,
    sqlite_uri,
)
from models.messages import Message
from models.migrations import APPLICATION_ID, SCHEMA_VERSION, expected_objects, upgrade


class _Refused(Exception):
    """Why a received file is not read; the caller names the file."""


def readable_copy(path: Path, folder: Path) -> Path:
    """A checked copy of the project file at `path`, in the current format, written to
    `folder` (the caller's private temporary folder); `path` itself is only read.
    Raises OperationError naming `path`."""
    try:
        version = _received_version(path)
        copy = folder / "received.tawsim"
        _check_and_copy(path, copy)
        _disarm_and_upgrade(copy, version)
    except (_Refused, ProjectError) as err:
        raise OperationError(
            Message("cannot merge {path}: {reason}", path=str(path), reason=str(err))
        ) from None
    except sqlite3.DatabaseError as err:
        raise OperationError(
            Message(
                "cannot merge {path}: it cannot be read ({reason})", path=str(path), reason=str(err)
            )
        ) from None
    return copy


def _received_version(path: Path) -> int:
    application_id, version = read_header(path)
    if application_id != APPLICATION_ID:
        raise _Refused("it is not a Tawsim project; it was not read further")
    if version > SCHEMA_VERSION:
        raise _Refused(
            f"it was saved by a newer version of Tawsim (project format {version}; this "
            f"version reads formats up to {SCHEMA_VERSION}); update Tawsim to merge it"
        )
    return version


def _check_and_copy(path: Path, copy: Path) -> None:
    access = READ_ONLY if os.access(path.parent, os.W_OK) else IMMUTABLE
    source = sqlite3.connect(sqlite_uri(path, access), uri=True)
    try:
        source.execute("PRAGMA query_only = ON")
        _check_objects(source)
        damage = [line for (line,) in source.execute("PRAGMA quick_check(3)") if line != "ok"]
        if damage:
            raise _Refused(f"it is damaged ({'; '.join(damage)}); ask for it again")
        _check_sizes(source)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _check_objects(source: sqlite3.Connection) -> None:
    """Nothing but what Tawsim makes: a view or a trigger could run the sender's SQL (a
    view of millions of rows where a table should be), a table of theirs has no place."""
    expected = expected_objects()
    known_tables = expected["table"]
    objects = source.execute(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for kind, name, table in sorted(objects):
        if kind == "view":
            raise _Refused(f"it holds a view ({name}), which Tawsim never makes")
        if kind == "table" and name not in known_tables:
            raise _Refused(f"it holds a table Tawsim does not make ({name})")
        if kind == "trigger" and name not in expected["trigger"]:
            raise _Refused(f"it holds a trigger Tawsim does not make ({name})")
        if kind == "index" and table not in known_tables:
            raise _Refused(f"it holds an index Tawsim does not make ({name})")


def _check_sizes(source: sqlite3.Connection) -> None:
    """The limits of an import: a document no larger than a document file may be."""
    row = source.execute(
        "SELECT id, length(CAST(text AS BLOB)) AS size FROM document ORDER BY size DESC LIMIT 1"
    ).fetchone()
    if row is not None and row[1] > MAX_DOCUMENT_BYTES:
        raise _Refused(
            f"document {row[0]} holds {row[1]:,} bytes of text, larger than an import "
            f"accepts ({MAX_DOCUMENT_BYTES:,} bytes)"
        )


def _disarm_and_upgrade(copy: Path, version: int) -> None:
    """In the copy: drop every trigger (the merge only reads it), then upgrade it to the
    current format as opening it in Tawsim would (the upgrade makes its own triggers)."""
    raw = sqlite3.connect(copy, isolation_level=None)
    try:
        names = [n for (n,) in raw.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
        for name in names:
            raw.execute(f'DROP TRIGGER "{name}"')
    finally:
        raw.close()
    if version == SCHEMA_VERSION:
        return
    engine = make_engine(copy)
    try:
        connection = engine.connect().execution_options(tawsim_begin="IMMEDIATE")
        with connection as conn, conn.begin():
            upgrade(conn, version)
            conn.exec_driver_sql(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
    finally:
        engine.dispose()


__all__ = ["readable_copy"]
