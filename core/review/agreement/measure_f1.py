"""Span F1 between pairs of annotators: entity spans (exact and overlap) and event
triggers and arguments (ACE-style, exact offsets), per pair on the documents both
finished, pooled over pairs for the overall, per-label and per-document figures
(micro average). Definitions in `core.review.agreement.project`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from core.review.agreement.results import TOO_FEW, Figure, MeasureResult, Pair
from core.review.agreement.span_index import SpanIndex
from core.review.agreement.study import Study


def _pair_documents(study: Study, a: int, b: int) -> set[int] | None:
    """The documents a pair is compared on (None: all compared documents)."""
    shared = study.shared_documents((a, b))
    return None if len(shared) == len(study.documents) else set(shared)


Triple = list[int]  # [true positives, |a|, |b|]


def _add(into: dict[Hashable, Triple], counts: dict[Hashable, tuple[int, int, int]]) -> None:
    for group, (tp, n_a, n_b) in counts.items():
        cell = into.get(group)
        if cell is None:
            into[group] = [tp, n_a, n_b]
        else:
            cell[0] += tp
            cell[1] += n_a
            cell[2] += n_b


def _f1_measure(
    study: Study,
    tallies: dict[Pair, tuple[dict[Hashable, tuple[int, int, int]], dict[int, tuple]]],
    what: str,
    labels: list[str] | None,
) -> MeasureResult:
    """Figures from each pair's counts per label and per document, pooled over pairs.

    ``tallies[pair] = (per label, per document)``; ``labels`` None: no per-label
    figures for this measure.
    """
    result = MeasureResult()
    pooled_label: dict[Hashable, Triple] = {}
    pooled_doc: dict[Hashable, Triple] = {}
    for pair, (by_label, by_doc) in tallies.items():
        total = [sum(c[i] for c in by_doc.values()) for i in range(3)]
        result.pairs[pair] = Figure.f1(*total, what=what)
        if labels is not None:
            result.pair_by_label[pair] = {
                label: Figure.f1(*by_label[label], what=what)
                for label in labels
                if label in by_label
            }
            _add(pooled_label, by_label)
        _add(pooled_doc, by_doc)
    if tallies:
        pooled = [sum(c[i] for c in pooled_doc.values()) for i in range(3)]
        result.overall = Figure.f1(*pooled, what=what)
    else:
        result.overall = Figure.none(TOO_FEW)
    if labels is not None:
        result.by_label = {
            label: Figure.f1(*pooled_label[label], what=what)
            for label in labels
            if label in pooled_label
        }
    result.by_document = {
        doc: Figure.f1(*pooled_doc[doc], what=what)
        if doc in pooled_doc
        else Figure.none(f"no {what} to compare")
        for doc in study.documents
    }
    return result


def entity_f1(study: Study, index: SpanIndex | None = None) -> dict[str, MeasureResult]:
    """Span F1, exact and overlap, per pair (on the documents both finished), label
    and document; `index` may be passed in to share it with other computations."""
    index = index or SpanIndex(study.spans)
    keys = study.label_keys
    results = {}
    for match in ("exact", "overlap"):
        tallies = {}
        for a, b in study.compared_pairs():
            tally = index.tally(a, b, match, _pair_documents(study, a, b))
            by_label = {keys[label_id]: c for label_id, c in tally.counts("label").items()}
            tallies[(a, b)] = (by_label, tally.counts("doc"))
        results[f"entities.f1_{match}"] = _f1_measure(study, tallies, "spans", study.entity_labels)
    return results


_EVENT_SHAPES: dict[str, Callable[[Any], list[tuple[Any, int, int, str]]]] = {
    # what is compared, as (doc key, start, end, label) for the span matcher
    "events.trigger_identification": lambda e: [(e.doc, e.start, e.end, "")],
    "events.trigger_classification": lambda e: [(e.doc, e.start, e.end, e.type)],
    "events.argument_identification": lambda e: [
        ((e.doc, e.start, e.end), start, end, "") for _, start, end, _ in e.arguments
    ],
    "events.argument_role": lambda e: [
        ((e.doc, e.start, e.end, e.type), start, end, role) for role, start, end, _ in e.arguments
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
        tallies = {}
        for a, b in study.compared_pairs():
            tally = index.tally(a, b, "exact", _pair_documents(study, a, b))
            by_key = tally.counts("key")
            by_doc: dict[Hashable, Triple] = {}
            by_type: dict[Hashable, Triple] = {}
            for (doc_key, label), triple in by_key.items():
                _add(by_doc, {doc_key[0] if arguments else doc_key: triple})
                if key == "events.trigger_classification":
                    _add(by_type, {label: triple})
                elif key == "events.argument_role":
                    _add(by_type, {doc_key[3]: triple})
            tallies[(a, b)] = (by_type, by_doc)
        labels = None if key.endswith("identification") else study.event_types
        what = "event arguments" if arguments else "event triggers"
        results[key] = _f1_measure(study, tallies, what, labels)
    return results


__all__ = ["entity_f1", "event_f1"]
