"""Entity spans: the operations the editor calls, and reading a set's spans.

Each operation is one transaction and (when it changes something) one undo
step, and returns an OpResult whose `changes` name the document touched.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select, func, select

from core.annotation.sets import ensure_set, find_set, touch_set
from core.documents.navigation import document_text
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project, in_batches
from core.schema.model import LabelInfo
from models.messages import Message
from models.rawsql import DriverReader
from models.tables import (
    AnnotationSet,
    Document,
    EntitySpan,
    EventArgument,
    Stance,
)


class SpanRow(NamedTuple):
    """A tuple, not a dataclass: a set can hold ten thousand spans and the editor
    reads them all when a document opens."""

    id: int
    set_id: int
    label_id: int
    start: int
    end: int
    note: str = ""


SPAN = Message("span")  # what check_offsets refuses, unless told
SPAN_COLUMNS = (  # a SpanRow's columns, for select(*SPAN_COLUMNS)
    EntitySpan.id,
    EntitySpan.set_id,
    EntitySpan.label_id,
    EntitySpan.start,
    EntitySpan.end,
    EntitySpan.note,
)


# --- entity spans ----------------------------------------------------------------------


def label_key(project: Project, label_id: int) -> str:
    """The key of a label of the project's schema; an unknown label is refused."""
    return known_label(project, label_id).key


def known_label(project: Project, label_id: int) -> LabelInfo:
    """A label of the project's schema; an unknown label is refused."""
    try:
        return project.schema.label(label_id)
    except KeyError:
        raise OperationError(Message("label {id} does not exist", id=label_id)) from None


def document_length(conn: Connection, document_id: int) -> int:
    length = conn.execute(select(Document.length).where(Document.id == document_id)).scalar()
    if length is None:
        raise OperationError(Message("document {id} does not exist", id=document_id))
    return length


def check_in_document(length: int, start: int, end: int, what: str = SPAN) -> None:
    """Refuse `what` at `start`-`end` unless it is non-empty and within `length` code points."""
    if not 0 <= start < end <= length:
        raise OperationError(
            Message(
                "{what} {start}-{end} is outside the document (length {length})",
                what=what,
                start=start,
                end=end,
                length=length,
            )
        )


def check_offsets(conn: Connection, set_id: int, start: int, end: int, what: str = SPAN) -> None:
    """Refuse `what` at `start`-`end` unless it lies within the text of the set's document
    and neither begins nor ends with whitespace."""
    row = conn.execute(
        _with_edges(select(Document.length), start, end)
        .join(AnnotationSet, AnnotationSet.document_id == Document.id)
        .where(AnnotationSet.id == set_id)
    ).first()
    if row is None:
        raise OperationError(Message("annotation set {id} does not exist", id=set_id))
    _check_text(row[0], row[1], row[2], start, end, what)


def check_in_text(conn: Connection, document_id: int, start: int, end: int) -> None:
    """check_offsets for a span of a document (the gold set's, before it exists)."""
    row = conn.execute(
        _with_edges(select(Document.length), start, end).where(Document.id == document_id)
    ).first()
    if row is None:
        raise OperationError(Message("document {id} does not exist", id=document_id))
    _check_text(row[0], row[1], row[2], start, end, SPAN)


def _with_edges(query: Select[Any], start: int, end: int) -> Select[Any]:
    """The first and last characters of [start, end) too (substr counts code points)."""
    return query.add_columns(
        func.substr(Document.text, start + 1, 1), func.substr(Document.text, end, 1)
    )


def _check_text(length: int, first: str, last: str, start: int, end: int, what: str) -> None:
    check_in_document(length, start, end, what)
    if first.isspace() or last.isspace():
        raise OperationError(
            Message(
                "{what} {start}-{end} begins or ends with whitespace",
                what=what,
                start=start,
                end=end,
            )
        )


