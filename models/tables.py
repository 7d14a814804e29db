"""The tables of a Tawsim project file.

Offsets (`start`, `end`) are Python code points of the document's frozen
text, end exclusive. The database checks what it can: `0 <= start < end`
here, `end <= document length` in triggers (see `models.migrations`).

Rows that users create (spans, events, stances...) use AUTOINCREMENT so an id
is never reused: the undo journal re-inserts deleted rows under their old id.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    Table,
    UniqueConstraint,
    text,
)
from sqlmodel import Field, SQLModel

LAYER_KINDS = ("span", "event", "stance_target", "polarity")
ANNOTATOR_ROLES = ("annotator", "curator")
SET_STATES = ("new", "in_progress", "finished")
STANCE_SCOPES = ("document", "attributed")


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def table_of(model: type[SQLModel]) -> Table:
    """A model's SQLAlchemy table (SQLModel sets `__table__` when it makes the class, out
    of a type checker's sight)."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


def _fk(target: str, ondelete: str | None = None, nullable: bool = False) -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


def _offsets_check(name: str) -> CheckConstraint:
    return CheckConstraint('0 <= start AND start < "end"', name=f"ck_{name}_offsets")


# --- project-wide key/values -------------------------------------------------


class Meta(SQLModel, table=True):
    """Identity of the file: format marker, schema version, creation time."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


class Setting(SQLModel, table=True):
    """Project settings as JSON values (name, clitic rule, schema revision...)."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True)
    value: str  # JSON


# --- the annotation schema ---------------------------------------------------


class Layer(SQLModel, table=True):
    """A group of labels: entity labels, event types, stance targets, polarities."""

    __tablename__ = "layer"
    __table_args__ = (
        CheckConstraint(f"kind IN {LAYER_KINDS!r}", name="ck_layer_kind"),
        UniqueConstraint("key", name="uq_layer_key"),
    )
    id: int | None = Field(default=None, primary_key=True)
    key: str
    kind: str
    name_ar: str = ""
    name_en: str = ""
    position: int = 0
    options: str = "{}"  # JSON, e.g. {"entity_targets": true} on the stance-target layer


class Label(SQLModel, table=True):
    """An entity label, event type, stance target or polarity value."""

    __tablename__ = "label"
    __table_args__ = (UniqueConstraint("layer_id", "key", name="uq_label_layer_key"),)
    id: int | None = Field(default=None, primary_key=True)
    layer_id: int = Field(sa_column=_fk("layer.id", "CASCADE"))
    key: str  # stable identifier, e.g. "ORG", "Business.Acquire"
    name_ar: str = ""
    name_en: str = ""
    color: str = "#888888"
    shortcut: str | None = None
    guideline: str = ""
    position: int = 0


class EventRole(SQLModel, table=True):
    """An argument role of an event type (a label of an event layer)."""

    __tablename__ = "event_role"
    __table_args__ = (UniqueConstraint("event_type_id", "key", name="uq_role_type_key"),)
    id: int | None = Field(default=None, primary_key=True)
    event_type_id: int = Field(sa_column=_fk("label.id", "CASCADE"))
    key: str
    name_ar: str = ""
    name_en: str = ""
    required: bool = False
    multiple: bool = False
    guideline: str = ""
    position: int = 0


class RoleAllowedLabel(SQLModel, table=True):
    """Entity labels a role accepts (no rows: any entity label)."""

    __tablename__ = "role_allowed_label"
    role_id: int = Field(
        sa_column=Column(Integer, ForeignKey("event_role.id", ondelete="CASCADE"), primary_key=True)
    )
    label_id: int = Field(
        sa_column=Column(Integer, ForeignKey("label.id", ondelete="CASCADE"), primary_key=True)
    )


# --- documents and people ----------------------------------------------------


class Document(SQLModel, table=True):
    __tablename__ = "document"
    __table_args__ = (
        CheckConstraint("length = length(text)", name="ck_document_length"),
        UniqueConstraint("text_sha256", name="uq_document_text_sha256"),
    )
    id: int | None = Field(default=None, primary_key=True)
    title: str = ""
    source: str = ""  # where it came from: a file name, a URL, an external id
    meta: str = "{}"  # JSON object
    length: int  # code points of `text`
    text_sha256: str  # of the canonical text, UTF-8
    raw_sha256: str = ""  # of the bytes as imported
    encoding: str = ""  # detected or given encoding of the raw bytes
    imported_at: str = Field(default_factory=utc_now)
    text: str  # frozen canonical text; last so listing columns stays cheap


class Annotator(SQLModel, table=True):
    __tablename__ = "annotator"
    __table_args__ = (
        CheckConstraint(f"role IN {ANNOTATOR_ROLES!r}", name="ck_annotator_role"),
        UniqueConstraint("name", name="uq_annotator_name"),
    )
    id: int | None = Field(default=None, primary_key=True)
    name: str
    role: str = "annotator"
    created_at: str = Field(default_factory=utc_now)


