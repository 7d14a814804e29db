"""What an agreement study compares: annotators' sets, annotations and excluded text.

`load_study(project, options)` reads one consistent snapshot of the project and
keeps, per annotator, plain tuples the coefficient library takes. The rules
(also in docs/agreement.md):

* Sets: annotators' own sets (never the gold set); by default only finished
  ones, with ``include_unfinished`` also those in progress. A set still "new"
  holds no work and never counts.
* Documents: those in which at least two of the chosen annotators have a
  counted set. A pair of annotators is compared on the documents both have.
* Excluded text: in each document, regions excluded for everyone and regions
  any of the compared annotators excluded in their own set are left out for all
  of them, so every figure compares the same text. An annotation overlapping
  such a region is dropped (and counted in ``left_out``); an event argument or
  stance whose span was deleted (detached) is dropped too.
* Labels: ``labels`` names label keys of any layer; a layer is restricted when
  the list names at least one of its keys (entity labels, event types, stance
  targets) and left whole otherwise.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, bindparam, select, text

from core.project.errors import OperationError
from core.project.progress import Progress, report_progress
from core.project.project import Project, in_batches
from core.schema.model import ENTITY, EVENT, POLARITY, STANCE_TARGET, LabelInfo, ProjectSchema
from models.messages import Message
from models.rawsql import DriverReader
from models.tables import AnnotationSet, EntitySpan, table_of

AUTHOR: Final = "author"  # holder of a document-level stance

EntitySpanItem = tuple[int, int, int, int]  # (doc, start, end, label id)
IntArray = npt.NDArray[np.int64]
# a stance item: (doc, holder, target); holder is AUTHOR or a span, target a stance
# target ("label", key) or a span; a span is ("span", start, end, entity label key)
SpanRef = tuple[Literal["span"], int, int, str]
TargetRef = tuple[Literal["label"], str] | SpanRef
StanceKey = tuple[int, Literal["author"] | SpanRef, TargetRef]


class SpanColumns:
    """Entity spans as four int64 arrays of one length: `doc`, `start`, `end`, `label`
    (label ids), sorted by (label, doc, start, end). A study of millions of spans holds
    them in 32 bytes each; the measures work on whole columns."""

    __slots__ = ("doc", "end", "label", "start")

    def __init__(self, doc: IntArray, start: IntArray, end: IntArray, label: IntArray):
        self.doc, self.start, self.end, self.label = doc, start, end, label

    @classmethod
    def of(cls, spans: Iterable[EntitySpanItem]) -> SpanColumns:
        """Spans given as (doc, start, end, label id) tuples, in any order."""
        return cls.sorted(np.array(list(spans), dtype=np.int64).reshape(-1, 4))

    @classmethod
    def sorted(cls, rows: IntArray) -> SpanColumns:
        """Spans given as rows of doc, start, end and label id, in any order."""
        doc, start, end, label = (rows[:, k] for k in range(4))
        if _in_document_order(doc, start, end, label):
            # as the database reads them (by set, then start): only the labels to sort
            order = np.argsort(label, kind="stable")
        elif len(rows) and rows.min() >= 0 and int(rows.max()) < 2**31:
            # two keys of two numbers each sort faster than four keys
            order = np.lexsort((start << 32 | end, label << 32 | doc))
        else:
            order = np.lexsort((end, start, doc, label))
        return cls(*(np.ascontiguousarray(column[order]) for column in (doc, start, end, label)))

    def __len__(self) -> int:
        return len(self.doc)

    def __iter__(self) -> Iterator[EntitySpanItem]:
        """The spans as (doc, start, end, label id) tuples, in order."""
        columns = (self.doc.tolist(), self.start.tolist(), self.end.tolist(), self.label.tolist())
        return zip(*columns, strict=True)

    def rows(self) -> IntArray:
        """The spans as rows of doc, start, end and label."""
        return np.stack((self.doc, self.start, self.end, self.label), axis=1)

    def where(self, keep: npt.NDArray[np.bool_]) -> SpanColumns:
        return SpanColumns(self.doc[keep], self.start[keep], self.end[keep], self.label[keep])


def _in_document_order(doc: IntArray, start: IntArray, end: IntArray, label: IntArray) -> bool:
    """Whether the rows are sorted by (doc, start, end, label)."""
    d, s, e, lab = (np.diff(column) for column in (doc, start, end, label))
    later = (d > 0) | ((d == 0) & ((s > 0) | ((s == 0) & ((e > 0) | ((e == 0) & (lab >= 0))))))
    return bool(later.all())


@dataclass(frozen=True)
class AgreementOptions:
    """What to compare. Empty / None means everything."""

    documents: tuple[int, ...] | None = None
    annotators: tuple[str, ...] | None = None  # names
    labels: tuple[str, ...] | None = None  # label keys of any layer
    include_unfinished: bool = False
    token_kappa: bool = True  # token-level kappa needs every document's tokens (slower)

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": list(self.documents) if self.documents else None,
            "annotators": list(self.annotators) if self.annotators else None,
            "labels": list(self.labels) if self.labels else None,
            "include_unfinished": self.include_unfinished,
        }


@dataclass(frozen=True)
class AnnotatorRef:
    id: int
    name: str


@dataclass(frozen=True)
class DocumentRef:
    id: int
    title: str
    length: int


@dataclass(frozen=True)
class EventItem:
    doc: int
    start: int
    end: int
    type: str
    arguments: tuple[tuple[str, int, int, str], ...]  # (role, start, end, entity label), sorted


@dataclass(frozen=True)
class StanceItem:
    key: StanceKey
    polarity: str
    stance_id: int


@dataclass
class LeftOut:
    """Annotations not compared, per annotator (for the report)."""

    excluded: int = 0  # overlapping excluded text
    detached: int = 0  # an argument or stance whose span was deleted
    duplicate_stances: int = 0  # a second stance on the same (holder, target)
    incomplete_stances: int = 0  # an attributed stance whose polarity is not chosen yet

    def to_json(self) -> dict[str, int]:
        return {
            "excluded": self.excluded,
            "detached": self.detached,
            "duplicate_stances": self.duplicate_stances,
            "incomplete_stances": self.incomplete_stances,
        }


@dataclass
class Study:
    options: AgreementOptions
    annotators: list[AnnotatorRef]  # sorted by name
    documents: dict[int, DocumentRef]  # compared documents, by id
    coverage: dict[int, frozenset[int]]  # document -> annotators with a counted set
    excluded: dict[int, list[tuple[int, int]]]  # document -> merged (start, end) left out
    entity_labels: list[str]  # compared entity label keys, schema order
    label_ids: dict[str, int]  # entity label key -> id (spans carry ids)
    event_types: list[str]
    stance_targets: list[str]
    polarities: list[str]
    spans: dict[int, SpanColumns]  # annotator -> spans
    events: dict[int, list[EventItem]]
    stances: dict[int, dict[StanceKey, StanceItem]]
    left_out: dict[int, LeftOut] = field(default_factory=dict)
    # the gold set's spans in the compared documents that have a gold set in a counted
    # state; excluded text left out as for everyone
    gold_spans: SpanColumns = field(default_factory=lambda: SpanColumns.of(()))
    gold_documents: frozenset[int] = frozenset()

    @property
    def annotator_ids(self) -> list[int]:
        return [a.id for a in self.annotators]

    def name(self, annotator_id: int) -> str:
        for a in self.annotators:
            if a.id == annotator_id:
                return a.name
        return str(annotator_id)

    def pairs(self) -> list[tuple[int, int]]:
        ids = self.annotator_ids
        return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]

    def compared_pairs(self) -> list[tuple[int, int]]:
        """Pairs that share at least one document (others have no figures)."""
        return [pair for pair in self.pairs() if self.shared_documents(pair)]

    def shared_documents(self, annotator_ids: Iterable[int]) -> list[int]:
        """Documents (sorted) in which every one of these annotators has a counted set."""
        wanted = frozenset(annotator_ids)
        return [doc for doc, who in self.coverage.items() if wanted <= who]

    @property
    def label_keys(self) -> dict[int, str]:
        """Entity label id -> key."""
        return {label_id: key for key, label_id in self.label_ids.items()}

    def excluded_length(self, doc: int) -> int:
        return sum(end - start for start, end in self.excluded.get(doc, ()))


# --- loading -----------------------------------------------------------------------


def _merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


class _Excluder:
    """Answers "does [start, end) overlap text left out?" per document."""

    def __init__(self, excluded: dict[int, list[tuple[int, int]]]):
        self.documents = frozenset(doc for doc, ranges in excluded.items() if ranges)
        self._starts = {doc: [s for s, _ in ranges] for doc, ranges in excluded.items()}
        self._ends = {doc: [e for _, e in ranges] for doc, ranges in excluded.items()}

    def hits(self, doc: int, start: int, end: int) -> bool:
        starts = self._starts.get(doc)
        if not starts:
            return False
        # the last region starting before `end` is the only one that can overlap
        i = bisect_right(starts, end - 1) - 1
        return i >= 0 and self._ends[doc][i] > start

    def kept(self, spans: SpanColumns) -> npt.NDArray[np.bool_]:
        """Which of `spans` overlap no text left out (`hits` over whole columns)."""
        keep = np.ones(len(spans), dtype=bool)
        near = np.flatnonzero(np.isin(spans.doc, np.fromiter(self.documents, dtype=np.int64)))
        for i, doc, start, end in zip(
            near.tolist(),
            spans.doc[near].tolist(),
            spans.start[near].tolist(),
            spans.end[near].tolist(),
            strict=True,
        ):
            if self.hits(doc, start, end):
                keep[i] = False
        return keep


def _resolve_labels(schema: ProjectSchema, keys: tuple[str, ...] | None) -> dict[str, set[str]]:
    """Per layer, the keys to keep (absent: the whole layer)."""
    if not keys:
        return {}
    layers = (ENTITY, EVENT, STANCE_TARGET)
    known = {layer: {label.key for label in schema.layer(layer)} for layer in layers}
    wanted: dict[str, set[str]] = {}
    unknown = []
    for key in keys:
        homes = [layer for layer in layers if key in known[layer]]
        if not homes:
            unknown.append(key)
        for layer in homes:
            wanted.setdefault(layer, set()).add(key)
    if unknown:
        choices = ", ".join(sorted(known[ENTITY] | known[EVENT] | known[STANCE_TARGET]))
        raise OperationError(f"unknown label(s) {', '.join(unknown)}; the schema has {choices}")
    return wanted


def load_study(
    project: Project, options: AgreementOptions | None = None, progress: Progress | None = None
) -> Study:
    """Read what `options` asks to compare from `project` (one read transaction)."""
    options = options or AgreementOptions()
    schema = project.schema
    keep = _resolve_labels(schema, options.labels)

    def step(done: int, label: str) -> None:
        report_progress(progress, done, 6, label)

    with project.read() as conn:
        step(0, Message("Reading annotation sets"))
        annotators, set_info, coverage, documents = _load_sets(conn, options)
        chosen = {a.id for a in annotators}
        excluded = _load_excluded(conn, set_info, chosen, documents)
        excluder = _Excluder(excluded)
        left_out = {a: LeftOut() for a in chosen}
        labels = {label.id: label for label in schema.labels}
        roles = {role.id: role.key for role in schema.roles}

        step(1, Message("Reading entity spans"))
        entity_keep = keep.get(ENTITY)
        keep_ids = (
            {label.id for label in schema.layer(ENTITY) if label.key in entity_keep}
            if entity_keep is not None
            else None
        )
        states = counted_states(options)
        spans = _load_spans(conn, set_info, states, chosen, keep_ids, excluder, left_out)
        gold_documents, gold_spans = _load_gold_spans(conn, documents, states, keep_ids, excluder)
        step(3, Message("Reading events"))
        event_keep = keep.get(EVENT)
        events = _load_events(conn, set_info, labels, roles, event_keep, excluder, left_out)
        step(4, Message("Reading stances"))
        target_keep = keep.get(STANCE_TARGET)
        stances = _load_stances(conn, set_info, labels, target_keep, excluder, left_out)
    step(5, Message("Compared"))

    def layer_keys(layer: str, wanted: set[str] | None) -> list[str]:
        return [lab.key for lab in schema.layer(layer) if wanted is None or lab.key in wanted]

    return Study(
        options=options,
        annotators=annotators,
        documents=documents,
        coverage=coverage,
        excluded=excluded,
        entity_labels=layer_keys(ENTITY, entity_keep),
        label_ids={label.key: label.id for label in schema.layer(ENTITY)},
        event_types=layer_keys(EVENT, event_keep),
        stance_targets=layer_keys(STANCE_TARGET, target_keep),
        polarities=layer_keys(POLARITY, None),
        spans={a: spans.get(a, SpanColumns.of(())) for a in chosen},
        events={a: events.get(a, []) for a in chosen},
        stances={a: stances.get(a, {}) for a in chosen},
        left_out=left_out,
        gold_spans=gold_spans,
        gold_documents=gold_documents,
    )


SetInfo = dict[int, tuple[int, int]]  # set id -> (document, annotator)


def counted_states(options: AgreementOptions) -> tuple[str, ...]:
    return ("finished", "in_progress") if options.include_unfinished else ("finished",)


def _load_sets(
    conn: Connection, options: AgreementOptions
) -> tuple[list[AnnotatorRef], SetInfo, dict[int, frozenset[int]], dict[int, DocumentRef]]:
    names: dict[int, str] = dict(conn.exec_driver_sql("SELECT id, name FROM annotator").all())
    if options.annotators:
        by_name = {name: annotator_id for annotator_id, name in names.items()}
        unknown = [n for n in options.annotators if n not in by_name]
        if unknown:
            raise OperationError(
                f"unknown annotator(s) {', '.join(unknown)}; the project has "
                f"{', '.join(sorted(by_name)) or 'no annotators'}"
            )
        wanted_annotators: set[int] | None = {by_name[n] for n in options.annotators}
    else:
        wanted_annotators = None
    doc_rows = conn.exec_driver_sql("SELECT id, title, length FROM document").all()
    all_documents = {row[0]: DocumentRef(row[0], row[1], row[2]) for row in doc_rows}
    if options.documents:
        unknown_docs = [d for d in options.documents if d not in all_documents]
        if unknown_docs:
            raise OperationError(
                f"no document with id {', '.join(map(str, unknown_docs))} in this project"
            )
        wanted_documents: set[int] | None = set(options.documents)
    else:
        wanted_documents = None
    states = counted_states(options)
    rows = conn.execute(
        text(
            "SELECT id, document_id, annotator_id FROM annotation_set "
            "WHERE annotator_id IS NOT NULL AND state IN :states"
        ).bindparams(bindparam("states", expanding=True)),
        {"states": list(states)},
    ).all()
    by_document: defaultdict[int, set[int]] = defaultdict(set)
    candidates: SetInfo = {}
    for set_id, doc, annotator in rows:
        if wanted_annotators is not None and annotator not in wanted_annotators:
            continue
        if wanted_documents is not None and doc not in wanted_documents:
            continue
        candidates[set_id] = (doc, annotator)
        by_document[doc].add(annotator)
    coverage = {doc: frozenset(who) for doc, who in sorted(by_document.items()) if len(who) >= 2}
    set_info = {s: da for s, da in candidates.items() if da[0] in coverage}
    if wanted_annotators is not None:
        present = wanted_annotators
    else:
        present = {annotator for who in coverage.values() for annotator in who}
    annotators = sorted(
        (AnnotatorRef(a, names[a]) for a in present), key=lambda a: (a.name.casefold(), a.id)
    )
    documents = {doc: all_documents[doc] for doc in coverage}
    return annotators, set_info, coverage, documents


def _load_excluded(
    conn: Connection, set_info: SetInfo, chosen: set[int], documents: dict[int, DocumentRef]
) -> dict[int, list[tuple[int, int]]]:
    ranges: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    rows = conn.exec_driver_sql(
        'SELECT document_id, set_id, start, "end" FROM excluded_region'
    ).all()
    for doc, set_id, start, end in rows:
        if doc not in documents:
            continue
        if set_id is None or (set_id in set_info and set_info[set_id][1] in chosen):
            ranges[doc].append((start, end))
    return {doc: _merge_ranges(found) for doc, found in ranges.items()}


_FETCHED = 50_000  # span rows read from the database at a time


def _load_spans(
    conn: Connection,
    set_info: SetInfo,
    states: tuple[str, ...],
    chosen: set[int],
    keep: set[int] | None,
    excluder: _Excluder,
    left_out: dict[int, LeftOut],
) -> dict[int, SpanColumns]:
    """Each annotator's spans, read straight from the driver's cursor: at hundreds of
    thousands of rows, going row by row through SQLAlchemy would dominate the study."""
    reader = DriverReader(conn)
    sets_of: defaultdict[int, list[int]] = defaultdict(list)
    for set_id, (_doc, annotator) in set_info.items():
        sets_of[annotator].append(set_id)
    select = 'SELECT st.document_id, s.start, s."end", s.label_id '
    marks = ", ".join("?" for _ in states)
    # every counted set of the annotator (the usual case): found by annotator and state,
    # which is quicker than through a list of set ids
    by_annotator = (
        select + "FROM annotation_set st JOIN entity_span s ON s.set_id = st.id "
        f"WHERE st.annotator_id = ? AND st.state IN ({marks})"
    )
    labels, label_params = ("", []) if keep is None else reader.in_list("s.label_id", sorted(keep))
    # the order of SpanColumns, sorted by SQLite rather than in Python
    spans: dict[int, SpanColumns] = {}
    for annotator in sorted(chosen):
        mine = sets_of.get(annotator, [])
        every = reader.rows(
            f"SELECT count(*) FROM annotation_set WHERE annotator_id = ? AND state IN ({marks})",
            (annotator, *states),
        )[0][0]
        if len(mine) == every:
            sql, params = by_annotator, [annotator, *states]
        else:
            in_sets, params = reader.in_list("s.set_id", mine)
            sql = select + "FROM entity_span s JOIN annotation_set st ON st.id = s.set_id WHERE "
            sql += in_sets
        if labels:
            sql += " AND " + labels
        # read a batch at a time, each straight into an array; sorted here, which is
        # quicker than asking the database for the order
        batches = [
            np.fromiter(chain.from_iterable(batch), dtype=np.int64, count=4 * len(batch))
            for batch in reader.batches(sql, [*params, *label_params])
        ]
        rows = np.concatenate([np.zeros(0, dtype=np.int64), *batches]).reshape(-1, 4)
        del batches  # before sorting: the peak is then the rows and the sorted columns
        found = SpanColumns.sorted(rows)
        del rows
        if excluder.documents:
            kept = excluder.kept(found)
            left_out[annotator].excluded += len(found) - int(kept.sum())
            found = found.where(kept)
        spans[annotator] = found
    return spans


def _load_gold_spans(
    conn: Connection,
    documents: dict[int, DocumentRef],
    states: tuple[str, ...],
    keep: set[int] | None,
    excluder: _Excluder,
) -> tuple[frozenset[int], SpanColumns]:
    """The compared documents with a gold set in a counted state, and its spans there
    (those overlapping text left out are dropped, as the annotators' are)."""
    sets, spans = table_of(AnnotationSet), table_of(EntitySpan)
    found: set[int] = set()
    for chunk in in_batches(list(documents)):
        found.update(
            conn.execute(
                select(sets.c.document_id).where(
                    sets.c.annotator_id.is_(None),
                    sets.c.state.in_(states),
                    sets.c.document_id.in_(chunk),
                )
            ).scalars()
        )
    items: list[EntitySpanItem] = []
    for chunk in in_batches(sorted(found)):
        query = (
            select(sets.c.document_id, spans.c.start, spans.c.end, spans.c.label_id)
            .select_from(spans.join(sets, sets.c.id == spans.c.set_id))
            .where(sets.c.annotator_id.is_(None), sets.c.document_id.in_(chunk))
        )
        if keep is not None:
            query = query.where(spans.c.label_id.in_(sorted(keep)))
        for doc, start, end, label in conn.execute(query):
            if not excluder.hits(doc, start, end):
                items.append((doc, start, end, label))
    return frozenset(found), SpanColumns.of(items)


def _load_events(
    conn: Connection,
    set_info: SetInfo,
    labels: dict[int, LabelInfo],
    roles: dict[int, str],
    keep: set[str] | None,
    excluder: _Excluder,
    left_out: dict[int, LeftOut],
) -> dict[int, list[EventItem]]:
    triggers: dict[int, tuple[int, int, int, int, str]] = {}
    rows = conn.exec_driver_sql('SELECT id, set_id, type_id, start, "end" FROM event_mention')
    for event_id, set_id, type_id, start, end in rows:
        where = set_info.get(set_id)
        if where is None:
            continue
        key = labels[type_id].key
        if keep is not None and key not in keep:
            continue
        doc, annotator = where
        if excluder.hits(doc, start, end):
            left_out[annotator].excluded += 1
            continue
        triggers[event_id] = (annotator, doc, start, end, key)
    arguments: defaultdict[int, list[tuple[str, int, int, str]]] = defaultdict(list)
    rows = conn.exec_driver_sql(
        'SELECT a.event_id, a.role_id, s.start, s."end", s.label_id FROM event_argument a '
        "LEFT JOIN entity_span s ON s.id = a.span_id"
    )
    for event_id, role_id, start, end, label_id in rows:
        trigger = triggers.get(event_id)
        if trigger is None:
            continue
        annotator, doc = trigger[0], trigger[1]
        if start is None:
            left_out[annotator].detached += 1
            continue
        if excluder.hits(doc, start, end):
            left_out[annotator].excluded += 1
            continue
        arguments[event_id].append((roles[role_id], start, end, labels[label_id].key))
    events: defaultdict[int, list[EventItem]] = defaultdict(list)
    for event_id, (annotator, doc, start, end, key) in triggers.items():
        args = tuple(sorted(arguments.get(event_id, ())))
        events[annotator].append(EventItem(doc, start, end, key, args))
    for found in events.values():
        found.sort(key=lambda e: (e.doc, e.start, e.end, e.type))
    return events


def _load_stances(
    conn: Connection,
    set_info: SetInfo,
    labels: dict[int, LabelInfo],
    keep: set[str] | None,
    excluder: _Excluder,
    left_out: dict[int, LeftOut],
) -> dict[int, dict[StanceKey, StanceItem]]:
    stances: defaultdict[int, dict[StanceKey, StanceItem]] = defaultdict(dict)
    rows = conn.exec_driver_sql(
        "SELECT st.id, st.set_id, st.scope, st.holder_span_id, st.target_label_id, "
        'st.target_span_id, st.polarity_id, h.start, h."end", h.label_id, '
        't.start, t."end", t.label_id FROM stance st '
        "LEFT JOIN entity_span h ON h.id = st.holder_span_id "
        "LEFT JOIN entity_span t ON t.id = st.target_span_id ORDER BY st.id"
    )
    for row in rows:
        (stance_id, set_id, scope, holder_id, target_label, target_id, polarity) = row[:7]
        h_start, h_end, h_label, t_start, t_end, t_label = row[7:]
        where = set_info.get(set_id)
        if where is None:
            continue
        doc, annotator = where
        if polarity is None:
            left_out[annotator].incomplete_stances += 1
            continue
        target: TargetRef
        holder: Literal["author"] | SpanRef
        if target_label is not None:
            target = ("label", labels[target_label].key)
            if keep is not None and target[1] not in keep:
                continue
        elif target_id is not None:
            if keep is not None:
                continue  # restricted to named targets: entity targets are not among them
            target = ("span", t_start, t_end, labels[t_label].key)
        else:
            left_out[annotator].detached += 1  # its target span was deleted
            continue
        if scope == "document":
            holder = AUTHOR
        elif holder_id is None:
            left_out[annotator].detached += 1
            continue
        else:
            holder = ("span", h_start, h_end, labels[h_label].key)
        if (holder != AUTHOR and excluder.hits(doc, holder[1], holder[2])) or (
            target[0] == "span" and excluder.hits(doc, target[1], target[2])
        ):
            left_out[annotator].excluded += 1
            continue
        key = (doc, holder, target)
        mine = stances[annotator]
        if key in mine:
            left_out[annotator].duplicate_stances += 1  # rows come by id: the latest wins
        mine[key] = StanceItem(key, labels[polarity].key, stance_id)
    return stances


__all__ = [
    "AUTHOR",
    "AgreementOptions",
    "AnnotatorRef",
    "DocumentRef",
    "EventItem",
    "LeftOut",
    "SpanColumns",
    "StanceItem",
    "Study",
    "load_study",
]
