"""Stance agreement: one item per (document, holder, target) whose value is the
polarity; Cohen's kappa, Krippendorff's alpha (nominal) and percent agreement per
pair, Fleiss' kappa, alpha and percent agreement for all annotators, alpha and
percent agreement per target, percent agreement per document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial

from core.review.agreement.coefficients import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from core.review.agreement.errors import AgreementUndefined
from core.review.agreement.intervals import bennett_s, conger_kappa, estimate
from core.review.agreement.results import TOO_FEW, Figure, MeasureResult, pairable
from core.review.agreement.study import StanceKey, Study
from models.messages import Message


def stance_items(study: Study) -> tuple[list[StanceKey], list[tuple[str | None, ...]]]:
    """``(keys, rows)``: every (document, holder, target) item and its polarity per
    annotator (in `study.annotators` order, None when missing), sorted by key."""
    everyone = study.annotator_ids
    keys = sorted({key for a in everyone for key in study.stances[a]}, key=_stance_sort_key)
    rows = [
        tuple(
            item.polarity if (item := study.stances[a].get(key)) is not None else None
            for a in everyone
        )
        for key in keys
    ]
    return keys, rows


def _stance_sort_key(key: StanceKey) -> tuple[int, bool, str, str]:
    doc, holder, target = key
    return (doc, holder != "author", repr(holder), repr(target))


# (result name, coefficient) per pair, for all annotators and per target; the
# coefficient's name is also the one its confidence interval is estimated for
PAIR_MEASURES = (
    ("stances.cohen_kappa", "cohen"),
    ("stances.krippendorff_alpha", "krippendorff"),
    ("stances.percent_agreement", "percent"),
    ("stances.bennett_s", "bennett"),
    ("stances.conger_kappa", "conger"),
)
OVERALL_MEASURES = (
    ("stances.cohen_kappa", "fleiss"),
    *PAIR_MEASURES[1:],
)
TARGET_MEASURES = (
    ("stances.krippendorff_alpha", "krippendorff"),
    ("stances.percent_agreement", "percent"),
    ("stances.bennett_s", "bennett"),
)

Rows = Sequence[Sequence[str | None]]


def stance_agreement(study: Study) -> dict[str, MeasureResult]:
    """Every stance measure: per pair of annotators, for all of them, per target (alpha,
    percent agreement, Bennett's S) and per document (percent agreement)."""
    everyone = study.annotator_ids
    categories = study.polarities
    keys, rows = stance_items(study)
    results = {name: MeasureResult() for name, _coefficient in PAIR_MEASURES}
    index = {a: i for i, a in enumerate(everyone)}
    for a, b in study.compared_pairs():
        i, j = index[a], index[b]
        pair_rows = [(r[i], r[j]) for r in rows]
        both = sum(1 for x, y in pair_rows if x is not None and y is not None)
        for name, coefficient in PAIR_MEASURES:
            results[name].pairs[(a, b)] = _figure(coefficient, pair_rows, categories, both)
    for name, coefficient in OVERALL_MEASURES:
        results[name].overall = (
            Figure.none(TOO_FEW)
            if len(everyone) < 2
            else _figure(coefficient, rows, categories, pairable(rows))
        )
    by_target, by_doc = _rows_by_target_and_document(study, keys, rows)
    for target, target_rows in by_target.items():
        for name, coefficient in TARGET_MEASURES:
            results[name].by_label[target] = _figure(
                coefficient, target_rows, categories, pairable(target_rows)
            )
    agree = results["stances.percent_agreement"]
    for doc in study.documents:
        doc_rows = by_doc.get(doc, [])
        agree.by_document[doc] = Figure.of(partial(_percent, doc_rows), pairable(doc_rows))
    return results


def _figure(coefficient: str, rows: Rows, categories: Sequence[str], support: int) -> Figure:
    """One coefficient over `rows`, with its standard error and confidence interval."""
    compute: dict[str, Callable[[], float]] = {
        "cohen": partial(cohen_kappa, rows, categories=categories),
        "fleiss": partial(fleiss_kappa, rows, categories=categories),
        "krippendorff": partial(krippendorff_alpha, rows, categories=categories),
        "percent": partial(_percent, rows),
        "bennett": partial(bennett_s, rows, categories),
        "conger": partial(conger_kappa, rows, categories),
    }
    return Figure.of(compute[coefficient], support).with_estimate(
        partial(estimate, rows, coefficient, None, categories)
    )


def _rows_by_target_and_document(
    study: Study, keys: list[StanceKey], rows: list[tuple[str | None, ...]]
) -> tuple[dict[str, list[tuple[str | None, ...]]], dict[int, list[tuple[str | None, ...]]]]:
    """The items' rows by stance target (the schema's targets first, then entity
    targets in order) and by document."""
    by_target: defaultdict[str, list[tuple[str | None, ...]]] = defaultdict(list)
    by_doc: defaultdict[int, list[tuple[str | None, ...]]] = defaultdict(list)
    for key, row in zip(keys, rows, strict=True):
        doc, _holder, target = key
        by_doc[doc].append(row)
        if target[0] == "label":
            by_target[target[1]].append(row)
        else:
            by_target[f"entity:{target[3]}"].append(row)
    target_order = [*study.stance_targets, *sorted(k for k in by_target if k.startswith("entity:"))]
    ordered = {name: by_target[name] for name in target_order if name in by_target}
    return ordered, by_doc


def _percent(rows: Rows) -> float:
    if not pairable(rows):
        raise AgreementUndefined(Message("no stance was given by two annotators"))
    return percent_agreement(rows)


__all__ = ["stance_agreement", "stance_items"]