class AnnotationSet(SQLModel, table=True):
    """One annotator's work on one document; `annotator_id` NULL is the gold set."""

    __tablename__ = "annotation_set"
    __table_args__ = (
        CheckConstraint(f"state IN {SET_STATES!r}", name="ck_set_state"),
        UniqueConstraint("document_id", "annotator_id", name="uq_set_document_annotator"),
        Index(
            "ux_set_gold_per_document",
            "document_id",
            unique=True,
            sqlite_where=text("annotator_id IS NULL"),
            postgresql_where=text("annotator_id IS NULL"),
        ),
        {"sqlite_autoincrement": True},
    )
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(sa_column=_fk("document.id", "CASCADE"))
    annotator_id: int | None = Field(sa_column=_fk("annotator.id", "RESTRICT", nullable=True))
    state: str = "new"
    curator_id: int | None = Field(sa_column=_fk("annotator.id", "SET NULL", nullable=True))
    updated_at: str = Field(default_factory=utc_now)


# --- annotations ---------------------------------------------------------------


class EntitySpan(SQLModel, table=True):
    __tablename__ = "entity_span"
    __table_args__ = (
        _offsets_check("entity_span"),
        UniqueConstraint("set_id", "start", "end", "label_id", name="uq_span"),
        {"sqlite_autoincrement": True},
    )
    id: int | None = Field(default=None, primary_key=True)
    set_id: int = Field(sa_column=_fk("annotation_set.id", "CASCADE"))
    label_id: int = Field(sa_column=_fk("label.id", "RESTRICT"))
    start: int
    end: int
    note: str = ""
    created_at: str = Field(default_factory=utc_now)


class EventMention(SQLModel, table=True):
    """An event: its type and trigger span."""

    __tablename__ = "event_mention"
    __table_args__ = (
        _offsets_check("event_mention"),
        UniqueConstraint("set_id", "start", "end", "type_id", name="uq_event"),
        {"sqlite_autoincrement": True},
    )
    id: int | None = Field(default=None, primary_key=True)
    set_id: int = Field(sa_column=_fk("annotation_set.id", "CASCADE"))
    type_id: int = Field(sa_column=_fk("label.id", "RESTRICT"))
    start: int
    end: int
    note: str = ""
    created_at: str = Field(default_factory=utc_now)


class EventArgument(SQLModel, table=True):
    """A role filled by an entity span.

    When the span is deleted the argument stays, detached (`span_id` NULL), and
    remembers where it pointed so the problem can be shown and fixed.
    """

    __tablename__ = "event_argument"
    __table_args__ = (
        UniqueConstraint("event_id", "role_id", "span_id", name="uq_argument"),
        {"sqlite_autoincrement": True},
    )
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(sa_column=_fk("event_mention.id", "CASCADE"))
    role_id: int = Field(sa_column=_fk("event_role.id", "RESTRICT"))
    span_id: int | None = Field(sa_column=_fk("entity_span.id", "SET NULL", nullable=True))
    detached_start: int | None = None
    detached_end: int | None = None
    detached_label: str | None = None


class Stance(SQLModel, table=True):
    """A document-level stance (the author's) or an attributed one (a holder's)."""

    __tablename__ = "stance"
    __table_args__ = (
        CheckConstraint(f"scope IN {STANCE_SCOPES!r}", name="ck_stance_scope"),
        CheckConstraint(
            "NOT (target_label_id IS NOT NULL AND target_span_id IS NOT NULL)",
            name="ck_stance_one_target",
        ),
        CheckConstraint(
            "scope = 'attributed' OR holder_span_id IS NULL", name="ck_stance_document_no_holder"
        ),
        # an attributed stance starts with no polarity until the annotator chooses one
        CheckConstraint(
            "scope = 'attributed' OR polarity_id IS NOT NULL", name="ck_stance_document_polarity"
        ),
        Index(
            "ux_stance_document_target",
            "set_id",
            "target_label_id",
            unique=True,
            sqlite_where=text("scope = 'document'"),
            postgresql_where=text("scope = 'document'"),
        ),
        {"sqlite_autoincrement": True},
    )
    id: int | None = Field(default=None, primary_key=True)
    set_id: int = Field(sa_column=_fk("annotation_set.id", "CASCADE"))
    scope: str = "document"
    holder_span_id: int | None = Field(sa_column=_fk("entity_span.id", "SET NULL", nullable=True))
    target_label_id: int | None = Field(sa_column=_fk("label.id", "RESTRICT", nullable=True))
    target_span_id: int | None = Field(sa_column=_fk("entity_span.id", "SET NULL", nullable=True))
    polarity_id: int | None = Field(sa_column=_fk("label.id", "RESTRICT", nullable=True))
    note: str = ""
    created_at: str = Field(default_factory=utc_now)