def add_span(project: Project, set_id: int, start: int, end: int, label_id: int) -> OpResult[int]:
    label = known_label(project, label_id)
    with project.write(Message("Add {label}", label=label)) as tx:
        span_id = insert_span(tx, set_id, start, end, label)
    return OpResult(tx.changes, span_id)


def annotate(
    project: Project,
    document_id: int,
    annotator_id: int | None,
    start: int,
    end: int,
    label_id: int,
) -> OpResult[int]:
    """Add a span to the owner's set of a document, creating the set if needed (one step)."""
    label = known_label(project, label_id)
    with project.write(Message("Add {label}", label=label)) as tx:
        set_id = ensure_set(tx, document_id, annotator_id)
        span_id = insert_span(tx, set_id, start, end, label)
    return OpResult(tx.changes, span_id)


def _check_not_excluded(
    conn: Connection, set_id: int, start: int, end: int, label: LabelInfo
) -> None:
    from core.annotation.excluded import (
        check_not_excluded,  # core.annotation.excluded builds on this module
    )

    check_not_excluded(conn, set_id, start, end, Message("a span labelled {label}", label=label))


def insert_span(tx: Txn, set_id: int, start: int, end: int, label: LabelInfo) -> int:
    """Add a span to a set inside `tx`: refused outside the document, in excluded text,
    or when the set has it already."""
    check_offsets(tx.conn, set_id, start, end)
    _check_not_excluded(tx.conn, set_id, start, end, label)
    _refuse_duplicate(tx.conn, set_id, start, end, label)
    span_id = tx.insert(EntitySpan, set_id=set_id, label_id=label.id, start=start, end=end)
    touch_set(tx, set_id)
    return span_id


def get_span(conn: Connection, span_id: int) -> SpanRow:
    row = conn.execute(select(*SPAN_COLUMNS).where(EntitySpan.id == span_id)).first()
    if row is None:
        raise OperationError(
            Message("span {id} does not exist (it may have been deleted)", id=span_id)
        )
    return SpanRow(*row)


def span_usage(project: Project, span_id: int) -> dict[str, int]:
    """How many event arguments and stances refer to a span (to ask before deleting it)."""
    with project.read() as conn:
        arguments = conn.execute(
            select(EventArgument.id).where(EventArgument.span_id == span_id)
        ).all()
        stances = conn.execute(
            select(Stance.id).where(
                (Stance.holder_span_id == span_id) | (Stance.target_span_id == span_id)
            )
        ).all()
    return {"arguments": len(arguments), "stances": len(stances)}


def detach_span_references(tx: Txn, span: SpanRow, label_key: str) -> None:
    """Before a span is deleted: arguments and stances pointing at it keep a flagged,
    detached reference instead of disappearing."""
    for (arg_id,) in tx.conn.execute(
        select(EventArgument.id).where(EventArgument.span_id == span.id)
    ).all():
        tx.update(
            EventArgument,
            arg_id,
            span_id=None,
            detached_start=span.start,
            detached_end=span.end,
            detached_label=label_key,
        )
    for stance_id, holder, target in tx.conn.execute(
        select(Stance.id, Stance.holder_span_id, Stance.target_span_id).where(
            (Stance.holder_span_id == span.id) | (Stance.target_span_id == span.id)
        )
    ).all():
        values: dict[str, None] = {}
        if holder == span.id:
            values["holder_span_id"] = None
        if target == span.id:
            values["target_span_id"] = None
        tx.update(Stance, stance_id, **values)


def delete_span(project: Project, span_id: int) -> OpResult[None]:
    with project.read() as conn:
        span = get_span(conn, span_id)
    label = known_label(project, span.label_id)
    with project.write(Message("Delete {label}", label=label)) as tx:
        span = get_span(tx.conn, span_id)
        detach_span_references(tx, span, label.key)
        tx.delete(EntitySpan, span_id)
        touch_set(tx, span.set_id)
    return OpResult(tx.changes, None)


