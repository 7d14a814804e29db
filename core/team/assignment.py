"""Who annotates which documents: the curator's plan, kept in the `assignment` table.

A curator assigns documents by hand, or automatically: each document to `per_document`
annotators, a share of the documents to everyone (so agreement can be measured on
them), in corpus order or shuffled with a seed (the same seed gives the same plan). The
plan spreads documents evenly: each goes to the annotators with the fewest so far.

An annotator with assignments sees those documents in their list (and, on request, the
documents assigned to nobody, which anyone may pick); without any, the whole corpus as
before. The same plan decides what an annotator package holds (core.io.handoff). The
curator follows each annotator's progress (`workload`) and moves unfinished documents
from one to another (`reassign`).

Works on a project file and on a team project alike.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, and_, func, select

from core.annotation.annotators import list_annotators, require_curator
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project, in_batches
from models.messages import Message
from models.tables import AnnotationSet, Assignment, Document, utc_now

CORPUS_ORDER, RANDOM_ORDER = "corpus", "random"
_DOING = Message("assign documents to annotators")


@dataclass(frozen=True)
class AssignmentPlan:
    """Documents per annotator; `shared`: the documents given to every annotator."""

    documents: dict[int, list[int]]
    shared: list[int]

    @property
    def rows(self) -> int:
        return sum(len(docs) for docs in self.documents.values())


@dataclass(frozen=True)
class Workload:
    """One annotator's assigned documents by the state of their set."""

    annotator_id: int
    name: str
    assigned: int
    new: int
    in_progress: int
    finished: int


def plan_assignments(
    document_ids: Sequence[int],
    annotator_ids: Sequence[int],
    *,
    per_document: int,
    shared_fraction: float = 0.0,
    order: str = CORPUS_ORDER,
    seed: int | None = None,
) -> AssignmentPlan:
    """Who gets which document (no database: the same inputs give the same plan)."""
    annotators = list(dict.fromkeys(annotator_ids))
    if not annotators:
        raise OperationError(Message("choose the annotators to assign documents to"))
    if not 1 <= per_document <= len(annotators):
        raise OperationError(
            Message(
                "each document can go to 1 to {count} annotator(s), not {asked}",
                count=len(annotators),
                asked=per_document,
            )
        )
    if not 0.0 <= shared_fraction <= 1.0:
        raise OperationError(Message("the share of documents for everyone is between 0 and 1"))
    if order not in (CORPUS_ORDER, RANDOM_ORDER):
        raise OperationError(
            Message("unknown order {order!r}; expected corpus or random", order=order)
        )
    documents = list(dict.fromkeys(document_ids))
    if order == RANDOM_ORDER:
        random.Random(seed).shuffle(documents)
    shared_count = round(len(documents) * shared_fraction)
    shared, rest = documents[:shared_count], documents[shared_count:]
    plan: dict[int, list[int]] = {a: list(shared) for a in annotators}
    for turn, document_id in enumerate(rest):
        # the least loaded first; equal loads taken in a rotating order, so the first
        # annotators are not always the ones given the odd document
        rotation = {a: (i - turn) % len(annotators) for i, a in enumerate(annotators)}
        chosen = sorted(annotators, key=lambda a: (len(plan[a]), rotation[a]))[:per_document]
        for annotator in chosen:
            plan[annotator].append(document_id)
    return AssignmentPlan(plan, shared)


def assign_automatically(
    project: Project,
    curator_id: int | None,
    annotator_ids: Sequence[int],
    *,
    per_document: int,
    shared_fraction: float = 0.0,
    order: str = CORPUS_ORDER,
    seed: int | None = None,
    document_ids: Sequence[int] | None = None,
) -> OpResult[AssignmentPlan]:
    """Plan and record assignments for `document_ids` (default: every document assigned
    to nobody yet); one undo step."""
    with project.read() as conn:
        require_curator(conn, curator_id, _DOING)
        _check_annotators(conn, annotator_ids)
        if document_ids is None:
            taken = select(Assignment.document_id)
            document_ids = list(
                conn.execute(
                    select(Document.id).where(Document.id.not_in(taken)).order_by(Document.id)
                ).scalars()
            )
    plan = plan_assignments(
        document_ids,
        annotator_ids,
        per_document=per_document,
        shared_fraction=shared_fraction,
        order=order,
        seed=seed,
    )
    with project.write(Message("Assign {count} document(s)", count=len(document_ids))) as tx:
        require_curator(tx.conn, curator_id, _DOING)
        for annotator_id, documents in plan.documents.items():
            _add(tx, annotator_id, documents, curator_id)
    return OpResult(tx.changes, plan)


def assign_documents(
    project: Project, curator_id: int | None, annotator_id: int, document_ids: Iterable[int]
) -> OpResult[int]:
    """Assign documents to an annotator by hand; returns how many were new to them."""
    documents = list(dict.fromkeys(document_ids))
    with project.write(Message("Assign {count} document(s)", count=len(documents))) as tx:
        require_curator(tx.conn, curator_id, _DOING)
        _check_annotators(tx.conn, [annotator_id])
        _check_documents(tx.conn, documents)
        added = _add(tx, annotator_id, documents, curator_id)
    return OpResult(tx.changes, added)


