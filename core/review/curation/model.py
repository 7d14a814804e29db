"""What curation is made of: candidate kinds and statuses, how alternatives differ,
one candidate, one document's curation, the auto-merge strategy, the reports the
operations return, and how candidates are named in messages.

Plain frozen data, no database: the curation view holds a `Curation` between reads
and names candidates by `Ref`, which survives a reload.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from core.annotation.annotators import AnnotatorInfo
from core.schema.model import ProjectSchema
from models.messages import Message

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
    LABEL: Message("label mismatch"),
    BOUNDARY: Message("boundary mismatch"),
    BOUNDARY_LABEL: Message("boundary and label mismatch"),
    EVENT_TYPE: Message("event type mismatch"),
    ROLE: Message("role mismatch"),
    ARGUMENT_MISMATCH: Message("argument mismatch"),
    POLARITY: Message("polarity mismatch"),
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
        return self._by_ref.get(normal_ref(ref))

    def event_of(self, argument: Candidate) -> Candidate:
        """The event an argument belongs to (every argument is listed under its event)."""
        event = self._by_ref.get((EVENT, argument.key[:3]))
        if event is None:
            raise KeyError(argument.ref)
        return event

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

    def describe(self, n: int | None = None) -> Message:
        if self.k is None:
            return Message("unanimous") if n is None else Message("unanimous ({n} of {n})", n=n)
        return Message("at least {k} of {n}", k=self.k, n=n if n is not None else "n")


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

    def place(span: tuple[int, int] | None) -> str:
        return quote(*span) if span is not None else "—"

    target = (
        schema.label(candidate.target_label_id).key
        if candidate.target_label_id is not None
        else place(candidate.target_span)
    )
    if candidate.kind == DOCUMENT_STANCE:
        return f"document {key} towards {target}"
    return f"{place(candidate.holder)} {key} towards {target}"


def normal_ref(ref: Ref) -> Ref:
    """The ref with its key as a tuple, so that it equals the candidates' own refs."""
    kind, key = ref
    return (kind, tuple(key))


__all__ = [
    "ACCEPTED",
    "AGREED",
    "ARGUMENT",
    "ARGUMENT_MISMATCH",
    "ATTRIBUTED_STANCE",
    "BOUNDARY",
    "BOUNDARY_LABEL",
    "CONFLICT_NAMES",
    "DISPUTED",
    "DOCUMENT_STANCE",
    "ENTITY",
    "EVENT",
    "EVENT_TYPE",
    "FINISHED",
    "IN_PROGRESS",
    "KINDS",
    "LABEL",
    "POLARITY",
    "REJECTED",
    "ROLE",
    "UNDECIDED",
    "AcceptReport",
    "Candidate",
    "Conflict",
    "Curation",
    "EvidenceCandidate",
    "MergeReport",
    "Ref",
    "Strategy",
    "describe_candidate",
    "describe_refs",
    "normal_ref",
]
