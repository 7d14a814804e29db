"""Span F1 between pairs of annotators: entity spans (exact and overlap) and event
triggers and arguments (ACE-style, exact offsets), per pair on the documents both
finished, pooled over pairs for the overall, per-label and per-document figures
(micro average). Definitions in `core.review.agreement.project`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TypeVar

from core.review.agreement.intervals import bootstrap_sums
from core.review.agreement.results import TOO_FEW, Figure, MeasureResult, Pair
from core.review.agreement.span_index import SpanIndex
from core.review.agreement.study import EventItem, Study
from models.messages import Message

K = TypeVar("K", bound=Hashable)


def _pair_documents(study: Study, a: int, b: int) -> set[int] | None:
    """The documents a pair is compared on (None: all compared documents)."""
    shared = study.shared_documents((a, b))
    return None if len(shared) == len(study.documents) else set(shared)


Triple = list[int]  # [true positives, |a|, |b|]


def _add(into: dict[K, Triple], counts: Mapping[K, Sequence[int]]) -> None:
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


# per (document, label): documents, labels, true positives, |a| and |b| as columns
KeyColumns = tuple[list[int], list[str], list[int], list[int], list[int]]
Tallies = dict[
    Pair,
    tuple[Mapping[str, Sequence[int]], Mapping[int, Sequence[int]], KeyColumns],
]


def _key_columns(counts: Mapping[tuple[int, str], Sequence[int]]) -> KeyColumns:
    docs = [doc for doc, _ in counts]
    labels = [label for _, label in counts]
    triples = counts.values()
    return docs, labels, [c[0] for c in triples], [c[1] for c in triples], [c[2] for c in triples]


def _f1_of(sums: Sequence[float]) -> float | None:
    true_positives, n_a, n_b = sums
    return 2 * true_positives / (n_a + n_b) if n_a + n_b else None


def _bootstrapped(
    study: Study, tallies: Tallies, labels: list[str] | None
) -> dict[str, tuple[float | None, float | None, float | None]]:
    """Standard errors and intervals of every pair's, the pooled and each label's F1 by
    a seeded bootstrap over the compared documents (`bootstrap_sums`): three columns
    (true positives, |a|, |b|) per figure, one row per document."""
    import numpy as np

    row_of = {doc: i for i, doc in enumerate(study.documents)}
    names = [f"pair:{a}:{b}" for a, b in tallies] + ["overall"]
    names += [f"label:{label}" for label in labels or ()]
    column_of = {name: 3 * i for i, name in enumerate(names)}
    label_column = {label: column_of[f"label:{label}"] for label in labels or ()}
    # whole numbers: the sums are exact in floating point
    matrix = np.zeros((len(row_of), 3 * len(names)))
    for (a, b), (_by_label, by_doc, by_key) in tallies.items():
        rows = np.fromiter(map(row_of.__getitem__, by_doc), dtype=np.intp, count=len(by_doc))
        counts = np.array(list(by_doc.values()), dtype=np.float64).reshape(-1, 3)
        for name in (f"pair:{a}:{b}", "overall"):
            matrix[rows, column_of[name] : column_of[name] + 3] += counts
        if labels is not None:
            docs, key_labels, *columns = by_key
            wanted = [label in label_column for label in key_labels]
            rows = np.fromiter(map(row_of.__getitem__, docs), dtype=np.intp, count=len(docs))
            first = np.array([label_column.get(label, 0) for label in key_labels], dtype=np.intp)
            for k, column in enumerate(columns):
                values = np.array(column, dtype=np.float64)
                np.add.at(matrix, (rows[wanted], first[wanted] + k), values[wanted])
    statistics = {
        name: (lambda sums, c=column: _f1_of(sums[c : c + 3])) for name, column in column_of.items()
    }
    return bootstrap_sums(matrix, statistics)


def _f1_measure(
    study: Study,
    tallies: Tallies,
    what: str,
    labels: list[str] | None,
) -> MeasureResult:
    """Figures from each pair's counts per label and per document, pooled over pairs,
    with bootstrap intervals (over documents) for the pair, pooled and label figures.

    ``tallies[pair] = (per label, per document, per (document, label))``; ``labels``
    None: no per-label figures for this measure.
    """
    result = MeasureResult()
    pooled_label: dict[str, Triple] = {}
    pooled_doc: dict[int, Triple] = {}
    for pair, (by_label, by_doc, _by_key) in tallies.items():
        total = [sum(c[i] for c in by_doc.values()) for i in range(3)]
        result.pairs[pair] = _figure(total, what)
        if labels is not None:
            result.pair_by_label[pair] = {
                label: _figure(by_label[label], what) for label in labels if label in by_label
            }
            _add(pooled_label, by_label)
        _add(pooled_doc, by_doc)
    if tallies:
        pooled = [sum(c[i] for c in pooled_doc.values()) for i in range(3)]
        result.overall = _figure(pooled, what)
    else:
        result.overall = Figure.none(TOO_FEW)
    if labels is not None:
        result.by_label = {
            label: _figure(pooled_label[label], what) for label in labels if label in pooled_label
        }
    intervals = _bootstrapped(study, tallies, labels) if tallies else {}

    def attach(figure: Figure, name: str) -> Figure:
        se, low, high = intervals.get(name, (None, None, None))
        return figure.with_interval(se, low, high, "bootstrap")

    result.pairs = {(a, b): attach(f, f"pair:{a}:{b}") for (a, b), f in result.pairs.items()}
    result.overall = attach(result.overall, "overall")
    result.by_label = {k: attach(f, f"label:{k}") for k, f in result.by_label.items()}
    result.by_document = {
        doc: _figure(pooled_doc[doc], what)
        if doc in pooled_doc
        else Figure.none(Message("no {what} to compare", what=what))
        for doc in study.documents
    }
    return result


def entity_f1(
    study: Study, index: SpanIndex[int, int, int] | None = None
) -> dict[str, MeasureResult]:
    """Span F1, exact and overlap, per pair (on the documents both finished), label
    and document; `index` may be passed in to share it with other computations."""
    index = index or SpanIndex(study.spans)
    keys = study.label_keys
    results = {}
    for match in ("exact", "overlap"):
        tallies: Tallies = {}
        for a, b in study.compared_pairs():
            tally = index.tally(a, b, match, _pair_documents(study, a, b))
            by_label = {keys[label_id]: c for label_id, c in tally.counts("label").items()}
            docs, label_ids, tp, n_a, n_b = tally.key_columns()
            by_key = (docs, list(map(keys.__getitem__, label_ids)), tp, n_a, n_b)
            tallies[(a, b)] = (by_label, tally.counts("doc"), by_key)
        results[f"entities.f1_{match}"] = _f1_measure(
            study, tallies, Message("spans"), study.entity_labels
        )
    return results


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
    results = {}
    for key, shape in _EVENT_SHAPES.items():
        arguments = key.startswith("events.argument")
        index = SpanIndex(
            {a: [x for e in study.events[a] for x in shape(e)] for a in study.annotator_ids}
        )
        per_type = not key.endswith("identification")
        tallies: Tallies = {}
        for a, b in study.compared_pairs():
            tally = index.tally(a, b, "exact", _pair_documents(study, a, b))
            by_type: dict[str, Triple] = {}
            by_doc_type: dict[tuple[int, str], Triple] = {}
            if per_type:
                for (doc, (event_type, _role, _start, _end)), triple in tally.counts("key").items():
                    _add(by_type, {event_type: triple})
                    _add(by_doc_type, {(doc, event_type): triple})
            tallies[(a, b)] = (by_type, tally.counts("doc"), _key_columns(by_doc_type))
        labels = study.event_types if per_type else None
        what = Message("event arguments") if arguments else Message("event triggers")
        results[key] = _f1_measure(study, tallies, what, labels)
    return results


__all__ = ["entity_f1", "event_f1"]
