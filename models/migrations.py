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
SCHEMA_VERSION = 3

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


_FORMAT_3 = (
    """CREATE TABLE token_layer (
	document_id INTEGER NOT NULL,
	source VARCHAR NOT NULL,
	tokens BLOB NOT NULL,
	sentences BLOB NOT NULL,
	PRIMARY KEY (document_id),
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
)""",
    """CREATE TABLE suggestion (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
	document_id INTEGER NOT NULL,
	start INTEGER NOT NULL,
	"end" INTEGER NOT NULL,
	label_id INTEGER NOT NULL,
	score FLOAT,
	recommender VARCHAR NOT NULL,
	created_at VARCHAR NOT NULL,
	CONSTRAINT ck_suggestion_offsets CHECK (0 <= start AND start < "end"),
	CONSTRAINT uq_suggestion UNIQUE (document_id, start, "end", label_id, recommender),
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE,
	FOREIGN KEY(label_id) REFERENCES label (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_suggestion_document_id ON suggestion (document_id)",
    "CREATE INDEX ix_suggestion_label_id ON suggestion (label_id)",
    """CREATE TABLE suggestion_decision (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
	set_id INTEGER NOT NULL,
	start INTEGER NOT NULL,
	"end" INTEGER NOT NULL,
	label_id INTEGER NOT NULL,
	recommender VARCHAR NOT NULL,
	decision VARCHAR NOT NULL,
	decided_at VARCHAR NOT NULL,
	CONSTRAINT ck_suggestion_decision_offsets CHECK (0 <= start AND start < "end"),
	CONSTRAINT ck_suggestion_decision CHECK (decision IN ('accepted', 'rejected')),
	CONSTRAINT uq_suggestion_decision UNIQUE (set_id, start, "end", label_id),
	FOREIGN KEY(set_id) REFERENCES annotation_set (id) ON DELETE CASCADE,
	FOREIGN KEY(label_id) REFERENCES label (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_suggestion_decision_label_id ON suggestion_decision (label_id)",
    "CREATE INDEX ix_suggestion_decision_set_id ON suggestion_decision (set_id)",
    """CREATE TABLE assignment (
	document_id INTEGER NOT NULL,
	annotator_id INTEGER NOT NULL,
	assigned_by INTEGER,
	assigned_at VARCHAR NOT NULL,
	PRIMARY KEY (document_id, annotator_id),
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE,
	FOREIGN KEY(annotator_id) REFERENCES annotator (id) ON DELETE CASCADE,
	FOREIGN KEY(assigned_by) REFERENCES annotator (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_assignment_annotator_id ON assignment (annotator_id)",
    "CREATE INDEX ix_assignment_assigned_by ON assignment (assigned_by)",
)


# Format 3 lets an attributed stance have no polarity yet. SQLite cannot drop NOT NULL in
# place, so the table is rebuilt. Foreign keys stay on inside a transaction, so dropping
# it cascades to the evidence: both are set aside first and put back with their ids, and
# the id counter keeps its value so no id is ever handed out twice.
_FORMAT_3_STANCE = (
    "CREATE TEMP TABLE old_stance AS SELECT * FROM stance",
    "CREATE TEMP TABLE old_stance_evidence AS SELECT * FROM stance_evidence",
    "CREATE TEMP TABLE old_stance_sequence AS "
    "SELECT seq FROM sqlite_sequence WHERE name = 'stance'",
    "DROP TABLE stance",
    """CREATE TABLE stance (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
	set_id INTEGER NOT NULL,
	scope VARCHAR NOT NULL,
	holder_span_id INTEGER,
	target_label_id INTEGER,
	target_span_id INTEGER,
	polarity_id INTEGER,
	note VARCHAR NOT NULL,
	created_at VARCHAR NOT NULL,
	CONSTRAINT ck_stance_scope CHECK (scope IN ('document', 'attributed')),
	CONSTRAINT ck_stance_one_target CHECK (NOT (target_label_id IS NOT NULL
		AND target_span_id IS NOT NULL)),
	CONSTRAINT ck_stance_document_no_holder CHECK (scope = 'attributed' OR holder_span_id IS NULL),
	CONSTRAINT ck_stance_document_polarity CHECK (scope = 'attributed' OR polarity_id IS NOT NULL),
	FOREIGN KEY(set_id) REFERENCES annotation_set (id) ON DELETE CASCADE,
	FOREIGN KEY(holder_span_id) REFERENCES entity_span (id) ON DELETE SET NULL,
	FOREIGN KEY(target_label_id) REFERENCES label (id) ON DELETE RESTRICT,
	FOREIGN KEY(target_span_id) REFERENCES entity_span (id) ON DELETE SET NULL,
	FOREIGN KEY(polarity_id) REFERENCES label (id) ON DELETE RESTRICT
)""",
    "INSERT INTO stance (id, set_id, scope, holder_span_id, target_label_id, target_span_id, "
    "polarity_id, note, created_at) SELECT id, set_id, scope, holder_span_id, target_label_id, "
    "target_span_id, polarity_id, note, created_at FROM temp.old_stance",
    'INSERT INTO stance_evidence (id, stance_id, start, "end") '
    'SELECT id, stance_id, start, "end" FROM temp.old_stance_evidence',
    "DELETE FROM sqlite_sequence WHERE name = 'stance'",
    "INSERT INTO sqlite_sequence (name, seq) SELECT 'stance', max(seq) FROM ("
    "SELECT seq FROM temp.old_stance_sequence UNION ALL SELECT max(id) FROM stance) "
    "HAVING max(seq) IS NOT NULL",
    "DROP TABLE temp.old_stance",
    "DROP TABLE temp.old_stance_evidence",
    "DROP TABLE temp.old_stance_sequence",
    "CREATE INDEX ix_stance_target_label_id ON stance (target_label_id)",
    "CREATE INDEX ix_stance_target_span_id ON stance (target_span_id)",
    "CREATE INDEX ix_stance_holder_span_id ON stance (holder_span_id)",
    "CREATE UNIQUE INDEX ux_stance_document_target ON stance (set_id, target_label_id) "
    "WHERE scope = 'document'",
    "CREATE INDEX ix_stance_polarity_id ON stance (polarity_id)",
    "CREATE INDEX ix_stance_set_id ON stance (set_id)",
    "CREATE TRIGGER trg_stance_polarity_id_kind_insert BEFORE INSERT ON stance "
    "WHEN NEW.polarity_id IS NOT NULL AND (SELECT y.kind FROM label l JOIN layer y "
    "ON y.id = l.layer_id WHERE l.id = NEW.polarity_id) IS NOT 'polarity' "
    "BEGIN SELECT RAISE(ABORT, 'stance.polarity_id: label is not a polarity label'); END",
    "CREATE TRIGGER trg_stance_polarity_id_kind_update BEFORE UPDATE OF polarity_id ON stance "
    "WHEN NEW.polarity_id IS NOT NULL AND (SELECT y.kind FROM label l JOIN layer y "
    "ON y.id = l.layer_id WHERE l.id = NEW.polarity_id) IS NOT 'polarity' "
    "BEGIN SELECT RAISE(ABORT, 'stance.polarity_id: label is not a polarity label'); END",
    "CREATE TRIGGER trg_stance_target_label_id_kind_insert BEFORE INSERT ON stance "
    "WHEN NEW.target_label_id IS NOT NULL AND (SELECT y.kind FROM label l JOIN layer y "
    "ON y.id = l.layer_id WHERE l.id = NEW.target_label_id) IS NOT 'stance_target' "
    "BEGIN SELECT RAISE(ABORT, 'stance.target_label_id: label is not a stance_target label'); "
    "END",
    "CREATE TRIGGER trg_stance_target_label_id_kind_update BEFORE UPDATE OF target_label_id "
    "ON stance WHEN NEW.target_label_id IS NOT NULL AND (SELECT y.kind FROM label l JOIN layer y "
    "ON y.id = l.layer_id WHERE l.id = NEW.target_label_id) IS NOT 'stance_target' "
    "BEGIN SELECT RAISE(ABORT, 'stance.target_label_id: label is not a stance_target label'); "
    "END",
)


def _add_tokens_suggestions_assignments(conn: Connection) -> None:
    """Format 3: tokens kept from imported files, recommenders' suggestions and what
    annotators did with them, the documents assigned to each annotator, and attributed
    stances without a polarity yet."""
    for statement in _FORMAT_3 + _FORMAT_3_STANCE:
        conn.exec_driver_sql(statement)
    for statement in _format_3_triggers():
        conn.exec_driver_sql(statement)


# MIGRATIONS[v] upgrades a file from version v-1 to v.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _add_curation_decisions,
    3: _add_tokens_suggestions_assignments,
}

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
    return statements + _format_3_triggers()


def _format_3_triggers() -> list[str]:
    """Suggestions end within their document and propose an entity label or an event
    type (written out: a migration step creates exactly these)."""
    statements = _end_within_document(
        "suggestion", "(SELECT length FROM document WHERE id = NEW.document_id)"
    )
    statements += _end_within_document(
        "suggestion_decision", _DOC_OF_SET.format(set_id="NEW.set_id")
    )
    check = (
        "(SELECT y.kind FROM label l JOIN layer y ON y.id = l.layer_id WHERE l.id = NEW.label_id)"
    )
    statements += [
        f"CREATE TRIGGER trg_suggestion_label_kind_{event.lower()} BEFORE {when} ON suggestion "
        f"WHEN {check} NOT IN ('span', 'event') "
        "BEGIN SELECT RAISE(ABORT, 'suggestion.label_id: not an entity label or event type'); END"
        for event, when in (("INSERT", "INSERT"), ("UPDATE", "UPDATE OF label_id"))
    ]
    return statements


def expected_objects() -> dict[str, set[str]]:
    """The tables and triggers a file of the current format has, by kind."""
    triggers = {statement.split()[2] for statement in _triggers()}
    return {"table": {tables.table_of(t).name for t in project_tables()}, "trigger": triggers}


def create_schema(conn: Connection) -> None:
    """Create every table of the current version in an empty database."""
    SQLModel.metadata.create_all(conn, tables=[tables.table_of(t) for t in project_tables()])
    for statement in _triggers():
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def project_tables() -> list[type[SQLModel]]:
    """Every table of the current format, each after the tables it refers to."""
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
        tables.TokenLayer,
        tables.Suggestion,
        tables.SuggestionDecision,
        tables.Assignment,
    ]


def upgrade(conn: Connection, from_version: int) -> None:
    """Run the steps from `from_version` to SCHEMA_VERSION inside the caller's transaction."""
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        step = MIGRATIONS.get(version)
        if step is None:
            raise RuntimeError(f"no migration to format version {version}")
        step(conn)
    conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