def relabel_span(project: Project, span_id: int, label_id: int) -> OpResult[None]:
    label = known_label(project, label_id)
    with project.write(Message("Relabel as {label}", label=label)) as tx:
        span = get_span(tx.conn, span_id)
        if span.label_id == label_id:
            return OpResult(tx.changes, None)
        _refuse_duplicate(tx.conn, span.set_id, span.start, span.end, label)
        tx.update(EntitySpan, span_id, label_id=label_id)
        touch_set(tx, span.set_id)
    return OpResult(tx.changes, None)


def resize_span(project: Project, span_id: int, start: int, end: int) -> OpResult[None]:
    with project.read() as conn:
        label = known_label(project, get_span(conn, span_id).label_id)
    with project.write(Message("Resize {label}", label=label)) as tx:
        span = get_span(tx.conn, span_id)
        if (span.start, span.end) == (start, end):
            return OpResult(tx.changes, None)
        check_offsets(tx.conn, span.set_id, start, end)
        _check_not_excluded(tx.conn, span.set_id, start, end, label)
        _refuse_duplicate(tx.conn, span.set_id, start, end, label)
        tx.update(EntitySpan, span_id, start=start, end=end)
        touch_set(tx, span.set_id)
    return OpResult(tx.changes, None)


def _refuse_duplicate(
    conn: Connection, set_id: int, start: int, end: int, label: LabelInfo
) -> None:
    exists = conn.execute(
        select(EntitySpan.id).where(
            EntitySpan.set_id == set_id,
            EntitySpan.start == start,
            EntitySpan.end == end,
            EntitySpan.label_id == label.id,
        )
    ).scalar()
    if exists is not None:
        raise OperationError(Message("this text is already annotated as {label}", label=label))


_SPAN_COLUMNS = 'SELECT id, set_id, label_id, start, "end", note FROM entity_span WHERE '


def spans_by_id(conn: Connection, span_ids: list[int]) -> list[SpanRow]:
    """The spans among `span_ids` that exist (deleted ones are simply absent)."""
    reader = DriverReader(conn)
    found: list[SpanRow] = []
    for chunk in in_batches(span_ids):
        where, params = reader.in_list("id", chunk)
        found.extend(SpanRow(*r) for r in reader.rows(_SPAN_COLUMNS + where, params))
    return found


def spans_of_set(conn: Connection, set_id: int) -> list[SpanRow]:
    """The set's spans by start (longest first at equal starts).

    Read on the driver's cursor: the editor re-reads a set after every change to it, and
    a set can hold ten thousand spans.
    """
    rows = DriverReader(conn).rows(
        _SPAN_COLUMNS + 'set_id = ? ORDER BY start, "end" DESC, id', (set_id,)
    )
    return [SpanRow(*r) for r in rows]


@dataclass(frozen=True)
class OwnerSet:
    """A document as one owner's set shows it (owner: an annotator id, None for gold)."""

    document_id: int
    text: str
    set_id: int | None  # None until the owner annotates the document
    spans: list[SpanRow]


def read_owner_set(project: Project, document_id: int, owner: int | None) -> OwnerSet:
    """The document's text and the owner's spans, in one snapshot."""
    with project.read() as conn:
        text = document_text(conn, document_id)
        set_id = find_set(conn, document_id, owner)
        spans = spans_of_set(conn, set_id) if set_id is not None else []
    return OwnerSet(document_id, text, set_id, spans)


def read_changed_spans(
    project: Project, document_id: int, owner: int | None, span_ids: Collection[int] | None
) -> tuple[int | None, list[SpanRow]]:
    """The owner's set id, and the rows of `span_ids` still in that set (every span of
    the set when `span_ids` is None): what a view re-reads after a change."""
    with project.read() as conn:
        set_id = find_set(conn, document_id, owner)
        if span_ids is None:
            rows = spans_of_set(conn, set_id) if set_id is not None else []
        else:
            rows = [r for r in spans_by_id(conn, sorted(span_ids)) if r.set_id == set_id]
    return set_id, rows
