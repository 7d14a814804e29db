"""Curation: several annotators' versions of one document, merged into its gold set.

The gold set of a document is the annotation set with no annotator
(`annotator_id` NULL); `curator_id` records who curated it last and its state
`finished` means curated. It is an ordinary set: everything that works on a set
works on it.

Reading. `load_curation(conn, schema, document_id)` gathers each annotator's
annotations (finished sets only, unless `include_unfinished`), leaves out what
lies in text excluded for that annotator's set or for the gold set
(`core.annotation.excluded`), and groups them into candidates:

- entity spans by (start, end, label);
- events by (trigger start, end, type), each with its arguments grouped by
  (role, argument span start, end);
- document-level stances by (target, polarity);
- attributed stances by (holder span, target label or target span, polarity),
  with the union of their evidence.

Each candidate knows who proposed it, who of the document's annotators did not,
whether the gold set holds it, and where annotators disagree: two candidates
are *alternatives* when they compete for the same text (same offsets with a
different label, overlapping extents, another polarity for the same holder and
target, two fillers of a role that takes one) and neither's proposers include
the other's. A span some annotator marked together with a nested one is not an
alternative of it: that annotator wanted both.

Status: `accepted` (in the gold set), `rejected` (the curator said no; kept in
`curation_decision`), else `agreed` (every annotator proposed it and, for an
event, every argument too) or `disputed`.

Operations (curators only; each one transaction and one undo step; none
imports Qt):

- `auto_merge`: copy into gold every undecided candidate that reaches the
  strategy's threshold (unanimous, or at least k of n annotators) and has
  strictly more support than each *rival* (an alternative proposed by other
  annotators entirely); ties are left to the curator. Events bring the
  arguments that pass the same test; entity spans arguments and holders need
  are brought along.
- `accept` / `reject` one candidate (an event is accepted with its undecided
  arguments as a unit; an argument alone brings its event along); rejecting
  what gold holds removes it from gold.
- `mark_curated`, and the gold span edits the gold pane uses.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from core.annotation.annotators import AnnotatorInfo
from core.annotation.events import delete_event_rows, get_event
from core.annotation.excluded import ExcludedRanges, excluded_ranges_of_set, excluded_regions
from core.annotation.sets import touch_set
from core.annotation.spans import (
    check_in_document,
    delete_span,
    detach_span_references,
    document_length,
    get_span,
    label_key,
    relabel_span,
    resize_span,
)
from core.annotation.stances import (
    ATTRIBUTED,
    DOCUMENT,
    delete_stance_rows,
    document_stance,
    get_stance,
)
from core.annotation.validation import SetContent, load_sets_content
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project
from core.schema.model import ProjectSchema, RoleInfo, load_schema
from models.tables import (
    AnnotationSet,
    Annotator,
    CurationDecision,
    Document,
    EntitySpan,
    EventArgument,
    EventMention,
    Stance,
    StanceEvidence,
    utc_now,
)

# candidate kinds
ENTITY, EVENT, ARGUMENT = "entity", "event", "argument"
DOCUMENT_STANCE, ATTRIBUTED_STANCE = "document_stance", "attributed_stance"
KINDS = (ENTITY, EVENT, ARGUMENT, DOCUMENT_STANCE, ATTRIBUTED_STANCE)

# statuses
AGREED, DISPUTED, ACCEPTED, REJECTED = "agreed", "disputed", "accepted", "rejected"
UNDECIDED = (AGREED, DISPUTED)

# how two alternatives differ (the names the agreement dashboard uses)
LABEL = "label"  # same offsets, another label
BOUNDARY = "boundary"  # overlapping, same label, other offsets
BOUNDARY_LABEL = "boundary_label"  # overlapping, other offsets and label
EVENT_TYPE = "event_type"  # same trigger, another event type
ROLE = "role"  # same argument span, another role
ARGUMENT_MISMATCH = "argument"  # another span for a role that takes one argument
POLARITY = "polarity"  # same target (and holder), another polarity
CONFLICT_NAMES = {
    LABEL: "label mismatch",
    BOUNDARY: "boundary mismatch",
    BOUNDARY_LABEL: "boundary and label mismatch",
    EVENT_TYPE: "event type mismatch",
    ROLE: "role mismatch",
    ARGUMENT_MISMATCH: "argument mismatch",
    POLARITY: "polarity mismatch",
}

FINISHED, IN_PROGRESS = "finished", "in_progress"

Ref = tuple[str, tuple]  # (kind, key): names a candidate across reloads


# --- what the curator sees -------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    kind: str  # LABEL, BOUNDARY... (CONFLICT_NAMES)
    other: Ref
    annotators: tuple[int, ...]  # who proposed the other one


@dataclass(frozen=True)
class EvidenceCandidate:
    start: int
    end: int
    annotators: tuple[int, ...]


@dataclass(frozen=True)
class Candidate:
    """One annotation as one or more annotators made it (or as only gold holds it)."""

    kind: str
    key: tuple
    start: int  # where it is in the text (a document-level stance: 0, 0)
    end: int
    label_id: int  # entity label, event type, argument role, or a stance's polarity
    annotators: tuple[int, ...]  # who proposed it, in annotator order
    missing: tuple[int, ...]  # annotators of the document who did not
    status: str
    gold_id: int | None = None  # the gold row (span, event, argument or stance)
    conflicts: tuple[Conflict, ...] = ()
    arguments: tuple[Candidate, ...] = ()  # an event's
    span_label_id: int | None = None  # an argument's entity label (the one most proposed)
    target_label_id: int | None = None  # stances
    holder: tuple[int, int] | None = None
    holder_label_id: int | None = None
    target_span: tuple[int, int] | None = None
    target_span_label_id: int | None = None
    evidence: tuple[EvidenceCandidate, ...] = ()

    @property
    def ref(self) -> Ref:
        return (self.kind, self.key)

    @property
    def support(self) -> int:
        return len(self.annotators)

    @property
    def undecided(self) -> bool:
        return self.status in UNDECIDED

    @property
    def parent(self) -> Ref | None:
        """The event an argument belongs to."""
        return (EVENT, self.key[:3]) if self.kind == ARGUMENT else None


@dataclass(frozen=True)
class Curation:
    """Everything the curation of one document needs, read in one snapshot."""

    document_id: int
    title: str
    annotators: tuple[AnnotatorInfo, ...]  # whose sets are compared, by name
    set_ids: dict[int, int]  # annotator id -> their set of this document
    skipped: tuple[tuple[AnnotatorInfo, str], ...]  # sets left out (not finished) and state
    gold_set_id: int | None
    gold_state: str  # "new" while there is no gold set
    curator_id: int | None
    candidates: tuple[Candidate, ...]  # document stances first, then by position
    left_out: tuple[tuple[str, int], ...] = ()  # (why, how many) annotations not compared

    def all(self) -> Iterator[Candidate]:
        """Every candidate, each event followed by its arguments."""
        for candidate in self.candidates:
            yield candidate
            yield from candidate.arguments

    def find(self, ref: Ref) -> Candidate | None:
        return self._by_ref.get(_normal_ref(ref))

    @property
    def _by_ref(self) -> dict[Ref, Candidate]:
        found = self.__dict__.get("_refs")
        if found is None:
            found = {c.ref: c for c in self.all()}
            object.__setattr__(self, "_refs", found)
        return found

    def undecided(self) -> list[Candidate]:
        return [c for c in self.all() if c.undecided]

    @property
    def curated(self) -> bool:
        return self.gold_state == FINISHED

    def counts(self) -> Counter[str]:
        return Counter(c.status for c in self.all())


@dataclass(frozen=True)
class Strategy:
    """Which candidates auto-merge takes: all annotators agree, or at least `k` of them."""

    k: int | None = None  # None: unanimous

    @classmethod
    def unanimous(cls) -> Strategy:
        return cls(None)

    @classmethod
    def at_least(cls, k: int) -> Strategy:
        return cls(k)

    def threshold(self, n: int) -> int:
        return n if self.k is None else self.k

    def describe(self, n: int | None = None) -> str:
        if self.k is None:
            return "unanimous" if n is None else f"unanimous ({n} of {n})"
        return f"at least {self.k} of {n if n is not None else 'n'}"


@dataclass(frozen=True)
class MergeReport:
    strategy: Strategy
    annotators: int
    taken: tuple[Ref, ...] = ()  # candidates (and arguments) put into gold
    brought_along: tuple[tuple[int, int, int], ...] = ()  # (start, end, label) spans added
    undecided: tuple[Ref, ...] = ()  # left for the curator

    def summary(self) -> str:
        how = self.strategy.describe(self.annotators)
        if not self.taken:
            text = f"Auto-merge ({how}) found nothing to take"
        else:
            text = f"Auto-merge ({how}) took {describe_refs(self.taken)}"
        if self.brought_along:
            text += (
                f", and brought along {len(self.brought_along)} entity span(s) that arguments "
                "or stances need"
            )
        return text + f"; {len(self.undecided)} left undecided."


@dataclass(frozen=True)
class AcceptReport:
    ref: Ref
    taken: tuple[Ref, ...] = ()  # the candidate, and the arguments taken with an event
    brought_along: tuple[tuple[int, int, int], ...] = ()
    left: tuple[Ref, ...] = ()  # arguments of the event left undecided (tied alternatives)

    def summary(self, schema: ProjectSchema) -> str:
        parts = [f"Accepted {describe_refs(self.taken or (self.ref,))}"]
        if self.brought_along:
            spans = ", ".join(
                f"{schema.label(label).key} {start}–{end}"
                for start, end, label in self.brought_along
            )
            parts.append(f"brought along the entity span(s) it needs: {spans}")
        if self.left:
            parts.append(f"{len(self.left)} argument(s) tied with another were left undecided")
        return "; ".join(parts) + "."


def describe_refs(refs: Iterable[Ref]) -> str:
    """ "3 entities, 1 event with 2 arguments" — what a set of candidates holds."""
    counts = Counter(kind for kind, _ in refs)
    words = {
        ENTITY: ("entity", "entities"),
        EVENT: ("event", "events"),
        ARGUMENT: ("argument", "arguments"),
        DOCUMENT_STANCE: ("document stance", "document stances"),
        ATTRIBUTED_STANCE: ("attributed stance", "attributed stances"),
    }
    parts = [
        f"{counts[kind]} {words[kind][counts[kind] != 1]}" for kind in KINDS if counts.get(kind)
    ]
    return ", ".join(parts) if parts else "nothing"


def describe_candidate(candidate: Candidate, schema: ProjectSchema, text: str) -> str:
    """ "ORG «ميتا» 120–124" — a candidate named for a message or a list."""

    def quote(start: int, end: int) -> str:
        # isolated, so that Arabic text does not reorder the numbers after it in an LTR line
        piece = " ".join(text[start:end].split())
        return f"«\u2068{piece[:40]}{'…' if len(piece) > 40 else ''}\u2069»"

    if candidate.kind == ARGUMENT:
        return f"{schema.role(candidate.label_id).key} = {quote(candidate.start, candidate.end)}"
    key = schema.label(candidate.label_id).key
    if candidate.kind in (ENTITY, EVENT):
        return f"{key} {quote(candidate.start, candidate.end)} {candidate.start}–{candidate.end}"
    if candidate.kind == DOCUMENT_STANCE:
        return f"document {key} towards {schema.label(candidate.target_label_id).key}"
    holder = quote(*candidate.holder)
    target = (
        schema.label(candidate.target_label_id).key
        if candidate.target_label_id is not None
        else quote(*candidate.target_span)
    )
    return f"{holder} {key} towards {target}"


# --- reading ---------------------------------------------------------------------------


def _ordered(ids: Iterable[int], order: dict[int, int]) -> tuple[int, ...]:
    return tuple(sorted(set(ids), key=lambda i: (order.get(i, len(order)), i)))


def _alternatives(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Neither's proposers include the other's: they compete rather than coexist."""
    sa, sb = set(a), set(b)
    return not sa <= sb and not sb <= sa


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _normal_ref(ref: Ref) -> Ref:
    kind, key = ref
    return (kind, tuple(key))


