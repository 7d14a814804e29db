"""Creating the current schema, and upgrading files written by older versions.

The format version lives in SQLite's `user_version` header field (and the
`meta` table); `application_id` marks the file as a Tawsim project so another
program's database is never mistaken for one.

New files get the current schema directly. An older file is upgraded by the
steps in MIGRATIONS, one version at a time, in one transaction, after a backup
copy has been written next to it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection
from sqlmodel import SQLModel

from models import tables

APPLICATION_ID = 0x5457534D  # "TWSM"
SCHEMA_VERSION = 2

# Each step's SQL is written out, not derived from models.tables: a step must keep
# producing the same tables after the models change in later versions.
_FORMAT_2 = (
    """CREATE TABLE curation_decision (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
	document_id INTEGER NOT NULL,
	kind VARCHAR NOT NULL,
	"key" VARCHAR NOT NULL,
	decision VARCHAR NOT NULL,
	curator_id INTEGER,
	decided_at VARCHAR NOT NULL,
	CONSTRAINT ck_curation_decision CHECK (decision IN ('rejected')),
	CONSTRAINT uq_curation_decision UNIQUE (document_id, kind, "key"),
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE,
	FOREIGN KEY(curator_id) REFERENCES annotator (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_curation_decision_document_id ON curation_decision (document_id)",
    "CREATE INDEX ix_curation_decision_curator_id ON curation_decision (curator_id)",
)


def _add_curation_decisions(conn: Connection) -> None:
    """Format 2: the curator's rejected candidates (see core.review.curation)."""
    for statement in _FORMAT_2:
        conn.exec_driver_sql(statement)


# MIGRATIONS[v] upgrades a file from version v-1 to v.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _add_curation_decisions}

_DOC_OF_SET = (
    "(SELECT d.length FROM annotation_set s JOIN document d ON d.id = s.document_id "
    "WHERE s.id = {set_id})"
)


def _end_within_document(table: str, length_sql: str) -> list[str]:
    """Triggers refusing spans that end past the document's end."""
    statements = []
    for event, when in (("INSERT", "INSERT"), ("UPDATE", 'UPDATE OF start, "end"')):
        statements.append(
            f"CREATE TRIGGER trg_{table}_end_{event.lower()} BEFORE {when} ON {table} "
            f'WHEN NEW."end" > {length_sql} '
            f"BEGIN SELECT RAISE(ABORT, '{table}: end beyond the document length'); END"
        )
    return statements


def _label_kind(table: str, column: str, kind: str) -> list[str]:
    """Triggers refusing a label of the wrong layer kind (e.g. an event type on an entity)."""
    check = (
        f"(SELECT y.kind FROM label l JOIN layer y ON y.id = l.layer_id WHERE l.id = NEW.{column})"
    )
    return [
        f"CREATE TRIGGER trg_{table}_{column}_kind_{event.lower()} BEFORE {when} ON {table} "
        f"WHEN NEW.{column} IS NOT NULL AND {check} IS NOT '{kind}' "
        f"BEGIN SELECT RAISE(ABORT, '{table}.{column}: label is not a {kind} label'); END"
        for event, when in (("INSERT", "INSERT"), ("UPDATE", f"UPDATE OF {column}"))
    ]


def _triggers() -> list[str]:
    statements = [
        "CREATE TRIGGER trg_document_frozen BEFORE UPDATE OF text, length ON document "
        "BEGIN SELECT RAISE(ABORT, 'document text is frozen'); END",
    ]
    statements += _end_within_document("entity_span", _DOC_OF_SET.format(set_id="NEW.set_id"))
    statements += _end_within_document("event_mention", _DOC_OF_SET.format(set_id="NEW.set_id"))
    statements += _end_within_document(
        "stance_evidence",
        _DOC_OF_SET.format(set_id="(SELECT set_id FROM stance WHERE id = NEW.stance_id)"),
    )
    statements += _end_within_document(
        "excluded_region", "(SELECT length FROM document WHERE id = NEW.document_id)"
    )
    statements += _label_kind("entity_span", "label_id", "span")
    statements += _label_kind("event_mention", "type_id", "event")
    statements += _label_kind("stance", "polarity_id", "polarity")
    statements += _label_kind("stance", "target_label_id", "stance_target")
    return statements


def expected_objects() -> dict[str, set[str]]:
    """The tables and triggers a file of the current format has, by kind."""
    triggers = {statement.split()[2] for statement in _triggers()}
    return {"table": {tables.table_of(t).name for t in _all_tables()}, "trigger": triggers}


def create_schema(conn: Connection) -> None:
    """Create every table of the current version in an empty database."""
    SQLModel.metadata.create_all(conn, tables=[tables.table_of(t) for t in _all_tables()])
    for statement in _triggers():
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _all_tables() -> list[type[SQLModel]]:
    return [
        tables.Meta,
        tables.Setting,
        tables.Layer,
        tables.Label,
        tables.EventRole,
        tables.RoleAllowedLabel,
        tables.Document,
        tables.Annotator,
        tables.AnnotationSet,
        tables.EntitySpan,
        tables.EventMention,
        tables.EventArgument,
        tables.Stance,
        tables.StanceEvidence,
        tables.ExcludedRegion,
        tables.CurationDecision,
    ]


def upgrade(conn: Connection, from_version: int) -> None:
    """Run the steps from `from_version` to SCHEMA_VERSION inside the caller's transaction."""
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        step = MIGRATIONS.get(version)
        if step is None:
            raise RuntimeError(f"no migration to format version {version}")
        step(conn)
    conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
