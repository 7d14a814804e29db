"""Stances: the author's polarity towards each schema target, and attributed stances.

- Document-level: one per stance target per annotation set, the article's (author's)
  polarity. Set, change or clear it.
- Attributed: a holder (entity span, e.g. "زوكربيرج") takes a polarity towards a
  target, either a schema target or, when the schema allows entity targets, an entity
  span; one or more evidence spans (raw offsets) show where the text says so.

Each operation is one transaction and one undo step ("Set stance FAVOR"), moves the
set to in progress and reports the document and set in `Changes`. Stances that lose
their holder or target span (the span was deleted) are kept and flagged by
`core.annotation.validation`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from core.annotation.excluded import check_not_excluded
from core.annotation.sets import ensure_set, touch_set
from core.annotation.spans import check_offsets, get_span
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project, in_batches
from core.project.unset import UNSET, Unset
from core.schema.model import (
    LAYER_ITEM_NAMES,
    POLARITY,
    STANCE_TARGET,
    LabelInfo,
    ProjectSchema,
    load_schema,
)
from models.messages import Message
from models.tables import Stance, StanceEvidence

DOCUMENT, ATTRIBUTED = "document", "attributed"


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    stance_id: int
    start: int
    end: int


@dataclass(frozen=True)
class StanceRow:
    id: int
    set_id: int
    scope: str  # DOCUMENT or ATTRIBUTED
    holder_span_id: int | None
    target_label_id: int | None
    target_span_id: int | None
    polarity_id: int | None  # None: an attributed stance whose polarity is not chosen yet
    note: str
    evidence: tuple[EvidenceRow, ...] = ()

    @property
    def attributed(self) -> bool:
        return self.scope == ATTRIBUTED


# --- reading ---------------------------------------------------------------------------

HOLDER, EVIDENCE = Message("holder"), Message("evidence")  # what checks name
_COLUMNS = (
    Stance.id,
    Stance.set_id,
    Stance.scope,
    Stance.holder_span_id,
    Stance.target_label_id,
    Stance.target_span_id,
    Stance.polarity_id,
    Stance.note,
)


def stances_of_sets(conn: Connection, set_ids: list[int]) -> dict[int, list[StanceRow]]:
    """Stances with their evidence: document-level first (in target order), then
    attributed ones by their first evidence."""
    result: dict[int, list[StanceRow]] = {set_id: [] for set_id in set_ids}
    for chunk in in_batches(set_ids):
        evidence: dict[int, list[EvidenceRow]] = defaultdict(list)
        for row in conn.execute(
            select(
                StanceEvidence.id,
                StanceEvidence.stance_id,
                StanceEvidence.start,
                StanceEvidence.end,
            )
            .join(Stance, Stance.id == StanceEvidence.stance_id)
            .where(Stance.set_id.in_(chunk))
            .order_by(StanceEvidence.start, StanceEvidence.end, StanceEvidence.id)
        ).all():
            evidence[row.stance_id].append(EvidenceRow(*row))
        for stance in conn.execute(
            select(*_COLUMNS).where(Stance.set_id.in_(chunk)).order_by(Stance.id)
        ).all():
            result[stance.set_id].append(StanceRow(*stance, evidence=tuple(evidence[stance.id])))
    for stances in result.values():
        stances.sort(key=_stance_order)
    return result


def _stance_order(stance: StanceRow) -> tuple[bool, int, int]:
    first = stance.evidence[0].start if stance.evidence else -1
    return (stance.scope != DOCUMENT, first, stance.id)


def stances_of_set(conn: Connection, set_id: int) -> list[StanceRow]:
    return stances_of_sets(conn, [set_id])[set_id]


def get_stance(conn: Connection, stance_id: int) -> StanceRow:
    row = conn.execute(select(*_COLUMNS).where(Stance.id == stance_id)).first()
    if row is None:
        raise OperationError(
            Message("stance {id} does not exist (it may have been deleted)", id=stance_id)
        )
    evidence = conn.execute(
        select(
            StanceEvidence.id, StanceEvidence.stance_id, StanceEvidence.start, StanceEvidence.end
        )
        .where(StanceEvidence.stance_id == stance_id)
        .order_by(StanceEvidence.start, StanceEvidence.end, StanceEvidence.id)
    ).all()
    return StanceRow(*row, evidence=tuple(EvidenceRow(*e) for e in evidence))


def document_stance(conn: Connection, set_id: int, target_label_id: int) -> StanceRow | None:
    stance_id = conn.execute(
        select(Stance.id).where(
            Stance.set_id == set_id,
            Stance.scope == DOCUMENT,
            Stance.target_label_id == target_label_id,
        )
    ).scalar()
    return get_stance(conn, stance_id) if stance_id is not None else None


# --- checks ------------------------------------------------------------------------------


def _label_of(schema: ProjectSchema, label_id: int, layer: str) -> LabelInfo:
    what = LAYER_ITEM_NAMES[layer]
    try:
        label = schema.label(label_id)
    except KeyError:
        raise OperationError(
            Message("{what} {id} does not exist", what=what, id=label_id)
        ) from None
    if label.layer != layer:
        raise OperationError(
            Message("{label} is not a {what}", label=schema.describe(label_id), what=what)
        )
    return label


def _check_span(conn: Connection, set_id: int, span_id: int, what: Message) -> None:
    span = get_span(conn, span_id)
    if span.set_id != set_id:
        raise OperationError(
            Message("the {what} must be an entity span of the same annotation set", what=what)
        )


def _check_target(
    conn: Connection,
    schema: ProjectSchema,
    set_id: int,
    target_label_id: int | None,
    target_span_id: int | None,
) -> None:
    """At most one target (none: not chosen yet, flagged until it is)."""
    if target_label_id is not None and target_span_id is not None:
        raise OperationError(Message("a stance has one target: a stance target or an entity span"))
    if target_label_id is not None:
        _label_of(schema, target_label_id, STANCE_TARGET)
    elif target_span_id is not None:
        if not schema.entity_targets:
            raise OperationError(
                Message("this project's schema does not allow entity spans as targets")
            )
        _check_span(conn, set_id, target_span_id, Message("target"))


def _check_evidence(conn: Connection, set_id: int, start: int, end: int) -> None:
    check_offsets(conn, set_id, start, end, EVIDENCE)
    check_not_excluded(conn, set_id, start, end, EVIDENCE)


def _add_evidence_rows(tx: Txn, stance_id: int, set_id: int, spans: Iterable[Sequence[int]]):
    seen = set()
    for start, end in spans:
        if (start, end) in seen:
            continue
        seen.add((start, end))
        _check_evidence(tx.conn, set_id, start, end)
        tx.insert(StanceEvidence, stance_id=stance_id, start=start, end=end)


def delete_stance_rows(tx: Txn, stance: StanceRow) -> None:
    """Delete a stance and its evidence through `tx` (for operations deleting many)."""
    for evidence in stance.evidence:
        tx.delete(StanceEvidence, evidence.id)
    tx.delete(Stance, stance.id)


# --- document-level stances --------------------------------------------------------------


def set_document_stance(
    project: Project, set_id: int, target_label_id: int, polarity_id: int
) -> OpResult[int]:
    """Record (or change) the article's polarity towards a schema target; value: stance id."""
    polarity = _label_of(project.schema, polarity_id, POLARITY)
    with project.write(Message("Set stance {polarity}", polarity=polarity)) as tx:
        stance_id = _put_document_stance(tx, set_id, target_label_id, polarity_id)
    return OpResult(tx.changes, stance_id)


