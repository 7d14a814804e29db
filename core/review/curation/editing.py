"""Editing the gold set directly, as the gold pane of the curation view does: add a
span, delete, relabel or resize one. Curators only, and only the gold set's spans;
the deletes and changes are the ordinary span operations once that is checked."""

from __future__ import annotations

from sqlalchemy import select

from core.annotation.annotators import require_curator
from core.annotation.spans import (
    check_in_text,
    delete_span,
    get_span,
    known_label,
    relabel_span,
    resize_span,
)
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.project import Project
from core.review.curation.model import ENTITY
from core.review.curation.reading import load_curation
from core.review.curation.writing import GoldWriter, clear_rejection
from core.schema.model import load_schema
from models.messages import Message
from models.tables import AnnotationSet


def _check_gold_span(project: Project, curator_id: int, span_id: int) -> None:
    """Refuse anyone but a curator, and a span of an annotator's set."""
    with project.read() as conn:
        require_curator(conn, curator_id)
        span = get_span(conn, span_id)
        owner = conn.execute(
            select(AnnotationSet.annotator_id).where(AnnotationSet.id == span.set_id)
        ).first()
    if owner is None or owner.annotator_id is not None:
        raise OperationError(Message("this span is an annotator's, not the gold standard's"))


def add_gold_span(
    project: Project, curator_id: int, document_id: int, start: int, end: int, label_id: int
) -> OpResult[int]:
    """Tag text in the gold set (created if needed)."""
    label = known_label(project, label_id)
    with project.write(Message("Add {label} to gold", label=label)) as tx:
        require_curator(tx.conn, curator_id)
        check_in_text(tx.conn, document_id, start, end)
        schema = load_schema(tx.conn)
        curation = load_curation(tx.conn, schema, document_id)
        writer = GoldWriter(tx, schema, curation, curator_id)
        if (start, end, label_id) in writer.gold_spans():
            raise OperationError(
                Message("this text is already annotated as {label} in gold", label=label)
            )
        span_id = writer.span(start, end, label_id)
        clear_rejection(tx, document_id, (ENTITY, (start, end, label_id)))
        writer.finish()
    return OpResult(tx.changes, span_id)


def delete_gold_span(project: Project, curator_id: int, span_id: int) -> OpResult[None]:
    _check_gold_span(project, curator_id, span_id)
    return delete_span(project, span_id)


def relabel_gold_span(
    project: Project, curator_id: int, span_id: int, label_id: int
) -> OpResult[None]:
    _check_gold_span(project, curator_id, span_id)
    return relabel_span(project, span_id, label_id)


def resize_gold_span(
    project: Project, curator_id: int, span_id: int, start: int, end: int
) -> OpResult[None]:
    _check_gold_span(project, curator_id, span_id)
    return resize_span(project, span_id, start, end)


__all__ = ["add_gold_span", "delete_gold_span", "relabel_gold_span", "resize_gold_span"]
