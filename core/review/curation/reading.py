"""Reading one document's curation: whose sets are compared, their annotations
gathered and turned into candidates, in the order the curator reviews them.

`load_curation` is the one read; it takes a connection, so an operation reads in its
own transaction what it is about to change (see the package docstring).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import Connection, Row, select

from core.annotation.annotators import AnnotatorInfo
from core.annotation.validation import load_sets_content
from core.project.errors import OperationError
from core.review.curation.building import CandidateBuilder, label_position
from core.review.curation.gathering import Gathered, Gold, everyone_excluded, gather, read_gold
from core.review.curation.model import (
    ATTRIBUTED_STANCE,
    DOCUMENT_STANCE,
    ENTITY,
    EVENT,
    FINISHED,
    Candidate,
    Curation,
    Ref,
)
from core.schema.model import ProjectSchema
from models.messages import Message
from models.tables import AnnotationSet, Annotator, CurationDecision, Document


def load_curation(
    conn: Connection,
    schema: ProjectSchema,
    document_id: int,
    *,
    include_unfinished: bool = False,
) -> Curation:
    """The candidates of one document (see the package docstring)."""
    title = document_title(conn, document_id)
    rows = _set_rows(conn, document_id)
    gold_row = next((r for r in rows if r.annotator_id is None), None)
    people = sorted(
        (r for r in rows if r.annotator_id is not None), key=lambda r: (r.name, r.annotator_id)
    )
    included = [r for r in people if include_unfinished or r.state == FINISHED]
    skipped = tuple(
        (AnnotatorInfo(r.annotator_id, r.name, r.role), r.state)
        for r in people
        if r not in included
    )
    annotators = tuple(AnnotatorInfo(r.annotator_id, r.name, r.role) for r in included)
    gathered, gold = _gather_sets(conn, schema, document_id, included, gold_row)
    builder = CandidateBuilder(
        schema,
        {a.id: i for i, a in enumerate(annotators)},
        tuple(a.id for a in annotators),
        _rejected(conn, document_id),
    )
    candidates = (
        builder.document_stances(gathered, gold)
        + builder.entities(gathered, gold)
        + builder.events(gathered, gold)
        + builder.attributed(gathered, gold)
    )
    return Curation(
        document_id=document_id,
        title=title,
        annotators=annotators,
        set_ids={r.annotator_id: r.id for r in included},
        skipped=skipped,
        gold_set_id=gold_row.id if gold_row else None,
        gold_state=gold_row.state if gold_row else "new",
        curator_id=gold_row.curator_id if gold_row else None,
        candidates=tuple(_in_reading_order(candidates, schema)),
        left_out=tuple(sorted(gathered.left_out.items())),
    )


def document_title(conn: Connection, document_id: int) -> str:
    """The document's title, or a refusal saying it is gone."""
    document = conn.execute(
        select(Document.id, Document.title).where(Document.id == document_id)
    ).first()
    if document is None:
        raise OperationError(
            Message(
                "document {document} does not exist (it may have been removed)",
                document=document_id,
            )
        )
    return document.title


def _set_rows(
    conn: Connection, document_id: int
) -> Sequence[Row[int, int | None, str, int | None, str, str]]:
    """Every set of the document with its owner (the gold set: no annotator, and None for
    the annotator's name and role)."""
    return conn.execute(
        select(
            AnnotationSet.id,
            AnnotationSet.annotator_id,
            AnnotationSet.state,
            AnnotationSet.curator_id,
            Annotator.name,
            Annotator.role,
        )
        .outerjoin(Annotator, Annotator.id == AnnotationSet.annotator_id)
        .where(AnnotationSet.document_id == document_id)
    ).all()


def _gather_sets(
    conn: Connection,
    schema: ProjectSchema,
    document_id: int,
    included: list[Row],
    gold_row: Row | None,
) -> tuple[Gathered, Gold]:
    """The compared sets' annotations grouped by candidate key, each leaving out the
    text excluded for it or for the gold set, and the gold set by the same keys."""
    contents = load_sets_content(
        conn, [r.id for r in included] + ([gold_row.id] if gold_row else [])
    )
    if gold_row is not None:
        gold_excluded = contents[gold_row.id].excluded
    else:
        gold_excluded = everyone_excluded(conn, document_id)
    gathered = Gathered()
    for row in included:
        content = contents[row.id]
        gather(schema, content, row.annotator_id, content.excluded.union(gold_excluded), gathered)
    gold = read_gold(contents[gold_row.id]) if gold_row else Gold()
    return gathered, gold


def _rejected(conn: Connection, document_id: int) -> set[Ref]:
    return {
        (kind, tuple(json.loads(key)))
        for kind, key in conn.execute(
            select(CurationDecision.kind, CurationDecision.key).where(
                CurationDecision.document_id == document_id,
                CurationDecision.decision == "rejected",
            )
        ).all()
    }


def _in_reading_order(candidates: list[Candidate], schema: ProjectSchema) -> list[Candidate]:
    """Document stances first (by target, then polarity), then by position in the text:
    at one place entities before events before attributed stances, by label."""
    kind_order = {ENTITY: 0, EVENT: 1, ATTRIBUTED_STANCE: 2}
    candidates.sort(
        key=lambda c: (
            (
                c.kind != DOCUMENT_STANCE,
                c.start,
                c.end,
                kind_order.get(c.kind, 0),
                label_position(schema, c.label_id),
                c.key,
            )
            if c.kind != DOCUMENT_STANCE
            else (
                False,
                label_position(schema, c.target_label_id),
                label_position(schema, c.label_id),
            )
        )
    )
    return candidates


__all__ = ["document_title", "load_curation"]
