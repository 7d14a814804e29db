"""SemEval-2013 (Task 9.1) span scoring: strict, exact, partial and type.

Segura-Bedmar, Martínez and Herrero Zazo (2013), *SemEval-2013 Task 9: Extraction
of Drug-Drug Interactions from Biomedical Texts*, score a predicted list of spans
against a reference list by sorting every predicted span into one of five kinds:

* COR (correct), INC (incorrect), PAR (partial), SPU (spurious: a predicted span
  that meets no reference span) and MIS (missed: a reference span nothing met);

under four schemas:

* **strict**: COR when offsets and label are equal; a predicted span overlapping a
  reference span otherwise is INC;
* **exact**: COR when the offsets are equal, whatever the labels; overlapping
  otherwise is INC;
* **partial**: as exact, but overlapping without equal offsets is PAR, half a hit;
* **type**: COR when the spans overlap and the labels are equal; overlapping with
  another label is INC.

ACT (actual) = COR + INC + PAR + SPU, POS (possible) = COR + INC + PAR + MIS;
precision = COR / ACT and recall = COR / POS (strict, exact); precision =
(COR + 0.5 PAR) / ACT and recall = (COR + 0.5 PAR) / POS (partial, type); F1 is
their harmonic mean; each is 0 when its denominator is.

Which spans pair up follows the `nervaluate` library (version 1.2), the usual
implementation of these schemas, so that its figures are reproduced exactly (a test
compares them on random data): predicted spans are taken in order, each scanning the
reference spans not yet paired, in order; "overlap" means sharing at least one
character and covering at least 1% of the reference span (nervaluate's default
threshold; any overlap for spans of up to 100 characters). Under strict, exact and
partial a predicted span takes the first reference span that is equal (as the schema
counts equality), else the first overlapping one; under type the overlapping one of
the same label with the smallest boundary distance |s1 - s2| + |e1 - e2| (the first
on ties), else the first overlapping one of another label. Spans are ordered by
(start, end, the label's text) here, so the result does not depend on the input order.

Per label, both lists are cut down to that label and scored again (as nervaluate
does): a label mismatch is then no INC but a MIS and a SPU, so per-label counts do
not add up to the overall ones.

Offsets are code points, end exclusive.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Final, Generic, Literal, TypeVar

import numpy as np
import numpy.typing as npt

Schema = Literal["strict", "exact", "partial", "type"]
SCHEMAS: Final[tuple[Schema, ...]] = ("strict", "exact", "partial", "type")
KINDS: Final = ("correct", "incorrect", "partial", "missed", "spurious")

D = TypeVar("D", bound=Hashable)
L = TypeVar("L", bound=Hashable)


def figures_of(schema: Schema, counts: Sequence[float]) -> tuple[float, float, float]:
    """(precision, recall, F1) of COR, INC, PAR, MIS, SPU under `schema` (counts may be
    sums of a bootstrap replicate, hence floats)."""
    correct, incorrect, partial, missed, spurious = counts
    actual = correct + incorrect + partial + spurious
    possible = correct + incorrect + partial + missed
    hits = correct + 0.5 * partial if schema in ("partial", "type") else correct
    precision = hits / actual if actual else 0.0
    recall = hits / possible if possible else 0.0
    # the same float operations as nervaluate, so the figures are equal to the bit
    f1 = 2 * (precision * recall) / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True)
class SemEvalCounts:
    """The five counts of one comparison under one schema, and the figures from them."""

    schema: Schema
    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0

    @property
    def actual(self) -> int:
        return self.correct + self.incorrect + self.partial + self.spurious

    @property
    def possible(self) -> int:
        return self.correct + self.incorrect + self.partial + self.missed

    @property
    def precision(self) -> float:
        return figures_of(self.schema, self.as_tuple())[0]

    @property
    def recall(self) -> float:
        return figures_of(self.schema, self.as_tuple())[1]

    @property
    def f1(self) -> float:
        return figures_of(self.schema, self.as_tuple())[2]

    def as_tuple(self) -> tuple[int, int, int, int, int]:
        return (self.correct, self.incorrect, self.partial, self.missed, self.spurious)

    @classmethod
    def of(cls, schema: Schema, counts: Sequence[int]) -> SemEvalCounts:
        correct, incorrect, partial, missed, spurious = counts
        return cls(schema, correct, incorrect, partial, missed, spurious)

    def __add__(self, other: SemEvalCounts) -> SemEvalCounts:
        if other.schema != self.schema:
            raise ValueError(f"cannot add {other.schema} counts to {self.schema} counts")
        summed = (x + y for x, y in zip(self.as_tuple(), other.as_tuple(), strict=True))
        return SemEvalCounts.of(self.schema, list(summed))


Numbered = tuple[int, int, int]  # (start, end, label number), sorted by label text


def _tally(reference: Sequence[Numbered], predicted: Sequence[Numbered]) -> list[int]:
    """The five counts of each schema in `SCHEMAS` order (20 numbers) for two sorted
    lists: the rule of the module doc, spelled out."""
    counts = [0] * 20
    starts = [s for s, _, _ in reference]
    for base, schema in zip(range(0, 20, 5), SCHEMAS, strict=True):
        paired = [False] * len(reference)
        open_: list[int] = []  # unpaired reference spans that may still overlap, in order
        added = 0  # reference spans [0, added) have been put into open_ (or paired)
        for start, end, label in predicted:
            reach = bisect_left(starts, end)  # reference spans starting before this end
            if reach > added:
                open_.extend(range(added, reach))
                added = reach
            # predicted spans come by start: a reference span ending here never overlaps again
            open_ = [i for i in open_ if not paired[i] and reference[i][1] > start]
            equal = first = best = -1
            best_distance = 0
            for i in open_:
                if i >= reach:
                    break
                r_start, r_end, r_label = reference[i]
                overlap = min(end, r_end) - max(start, r_start)
                if overlap <= 0 or 100 * overlap < r_end - r_start:
                    continue
                if schema == "type":
                    if r_label == label:
                        distance = abs(start - r_start) + abs(end - r_end)
                        if best < 0 or distance < best_distance:
                            best, best_distance = i, distance
                    elif first < 0:
                        first = i
                    continue
                if r_start == start and r_end == end and (schema != "strict" or r_label == label):
                    equal = i
                    break
                if first < 0:
                    first = i
            if schema == "type":
                equal = best
            if equal >= 0:
                counts[base] += 1
                paired[equal] = True
            elif first >= 0:
                counts[base + (2 if schema == "partial" else 1)] += 1
                paired[first] = True
            else:
                counts[base + 4] += 1
        counts[base + 3] = paired.count(False)
    return counts


IntArray = npt.NDArray[np.int64]
# one side of a comparison: document index, start, end and label number of each span
Columns = tuple[IntArray, IntArray, IntArray, IntArray]


@dataclass(frozen=True)
class ColumnScores:
    """`score_columns`' counts, 20 a row (COR, INC, PAR, MIS, SPU of each schema in
    `SCHEMAS` order): per document, and per (document, label) that has a span on either
    side, keyed by ``document index * labels + label number`` (ascending)."""

    by_document: IntArray
    label_keys: IntArray
    by_document_label: IntArray

    def by_label(self, labels: int) -> IntArray:
        """labels x 20: the counts per label, pooled over documents."""
        label = self.label_keys % labels
        # whole numbers: exact in floating point
        summed = [np.bincount(label, c, minlength=labels) for c in self.by_document_label.T]
        return np.stack(summed, axis=1).astype(np.int64)


def _sort_order(
    doc: IntArray, start: IntArray, end: IntArray, label: IntArray, side: IntArray, labels: int
) -> IntArray:
    """Indices that sort the spans by (document, start, end, label, side)."""
    reach = int(end.max()) + 1
    if (int(doc.max()) + 1) * reach * reach * 2 * labels < 2**63:
        # one key: the sides come as runs sorted by most of it, which a stable sort merges fast
        key = ((doc * reach + start) * reach + end) * (2 * labels) + label * 2 + side
        order: IntArray = np.argsort(key, kind="stable")
        return order
    order = np.lexsort((side, label, end, start, doc))
    return order


def _members(first: IntArray, size: IntArray) -> IntArray:
    """The indices of the spans of clusters beginning at `first`, `size` spans each."""
    ends = np.cumsum(size)
    return np.arange(int(ends[-1]) if len(ends) else 0) + np.repeat(first - ends + size, size)


def _score_groups(
    group: IntArray, groups: int, start: IntArray, end: IntArray, label: IntArray, side: IntArray
) -> IntArray:
    """groups x 20 counts of spans sorted by (group, start, end, label, side), group
    numbers ascending below `groups`, side 0 for the reference and 1 for the prediction.

    Each group is cut into clusters where no span overlaps the next (a span only ever
    pairs with one it overlaps, so each cluster can be scored on its own). Clusters that
    are one-sided or identical count every span the same way under every schema (MIS,
    SPU or COR); one span against one is classified directly; only the others go
    through `_tally`, whose result these shortcuts equal.
    """
    spans = len(group)
    if not spans:
        return np.zeros((groups, 20), dtype=np.int64)
    first = _cluster_firsts(group, start, end)
    size = np.diff(first, append=spans)
    predicted = np.add.reduceat(side, first)
    referenced = size - predicted
    owner = group[first]  # each cluster's group

    def per_group(clusters: npt.NDArray[np.bool_], weights: IntArray) -> IntArray:
        found = np.bincount(owner[clusters], weights[clusters], minlength=groups)
        return found.astype(np.int64)  # whole numbers: exact in floating point

    single = (referenced == 1) & (predicted == 1)
    identical = _identical(first, size, single, referenced, predicted, start, end, label, side)
    single &= ~identical
    # one against one: the reference span is the first of the two unless it sorts second
    pair = first[single]
    ref = pair + side[pair]
    pred = pair + 1 - side[pair]
    counts, weak = _one_against_one(ref, pred, owner[single], groups, start, end, label)
    # counted the same under every schema: COR, MIS, SPU; a kind's column of each
    # schema at once
    by_schema = counts.reshape(groups, 4, 5)
    by_schema[:, :, 0] += per_group(identical, referenced)[:, None]
    by_schema[:, :, 3] += (per_group(predicted == 0, referenced) + weak)[:, None]
    by_schema[:, :, 4] += (per_group(referenced == 0, predicted) + weak)[:, None]
    rest = np.flatnonzero(~((predicted == 0) | (referenced == 0) | identical | single))
    if len(rest):
        tallied = _tallied(_members(first[rest], size[rest]), rest, size, start, end, label, side)
        np.add.at(counts, owner[rest], tallied)
    return counts


def _cluster_firsts(group: IntArray, start: IntArray, end: IntArray) -> IntArray:
    """Where each cluster begins: at a new group, or where a span starts after every
    end before it in its group (each group's offsets shifted past the previous
    group's)."""
    width = int(end.max()) + 1
    reach = group * width
    reach += end
    np.maximum.accumulate(reach, out=reach)
    shifted = group * width
    shifted += start
    opens = np.ones(len(group), dtype=np.bool_)
    np.greater_equal(shifted[1:], reach[:-1], out=opens[1:])
    return np.flatnonzero(opens)


def _identical(
    first: IntArray,
    size: IntArray,
    single: npt.NDArray[np.bool_],
    referenced: IntArray,
    predicted: IntArray,
    start: IntArray,
    end: IntArray,
    label: IntArray,
    side: IntArray,
) -> npt.NDArray[np.bool_]:
    """Which clusters are identical: one span each side, equal; or as many spans on
    each side, the k-th reference span equal to the k-th predicted one (each side comes
    sorted)."""
    one = first[single]
    identical = np.zeros(len(first), dtype=np.bool_)
    identical[single] = (
        (start[one] == start[one + 1]) & (end[one] == end[one + 1]) & (label[one] == label[one + 1])
    )
    balanced = np.flatnonzero((referenced == predicted) & (size > 2))
    if len(balanced):
        members = _members(first[balanced], size[balanced])
        mine = side[members] == 0
        ours, theirs = members[mine], members[~mine]
        same = (start[ours] == start[theirs]) & (end[ours] == end[theirs])
        same &= label[ours] == label[theirs]
        owners = np.repeat(balanced, referenced[balanced])
        identical[balanced] = True
        identical[owners[~same]] = False
    return identical


def _one_against_one(
    ref: IntArray,
    pred: IntArray,
    owner: IntArray,
    groups: int,
    start: IntArray,
    end: IntArray,
    label: IntArray,
) -> tuple[IntArray, IntArray]:
    """groups x 20 counts of clusters of one reference span `ref` against one predicted
    span `pred` (of group `owner`), and per group those too little overlapping to pair
    (missed and spurious under every schema)."""
    overlap = np.minimum(end[ref], end[pred]) - np.maximum(start[ref], start[pred])
    enough = 100 * overlap >= end[ref] - start[ref]
    weak = np.bincount(owner[~enough], minlength=groups)
    ref, pred, at = ref[enough], pred[enough], owner[enough] * 20
    bounds = (start[ref] == start[pred]) & (end[ref] == end[pred])
    same_label = label[ref] == label[pred]
    placed = np.concatenate(
        [
            at + np.where(bounds & same_label, 0, 1),  # strict: correct or incorrect
            at + np.where(bounds, 5, 6),  # exact
            at + np.where(bounds, 10, 12),  # partial: correct or partial
            at + np.where(same_label, 15, 16),  # type
        ]
    )
    return np.bincount(placed, minlength=20 * groups).reshape(groups, 20), weak


def _tallied(
    where: IntArray,
    rest: IntArray,
    size: IntArray,
    start: IntArray,
    end: IntArray,
    label: IntArray,
    side: IntArray,
) -> IntArray:
    """`_tally` of each cluster in `rest` (its spans at `where`), one row of 20 each."""
    rows = zip(
        np.repeat(rest, size[rest]).tolist(),
        start[where].tolist(),
        end[where].tolist(),
        label[where].tolist(),
        side[where].tolist(),
        strict=True,
    )
    tallied = []
    for _, cluster in groupby(rows, key=itemgetter(0)):
        sides: tuple[list[Numbered], list[Numbered]] = ([], [])
        for _, s, e, x, on in cluster:
            sides[on].append((s, e, x))
        tallied.append(_tally(*sides))
    return np.array(tallied, dtype=np.int64)


def score_columns(
    reference: Columns, predicted: Columns, documents: int, labels: int
) -> ColumnScores:
    """SemEval-2013 counts of `predicted` against `reference`, each given as columns of
    document index (below `documents`), start, end and label number (below `labels`, a
    label's place in `label_order`), in any order: per document and per (document,
    label), both sides cut down to the label. Offsets are below 2**31."""
    columns = [np.concatenate(pair) for pair in zip(reference, predicted, strict=True)]
    if not len(columns[0]):
        empty = np.zeros((0, 20), dtype=np.int64)
        return ColumnScores(
            np.zeros((documents, 20), dtype=np.int64), np.zeros(0, dtype=np.int64), empty
        )
    side: IntArray = np.zeros(len(columns[0]), dtype=np.int64)
    side[len(reference[0]) :] = 1
    columns.append(side)
    doc, start, end, label, _ = columns
    _reorder(columns, _sort_order(doc, start, end, label, side, labels))
    del doc, start, end, label, side
    by_document = _score_groups(columns[0], documents, *columns[1:])
    # per label: the same spans by (document, label), each group still in order
    columns[0] = columns[0] * labels + columns[3]
    _reorder(columns, np.argsort(columns[0], kind="stable"))
    key = columns[0]
    new = np.ones(len(key), dtype=np.bool_)
    new[1:] = key[1:] != key[:-1]
    columns[0] = np.cumsum(new) - 1
    by_document_label = _score_groups(columns[0], int(columns[0][-1]) + 1, *columns[1:])
    return ColumnScores(by_document, key[new], by_document_label)


def _reorder(columns: list[IntArray], order: IntArray) -> None:
    """Each column put in `order`, one at a time (each old one dropped at once)."""
    for place, column in enumerate(columns):
        columns[place] = column[order]


def _as_counts(counts: Sequence[int]) -> dict[Schema, SemEvalCounts]:
    return {
        schema: SemEvalCounts.of(schema, counts[base : base + 5])
        for base, schema in zip(range(0, 20, 5), SCHEMAS, strict=True)
    }


def semeval_counts(
    reference: Iterable[tuple[int, int, L]], predicted: Iterable[tuple[int, int, L]]
) -> dict[Schema, SemEvalCounts]:
    """The counts of `predicted` against `reference` in one document, per schema.

    Spans are ``(start, end, label)``; see the module doc for the rules.
    """
    result: SemEvalResult[int, L] = semeval_scores(
        [(0, *span) for span in reference], [(0, *span) for span in predicted], documents=[0]
    )
    return result.overall


@dataclass(frozen=True)
class SemEvalResult(Generic[D, L]):
    """The counts of a comparison: 20 numbers each (COR, INC, PAR, MIS, SPU for each
    schema in `SCHEMAS` order), pooled over documents (`totals`), per label (both sides
    cut down to that label, as nervaluate scores a label), per document and per
    (document, label). `overall`, `by_label` and `by_document` give them as
    `SemEvalCounts`."""

    totals: list[int]
    label_totals: dict[L, list[int]]
    document_totals: dict[D, list[int]]
    document_label_totals: dict[tuple[D, L], list[int]]

    @property
    def overall(self) -> dict[Schema, SemEvalCounts]:
        return _as_counts(self.totals)

    @property
    def by_label(self) -> dict[L, dict[Schema, SemEvalCounts]]:
        return {label: _as_counts(c) for label, c in self.label_totals.items()}

    @property
    def by_document(self) -> dict[D, dict[Schema, SemEvalCounts]]:
        return {doc: _as_counts(c) for doc, c in self.document_totals.items()}


def _columns(
    spans: Iterable[tuple[D, int, int, L]], side: str, index: Mapping[D, int], number: dict[L, int]
) -> Columns:
    """Spans of the documents in `index` as columns (document index, start, end, label
    number), each span checked; labels are numbered as they first appear (`number`
    grows), in the spans of every document."""
    found: tuple[list[int], list[int], list[int], list[int]] = ([], [], [], [])
    for place, span in enumerate(spans):
        if len(span) != 4:
            raise ValueError(
                f"{side} span {place}: expected (doc, start, end, label), got {span!r}"
            )
        doc, start, end, label = span
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end < 2**31):
            raise ValueError(
                f"{side} span {place}: need integers 0 <= start < end < 2**31, got {span!r}"
            )
        label_number = number.setdefault(label, len(number))
        row = index.get(doc)
        if row is not None:
            for column, value in zip(found, (row, start, end, label_number), strict=True):
                column.append(value)
    rows, starts, ends, numbers = (np.array(column, dtype=np.int64) for column in found)
    return rows, starts, ends, numbers


