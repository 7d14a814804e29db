"""Annotation sets: one per (document, annotator), the gold set having no annotator,
each with a state (new, in progress, finished)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select

from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project, in_batches
from models.messages import Message
from models.tables import SET_STATES, AnnotationSet, Annotator, utc_now


def find_set(conn: Connection, document_id: int, annotator_id: int | None) -> int | None:
    query = select(AnnotationSet.id).where(AnnotationSet.document_id == document_id)
    if annotator_id is None:
        query = query.where(AnnotationSet.annotator_id.is_(None))
    else:
        query = query.where(AnnotationSet.annotator_id == annotator_id)
    return conn.execute(query).scalar()


def ensure_set(tx: Txn, document_id: int, annotator_id: int | None) -> int:
    """The set of (document, annotator) — annotator None is the gold set — created if new."""
    set_id = find_set(tx.conn, document_id, annotator_id)
    if set_id is None:
        set_id = tx.insert(AnnotationSet, document_id=document_id, annotator_id=annotator_id)
        tx.changes.sets.add(set_id)
        tx.changes.documents.add(document_id)
    return set_id


def set_document_of(conn: Connection, set_id: int) -> int:
    doc = conn.execute(select(AnnotationSet.document_id).where(AnnotationSet.id == set_id)).scalar()
    if doc is None:
        raise OperationError(Message("annotation set {id} does not exist", id=set_id))
    return doc


def touch_set(tx: Txn, set_id: int) -> None:
    """Mark the set as worked on: in progress (unless finished) and its document changed."""
    row = tx.conn.execute(
        select(AnnotationSet.document_id, AnnotationSet.state).where(AnnotationSet.id == set_id)
    ).first()
    if row is None:
        raise OperationError(Message("annotation set {id} does not exist", id=set_id))
    values = {"updated_at": utc_now()}
    if row.state == "new":
        values["state"] = "in_progress"
    tx.update(AnnotationSet, set_id, **values)
    tx.changes.sets.add(set_id)
    tx.changes.documents.add(row.document_id)


def set_state(project: Project, set_id: int, state: str) -> OpResult[None]:
    if state not in SET_STATES:
        raise OperationError(f"unknown state {state!r}; expected one of {', '.join(SET_STATES)}")
    names = {
        "new": Message("Mark as new"),
        "in_progress": Message("Mark as in progress"),
        "finished": Message("Mark as finished"),
    }
    with project.write(names[state]) as tx:
        document_id = set_document_of(tx.conn, set_id)
        tx.update(AnnotationSet, set_id, state=state, updated_at=utc_now())
        tx.changes.sets.add(set_id)
        tx.changes.documents.add(document_id)
    return OpResult(tx.changes, None)


def set_owner_names(conn: Connection, set_ids: Iterable[int]) -> dict[int, str]:
    """Annotator name of each set ("gold" for the gold standard)."""
    ids = sorted(set(set_ids))
    owners: dict[int, str] = {}
    for batch in in_batches(ids):
        rows = conn.execute(
            select(AnnotationSet.id, Annotator.name)
            .outerjoin(Annotator, Annotator.id == AnnotationSet.annotator_id)
            .where(AnnotationSet.id.in_(batch))
        ).all()
        owners.update({set_id: name or "gold" for set_id, name in rows})
    return owners


def read_set_owners(project: Project, set_ids: Iterable[int]) -> dict[int, str]:
    """`set_owner_names` for the UI."""
    with project.read() as conn:
        return set_owner_names(conn, set_ids)
