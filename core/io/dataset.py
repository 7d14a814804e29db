"""Annotation sets read out as plain, immutable records, for exports.

`open_dataset(project, selection)` plans which annotation sets to read (gold,
one annotator, or all; all documents, a selection, or only finished sets) and
yields one `DocumentRecord` per (document, set), documents by id and, within a
document, gold first and then annotators by name. The whole read is one
database snapshot, fetched in chunks with a handful of bulk queries per chunk.

What records leave out, and why (each counted in `DocumentRecord.left_out`):
- annotations overlapping an excluded region of the set (or one excluded for
  everyone): entity spans, event triggers, stance evidence; an event argument
  or a stance whose entity was left out goes with it;
- event arguments whose entity span was deleted (detached) or lies in another
  set, and attributed stances that lost their holder or target.
The document text itself is always whole; the excluded ranges are listed.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Connection, select

from core.documents.token_layer import StoredTokens, read_token_layers
from core.project.errors import OperationError
from core.project.project import Project
from core.schema.model import ProjectSchema
from models.messages import Message
from models.rawsql import DriverReader
from models.tables import (
    AnnotationSet,
    Annotator,
    Document,
)

GOLD, ANNOTATOR, ALL = "gold", "annotator", "all"


SET_KINDS = (GOLD, ANNOTATOR, ALL)
CHUNK_SETS = 500


# --- what to read --------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """Which annotation sets an export reads.

    `sets`: "gold" (the curated set of each document), "annotator" (the sets of
    `annotator`), or "all" (every set: one record per document and set).
    `documents`: document ids, or None for every document.
    `finished_only`: only sets marked finished.
    """

    sets: str = GOLD
    annotator: str | None = None
    documents: tuple[int, ...] | None = None
    finished_only: bool = False

    def __post_init__(self) -> None:
        if self.sets not in SET_KINDS:
            raise ValueError(f"unknown set choice {self.sets!r}; expected one of {SET_KINDS}")
        if (self.sets == ANNOTATOR) != bool(self.annotator):
            raise ValueError("an annotator name is needed exactly when sets is 'annotator'")

    @classmethod
    def from_argument(
        cls,
        value: str,
        documents: Sequence[int] | None = None,
        finished_only: bool = False,
    ) -> Selection:
        """`--set gold|all|NAME` as the command line takes it."""
        docs = tuple(documents) if documents is not None else None
        if value in (GOLD, ALL):
            return cls(value, None, docs, finished_only)
        return cls(ANNOTATOR, value, docs, finished_only)

    def describe(self) -> str:
        what = {GOLD: "gold standard", ALL: "all annotation sets"}.get(
            self.sets, f"annotator {self.annotator}"
        )
        if self.documents is not None:
            what += f", {len(self.documents)} selected document(s)"
        if self.finished_only:
            what += ", finished sets only"
        return what


# --- the records ---------------------------------------------------------------------


# Records of one annotation are named tuples: immutable, and cheap to make by the
# hundred thousand (an export of 300,000 entities makes 300,000 of them).


class Entity(NamedTuple):
    id: int
    start: int
    end: int
    label: str
    text: str
    note: str = ""


class Argument(NamedTuple):
    role: str
    entity_id: int


class Event(NamedTuple):
    id: int
    type: str
    start: int  # the trigger
    end: int
    text: str
    arguments: tuple[Argument, ...] = ()
    note: str = ""


class Evidence(NamedTuple):
    start: int
    end: int
    text: str


class StanceRecord(NamedTuple):
    id: int
    scope: str  # "document" (the author's) or "attributed" (the holder's)
    polarity: str
    holder_id: int | None = None  # an entity id (attributed stances)
    target_label: str | None = None  # a stance-target key...
    target_entity_id: int | None = None  # ...or an entity id
    evidence: tuple[Evidence, ...] = ()
    note: str = ""


class ExcludedRange(NamedTuple):
    start: int
    end: int
    reason: str = ""
    everyone: bool = False  # excluded for every annotator (else only for this set)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    document_id: int
    title: str
    source: str
    meta_json: str
    text: str
    set_id: int
    annotator: str | None  # None: the gold set
    state: str
    curator: str | None
    updated_at: str
    annotators: tuple[str, ...]  # everyone with a set on this document
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    stances: tuple[StanceRecord, ...] = ()
    excluded: tuple[ExcludedRange, ...] = ()
    left_out: tuple[tuple[str, int], ...] = ()  # (reason, count)
    tokens: StoredTokens | None = None  # the document's own tokens, when a file gave them

    @property
    def meta(self) -> dict[str, Any]:
        return json.loads(self.meta_json or "{}")

    @property
    def set_name(self) -> str:
        return self.annotator if self.annotator is not None else GOLD


@dataclass(frozen=True, slots=True)
class PlannedSet:
    set_id: int
    document_id: int
    annotator: str | None
    state: str
    curator: str | None
    updated_at: str


@dataclass
class Dataset:
    """What an export will read: the planned sets, then the records one by one."""

    selection: Selection
    schema: ProjectSchema
    planned: list[PlannedSet]
    documents_without_set: list[int] = field(default_factory=list)
    max_text_length: int = 0
    _conn: Connection | None = None
    _annotators_of: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.planned)

    def __iter__(self) -> Iterator[DocumentRecord]:
        if self._conn is None:
            raise RuntimeError("the dataset is read inside `with open_dataset(...)` only")
        reader = DriverReader(self._conn)
        for start in range(0, len(self.planned), CHUNK_SETS):
            chunk = self.planned[start : start + CHUNK_SETS]
            fetched = _fetch_chunk(reader, chunk)
            fetched["tokens"] = read_token_layers(self._conn, sorted(fetched["docs"]))
            yield from _build_records(self.schema, chunk, fetched, self)


@contextmanager
def open_dataset(project: Project, selection: Selection) -> Iterator[Dataset]:
    """Plan the sets to read; iterate the dataset inside the block (one snapshot)."""
    schema = project.schema
    with project.read() as conn:
        dataset = plan_dataset(conn, schema, selection)
        dataset._conn = conn
        try:
            yield dataset
        finally:
            dataset._conn = None


def plan_dataset(conn: Connection, schema: ProjectSchema, selection: Selection) -> Dataset:
    """The sets a selection reads, in export order. Raises OperationError for an unknown
    annotator or document."""
    names = dict(conn.execute(select(Annotator.id, Annotator.name)).all())
    if selection.sets == ANNOTATOR and selection.annotator not in names.values():
        known = ", ".join(sorted(names.values())) or "none yet"
        raise OperationError(f"no annotator named {selection.annotator!r} (annotators: {known})")
    lengths = dict(conn.execute(select(Document.id, Document.length).order_by(Document.id)).all())
    all_documents = list(lengths)
    if selection.documents is not None:
        wanted = set(selection.documents)
        missing = sorted(wanted - set(all_documents))
        if missing:
            shown = ", ".join(map(str, missing[:10])) + (" ..." if len(missing) > 10 else "")
            raise OperationError(f"no document with id {shown}")
        documents = [d for d in all_documents if d in wanted]
    else:
        documents = all_documents
    rows = conn.execute(
        select(
            AnnotationSet.id,
            AnnotationSet.document_id,
            AnnotationSet.annotator_id,
            AnnotationSet.state,
            AnnotationSet.curator_id,
            AnnotationSet.updated_at,
        )
    )  # read as it comes: every set of the project, most of them not exported
    by_document: dict[int, list[PlannedSet]] = defaultdict(list)
    annotators_of: dict[int, list[str]] = defaultdict(list)
    for set_id, document_id, annotator_id, state, curator_id, updated_at in rows:
        annotator = names[annotator_id] if annotator_id is not None else None
        if annotator is not None:
            annotators_of[document_id].append(annotator)
        if selection.sets == GOLD and annotator is not None:
            continue
        if selection.sets == ANNOTATOR and annotator != selection.annotator:
            continue
        if selection.finished_only and state != "finished":
            continue
        curator = names.get(curator_id) if curator_id is not None else None
        by_document[document_id].append(
            PlannedSet(set_id, document_id, annotator, state, curator, updated_at)
        )
    planned: list[PlannedSet] = []
    without: list[int] = []
    for document_id in documents:
        sets = by_document.get(document_id)
        if not sets:
            without.append(document_id)
            continue
        sets.sort(key=lambda s: (s.annotator is not None, s.annotator or ""))
        planned.extend(sets)
    return Dataset(
        selection=selection,
        schema=schema,
        planned=planned,
        documents_without_set=without,
        max_text_length=max((lengths[p.document_id] for p in planned), default=0),
        _annotators_of={d: tuple(sorted(set(n))) for d, n in annotators_of.items()},
    )


# --- reading a chunk -----------------------------------------------------------------


class _Excluded:
    """Merged excluded ranges of one set, for overlap tests."""

    def __init__(self, ranges: list[ExcludedRange]):
        merged: list[list[int]] = []
        for r in sorted(ranges, key=lambda r: (r.start, r.end)):
            if merged and r.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], r.end)
            else:
                merged.append([r.start, r.end])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def overlaps(self, start: int, end: int) -> bool:
        if not self.starts:
            return False
        i = bisect_left(self.ends, start + 1)  # first range ending after start
        return i < len(self.starts) and self.starts[i] < end


def _fetch_chunk(reader: DriverReader, chunk: list[PlannedSet]) -> dict[str, Any]:
    """All rows a chunk of sets needs, grouped by set (or document, or event, or stance).
    Read on the driver's cursor: SQLAlchemy's per-row processing would double the read
    time."""
    set_ids = [p.set_id for p in chunk]
    doc_ids = sorted({p.document_id for p in chunk})

    def grouped(sql: str, column: str, ids: list[int], order: str = "") -> dict[int, list[tuple]]:
        where, params = reader.in_list(column, ids)
        found: dict[int, list[tuple]] = defaultdict(list)
        for row in reader.rows(f"{sql} WHERE {where}{order}", params):
            found[row[0]].append(row)
        return found

    docs_in, docs_params = reader.in_list("id", doc_ids)
    docs = {
        row[0]: row
        for row in reader.rows(
            f"SELECT id, title, source, meta, text FROM document WHERE {docs_in}", docs_params
        )
    }
    # the span query reads only the unique index (set_id, start, end, label_id) + id;
    # notes, rarely set, come from a second query
    spans = grouped(
        'SELECT set_id, id, start, "end", label_id FROM entity_span',
        "set_id",
        set_ids,
        ' ORDER BY set_id, start, "end", label_id',
    )
    notes_in, notes_params = reader.in_list("set_id", set_ids)
    notes = dict(
        (row[0], row[1])
        for row in reader.rows(
            f"SELECT id, note FROM entity_span WHERE {notes_in} AND note <> ''", notes_params
        )
    )
    events = grouped(
        'SELECT set_id, id, start, "end", type_id, note FROM event_mention',
        "set_id",
        set_ids,
        ' ORDER BY set_id, start, "end", type_id',
    )
    arguments = grouped(
        "SELECT a.event_id, a.id, a.role_id, a.span_id FROM event_argument a "
        "JOIN event_mention e ON e.id = a.event_id",
        "e.set_id",
        set_ids,
    )
    stances = grouped(
        "SELECT set_id, id, scope, holder_span_id, target_label_id, target_span_id, "
        "polarity_id, note FROM stance",
        "set_id",
        set_ids,
    )
    evidence = grouped(
        'SELECT v.stance_id, v.id, v.start, v."end" FROM stance_evidence v '
        "JOIN stance s ON s.id = v.stance_id",
        "s.set_id",
        set_ids,
        ' ORDER BY v.stance_id, v.start, v."end", v.id',
    )
    excluded = grouped(
        'SELECT document_id, set_id, start, "end", reason FROM excluded_region',
        "document_id",
        doc_ids,
    )

    return {
        "docs": docs,
        "spans": spans,
        "notes": notes,
        "events": events,
        "arguments": arguments,
        "stances": stances,
        "evidence": evidence,
        "excluded": excluded,
    }


def _build_records(
    schema: ProjectSchema, chunk: list[PlannedSet], fetched: dict[str, Any], dataset: Dataset
) -> Iterator[DocumentRecord]:
    builder = _RecordBuilder(schema, fetched)
    for planned in chunk:
        yield builder.record(planned, dataset._annotators_of.get(planned.document_id, ()))


class _Scope(NamedTuple):
    """What one record's events and stances are checked against."""

    text: str
    mask: _Excluded
    entity_place: dict[int, tuple[int, int]]  # the entities kept: id -> (start, end)
    dropped_by_mask: set[int]  # entities left out as excluded text
    left_out: Counter[str]


