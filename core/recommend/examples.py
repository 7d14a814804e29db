"""What the recommenders learn from, and what they are asked about.

A `TrainingSource` names the annotation sets to learn from: the gold standard, the
finished sets (a document's gold set, when finished, stands for it), or one annotator's
sets. They are read as the exports read them (core.io.dataset: one snapshot, excluded
text left out) and become `Example`s: the text with its entity spans and event triggers
by label key. A `Target` is a document to suggest annotations for.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select

from core.io.dataset import ALL, ANNOTATOR, GOLD, DocumentRecord, Selection, open_dataset
from core.project.errors import OperationError
from core.project.progress import Progress, report_progress
from core.project.project import Project, in_batches
from core.schema.model import ENTITY, EVENT
from models.messages import Message
from models.tables import Document

FINISHED = "finished"


class Tagged(NamedTuple):
    """An annotation to learn from: an entity span (layer ENTITY) or an event trigger
    (layer EVENT), by its label's key."""

    start: int
    end: int
    layer: str
    label: str


@dataclass(frozen=True)
class Example:
    document_id: int
    text: str
    spans: tuple[Tagged, ...]
    excluded: tuple[tuple[int, int], ...] = ()  # text the annotator left out


@dataclass(frozen=True)
class Target:
    document_id: int
    key: str | None  # the id the document was imported with, if it had one
    text: str


@dataclass(frozen=True)
class TrainingSource:
    """`gold`, `finished`, or an annotator's name (their sets, in any state)."""

    kind: str  # GOLD, FINISHED or ANNOTATOR
    annotator: str | None = None

    @classmethod
    def parse(cls, value: str) -> TrainingSource:
        value = value.strip()
        if not value:
            raise OperationError(
                Message("say what to train from: gold, finished or an annotator's name")
            )
        if value in (GOLD, FINISHED):
            return cls(value)
        return cls(ANNOTATOR, value)

    def selection(self) -> Selection:
        if self.kind == GOLD:
            return Selection(GOLD)
        if self.kind == FINISHED:
            return Selection(ALL, finished_only=True)
        return Selection(ANNOTATOR, self.annotator)

    def describe(self) -> Message:
        if self.kind == GOLD:
            return Message("the gold standard")
        if self.kind == FINISHED:
            return Message("the finished annotation sets")
        return Message("{name}'s annotations", name=self.annotator)

    @property
    def argument(self) -> str:
        """As the command line takes it."""
        return self.annotator if self.kind == ANNOTATOR and self.annotator else self.kind


def _example(record: DocumentRecord) -> Example:
    spans = [Tagged(e.start, e.end, ENTITY, e.label) for e in record.entities]
    spans += [Tagged(e.start, e.end, EVENT, e.type) for e in record.events]
    spans.sort()
    return Example(
        record.document_id,
        record.text,
        tuple(spans),
        tuple((r.start, r.end) for r in record.excluded),
    )


def read_examples(
    project: Project, source: TrainingSource, progress: Progress | None = None
) -> list[Example]:
    """The examples `source` names, by document id; with `finished`, a document whose
    gold set is finished is learnt from that set alone. A set not finished that holds no
    annotation yet is left out: a document opened (or only rejected suggestions in) would
    otherwise teach that none of its words is ever annotated."""
    examples: list[Example] = []
    last: tuple[int, bool] | None = None  # the last example's document, and whether gold
    with open_dataset(project, source.selection()) as dataset:
        total = len(dataset)
        for done, record in enumerate(dataset, start=1):
            if done % 100 == 0:
                report_progress(progress, done, total, Message("reading the annotations"))
            # a document's records come gold first (core.io.dataset orders them so)
            if (
                source.kind == FINISHED
                and record.annotator is not None
                and last == (record.document_id, True)
            ):
                continue
            if record.state != FINISHED and not (record.entities or record.events):
                continue
            examples.append(_example(record))
            if last is None or last[0] != record.document_id:
                last = (record.document_id, record.annotator is None)
    return examples


def covered_documents(examples: Sequence[Example]) -> set[int]:
    return {example.document_id for example in examples}


def document_ids(project: Project) -> list[int]:
    with project.read() as conn:
        return list(conn.execute(select(Document.id).order_by(Document.id)).scalars())


def read_targets(project: Project, ids: Sequence[int]) -> Iterator[Target]:
    """The documents `ids` (refused when one does not exist), 500 at a time."""
    with project.read() as conn:
        for batch in in_batches(list(ids)):
            rows = {
                row.id: row
                for row in conn.execute(
                    select(Document.id, Document.meta, Document.text).where(Document.id.in_(batch))
                )
            }
            for document_id in batch:
                row = rows.get(document_id)
                if row is None:
                    raise OperationError(Message("no document with id {id}", id=document_id))
                yield Target(document_id, _external_key(row.meta), row.text)


def _external_key(meta: str) -> str | None:
    try:
        value = json.loads(meta or "{}").get("id")
    except (ValueError, AttributeError):
        return None
    return None if value is None else str(value)
