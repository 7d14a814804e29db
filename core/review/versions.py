"""Several annotation sets of one document side by side, as the compare and curation
windows show them: each set's entity spans and event triggers, its state and owner.

Event triggers travel as spans with negative ids (`-event id`), so one editor draws
both. Every read here is one snapshot.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from core.annotation.annotators import get_annotator
from core.annotation.events import events_of_set
from core.annotation.sets import find_set
from core.annotation.spans import SpanRow, spans_of_set
from core.documents.navigation import document_text
from core.project.project import Project
from core.review.curation.model import Curation
from core.review.curation.reading import load_curation
from models.tables import AnnotationSet, Annotator, Document

GOLD = None  # the owner of the gold set


@dataclass(frozen=True)
class SetVersion:
    """One owner's set of the document (owner: an annotator id, GOLD for the gold set)."""

    owner: int | None
    owner_name: str  # "gold" for the gold set
    set_id: int | None  # None: the owner has not annotated the document
    state: str  # new, in_progress or finished ("new" without a set)
    spans: list[SpanRow] = field(default_factory=list)
    curator: str = ""  # the gold set: who curated it last


@dataclass(frozen=True)
class DocumentVersions:
    document_id: int
    title: str
    text: str
    versions: dict[int | None, SetVersion]  # by owner


@dataclass(frozen=True)
class CurationVersions:
    text: str
    curation: Curation
    versions: dict[int | None, SetVersion]  # by owner, of the owners asked for


def version_spans(conn: Connection, set_id: int | None) -> list[SpanRow]:
    """A set's entity spans, and its event triggers as spans with negative ids."""
    if set_id is None:
        return []
    rows = spans_of_set(conn, set_id)
    rows += [
        SpanRow(-event.id, set_id, event.type_id, event.start, event.end)
        for event in events_of_set(conn, set_id)
    ]
    return rows


def read_versions(
    project: Project, document_id: int, owners: Sequence[int | None]
) -> DocumentVersions:
    """The document and the sets of `owners`."""
    with project.read() as conn:
        text = document_text(conn, document_id)
        title = conn.execute(select(Document.title).where(Document.id == document_id)).scalar()
        versions = {owner: _version(conn, document_id, owner) for owner in owners}
    return DocumentVersions(document_id, title or "", text, versions)


def read_curation_versions(
    project: Project,
    document_id: int,
    *,
    include_unfinished: bool = False,
    owners: Callable[[Curation], Collection[int | None] | None] | None = None,
) -> CurationVersions:
    """A document's curation (core.review.curation.reading.load_curation) with the sets it
    compares and the gold set; only those `owners(curation)` names when it names some
    (a view keeps the others it shows)."""
    with project.read() as conn:
        text = document_text(conn, document_id)
        curation = load_curation(
            conn, project.schema, document_id, include_unfinished=include_unfinished
        )
        wanted = [a.id for a in curation.annotators] + [GOLD]
        chosen = owners(curation) if owners is not None else None
        if chosen is not None:
            wanted = [owner for owner in wanted if owner in chosen]
        versions = {owner: _version(conn, document_id, owner) for owner in wanted}
    return CurationVersions(text, curation, versions)


def _version(conn: Connection, document_id: int, owner: int | None) -> SetVersion:
    name = "gold" if owner is GOLD else get_annotator(conn, owner).name
    set_id = find_set(conn, document_id, owner)
    if set_id is None:
        return SetVersion(owner, name, None, "new")
    state, curator_id = conn.execute(
        select(AnnotationSet.state, AnnotationSet.curator_id).where(AnnotationSet.id == set_id)
    ).one()
    curator: str | None = None  # the gold set's curator, when it has one
    if owner is GOLD and curator_id is not None:
        curator = conn.execute(select(Annotator.name).where(Annotator.id == curator_id)).scalar()
    return SetVersion(owner, name, set_id, state, version_spans(conn, set_id), curator or "")