class _RecordBuilder:
    """Turns one chunk's fetched rows into records: keys for ids, text for offsets, and
    what excluded text or a deleted entity leaves out counted instead of written."""

    def __init__(self, schema: ProjectSchema, fetched: dict[str, Any]):
        self.label_key = {label.id: label.key for label in schema.labels}
        self.role_key = {role.id: role.key for role in schema.roles}
        self.role_order = {role.id: role.position for role in schema.roles}
        self.docs, self.spans, self.notes = fetched["docs"], fetched["spans"], fetched["notes"]
        self.events, self.arguments = fetched["events"], fetched["arguments"]
        self.stances, self.evidence = fetched["stances"], fetched["evidence"]
        self.excluded = fetched["excluded"]
        self.tokens = fetched["tokens"]

    def record(self, planned: PlannedSet, annotators: tuple[str, ...]) -> DocumentRecord:
        _, title, source, meta, text = self.docs[planned.document_id]
        left_out: Counter[str] = Counter()
        ranges = sorted(
            (
                ExcludedRange(start, end, reason, set_id is None)
                for _, set_id, start, end, reason in self.excluded.get(planned.document_id, ())
                if set_id is None or set_id == planned.set_id
            ),
            key=lambda r: (r.start, r.end, not r.everyone, r.reason),
        )
        mask = _Excluded(ranges)
        entities = self.kept_entities(planned.set_id, text, mask, left_out)
        set_events = self.events.get(planned.set_id, ())
        set_stances = self.stances.get(planned.set_id, ())
        events: list[Event] = []
        stances: list[StanceRecord] = []
        if set_events or set_stances:  # only then are entities looked up by id
            kept = {e.id: (e.start, e.end) for e in entities}
            dropped = {row[1] for row in self.spans.get(planned.set_id, ()) if row[1] not in kept}
            scope = _Scope(text, mask, kept, dropped, left_out)
            events = self.kept_events(set_events, scope)
            stances = self.kept_stances(set_stances, scope)
            stances.sort(key=_stance_order(entities))
        return DocumentRecord(
            document_id=planned.document_id,
            title=title,
            source=source,
            meta_json=meta,
            text=text,
            set_id=planned.set_id,
            annotator=planned.annotator,
            state=planned.state,
            curator=planned.curator,
            updated_at=planned.updated_at,
            annotators=annotators,
            entities=tuple(entities),
            events=tuple(events),
            stances=tuple(stances),
            excluded=tuple(ranges),
            left_out=tuple(sorted(left_out.items())),
            tokens=self.tokens.get(planned.document_id),
        )

    def kept_entities(
        self, set_id: int, text: str, mask: _Excluded, left_out: Counter[str]
    ) -> list[Entity]:
        rows = self.spans.get(set_id, ())
        if mask.starts:
            kept_rows = [r for r in rows if not mask.overlaps(r[2], r[3])]
            if len(kept_rows) < len(rows):
                left_out[Message("entities in excluded text")] += len(rows) - len(kept_rows)
            rows = kept_rows
        # in offset order already (start, end, label): see the query
        return [
            Entity(
                span_id,
                start,
                end,
                self.label_key[label_id],
                text[start:end],
                self.notes.get(span_id, ""),
            )
            for _, span_id, start, end, label_id in rows
        ]

    def kept_events(self, rows: Sequence[tuple], scope: _Scope) -> list[Event]:
        """Events outside excluded text, with the arguments whose entity was kept."""
        text, mask, entity_place, dropped_by_mask, left_out = scope
        kept: list[Event] = []
        for _, event_id, start, end, type_id, note in rows:
            if mask.overlaps(start, end):
                left_out[Message("events with a trigger in excluded text")] += 1
                continue
            args = []
            for _, _arg_id, role_id, span_id in self.arguments.get(event_id, ()):
                if span_id is None:
                    left_out[Message("event arguments whose entity was deleted")] += 1
                elif span_id in dropped_by_mask:
                    left_out[Message("event arguments whose entity is in excluded text")] += 1
                elif span_id not in entity_place:
                    left_out[Message("event arguments pointing into another annotation set")] += 1
                else:
                    args.append((role_id, span_id))
            args.sort(key=lambda a: (self.role_order.get(a[0], 0), entity_place[a[1]], a[1]))
            kept.append(
                Event(
                    event_id,
                    self.label_key[type_id],
                    start,
                    end,
                    text[start:end],
                    tuple(Argument(self.role_key[role_id], span_id) for role_id, span_id in args),
                    note,
                )
            )
        return kept

    def kept_stances(self, rows: Sequence[tuple], scope: _Scope) -> list[StanceRecord]:
        """Stances whose holder and target were kept, with their evidence outside
        excluded text."""
        text, mask, entity_place, dropped_by_mask, left_out = scope
        kept: list[StanceRecord] = []
        for row in rows:
            _, stance_id, stance_scope, holder, target_label, target_span, polarity_id, note = row
            problem = _stance_problem(
                stance_scope, holder, target_label, target_span, entity_place, dropped_by_mask
            )
            if polarity_id is None:
                problem = Message("stances with no polarity chosen")
            if problem:
                left_out[problem] += 1
                continue
            kept_evidence = []
            for _, _ev_id, start, end in self.evidence.get(stance_id, ()):
                if mask.overlaps(start, end):
                    left_out[Message("stance evidence in excluded text")] += 1
                else:
                    kept_evidence.append(Evidence(start, end, text[start:end]))
            kept.append(
                StanceRecord(
                    id=stance_id,
                    scope=stance_scope,
                    polarity=self.label_key[polarity_id],
                    holder_id=holder,
                    target_label=self.label_key[target_label] if target_label is not None else None,
                    target_entity_id=target_span,
                    evidence=tuple(kept_evidence),
                    note=note,
                )
            )
        return kept


