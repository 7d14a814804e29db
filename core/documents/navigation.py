"""Documents as one annotation set's owner sees them: state, annotation count, the way on.

`owner` is an annotator id, or None for the gold set. A document without a set
for that owner is "new". Listing reads only ids up front and the small columns
of the rows on screen (`summaries`), never the texts, so a project of tens of
thousands of documents lists instantly.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select, text

from core.annotation.sets import ensure_set
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.project import Project, in_batches
from models.messages import Message
from models.tables import SET_STATES, AnnotationSet, Document, utc_now

NEW, IN_PROGRESS, FINISHED = SET_STATES


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    title: str
    length: int
    state: str
    set_id: int | None
    annotations: int  # entity spans, events and stances in the owner's set


def _owner_join(owner: int | None) -> str:
    if owner is None:
        return "s.document_id = d.id AND s.annotator_id IS NULL"
    return "s.document_id = d.id AND s.annotator_id = :owner"


def _assigned(assigned_to: int | None, free: bool) -> str:
    """The condition keeping the documents assigned to `assigned_to` (None: no limit), and
    with `free` those assigned to nobody (anyone may pick them)."""
    if assigned_to is None:
        return "TRUE"
    mine = "EXISTS (SELECT 1 FROM assignment a WHERE a.document_id = d.id AND a.annotator_id = :me)"
    if not free:
        return mine
    return f"({mine} OR NOT EXISTS (SELECT 1 FROM assignment a WHERE a.document_id = d.id))"


def document_ids(
    project: Project,
    owner: int | None,
    states: Collection[str] | None = None,
    *,
    assigned_to: int | None = None,
    free: bool = False,
) -> list[int]:
    """Ids of all documents in list order, or of those whose state is in `states`;
    `assigned_to`: only those assigned to this annotator (and, with `free`, those
    assigned to nobody)."""
    if states:
        unknown = set(states) - set(SET_STATES)
        if unknown:
            raise OperationError(f"unknown state {sorted(unknown)[0]!r}")
    with project.read() as conn:
        if not states and assigned_to is None:
            return list(conn.execute(select(Document.id).order_by(Document.id)).scalars())
        where = _assigned(assigned_to, free)
        if states:
            where += " AND coalesce(s.state, 'new') IN :states"
        query = text(
            f"SELECT d.id FROM document d LEFT JOIN annotation_set s ON {_owner_join(owner)} "
            f"WHERE {where} ORDER BY d.id"
        )
        params: dict[str, object] = {"owner": owner, "me": assigned_to}
        if states:
            query = query.bindparams(bindparam("states", expanding=True))
            params["states"] = list(states)
        return list(conn.execute(query, params).scalars())


def summaries(
    project: Project, ids: Sequence[int], owner: int | None
) -> dict[int, DocumentSummary]:
    """Title, state and annotation count of the given documents."""
    query = text(
        "SELECT d.id, d.title, d.length, coalesce(s.state, 'new'), s.id, "
        "CASE WHEN s.id IS NULL THEN 0 ELSE "
        "(SELECT count(*) FROM entity_span e WHERE e.set_id = s.id) "
        "+ (SELECT count(*) FROM event_mention m WHERE m.set_id = s.id) "
        "+ (SELECT count(*) FROM stance t WHERE t.set_id = s.id) END "
        f"FROM document d LEFT JOIN annotation_set s ON {_owner_join(owner)} "
        "WHERE d.id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    found: dict[int, DocumentSummary] = {}
    with project.read() as conn:
        for chunk in in_batches(ids):
            for row in conn.execute(query, {"owner": owner, "ids": list(chunk)}):
                found[row[0]] = DocumentSummary(*row)
    return found


def document_titles(project: Project) -> list[tuple[int, str]]:
    with project.read() as conn:
        return [
            tuple(r) for r in conn.exec_driver_sql("SELECT id, title FROM document ORDER BY id")
        ]


def document_text(conn: Connection, document_id: int) -> str:
    text = conn.execute(select(Document.text).where(Document.id == document_id)).scalar()
    if text is None:
        raise OperationError(
            Message("document {id} does not exist (it may have been removed)", id=document_id)
        )
    return text


def read_document_text(project: Project, document_id: int) -> str:
    with project.read() as conn:
        return document_text(conn, document_id)


def next_unfinished(
    project: Project, owner: int | None, after: int | None, order: Sequence[int] | None = None
) -> int | None:
    """The first document after `after` (in `order`, default: list order) that the owner
    has not finished, wrapping around; None when every other document is finished."""
    order = list(order) if order is not None else document_ids(project, owner)
    unfinished = set(document_ids(project, owner, (NEW, IN_PROGRESS)))
    start = order.index(after) + 1 if after in order else 0
    for doc_id in order[start:] + order[:start]:
        if doc_id != after and doc_id in unfinished:
            return doc_id
    return None


def set_document_state(
    project: Project, document_id: int, annotator_id: int | None, state: str
) -> OpResult[int]:
    """Mark the owner's set of a document (created if needed) as `state`; one undo step."""
    if state not in SET_STATES:
        raise OperationError(f"unknown state {state!r}; expected one of {', '.join(SET_STATES)}")
    name = {
        NEW: Message("Mark as new"),
        IN_PROGRESS: Message("Reopen document"),
        FINISHED: Message("Finish document"),
    }[state]
    with project.write(name) as tx:
        if tx.conn.execute(select(Document.id).where(Document.id == document_id)).first() is None:
            raise OperationError(Message("document {id} does not exist", id=document_id))
        set_id = ensure_set(tx, document_id, annotator_id)
        current = tx.conn.execute(
            select(AnnotationSet.state).where(AnnotationSet.id == set_id)
        ).scalar_one()
        if current != state:
            tx.update(AnnotationSet, set_id, state=state, updated_at=utc_now())
            tx.changes.sets.add(set_id)
            tx.changes.documents.add(document_id)
    return OpResult(tx.changes, set_id)
