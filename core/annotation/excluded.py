"""Excluded regions: text left out of annotation, agreement and export.

Scraped news carries boilerplate ("إقرأ أيضاً", related-article lists, share
buttons) and sometimes a second article. A region is excluded either for one
annotation set (the annotator's own judgement) or for everyone (`set_id` NULL,
marked by a curator). What a set sees as excluded is the union of both.

Rules (see docs/schema.md):
- Overlapping or touching regions of the same scope are merged into one; a region
  already wholly excluded (in its scope, or for everyone) is refused.
- Text counts as excluded for an annotation when the two overlap: a span crossing
  the edge of a region is inside it.
- New annotations are refused inside excluded text. Annotations that were already
  there when the region was marked are kept, flagged by validation, and left out of
  agreement and export; the operation reports how many each set has, so the UI can
  say so (and offer to delete them).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, or_, select

from core.annotation.annotators import require_curator
from core.annotation.sets import ensure_set, set_document_of, touch_set
from core.annotation.spans import check_in_document, document_length
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project, in_batches
from models.messages import Message
from models.tables import (
    AnnotationSet,
    EntitySpan,
    EventMention,
    ExcludedRegion,
    Stance,
    StanceEvidence,
)


@dataclass(frozen=True)
class RegionRow:
    id: int
    document_id: int
    set_id: int | None  # None: excluded for everyone
    start: int
    end: int
    reason: str
    created_by: int | None

    @property
    def everyone(self) -> bool:
        return self.set_id is None


class ExcludedRanges:
    """Sorted, disjoint excluded intervals; answers overlap questions by bisection."""

    def __init__(self, intervals: Iterable[tuple[int, int]] = ()):
        merged: list[tuple[int, int]] = []
        for start, end in sorted(intervals):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self.ranges: tuple[tuple[int, int], ...] = tuple(merged)
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The excluded intervals sharing at least one character with `start`-`end`."""
        first = bisect_right(self._ends, start)
        last = bisect_left(self._starts, end)
        return list(self.ranges[first:last])

    def overlaps(self, start: int, end: int) -> bool:
        return bool(self.overlapping(start, end))

    def covers(self, start: int, end: int) -> bool:
        """Every character of `start`-`end` is excluded."""
        return any(s <= start and end <= e for s, e in self.overlapping(start, end))

    def union(self, other: ExcludedRanges) -> ExcludedRanges:
        """Both sets of exclusions (e.g. for agreement between two annotators)."""
        return ExcludedRanges(self.ranges + other.ranges)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.ranges)

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def __repr__(self) -> str:
        return f"ExcludedRanges({list(self.ranges)!r})"


@dataclass(frozen=True)
class InsideCount:
    """Annotations of one set overlapping a region."""

    spans: int = 0
    events: int = 0  # by trigger
    evidence: int = 0

    @property
    def total(self) -> int:
        return self.spans + self.events + self.evidence


@dataclass(frozen=True)
class ExclusionResult:
    region_id: int
    inside: dict[int, InsideCount]  # set id -> annotations kept inside (flagged)


# --- reading -------------------------------------------------------------------------

_COLUMNS = (
    ExcludedRegion.id,
    ExcludedRegion.document_id,
    ExcludedRegion.set_id,
    ExcludedRegion.start,
    ExcludedRegion.end,
    ExcludedRegion.reason,
    ExcludedRegion.created_by,
)


def excluded_regions(conn: Connection, document_id: int, set_id: int | None) -> list[RegionRow]:
    """Regions of a document that apply to `set_id` (everyone's and its own), by position.

    `set_id` None: only the regions excluded for everyone.
    """
    scope: ColumnElement[bool] = ExcludedRegion.set_id.is_(None)
    if set_id is not None:
        scope = or_(scope, ExcludedRegion.set_id == set_id)
    rows = conn.execute(
        select(*_COLUMNS)
        .where(ExcludedRegion.document_id == document_id, scope)
        .order_by(ExcludedRegion.start, ExcludedRegion.end, ExcludedRegion.id)
    ).all()
    return [RegionRow(*row) for row in rows]