@dataclass
class _StanceVersion:
    holder_label: int | None
    target_span_label: int | None
    evidence: list[tuple[int, int]]


@dataclass
class _Gathered:
    """Annotations grouped by candidate key: key -> {annotator id: detail}."""

    entities: dict[tuple, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    events: dict[tuple, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    arguments: dict[tuple, dict[tuple, dict[int, int]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(dict))
    )
    document_stances: dict[tuple, dict[int, _StanceVersion]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    attributed: dict[tuple, dict[int, _StanceVersion]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    left_out: Counter[str] = field(default_factory=Counter)


@dataclass
class _Gold:
    entities: dict[tuple, int] = field(default_factory=dict)
    events: dict[tuple, int] = field(default_factory=dict)
    arguments: dict[tuple, dict[tuple, int]] = field(default_factory=lambda: defaultdict(dict))
    argument_labels: dict[tuple, dict[tuple, int]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    document_stances: dict[tuple, int] = field(default_factory=dict)
    attributed: dict[tuple, int] = field(default_factory=dict)
    labels: dict[tuple, _StanceVersion] = field(default_factory=dict)  # stance key -> labels


def _gather(
    schema: ProjectSchema,
    content: SetContent,
    owner: int,
    blocked: ExcludedRanges | None,
    into: _Gathered,
) -> None:
    """Group one set's annotations by candidate key (`blocked`: text to leave out)."""
    left_out = into.left_out
    spans = content.spans

    def excluded(start: int, end: int) -> bool:
        return blocked is not None and blocked.overlaps(start, end)

    for span in spans.values():
        if excluded(span.start, span.end):
            left_out["entity spans in excluded text"] += 1
            continue
        into.entities[(span.start, span.end, span.label_id)][owner] = span.id
    for event in content.events:
        if excluded(event.start, event.end):
            left_out["events in excluded text"] += 1
            continue
        key = (event.start, event.end, event.type_id)
        into.events[key][owner] = event.id
        arguments = into.arguments[key]
        for argument in event.arguments:
            span = spans.get(argument.span_id) if argument.span_id is not None else None
            try:
                role = schema.role(argument.role_id)
            except KeyError:
                role = None
            if span is None:
                left_out["arguments without an entity span of their set"] += 1
            elif role is None or role.event_type_id != event.type_id:
                left_out["arguments with a role of another event type"] += 1
            elif excluded(span.start, span.end):
                left_out["arguments in excluded text"] += 1
            else:
                arguments[(argument.role_id, span.start, span.end)][owner] = span.label_id
    for stance in content.stances:
        evidence = [(e.start, e.end) for e in stance.evidence if not excluded(e.start, e.end)]
        if len(evidence) < len(stance.evidence):
            left_out["stance evidence in excluded text"] += len(stance.evidence) - len(evidence)
        if stance.scope == DOCUMENT:
            key = (stance.target_label_id, stance.polarity_id)
            into.document_stances[key][owner] = _StanceVersion(None, None, evidence)
            continue
        holder = spans.get(stance.holder_span_id) if stance.holder_span_id is not None else None
        target = None
        if stance.target_span_id is not None:
            target = spans.get(stance.target_span_id)
        if holder is None or (stance.target_span_id is not None and target is None):
            left_out["stances that lost their holder or target"] += 1
            continue
        if stance.target_label_id is None and target is None:
            left_out["stances that lost their holder or target"] += 1
            continue
        if excluded(holder.start, holder.end) or (
            target is not None and excluded(target.start, target.end)
        ):
            left_out["stances in excluded text"] += 1
            continue
        key = (
            holder.start,
            holder.end,
            stance.target_label_id,
            target.start if target else None,
            target.end if target else None,
            stance.polarity_id,
        )
        into.attributed[key][owner] = _StanceVersion(
            holder.label_id, target.label_id if target else None, evidence
        )


def _read_gold(schema: ProjectSchema, content: SetContent) -> _Gold:
    gold = _Gold()
    spans = content.spans
    for span in spans.values():
        gold.entities[(span.start, span.end, span.label_id)] = span.id
    for event in content.events:
        key = (event.start, event.end, event.type_id)
        gold.events[key] = event.id
        for argument in event.arguments:
            span = spans.get(argument.span_id) if argument.span_id is not None else None
            if span is not None:
                arg_key = (argument.role_id, span.start, span.end)
                gold.arguments[key][arg_key] = argument.id
                gold.argument_labels[key][arg_key] = span.label_id
    for stance in content.stances:
        if stance.scope == DOCUMENT:
            key = (stance.target_label_id, stance.polarity_id)
            gold.document_stances[key] = stance.id
            gold.labels[key] = _StanceVersion(
                None, None, [(e.start, e.end) for e in stance.evidence]
            )
            continue
        holder = spans.get(stance.holder_span_id) if stance.holder_span_id is not None else None
        target = spans.get(stance.target_span_id) if stance.target_span_id is not None else None
        if holder is None or (stance.target_label_id is None and target is None):
            continue
        key = (
            holder.start,
            holder.end,
            stance.target_label_id,
            target.start if target else None,
            target.end if target else None,
            stance.polarity_id,
        )
        gold.attributed[key] = stance.id
        gold.labels[key] = _StanceVersion(
            holder.label_id,
            target.label_id if target else None,
            [(e.start, e.end) for e in stance.evidence],
        )
    return gold


def _most_proposed(labels: Iterable[int], schema: ProjectSchema) -> int | None:
    """The label most annotators gave (ties: the one first in the schema)."""
    counts = Counter(labels)
    if not counts:
        return None

    def position(label_id: int) -> tuple[int, int]:
        try:
            return (schema.label(label_id).position, label_id)
        except KeyError:
            return (1 << 30, label_id)

    return min(counts, key=lambda label: (-counts[label], position(label)))


def _pairwise_conflicts(
    items: list[tuple[tuple, tuple[int, int], tuple[int, ...], Any]],
    classify,
    kind: str,
) -> dict[tuple, list[Conflict]]:
    """Alternatives among overlapping items (key, (start, end), proposers, detail)."""
    found: dict[tuple, list[Conflict]] = defaultdict(list)
    ordered = sorted(items, key=lambda item: (item[1][0], item[1][1]))
    who = [frozenset(item[2]) for item in ordered]
    for i, (key, place, proposers, detail) in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            other_key, other_place, other_proposers, other_detail = ordered[j]
            if other_place[0] >= place[1]:
                break
            if who[i] <= who[j] or who[j] <= who[i]:
                continue  # not alternatives: one's proposers include the other's
            how = classify(place, detail, other_place, other_detail)
            if how is None:
                continue
            found[key].append(Conflict(how, (kind, other_key), other_proposers))
            found[other_key].append(Conflict(how, (kind, key), proposers))
    return found


def _classify_span(place, label, other_place, other_label) -> str:
    if place == other_place:
        return LABEL
    return BOUNDARY if label == other_label else BOUNDARY_LABEL


def _classify_trigger(place, type_id, other_place, other_type) -> str:
    if place == other_place:
        return EVENT_TYPE
    return BOUNDARY if type_id == other_type else BOUNDARY_LABEL


def load_curation(
    conn: Connection,
    schema: ProjectSchema,
    document_id: int,
    *,
    include_unfinished: bool = False,
) -> Curation:
    """The candidates of one document (see the module docstring)."""
    document = conn.execute(
        select(Document.id, Document.title).where(Document.id == document_id)
    ).first()
    if document is None:
        raise OperationError(f"document {document_id} does not exist (it may have been removed)")
    rows = conn.execute(
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
    order = {a.id: i for i, a in enumerate(annotators)}
    set_ids = {r.annotator_id: r.id for r in included}
    contents = load_sets_content(
        conn, [r.id for r in included] + ([gold_row.id] if gold_row else [])
    )
    if gold_row is not None:
        gold_excluded = contents[gold_row.id].excluded
    else:
        gold_excluded = ExcludedRanges(
            (r.start, r.end) for r in excluded_regions(conn, document_id, None)
        )
    gathered = _Gathered()
    for row in included:
        content = contents[row.id]
        _gather(schema, content, row.annotator_id, content.excluded.union(gold_excluded), gathered)
    gold = _read_gold(schema, contents[gold_row.id]) if gold_row else _Gold()
    rejected = {
        (kind, tuple(json.loads(key)))
        for kind, key in conn.execute(
            select(CurationDecision.kind, CurationDecision.key).where(
                CurationDecision.document_id == document_id,
                CurationDecision.decision == "rejected",
            )
        ).all()
    }
    everyone = tuple(a.id for a in annotators)
    builder = _Builder(schema, order, everyone, rejected)
    candidates = (
        builder.document_stances(gathered, gold)
        + builder.entities(gathered, gold)
        + builder.events(gathered, gold)
        + builder.attributed(gathered, gold)
    )
    kind_order = {ENTITY: 0, EVENT: 1, ATTRIBUTED_STANCE: 2}
    candidates.sort(
        key=lambda c: (
            (
                c.kind != DOCUMENT_STANCE,
                c.start,
                c.end,
                kind_order.get(c.kind, 0),
                _label_position(schema, c.label_id),
                c.key,
            )
            if c.kind != DOCUMENT_STANCE
            else (
                False,
                _label_position(schema, c.target_label_id),
                _label_position(schema, c.label_id),
            )
        )
    )
    return Curation(
        document_id=document_id,
        title=document.title,
        annotators=annotators,
        set_ids=set_ids,
        skipped=skipped,
        gold_set_id=gold_row.id if gold_row else None,
        gold_state=gold_row.state if gold_row else "new",
        curator_id=gold_row.curator_id if gold_row else None,
        candidates=tuple(candidates),
        left_out=tuple(sorted(gathered.left_out.items())),
    )


def _label_position(schema: ProjectSchema, label_id: int | None) -> int:
    try:
        return schema.label(label_id).position if label_id is not None else -1
    except KeyError:
        return 1 << 30


class _Builder:
    """Turns grouped annotations and the gold set into candidates."""

    def __init__(
        self,
        schema: ProjectSchema,
        order: dict[int, int],
        everyone: tuple[int, ...],
        rejected: set[Ref],
    ):
        self.schema = schema
        self.order = order
        self.everyone = everyone
        self.rejected = rejected

    def _status(self, ref: Ref, proposers: tuple[int, ...], gold_id: int | None) -> str:
        if gold_id is not None:
            return ACCEPTED
        if ref in self.rejected:
            return REJECTED
        if self.everyone and len(proposers) == len(self.everyone):
            return AGREED
        return DISPUTED

    def _missing(self, proposers: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(a for a in self.everyone if a not in proposers)

    def _proposers(self, proposed: dict[tuple, Any], in_gold: dict[tuple, Any]) -> dict:
        """Every key proposed or in gold, with who proposed it (in annotator order)."""
        return {k: _ordered(proposed.get(k, {}), self.order) for k in set(proposed) | set(in_gold)}

    def _candidate(
        self,
        kind: str,
        key: tuple,
        who: tuple[int, ...],
        gold_id: int | None,
        conflicts: Iterable[Conflict],
        status: str | None = None,
        **fields: Any,
    ) -> Candidate:
        """A candidate with what every kind has: proposers, who missed it, its status (by
        default from the gold row, rejections and proposers) and conflicts."""
        return Candidate(
            kind=kind,
            key=key,
            annotators=who,
            missing=self._missing(who),
            status=status or self._status((kind, key), who, gold_id),
            gold_id=gold_id,
            conflicts=tuple(conflicts),
            **fields,
        )

    def entities(self, gathered: _Gathered, gold: _Gold) -> list[Candidate]:
        proposers = self._proposers(gathered.entities, gold.entities)
        conflicts = _pairwise_conflicts(
            [(k, (k[0], k[1]), who, k[2]) for k, who in proposers.items()], _classify_span, ENTITY
        )
        return [
            self._candidate(
                ENTITY,
                key,
                who,
                gold.entities.get(key),
                conflicts.get(key, ()),
                start=key[0],
                end=key[1],
                label_id=key[2],
            )
            for key, who in proposers.items()
        ]

    def events(self, gathered: _Gathered, gold: _Gold) -> list[Candidate]:
        proposers = self._proposers(gathered.events, gold.events)
        conflicts = _pairwise_conflicts(
            [(k, (k[0], k[1]), who, k[2]) for k, who in proposers.items()],
            _classify_trigger,
            EVENT,
        )
        found = []
        for key, who in proposers.items():
            gold_id = gold.events.get(key)
            arguments = self._arguments(key, gathered, gold)
            status = self._status((EVENT, key), who, gold_id)
            if status == AGREED and any(a.status == DISPUTED for a in arguments):
                status = DISPUTED
            found.append(
                self._candidate(
                    EVENT,
                    key,
                    who,
                    gold_id,
                    conflicts.get(key, ()),
                    status,
                    start=key[0],
                    end=key[1],
                    label_id=key[2],
                    arguments=tuple(arguments),
                )
            )
        return found

    def _arguments(self, event_key: tuple, gathered: _Gathered, gold: _Gold) -> list[Candidate]:
        proposed = gathered.arguments.get(event_key, {})
        in_gold = gold.arguments.get(event_key, {})
        proposers = self._proposers(proposed, in_gold)
        roles: dict[int, RoleInfo | None] = {}
        for role_id, _, _ in proposers:
            try:
                roles[role_id] = self.schema.role(role_id)
            except KeyError:
                roles[role_id] = None
        conflicts: dict[tuple, list[Conflict]] = defaultdict(list)
        ordered = sorted(proposers)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if not _alternatives(proposers[a], proposers[b]):
                    continue
                how = None
                if a[1:] == b[1:]:
                    how = ROLE
                elif a[0] == b[0] and _overlap(a[1:], b[1:]):
                    how = BOUNDARY
                elif a[0] == b[0] and roles[a[0]] is not None and not roles[a[0]].multiple:
                    how = ARGUMENT_MISMATCH
                if how is None:
                    continue
                conflicts[a].append(Conflict(how, (ARGUMENT, event_key + b), proposers[b]))
                conflicts[b].append(Conflict(how, (ARGUMENT, event_key + a), proposers[a]))
        found = []
        for key, who in proposers.items():
            labels = list(proposed.get(key, {}).values())
            if not labels and key in gold.argument_labels.get(event_key, {}):
                labels = [gold.argument_labels[event_key][key]]
            found.append(
                self._candidate(
                    ARGUMENT,
                    event_key + key,
                    who,
                    in_gold.get(key),
                    conflicts.get(key, ()),
                    start=key[1],
                    end=key[2],
                    label_id=key[0],
                    span_label_id=_most_proposed(labels, self.schema),
                )
            )
        found.sort(key=lambda c: (_role_position(self.schema, c.label_id), c.start, c.end))
        return found

    def document_stances(self, gathered: _Gathered, gold: _Gold) -> list[Candidate]:
        proposers = self._proposers(gathered.document_stances, gold.document_stances)
        found = []
        for key, who in proposers.items():
            conflicts = (
                Conflict(POLARITY, (DOCUMENT_STANCE, other), proposers[other])
                for other in sorted(proposers)
                if other != key and other[0] == key[0] and _alternatives(who, proposers[other])
            )
            versions = gathered.document_stances.get(key, {})
            gold_id = gold.document_stances.get(key)
            found.append(
                self._candidate(
                    DOCUMENT_STANCE,
                    key,
                    who,
                    gold_id,
                    conflicts,
                    start=0,
                    end=0,
                    label_id=key[1],
                    target_label_id=key[0],
                    evidence=self._evidence(versions, gold.labels.get(key) if gold_id else None),
                )
            )
        return found

    def attributed(self, gathered: _Gathered, gold: _Gold) -> list[Candidate]:
        proposers = self._proposers(gathered.attributed, gold.attributed)

        def classify(place, key, other_place, other_key) -> str | None:
            same_target = key[2:5] == other_key[2:5]
            if not same_target:
                return None
            if place == other_place:
                return POLARITY  # same holder and target: the keys differ in polarity
            return BOUNDARY if key[5] == other_key[5] else None

        conflicts = _pairwise_conflicts(
            [(k, (k[0], k[1]), who, k) for k, who in proposers.items()], classify, ATTRIBUTED_STANCE
        )
        found = []
        for key, who in proposers.items():
            versions = gathered.attributed.get(key, {})
            gold_id = gold.attributed.get(key)
            gold_labels = gold.labels.get(key) if gold_id else None
            holder_labels = [v.holder_label for v in versions.values()]
            target_labels = [v.target_span_label for v in versions.values() if key[3] is not None]
            if not versions and gold_labels is not None:
                holder_labels = [gold_labels.holder_label]
                target_labels = [gold_labels.target_span_label] if key[3] is not None else []
            found.append(
                self._candidate(
                    ATTRIBUTED_STANCE,
                    key,
                    who,
                    gold_id,
                    conflicts.get(key, ()),
                    start=key[0],
                    end=key[1],
                    label_id=key[5],
                    target_label_id=key[2],
                    holder=(key[0], key[1]),
                    holder_label_id=_most_proposed(holder_labels, self.schema),
                    target_span=(key[3], key[4]) if key[3] is not None else None,
                    target_span_label_id=_most_proposed(
                        [t for t in target_labels if t is not None], self.schema
                    ),
                    evidence=self._evidence(versions, gold_labels),
                )
            )
        return found

    def _evidence(
        self, versions: dict[int, _StanceVersion], gold: _StanceVersion | None
    ) -> tuple[EvidenceCandidate, ...]:
        who: dict[tuple[int, int], set[int]] = defaultdict(set)
        for annotator, version in versions.items():
            for place in version.evidence:
                who[place].add(annotator)
        if gold is not None:
            for place in gold.evidence:
                who.setdefault(place, set())
        return tuple(
            EvidenceCandidate(start, end, _ordered(who[(start, end)], self.order))
            for start, end in sorted(who)
        )


def _role_position(schema: ProjectSchema, role_id: int) -> int:
    try:
        return schema.role(role_id).position
    except KeyError:
        return 1 << 30


# --- curators --------------------------------------------------------------------------


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


def _document_exists(conn: Connection, document_id: int) -> None:
    if conn.execute(select(Document.id).where(Document.id == document_id)).first() is None:
        raise OperationError(f"document {document_id} does not exist (it may have been removed)")


# --- writing into gold -----------------------------------------------------------------


class _GoldWriter:
    """Puts candidates into a document's gold set through one transaction."""

    def __init__(self, tx: Txn, schema: ProjectSchema, curation: Curation, curator_id: int):
        self.tx = tx
        self.schema = schema
        self.curation = curation
        self.curator_id = curator_id
        self.set_id = curation.gold_set_id
        self._spans: dict[tuple[int, int, int], int] | None = None
        self.brought_along: list[tuple[int, int, int]] = []
        self.wrote = False
        self._signed = False
        self._excluded: ExcludedRanges | None = None

    # the set -------------------------------------------------------------------------

    def gold_set(self) -> int:
        tx = self.tx
        if self.set_id is None:
            self.set_id = tx.insert(
                AnnotationSet,
                document_id=self.curation.document_id,
                annotator_id=None,
                curator_id=self.curator_id,
            )
            self._signed = True
        elif not self._signed:
            current = tx.conn.execute(
                select(AnnotationSet.curator_id).where(AnnotationSet.id == self.set_id)
            ).scalar()
            if current != self.curator_id:
                tx.update(AnnotationSet, self.set_id, curator_id=self.curator_id)
            self._signed = True
        return self.set_id

    def finish(self) -> None:
        """The set was worked on: in progress (unless curated), and reported."""
        if self.wrote and self.set_id is not None:
            touch_set(self.tx, self.set_id)
        self.tx.changes.documents.add(self.curation.document_id)

    def check_place(self, start: int, end: int, what: str) -> None:
        """Refuse text excluded for the gold set (or for everyone), as new annotations are."""
        if self._excluded is None:
            document_id = self.curation.document_id
            self._excluded = (
                excluded_ranges_of_set(self.tx.conn, self.set_id)
                if self.set_id is not None
                else ExcludedRanges(
                    (r.start, r.end) for r in excluded_regions(self.tx.conn, document_id, None)
                )
            )
        hits = self._excluded.overlapping(start, end)
        if hits:
            s, e = hits[0]
            raise OperationError(
                f"{what} cannot be placed in excluded text (characters {s}-{e}); "
                "include that text again first"
            )

    # spans ---------------------------------------------------------------------------

    def _gold_spans(self) -> dict[tuple[int, int, int], int]:
        if self._spans is None:
            self._spans = {}
            if self.set_id is not None:
                for span_id, start, end, label_id in self.tx.conn.execute(
                    select(
                        EntitySpan.id, EntitySpan.start, EntitySpan.end, EntitySpan.label_id
                    ).where(EntitySpan.set_id == self.set_id)
                ).all():
                    self._spans[(start, end, label_id)] = span_id
        return self._spans

    def span(self, start: int, end: int, label_id: int, *, brought_along: bool = False) -> int:
        spans = self._gold_spans()
        found = spans.get((start, end, label_id))
        if found is not None:
            return found
        self.check_place(start, end, f"a span labelled {self.schema.label(label_id).key}")
        span_id = self.tx.insert(
            EntitySpan, set_id=self.gold_set(), label_id=label_id, start=start, end=end
        )
        spans[(start, end, label_id)] = span_id
        self.wrote = True
        if brought_along:
            self.brought_along.append((start, end, label_id))
        return span_id

    def many_spans(self, keys: list[tuple[int, int, int]]) -> None:
        """Put many entity spans into gold in one statement (auto-merge)."""
        spans = self._gold_spans()
        new = [key for key in dict.fromkeys(keys) if key not in spans]
        if not new:
            return
        for start, end, label_id in new:
            self.check_place(start, end, f"a span labelled {self.schema.label(label_id).key}")
        set_id = self.gold_set()
        ids = self.tx.insert_many(
            EntitySpan,
            [{"set_id": set_id, "start": s, "end": e, "label_id": label} for s, e, label in new],
        )
        spans.update(zip(new, ids, strict=True))
        self.wrote = True

    def span_for(
        self, start: int, end: int, label_id: int | None, role: RoleInfo | None = None
    ) -> int:
        """The gold span an argument, holder or target refers to: the one with that label,
        else one at those offsets the role accepts (the curator may have relabelled it),
        else a copy brought along."""
        spans = self._gold_spans()
        if label_id is not None and (start, end, label_id) in spans:
            return spans[(start, end, label_id)]
        for (s, e, label), span_id in sorted(spans.items()):
            if (s, e) == (start, end) and (role is None or role.accepts(label)):
                return span_id
        if label_id is None:
            raise OperationError(f"no entity label is known for the span {start}–{end}")
        return self.span(start, end, label_id, brought_along=True)

    # events --------------------------------------------------------------------------

    def event(self, candidate: Candidate) -> int:
        if candidate.gold_id is not None:
            return candidate.gold_id
        existing = self._gold_event(candidate.key)
        if existing is not None:
            return existing
        start, end, type_id = candidate.key
        self.check_place(start, end, "a trigger")
        set_id = self.gold_set()
        event_id = self.tx.insert(
            EventMention, set_id=set_id, type_id=type_id, start=start, end=end
        )
        self.wrote = True
        return event_id

    def _gold_event(self, key: tuple) -> int | None:
        if self.set_id is None:
            return None
        start, end, type_id = key
        return self.tx.conn.execute(
            select(EventMention.id).where(
                EventMention.set_id == self.set_id,
                EventMention.start == start,
                EventMention.end == end,
                EventMention.type_id == type_id,
            )
        ).scalar()

    def argument(self, event_id: int, candidate: Candidate, *, strict: bool) -> int | None:
        """Fill a role of a gold event; a role that takes one argument and is filled already
        refuses (`strict`) or is skipped (None)."""
        role = self.schema.role(candidate.label_id)
        span_id = self.span_for(candidate.start, candidate.end, candidate.span_label_id, role)
        existing = self.tx.conn.execute(
            select(EventArgument.id, EventArgument.role_id, EventArgument.span_id).where(
                EventArgument.event_id == event_id
            )
        ).all()
        for argument_id, role_id, existing_span in existing:
            if role_id == role.id and existing_span == span_id:
                return argument_id
        if not role.multiple and any(role_id == role.id for _, role_id, _ in existing):
            if strict:
                raise OperationError(
                    f"{role.key} takes one argument and the gold event already has one; "
                    "reject that one first"
                )
            return None
        argument_id = self.tx.insert(
            EventArgument, event_id=event_id, role_id=role.id, span_id=span_id
        )
        self.wrote = True
        return argument_id

    # stances -------------------------------------------------------------------------

    def _evidence(self, stance_id: int, evidence: Iterable[EvidenceCandidate]) -> None:
        have = {
            (s, e)
            for s, e in self.tx.conn.execute(
                select(StanceEvidence.start, StanceEvidence.end).where(
                    StanceEvidence.stance_id == stance_id
                )
            ).all()
        }
        for piece in evidence:
            if (piece.start, piece.end) in have:
                continue
            self.check_place(piece.start, piece.end, "evidence")
            self.tx.insert(StanceEvidence, stance_id=stance_id, start=piece.start, end=piece.end)
            have.add((piece.start, piece.end))
            self.wrote = True

    def document_stance(self, candidate: Candidate) -> int:
        set_id = self.gold_set()
        target, polarity = candidate.key
        existing = document_stance(self.tx.conn, set_id, target)
        if existing is None:
            stance_id = self.tx.insert(
                Stance, set_id=set_id, scope=DOCUMENT, target_label_id=target, polarity_id=polarity
            )
            self.wrote = True
        else:
            stance_id = existing.id
            if existing.polarity_id != polarity:
                self.tx.update(Stance, stance_id, polarity_id=polarity)
                self.wrote = True
        self._evidence(stance_id, candidate.evidence)
        return stance_id

    def attributed_stance(self, candidate: Candidate) -> int:
        if candidate.gold_id is not None:
            return candidate.gold_id
        set_id = self.gold_set()
        holder = self.span_for(*candidate.holder, candidate.holder_label_id)
        target_span = None
        if candidate.target_span is not None:
            target_span = self.span_for(*candidate.target_span, candidate.target_span_label_id)
        stance_id = self.tx.insert(
            Stance,
            set_id=set_id,
            scope=ATTRIBUTED,
            holder_span_id=holder,
            target_label_id=candidate.target_label_id,
            target_span_id=target_span,
            polarity_id=candidate.label_id,
        )
        self.wrote = True
        self._evidence(stance_id, candidate.evidence)
        return stance_id

    # one candidate -------------------------------------------------------------------

    def put(self, candidate: Candidate, arguments: Iterable[Candidate] = ()) -> list[Ref]:
        """Copy a candidate into gold (an event with `arguments`); return what was taken."""
        taken = [candidate.ref]
        if candidate.kind == ENTITY:
            self.span(candidate.start, candidate.end, candidate.label_id)
        elif candidate.kind == EVENT:
            event_id = self.event(candidate)
            for argument in arguments:
                if self.argument(event_id, argument, strict=False) is not None:
                    taken.append(argument.ref)
        elif candidate.kind == ARGUMENT:
            parent = self.curation.find(candidate.parent)
            event_id = self.event(parent)
            if parent.gold_id is None:
                taken.insert(0, parent.ref)
            self.argument(event_id, candidate, strict=True)
        elif candidate.kind == DOCUMENT_STANCE:
            self.document_stance(candidate)
        else:
            self.attributed_stance(candidate)
        return taken


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


def _name(schema: ProjectSchema, ref: Ref) -> str:
    """How an undo step names a candidate: its label, event type, role or polarity."""
    kind, key = ref
    try:
        if kind == ARGUMENT:
            return schema.role(key[3]).key
        if kind == DOCUMENT_STANCE:
            return f"stance {schema.label(key[1]).key}"
        if kind == ATTRIBUTED_STANCE:
            return f"stance {schema.label(key[5]).key}"
        return schema.label(key[2]).key
    except (KeyError, IndexError, TypeError):
        return "candidate"


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
            "this candidate is gone (an annotator or the gold set changed); reload the list"
        )
    return candidate


def _clear_rejection(tx: Txn, document_id: int, ref: Ref) -> None:
    kind, key = ref
    found = tx.conn.execute(
        select(CurationDecision.id).where(
            CurationDecision.document_id == document_id,
            CurationDecision.kind == kind,
            CurationDecision.key == json.dumps(list(key)),
        )
    ).scalar()
    if found is not None:
        tx.delete(CurationDecision, found)


# --- operations --------------------------------------------------------------------------


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
    with project.write(f"Auto-merge ({strategy.describe(count)})") as tx:
        schema, curation = _load_for_write(tx, curator_id, document_id, include_unfinished)
        n = len(curation.annotators)
        if n == 0:
            raise OperationError(
                "no annotator has finished this document yet; nothing to merge "
                "(include sets in progress to curate them anyway)"
            )
        threshold = strategy.threshold(n)
        if not 1 <= threshold <= n:
            raise OperationError(
                f"“at least {threshold} of {n}” cannot be met: this document has {n} "
                f"annotation set(s) to compare; choose k from 1 to {n}"
            )
        writer = _GoldWriter(tx, schema, curation, curator_id)
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
    ref = _normal_ref(ref)
    with project.write(f"Accept {_name(project.schema, ref)}") as tx:
        schema, curation = _load_for_write(tx, curator_id, document_id, include_unfinished)
        candidate = _candidate(curation, ref)
        if candidate.status == ACCEPTED and (
            candidate.kind != EVENT or not any(a.undecided for a in candidate.arguments)
        ):
            raise OperationError("this is in the gold standard already")
        writer = _GoldWriter(tx, schema, curation, curator_id)
        left: tuple[Ref, ...] = ()
        arguments: list[Candidate] = []
        if candidate.kind == EVENT:
            pending = [a for a in candidate.arguments if a.undecided]
            chosen = _winners(pending, 1, curation)
            arguments = [a for a in pending if a.ref in chosen]
            left = tuple(a.ref for a in pending if a.ref not in chosen)
        taken = writer.put(candidate, arguments)
        for name in taken:
            _clear_rejection(tx, document_id, name)
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
    ref = _normal_ref(ref)
    with project.write(f"Reject {_name(project.schema, ref)}") as tx:
        schema, curation = _load_for_write(tx, curator_id, document_id, include_unfinished)
        candidate = _candidate(curation, ref)
        if candidate.status == REJECTED:
            raise OperationError("this candidate is rejected already")
        if candidate.gold_id is not None:
            _remove_from_gold(tx, schema, candidate)
            touch_set(tx, curation.gold_set_id)
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
    return OpResult(tx.changes)


def _remove_from_gold(tx: Txn, schema: ProjectSchema, candidate: Candidate) -> None:
    if candidate.kind == ENTITY:
        span = get_span(tx.conn, candidate.gold_id)
        detach_span_references(tx, span, schema.label(span.label_id).key)
        tx.delete(EntitySpan, span.id)
    elif candidate.kind == EVENT:
        delete_event_rows(tx, get_event(tx.conn, candidate.gold_id))
    elif candidate.kind == ARGUMENT:
        tx.delete(EventArgument, candidate.gold_id)
    else:
        delete_stance_rows(tx, get_stance(tx.conn, candidate.gold_id))


def mark_curated(
    project: Project, curator_id: int, document_id: int, curated: bool = True
) -> OpResult[int]:
    """Mark the gold set curated (finished) or in progress again; the value is its id."""
    state = FINISHED if curated else IN_PROGRESS
    with project.write("Mark gold curated" if curated else "Mark gold in progress") as tx:
        require_curator(tx.conn, curator_id)
        _document_exists(tx.conn, document_id)
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


# --- editing gold directly ---------------------------------------------------------------


def _gold_span(conn: Connection, curator_id: int, span_id: int):
    require_curator(conn, curator_id)
    span = get_span(conn, span_id)
    owner = conn.execute(
        select(AnnotationSet.annotator_id).where(AnnotationSet.id == span.set_id)
    ).first()
    if owner is None or owner.annotator_id is not None:
        raise OperationError("this span is an annotator's, not the gold standard's")
    return span


def add_gold_span(
    project: Project, curator_id: int, document_id: int, start: int, end: int, label_id: int
) -> OpResult[int]:
    """Tag text in the gold set (created if needed)."""
    key = label_key(project, label_id)
    with project.write(f"Add {key} to gold") as tx:
        require_curator(tx.conn, curator_id)
        check_in_document(document_length(tx.conn, document_id), start, end)
        schema = load_schema(tx.conn)
        curation = load_curation(tx.conn, schema, document_id)
        writer = _GoldWriter(tx, schema, curation, curator_id)
        if (start, end, label_id) in writer._gold_spans():
            raise OperationError(f"this text is already annotated as {key} in gold")
        span_id = writer.span(start, end, label_id)
        _clear_rejection(tx, document_id, (ENTITY, (start, end, label_id)))
        writer.finish()
    return OpResult(tx.changes, span_id)


def delete_gold_span(project: Project, curator_id: int, span_id: int) -> OpResult[None]:
    with project.read() as conn:
        _gold_span(conn, curator_id, span_id)
    return delete_span(project, span_id)


def relabel_gold_span(
    project: Project, curator_id: int, span_id: int, label_id: int
) -> OpResult[None]:
    with project.read() as conn:
        _gold_span(conn, curator_id, span_id)
    return relabel_span(project, span_id, label_id)


def resize_gold_span(
    project: Project, curator_id: int, span_id: int, start: int, end: int
) -> OpResult[None]:
    with project.read() as conn:
        _gold_span(conn, curator_id, span_id)
    return resize_span(project, span_id, start, end)


# --- which documents -----------------------------------------------------------------------


def documents_to_curate(project: Project, *, include_unfinished: bool = False) -> list[int]:
    """Documents with annotators' work (finished sets by default) and no curated gold set."""
    states = "" if include_unfinished else "AND s.state = 'finished'"
    sql = (
        "SELECT d.id FROM document d WHERE EXISTS (SELECT 1 FROM annotation_set s "
        f"WHERE s.document_id = d.id AND s.annotator_id IS NOT NULL {states}) "
        "AND NOT EXISTS (SELECT 1 FROM annotation_set g WHERE g.document_id = d.id "
        "AND g.annotator_id IS NULL AND g.state = 'finished') ORDER BY d.id"
    )
    with project.read() as conn:
        return [row[0] for row in conn.exec_driver_sql(sql)]


def next_to_curate(
    project: Project, after: int | None, *, include_unfinished: bool = False
) -> int | None:
    """The next document needing curation after `after` (by id, wrapping around)."""
    waiting = [
        d for d in documents_to_curate(project, include_unfinished=include_unfinished) if d != after
    ]
    if not waiting:
        return None
    later = [d for d in waiting if after is None or d > after]
    return later[0] if later else waiting[0]


__all__ = [
    "ACCEPTED",
    "AGREED",
    "ARGUMENT",
    "ATTRIBUTED_STANCE",
    "DISPUTED",
    "DOCUMENT_STANCE",
    "ENTITY",
    "EVENT",
    "REJECTED",
    "AcceptReport",
    "Candidate",
    "Conflict",
    "Curation",
    "EvidenceCandidate",
    "MergeReport",
    "Strategy",
    "accept",
    "add_gold_span",
    "auto_merge",
    "delete_gold_span",
    "describe_candidate",
    "describe_refs",
    "documents_to_curate",
    "load_curation",
    "mark_curated",
    "next_to_curate",
    "reject",
    "relabel_gold_span",
    "require_curator",
    "resize_gold_span",
]
