"""Span F1 between pairs of annotators: entity spans (exact and overlap) and event
triggers and arguments (ACE-style, exact offsets), per pair on the documents both
finished, pooled over pairs for the overall, per-label and per-document figures
(micro average). Definitions in `core.review.agreement.project`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from core.review.agreement.intervals import bootstrap_sums
from core.review.agreement.results import TOO_FEW, Figure, MeasureResult, Pair
from core.review.agreement.span_index import SpanIndex
from core.review.agreement.spans import MATCH_MODES
from core.review.agreement.study import EventItem, Study
from models.messages import Message

K = TypeVar("K", bound=Hashable)
IntArray = npt.NDArray[np.int64]


def _pair_documents(study: Study, a: int, b: int) -> set[int] | None:
    """The documents a pair is compared on (None: all compared documents)."""
    shared = study.shared_documents((a, b))
    return None if len(shared) == len(study.documents) else set(shared)


Triple = Sequence[int]  # true positives, |a|, |b|


def _add(into: dict[K, list[int]], counts: Mapping[K, Triple]) -> None:
    for group, (tp, n_a, n_b) in counts.items():
        cell = into.get(group)
        if cell is None:
            into[group] = [tp, n_a, n_b]
        else:
            cell[0] += tp
            cell[1] += n_a
            cell[2] += n_b


def _figure(counts: Sequence[int], what: str) -> Figure:
    true_positives, n_a, n_b = counts
    return Figure.f1(true_positives, n_a, n_b, what=what)


class _Rows:
    """The row (place in the study's documents) of each of an array of document ids."""

    def __init__(self, study: Study):
        ids = np.fromiter(study.documents, dtype=np.int64, count=len(study.documents))
        self._order = np.argsort(ids, kind="stable")
        self._sorted = ids[self._order]

    def __call__(self, docs: IntArray) -> IntArray:
        at = np.minimum(np.searchsorted(self._sorted, docs), max(0, len(self._sorted) - 1))
        if not np.array_equal(self._sorted[at], docs):
            raise KeyError("span counts of a document that is not compared")
        rows: IntArray = self._order[at]
        return rows


def _places(labels: list[str] | None) -> dict[str, int]:
    return {label: i for i, label in enumerate(labels or ())}


def _f1_of(sums: Sequence[float]) -> float | None:
    true_positives, n_a, n_b = sums
    return 2 * true_positives / (n_a + n_b) if n_a + n_b else None


class _F1Measures:
    """F1 measures over the same pairs of a study, their counts added pair by pair
    (true positives, |a| and |b|); `results` gives each measure's figures per pair,
    label and document, with intervals for the pair, pooled and label figures from one
    seeded bootstrap over the compared documents (`bootstrap_sums`) for all measures:
    separate draws, seeded alike, would be the same.

    The bootstrap matrix has one row per document and three columns per figure; it is
    filled as the counts come, so no pair's counts per document are kept.
    ``measures[key] = (what is counted, labels)``; labels None: no per-label figures.
    """

    def __init__(
        self, study: Study, pairs: list[Pair], measures: dict[str, tuple[str, list[str] | None]]
    ):
        self._study = study
        self._measures = measures
        self._rows_of = _Rows(study)
        names = []
        if pairs:
            for key, (_what, labels) in measures.items():
                names += [f"{key} pair:{a}:{b}" for a, b in pairs] + [f"{key} overall"]
                names += [f"{key} label:{label}" for label in labels or ()]
        self._column_of = {name: 3 * i for i, name in enumerate(names)}
        documents = len(study.documents)
        # whole numbers: the sums are exact in floating point
        self._matrix = np.zeros((documents, 3 * len(names)))
        self._pairs: dict[str, dict[Pair, tuple[list[int], Mapping[str, Triple]]]] = {
            key: {} for key in measures
        }
        self._by_doc = {key: np.zeros((documents, 3), dtype=np.int64) for key in measures}
        self._counted = {key: np.zeros(documents, dtype=bool) for key in measures}

    def add(
        self,
        key: str,
        pair: Pair,
        by_label: Mapping[str, Triple],
        by_doc: tuple[IntArray, IntArray],
        by_doc_label: tuple[IntArray, IntArray, IntArray],
    ) -> None:
        """One pair's counts for measure `key`: per label; per document (ids, and
        counts as the rows of an (n, 3) array); per (document, label) (ids, each
        label's place in the measure's labels or -1, counts)."""
        docs, doc_counts = by_doc
        rows = self._rows_of(docs)
        self._pairs[key][pair] = (doc_counts.sum(axis=0).tolist(), by_label)
        self._by_doc[key][rows] += doc_counts
        self._counted[key][rows] = True
        matrix, column_of = self._matrix, self._column_of
        a, b = pair
        values = doc_counts.astype(np.float64)
        for name in (f"{key} pair:{a}:{b}", f"{key} overall"):
            matrix[rows, column_of[name] : column_of[name] + 3] += values
        labels = self._measures[key][1]
        if labels is not None:
            key_docs, places, key_counts = by_doc_label
            wanted = places >= 0
            columns = np.array(
                [column_of[f"{key} label:{label}"] for label in labels], dtype=np.intp
            )
            # cell (row, column) of the matrix is row * width + column of its flat view
            cells = self._rows_of(key_docs[wanted]) * matrix.shape[1]
            cells += columns[places[wanted]]
            # (float values: np.add.at's fast loop takes no cast)
            for k, column in enumerate(key_counts[wanted].T.astype(np.float64)):
                np.add.at(matrix.reshape(-1), cells + k, column)

    def results(self) -> dict[str, MeasureResult]:
        statistics = {
            name: (lambda sums, c=column: _f1_of(sums[c : c + 3]))
            for name, column in self._column_of.items()
        }
        intervals = bootstrap_sums(self._matrix, statistics) if statistics else {}
        self._matrix = np.zeros((0, 0))  # done with: freed before the figures are made
        return {
            key: self._figures(key, what, labels, intervals)
            for key, (what, labels) in self._measures.items()
        }

    def _figures(
        self,
        key: str,
        what: str,
        labels: list[str] | None,
        intervals: dict[str, tuple[float | None, float | None, float | None]],
    ) -> MeasureResult:
        def attach(figure: Figure, name: str) -> Figure:
            se, low, high = intervals.get(f"{key} {name}", (None, None, None))
            return figure.with_interval(se, low, high, "bootstrap")

        result = MeasureResult()
        pooled_label: dict[str, list[int]] = {}
        for (a, b), (total, by_label) in self._pairs[key].items():
            result.pairs[(a, b)] = attach(_figure(total, what), f"pair:{a}:{b}")
            if labels is not None:
                result.pair_by_label[(a, b)] = {
                    label: _figure(by_label[label], what) for label in labels if label in by_label
                }
                _add(pooled_label, by_label)
        by_doc = self._by_doc[key]
        if self._pairs[key]:
            result.overall = attach(_figure(by_doc.sum(axis=0).tolist(), what), "overall")
        else:
            result.overall = Figure.none(TOO_FEW)
        if labels is not None:
            result.by_label = {
                label: attach(_figure(pooled_label[label], what), f"label:{label}")
                for label in labels
                if label in pooled_label
            }
        # one Figure (frozen) per distinct count: documents share them
        figures: dict[tuple[int, ...], Figure] = {}

        def figure_of(triple: list[int]) -> Figure:
            counts = tuple(triple)
            figure = figures.get(counts)
            if figure is None:
                figure = figures[counts] = _figure(counts, what)
            return figure

        nothing = Figure.none(Message("no {what} to compare", what=what))
        result.by_document = {
            doc: figure_of(triple) if seen else nothing
            for doc, triple, seen in zip(
                self._study.documents, by_doc.tolist(), self._counted[key].tolist(), strict=True
            )
        }
        return result


def entity_f1(
    study: Study, index: SpanIndex[int, int, int] | None = None
) -> dict[str, MeasureResult]:
    """Span F1, exact and overlap, per pair (on the documents both finished), label
    and document; `index` may be passed in to share it with other computations."""
    pairs = study.compared_pairs()
    measures = _F1Measures(
        study,
        pairs,
        {f"entities.f1_{match}": (Message("spans"), study.entity_labels) for match in MATCH_MODES},
    )
    # an index made here is freed before the bootstrap
    _add_entity_counts(measures, study, pairs, index or SpanIndex(study.spans))
    return measures.results()


def _add_entity_counts(
    measures: _F1Measures, study: Study, pairs: list[Pair], index: SpanIndex[int, int, int]
) -> None:
    keys = study.label_keys
    place = _places(study.entity_labels)
    for a, b in pairs:
        docs = _pair_documents(study, a, b)
        for match in MATCH_MODES:  # one after the other: they share the pair's identical pairs
            tally = index.tally(a, b, match, docs)
            label_ids, label_counts = tally.arrays("label")
            names = [keys[label_id] for label_id in label_ids.tolist()]
            key_docs, key_label_ids, key_counts = tally.key_arrays()
            # each label's place looked up once, then found for every (document, label)
            ids = np.sort(label_ids)
            places = np.array([place.get(keys[i], -1) for i in ids.tolist()], dtype=np.int64)
            measures.add(
                f"entities.f1_{match}",
                (a, b),
                dict(zip(names, label_counts.tolist(), strict=True)),
                tally.arrays("doc"),
                (key_docs, places[np.searchsorted(ids, key_label_ids)], key_counts),
            )


# An event's trigger or arguments as spans (document, start, end, label) for the span
# matcher. The label holds what must agree besides the offsets: (event type, role,
# trigger start, trigger end), "" and 0 where a measure does not compare them; so an
# argument can only match an argument of a trigger with the same offsets.
EventLabel = tuple[str, str, int, int]
_EVENT_SHAPES: dict[str, Callable[[EventItem], list[tuple[int, int, int, EventLabel]]]] = {
    "events.trigger_identification": lambda e: [(e.doc, e.start, e.end, ("", "", 0, 0))],
    "events.trigger_classification": lambda e: [(e.doc, e.start, e.end, (e.type, "", 0, 0))],
    "events.argument_identification": lambda e: [
        (e.doc, start, end, ("", "", e.start, e.end)) for _, start, end, _ in e.arguments
    ],
    "events.argument_role": lambda e: [
        (e.doc, start, end, (e.type, role, e.start, e.end)) for role, start, end, _ in e.arguments
    ],
}


def event_f1(study: Study) -> dict[str, MeasureResult]:
    """Trigger and argument F1 (ACE-style, exact offsets; see the module doc)."""
    place = _places(study.event_types)
    pairs = study.compared_pairs()
    triggers, arguments = Message("event triggers"), Message("event arguments")
    measures = _F1Measures(
        study,
        pairs,
        {
            key: (
                arguments if key.startswith("events.argument") else triggers,
                None if key.endswith("identification") else study.event_types,
            )
            for key in _EVENT_SHAPES
        },
    )
    for key, shape in _EVENT_SHAPES.items():
        index = SpanIndex(
            {a: [x for e in study.events[a] for x in shape(e)] for a in study.annotator_ids}
        )
        per_type = not key.endswith("identification")
        for a, b in pairs:
            tally = index.tally(a, b, "exact", _pair_documents(study, a, b))
            by_type: dict[str, list[int]] = {}
            by_doc_type: dict[tuple[int, str], list[int]] = {}
            if per_type:
                key_docs, key_labels, key_counts = tally.key_arrays()
                for doc, (event_type, _role, _start, _end), triple in zip(
                    key_docs.tolist(), key_labels.tolist(), key_counts.tolist(), strict=True
                ):
                    _add(by_type, {event_type: triple})
                    _add(by_doc_type, {(doc, event_type): triple})
            by_doc_label = (
                np.array([doc for doc, _ in by_doc_type], dtype=np.int64),
                np.array([place.get(t, -1) for _, t in by_doc_type], dtype=np.int64),
                np.array(list(by_doc_type.values()), dtype=np.int64).reshape(-1, 3),
            )
            measures.add(key, (a, b), by_type, tally.arrays("doc"), by_doc_label)
    return measures.results()


__all__ = ["entity_f1", "event_f1"]