def excluded_ranges_of_sets(conn: Connection, set_ids: Iterable[int]) -> dict[int, ExcludedRanges]:
    """What each set sees as excluded (for agreement and export)."""
    ids = sorted(set(set_ids))
    documents: dict[int, int] = {}
    for batch in in_batches(ids):
        documents.update(
            conn.execute(
                select(AnnotationSet.id, AnnotationSet.document_id).where(
                    AnnotationSet.id.in_(batch)
                )
            ).all()
        )
    missing = set(ids) - set(documents)
    if missing:
        raise OperationError(Message("annotation set {id} does not exist", id=min(missing)))
    intervals: dict[int, list[tuple[int, int]]] = {set_id: [] for set_id in ids}
    doc_ids = sorted(set(documents.values()))
    by_document: dict[int, list[tuple[int | None, int, int]]] = {d: [] for d in doc_ids}
    for doc_batch in in_batches(doc_ids):
        for doc, owner, s, e in conn.execute(
            select(
                ExcludedRegion.document_id,
                ExcludedRegion.set_id,
                ExcludedRegion.start,
                ExcludedRegion.end,
            ).where(ExcludedRegion.document_id.in_(doc_batch))
        ).all():
            by_document[doc].append((owner, s, e))
    for set_id in ids:
        for owner, s, e in by_document[documents[set_id]]:
            if owner is None or owner == set_id:
                intervals[set_id].append((s, e))
    return {set_id: ExcludedRanges(found) for set_id, found in intervals.items()}


def excluded_ranges_of_set(conn: Connection, set_id: int) -> ExcludedRanges:
    return excluded_ranges_of_sets(conn, [set_id])[set_id]


def is_excluded(conn: Connection, set_id: int, start: int, end: int) -> bool:
    """Whether `start`-`end` touches text excluded for this set (the editor refuses it)."""
    return excluded_ranges_of_set(conn, set_id).overlaps(start, end)


def check_not_excluded(conn: Connection, set_id: int, start: int, end: int, what: str) -> None:
    """Refuse to annotate excluded text, naming the region."""
    hits = excluded_ranges_of_set(conn, set_id).overlapping(start, end)
    if hits:
        s, e = hits[0]
        raise OperationError(
            Message(
                "{what} cannot be placed in excluded text (characters {start}-{end}); "
                "include that text again first",
                what=what,
                start=s,
                end=e,
            )
        )


def annotations_inside(
    conn: Connection, document_id: int, start: int, end: int, set_id: int | None = None
) -> dict[int, InsideCount]:
    """Annotations overlapping `start`-`end`: of one set, or (None) of every set of the document."""
    sets = select(AnnotationSet.id).where(AnnotationSet.document_id == document_id)
    if set_id is not None:
        sets = sets.where(AnnotationSet.id == set_id)
    counts: dict[int, dict[str, int]] = {}

    def tally(rows: Iterable[tuple[int]], kind: str) -> None:
        for (owner,) in rows:
            counts.setdefault(owner, {"spans": 0, "events": 0, "evidence": 0})[kind] += 1

    for model, kind in ((EntitySpan, "spans"), (EventMention, "events")):
        tally(
            conn.execute(
                select(model.set_id).where(
                    model.set_id.in_(sets), model.start < end, model.end > start
                )
            ).all(),
            kind,
        )
    tally(
        conn.execute(
            select(Stance.set_id)
            .join(StanceEvidence, StanceEvidence.stance_id == Stance.id)
            .where(
                Stance.set_id.in_(sets),
                StanceEvidence.start < end,
                StanceEvidence.end > start,
            )
        ).all(),
        "evidence",
    )
    return {owner: InsideCount(**found) for owner, found in sorted(counts.items())}


