"""Transactions that remember how to undo themselves.

Every change an operation makes goes through a `Txn`: insert, update and
delete record the row before and after. One database transaction is one undo
step (Anki's `transact`): undo replays the records backwards in a new
transaction, redo replays them forwards. Before touching a row, replay checks
that it still is what the step left behind; if something else changed it (for
instance another process), the step is refused with UndoConflict instead of
overwriting that work.

Database-side cascades are not journaled, so operations delete dependent rows
themselves, through the Txn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlmodel import SQLModel

from core.project.changes import Changes
from models.tables import table_of


class UndoConflict(Exception):
    """The rows an undo or redo step would touch were changed by something else."""


@dataclass(frozen=True, slots=True)
class Record:
    op: str  # "insert", "update" or "delete"
    table: str
    key: tuple[Any, ...]  # primary-key values
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass
class UndoStep:
    name: str
    records: list[Record]
    changes: Changes


def _table(model: type[SQLModel] | Table) -> Table:
    return model if isinstance(model, Table) else table_of(model)


def _pk_columns(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _complete(model: type[SQLModel] | Table, values: dict[str, Any]) -> dict[str, Any]:
    """Fill in the Python-side defaults a SQLModel class declares."""
    return {**_defaults(model), **values}


def _defaults(model: type[SQLModel] | Table) -> dict[str, Any]:
    """The Python-side defaults a SQLModel class declares (its factories called once)."""
    if isinstance(model, Table):
        return {}
    defaults = {}
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            defaults[name] = info.default_factory()  # type: ignore[call-arg]
        elif info.default is not PydanticUndefined:
            defaults[name] = info.default
    return defaults


def _where_key(table: Table, key: tuple[Any, ...]) -> ColumnElement[bool]:
    cols = _pk_columns(table)
    return and_(*(table.c[c] == v for c, v in zip(cols, key, strict=True)))


class Txn:
    """One write transaction: change rows through it so the change can be undone.

    `journal=False`: rows added with `insert_many` are neither recorded nor named in the
    change set's rows. For a one-shot command's bulk import, which nobody undoes or
    redraws from, and whose every row the journal would otherwise hold in memory."""

    def __init__(self, conn: Connection, tables: dict[str, Table], journal: bool = True):
        self.conn = conn
        self.changes = Changes()
        self.records: list[Record] = []
        self.journal = journal
        self._tables = tables

    # --- writing ---------------------------------------------------------

    # `model` and `key` are positional-only so that tables may have columns of those names
    # (label.key, event_role.key).

    def insert(self, model: type[SQLModel] | Table, /, **values: Any) -> Any:
        """Insert one row; return its primary key (the id for single-column keys)."""
        table = _table(model)
        row = _complete(model, values)
        cols = _pk_columns(table)
        generated = len(cols) == 1 and row.get(cols[0]) is None
        if generated:
            del row[cols[0]]  # the database gives it (an explicit NULL is refused there)
        result = self.conn.execute(insert(table).values(**row))
        if generated:
            (row[cols[0]],) = result.inserted_primary_key or (None,)
        key = tuple(row[c] for c in cols)
        self.records.append(Record("insert", table.name, key, None, row))
        self._touched(table, key)
        return key[0] if len(key) == 1 else key

    def insert_many(self, model: type[SQLModel] | Table, rows: list[dict[str, Any]]) -> list[int]:
        """Insert rows in one statement, under ids allocated first (`allocate_ids`)."""
        if not rows:
            return []
        table = _table(model)
        (pk,) = _pk_columns(table)
        ids = self.allocate_ids(table, len(rows))
        defaults = _defaults(model)  # one statement: one time for every row
        completed = []
        for new_id, values in zip(ids, rows, strict=True):
            row = {**defaults, **values}
            row[pk] = new_id
            completed.append(row)
        self.conn.execute(insert(table), completed)
        if self.journal:
            self.records.extend(Record("insert", table.name, (r[pk],), None, r) for r in completed)
            self.changes.rows.setdefault(table.name, set()).update(r[pk] for r in completed)
        return ids

    def allocate_ids(self, model: type[SQLModel] | Table, count: int) -> list[int]:
        """`count` ids no row has had: from the table's sequence on a server (others
        insert at the same time); past the highest ever used in a file, whose write lock
        this transaction holds."""
        table = _table(model)
        (pk,) = _pk_columns(table)
        if self.conn.dialect.name == "postgresql":
            sequence = func.pg_get_serial_sequence(table.name, pk)
            numbers = select(func.nextval(sequence)).select_from(func.generate_series(1, count))
            return list(self.conn.execute(numbers).scalars())
        highest = self.conn.execute(select(func.max(table.c[pk]))).scalar() or 0
        if table.kwargs.get("sqlite_autoincrement"):
            seq = self.conn.execute(
                text("SELECT seq FROM sqlite_sequence WHERE name = :name"), {"name": table.name}
            ).scalar()
            highest = max(highest, seq or 0)
        return list(range(highest + 1, highest + 1 + count))

    def update(self, model: type[SQLModel] | Table, key: Any, /, **values: Any) -> None:
        table = _table(model)
        key = key if isinstance(key, tuple) else (key,)
        current = self._fetch(table, key)
        if current is None:
            raise LookupError(f"{table.name} {key} does not exist")
        before = {k: current[k] for k in values}
        if before == values:
            return
        self.conn.execute(update(table).where(_where_key(table, key)).values(**values))
        self.records.append(Record("update", table.name, key, before, dict(values)))
        self._touched(table, key)

    def delete(self, model: type[SQLModel] | Table, key: Any) -> dict[str, Any]:
        """Delete one row; return it as it was."""
        table = _table(model)
        key = key if isinstance(key, tuple) else (key,)
        current = self._fetch(table, key)
        if current is None:
            raise LookupError(f"{table.name} {key} does not exist")
        self.conn.execute(delete(table).where(_where_key(table, key)))
        self.records.append(Record("delete", table.name, key, current, None))
        self._touched(table, key)
        return current

    def _touched(self, table: Table, key: tuple[Any, ...]) -> None:
        self.changes.rows.setdefault(table.name, set()).add(key[0] if len(key) == 1 else key)

    def _fetch(
        self, table: Table, key: tuple[Any, ...], lock: bool = False
    ) -> dict[str, Any] | None:
        """The row as it is now; `lock`: held until the transaction ends, so nobody changes
        it between this check and the write (on a server; a file's write lock does that)."""
        query = select(table).where(_where_key(table, key))
        if lock:
            query = query.with_for_update()
        row = self.conn.execute(query).mappings().first()
        return dict(row) if row is not None else None

    # --- replay ----------------------------------------------------------

    def replay(self, records: list[Record], backwards: bool) -> None:
        """Undo (backwards) or redo (forwards) `records`, checking each row first."""
        for rec in reversed(records) if backwards else records:
            table = self._tables[rec.table]
            op = rec.op
            if backwards:
                op = {"insert": "delete", "delete": "insert", "update": "update"}[op]
                expect, target = rec.after, rec.before
            else:
                expect, target = rec.before, rec.after
            current = self._fetch(table, rec.key, lock=True)
            # an insert record has no row before it, a delete none after
            expect, target = expect or {}, target or {}
            if op == "insert":
                if current is not None:
                    raise UndoConflict(f"{rec.table} {rec.key} exists again")
                self.conn.execute(insert(table).values(**target))
            elif op == "delete":
                if current is None or any(current[k] != v for k, v in expect.items()):
                    raise UndoConflict(f"{rec.table} {rec.key} was changed elsewhere")
                self.conn.execute(delete(table).where(_where_key(table, rec.key)))
            else:
                if current is None or any(current[k] != v for k, v in expect.items()):
                    raise UndoConflict(f"{rec.table} {rec.key} was changed elsewhere")
                self.conn.execute(update(table).where(_where_key(table, rec.key)).values(**target))


@dataclass
class UndoStack:
    """The session's undo history (not saved: the database holds the work itself)."""

    limit: int = 500
    undo_steps: list[UndoStep] = field(default_factory=list)
    redo_steps: list[UndoStep] = field(default_factory=list)

    def push(self, step: UndoStep) -> None:
        self.undo_steps.append(step)
        del self.undo_steps[: -self.limit]
        self.redo_steps.clear()

    @property
    def undo_name(self) -> str | None:
        return self.undo_steps[-1].name if self.undo_steps else None

    @property
    def redo_name(self) -> str | None:
        return self.redo_steps[-1].name if self.redo_steps else None

    def clear(self) -> None:
        self.undo_steps.clear()
        self.redo_steps.clear()
