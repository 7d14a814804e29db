"""Span-level precision, recall and F1 between two annotations.

``a`` is the reference and ``b`` the prediction (or: the first and second
annotator). Spans are ``(doc, start, end, label)`` with integer offsets,
``start < end``; ``doc`` and ``label`` are any hashable values.

Matching is one-to-one: each span is matched at most once, so duplicated
spans count once per copy.

* ``match="exact"``: same doc, start, end and label.
* ``match="overlap"``: same doc and label and the half-open ranges
  ``[start, end)`` share at least one position. Within each (doc, label),
  candidate pairs are taken greedily by largest overlap; ties go to the pair
  whose boundaries differ least (``|start_a - start_b| + |end_a - end_b|``),
  then to the earlier pair by position. A pair is kept when neither span is
  matched yet. The rule is deterministic and does not depend on input order.
  It is not a maximum matching: in rare chains a different choice could match
  one pair more.

``precision = tp / |b|``, ``recall = tp / |a|``, ``f1 = 2 tp / (|a| + |b|)``
(the harmonic mean). When one side is empty its ratio is 0.0 (precision 0.0
when ``b`` is empty, recall 0.0 when ``a`` is); when both are empty the two
annotations agree vacuously and all three are 1.0.

:func:`span_f1` and friends group two annotations by (doc, label) and pair
them group by group, the quickest way for one annotation against another.
:class:`~core.review.agreement.span_index.SpanIndex` holds several coders'
spans, validated once, for comparing many pairs over many small documents (a
project): identical spans are paired by merging sorted arrays over all documents
at once, and only the spans left over are grouped by (doc, label) for overlap
matching. Both use the same greedy matching; the tests check them against each
other and against a brute force.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from fractions import Fraction
from heapq import heappop, heappush
from itertools import filterfalse, islice
from operator import itemgetter, le, lt
from typing import NoReturn

from .inputs import is_int, listed

__all__ = [
    "MATCH_MODES",
    "SpanF1",
    "span_f1",
    "span_f1_by_label",
    "span_f1_counts",
]

MATCH_MODES = ("exact", "overlap")

Span = tuple[Hashable, int, int, Hashable]
Key = tuple[Hashable, Hashable]  # (doc, label)
_first = itemgetter(0)
_second = itemgetter(1)


@dataclass(frozen=True)
class SpanF1:
    """Precision, recall and F1 of ``b`` against ``a``, with the counts.

    ``a_only`` are the false negatives (reference spans not matched) and
    ``b_only`` the false positives (predicted spans not matched).
    """

    precision: float
    recall: float
    f1: float
    true_positives: int
    a_only: int
    b_only: int

    @property
    def n_a(self) -> int:
        return self.true_positives + self.a_only

    @property
    def n_b(self) -> int:
        return self.true_positives + self.b_only

    @classmethod
    def from_counts(cls, true_positives: int, n_a: int, n_b: int) -> SpanF1:
        """Build the result from ``tp``, ``|a|`` and ``|b|`` (conventions in the module doc)."""
        if not 0 <= true_positives <= min(n_a, n_b):
            raise ValueError(f"need 0 <= tp <= min(|a|, |b|), got {true_positives}, {n_a}, {n_b}")
        if n_a == 0 and n_b == 0:
            return cls(1.0, 1.0, 1.0, 0, 0, 0)
        precision = float(Fraction(true_positives, n_b)) if n_b else 0.0
        recall = float(Fraction(true_positives, n_a)) if n_a else 0.0
        f1 = float(Fraction(2 * true_positives, n_a + n_b))
        a_only = n_a - true_positives
        b_only = n_b - true_positives
        return cls(precision, recall, f1, true_positives, a_only, b_only)


def diagnose_spans(items: Sequence[Iterable[object]], side: str) -> NoReturn:
    """Raise a ``ValueError`` naming the first bad span (slow path, errors only)."""
    for index, item in enumerate(items):
        try:
            doc, start, end, label = item
        except (TypeError, ValueError):
            raise ValueError(
                f"{side}[{index}] is {item!r}; expected a (doc, start, end, label) tuple"
            ) from None
        if not (is_int(start) and is_int(end)):
            raise ValueError(f"{side}[{index}]: start and end must be integers: {item!r}")
        if start >= end:
            raise ValueError(f"{side}[{index}]: need start < end, got {item!r}")
        try:
            hash((doc, label))
        except TypeError:
            raise ValueError(f"{side}[{index}]: doc and label must be hashable: {item!r}") from None
    raise ValueError(f"invalid spans in {side}")  # pragma: no cover


def check_match(match: str) -> None:
    if match not in MATCH_MODES:
        raise ValueError(f"unknown match {match!r}; use 'exact' or 'overlap'")


def greedy_overlap(rest_a: list[tuple[int, int]], rest_b: list[tuple[int, int]]) -> int:
    """Greedy one-to-one matching of overlapping spans of one (doc, label) (rule in
    the module doc), identical pairs already taken out.

    Taking identical pairs first is what the greedy rule does anyway: such a pair
    has the largest overlap either span can have and distance 0; the rest keeps
    its relative order.
    """
    rest_a = sorted(rest_a)
    rest_b = sorted(rest_b)
    if _disjoint(rest_a) and _disjoint(rest_b):
        candidates = _overlapping_pairs_of_disjoint(rest_a, rest_b)
    else:
        candidates = _overlapping_pairs(rest_a, rest_b)
    # i and j index the sorted spans, so ties resolve by position, not input order
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    return len(used_a)


def _disjoint(spans: list[tuple[int, int]]) -> bool:
    """Whether sorted spans do not overlap each other."""
    return all(map(le, map(_second, spans), map(_first, islice(spans, 1, None))))


Candidate = tuple[int, int, int, int]  # (-overlap, boundary distance, index in a, index in b)


def _overlapping_pairs_of_disjoint(
    a: list[tuple[int, int]], b: list[tuple[int, int]]
) -> list[Candidate]:
    """Overlapping pairs of two sorted lists of disjoint spans, by one merge pass."""
    candidates = []
    i = j = 0
    n_a, n_b = len(a), len(b)
    while i < n_a and j < n_b:
        s1, e1 = a[i]
        s2, e2 = b[j]
        if s1 < e2 and s2 < e1:
            shared = (e1 if e1 < e2 else e2) - (s1 if s1 > s2 else s2)
            candidates.append((-shared, abs(s1 - s2) + abs(e1 - e2), i, j))
        if e1 <= e2:
            i += 1
        if e2 <= e1:
            j += 1
    return candidates


def _overlapping_pairs(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[Candidate]:
    """Overlapping pairs of two sorted lists of spans that may overlap among themselves.

    Sweep over the starts of both sides in order: a span starting at p overlaps every
    span of the other side that started before it (or at p) and ends after p; spans
    that only touch ([x, p) and [p, y)) do not overlap.
    """
    spans = (a, b)
    starts = [(start, 0, i) for i, (start, _) in enumerate(a)]
    starts += [(start, 1, j) for j, (start, _) in enumerate(b)]
    starts.sort()  # two sorted runs: linear for Timsort
    active: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])  # (end, index) heaps
    candidates = []
    for position, side, index in starts:
        other = active[1 - side]
        while other and other[0][0] <= position:
            heappop(other)
        start, end = spans[side][index]
        for other_end, other_index in other:
            other_start = spans[1 - side][other_index][0]
            shared = min(end, other_end) - max(start, other_start)
            distance = abs(start - other_start) + abs(end - other_end)
            if side == 0:
                candidates.append((-shared, distance, index, other_index))
            else:
                candidates.append((-shared, distance, other_index, index))
        heappush(active[side], (end, index))
    return candidates


# --- two annotations: grouped by (doc, label) ----------------------------------------
#
# The two-list functions group spans by (doc, label) and pair them group by group:
# quickest for one annotation against another. SpanIndex (span_index.py) serves many coders
# over many small documents; both use the same greedy matching (greedy_overlap), and
# the tests check them against each other and against a brute force.

Track = tuple[list[int], list[int]]  # starts, ends
Groups = dict[tuple[Hashable, Hashable], Track]
_EMPTY: Track = ([], [])


def _group(spans: Iterable[Span], side: str) -> Groups:
    """Validate spans and group their offsets by (doc, label), in first-seen order."""
    items = listed(spans, f"{side} must be an iterable of (doc, start, end, label) spans")
    flat: defaultdict[tuple[Hashable, Hashable], list[int]] = defaultdict(list)
    try:
        for doc, start, end, label in items:
            bucket = flat[doc, label]
            bucket.append(start)
            bucket.append(end)
    except (TypeError, ValueError):
        diagnose_spans(items, side)
    groups: Groups = {}
    for key, bucket in flat.items():
        starts = bucket[0::2]
        ends = bucket[1::2]
        exact_ints = set(map(type, bucket)) <= {int} or all(map(is_int, bucket))
        if not exact_ints or not all(map(lt, starts, ends)):
            diagnose_spans(items, side)
        groups[key] = (starts, ends)
    return groups


def _split_identical(
    a: Track, b: Track
) -> tuple[int, list[tuple[int, int]], list[tuple[int, int]]]:
    """Pair up identical spans: ``(count, rest of a, rest of b)``, multiplicity-aware."""
    spans_a = list(zip(*a, strict=True))
    spans_b = list(zip(*b, strict=True))
    set_a = set(spans_a)
    set_b = set(spans_b)
    if len(set_a) == len(spans_a) and len(set_b) == len(spans_b):
        common = set_a & set_b
        rest_a = list(filterfalse(common.__contains__, spans_a)) if common else spans_a
        rest_b = list(filterfalse(common.__contains__, spans_b)) if common else spans_b
        return len(common), rest_a, rest_b
    count_a = Counter(spans_a)
    count_b = Counter(spans_b)
    matched = count_a & count_b
    return (
        sum(matched.values()),
        list((count_a - matched).elements()),
        list((count_b - matched).elements()),
    )


def _exact_matches(a: Track, b: Track) -> int:
    return _split_identical(a, b)[0]


def _overlap_matches(a: Track, b: Track) -> int:
    """Identical spans paired first, then the greedy rule on the rest."""
    identical, rest_a, rest_b = _split_identical(a, b)
    if not rest_a or not rest_b:
        return identical
    return identical + greedy_overlap(rest_a, rest_b)


def _count(
    a: Groups, b: Groups, match: str
) -> dict[tuple[Hashable, Hashable], tuple[int, int, int]]:
    """``{(doc, label): (tp, |a|, |b|)}`` in first-seen order."""
    matcher = _exact_matches if match == "exact" else _overlap_matches
    result = {}
    for key in dict.fromkeys([*a, *b]):
        spans_a = a.get(key, _EMPTY)
        spans_b = b.get(key, _EMPTY)
        result[key] = (matcher(spans_a, spans_b), len(spans_a[0]), len(spans_b[0]))
    return result


def span_f1(a: Iterable[Span], b: Iterable[Span], match: str = "exact") -> SpanF1:
    """Precision, recall and F1 of spans ``b`` against reference ``a``, all labels.

    ``match`` is ``"exact"`` or ``"overlap"`` (rules in the module doc).
    Swapping ``a`` and ``b`` swaps precision and recall and keeps the counts.
    Runs in O(n log n) plus the number of overlapping pairs.
    """
    check_match(match)
    counts = _count(_group(a, "a"), _group(b, "b"), match)
    tp = sum(c[0] for c in counts.values())
    n_a = sum(c[1] for c in counts.values())
    n_b = sum(c[2] for c in counts.values())
    return SpanF1.from_counts(tp, n_a, n_b)


def span_f1_counts(
    a: Iterable[Span], b: Iterable[Span], match: str = "exact"
) -> dict[tuple[Hashable, Hashable], tuple[int, int, int]]:
    """``{(doc, label): (true_positives, |a|, |b|)}`` for every (doc, label) in either side.

    The counts :func:`span_f1` adds up, kept apart so that one matching pass
    can give figures per document, per label and overall (sum the counts and
    use :meth:`SpanF1.from_counts`). Keys are in first-seen order (``a`` first).
    """
    check_match(match)
    return _count(_group(a, "a"), _group(b, "b"), match)


def span_f1_by_label(
    a: Iterable[Span], b: Iterable[Span], match: str = "exact"
) -> dict[Hashable, SpanF1]:
    """``{label: SpanF1}`` for every label that occurs in ``a`` or ``b``.

    Each label's result counts only the spans with that label (same matching
    as :func:`span_f1`, which matches within a label anyway, so the per-label
    counts add up to the overall ones). Labels are sorted when they are
    mutually comparable, else in first-seen order.
    """
    check_match(match)
    counts = _count(_group(a, "a"), _group(b, "b"), match)
    totals: dict[Hashable, list[int]] = {}
    for (_, label), (tp, n_a, n_b) in counts.items():
        total = totals.setdefault(label, [0, 0, 0])
        total[0] += tp
        total[1] += n_a
        total[2] += n_b
    labels = list(totals)
    with suppress(TypeError):
        labels.sort()  # type: ignore[call-arg]
    return {label: SpanF1.from_counts(*totals[label]) for label in labels}