def annotate_document_stance(
    project: Project,
    document_id: int,
    annotator_id: int | None,
    target_label_id: int,
    polarity_id: int,
) -> OpResult[int]:
    """`set_document_stance` in the annotator's set of a document, creating the set if
    needed, as one undo step."""
    polarity = _label_of(project.schema, polarity_id, POLARITY)
    with project.write(Message("Set stance {polarity}", polarity=polarity)) as tx:
        set_id = ensure_set(tx, document_id, annotator_id)
        stance_id = _put_document_stance(tx, set_id, target_label_id, polarity_id)
    return OpResult(tx.changes, stance_id)


def _put_document_stance(tx: Txn, set_id: int, target_label_id: int, polarity_id: int) -> int:
    schema = load_schema(tx.conn)
    _label_of(schema, target_label_id, STANCE_TARGET)
    _label_of(schema, polarity_id, POLARITY)
    existing = document_stance(tx.conn, set_id, target_label_id)
    if existing is None:
        stance_id = tx.insert(
            Stance,
            set_id=set_id,
            scope=DOCUMENT,
            target_label_id=target_label_id,
            polarity_id=polarity_id,
        )
    else:
        stance_id = existing.id
        if existing.polarity_id == polarity_id:
            return stance_id
        tx.update(Stance, stance_id, polarity_id=polarity_id)
    touch_set(tx, set_id)
    return stance_id


def clear_document_stance(project: Project, set_id: int, target_label_id: int) -> OpResult[None]:
    """Forget the article's polarity towards a target (with any evidence recorded for it)."""
    target = _label_of(project.schema, target_label_id, STANCE_TARGET)
    with project.write(Message("Clear stance on {target}", target=target)) as tx:
        existing = document_stance(tx.conn, set_id, target_label_id)
        if existing is None:
            return OpResult(tx.changes, None)
        delete_stance_rows(tx, existing)
        touch_set(tx, set_id)
    return OpResult(tx.changes, None)


# --- attributed stances ----------------------------------------------------------------------


