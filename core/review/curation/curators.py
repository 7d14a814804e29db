"""Who may curate: every curation operation and gold edit starts by checking that the
person named is a curator, and refuses anyone else with a message saying what to do."""

from __future__ import annotations

from sqlalchemy import Connection, select

from core.annotation.annotators import AnnotatorInfo
from core.project.errors import OperationError
from models.tables import Annotator


def require_curator(conn: Connection, annotator_id: int | None) -> AnnotatorInfo:
    """The curator, or a refusal naming who tried and what to do."""
    row = None
    if annotator_id is not None:
        row = conn.execute(
            select(Annotator.id, Annotator.name, Annotator.role).where(Annotator.id == annotator_id)
        ).first()
    if row is None:
        raise OperationError(
            "only a curator can curate the gold standard; choose who you are first"
        )
    person = AnnotatorInfo(*row)
    if not person.is_curator:
        raise OperationError(
            f"only a curator can curate the gold standard; {person.name} is an annotator "
            "(a curator can change roles in Review > Annotators and roles)"
        )
    return person


__all__ = ["require_curator"]