def _stance_problem(
    scope: str,
    holder: int | None,
    target_label: int | None,
    target_span: int | None,
    entity_ids: Collection[int],
    excluded_ids: set[int],
) -> str | None:
    if target_label is None and target_span is None:
        return Message("stances without a target (its entity was deleted)")
    if scope == "attributed" and holder is None:
        return Message("attributed stances without a holder (its entity was deleted)")
    for span in (holder, target_span):
        if span in excluded_ids:
            return Message("stances whose holder or target is in excluded text")
        if span is not None and span not in entity_ids:
            return Message("stances pointing into another annotation set")
    return None


def _stance_order(entities: list[Entity]):
    """Document stances first (by target), then attributed ones by their holder's place."""
    position = {e.id: e.start for e in entities}

    def key(stance: StanceRecord) -> tuple:
        place = position.get(stance.holder_id, -1) if stance.holder_id is not None else -1
        first_evidence = stance.evidence[0].start if stance.evidence else -1
        return (
            stance.scope != "document",
            place,
            first_evidence,
            stance.target_label or "",
            stance.id,
        )

    return key


__all__ = [
    "ALL",
    "ANNOTATOR",
    "GOLD",
    "Argument",
    "Dataset",
    "DocumentRecord",
    "Entity",
    "Event",
    "Evidence",
    "ExcludedRange",
    "PlannedSet",
    "Selection",
    "StanceRecord",
    "open_dataset",
    "plan_dataset",
]