def get_region(conn: Connection, region_id: int) -> RegionRow:
    row = conn.execute(select(*_COLUMNS).where(ExcludedRegion.id == region_id)).first()
    if row is None:
        raise OperationError(
            Message("excluded region {id} does not exist (it may have been removed)", id=region_id)
        )
    return RegionRow(*row)


# --- operations ----------------------------------------------------------------------------


def _check_range(conn: Connection, document_id: int, start: int, end: int) -> None:
    check_in_document(document_length(conn, document_id), start, end, Message("range"))


def _same_scope(conn: Connection, document_id: int, set_id: int | None) -> list[RegionRow]:
    scope = ExcludedRegion.set_id.is_(None) if set_id is None else ExcludedRegion.set_id == set_id
    rows = conn.execute(
        select(*_COLUMNS)
        .where(ExcludedRegion.document_id == document_id, scope)
        .order_by(ExcludedRegion.start, ExcludedRegion.id)
    ).all()
    return [RegionRow(*row) for row in rows]


def _exclude(
    tx: Txn,
    document_id: int,
    set_id: int | None,
    start: int,
    end: int,
    reason: str,
    created_by: int | None,
) -> int:
    """Insert a region, merging it with overlapping or touching ones of the same scope."""
    regions = _same_scope(tx.conn, document_id, set_id)
    if set_id is not None and ExcludedRanges(
        (r.start, r.end) for r in _same_scope(tx.conn, document_id, None)
    ).covers(start, end):
        raise OperationError(Message("this text is already excluded for everyone"))
    touching = [r for r in regions if r.start <= end and start <= r.end]
    if any(r.start <= start and end <= r.end for r in touching):
        raise OperationError(Message("this text is already excluded"))
    reason = reason.strip()
    if not touching:
        return tx.insert(
            ExcludedRegion,
            document_id=document_id,
            set_id=set_id,
            start=start,
            end=end,
            reason=reason,
            created_by=created_by,
        )
    keep, *others = touching
    reasons = [r.reason for r in touching if r.reason]
    if reason and reason not in reasons:
        reasons.append(reason)
    for other in others:
        tx.delete(ExcludedRegion, other.id)
    tx.update(
        ExcludedRegion,
        keep.id,
        start=min(start, *(r.start for r in touching)),
        end=max(end, *(r.end for r in touching)),
        reason="; ".join(dict.fromkeys(reasons)),
    )
    return keep.id


def _report_everyone(tx: Txn, document_id: int) -> None:
    """A region for everyone changes what every set of the document shows."""
    tx.changes.documents.add(document_id)
    tx.changes.sets.update(
        tx.conn.execute(
            select(AnnotationSet.id).where(AnnotationSet.document_id == document_id)
        ).scalars()
    )


def exclude_region(
    project: Project, set_id: int, start: int, end: int, *, reason: str = ""
) -> OpResult[ExclusionResult]:
    """Exclude `start`-`end` from one annotation set."""
    with project.write(Message("Exclude text")) as tx:
        result = _exclude_from_set(tx, set_id, start, end, reason)
    return OpResult(tx.changes, result)


def exclude_for_annotator(
    project: Project,
    document_id: int,
    annotator_id: int | None,
    start: int,
    end: int,
    *,
    reason: str = "",
) -> OpResult[ExclusionResult]:
    """`exclude_region` in the annotator's set of a document, creating the set if needed,
    as one undo step."""
    with project.write(Message("Exclude text")) as tx:
        set_id = ensure_set(tx, document_id, annotator_id)
        result = _exclude_from_set(tx, set_id, start, end, reason)
    return OpResult(tx.changes, result)


def _exclude_from_set(tx: Txn, set_id: int, start: int, end: int, reason: str) -> ExclusionResult:
    document_id = set_document_of(tx.conn, set_id)
    _check_range(tx.conn, document_id, start, end)
    owner = tx.conn.execute(
        select(AnnotationSet.annotator_id).where(AnnotationSet.id == set_id)
    ).scalar()
    region_id = _exclude(tx, document_id, set_id, start, end, reason, owner)
    region = get_region(tx.conn, region_id)
    inside = annotations_inside(tx.conn, document_id, region.start, region.end, set_id)
    touch_set(tx, set_id)
    return ExclusionResult(region_id, inside)


