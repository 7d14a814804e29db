"""Opening and creating project files safely.

A project is one SQLite file. It is opened in WAL mode with a busy timeout;
writes start with BEGIN IMMEDIATE so two processes queue for the write lock
instead of failing half-way, and synchronous=FULL makes a committed
transaction survive a power cut.

Nothing here ever writes to a file that is not a Tawsim project of a version
we understand: the header is read with plain file I/O first.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from models.fsync import fsync_path
from models.messages import Message
from models.migrations import APPLICATION_ID, SCHEMA_VERSION, create_schema, upgrade

PROJECT_SUFFIX = ".tawsim"
BUSY_TIMEOUT_S = 20.0
_SQLITE_MAGIC = b"SQLite format 3\x00"

# How a file is opened. READ_ONLY shares the file with writers (SQLite's locks, no
# journal switching, nothing written); IMMUTABLE reads a file nobody is writing (a
# package received, a file in a read-only folder) without even a lock file.
READ_WRITE, READ_ONLY, IMMUTABLE = "rw", "ro", "immutable"


class ProjectError(Exception):
    """A problem with a project file, in words a user can act on."""


class NotAProject(ProjectError):
    pass


class ProjectTooNew(ProjectError):
    pass


class ProjectCorrupt(ProjectError):
    pass


class ProjectBusy(ProjectError):
    pass


def read_header(path: Path) -> tuple[int, int]:
    """(application_id, user_version) from the SQLite header, without opening it.

    Raises NotAProject for anything that is not an SQLite database.
    """
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        raise ProjectError(Message("{path}: no such file", path=str(path))) from None
    except IsADirectoryError:
        raise NotAProject(
            Message("{path} is a folder, not a Tawsim project", path=str(path))
        ) from None
    except OSError as err:
        raise ProjectError(
            Message("{path}: cannot be read ({reason})", path=str(path), reason=err.strerror)
        ) from None
    if not header:
        raise NotAProject(Message("{path} is empty, not a Tawsim project", path=str(path)))
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise NotAProject(
            Message("{path} is not a Tawsim project (not an SQLite database)", path=str(path))
        )
    user_version, application_id = struct.unpack(">I4xI", header[60:72])
    return application_id, user_version


def sqlite_uri(path: Path, access: str) -> str:
    """An SQLite URI opening `path` read-only or immutable (see READ_ONLY, IMMUTABLE)."""
    option = "mode=ro" if access == READ_ONLY else "immutable=1"
    return f"file:{quote(Path(path).absolute().as_posix())}?{option}"


def make_engine(path: Path, access: str = READ_WRITE) -> Engine:
    url = (
        f"sqlite:///{path}"
        if access == READ_WRITE
        else f"sqlite:///{sqlite_uri(path, access)}&uri=true"
    )
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun explicitly below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        if access == READ_WRITE:
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")
        else:
            cur.execute("PRAGMA query_only = ON")
        cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("tawsim_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def is_busy_error(err: BaseException) -> bool:
    orig = getattr(err, "orig", err)
    return isinstance(orig, sqlite3.OperationalError) and (
        "locked" in str(orig) or "busy" in str(orig)
    )


def is_corrupt_error(err: BaseException) -> bool:
    """SQLite found the file damaged (a page overwritten, the file cut short...)."""
    orig = getattr(err, "orig", err)
    text = str(orig).lower()
    return isinstance(orig, sqlite3.DatabaseError) and (
        "malformed" in text or "not a database" in text or "corrupt" in text
    )


def is_full_error(err: BaseException) -> bool:
    """The disk (or the file's size limit) is full: SQLite rolled the transaction back."""
    orig = getattr(err, "orig", err)
    return isinstance(orig, sqlite3.OperationalError) and "disk is full" in str(orig)


def full_message(path: Path) -> str:
    return (
        f"{path}: the disk is full; the change in progress was not saved (the project is as "
        "it was before it). Free some space and try again."
    )


def corrupt_message(path: Path, detail: object) -> str:
    return Message(
        "{path} is damaged ({detail}); nothing was written to it. Check it with "
        "`python main.py doctor --project {path}` (Help > Check project in the window), "
        "which can rescue what is readable into a new file.",
        path=str(path),
        detail=str(detail),
    )


def busy_message(path: Path) -> str:
    return Message(
        "{name} is being written by another Tawsim window or process and did not "
        "become free within {seconds:.0f} seconds; nothing was changed, try again",
        name=path.name,
        seconds=BUSY_TIMEOUT_S,
    )


def create_project_file(path: Path, populate: Callable[[Connection], None]) -> None:
    """Write a new project to `path` atomically: built in a temporary file, then renamed.

    Refuses to replace an existing file.
    """
    path = Path(path)
    if path.exists():
        raise ProjectError(_exists_message(path))
    directory = path.parent
    if not directory.is_dir():
        raise ProjectError(Message("{path}: no such folder", path=str(directory)))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".creating", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    engine = make_engine(tmp)
    try:
        try:
            connection = engine.connect().execution_options(tawsim_begin="IMMEDIATE")
            with connection as conn, conn.begin():
                create_schema(conn)
                populate(conn)
        except DBAPIError as err:
            if is_full_error(err):
                raise ProjectError(
                    f"{path}: cannot be written (the disk is full); nothing was written"
                ) from None
            raise
        engine.dispose()  # checkpoints the WAL into the file
        _flushed(tmp, path)
        try:
            os.link(tmp, path)  # fails instead of replacing a file created meanwhile
        except FileExistsError:
            raise ProjectError(_exists_message(path)) from None
        except OSError:
            if path.exists():
                raise ProjectError(_exists_message(path)) from None
            os.replace(tmp, path)
        _flushed(directory, path)
    finally:
        engine.dispose()
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)


