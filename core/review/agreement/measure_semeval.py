"""SemEval-2013 span scoring of entity spans (`core.review.agreement.semeval`): strict,
exact, partial and type, per pair of annotators on the documents both finished, each
annotator against the gold set on the compared documents that have one, pooled over
pairs for the overall, per-label and per-document figures (summed counts), with
bootstrap intervals over documents like the other span figures.

The first annotator of a pair (by name) is the reference and the second the
prediction, as for span F1; against gold, gold is the reference.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from core.review.agreement.intervals import bootstrap_sums
from core.review.agreement.results import TOO_FEW, Figure, MeasureResult
from core.review.agreement.semeval import (
    SCHEMAS,
    Schema,
    SemEvalCounts,
    SemEvalResult,
    figures_of,
    semeval_scores,
)
from core.review.agreement.study import Study

Counts = list[int]  # 20 numbers: COR, INC, PAR, MIS, SPU for each schema in SCHEMAS order


def _add(into: dict[str, Counts], key: str, counts: Sequence[int]) -> None:
    cell = into.setdefault(key, [0] * 20)
    for i, n in enumerate(counts):
        cell[i] += n


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
    documents = list(study.documents)
    row_of = {doc: i for i, doc in enumerate(documents)}
    names = list(per_document)
    rows = [[0] * (20 * len(names)) for _ in documents]
    for n, name in enumerate(names):
        for doc, counts in per_document[name].items():
            row = rows[row_of[doc]]
            for i, count in enumerate(counts):
                row[20 * n + i] += count
    statistics = {
        f"{schema}:{name}": _statistic(schema, 20 * n + 5 * s)
        for n, name in enumerate(names)
        for s, schema in enumerate(SCHEMAS)
    }
    return bootstrap_sums(rows, statistics)


def _pair_scores(study: Study, a: int, b: int) -> SemEvalResult[int, str]:
    keys = study.label_keys
    shared = study.shared_documents((a, b))
    wanted = set(shared)
    return semeval_scores(
        [(d, s, e, keys[x]) for d, s, e, x in study.spans[a] if d in wanted],
        [(d, s, e, keys[x]) for d, s, e, x in study.spans[b] if d in wanted],
        documents=shared,
    )


def semeval_agreement(study: Study) -> dict[str, MeasureResult]:
    """`entities.semeval_<schema>` for each schema (see the module doc)."""
    results = {schema: MeasureResult() for schema in SCHEMAS}
    labels = study.entity_labels
    pooled: Counts = [0] * 20
    pooled_label: dict[str, Counts] = {}
    pooled_doc: dict[int, Counts] = {}
    # per figure, its counts per document, for the bootstrap
    per_document: dict[str, Mapping[int, Sequence[int]]] = {"overall": {}}
    label_docs: dict[str, dict[int, Counts]] = {}
    pairs = study.compared_pairs()
    for a, b in pairs:
        scores = _pair_scores(study, a, b)
        name = f"pair:{a}:{b}"
        per_document[name] = scores.document_totals
        for schema in SCHEMAS:
            result = results[schema]
            result.pairs[(a, b)] = _figure(schema, scores.totals)
            result.pair_by_label[(a, b)] = {
                label: _figure(schema, scores.label_totals[label])
                for label in labels
                if label in scores.label_totals
            }
        for i, n in enumerate(scores.totals):
            pooled[i] += n
        for label, counts in scores.label_totals.items():
            _add(pooled_label, label, counts)
        for doc, counts in scores.document_totals.items():
            cell = pooled_doc.setdefault(doc, [0] * 20)
            for i, n in enumerate(counts):
                cell[i] += n
        for (doc, label), counts in scores.document_label_totals.items():
            cell = label_docs.setdefault(label, {}).setdefault(doc, [0] * 20)
            for i, n in enumerate(counts):
                cell[i] += n
    per_document["overall"] = pooled_doc
    per_document.update({f"label:{label}": docs for label, docs in label_docs.items()})
    gold = _versus_gold(study)
    for annotator, scores in gold.items():
        per_document[f"gold:{annotator}"] = scores.document_totals
    intervals = _intervals(study, per_document) if pairs or gold else {}

    def attach(schema: Schema, figure: Figure, name: str) -> Figure:
        se, low, high = intervals.get(f"{schema}:{name}", (None, None, None))
        return figure.with_interval(se, low, high, "bootstrap")

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
            for label in labels
            if label in pooled_label
        }
        result.by_document = {
            doc: _figure(schema, pooled_doc[doc])
            if doc in pooled_doc
            else Figure.none("no spans to compare")
            for doc in study.documents
        }
        result.versus_gold = {
            annotator: attach(schema, _figure(schema, scores.totals), f"gold:{annotator}")
            for annotator, scores in gold.items()
        }
    return {f"entities.semeval_{schema}": results[schema] for schema in SCHEMAS}


def _versus_gold(study: Study) -> dict[int, SemEvalResult[int, str]]:
    """Each annotator (the prediction) against the gold set (the reference), on the
    compared documents where both have a set."""
    if not study.gold_documents:
        return {}
    keys = study.label_keys
    gold = [(d, s, e, keys[x]) for d, s, e, x in study.gold_spans]
    found = {}
    for annotator in study.annotator_ids:
        documents = [
            doc
            for doc, who in study.coverage.items()
            if annotator in who and doc in study.gold_documents
        ]
        if documents:
            wanted = set(documents)
            found[annotator] = semeval_scores(
                [span for span in gold if span[0] in wanted],
                [(d, s, e, keys[x]) for d, s, e, x in study.spans[annotator] if d in wanted],
                documents=documents,
            )
    return found


__all__ = ["semeval_agreement"]
