"""SemEval-2013 span scoring of entity spans (`core.review.agreement.semeval`): strict,
exact, partial and type, per pair of annotators on the documents both finished, each
annotator against the gold set on the compared documents that have one, pooled over
pairs for the overall, per-label and per-document figures (summed counts), with
bootstrap intervals over documents like the other span figures.

The first annotator of a pair (by name) is the reference and the second the
prediction, as for span F1; against gold, gold is the reference.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from core.review.agreement.intervals import bootstrap_sums
from core.review.agreement.results import TOO_FEW, Figure, MeasureResult
from core.review.agreement.semeval import (
    SCHEMAS,
    Columns,
    Schema,
    SemEvalCounts,
    figures_of,
    label_order,
    score_columns,
)
from core.review.agreement.study import SpanColumns, Study
from models.messages import Message

IntArray = npt.NDArray[np.int64]


def _figure(schema: Schema, counts: Sequence[int]) -> Figure:
    base = 5 * SCHEMAS.index(schema)
    return Figure.semeval(SemEvalCounts.of(schema, counts[base : base + 5]))


def _statistic(schema: Schema, places: Sequence[int]) -> Callable[[Sequence[float]], float | None]:
    pick = itemgetter(*places)

    def f1(sums: Sequence[float]) -> float | None:
        counts: tuple[float, ...] = pick(sums)
        if not any(counts):
            return None
        return figures_of(schema, counts)[2]

    return f1


class _BootstrapColumns:
    """Per named figure (a pair, the pooled one, a label, an annotator against gold),
    its 20 counts in each compared document, for the bootstrap: a column of the same
    counts in every document (a count equal under several schemas, or never counted) is
    kept once."""

    def __init__(self, documents: int, names: int):
        # room for every column of every figure, but only the rows used are ever written
        # (so only they take memory)
        self.matrix = np.zeros((20 * names, documents), dtype=np.float64)
        self.used = 0
        self.by_hash: dict[int, list[int]] = {}
        self.places: dict[str, list[int]] = {}

    def add(self, name: str, counts: npt.NDArray[np.integer[Any]]) -> None:
        """`counts`: documents x 20."""
        places = []
        for index in range(20):
            # whole numbers: the bootstrap's sums are exact in floating point
            column = counts[:, index].astype(np.float64)
            same = self.by_hash.setdefault(hash(column.tobytes()), [])
            place = next((p for p in same if np.array_equal(self.matrix[p], column)), None)
            if place is None:
                place = self.used
                self.matrix[place] = column
                self.used += 1
                same.append(place)
            places.append(place)
        self.places[name] = places

    def intervals(self) -> dict[str, tuple[float | None, float | None, float | None]]:
        """Bootstrap (over the compared documents) of every named figure's F1 under each
        schema."""
        statistics = {
            f"{schema}:{name}": _statistic(schema, places[5 * s : 5 * s + 5])
            for name, places in self.places.items()
            for s, schema in enumerate(SCHEMAS)
        }
        # documents x columns, each column contiguous (as the bootstrap reads them)
        return bootstrap_sums(self.matrix[: self.used].T, statistics)


# spans of both sides scored at a time (about): bounds the memory a comparison needs
BLOCK_SPANS: Final = 2**18


class _Documents:
    """The compared documents in order of id: a document's place in that order, and
    its row (its place in `study.documents`, where its counts go)."""

    def __init__(self, documents: Iterable[int]):
        ids = np.fromiter(documents, dtype=np.int64)
        self.count = len(ids)
        self.row = np.argsort(ids, kind="stable")  # by place
        self.ids = ids[self.row]

    def mask(self, documents: Iterable[int]) -> npt.NDArray[np.bool_]:
        """True at the places of these documents."""
        found = np.zeros(self.count, dtype=np.bool_)
        found[np.searchsorted(self.ids, np.fromiter(documents, dtype=np.int64))] = True
        return found


def _label_runs(spans: SpanColumns) -> list[tuple[int, int]]:
    """(begin, end) of each label's spans (sorted by document within)."""
    cuts = [0, *(np.flatnonzero(np.diff(spans.label)) + 1).tolist(), len(spans)]
    return list(itertools.pairwise(cuts))


