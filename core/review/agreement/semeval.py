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
from typing import Final, Generic, Literal, TypeVar

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


def _one_to_one(reference: tuple[int, int, L], predicted: tuple[int, int, L]) -> list[int]:
    """`_tally` of one reference span against one predicted span that overlaps it."""
    r_start, r_end, r_label = reference
    start, end, label = predicted
    overlap = min(end, r_end) - max(start, r_start)
    if 100 * overlap < r_end - r_start:  # too little: missed and spurious everywhere
        return [0, 0, 0, 1, 1] * 4
    bounds, same = r_start == start and r_end == end, r_label == label
    return [
        *((1, 0, 0, 0, 0) if bounds and same else (0, 1, 0, 0, 0)),  # strict
        *((1, 0, 0, 0, 0) if bounds else (0, 1, 0, 0, 0)),  # exact
        *((1, 0, 0, 0, 0) if bounds else (0, 0, 1, 0, 0)),  # partial
        *((1, 0, 0, 0, 0) if same else (0, 1, 0, 0, 0)),  # type
    ]


def _add_into(into: list[int], counts: Sequence[int]) -> None:
    for i, n in enumerate(counts):
        into[i] += n


# where a span counted the same way under every schema goes among the 20 counts
_CORRECT, _MISSED, _SPURIOUS = (0, 5, 10, 15), (3, 8, 13, 18), (4, 9, 14, 19)


def _clusters(
    reference: Sequence[Numbered], predicted: Sequence[Numbered]
) -> Iterable[tuple[list[Numbered], list[Numbered]]]:
    """Both sides (sorted) cut where no span of either overlaps the next: a span only
    ever pairs with one it overlaps, so each cluster can be scored on its own."""
    merged = sorted([(*s, 0) for s in reference] + [(*s, 1) for s in predicted])
    sides: tuple[list[Numbered], list[Numbered]] = ([], [])
    reach = -1
    for start, end, label, side in merged:
        if start >= reach and (sides[0] or sides[1]):
            yield sides
            sides = ([], [])
        sides[side].append((start, end, label))
        if end > reach:
            reach = end
    if sides[0] or sides[1]:
        yield sides


def _score_document(
    reference: Sequence[Numbered], predicted: Sequence[Numbered], labels: int
) -> tuple[list[int], dict[int, list[int]]]:
    """The 20 counts of one document and of each label number in it (sides sorted).

    Clusters that are identical or one-sided count every span the same way under every
    schema (COR, MIS or SPU); one span against one is classified directly; only the
    others go through `_tally`, whose result these shortcuts equal.
    """
    same_everywhere = [0] * (3 * labels)  # per label: COR, MIS, SPU under every schema
    everywhere = [0, 0, 0]  # the same, all labels: for the document's total
    total = [0] * 20
    per_label: dict[int, list[int]] = {}

    def label_counts(label: int) -> list[int]:
        found = per_label.get(label)
        if found is None:
            found = per_label[label] = [0] * 20
        return found

    for mine, theirs in _clusters(reference, predicted):
        if not theirs:
            everywhere[1] += len(mine)
            for span in mine:
                same_everywhere[3 * span[2] + 1] += 1
        elif not mine:
            everywhere[2] += len(theirs)
            for span in theirs:
                same_everywhere[3 * span[2] + 2] += 1
        elif mine == theirs:
            everywhere[0] += len(mine)
            for span in mine:
                same_everywhere[3 * span[2]] += 1
        elif len(mine) == len(theirs) == 1:
            ref, pred = mine[0], theirs[0]
            counts = _one_to_one(ref, pred)
            _add_into(total, counts)
            if ref[2] == pred[2]:
                _add_into(label_counts(ref[2]), counts)
            else:  # cut to one label, each is alone: missed, and spurious
                same_everywhere[3 * ref[2] + 1] += 1
                same_everywhere[3 * pred[2] + 2] += 1
        else:
            _add_into(total, _tally(mine, theirs))
            for label in dict.fromkeys(s[2] for s in [*mine, *theirs]):
                cut = _tally(
                    [s for s in mine if s[2] == label], [s for s in theirs if s[2] == label]
                )
                _add_into(label_counts(label), cut)
    kinds = (_CORRECT, _MISSED, _SPURIOUS)
    for places, n in zip(kinds, everywhere, strict=True):
        for i in places:
            total[i] += n
    for label in range(labels):
        found = same_everywhere[3 * label : 3 * label + 3]
        if any(found):
            counts = label_counts(label)
            for places, n in zip(kinds, found, strict=True):
                for i in places:
                    counts[i] += n
    return total, per_label


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