def add_attributed_stance(
    project: Project,
    set_id: int,
    holder_span_id: int,
    polarity_id: int | None,
    *,
    target_label_id: int | None = None,
    target_span_id: int | None = None,
    evidence: Sequence[Sequence[int]] = (),
    note: str = "",
) -> OpResult[int]:
    """A holder's polarity towards a target, with evidence spans ((start, end) pairs).

    An attributed stance should have a polarity, a target and at least one evidence
    span; one without them is kept (a new one starts so, until the annotator chooses)
    but flagged incomplete, and left out of agreement, curation and exports.
    """
    name = Message("Add stance")
    if polarity_id is not None:
        polarity = _label_of(project.schema, polarity_id, POLARITY)
        name = Message("Add stance {polarity}", polarity=polarity)
    with project.write(name) as tx:
        schema = load_schema(tx.conn)
        if polarity_id is not None:
            _label_of(schema, polarity_id, POLARITY)
        _check_span(tx.conn, set_id, holder_span_id, HOLDER)
        _check_target(tx.conn, schema, set_id, target_label_id, target_span_id)
        stance_id = tx.insert(
            Stance,
            set_id=set_id,
            scope=ATTRIBUTED,
            holder_span_id=holder_span_id,
            target_label_id=target_label_id,
            target_span_id=target_span_id,
            polarity_id=polarity_id,
            note=note,
        )
        _add_evidence_rows(tx, stance_id, set_id, evidence)
        touch_set(tx, set_id)
    return OpResult(tx.changes, stance_id)


def edit_stance(
    project: Project,
    stance_id: int,
    *,
    holder_span_id: int | Unset = UNSET,
    target_label_id: int | Unset | None = UNSET,
    target_span_id: int | Unset | None = UNSET,
    polarity_id: int | Unset = UNSET,
    note: str | Unset = UNSET,
) -> OpResult[None]:
    """Change an attributed stance (or a document stance's polarity or note).

    Setting one kind of target clears the other: `target_span_id=7` makes the span the
    target; `target_label_id=3` makes the schema target the target.
    """
    name = Message("Edit stance")
    if polarity_id is not UNSET:
        polarity = _label_of(project.schema, polarity_id, POLARITY)
        name = Message("Set stance {polarity}", polarity=polarity)
    with project.write(name) as tx:
        schema = load_schema(tx.conn)
        stance = get_stance(tx.conn, stance_id)
        values: dict[str, object] = {}
        if polarity_id is not UNSET:
            _label_of(schema, polarity_id, POLARITY)
            values["polarity_id"] = polarity_id
        if note is not UNSET:
            values["note"] = note
        sides = (holder_span_id, target_label_id, target_span_id)
        if any(value is not UNSET for value in sides) and not stance.attributed:
            raise OperationError(
                Message(
                    "a document stance is the author's, towards its own target; "
                    "add an attributed stance instead"
                )
            )
        if holder_span_id is not UNSET:
            _check_span(tx.conn, stance.set_id, holder_span_id, HOLDER)
            values["holder_span_id"] = holder_span_id
        if target_label_id is not UNSET or target_span_id is not UNSET:
            label = None if target_label_id is UNSET else target_label_id
            span = None if target_span_id is UNSET else target_span_id
            _check_target(tx.conn, schema, stance.set_id, label, span)
            values.update(target_label_id=label, target_span_id=span)
        tx.update(Stance, stance_id, **values)
        if tx.records:
            touch_set(tx, stance.set_id)
    return OpResult(tx.changes, None)


def delete_stance(project: Project, stance_id: int) -> OpResult[None]:
    with project.write(Message("Delete stance")) as tx:
        stance = get_stance(tx.conn, stance_id)
        delete_stance_rows(tx, stance)
        touch_set(tx, stance.set_id)
    return OpResult(tx.changes, None)


def add_evidence(project: Project, stance_id: int, start: int, end: int) -> OpResult[int]:
    with project.write(Message("Add evidence")) as tx:
        stance = get_stance(tx.conn, stance_id)
        if any(e.start == start and e.end == end for e in stance.evidence):
            raise OperationError(Message("this text is already evidence for the stance"))
        _check_evidence(tx.conn, stance.set_id, start, end)
        evidence_id = tx.insert(StanceEvidence, stance_id=stance_id, start=start, end=end)
        touch_set(tx, stance.set_id)
    return OpResult(tx.changes, evidence_id)


def remove_evidence(project: Project, evidence_id: int) -> OpResult[None]:
    with project.write(Message("Remove evidence")) as tx:
        stance_id = tx.conn.execute(
            select(StanceEvidence.stance_id).where(StanceEvidence.id == evidence_id)
        ).scalar()
        if stance_id is None:
            raise OperationError(
                Message("evidence {id} does not exist (it may have been removed)", id=evidence_id)
            )
        stance = get_stance(tx.conn, stance_id)
        tx.delete(StanceEvidence, evidence_id)
        touch_set(tx, stance.set_id)
    return OpResult(tx.changes, None)


__all__ = [
    "ATTRIBUTED",
    "DOCUMENT",
    "EvidenceRow",
    "StanceRow",
    "add_attributed_stance",
    "add_evidence",
    "annotate_document_stance",
    "clear_document_stance",
    "delete_stance",
    "delete_stance_rows",
    "document_stance",
    "edit_stance",
    "get_stance",
    "remove_evidence",
    "set_document_stance",
    "stances_of_set",
    "stances_of_sets",
]
