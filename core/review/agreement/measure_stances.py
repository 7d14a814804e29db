"""Stance agreement: one item per (document, holder, target) whose value is the
polarity; Cohen's kappa, Krippendorff's alpha (nominal) and percent agreement per
pair, Fleiss' kappa, alpha and percent agreement for all annotators, alpha and
percent agreement per target, percent agreement per document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
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


def stance_agreement(study: Study) -> dict[str, MeasureResult]:
    everyone = study.annotator_ids
    categories = study.polarities
    keys, rows = stance_items(study)
    kappa, alpha, agree = MeasureResult(), MeasureResult(), MeasureResult()
    bennett, conger = MeasureResult(), MeasureResult()
    index = {a: i for i, a in enumerate(everyone)}

    def with_ci(figure: Figure, rows: Sequence[Sequence[str | None]], name: str) -> Figure:
        return figure.with_estimate(partial(estimate, rows, name, None, categories))

    for a, b in study.compared_pairs():
        i, j = index[a], index[b]
        pair_rows = [(r[i], r[j]) for r in rows]
        both = sum(1 for x, y in pair_rows if x is not None and y is not None)
        kappa.pairs[(a, b)] = with_ci(
            Figure.of(partial(cohen_kappa, pair_rows, categories=categories), both),
            pair_rows,
            "cohen",
        )
        alpha.pairs[(a, b)] = with_ci(
            Figure.of(partial(krippendorff_alpha, pair_rows, categories=categories), both),
            pair_rows,
            "krippendorff",
        )
        agree.pairs[(a, b)] = with_ci(
            Figure.of(partial(_percent, pair_rows), both), pair_rows, "percent"
        )
        bennett.pairs[(a, b)] = with_ci(
            Figure.of(partial(bennett_s, pair_rows, categories), both), pair_rows, "bennett"
        )
        conger.pairs[(a, b)] = with_ci(
            Figure.of(partial(conger_kappa, pair_rows, categories), both), pair_rows, "conger"
        )
    if len(everyone) < 2:
        for result in (kappa, alpha, agree, bennett, conger):
            result.overall = Figure.none(TOO_FEW)
    else:
        support = pairable(rows)
        kappa.overall = with_ci(
            Figure.of(lambda: fleiss_kappa(rows, categories=categories), support), rows, "fleiss"
        )
        alpha.overall = with_ci(
            Figure.of(lambda: krippendorff_alpha(rows, categories=categories), support),
            rows,
            "krippendorff",
        )
        agree.overall = with_ci(Figure.of(lambda: _percent(rows), support), rows, "percent")
        bennett.overall = with_ci(
            Figure.of(lambda: bennett_s(rows, categories), support), rows, "bennett"
        )
        conger.overall = with_ci(
            Figure.of(lambda: conger_kappa(rows, categories), support), rows, "conger"
        )
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
    for name in target_order:
        if name not in by_target:
            continue
        target_rows = by_target[name]
        support = pairable(target_rows)
        alpha.by_label[name] = with_ci(
            Figure.of(partial(krippendorff_alpha, target_rows, categories=categories), support),
            target_rows,
            "krippendorff",
        )
        agree.by_label[name] = with_ci(
            Figure.of(partial(_percent, target_rows), support), target_rows, "percent"
        )
        bennett.by_label[name] = with_ci(
            Figure.of(partial(bennett_s, target_rows, categories), support),
            target_rows,
            "bennett",
        )
    for doc in study.documents:
        doc_rows = by_doc.get(doc, [])
        agree.by_document[doc] = Figure.of(partial(_percent, doc_rows), pairable(doc_rows))
    return {
        "stances.cohen_kappa": kappa,
        "stances.krippendorff_alpha": alpha,
        "stances.percent_agreement": agree,
        "stances.bennett_s": bennett,
        "stances.conger_kappa": conger,
    }


def _percent(rows: Sequence[tuple[str | None, ...]]) -> float:
    if not pairable(rows):
        raise AgreementUndefined("no stance was given by two annotators")
    return percent_agreement(rows)


__all__ = ["stance_agreement", "stance_items"]
