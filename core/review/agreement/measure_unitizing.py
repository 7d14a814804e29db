"""Unitizing alpha over a project: each annotator's entity spans laid end to end on
one continuum (documents ordered by id, text left out removed), for all annotators
together on the documents all of them finished and for every pair on the documents
both finished. The coefficient is `core.review.agreement.unitizing`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import accumulate, compress, groupby
from operator import add, itemgetter

from core.review.agreement.results import TOO_FEW, Figure, MeasureResult
from core.review.agreement.study import Study
from core.review.agreement.unitizing import (
    UnitizingDisagreement,
    pairwise_unitizing_disagreement,
    unitizing_disagreement,
)
from models.messages import Message

Tracks = dict[tuple[int, int], tuple[list[int], list[int]]]  # (annotator, label id)


def continuum(study: Study, annotators: list[int], docs: list[int]) -> tuple[Tracks, int]:
    """Spans of `annotators` on `docs` laid end to end, text left out removed.

    Returns ``(tracks, length)``: ``tracks[(annotator, label)] = (starts, ends)``
    on ``[0, length)``, the form `pairwise_unitizing_disagreement` takes without
    a pass over every unit in Python. Spans overlapping excluded text were
    dropped when loading, so every span lies in kept text and moves left by the
    excluded text before it.
    """
    base: dict[int, int] = {}
    shifts: dict[int, tuple[list[int], list[int]]] = {}
    position = 0
    for doc in docs:
        base[doc] = position
        ranges = study.excluded.get(doc)
        if ranges:
            ends = [end for _, end in ranges]
            cumulative = list(accumulate(end - start for start, end in ranges))
            shifts[doc] = (ends, cumulative)
        position += study.documents[doc].length - study.excluded_length(doc)
    every_document = len(base) == len(study.documents)

    def offset(doc: int, start: int) -> int:
        ends, cumulative = shifts[doc]
        i = bisect_right(ends, start) - 1
        return base[doc] - (cumulative[i] if i >= 0 else 0)

    tracks: Tracks = {}
    for annotator in annotators:
        # the study keeps spans ordered by label, so each label is one run
        for label_id, run in groupby(study.spans[annotator], key=_label_of):
            rows = list(run)
            if not every_document:
                rows = list(compress(rows, map(base.__contains__, map(_doc_of, rows))))
            if not rows:
                continue
            if shifts:
                offsets = [
                    offset(doc, start) if doc in shifts else base[doc]
                    for doc, start, _end, _label in rows
                ]
            else:
                offsets = list(map(base.__getitem__, map(_doc_of, rows)))
            starts = list(map(add, map(_start_of, rows), offsets))
            ends = list(map(add, map(_end_of, rows), offsets))
            if (annotator, label_id) in tracks:  # a study whose spans are not in label runs
                tracks[(annotator, label_id)][0].extend(starts)
                tracks[(annotator, label_id)][1].extend(ends)
            else:
                tracks[(annotator, label_id)] = (starts, ends)
    return tracks, position


_doc_of = itemgetter(0)
_start_of = itemgetter(1)
_end_of = itemgetter(2)
NO_SPANS = Message("no spans to compare")
_label_of = itemgetter(3)


def _alpha_figure(found: dict[int, UnitizingDisagreement], units: int, documents: int) -> Figure:
    """Overall unitizing alpha from per-label disagreements (DKPro's aggregate)."""
    if not found:
        return Figure.none(NO_SPANS)
    observed = sum(d.observed for d in found.values())
    expected = sum(d.expected for d in found.values())
    if not expected:
        return Figure.none(Message("no variation"))
    return Figure(1 - observed / expected, units, None, (("documents", documents),))


def _label_figures(
    found: dict[int, UnitizingDisagreement], sizes: Counter[int], study: Study
) -> dict[str, Figure]:
    """Per-label alpha, keyed by label key; `found` and `sizes` are keyed by label id."""
    figures = {}
    for label in study.entity_labels:
        label_id = study.label_ids[label]
        if label_id not in found:
            continue
        d = found[label_id]
        figures[label] = (
            Figure(1 - d.observed / d.expected, sizes[label_id])
            if d.expected
            else Figure.none(Message("no variation for label {label}", label=label))
        )
    return figures


def unitizing(study: Study) -> MeasureResult:
    """Unitizing alpha for all annotators together (on the documents all of them
    finished) and for every pair (on the documents both finished)."""
    result = MeasureResult()
    everyone = study.annotator_ids
    if len(everyone) < 2:
        result.overall = Figure.none(TOO_FEW)
        return result
    shared = study.shared_documents(everyone)
    pairs = study.compared_pairs()
    separate = [pair for pair in pairs if study.shared_documents(pair) != shared]
    if not shared:
        result.overall = Figure.none(Message("no document was finished by all of these annotators"))
    else:
        tracks, length = continuum(study, everyone, shared)
        if not tracks:
            result.overall = Figure.none(NO_SPANS)
        else:
            overall, by_pair = pairwise_unitizing_disagreement(
                tracks, 0, length, coders=everyone, overlap="drop"
            )
            sizes = Counter({key: len(starts) for key, (starts, _ends) in tracks.items()})
            label_ids = list(study.label_ids.values())

            def sizes_of(*who: int) -> Counter[int]:
                return Counter({i: sum(sizes[(a, i)] for a in who) for i in label_ids})

            result.overall = _alpha_figure(overall, sizes.total(), len(shared))
            result.by_label = _label_figures(overall, sizes_of(*everyone), study)
            for (a, b), found in by_pair.items():
                if (a, b) in separate:
                    continue
                pair_sizes = sizes_of(a, b)
                result.pairs[(a, b)] = _alpha_figure(found, pair_sizes.total(), len(shared))
                result.pair_by_label[(a, b)] = _label_figures(found, pair_sizes, study)
    for a, b in separate:  # pairs whose shared documents differ from everyone's
        docs = study.shared_documents((a, b))
        tracks, length = continuum(study, [a, b], docs)
        if not tracks:
            result.pairs[(a, b)] = Figure.none(NO_SPANS)
            continue
        found = unitizing_disagreement(tracks, 0, length, coders=[a, b], overlap="drop")
        label_sizes: Counter[int] = Counter()
        for (_annotator, label), (starts, _ends) in tracks.items():
            label_sizes[label] += len(starts)
        result.pairs[(a, b)] = _alpha_figure(found, label_sizes.total(), len(docs))
        result.pair_by_label[(a, b)] = _label_figures(found, label_sizes, study)
    return result


__all__ = ["Tracks", "continuum", "unitizing"]