def _flushed(what: Path, project: Path) -> None:
    """`what` (the new file, or then its folder) flushed to disk; a failure is said of the
    project."""
    try:
        fsync_path(what)
    except OSError as err:
        reason = err.strerror or err
        if what.is_dir():
            raise ProjectError(
                f"{project}: written, but its folder cannot be flushed to disk ({reason})"
            ) from None
        raise ProjectError(
            f"{project}: cannot be flushed to disk ({reason}); nothing was written"
        ) from None


def _exists_message(path: Path) -> Message:
    return Message("{path} already exists; choose another name", path=str(path))


def backup_path_for(path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.format{version}-backup-{stamp}{PROJECT_SUFFIX}")


def open_project_engine(path: Path, access: str = READ_WRITE) -> Engine:
    """Check `path` is a Tawsim project we can read, upgrade it if older (when opened for
    writing), return its engine. Read-only access never writes, converts or upgrades."""
    path = Path(path)
    application_id, version = read_header(path)
    if application_id != APPLICATION_ID:
        raise NotAProject(
            Message(
                "{path} is an SQLite database of another program, not a Tawsim project; "
                "it was not changed",
                path=str(path),
            )
        )
    if version > SCHEMA_VERSION:
        raise ProjectTooNew(_too_new_message(path, version))
    if access == READ_WRITE:
        _check_writable(path)
    elif access == READ_ONLY and not os.access(path.parent, os.W_OK):
        access = IMMUTABLE  # SQLite cannot make the shared-memory file a reader needs here
    engine = make_engine(path, access)
    try:
        with engine.connect() as conn:
            # the WAL may hold a newer header than the file: ask SQLite itself
            version = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
            if version > SCHEMA_VERSION:
                raise ProjectTooNew(_too_new_message(path, version))
            conn.exec_driver_sql("SELECT count(*) FROM meta").scalar_one()
            conn.rollback()
        if version < SCHEMA_VERSION:
            if access != READ_WRITE:
                raise ProjectError(
                    Message(
                        "{path} was saved by an older version of Tawsim (project format "
                        "{version}) and needs upgrading, which reading it does not do; open it "
                        "in Tawsim once (it is backed up, then upgraded)",
                        path=str(path),
                        version=version,
                    )
                )
            _upgrade_with_backup(path, engine, version)
    except ProjectError:
        engine.dispose()
        raise
    except DBAPIError as err:
        engine.dispose()
        if is_busy_error(err):
            raise ProjectBusy(busy_message(path)) from None
        if is_full_error(err):
            raise ProjectError(full_message(path)) from None
        raise ProjectCorrupt(corrupt_message(path, err.orig)) from None
    return engine


def _check_writable(path: Path) -> None:
    if not os.access(path, os.W_OK):
        raise ProjectError(
            Message(
                "{path} is read-only; Tawsim saves every change, so it needs write access "
                "(commands that only read, such as stats and export, open it as it is)",
                path=str(path),
            )
        )
    if not os.access(path.parent, os.W_OK):
        raise ProjectError(
            Message(
                "the folder {folder} is read-only, and Tawsim keeps its journal "
                "({name}-wal) beside the project while it is open; copy the project to "
                "a folder you can write in (commands that only read, such as stats and "
                "export, open it as it is)",
                folder=str(path.parent),
                name=path.name,
            )
        )


def _too_new_message(path: Path, version: int) -> str:
    return Message(
        "{path} was saved by a newer version of Tawsim (project format {version}; this "
        "version reads formats up to {supported}). Update Tawsim to open it; the "
        "file was not changed.",
        path=str(path),
        version=version,
        supported=SCHEMA_VERSION,
    )


def _upgrade_with_backup(path: Path, engine: Engine, version: int) -> None:
    """Back up and upgrade a file of an older format, holding the write lock throughout.

    The version is read again under the lock: another process opening the same file at
    the same moment may have upgraded it already, and its steps must not run twice."""
    with engine.connect().execution_options(tawsim_begin="IMMEDIATE") as conn, conn.begin():
        version = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
        if version >= SCHEMA_VERSION:
            return
        _write_backup(path, version)
        upgrade(conn, version)
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )


def _write_backup(path: Path, version: int) -> None:
    backup = backup_path_for(path, version)
    source = sqlite3.connect(path)
    try:
        target = sqlite3.connect(backup)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as err:
        backup.unlink(missing_ok=True)
        raise ProjectError(
            Message(
                "{path} needs upgrading, but the backup copy {backup} could not be written "
                "({reason}); nothing was changed",
                path=str(path),
                backup=backup.name,
                reason=str(err),
            )
        ) from None
    finally:
        source.close()
