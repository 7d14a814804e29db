"""Token kappa: each annotator's entity spans projected onto tokens as BIO tags,
Cohen's kappa per pair and Fleiss' kappa for all annotators (an annotator without a
set for the document is a missing value). Tokens in excluded text are left out.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from functools import partial

from core.project.progress import Progress, report_progress
from core.review.agreement.coefficients import cohen_kappa, fleiss_kappa
from core.review.agreement.results import TOO_FEW, Figure, MeasureResult, pairable
from core.review.agreement.study import Study

OUTSIDE = "O"


def bio_tags(
    token_starts: list[int],
    token_ends: list[int],
    spans: Iterable[tuple[int, int, str]],
) -> list[str]:
    """BIO tags of tokens for possibly nested spans: the longest span covering a
    token wins (then the earlier one); a span tags every token it overlaps, the
    first of them B-, the rest I-."""
    tags = [OUTSIDE] * len(token_starts)
    for start, end, label in sorted(spans, key=lambda s: (s[0] - s[1], s[0], s[2])):
        first = bisect_right(token_ends, start)  # first token ending after `start`
        stop = bisect_left(token_starts, end)  # tokens starting before `end`
        prefix = "B-"
        for i in range(first, stop):
            if tags[i] is OUTSIDE:
                tags[i] = prefix + label
                prefix = "I-"
            else:
                prefix = "B-"  # a new piece after a token taken by a longer span
    return tags


def token_kappa(
    study: Study, texts: dict[int, str], progress: Progress | None = None
) -> MeasureResult:
    """Token-level kappa over BIO tags (module doc); `progress` is told every few
    hundred documents, and returning False raises `Cancelled`."""
    from core.text.tokens import tokenize

    result = MeasureResult()
    everyone = study.annotator_ids
    categories = [OUTSIDE] + [f"{p}{label}" for label in study.entity_labels for p in ("B-", "I-")]
    by_doc: dict[int, defaultdict[int, list[tuple[int, int, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    keys = study.label_keys
    for annotator in everyone:
        for doc, start, end, label_id in study.spans[annotator]:
            by_doc[doc][annotator].append((start, end, keys[label_id]))
    rows: list[tuple[str | None, ...]] = []
    total = len(study.coverage)
    for number, (doc, who) in enumerate(study.coverage.items()):
        if number % 250 == 0:
            report_progress(progress, number, total, "Token kappa")
        text = texts[doc]
        tokens = tokenize(text)
        excluded = study.excluded.get(doc)
        if excluded:
            tokens = [t for t in tokens if not _in_ranges(excluded, t.start, t.end)]
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        columns = [
            bio_tags(starts, ends, by_doc[doc].get(a, ())) if a in who else [None] * len(tokens)
            for a in everyone
        ]
        rows.extend(zip(*columns, strict=True))
    index = {a: i for i, a in enumerate(everyone)}
    for a, b in study.compared_pairs():
        i, j = index[a], index[b]
        pair_rows = [(r[i], r[j]) for r in rows if r[i] is not None and r[j] is not None]
        result.pairs[(a, b)] = Figure.of(
            partial(cohen_kappa, pair_rows, categories=categories), len(pair_rows)
        )
    rated = pairable(rows)
    result.overall = (
        Figure.of(lambda: fleiss_kappa(rows, categories=categories), rated)
        if len(everyone) >= 2
        else Figure.none(TOO_FEW)
    )
    return result


def _in_ranges(ranges: list[tuple[int, int]] | None, start: int, end: int) -> bool:
    if not ranges:
        return False
    return any(s < end and start < e for s, e in ranges)


__all__ = ["OUTSIDE", "bio_tags", "token_kappa"]
