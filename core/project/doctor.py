"""Checking a project file, and rescuing what is readable from a damaged one.

Three levels, from cheap to thorough:
- `quick_problems(conn)`: SQLite's `quick_check` of every page, and the tables and
  triggers Tawsim relies on. Run before the first write after a project is opened
  (core.project.project), so a damaged file is refused before anything is written.
- `check_project(path)`: the `doctor` command and Help > Check project. The full
  `integrity_check`, the foreign keys, and Tawsim's own rules: spans inside their
  documents, one gold set per document, arguments and stances pointing at spans of
  their own set, the schema revision and format version recorded consistently.
- `rescue_project(path, out)`: a new file holding what can be read. SQLite's
  `VACUUM INTO` copies a file whose pages all read; otherwise rows are salvaged table
  by table (a damaged stretch is skipped row by row), rows that lost what they refer
  to are dropped, and the report says what was saved and lost per table.
The file checked or rescued is only ever read.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection
from sqlmodel import SQLModel

from core.project.errors import OperationError
from models.db import IMMUTABLE, PROJECT_SUFFIX, READ_ONLY, make_engine, read_header, sqlite_uri
from models.fsync import fsync_path
from models.messages import Message
from models.migrations import APPLICATION_ID, create_schema, expected_objects

_SHOWN = 20  # problems listed per check; the rest are counted


def quick_problems(conn: Connection) -> list[str]:
    """What makes the file unfit for writing, cheaply found ([] when none)."""
    problems = [
        f"SQLite: {line}"
        for (line,) in conn.exec_driver_sql("PRAGMA quick_check(20)").fetchall()
        if line != "ok"
    ]
    present = set(conn.exec_driver_sql("SELECT type, name FROM sqlite_master").fetchall())
    for kind, names in expected_objects().items():
        missing = sorted(name for name in names if (kind, name) not in present)
        if missing:
            problems.append(f"{kind}s missing: {', '.join(missing)}")
    return problems


@dataclass
class CheckReport:
    path: Path
    damage: list[str] = field(default_factory=list)  # pages SQLite cannot read or trust
    problems: list[str] = field(default_factory=list)  # rules of Tawsim's broken
    rows: dict[str, int] = field(default_factory=dict)  # rows per table, where countable

    @property
    def sound(self) -> bool:
        return not self.damage and not self.problems

    def summary(self) -> str:
        if self.sound:
            total = sum(self.rows.values())
            return f"{self.path}: no problem found ({total:,} rows in {len(self.rows)} tables)"
        parts = []
        if self.damage:
            parts.append(f"damaged ({len(self.damage)} finding(s) of SQLite's integrity check)")
        if self.problems:
            parts.append(f"{len(self.problems)} problem(s) with Tawsim's rules")
        way_out = (
            f"; rescue what is readable with `python main.py doctor --project {self.path} "
            "--rescue NEW.tawsim`"
            if self.damage
            else ""
        )
        return f"{self.path}: " + ", ".join(parts) + way_out


def check_project(path: str | Path) -> CheckReport:
    """Check a project file thoroughly without writing to it."""
    path = Path(path)
    _check_is_project(path)
    report = CheckReport(path)
    with _reading(path) as raw:
        report.damage = _integrity(raw)
        report.rows = _row_counts(raw, report.damage)
        try:
            report.problems = _rule_problems(raw)
        except sqlite3.DatabaseError as err:
            report.damage.append(f"the rules could not be checked: {err}")
    return report


def _integrity(raw: sqlite3.Connection) -> list[str]:
    try:
        lines = [line for (line,) in raw.execute("PRAGMA integrity_check(100)") if line != "ok"]
    except sqlite3.DatabaseError as err:
        return [str(err)]
    try:
        violations = raw.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as err:
        return [*lines, f"foreign keys could not be checked: {err}"]
    lines += [
        f"{table} row {rowid} refers to a missing {parent} row"
        for table, rowid, parent, _ in violations
    ]
    return lines


def _row_counts(raw: sqlite3.Connection, damage: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(expected_objects()["table"]):
        try:
            counts[table] = raw.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        except sqlite3.DatabaseError as err:
            damage.append(f"{table}: cannot be read whole ({err})")
    return counts


# (what is wrong, SQL counting the rows concerned); each names rows breaking one rule
_RULES = (
    (
        "entity spans end beyond their document",
        "SELECT count(*) FROM entity_span e JOIN annotation_set s ON s.id = e.set_id "
        'JOIN document d ON d.id = s.document_id WHERE e."end" > d.length',
    ),
    (
        "event triggers end beyond their document",
        "SELECT count(*) FROM event_mention m JOIN annotation_set s ON s.id = m.set_id "
        'JOIN document d ON d.id = s.document_id WHERE m."end" > d.length',
    ),
    (
        "excluded regions end beyond their document",
        "SELECT count(*) FROM excluded_region r JOIN document d ON d.id = r.document_id "
        'WHERE r."end" > d.length',
    ),
    (
        "documents with more than one gold set",
        "SELECT count(*) FROM (SELECT document_id FROM annotation_set "
        "WHERE annotator_id IS NULL GROUP BY document_id HAVING count(*) > 1)",
    ),
    (
        "event arguments pointing at a span of another set",
        "SELECT count(*) FROM event_argument a JOIN event_mention m ON m.id = a.event_id "
        "JOIN entity_span e ON e.id = a.span_id WHERE e.set_id != m.set_id",
    ),
    (
        "stances whose holder or target is a span of another set",
        "SELECT count(*) FROM stance t JOIN entity_span e "
        "ON e.id IN (t.holder_span_id, t.target_span_id) WHERE e.set_id != t.set_id",
    ),
    (
        "document lengths that differ from their text",
        "SELECT count(*) FROM document WHERE length != length(text)",
    ),
)


def _rule_problems(raw: sqlite3.Connection) -> list[str]:
    problems = []
    for what, sql in _RULES:
        count = raw.execute(sql).fetchone()[0]
        if count:
            problems.append(f"{count:,} {what}")
    version = raw.execute("PRAGMA user_version").fetchone()[0]
    meta = dict(raw.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("schema_version") != str(version):
        problems.append(
            f"the format version is {version} in the header but "
            f"{meta.get('schema_version')!r} in the meta table"
        )
    stored = raw.execute("SELECT value FROM setting WHERE key = 'schema_revision'").fetchone()
    try:
        revision = json.loads(stored[0]) if stored else 1
    except ValueError:
        revision = None
    if not isinstance(revision, int) or revision < 1:
        problems.append(f"the schema revision setting is not a positive number ({stored})")
    return problems


# --- rescue ---------------------------------------------------------------------------------


@dataclass
class TableRescue:
    table: str
    readable: int  # rows read from the damaged file
    saved: int  # rows in the rescued file

    @property
    def lost(self) -> int:
        return self.readable - self.saved


@dataclass
class RescueReport:
    source: Path
    target: Path
    method: str  # "copy": every page read; "salvage": row by row
    tables: list[TableRescue] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # stretches that could not be read

    def summary(self) -> str:
        saved = sum(t.saved for t in self.tables)
        lines = [f"rescued {saved:,} rows of {self.source} into {self.target} ({self.method})"]
        for table in self.tables:
            if table.lost:
                lines.append(
                    f"  {table.table}: {table.saved:,} saved, {table.lost:,} dropped "
                    "(they referred to rows that were lost, or broke a rule)"
                )
        lines += [f"  not readable: {what}" for what in self.unreadable[:_SHOWN]]
        if len(self.unreadable) > _SHOWN:
            lines.append(f"  … and {len(self.unreadable) - _SHOWN} more stretches")
        return "\n".join(lines)


# Parents before children, so rows are copied in an order foreign keys accept.
_TABLE_ORDER = (
    "meta",
    "setting",
    "layer",
    "label",
    "event_role",
    "role_allowed_label",
    "document",
    "annotator",
    "annotation_set",
    "entity_span",
    "event_mention",
    "event_argument",
    "stance",
    "stance_evidence",
    "excluded_region",
    "curation_decision",
    "token_layer",
    "suggestion",
    "suggestion_decision",
    "assignment",
)


def rescue_project(path: str | Path, out: str | Path) -> RescueReport:
    """Write what can be read of the project at `path` into a new project `out`."""
    path, out = Path(path), Path(out)
    if out.suffix != PROJECT_SUFFIX:
        out = out.with_name(out.name + PROJECT_SUFFIX)
    if out.exists():
        raise OperationError(
            Message(
                "{path} already exists; choose another name for the rescued copy", path=str(out)
            )
        )
    if not out.parent.is_dir():
        raise OperationError(Message("{path}: no such folder", path=str(out.parent)))
    _check_is_project(path)
    fd, name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".rescuing", dir=out.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()
    try:
        report = _copy_whole(path, out, tmp) or _salvage(path, out, tmp)
        fsync_path(tmp)
        os.replace(tmp, out)
        fsync_path(out.parent)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
    return report


def _copy_whole(path: Path, out: Path, tmp: Path) -> RescueReport | None:
    """SQLite's own copy, when every page reads and checks out; else None."""
    try:
        with _reading(path) as raw:
            if _integrity(raw):
                return None
            raw.execute("VACUUM INTO ?", (str(tmp),))
            counts = _row_counts(raw, [])
    except sqlite3.DatabaseError:
        tmp.unlink(missing_ok=True)
        return None
    tables = [TableRescue(t, n, n) for t, n in counts.items()]
    return RescueReport(path, out, "copy", tables)