def unassign_documents(
    project: Project, curator_id: int | None, annotator_id: int, document_ids: Iterable[int]
) -> OpResult[int]:
    """Take documents back from an annotator (their sets stay); returns how many."""
    documents = list(dict.fromkeys(document_ids))
    with project.write(Message("Unassign {count} document(s)", count=len(documents))) as tx:
        require_curator(tx.conn, curator_id, _DOING)
        removed = _remove(tx, annotator_id, documents)
    return OpResult(tx.changes, removed)


def reassign(
    project: Project,
    curator_id: int | None,
    from_annotator: int,
    to_annotator: int,
    document_ids: Iterable[int] | None = None,
) -> OpResult[int]:
    """Move documents from one annotator to another: the given ones, or every one the
    first has not finished. Returns how many moved."""
    if from_annotator == to_annotator:
        raise OperationError(Message("choose another annotator to give the documents to"))
    with project.write(Message("Reassign documents")) as tx:
        require_curator(tx.conn, curator_id, _DOING)
        _check_annotators(tx.conn, [from_annotator, to_annotator])
        if document_ids is None:
            finished = select(AnnotationSet.document_id).where(
                AnnotationSet.annotator_id == from_annotator, AnnotationSet.state == "finished"
            )
            moving = list(
                tx.conn.execute(
                    select(Assignment.document_id).where(
                        Assignment.annotator_id == from_annotator,
                        Assignment.document_id.not_in(finished),
                    )
                ).scalars()
            )
        else:
            moving = list(dict.fromkeys(document_ids))
        moved = _remove(tx, from_annotator, moving)
        _add(tx, to_annotator, moving, curator_id)
    return OpResult(tx.changes, moved)


def assigned_documents(conn: Connection, annotator_id: int) -> list[int]:
    query = select(Assignment.document_id).where(Assignment.annotator_id == annotator_id)
    return list(conn.execute(query.order_by(Assignment.document_id)).scalars())


def has_assignments(project: Project, annotator_id: int) -> bool:
    """Whether the annotator's work is planned (their list then shows what is theirs)."""
    with project.read() as conn:
        query = select(Assignment.document_id).where(Assignment.annotator_id == annotator_id)
        return conn.execute(query.limit(1)).first() is not None


def workload(project: Project) -> list[Workload]:
    """Each annotator's assigned documents by state (annotators without any are left
    out), by name."""
    state = func.coalesce(AnnotationSet.state, "new")
    query = (
        select(Assignment.annotator_id, state, func.count())
        .select_from(Assignment)
        .outerjoin(
            AnnotationSet,
            and_(
                AnnotationSet.document_id == Assignment.document_id,
                AnnotationSet.annotator_id == Assignment.annotator_id,
            ),
        )
        .group_by(Assignment.annotator_id, state)
    )
    with project.read() as conn:
        counts: dict[int, dict[str, int]] = {}
        for annotator_id, set_state, count in conn.execute(query):
            counts.setdefault(annotator_id, {})[set_state] = count
        people = list_annotators(conn)
    found = []
    for person in people:
        states = counts.get(person.id)
        if states is None:
            continue
        found.append(
            Workload(
                person.id,
                person.name,
                sum(states.values()),
                states.get("new", 0),
                states.get("in_progress", 0),
                states.get("finished", 0),
            )
        )
    return found


def _add(tx: Txn, annotator_id: int, documents: Sequence[int], by: int | None) -> int:
    already: set[int] = set()
    for chunk in in_batches(documents):
        already.update(
            tx.conn.execute(
                select(Assignment.document_id).where(
                    Assignment.annotator_id == annotator_id, Assignment.document_id.in_(chunk)
                )
            ).scalars()
        )
    now = utc_now()
    added = 0
    for document_id in documents:
        if document_id in already:
            continue
        tx.insert(
            Assignment,
            document_id=document_id,
            annotator_id=annotator_id,
            assigned_by=by,
            assigned_at=now,
        )
        tx.changes.documents.add(document_id)
        added += 1
    return added


def _remove(tx: Txn, annotator_id: int, documents: Sequence[int]) -> int:
    removed = 0
    for chunk in in_batches(documents):
        present = tx.conn.execute(
            select(Assignment.document_id).where(
                Assignment.annotator_id == annotator_id, Assignment.document_id.in_(chunk)
            )
        ).scalars()
        for document_id in list(present):
            tx.delete(Assignment, (document_id, annotator_id))
            tx.changes.documents.add(document_id)
            removed += 1
    return removed


def _check_annotators(conn: Connection, annotator_ids: Iterable[int]) -> None:
    known = {a.id for a in list_annotators(conn)}
    unknown = sorted(set(annotator_ids) - known)
    if unknown:
        raise OperationError(
            Message("no annotator with id {ids}", ids=", ".join(map(str, unknown)))
        )


def _check_documents(conn: Connection, document_ids: Sequence[int]) -> None:
    found: set[int] = set()
    for chunk in in_batches(document_ids):
        found.update(conn.execute(select(Document.id).where(Document.id.in_(chunk))).scalars())
    missing = [d for d in document_ids if d not in found]
    if missing:
        raise OperationError(
            Message("no document with id {ids}", ids=", ".join(map(str, missing[:10])))
        )


__all__ = [
    "CORPUS_ORDER",
    "RANDOM_ORDER",
    "AssignmentPlan",
    "Workload",
    "assign_automatically",
    "assign_documents",
    "assigned_documents",
    "has_assignments",
    "plan_assignments",
    "reassign",
    "unassign_documents",
    "workload",
]
