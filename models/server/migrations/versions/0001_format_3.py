"""Team project schema 1: the tables of desktop project format 3, the rules the desktop
file keeps in SQLite triggers (as PL/pgSQL), and row-level security.

Written out rather than derived from models.tables, so this step keeps producing the
same database after the models change (later changes are later revisions).

Who may do what is decided here by row-level security, from the `annotator` table: the
connected role's annotator row (its name is the role's name) says whose sets are its own
and whether it is a curator. Privileges on the tables are granted to the project's team
role (models.server.security); the owner of the tables (who ran `server init`) is not
subject to the policies.
"""

from __future__ import annotations

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TABLES = (
    """CREATE TABLE meta (
    key VARCHAR NOT NULL,
    value VARCHAR NOT NULL,
    PRIMARY KEY (key)
)""",
    """CREATE TABLE setting (
    key VARCHAR NOT NULL,
    value VARCHAR NOT NULL,
    PRIMARY KEY (key)
)""",
    """CREATE TABLE layer (
    id SERIAL NOT NULL,
    key VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    name_ar VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    options VARCHAR NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_layer_kind CHECK (kind IN ('span', 'event', 'stance_target', 'polarity')),
    CONSTRAINT uq_layer_key UNIQUE (key)
)""",
    """CREATE TABLE label (
    id SERIAL NOT NULL,
    layer_id INTEGER NOT NULL,
    key VARCHAR NOT NULL,
    name_ar VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    color VARCHAR NOT NULL,
    shortcut VARCHAR,
    guideline VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_label_layer_key UNIQUE (layer_id, key),
    FOREIGN KEY(layer_id) REFERENCES layer (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_label_layer_id ON label (layer_id)",
    """CREATE TABLE event_role (
    id SERIAL NOT NULL,
    event_type_id INTEGER NOT NULL,
    key VARCHAR NOT NULL,
    name_ar VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    required BOOLEAN NOT NULL,
    multiple BOOLEAN NOT NULL,
    guideline VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_role_type_key UNIQUE (event_type_id, key),
    FOREIGN KEY(event_type_id) REFERENCES label (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_event_role_event_type_id ON event_role (event_type_id)",
    """CREATE TABLE role_allowed_label (
    role_id INTEGER NOT NULL,
    label_id INTEGER NOT NULL,
    PRIMARY KEY (role_id, label_id),
    FOREIGN KEY(role_id) REFERENCES event_role (id) ON DELETE CASCADE,
    FOREIGN KEY(label_id) REFERENCES label (id) ON DELETE CASCADE
)""",
    """CREATE TABLE document (
    id SERIAL NOT NULL,
    title VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    meta VARCHAR NOT NULL,
    length INTEGER NOT NULL,
    text_sha256 VARCHAR NOT NULL,
    raw_sha256 VARCHAR NOT NULL,
    encoding VARCHAR NOT NULL,
    imported_at VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_document_length CHECK (length = length(text)),
    CONSTRAINT uq_document_text_sha256 UNIQUE (text_sha256)
)""",
    """CREATE TABLE annotator (
    id SERIAL NOT NULL,
    name VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_annotator_role CHECK (role IN ('annotator', 'curator')),
    CONSTRAINT uq_annotator_name UNIQUE (name)
)""",
    """CREATE TABLE annotation_set (
    id SERIAL NOT NULL,
    document_id INTEGER NOT NULL,
    annotator_id INTEGER,
    state VARCHAR NOT NULL,
    curator_id INTEGER,
    updated_at VARCHAR NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_set_state CHECK (state IN ('new', 'in_progress', 'finished')),
    CONSTRAINT uq_set_document_annotator UNIQUE (document_id, annotator_id),
    FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE,
    FOREIGN KEY(annotator_id) REFERENCES annotator (id) ON DELETE RESTRICT,
    FOREIGN KEY(curator_id) REFERENCES annotator (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_annotation_set_annotator_id ON annotation_set (annotator_id)",
    "CREATE INDEX ix_annotation_set_curator_id ON annotation_set (curator_id)",
    "CREATE INDEX ix_annotation_set_document_id ON annotation_set (document_id)",
    "CREATE UNIQUE INDEX ux_set_gold_per_document ON annotation_set (document_id) "
    "WHERE annotator_id IS NULL",
    """CREATE TABLE entity_span (
    id SERIAL NOT NULL,
    set_id INTEGER NOT NULL,
    label_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    note VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_entity_span_offsets CHECK (0 <= start AND start < "end"),
    CONSTRAINT uq_span UNIQUE (set_id, start, "end", label_id),
    FOREIGN KEY(set_id) REFERENCES annotation_set (id) ON DELETE CASCADE,
    FOREIGN KEY(label_id) REFERENCES label (id) ON DELETE RESTRICT
)""",
    "CREATE INDEX ix_entity_span_label_id ON entity_span (label_id)",
    "CREATE INDEX ix_entity_span_set_id ON entity_span (set_id)",
    """CREATE TABLE event_mention (
    id SERIAL NOT NULL,
    set_id INTEGER NOT NULL,
    type_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    note VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_event_mention_offsets CHECK (0 <= start AND start < "end"),
    CONSTRAINT uq_event UNIQUE (set_id, start, "end", type_id),
    FOREIGN KEY(set_id) REFERENCES annotation_set (id) ON DELETE CASCADE,
    FOREIGN KEY(type_id) REFERENCES label (id) ON DELETE RESTRICT
)""",
    "CREATE INDEX ix_event_mention_set_id ON event_mention (set_id)",
    "CREATE INDEX ix_event_mention_type_id ON event_mention (type_id)",
    """CREATE TABLE event_argument (
    id SERIAL NOT NULL,
    event_id INTEGER NOT NULL,
    role_id INTEGER NOT NULL,
    span_id INTEGER,
    detached_start INTEGER,
    detached_end INTEGER,
    detached_label VARCHAR,
    PRIMARY KEY (id),
    CONSTRAINT uq_argument UNIQUE (event_id, role_id, span_id),
    FOREIGN KEY(event_id) REFERENCES event_mention (id) ON DELETE CASCADE,
    FOREIGN KEY(role_id) REFERENCES event_role (id) ON DELETE RESTRICT,
    FOREIGN KEY(span_id) REFERENCES entity_span (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_event_argument_event_id ON event_argument (event_id)",
    "CREATE INDEX ix_event_argument_role_id ON event_argument (role_id)",
    "CREATE INDEX ix_event_argument_span_id ON event_argument (span_id)",
    """CREATE TABLE stance (
    id SERIAL NOT NULL,
    set_id INTEGER NOT NULL,
    scope VARCHAR NOT NULL,
    holder_span_id INTEGER,
    target_label_id INTEGER,
    target_span_id INTEGER,
    polarity_id INTEGER,
    note VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_stance_scope CHECK (scope IN ('document', 'attributed')),
    CONSTRAINT ck_stance_one_target CHECK (
        NOT (target_label_id IS NOT NULL AND target_span_id IS NOT NULL)
    ),
    CONSTRAINT ck_stance_document_no_holder CHECK (scope = 'attributed' OR holder_span_id IS NULL),
    CONSTRAINT ck_stance_document_polarity CHECK (scope = 'attributed' OR polarity_id IS NOT NULL),
    FOREIGN KEY(set_id) REFERENCES annotation_set (id) ON DELETE CASCADE,
    FOREIGN KEY(holder_span_id) REFERENCES entity_span (id) ON DELETE SET NULL,
    FOREIGN KEY(target_label_id) REFERENCES label (id) ON DELETE RESTRICT,
    FOREIGN KEY(target_span_id) REFERENCES entity_span (id) ON DELETE SET NULL,
    FOREIGN KEY(polarity_id) REFERENCES label (id) ON DELETE RESTRICT
)""",
    "CREATE INDEX ix_stance_holder_span_id ON stance (holder_span_id)",
    "CREATE INDEX ix_stance_polarity_id ON stance (polarity_id)",
    "CREATE INDEX ix_stance_set_id ON stance (set_id)",
    "CREATE INDEX ix_stance_target_label_id ON stance (target_label_id)",
    "CREATE INDEX ix_stance_target_span_id ON stance (target_span_id)",
    "CREATE UNIQUE INDEX ux_stance_document_target ON stance (set_id, target_label_id) "
    "WHERE scope = 'document'",
    """CREATE TABLE stance_evidence (
    id SERIAL NOT NULL,
    stance_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_stance_evidence_offsets CHECK (0 <= start AND start < "end"),
    FOREIGN KEY(stance_id) REFERENCES stance (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_stance_evidence_stance_id ON stance_evidence (stance_id)",
    """CREATE TABLE excluded_region (
    id SERIAL NOT NULL,
    document_id INTEGER NOT NULL,
    set_id INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    reason VARCHAR NOT NULL,
    created_by INTEGER,
    created_at VARCHAR NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_excluded_region_offsets CHECK (0 <= start AND start < "end"),
    FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE,
    FOREIGN KEY(set_id) REFERENCES annotation_set (id) ON DELETE CASCADE,
    FOREIGN KEY(created_by) REFERENCES annotator (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_excluded_region_created_by ON excluded_region (created_by)",
    "CREATE INDEX ix_excluded_region_document_id ON excluded_region (document_id)",
    "CREATE INDEX ix_excluded_region_set_id ON excluded_region (set_id)",
    """CREATE TABLE curation_decision (
    id SERIAL NOT NULL,
    document_id INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    key VARCHAR NOT NULL,
    decision VARCHAR NOT NULL,
    curator_id INTEGER,
    decided_at VARCHAR NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_curation_decision CHECK (decision IN ('rejected')),
    CONSTRAINT uq_curation_decision UNIQUE (document_id, kind, key),
    FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE,
    FOREIGN KEY(curator_id) REFERENCES annotator (id) ON DELETE SET NULL
)""",
    "CREATE INDEX ix_curation_decision_curator_id ON curation_decision (curator_id)",
    "CREATE INDEX ix_curation_decision_document_id ON curation_decision (document_id)",
    """CREATE TABLE token_layer (
    document_id INTEGER NOT NULL,
    source VARCHAR NOT NULL,
    tokens BYTEA NOT NULL,
    sentences BYTEA NOT NULL,
    PRIMARY KEY (document_id),
    FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
)""",
    """CREATE TABLE suggestion (
    id SERIAL NOT NULL,
    document_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label_id INTEGER NOT NULL,
    score FLOAT,
    recommender VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_suggestion_offsets CHECK (0 <= start AND start < "end"),
    CONSTRAINT uq_suggestion UNIQUE (document_id, start, "end", label_id, recommender),
    FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE,
    FOREIGN KEY(label_id) REFERENCES label (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_suggestion_document_id ON suggestion (document_id)",
    "CREATE INDEX ix_suggestion_label_id ON suggestion (label_id)",
    """CREATE TABLE suggestion_decision (
    id SERIAL NOT NULL,
    set_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label_id INTEGER NOT NULL,
    recommender VARCHAR NOT NULL,
    decision VARCHAR NOT NULL,
    decided_at VARCHAR NOT NULL,
    PRIMARY KEY (id),
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

# --- the desktop file's triggers, in PL/pgSQL (same names, same messages) ----------

_CHECKS = (
    """CREATE FUNCTION tawsim_document_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'document text is frozen' USING ERRCODE = 'integrity_constraint_violation';
END
$$""",
    # The length of the document an annotation lies in, found from the annotation's own
    # columns (a set, a stance or a document).
    """CREATE FUNCTION tawsim_end_within_document() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    document_length integer;
BEGIN
    IF TG_TABLE_NAME IN ('excluded_region', 'suggestion') THEN
        SELECT d.length INTO document_length FROM document d WHERE d.id = NEW.document_id;
    ELSIF TG_TABLE_NAME = 'stance_evidence' THEN
        SELECT d.length INTO document_length FROM stance t
            JOIN annotation_set s ON s.id = t.set_id
            JOIN document d ON d.id = s.document_id WHERE t.id = NEW.stance_id;
    ELSE
        SELECT d.length INTO document_length FROM annotation_set s
            JOIN document d ON d.id = s.document_id WHERE s.id = NEW.set_id;
    END IF;
    IF NEW."end" > document_length THEN
        RAISE EXCEPTION '%: end beyond the document length', TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$""",
    # TG_ARGV: the column holding a label id, and the layer kind that label must be of
    """CREATE FUNCTION tawsim_label_kind() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    label_ref integer := (to_jsonb(NEW) ->> TG_ARGV[0])::integer;
    found_kind text;
BEGIN
    IF label_ref IS NOT NULL THEN
        SELECT y.kind INTO found_kind FROM label l JOIN layer y ON y.id = l.layer_id
            WHERE l.id = label_ref;
        IF found_kind IS DISTINCT FROM TG_ARGV[1] THEN
            RAISE EXCEPTION '%.%: label is not a % label', TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[1]
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$""",
    """CREATE FUNCTION tawsim_suggestion_label_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT y.kind FROM label l JOIN layer y ON y.id = l.layer_id WHERE l.id = NEW.label_id)
            NOT IN ('span', 'event') THEN
        RAISE EXCEPTION 'suggestion.label_id: not an entity label or event type'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$""",
    "CREATE TRIGGER trg_document_frozen BEFORE UPDATE OF text, length ON document "
    "FOR EACH ROW EXECUTE FUNCTION tawsim_document_frozen()",
)

_END_CHECKED = (
    "entity_span",
    "event_mention",
    "stance_evidence",
    "excluded_region",
    "suggestion",
    "suggestion_decision",
)

_KIND_CHECKED = (
    ("entity_span", "label_id", "span"),
    ("event_mention", "type_id", "event"),
    ("stance", "polarity_id", "polarity"),
    ("stance", "target_label_id", "stance_target"),
)


def _triggers() -> list[str]:
    statements = list(_CHECKS)
    for table in _END_CHECKED:
        statements.append(
            f'CREATE TRIGGER trg_{table}_end BEFORE INSERT OR UPDATE OF start, "end" '
            f"ON {table} FOR EACH ROW EXECUTE FUNCTION tawsim_end_within_document()"
        )
    for table, column, kind in _KIND_CHECKED:
        statements.append(
            f"CREATE TRIGGER trg_{table}_{column}_kind BEFORE INSERT OR UPDATE OF {column} "
            f"ON {table} FOR EACH ROW EXECUTE FUNCTION tawsim_label_kind('{column}', '{kind}')"
        )
    statements.append(
        "CREATE TRIGGER trg_suggestion_label_kind BEFORE INSERT OR UPDATE OF label_id "
        "ON suggestion FOR EACH ROW EXECUTE FUNCTION tawsim_suggestion_label_kind()"
    )
    return statements


# --- row-level security ---------------------------------------------------------------

# Uncorrelated sub-selects, so PostgreSQL evaluates them once per query (an InitPlan, or
# one hashed list of set ids) rather than once per row.
_ME = "(SELECT tawsim_me())"
_CURATOR = "(SELECT tawsim_is_curator())"
_OWN_SETS = f"(SELECT id FROM annotation_set WHERE annotator_id = {_ME})"
_WRITABLE_SETS = (
    f"(SELECT id FROM annotation_set WHERE annotator_id = {_ME} "
    f"OR (annotator_id IS NULL AND {_CURATOR}))"
)

_IDENTITY = (
    # the connected role's annotator row: its name is the role's name
    "CREATE FUNCTION tawsim_me() RETURNS integer LANGUAGE sql STABLE AS "
    "$$ SELECT id FROM annotator WHERE name = current_user $$",
    "CREATE FUNCTION tawsim_is_curator() RETURNS boolean LANGUAGE sql STABLE AS "
    "$$ SELECT EXISTS (SELECT 1 FROM annotator WHERE name = current_user "
    "AND role = 'curator') $$",
)

# table -> (who reads, who writes); None: nobody but the owner writes
_POLICIES: dict[str, tuple[str, str | None]] = {
    "meta": ("true", None),
    "setting": ("true", None),
    "layer": ("true", None),
    "label": ("true", None),
    "event_role": ("true", None),
    "role_allowed_label": ("true", None),
    "annotator": ("true", None),
    "document": ("true", _CURATOR),
    "token_layer": ("true", _CURATOR),
    "annotation_set": (
        f"{_CURATOR} OR annotator_id = {_ME}",
        f"annotator_id = {_ME} OR (annotator_id IS NULL AND {_CURATOR})",
    ),
    "entity_span": (f"{_CURATOR} OR set_id IN {_OWN_SETS}", f"set_id IN {_WRITABLE_SETS}"),
    "event_mention": (f"{_CURATOR} OR set_id IN {_OWN_SETS}", f"set_id IN {_WRITABLE_SETS}"),
    "stance": (f"{_CURATOR} OR set_id IN {_OWN_SETS}", f"set_id IN {_WRITABLE_SETS}"),
    "suggestion_decision": (
        f"{_CURATOR} OR set_id IN {_OWN_SETS}",
        f"set_id IN {_WRITABLE_SETS}",
    ),
    "event_argument": (
        f"{_CURATOR} OR event_id IN (SELECT id FROM event_mention WHERE set_id IN {_OWN_SETS})",
        f"event_id IN (SELECT id FROM event_mention WHERE set_id IN {_WRITABLE_SETS})",
    ),
    "stance_evidence": (
        f"{_CURATOR} OR stance_id IN (SELECT id FROM stance WHERE set_id IN {_OWN_SETS})",
        f"stance_id IN (SELECT id FROM stance WHERE set_id IN {_WRITABLE_SETS})",
    ),
    "excluded_region": (
        f"set_id IS NULL OR {_CURATOR} OR set_id IN {_OWN_SETS}",
        f"(set_id IS NULL AND {_CURATOR}) OR set_id IN {_WRITABLE_SETS}",
    ),
    "curation_decision": (_CURATOR, _CURATOR),
    "suggestion": ("true", _CURATOR),
    # the plan is no annotation: everyone sees it (and so which documents are free)
    "assignment": ("true", _CURATOR),
}


def _policies() -> list[str]:
    statements = list(_IDENTITY)
    for table, (reads, writes) in _POLICIES.items():
        statements.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        statements.append(f"CREATE POLICY {table}_read ON {table} FOR SELECT USING ({reads})")
        if writes is not None:
            statements.append(
                f"CREATE POLICY {table}_write ON {table} FOR ALL "
                f"USING ({writes}) WITH CHECK ({writes})"
            )
    return statements


def upgrade() -> None:
    for statement in (*_TABLES, *_triggers(), *_policies()):
        op.execute(statement)


def downgrade() -> None:
    tables = [s.split()[2] for s in _TABLES if s.startswith("CREATE TABLE")]
    op.execute(f"DROP TABLE {', '.join(reversed(tables))} CASCADE")
    op.execute(
        "DROP FUNCTION tawsim_document_frozen, tawsim_end_within_document, tawsim_label_kind, "
        "tawsim_suggestion_label_kind, tawsim_me, tawsim_is_curator"
    )