def _block(
    spans: SpanColumns,
    runs: list[tuple[int, int]],
    documents: _Documents,
    places: tuple[int, int],
    compared: npt.NDArray[np.bool_],
    number: IntArray,
) -> Columns:
    """The spans of the compared documents at `places` (a range of places) as
    `score_columns` takes them: place in the range, start, end, label number (`number`
    maps label ids)."""
    first, last = places
    ids = documents.ids[first:last]
    taken = []
    for begin, stop in runs:
        within = spans.doc[begin:stop]
        low = begin + int(np.searchsorted(within, ids[0]))
        taken.append(slice(low, begin + int(np.searchsorted(within, ids[-1], "right"))))
    doc, start, end, label = (
        np.concatenate([column[s] for s in taken])
        for column in (spans.doc, spans.start, spans.end, spans.label)
    )
    at = np.searchsorted(ids, doc)  # a document in the range, so below last - first
    keep = (ids[at] == doc) & compared[first:last][at]
    return at[keep], start[keep], end[keep], number[label[keep]]


def _compare(
    reference: SpanColumns,
    predicted: SpanColumns,
    documents: _Documents,
    compared: npt.NDArray[np.bool_],
    number: IntArray,
    labels: int,
    by_document: IntArray,
    by_label: npt.NDArray[np.int32] | None = None,
) -> IntArray:
    """`predicted` against `reference` on the compared documents (a mask over places),
    a block of documents at a time: the counts per document are written into
    `by_document` (rows x 20), those per (label, document) added into `by_label`
    (labels x rows x 20) when given; returns the counts per label (labels x 20)."""
    by_document.fill(0)
    label_totals = np.zeros((labels, 20), dtype=np.int64)
    runs = _label_runs(reference), _label_runs(predicted)
    spans = max(1, len(reference) + len(predicted))
    step = max(1, BLOCK_SPANS * documents.count // spans)
    for first in range(0, documents.count, step):
        places = first, min(first + step, documents.count)
        if not compared[places[0] : places[1]].any():
            continue
        scores = score_columns(
            _block(reference, runs[0], documents, places, compared, number),
            _block(predicted, runs[1], documents, places, compared, number),
            places[1] - places[0],
            labels,
        )
        rows = documents.row[places[0] : places[1]]
        by_document[rows] = scores.by_document
        label_totals += scores.by_label(labels)
        if by_label is not None:
            doc, label = np.divmod(scores.label_keys, labels)
            by_label[label, rows[doc]] += scores.by_document_label
    return label_totals


def semeval_agreement(study: Study) -> dict[str, MeasureResult]:
    """`entities.semeval_<schema>` for each schema (see the module doc)."""
    keys = study.label_keys
    labels = label_order(keys.values())
    number = np.zeros(max(keys, default=0) + 1, dtype=np.int64)  # label id -> number
    for label_id, key in keys.items():
        number[label_id] = labels.index(key)
    documents = _Documents(study.documents)
    results = {schema: MeasureResult() for schema in SCHEMAS}
    pairs = study.compared_pairs()
    names = len(pairs) + 1 + len(labels) + len(study.annotators)
    columns = _BootstrapColumns(documents.count, names)
    by_document = np.zeros((documents.count, 20), dtype=np.int64)  # pooled over the pairs
    # per label (small counts: int32 halves the largest array here)
    by_label = np.zeros((len(labels), documents.count, 20), dtype=np.int32)
    counts = np.zeros((documents.count, 20), dtype=np.int64)  # each comparison's in turn
    compared = np.zeros(documents.count, dtype=np.bool_)  # places some pair compares
    for a, b in pairs:
        shared = documents.mask(study.shared_documents((a, b)))
        compared |= shared
        label_counts = _compare(
            study.spans[a], study.spans[b], documents, shared, number, len(labels), counts, by_label
        )
        by_document += counts
        columns.add(f"pair:{a}:{b}", counts)
        totals = counts.sum(axis=0).tolist()
        label_totals = {
            labels[n]: found.tolist() for n, found in enumerate(label_counts) if found.any()
        }
        for schema in SCHEMAS:
            results[schema].pairs[(a, b)] = _figure(schema, totals)
            results[schema].pair_by_label[(a, b)] = {
                label: _figure(schema, label_totals[label])
                for label in study.entity_labels
                if label in label_totals
            }
    gold_totals = _versus_gold(study, documents, number, len(labels), counts, columns)
    del counts
    pooled = by_document.sum(axis=0).tolist()
    columns.add("overall", by_document)
    pooled_label = {}
    for n, label in enumerate(labels):
        if by_label[n].any():
            pooled_label[label] = by_label[n].sum(axis=0).tolist()
            columns.add(f"label:{label}", by_label[n])
    del by_label
    intervals = columns.intervals() if pairs or gold_totals else {}

    def attach(schema: Schema, figure: Figure, name: str) -> Figure:
        se, low, high = intervals.get(f"{schema}:{name}", (None, None, None))
        return figure.with_interval(se, low, high, "bootstrap")

    ids, compared_rows = list(study.documents), np.sort(documents.row[compared])
    for schema in SCHEMAS:
        result = results[schema]
        result.pairs = {
            (a, b): attach(schema, f, f"pair:{a}:{b}") for (a, b), f in result.pairs.items()
        }
        result.overall = (
            attach(schema, _figure(schema, pooled), "overall") if pairs else Figure.none(TOO_FEW)
        )
        result.by_label = {
            label: attach(schema, _figure(schema, pooled_label[label]), f"label:{label}")
            for label in study.entity_labels
            if label in pooled_label
        }
        result.by_document = _document_figures(schema, ids, compared_rows, by_document)
        result.versus_gold = {
            annotator: attach(schema, _figure(schema, totals), f"gold:{annotator}")
            for annotator, totals in gold_totals.items()
        }
    return {f"entities.semeval_{schema}": results[schema] for schema in SCHEMAS}


def _document_figures(
    schema: Schema, ids: list[int], compared_rows: IntArray, by_document: IntArray
) -> dict[int, Figure]:
    """Each document's figure under `schema` (`by_document`: a row of 20 counts per
    document, in the order of `ids`; `compared_rows` those some pair compares)."""
    found = dict.fromkeys(ids, Figure.none(Message("no spans to compare")))
    base = 5 * SCHEMAS.index(schema)
    # many documents have the same counts: one (frozen) figure for each
    distinct, which = np.unique(
        by_document[compared_rows, base : base + 5], axis=0, return_inverse=True
    )
    made = [Figure.semeval(SemEvalCounts.of(schema, counts)) for counts in distinct.tolist()]
    compared_ids = [ids[row] for row in compared_rows.tolist()]
    for doc, index in zip(compared_ids, which.reshape(-1).tolist(), strict=True):
        found[doc] = made[index]
    return found


def _versus_gold(
    study: Study,
    documents: _Documents,
    number: IntArray,
    labels: int,
    counts: IntArray,
    columns: _BootstrapColumns,
) -> dict[int, list[int]]:
    """Each annotator (compared) against the gold set (the reference), on the compared
    documents where both have a set: the counts per document (`counts` is room for
    them) go to `columns`; returns each annotator's totals."""
    if not study.gold_documents:
        return {}
    found = {}
    for annotator in study.annotator_ids:
        shared = [
            doc
            for doc, who in study.coverage.items()
            if annotator in who and doc in study.gold_documents
        ]
        if shared:
            compared = documents.mask(shared)
            gold = study.gold_spans
            _compare(gold, study.spans[annotator], documents, compared, number, labels, counts)
            columns.add(f"gold:{annotator}", counts)
            found[annotator] = counts.sum(axis=0).tolist()
    return found


__all__ = ["semeval_agreement"]