class StanceEvidence(SQLModel, table=True):
    __tablename__ = "stance_evidence"
    __table_args__ = (_offsets_check("stance_evidence"), {"sqlite_autoincrement": True})
    id: int | None = Field(default=None, primary_key=True)
    stance_id: int = Field(sa_column=_fk("stance.id", "CASCADE"))
    start: int
    end: int


class ExcludedRegion(SQLModel, table=True):
    """Text left out of annotation, agreement and export (boilerplate...).

    `set_id` NULL: excluded for everyone (marked by the lead).
    """

    __tablename__ = "excluded_region"
    __table_args__ = (_offsets_check("excluded_region"), {"sqlite_autoincrement": True})
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(sa_column=_fk("document.id", "CASCADE"))
    set_id: int | None = Field(sa_column=_fk("annotation_set.id", "CASCADE", nullable=True))
    start: int
    end: int
    reason: str = ""
    created_by: int | None = Field(sa_column=_fk("annotator.id", "SET NULL", nullable=True))
    created_at: str = Field(default_factory=utc_now)


# --- curation ----------------------------------------------------------------------


class CurationDecision(SQLModel, table=True):
    """A curator's decision about a candidate annotation of a document.

    Only rejections are stored: what was accepted is in the gold set itself.
    `kind` and `key` name the candidate as `core.review.curation` groups annotators'
    annotations (e.g. kind "entity", key "[12, 16, 3]": start, end, label id).
    """

    __tablename__ = "curation_decision"
    __table_args__ = (
        CheckConstraint("decision IN ('rejected')", name="ck_curation_decision"),
        UniqueConstraint("document_id", "kind", "key", name="uq_curation_decision"),
        {"sqlite_autoincrement": True},
    )
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(sa_column=_fk("document.id", "CASCADE"))
    kind: str
    key: str  # JSON array
    decision: str = "rejected"
    curator_id: int | None = Field(sa_column=_fk("annotator.id", "SET NULL", nullable=True))
    decided_at: str = Field(default_factory=utc_now)


# --- format 3: tokens kept from imported files, suggestions, assignments -------------


class TokenLayer(SQLModel, table=True):
    """A document's tokens and sentences as a tokenised file gave them (CoNLL, CoNLL-U,
    WebAnno TSV, Hugging Face), so exports to token formats give them back unchanged.
    A document without one is tokenised by Tawsim (core.text.tokens).

    `tokens` and `sentences` are (start, end) code-point offsets into the frozen text,
    packed as little-endian unsigned 32-bit pairs (compact, and read in one go)."""

    __tablename__ = "token_layer"
    document_id: int = Field(
        sa_column=Column(Integer, ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    )
    source: str  # the format the tokens came from
    tokens: bytes
    sentences: bytes


class Suggestion(SQLModel, table=True):
    """A recommender's proposal of an entity or event trigger: not an annotation until
    an annotator accepts it (then it is copied into their set)."""

    __tablename__ = "suggestion"
    __table_args__ = (
        _offsets_check("suggestion"),
        UniqueConstraint(
            "document_id", "start", "end", "label_id", "recommender", name="uq_suggestion"
        ),
        {"sqlite_autoincrement": True},
    )
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(sa_column=_fk("document.id", "CASCADE"))
    start: int
    end: int
    label_id: int = Field(sa_column=_fk("label.id", "CASCADE"))
    score: float | None = None
    recommender: str
    created_at: str = Field(default_factory=utc_now)


class SuggestionDecision(SQLModel, table=True):
    """What an annotator did with a suggestion: accepted (counted; the annotation is in
    their set) or rejected (remembered, so it is not suggested to them again)."""

    __tablename__ = "suggestion_decision"
    __table_args__ = (
        _offsets_check("suggestion_decision"),
        CheckConstraint("decision IN ('accepted', 'rejected')", name="ck_suggestion_decision"),
        UniqueConstraint("set_id", "start", "end", "label_id", name="uq_suggestion_decision"),
        {"sqlite_autoincrement": True},
    )
    id: int | None = Field(default=None, primary_key=True)
    set_id: int = Field(sa_column=_fk("annotation_set.id", "CASCADE"))
    start: int
    end: int
    label_id: int = Field(sa_column=_fk("label.id", "CASCADE"))
    recommender: str
    decision: str
    decided_at: str = Field(default_factory=utc_now)


class Assignment(SQLModel, table=True):
    """A document the lead gave an annotator to annotate."""

    __tablename__ = "assignment"
    document_id: int = Field(
        sa_column=Column(Integer, ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    )
    annotator_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("annotator.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        )
    )
    assigned_by: int | None = Field(sa_column=_fk("annotator.id", "SET NULL", nullable=True))
    assigned_at: str = Field(default_factory=utc_now)
