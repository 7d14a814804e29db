"""Annotators: who annotates, and whether they curate.

`list_annotators(conn)` and `get_annotator(conn, id)` read inside a caller's snapshot;
`read_annotators(project)` and `read_annotator(project, id)` are the same reads for the UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from core.project.changes import Changes, OpResult
from core.project.errors import OperationError
from core.project.project import Project
from models.messages import Message
from models.tables import ANNOTATOR_ROLES, Annotator


@dataclass(frozen=True)
class AnnotatorInfo:
    id: int
    name: str
    role: str

    @property
    def is_curator(self) -> bool:
        return self.role == "curator"


def list_annotators(conn: Connection) -> list[AnnotatorInfo]:
    rows = conn.execute(
        select(Annotator.id, Annotator.name, Annotator.role).order_by(Annotator.name)
    )
    return [AnnotatorInfo(*row) for row in rows]


def get_annotator(conn: Connection, annotator_id: int) -> AnnotatorInfo:
    row = conn.execute(
        select(Annotator.id, Annotator.name, Annotator.role).where(Annotator.id == annotator_id)
    ).first()
    if row is None:
        raise OperationError(Message("annotator {id} does not exist", id=annotator_id))
    return AnnotatorInfo(*row)


def find_annotator(conn: Connection, name: str) -> tuple[int, str] | None:
    row = conn.execute(select(Annotator.id, Annotator.role).where(Annotator.name == name)).first()
    return (row.id, row.role) if row else None


def ensure_annotator(project: Project, name: str, role: str = "annotator") -> OpResult[int]:
    """The annotator's id, creating them if new (the role of an existing one is kept)."""
    name = " ".join(name.split())
    if not name:
        raise OperationError(Message("an annotator needs a name"))
    if role not in ANNOTATOR_ROLES:
        raise OperationError(f"unknown role {role!r}; expected one of {', '.join(ANNOTATOR_ROLES)}")
    with project.read() as conn:
        found = find_annotator(conn, name)
    if found:
        return OpResult(Changes(), found[0])
    with project.write() as tx:
        found = find_annotator(tx.conn, name)  # another process may have just added them
        annotator_id = found[0] if found else tx.insert(Annotator, name=name, role=role)
        tx.changes.annotators = True
    return OpResult(tx.changes, annotator_id)


def set_annotator_role(project: Project, annotator_id: int, role: str) -> OpResult[None]:
    if role not in ANNOTATOR_ROLES:
        raise OperationError(f"unknown role {role!r}")
    with project.write() as tx:
        tx.update(Annotator, annotator_id, role=role)
        tx.changes.annotators = True
    return OpResult(tx.changes, None)


CURATE = Message("curate the gold standard")  # only a curator can…


def require_curator(
    conn: Connection, annotator_id: int | None, doing: str = CURATE
) -> AnnotatorInfo:
    """The curator, or a refusal naming who tried and what to do (`doing`: what only a
    curator may do, for the message)."""
    row = None
    if annotator_id is not None:
        row = conn.execute(
            select(Annotator.id, Annotator.name, Annotator.role).where(Annotator.id == annotator_id)
        ).first()
    if row is None:
        raise OperationError(
            Message("only a curator can {doing}; choose who you are first", doing=doing)
        )
    person = AnnotatorInfo(*row)
    if not person.is_curator:
        raise OperationError(
            Message(
                "only a curator can {doing}; {name} is an annotator "
                "(a curator can change roles in Review > Annotators and roles)",
                doing=doing,
                name=person.name,
            )
        )
    return person


def read_annotators(project: Project) -> list[AnnotatorInfo]:
    """Every annotator of the project, by name."""
    with project.read() as conn:
        return list_annotators(conn)


def read_annotator(project: Project, annotator_id: int) -> AnnotatorInfo:
    with project.read() as conn:
        return get_annotator(conn, annotator_id)


def has_curator(project: Project) -> bool:
    return any(a.is_curator for a in read_annotators(project))