def _grouped(
    spans: Iterable[tuple[D, int, int, L]], side: str, number: dict[L, int]
) -> dict[D, list[Numbered]]:
    """Spans by document with their labels numbered (`number` grows as labels appear)."""
    found: dict[D, list[Numbered]] = {}
    for index, span in enumerate(spans):
        if len(span) != 4:
            raise ValueError(
                f"{side} span {index}: expected (doc, start, end, label), got {span!r}"
            )
        doc, start, end, label = span
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            raise ValueError(f"{side} span {index}: need integers 0 <= start < end, got {span!r}")
        label_number = number.get(label)
        if label_number is None:
            label_number = number[label] = len(number)
        found.setdefault(doc, []).append((start, end, label_number))
    return found


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
    seen: dict[L, int] = {}
    ref = _grouped(reference, "reference", seen)
    pred = _grouped(predicted, "predicted", seen)
    labels = label_order(seen)
    renumber = [0] * len(labels)
    for number, label in enumerate(labels):
        renumber[seen[label]] = number
    docs = list(documents) if documents is not None else list(dict.fromkeys([*ref, *pred]))
    return score_documents(
        {doc: sorted((s, e, renumber[x]) for s, e, x in ref.get(doc, ())) for doc in docs},
        {doc: sorted((s, e, renumber[x]) for s, e, x in pred.get(doc, ())) for doc in docs},
        docs,
        labels,
    )


def label_order(labels: Iterable[L]) -> list[L]:
    """Labels in the order spans are sorted by (their text): a label's number for
    `score_documents` is its place in this list."""
    return sorted(set(labels), key=repr)


def _summed(rows: Iterable[list[int]]) -> list[int]:
    return [sum(column) for column in zip(*rows, strict=True)] or [0] * 20


def score_documents(
    reference: Mapping[D, Sequence[Numbered]],
    predicted: Mapping[D, Sequence[Numbered]],
    documents: Iterable[D],
    labels: Sequence[L],
) -> SemEvalResult[D, L]:
    """`semeval_scores` of spans already checked and grouped by document: ``(start,
    end, label number)`` sorted, the number a label's place in `labels`, which is
    `label_order` of them (for many comparisons of the same spans, grouped once)."""
    document_totals: dict[D, list[int]] = {}
    by_label: dict[int, list[list[int]]] = {}
    document_label_totals: dict[tuple[D, L], list[int]] = {}
    for doc in documents:
        counts, per_label = _score_document(
            reference.get(doc, ()), predicted.get(doc, ()), len(labels)
        )
        document_totals[doc] = counts
        for number, found in sorted(per_label.items()):
            document_label_totals[(doc, labels[number])] = found
            by_label.setdefault(number, []).append(found)
    label_totals = {labels[n]: _summed(rows) for n, rows in sorted(by_label.items())}
    return SemEvalResult(
        _summed(document_totals.values()), label_totals, document_totals, document_label_totals
    )


__all__ = [
    "KINDS",
    "SCHEMAS",
    "Schema",
    "SemEvalCounts",
    "SemEvalResult",
    "figures_of",
    "label_order",
    "score_documents",
    "semeval_counts",
    "semeval_scores",
]
