"""SemEval-2013 span scoring of entity spans (`core.review.agreement.semeval`): strict,
exact, partial and type, per pair of annotators on the documents both finished, each
annotator against the gold set on the compared documents that have one, pooled over
pairs for the overall, per-label and per-document figures (summed counts), with
bootstrap intervals over documents like the other span figures.

The first annotator of a pair (by name) is the reference and the second the
prediction, as for span F1; against gold, gold is the reference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from core.review.agreement.intervals import bootstrap_sums
from core.review.agreement.results import TOO_FEW, Figure, MeasureResult
from core.review.agreement.semeval import (
    SCHEMAS,
    Schema,
    SemEvalCounts,
    SemEvalResult,
    figures_of,
    label_order,
    score_documents,
)
from core.review.agreement.study import Study
from models.messages import Message

Counts = list[int]  # 20 numbers: COR, INC, PAR, MIS, SPU for each schema in SCHEMAS order


def _figure(schema: Schema, counts: Sequence[int]) -> Figure:
    base = 5 * SCHEMAS.index(schema)
    return Figure.semeval(SemEvalCounts.of(schema, counts[base : base + 5]))


def _statistic(schema: Schema, column: int) -> Callable[[Sequence[float]], float | None]:
    def f1(sums: Sequence[float]) -> float | None:
        counts = sums[column : column + 5]
        if not any(counts):
            return None
        return figures_of(schema, counts)[2]

    return f1


def _intervals(
    study: Study, per_document: dict[str, Mapping[int, Sequence[int]]]
) -> dict[str, tuple[float | None, float | None, float | None]]:
    """Bootstrap (over the compared documents) of every named figure's F1 under each
    schema: `per_document[name][doc]` holds that figure's 20 counts in that document."""
    row_of = {doc: i for i, doc in enumerate(study.documents)}
    names = list(per_document)
    rows = [[0] * (20 * len(names)) for _ in row_of]
    for n, name in enumerate(names):
        for doc, counts in per_document[name].items():
            rows[row_of[doc]][20 * n : 20 * n + 20] = counts
    statistics = {
        f"{schema}:{name}": _statistic(schema, 20 * n + 5 * s)
        for n, name in enumerate(names)
        for s, schema in enumerate(SCHEMAS)
    }
    return bootstrap_sums(rows, statistics)


Grouped = dict[int, list[tuple[int, int, int]]]  # doc -> sorted (start, end, label number)


def _grouped(spans: list[tuple[int, int, int, int]], number: dict[int, int]) -> Grouped:
    found: Grouped = {}
    for doc, start, end, label_id in spans:
        found.setdefault(doc, []).append((start, end, number[label_id]))
    for items in found.values():
        items.sort()
    return found


def _summed(rows: Iterable[Sequence[int]]) -> Counts:
    return [sum(column) for column in zip(*rows, strict=True)] or [0] * 20


def semeval_agreement(study: Study) -> dict[str, MeasureResult]:
    """`entities.semeval_<schema>` for each schema (see the module doc)."""
    keys = study.label_keys
    labels = label_order(keys.values())
    number = {label_id: labels.index(key) for label_id, key in keys.items()}
    grouped = {a: _grouped(study.spans[a], number) for a in study.annotator_ids}
    results = {schema: MeasureResult() for schema in SCHEMAS}
    # per figure, its counts per document, for the bootstrap and the pooled figures
    per_document: dict[str, Mapping[int, Sequence[int]]] = {}
    per_label: dict[str, list[Counts]] = {}
    per_document_label: dict[str, dict[int, list[Counts]]] = {}
    pairs = study.compared_pairs()
    for a, b in pairs:
        scores = score_documents(grouped[a], grouped[b], study.shared_documents((a, b)), labels)
        per_document[f"pair:{a}:{b}"] = scores.document_totals
        for schema in SCHEMAS:
            results[schema].pairs[(a, b)] = _figure(schema, scores.totals)
            results[schema].pair_by_label[(a, b)] = {
                label: _figure(schema, scores.label_totals[label])
                for label in study.entity_labels
                if label in scores.label_totals
            }
        for label, counts in scores.label_totals.items():
            per_label.setdefault(label, []).append(counts)
        for (doc, label), counts in scores.document_label_totals.items():
            per_document_label.setdefault(label, {}).setdefault(doc, []).append(counts)
    pooled_rows: dict[int, list[Sequence[int]]] = {}
    for pair_counts in per_document.values():  # the pairs' only, so far
        for doc, in_document in pair_counts.items():
            pooled_rows.setdefault(doc, []).append(in_document)
    pooled_by_doc = {doc: _summed(rows) for doc, rows in pooled_rows.items()}
    per_document["overall"] = pooled_by_doc
    for label, docs in per_document_label.items():
        per_document[f"label:{label}"] = {doc: _summed(rows) for doc, rows in docs.items()}
    gold = _versus_gold(study, grouped, number, labels)
    for annotator, scores in gold.items():
        per_document[f"gold:{annotator}"] = scores.document_totals
    intervals = _intervals(study, per_document) if pairs or gold else {}

    def attach(schema: Schema, figure: Figure, name: str) -> Figure:
        se, low, high = intervals.get(f"{schema}:{name}", (None, None, None))
        return figure.with_interval(se, low, high, "bootstrap")

    pooled = _summed(pooled_by_doc.values())
    pooled_label = {label: _summed(rows) for label, rows in per_label.items()}
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
        result.by_document = {
            doc: _figure(schema, pooled_by_doc[doc])
            if doc in pooled_by_doc
            else Figure.none(Message("no spans to compare"))
            for doc in study.documents
        }
        result.versus_gold = {
            annotator: attach(schema, _figure(schema, scores.totals), f"gold:{annotator}")
            for annotator, scores in gold.items()
        }
    return {f"entities.semeval_{schema}": results[schema] for schema in SCHEMAS}


def _versus_gold(
    study: Study, grouped: dict[int, Grouped], number: dict[int, int], labels: list[str]
) -> dict[int, SemEvalResult[int, str]]:
    """Each annotator (compared) against the gold set (the reference), on the compared
    documents where both have a set."""
    if not study.gold_documents:
        return {}
    gold = _grouped(study.gold_spans, number)
    found = {}
    for annotator in study.annotator_ids:
        documents = [
            doc
            for doc, who in study.coverage.items()
            if annotator in who and doc in study.gold_documents
        ]
        if documents:
            found[annotator] = score_documents(gold, grouped[annotator], documents, labels)
    return found


__all__ = ["semeval_agreement"]
