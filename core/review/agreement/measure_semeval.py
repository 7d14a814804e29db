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
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

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


class _DocumentCounts:
    """Per named figure (a pair, the pooled one, a label, an annotator against gold),
    its 20 counts in each compared document: one documents x 20 array each, filled a
    comparison at a time, so a comparison's counts per document are dropped once added."""

    def __init__(self, documents: Iterable[int]):

        self.row_of = {doc: i for i, doc in enumerate(documents)}
        self.arrays: dict[str, npt.NDArray[np.int64]] = {}

    def array(self, name: str) -> npt.NDArray[np.int64]:
        import numpy as np

        found = self.arrays.get(name)
        if found is None:
            found = self.arrays[name] = np.zeros((len(self.row_of), 20), dtype=np.int64)
        return found

    def add(self, name: str, by_document: Mapping[int, Sequence[int]]) -> None:
        import numpy as np

        if by_document:
            rows = [self.row_of[doc] for doc in by_document]
            self.array(name)[rows] += np.array(list(by_document.values()), dtype=np.int64)

    def add_labels(self, by_document_label: Mapping[tuple[int, str], Sequence[int]]) -> None:
        """Counts per (document, label) into each label's `label:LABEL` array."""
        import numpy as np

        by_label: dict[str, tuple[list[int], list[Sequence[int]]]] = {}
        for (doc, label), counts in by_document_label.items():
            rows, values = by_label.setdefault(label, ([], []))
            rows.append(self.row_of[doc])
            values.append(counts)
        for label, (rows, values) in by_label.items():
            self.array(f"label:{label}")[rows] += np.array(values, dtype=np.int64)

    def intervals(self) -> dict[str, tuple[float | None, float | None, float | None]]:
        """Bootstrap (over the compared documents) of every named figure's F1 under each
        schema."""
        import numpy as np

        names = list(self.arrays)
        # whole numbers: the sums are exact in floating point
        matrix = np.hstack([self.arrays[name] for name in names]).astype(np.float64)
        statistics = {
            f"{schema}:{name}": _statistic(schema, 20 * n + 5 * s)
            for n, name in enumerate(names)
            for s, schema in enumerate(SCHEMAS)
        }
        return bootstrap_sums(matrix, statistics)


Grouped = dict[int, list[tuple[int, int, int]]]  # doc -> sorted (start, end, label number)


def _grouped(spans: Iterable[tuple[int, int, int, int]], number: dict[int, int]) -> Grouped:
    found: Grouped = {}
    for doc, start, end, label_id in spans:
        found.setdefault(doc, []).append((start, end, number[label_id]))
    for items in found.values():
        items.sort()
    return found


def semeval_agreement(study: Study) -> dict[str, MeasureResult]:
    """`entities.semeval_<schema>` for each schema (see the module doc)."""
    keys = study.label_keys
    labels = label_order(keys.values())
    number = {label_id: labels.index(key) for label_id, key in keys.items()}
    grouped = {a: _grouped(study.spans[a], number) for a in study.annotator_ids}
    results = {schema: MeasureResult() for schema in SCHEMAS}
    counts = _DocumentCounts(study.documents)
    compared: set[int] = set()  # documents some pair compares
    seen_labels: set[str] = set()
    pairs = study.compared_pairs()
    for a, b in pairs:
        shared = study.shared_documents((a, b))
        scores = score_documents(grouped[a], grouped[b], shared, labels)
        compared.update(shared)
        counts.add(f"pair:{a}:{b}", scores.document_totals)
        counts.add_labels(scores.document_label_totals)
        seen_labels.update(scores.label_totals)
        for schema in SCHEMAS:
            results[schema].pairs[(a, b)] = _figure(schema, scores.totals)
            results[schema].pair_by_label[(a, b)] = {
                label: _figure(schema, scores.label_totals[label])
                for label in study.entity_labels
                if label in scores.label_totals
            }
    by_document = counts.array("overall")  # pooled over the pairs
    for a, b in pairs:
        by_document += counts.arrays[f"pair:{a}:{b}"]
    gold = _versus_gold(study, grouped, number, labels)
    for annotator, scores in gold.items():
        counts.add(f"gold:{annotator}", scores.document_totals)
    intervals = counts.intervals() if pairs or gold else {}

    def attach(schema: Schema, figure: Figure, name: str) -> Figure:
        se, low, high = intervals.get(f"{schema}:{name}", (None, None, None))
        return figure.with_interval(se, low, high, "bootstrap")

    pooled = by_document.sum(axis=0).tolist()
    pooled_label = {
        label: counts.arrays[f"label:{label}"].sum(axis=0).tolist() for label in seen_labels
    }
    document_rows = {doc: by_document[counts.row_of[doc]].tolist() for doc in compared}
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
            doc: _figure(schema, document_rows[doc])
            if doc in document_rows
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