def semeval_scores(
    reference: Iterable[tuple[D, int, int, L]],
    predicted: Iterable[tuple[D, int, int, L]],
    documents: Iterable[D] | None = None,
) -> SemEvalResult[D, L]:
    """SemEval-2013 counts of `predicted` against `reference`, spans ``(doc, start,
    end, label)``: pooled, per label, per document and per (document, label).
    `documents` lists the documents compared (default: every document either side
    names; spans of other documents are left out); a document listed with no span on
    either side counts nothing.
    """
    if documents is None:
        reference, predicted = list(reference), list(predicted)
        documents = (span[0] for span in [*reference, *predicted] if len(span) == 4)
    docs = list(dict.fromkeys(documents))
    index = {doc: row for row, doc in enumerate(docs)}
    seen: dict[L, int] = {}
    ref = _columns(reference, "reference", index, seen)
    pred = _columns(predicted, "predicted", index, seen)
    labels = label_order(seen)
    renumber = np.zeros(len(labels), dtype=np.int64)
    for place, label in enumerate(labels):
        renumber[seen[label]] = place
    ref = (ref[0], ref[1], ref[2], renumber[ref[3]])
    pred = (pred[0], pred[1], pred[2], renumber[pred[3]])
    return _result(score_columns(ref, pred, len(docs), len(labels)), docs, labels)


