"""Unitizing alpha over a project: each annotator's entity spans laid end to end on
one continuum (documents ordered by id, text left out removed), for all annotators
together on the documents all of them finished and for every pair on the documents
both finished. The coefficient is `core.review.agreement.unitizing`.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import numpy.typing as npt

from core.review.agreement.results import TOO_FEW, Figure, MeasureResult
from core.review.agreement.study import Study
from core.review.agreement.unitizing import (
    UnitizingDisagreement,
    pairwise_unitizing_disagreement,
    unitizing_disagreement,
)
from models.messages import Message

IntArray = npt.NDArray[np.int64]
Tracks = dict[tuple[int, int], tuple[IntArray, IntArray]]  # (annotator, label id)


def continuum(study: Study, annotators: list[int], docs: list[int]) -> tuple[Tracks, int]:
    """Spans of `annotators` on `docs` laid end to end, text left out removed.

    Returns ``(tracks, length)``: ``tracks[(annotator, label)] = (starts, ends)``
    on ``[0, length)``, the form `pairwise_unitizing_disagreement` takes without
    a pass over every unit in Python. Spans overlapping excluded text were
    dropped when loading, so every span lies in kept text and moves left by the
    excluded text before it.
    """
    wanted = np.array(docs, dtype=np.int64)
    lengths = np.array([study.documents[doc].length for doc in docs], dtype=np.int64)
    # where each document starts with nothing left out, and the text left out in order
    whole = np.cumsum(lengths) - lengths
    left_out = [
        (at + start, at + end)
        for doc, at in zip(docs, whole.tolist(), strict=True)
        for start, end in study.excluded.get(doc, ())
    ]
    left_out_ends = np.array([end for _, end in left_out], dtype=np.int64)
    removed = np.cumsum([0] + [end - start for start, end in left_out], dtype=np.int64)
    place = np.full(int(wanted.max(initial=0)) + 1, -1, dtype=np.int64)
    place[wanted] = whole
    tracks: Tracks = {}
    for annotator in annotators:
        spans = study.spans[annotator]
        doc = spans.doc
        known = doc < len(place)
        at = np.where(known, place[np.where(known, doc, 0)], -1)
        kept = at >= 0
        at, labels = at[kept], spans.label[kept]
        starts, ends = spans.start[kept] + at, spans.end[kept] + at
        # each span moves left by the text left out before it
        shift = removed[np.searchsorted(left_out_ends, starts, side="right")]
        starts -= shift
        ends -= shift
        # the study keeps spans ordered by label: each label is one run
        found, firsts = np.unique(labels, return_index=True)
        stops = np.append(firsts[1:], len(labels)) if len(labels) else firsts
        for label_id, i, j in zip(found.tolist(), firsts.tolist(), stops.tolist(), strict=True):
            tracks[(annotator, label_id)] = (starts[i:j], ends[i:j])
    return tracks, int(lengths.sum()) - int(removed[-1])


NO_SPANS = Message("no spans to compare")


def _alpha_figure(found: dict[int, UnitizingDisagreement], units: int, documents: int) -> Figure:
    """Overall unitizing alpha from per-label disagreements (DKPro's aggregate)."""
    if not found:
        return Figure.none(NO_SPANS)
    observed = sum(d.observed for d in found.values())
    expected = sum(d.expected for d in found.values())
    if not expected:
        return Figure.none(Message("no variation"))
    return Figure(1 - observed / expected, units, None, (documents,), ("documents",))


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