def exclude_for_everyone(
    project: Project,
    document_id: int,
    start: int,
    end: int,
    *,
    curator_id: int,
    reason: str = "",
) -> OpResult[ExclusionResult]:
    """Exclude `start`-`end` for every annotator (and the gold standard); curators only."""
    with project.write(Message("Exclude text for everyone")) as tx:
        require_curator(tx.conn, curator_id, Message("exclude text for everyone"))
        _check_range(tx.conn, document_id, start, end)
        region_id = _exclude(tx, document_id, None, start, end, reason, curator_id)
        region = get_region(tx.conn, region_id)
        inside = annotations_inside(tx.conn, document_id, region.start, region.end)
        _report_everyone(tx, document_id)
    return OpResult(tx.changes, ExclusionResult(region_id, inside))


INCLUDE_FOR_EVERYONE = Message("include text excluded for everyone")  # only a curator can…


def _include_name(everyone: bool) -> Message:
    return Message("Include text for everyone") if everyone else Message("Include text")


def remove_region(project: Project, region_id: int, *, by: int | None = None) -> OpResult[None]:
    """Include a whole region again; a region for everyone needs a curator (`by`)."""
    with project.read() as conn:
        everyone = get_region(conn, region_id).everyone
    with project.write(_include_name(everyone)) as tx:
        region = get_region(tx.conn, region_id)
        if region.everyone:
            require_curator(tx.conn, by, INCLUDE_FOR_EVERYONE)
        tx.delete(ExcludedRegion, region_id)
        if region.set_id is None:  # for everyone
            _report_everyone(tx, region.document_id)
        else:
            touch_set(tx, region.set_id)
    return OpResult(tx.changes, None)


def include_range(
    project: Project,
    document_id: int,
    start: int,
    end: int,
    *,
    set_id: int | None,
    by: int | None = None,
) -> OpResult[int]:
    """Include `start`-`end` again in one scope (a set, or None: everyone, curators only),
    trimming or splitting the regions it cuts. The value is how many regions changed."""
    with project.write(_include_name(set_id is None)) as tx:
        if set_id is None:
            require_curator(tx.conn, by, INCLUDE_FOR_EVERYONE)
        elif set_document_of(tx.conn, set_id) != document_id:
            raise OperationError(
                Message(
                    "annotation set {set} is not of document {document}",
                    set=set_id,
                    document=document_id,
                )
            )
        _check_range(tx.conn, document_id, start, end)
        changed = 0
        for region in _same_scope(tx.conn, document_id, set_id):
            if region.end <= start or end <= region.start:
                continue
            changed += 1
            left = (region.start, start) if region.start < start else None
            right = (end, region.end) if end < region.end else None
            if left is not None:
                first, second = left, right
            elif right is not None:
                first, second = right, None
            else:
                tx.delete(ExcludedRegion, region.id)
                continue
            tx.update(ExcludedRegion, region.id, start=first[0], end=first[1])
            if second is not None:
                tx.insert(
                    ExcludedRegion,
                    document_id=document_id,
                    set_id=set_id,
                    start=second[0],
                    end=second[1],
                    reason=region.reason,
                    created_by=region.created_by,
                )
        if not changed:
            raise OperationError(Message("no excluded text there"))
        if set_id is None:
            _report_everyone(tx, document_id)
        else:
            touch_set(tx, set_id)
    return OpResult(tx.changes, changed)


__all__ = [
    "ExcludedRanges",
    "ExclusionResult",
    "InsideCount",
    "RegionRow",
    "annotations_inside",
    "check_not_excluded",
    "exclude_for_annotator",
    "exclude_for_everyone",
    "exclude_region",
    "excluded_ranges_of_set",
    "excluded_ranges_of_sets",
    "excluded_regions",
    "get_region",
    "include_range",
    "is_excluded",
    "remove_region",
]
