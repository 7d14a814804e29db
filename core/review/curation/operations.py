"""The curator's decisions on one document, each one transaction and one undo step:
`auto_merge` what enough annotators agree on, `accept` or `reject` one candidate,
and `mark_curated` (the rules are in the package docstring).

`auto_merge`, `accept` and `reject` re-read the curation inside their transaction, so
they decide on what the database holds then, not on what the view showed (a candidate
gone since is refused).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from core.annotation.annotators import require_curator
from core.annotation.events import delete_event_rows, get_event
from core.annotation.sets import touch_set
from core.annotation.spans import detach_span_references, get_span
from core.annotation.stances import delete_stance_rows, get_stance
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project
from core.review.curation.model import (
    ACCEPTED,
    ARGUMENT,
    ATTRIBUTED_STANCE,
    DOCUMENT_STANCE,
    ENTITY,
    EVENT,
    FINISHED,
    IN_PROGRESS,
    REJECTED,
    AcceptReport,
    Candidate,
    Curation,
    MergeReport,
    Ref,
    Strategy,
    normal_ref,
)
from core.review.curation.reading import document_title, load_curation
from core.review.curation.writing import GoldWriter, clear_rejection
from core.schema.model import LabelInfo, ProjectSchema, RoleInfo, load_schema
from models.messages import Message
from models.tables import AnnotationSet, CurationDecision, EntitySpan, EventArgument, utc_now


def _place(candidate: Candidate) -> tuple:
    """What two candidates share when only one of them can be right: the same text for
    entities and triggers, the same span of the same event for arguments, the same
    target (and holder) for stances."""
    kind, key = candidate.ref
    if kind in (ENTITY, EVENT):
        return (kind, key[0], key[1])
    if kind == ARGUMENT:
        return (kind, key[:3], key[4], key[5])
    if kind == DOCUMENT_STANCE:
        return (kind, key[0])
    return (kind, key[:5])


def _winners(candidates: list[Candidate], threshold: int, context: Curation) -> set[Ref]:
    """The undecided candidates that reach `threshold` and beat each rival: an alternative
    proposed only by other annotators, with as much support or more. Nothing is taken
    where the gold set already holds an alternative (the curator decided there)."""
    accepted_places = {_place(c) for c in context.all() if c.status == ACCEPTED}
    won = set()
    for candidate in candidates:
        if not candidate.undecided or candidate.support < max(threshold, 1):
            continue
        if _place(candidate) in accepted_places:
            continue
        beaten = False
        for conflict in candidate.conflicts:
            other = context.find(conflict.other)
            if other is None:
                continue
            rival = not set(other.annotators) & set(candidate.annotators)
            if other.status == ACCEPTED or (rival and other.support >= candidate.support):
                beaten = True
                break
        if not beaten:
            won.add(candidate.ref)
    return won


def _name(schema: ProjectSchema, ref: Ref) -> Message | LabelInfo | RoleInfo:
    """How an undo step names a candidate: its label, event type, role or polarity."""
    kind, key = ref
    try:
        if kind == ARGUMENT:
            return schema.role(key[3])
        if kind == DOCUMENT_STANCE:
            return Message("stance {polarity}", polarity=schema.label(key[1]))
        if kind == ATTRIBUTED_STANCE:
            return Message("stance {polarity}", polarity=schema.label(key[5]))
        return schema.label(key[2])
    except (KeyError, IndexError, TypeError):
        return Message("candidate")


def _load_for_write(
    tx: Txn, curator_id: int, document_id: int, include_unfinished: bool
) -> tuple[ProjectSchema, Curation]:
    require_curator(tx.conn, curator_id)
    schema = load_schema(tx.conn)
    return schema, load_curation(
        tx.conn, schema, document_id, include_unfinished=include_unfinished
    )


def _candidate(curation: Curation, ref: Ref) -> Candidate:
    candidate = curation.find(ref)
    if candidate is None:
        raise OperationError(
            Message(
                "this candidate is gone (an annotator or the gold set changed); reload the list"
            )
        )
    return candidate


def auto_merge(
    project: Project,
    curator_id: int,
    document_id: int,
    strategy: Strategy,
    *,
    include_unfinished: bool = False,
) -> OpResult[MergeReport]:
    """Copy what enough annotators agree on into the gold set (one undo step)."""
    with project.read() as conn:
        require_curator(conn, curator_id)
        count = len(
            load_curation(
                conn, project.schema, document_id, include_unfinished=include_unfinished
            ).annotators
        )
    with project.write(Message("Auto-merge ({how})", how=strategy.describe(count))) as tx:
        schema, curation = _load_for_write(tx, curator_id, document_id, include_unfinished)
        n = len(curation.annotators)
        if n == 0:
            raise OperationError(
                Message(
                    "no annotator has finished this document yet; nothing to merge "
                    "(include sets in progress to curate them anyway)"
                )
            )
        threshold = strategy.threshold(n)
        if not 1 <= threshold <= n:
            raise OperationError(
                Message(
                    "“at least {k} of {n}” cannot be met: this document has {n} "
                    "annotation sets to compare; choose k from 1 to {n}",
                    k=threshold,
                    n=n,
                )
            )
        writer = GoldWriter(tx, schema, curation, curator_id)
        won = _winners(list(curation.candidates), threshold, curation)
        entities = [c for c in curation.candidates if c.kind == ENTITY and c.ref in won]
        writer.many_spans([(c.start, c.end, c.label_id) for c in entities])
        taken: list[Ref] = [c.ref for c in entities]
        for candidate in curation.candidates:
            if candidate.kind == ENTITY:
                continue
            if candidate.kind == EVENT and (candidate.ref in won or candidate.status == ACCEPTED):
                chosen = _winners(list(candidate.arguments), threshold, curation)
                arguments = [a for a in candidate.arguments if a.ref in chosen]
                if candidate.ref not in won and not arguments:
                    continue
                got = writer.put(candidate, arguments)
                taken.extend(got if candidate.ref in won else got[1:])
            elif candidate.ref in won:
                taken.extend(writer.put(candidate))
        writer.finish()
        after = load_curation(tx.conn, schema, document_id, include_unfinished=include_unfinished)
        undecided = tuple(c.ref for c in after.undecided())
    report = MergeReport(strategy, n, tuple(taken), tuple(writer.brought_along), undecided)
    return OpResult(tx.changes, report)


def accept(
    project: Project,
    curator_id: int,
    document_id: int,
    ref: Ref,
    *,
    include_unfinished: bool = False,
) -> OpResult[AcceptReport]:
    """Put one candidate into the gold set (an event with its undecided arguments)."""
    ref = normal_ref(ref)
    with project.write(Message("Accept {what}", what=_name(project.schema, ref))) as tx:
        schema, curation = _load_for_write(tx, curator_id, document_id, include_unfinished)
        candidate = _candidate(curation, ref)
        if candidate.status == ACCEPTED and (
            candidate.kind != EVENT or not any(a.undecided for a in candidate.arguments)
        ):
            raise OperationError(Message("this is in the gold standard already"))
        writer = GoldWriter(tx, schema, curation, curator_id)
        left: tuple[Ref, ...] = ()
        arguments: list[Candidate] = []
        if candidate.kind == EVENT:
            pending = [a for a in candidate.arguments if a.undecided]
            chosen = _winners(pending, 1, curation)
            arguments = [a for a in pending if a.ref in chosen]
            left = tuple(a.ref for a in pending if a.ref not in chosen)
        taken = writer.put(candidate, arguments)
        for name in taken:
            clear_rejection(tx, document_id, name)
        writer.finish()
    report = AcceptReport(ref, tuple(taken), tuple(writer.brought_along), left)
    return OpResult(tx.changes, report)


def reject(
    project: Project,
    curator_id: int,
    document_id: int,
    ref: Ref,
    *,
    include_unfinished: bool = False,
) -> OpResult[None]:
    """Decide against a candidate: remembered, and removed from gold if gold holds it."""
    ref = normal_ref(ref)
    with project.write(Message("Reject {what}", what=_name(project.schema, ref))) as tx:
        schema, curation = _load_for_write(tx, curator_id, document_id, include_unfinished)
        candidate = _candidate(curation, ref)
        if candidate.status == REJECTED:
            raise OperationError(Message("this candidate is rejected already"))
        gold_set_id = curation.gold_set_id
        if candidate.gold_id is not None and gold_set_id is not None:  # gold holds it
            _remove_from_gold(tx, schema, candidate.kind, candidate.gold_id)
            touch_set(tx, gold_set_id)
        kind, key = ref
        tx.insert(
            CurationDecision,
            document_id=document_id,
            kind=kind,
            key=json.dumps(list(key)),
            decision="rejected",
            curator_id=curator_id,
            decided_at=utc_now(),
        )
        tx.changes.documents.add(document_id)
    return OpResult(tx.changes, None)


def _remove_from_gold(tx: Txn, schema: ProjectSchema, kind: str, gold_id: int) -> None:
    """Delete a candidate's gold row (`kind`: the candidate's)."""
    if kind == ENTITY:
        span = get_span(tx.conn, gold_id)
        detach_span_references(tx, span, schema.label(span.label_id).key)
        tx.delete(EntitySpan, span.id)
    elif kind == EVENT:
        delete_event_rows(tx, get_event(tx.conn, gold_id))
    elif kind == ARGUMENT:
        tx.delete(EventArgument, gold_id)
    else:
        delete_stance_rows(tx, get_stance(tx.conn, gold_id))


def mark_curated(
    project: Project, curator_id: int, document_id: int, curated: bool = True
) -> OpResult[int]:
    """Mark the gold set curated (finished) or in progress again; the value is its id."""
    state = FINISHED if curated else IN_PROGRESS
    name = Message("Mark gold curated") if curated else Message("Mark gold in progress")
    with project.write(name) as tx:
        require_curator(tx.conn, curator_id)
        document_title(tx.conn, document_id)  # refuses a document that is gone
        row = tx.conn.execute(
            select(AnnotationSet.id, AnnotationSet.state, AnnotationSet.curator_id).where(
                AnnotationSet.document_id == document_id, AnnotationSet.annotator_id.is_(None)
            )
        ).first()
        if row is None:
            set_id = tx.insert(
                AnnotationSet,
                document_id=document_id,
                annotator_id=None,
                curator_id=curator_id,
                state=state,
            )
        else:
            set_id = row.id
            values: dict[str, Any] = {}
            if row.state != state:
                values.update(state=state, updated_at=utc_now())
            if row.curator_id != curator_id:
                values["curator_id"] = curator_id
            if values:
                tx.update(AnnotationSet, set_id, **values)
        tx.changes.sets.add(set_id)
        tx.changes.documents.add(document_id)
    return OpResult(tx.changes, set_id)


__all__ = ["accept", "auto_merge", "mark_curated", "reject"]