def label_order(labels: Iterable[L]) -> list[L]:
    """Labels in the order spans are sorted by (their text): a label's number for
    `score_columns` is its place in this list."""
    return sorted(set(labels), key=repr)


def _result(scores: ColumnScores, documents: list[D], labels: Sequence[L]) -> SemEvalResult[D, L]:
    by_label = scores.by_label(len(labels))
    present = [n for n, counts in enumerate(by_label) if counts.any()]
    keys = scores.label_keys.tolist()
    return SemEvalResult(
        scores.by_document.sum(axis=0).tolist(),
        {labels[n]: by_label[n].tolist() for n in present},
        dict(zip(documents, scores.by_document.tolist(), strict=True)),
        {
            (documents[key // len(labels)], labels[key % len(labels)]): row
            for key, row in zip(keys, scores.by_document_label.tolist(), strict=True)
        },
    )


def score_documents(
    reference: Mapping[D, Sequence[Numbered]],
    predicted: Mapping[D, Sequence[Numbered]],
    documents: Iterable[D],
    labels: Sequence[L],
) -> SemEvalResult[D, L]:
    """`semeval_scores` of spans already checked and grouped by document: ``(start,
    end, label number)``, the number a label's place in `labels`, which is
    `label_order` of them."""
    docs = list(dict.fromkeys(documents))

    def columns(spans: Mapping[D, Sequence[Numbered]]) -> Columns:
        rows = [(row, *span) for row, doc in enumerate(docs) for span in spans.get(doc, ())]
        table = np.array(rows, dtype=np.int64).reshape(-1, 4)
        return table[:, 0], table[:, 1], table[:, 2], table[:, 3]

    return _result(
        score_columns(columns(reference), columns(predicted), len(docs), len(labels)),
        docs,
        labels,
    )


__all__ = [
    "KINDS",
    "SCHEMAS",
    "ColumnScores",
    "Schema",
    "SemEvalCounts",
    "SemEvalResult",
    "figures_of",
    "label_order",
    "score_columns",
    "score_documents",
    "semeval_counts",
    "semeval_scores",
]
