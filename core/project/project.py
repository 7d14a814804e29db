"""An open project: its database, schema snapshot, settings and undo history.

Reading: `with project.read() as conn:`. Writing: `with project.write("Add ORG")
as tx:` — one IMMEDIATE transaction, committed when the block ends, and (when
named) one undo step. Operations elsewhere in `core` are functions taking the
project and returning an `OpResult` whose `changes` the UI redraws from.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from sqlalchemy import Connection, Engine, Table, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from core.project.changes import Changes
from core.project.errors import OperationError
from core.project.journal import Txn, UndoConflict, UndoStack, UndoStep
from core.schema.model import (
    DEFAULT_PRESET,
    ProjectSchema,
    install_schema,
    load_preset,
    load_schema,
)
from core.version import APP_VERSION
from models.db import (
    PROJECT_SUFFIX,
    READ_ONLY,
    READ_WRITE,
    ProjectBusy,
    ProjectCorrupt,
    ProjectError,
    busy_message,
    corrupt_message,
    create_project_file,
    full_message,
    is_busy_error,
    is_corrupt_error,
    is_full_error,
    open_project_engine,
)
from models.errors import FOREIGN_KEY, UNIQUE, error_detail, integrity_kind
from models.messages import Message
from models.migrations import SCHEMA_VERSION
from models.tables import Meta, Setting, table_of, utc_now

if TYPE_CHECKING:
    from models.server.engine import ServerAddress

T = TypeVar("T")

# Ids or keys per statement in `col.in_(batch)` queries: well under SQLite's limit on a
# statement's parameters (999 in older builds), and few statements for large reads.
SQL_BATCH = 500


def in_batches(values: Sequence[T], size: int = SQL_BATCH) -> Iterator[Sequence[T]]:
    """`values` in slices of at most `size`, for queries with an IN list."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


DEFAULT_SETTINGS: dict[str, Any] = {
    "name": "",
    "clitic_rule": "standard",  # see core.text.clitics
    "fold_teh_marbuta": True,
    "schema_revision": 1,
}


def project_populator(
    name: str, schema: dict[str, Any] | None, settings: dict[str, Any] | None
) -> Callable[[Connection], None]:
    """What a new project starts with (identity, settings, annotation schema), written on
    the connection that creates it: a new file, or a team project's new database."""
    schema_data = schema if schema is not None else load_preset(DEFAULT_PRESET)
    values = {**DEFAULT_SETTINGS, "name": name, **(settings or {})}

    def populate(conn: Connection) -> None:
        meta = {
            "format": "tawsim-project",
            "schema_version": str(SCHEMA_VERSION),
            "project_id": str(uuid.uuid4()),
            "created_at": utc_now(),
            "created_by_version": APP_VERSION,
        }
        conn.execute(table_of(Meta).insert(), [{"key": k, "value": v} for k, v in meta.items()])
        conn.execute(
            table_of(Setting).insert(),
            [{"key": k, "value": json.dumps(v, ensure_ascii=False)} for k, v in values.items()],
        )
        install_schema(conn, schema_data)

    return populate