def _salvage(path: Path, out: Path, tmp: Path) -> RescueReport:
    report = RescueReport(path, out, "salvage")
    _create_empty(tmp)
    target = sqlite3.connect(tmp, isolation_level=None)
    try:
        target.execute("BEGIN")
        readable: dict[str, int] = {}
        with _reading(path) as raw:
            for table in _TABLE_ORDER:
                rows = list(_readable_rows(raw, table, report.unreadable))
                readable[table] = len(rows)
                _insert_valid(target, table, rows)
        _drop_orphans(target)
        for table in _TABLE_ORDER:
            saved = target.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            report.tables.append(TableRescue(table, readable[table], saved))
        target.execute("COMMIT")
    finally:
        target.close()
    return report


def _create_empty(tmp: Path) -> None:
    """A new file with the current schema and no rows."""
    engine = make_engine(tmp)
    try:
        with engine.connect().execution_options(tawsim_begin="IMMEDIATE") as conn, conn.begin():
            create_schema(conn)
    finally:
        engine.dispose()


def _readable_rows(
    raw: sqlite3.Connection, table: str, unreadable: list[str]
) -> Iterator[tuple[object, ...]]:
    """The rows of `table` that can be read, in rowid order; a stretch that fails is read
    again a row at a time, and what still fails is noted in `unreadable`."""
    try:
        columns = [row[1] for row in raw.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError as err:
        unreadable.append(f"{table}: its definition ({err})")
        return
    if not columns:
        unreadable.append(f"{table}: missing")
        return
    quoted = ", ".join(f'"{column}"' for column in columns)
    select = f'SELECT rowid, {quoted} FROM "{table}"'
    last = 0
    highest = _highest_rowid(raw, table)
    while True:
        try:
            cursor = raw.execute(f"{select} WHERE rowid > ? ORDER BY rowid", (last,))
            for row in cursor:
                last = row[0]
                yield row[1:]
            return
        except sqlite3.DatabaseError:
            pass  # a damaged page: step over it a row at a time
        probe, misses = last + 1, 0
        while probe <= highest and misses < 1:
            try:
                row = raw.execute(f"{select} WHERE rowid = ?", (probe,)).fetchone()
            except sqlite3.DatabaseError as err:
                unreadable.append(f"{table} row {probe} ({err})")
            else:
                if row is not None:
                    yield row[1:]
                    misses += 1
            last = probe
            probe += 1
        if probe > highest:
            return


def _highest_rowid(raw: sqlite3.Connection, table: str) -> int:
    """The largest rowid the table may hold, from what still reads."""
    candidates = [0]
    for sql in (
        f'SELECT max(rowid) FROM "{table}"',
        f"SELECT seq FROM sqlite_sequence WHERE name = '{table}'",
    ):
        try:
            found = raw.execute(sql).fetchone()
        except sqlite3.DatabaseError:
            continue
        if found and found[0] is not None:
            candidates.append(int(found[0]))
    return max(candidates)


def _insert_valid(target: sqlite3.Connection, table: str, rows: list[tuple[object, ...]]) -> None:
    """Insert the rows one by one; a row the new file's checks or triggers refuse is left
    out (the report counts it as dropped)."""
    if not rows:
        return
    marks = ", ".join("?" * len(rows[0]))
    target.execute("PRAGMA foreign_keys = OFF")
    for row in rows:
        try:
            target.execute(f'INSERT INTO "{table}" VALUES ({marks})', row)
        except sqlite3.DatabaseError:
            continue
    if _autoincremented(table):
        # keep AUTOINCREMENT from reusing the ids of rows that were lost
        target.execute(
            "INSERT OR REPLACE INTO sqlite_sequence(name, seq) "
            f"SELECT '{table}', max(id) FROM \"{table}\" WHERE id IS NOT NULL"
        )


def _autoincremented(table: str) -> bool:
    return bool(SQLModel.metadata.tables[table].kwargs.get("sqlite_autoincrement"))


def _drop_orphans(target: sqlite3.Connection) -> None:
    """Delete rows that refer to rows that were not saved, children first, until none do."""
    while True:
        violations = target.execute("PRAGMA foreign_key_check").fetchall()
        if not violations:
            return
        for table, rowid, _parent, _index in violations:
            target.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))


def _check_is_project(path: Path) -> None:
    application_id, _ = read_header(path)
    if application_id != APPLICATION_ID:
        raise OperationError(
            Message("{path} is not a Tawsim project; it was not read further", path=str(path))
        )


class _reading:
    """A raw connection that can only read `path`: read-only, so what a window that has
    the project open wrote to its journal is seen too (immutable, without a lock or
    journal file, where the folder cannot be written)."""

    def __init__(self, path: Path):
        access = READ_ONLY if os.access(path.parent, os.W_OK) else IMMUTABLE
        self.raw = sqlite3.connect(sqlite_uri(path, access), uri=True)

    def __enter__(self) -> sqlite3.Connection:
        return self.raw

    def __exit__(self, *exc: object) -> None:
        self.raw.close()


__all__ = ["CheckReport", "RescueReport", "check_project", "quick_problems", "rescue_project"]