class Project:
    """A project file (SQLite). A team project on a server is a ServerProject
    (core.project.server): the same API, so every operation runs on both."""

    def __init__(self, path: Path, engine: Engine, *, read_only: bool = False):
        self.path = Path(path)
        self.engine = engine
        self.read_only = read_only
        self._verified = False  # checked before its first write (see verify)
        self.undo_stack = UndoStack()
        self._schema: ProjectSchema | None = None
        self._tables: dict[str, Table] = {}
        from sqlmodel import SQLModel

        for table in SQLModel.metadata.sorted_tables:
            self._tables[table.name] = table

    # --- lifecycle ---------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: str | Path,
        *,
        name: str | None = None,
        schema: dict[str, Any] | None = None,
        settings: dict[str, Any] | None = None,
    ) -> Project:
        """Create a new project file (refuses an existing file) and open it."""
        path = Path(path)
        if path.suffix != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        create_project_file(path, project_populator(name or path.stem, schema, settings))
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Project:
        """Open a project; `read_only`: never write to the file (commands that only read,
        files received from others), not even to upgrade or to switch its journal."""
        path = Path(path)
        engine = open_project_engine(path, READ_ONLY if read_only else READ_WRITE)
        return cls(path, engine, read_only=read_only)

    @staticmethod
    def open_location(
        location: str | Path, *, read_only: bool = False, password: str | None = None
    ) -> Project:
        """A project file, or a team project when `location` is a postgresql:// URL."""
        from core.project.server import ServerProject, is_server_url

        if isinstance(location, str) and is_server_url(location):
            return ServerProject.connect(location, password=password, read_only=read_only)
        return Project.open(location, read_only=read_only)

    @property
    def location(self) -> str:
        """Where the project is, as shown to people: a file's path, a team project's
        user@host:port/database."""
        return str(self.path)

    @property
    def team(self) -> ServerAddress | None:
        """The team project's address; None for a project file."""
        return None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions --------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A consistent read-only view (one snapshot)."""
        try:
            with self.engine.connect().execution_options(**self._read_options) as conn:
                conn.begin()
                try:
                    yield conn
                finally:
                    conn.rollback()
        except DBAPIError as err:
            raise self._project_error(err) from None

    @contextmanager
    def write(self, name: str | None = None, *, journal: bool = True) -> Iterator[Txn]:
        """One write transaction; with a `name` it becomes one undo step.

        If the block raises, nothing is written and no undo step is recorded.
        `journal=False` (a one-shot command's bulk import, see Txn) cannot be undone, so it
        takes no name.
        """
        if name and not journal:
            raise ValueError("a transaction without a journal cannot be an undo step")
        if self.read_only:
            raise OperationError(
                Message("{name} was opened read-only; nothing was changed", name=self.path.name)
            )
        if not self._verified:
            self.verify()
        try:
            conn = self.engine.connect().execution_options(**self._write_options)
            with conn, conn.begin():
                self._write_began(conn)
                tx = Txn(conn, self._tables, journal)
                yield tx
                self._write_ending(tx)
        except DBAPIError as err:
            if isinstance(err, IntegrityError):
                raise OperationError(integrity_message(err)) from None
            raise self._project_error(err) from None
        if tx.changes.schema:
            self._schema = None
        if name and tx.records:
            self.undo_stack.push(UndoStep(name, tx.records, tx.changes))

    # SQLite: a deferred transaction is one snapshot; BEGIN IMMEDIATE takes the write lock
    # first, so writers queue (models.db)
    _read_options: ClassVar[dict[str, Any]] = {}
    _write_options: ClassVar[dict[str, Any]] = {"tawsim_begin": "IMMEDIATE"}

    def _write_began(self, conn: Connection) -> None:
        """Called first in every write transaction."""

    def _write_ending(self, tx: Txn) -> None:
        """Called last in every write transaction that did not fail, before the commit."""

    def verify(self) -> None:
        """Refuse to write into a damaged file: SQLite's quick check of every page and
        the tables and triggers Tawsim relies on (see core.project.doctor for the full
        check). Done once, before the first write after opening."""
        from core.project.doctor import quick_problems

        with self.read() as conn:
            problems = quick_problems(conn)
        if problems:
            raise ProjectCorrupt(corrupt_message(self.path, "; ".join(problems[:3])))
        self._verified = True

    def _project_error(self, err: DBAPIError) -> Exception:
        if is_busy_error(err):
            return ProjectBusy(busy_message(self.path))
        if is_corrupt_error(err):
            return ProjectCorrupt(corrupt_message(self.path, err.orig))
        if is_full_error(err):
            return ProjectError(full_message(self.path))
        return err

    # --- undo ----------------------------------------------------------------

    @property
    def undo_name(self) -> str | None:
        return self.undo_stack.undo_name

    @property
    def redo_name(self) -> str | None:
        return self.undo_stack.redo_name

    def undo(self) -> Changes:
        return self._replay(self.undo_stack.undo_steps, self.undo_stack.redo_steps, True)

    def redo(self) -> Changes:
        return self._replay(self.undo_stack.redo_steps, self.undo_stack.undo_steps, False)

    def _replay(self, source: list[UndoStep], target: list[UndoStep], backwards: bool) -> Changes:
        if not source:
            return Changes()
        step = source[-1]
        try:
            with self.write() as tx:
                tx.replay(step.records, backwards)
                tx.changes.merge(step.changes.reversed() if backwards else step.changes)
        except (UndoConflict, OperationError) as err:
            self.undo_stack.clear()
            detail = err.args[0] if err.args else ""
            if backwards:
                message = Message(
                    "Cannot undo “{step}”: the annotations were changed elsewhere since "
                    "({detail}). The undo history was cleared; nothing was lost.",
                    step=step.name,
                    detail=detail,
                )
            else:
                message = Message(
                    "Cannot redo “{step}”: the annotations were changed elsewhere since "
                    "({detail}). The undo history was cleared; nothing was lost.",
                    step=step.name,
                    detail=detail,
                )
            raise UndoConflict(message) from None
        source.pop()
        target.append(step)
        if step.changes.schema:
            self._schema = None
        return step.changes.reversed() if backwards else step.changes

    # --- schema and settings -------------------------------------------------

    @property
    def schema(self) -> ProjectSchema:
        if self._schema is None:
            with self.read() as conn:
                self._schema = load_schema(conn)
        return self._schema

    def invalidate(self, changes: Changes) -> None:
        """Forget cached state another process may have changed."""
        if changes.schema:
            self._schema = None

    def settings(self) -> dict[str, Any]:
        with self.read() as conn:
            rows = conn.execute(select(Setting.key, Setting.value)).all()
        values = dict(DEFAULT_SETTINGS)
        values.update({key: json.loads(value) for key, value in rows})
        return values

    def setting(self, key: str) -> Any:
        return self.settings()[key]

    def meta(self) -> dict[str, str]:
        with self.read() as conn:
            return dict(conn.execute(select(Meta.key, Meta.value)).all())

    @property
    def name(self) -> str:
        return self.setting("name") or self.path.stem


def set_setting(tx: Txn, key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False)
    exists = tx.conn.execute(select(Setting.key).where(Setting.key == key)).first()
    if exists:
        tx.update(Setting, key, value=encoded)
    else:
        tx.insert(Setting, key=key, value=encoded)
    tx.changes.settings = True


def integrity_message(err: IntegrityError) -> str:
    """A refused write in words: a duplicate, a dangling reference, or a rule of the
    database's own (a CHECK or a trigger), whose message is shown as it is."""
    kind = integrity_kind(err)
    detail = error_detail(err)
    if kind == UNIQUE:
        return Message("this already exists ({detail})", detail=detail)
    if kind == FOREIGN_KEY:
        return Message("it refers to something that no longer exists")
    return detail


__all__ = [
    "PROJECT_SUFFIX",
    "SQL_BATCH",
    "Project",
    "in_batches",
    "integrity_message",
    "project_populator",
    "set_setting",
]
