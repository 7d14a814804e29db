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
:class:`SpanIndex` holds several coders' spans, validated once, for comparing
many pairs over many small documents (a project): identical spans are paired
with set operations over all documents at once, and only the spans left over
are grouped by (doc, label) for overlap matching. Both use the same greedy
matching; the tests check them against each other and against a brute force.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from fractions import Fraction
from heapq import heappop, heappush
from itertools import chain, compress, filterfalse, islice, repeat
from operator import add, floordiv, itemgetter, le, lt, mod, mul, sub

from .inputs import is_int, listed

__all__ = [
    "BY",
    "MATCH_MODES",
    "SpanF1",
    "SpanIndex",
    "SpanTally",
    "span_f1",
    "span_f1_by_label",
    "span_f1_counts",
]

MATCH_MODES = ("exact", "overlap")
BY = ("doc", "label", "key")  # what SpanTally.counts groups by; "key" is (doc, label)

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


def _diagnose(items: list[object], side: str) -> None:
    """Raise a ``ValueError`` naming the first bad span (slow path, errors only)."""
    for index, item in enumerate(items):
        try:
            doc, start, end, label = item  # type: ignore[misc]
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


Columns = tuple[tuple[Hashable, ...], tuple[int, ...], tuple[int, ...], tuple[Hashable, ...]]


def _columns(spans: Iterable[Span], side: str) -> Columns:
    """Spans checked and split into (docs, starts, ends, labels), in C-level loops
    (``map``, ``zip``, ``set``); any problem sends the input through
    :func:`_diagnose` for a message naming the span."""
    items = listed(spans, f"{side} must be an iterable of (doc, start, end, label) spans")
    if not items:
        return (), (), (), ()
    try:
        if set(map(len, items)) != {4}:
            raise TypeError
        docs, starts, ends, labels = zip(*items, strict=True)
    except (TypeError, ValueError):
        _diagnose(items, side)
    exact_ints = set(map(type, starts)) | set(map(type, ends)) <= {int} or all(
        map(is_int, chain(starts, ends))
    )
    if not exact_ints or not all(map(lt, starts, ends)):
        _diagnose(items, side)
    return docs, starts, ends, labels  # unhashable docs or labels: found when numbering


class _Numbering:
    """Numbers 0, 1, 2... for docs or labels; non-negative ints number themselves
    (no lookups for the usual database ids)."""

    def __init__(self, columns: list[tuple[Hashable, ...]]):
        columns = [c for c in columns if c]
        types = set().union(*(set(map(type, c)) for c in columns))
        self.identity = bool(columns) and types <= {int} and min(map(min, columns)) >= 0
        if self.identity:
            self.size = max(map(max, columns)) + 1
            self._values: list[Hashable] = []
            self._numbers: dict[Hashable, int] = {}
        else:
            self._values = list(dict.fromkeys(chain.from_iterable(columns)))
            self._numbers = {value: i for i, value in enumerate(self._values)}
            self.size = max(1, len(self._values))

    def numbers(self, column: tuple[Hashable, ...]) -> Iterable[int]:
        return column if self.identity else map(self._numbers.__getitem__, column)  # type: ignore[return-value]

    def number(self, value: Hashable) -> int | None:
        if self.identity:
            return value if type(value) is int and 0 <= value < self.size else None
        return self._numbers.get(value)

    def value(self, number: int) -> Hashable:
        return number if self.identity else self._values[number]


def _check_match(match: str) -> None:
    if match not in MATCH_MODES:
        raise ValueError(f"unknown match {match!r}; use 'exact' or 'overlap'")


def _check_by(by: str) -> None:
    if by not in BY:
        raise ValueError(f"unknown grouping {by!r}; use 'doc', 'label' or 'key'")


class SpanTally:
    """The matches of one comparison (coder ``b`` against coder ``a``), ready to be
    grouped per doc, label or (doc, label). Made by :meth:`SpanIndex.tally`."""

    def __init__(
        self,
        index: SpanIndex,
        a: Hashable,
        b: Hashable,
        docs: frozenset[int] | None,
        identical: int,
        rest_a: list[int],
        extra: Counter[int],
    ):
        self._index = index
        self._a = a
        self._b = b
        self._docs = docs
        self._identical = identical  # how many spans were paired identically
        self._rest_a = rest_a  # a's spans left unpaired by that (encoded)
        self._extra = extra  # further overlap pairs per encoded (doc, label)

    @property
    def true_positives(self) -> int:
        return self._identical + sum(self._extra.values())

    def total(self) -> SpanF1:
        n_a = len(self._index._codes_of(self._a, self._docs))
        n_b = len(self._index._codes_of(self._b, self._docs))
        return SpanF1.from_counts(self.true_positives, n_a, n_b)

    def counts(self, by: str = "key") -> dict[Hashable, tuple[int, int, int]]:
        """``{group: (tp, |a|, |b|)}`` per ``"doc"``, ``"label"`` or ``"key"``
        ((doc, label)), for every group either coder has spans in; groups in
        first-seen order (``a`` first)."""
        _check_by(by)
        index = self._index
        n_a = index._sizes(self._a, by, self._docs)
        n_b = index._sizes(self._b, by, self._docs)
        # identical pairs per group: a's spans there minus a's spans left over
        tp = n_a.copy()
        tp.subtract(index._rest_groups(self._rest_a, by))
        for group, found in self._extra.items():
            tp[index._group_of_key(group, by)] += found
        value = index._group_value(by)
        return {
            value(group): (tp.get(group, 0), n_a.get(group, 0), n_b.get(group, 0))
            for group in dict.fromkeys(chain(n_a, n_b))
        }

    def f1(self, by: str) -> dict[Hashable, SpanF1]:
        """``{group: SpanF1}`` per ``"doc"``, ``"label"`` or ``"key"``."""
        return {group: SpanF1.from_counts(*c) for group, c in self.counts(by).items()}


class SpanIndex:
    """Several coders' spans, validated and indexed once, for comparing pairs.

    ``spans_by_coder`` maps each coder to its ``(doc, start, end, label)``
    spans. :meth:`tally` compares two coders (optionally on some documents only)
    with the matching rules of the module doc; what identical pairing leaves over
    is kept per pair, so the exact and the overlap comparison of a pair share it.

    Each span is encoded as one integer, ``((doc * n_labels + label) * W + start)
    * W + end`` with documents and labels numbered in first-seen order, offsets
    counted from the smallest start and ``W`` one more than the largest of them:
    sets and counts of small integers cost far less time and memory than the
    same of tuples when there are millions.
    """

    def __init__(self, spans_by_coder: Mapping[Hashable, Iterable[Span]]):
        columns = {coder: _columns(spans, _side(coder)) for coder, spans in spans_by_coder.items()}
        try:
            self._doc_numbers = _Numbering([c[0] for c in columns.values()])
            self._label_numbers = _Numbering([c[3] for c in columns.values()])
        except TypeError:  # an unhashable doc or label: name it
            for coder, (docs, starts, ends, labels) in columns.items():
                try:
                    set(chain(docs, labels))
                except TypeError:
                    _diagnose(list(zip(docs, starts, ends, labels, strict=True)), _side(coder))
            raise
        self._n_labels = n_labels = self._label_numbers.size
        # offsets are stored from the smallest start on, so negative ones encode too
        lowest = min((min(c[1]) for c in columns.values() if c[1]), default=0)
        highest = max((max(c[2]) for c in columns.values() if c[2]), default=0)
        self._width = width = highest - lowest + 1
        self._per_key = width * width  # codes per (doc, label)
        self._per_doc = n_labels * self._per_key  # codes per doc
        self._codes: dict[Hashable, list[int]] = {}
        for coder, (docs, starts, ends, labels) in columns.items():
            keys = map(
                add,
                map(mul, self._doc_numbers.numbers(docs), repeat(n_labels)),
                self._label_numbers.numbers(labels),
            )
            at = map(add, map(mul, keys, repeat(width)), map(sub, starts, repeat(lowest)))
            ends_at = map(sub, ends, repeat(lowest))
            self._codes[coder] = list(map(add, map(mul, at, repeat(width)), ends_at))
        self._restricted: dict[tuple[Hashable, frozenset[int]], list[int]] = {}
        self._sets: dict[tuple[Hashable, frozenset[int] | None], set[int]] = {}
        self._size_cache: dict[tuple[Hashable, str, frozenset[int] | None], Counter[int]] = {}
        self._pairs: dict[tuple[Hashable, Hashable, frozenset[int] | None], tuple] = {}
        self._rest_cache: dict[tuple[int, str], Counter[int]] = {}

    @property
    def coders(self) -> list[Hashable]:
        return list(self._codes)

    def tally(
        self,
        a: Hashable,
        b: Hashable,
        match: str = "exact",
        docs: Iterable[Hashable] | None = None,
    ) -> SpanTally:
        """Match coder ``b``'s spans against coder ``a``'s (on ``docs`` only if given)."""
        _check_match(match)
        for coder in (a, b):
            if coder not in self._codes:
                raise ValueError(f"unknown coder {coder!r}")
        wanted = None
        if docs is not None:
            numbers = map(self._doc_numbers.number, docs)
            wanted = frozenset(n for n in numbers if n is not None)
        rest_a, rest_b = self._unpaired(a, b, wanted)
        identical = len(self._codes_of(a, wanted)) - len(rest_a)
        extra: Counter[int] = Counter()
        if match == "overlap" and rest_a and rest_b:
            per_key, width = self._per_key, self._width
            keys_a = list(map(floordiv, rest_a, repeat(per_key)))
            keys_b = list(map(floordiv, rest_b, repeat(per_key)))
            # only (doc, label)s with spans left on both sides can match more
            both = set(keys_a).intersection(keys_b)
            groups_a = _grouped(keys_a, rest_a, both)
            groups_b = _grouped(keys_b, rest_b, both)
            for key, x in groups_a.items():
                y = groups_b[key]
                if len(x) == 1 or len(y) == 1:
                    # one span on a side: it is matched if it meets any span of the other
                    one, others = (x[0], y) if len(x) == 1 else (y[0], x)
                    s1, e1 = divmod(one % per_key, width)
                    found = 0
                    for code in others:
                        s2, e2 = divmod(code % per_key, width)
                        if s2 < e1 and s1 < e2:
                            found = 1
                            break
                else:
                    found = _greedy_overlap(
                        [divmod(code % per_key, width) for code in x],
                        [divmod(code % per_key, width) for code in y],
                    )
                if found:
                    extra[key] = found
        return SpanTally(self, a, b, wanted, identical, rest_a, extra)

    # --- encoded spans ----------------------------------------------------------

    def _codes_of(self, coder: Hashable, docs: frozenset[int] | None) -> list[int]:
        codes = self._codes[coder]
        if docs is None:
            return codes
        key = (coder, docs)
        if key not in self._restricted:
            per_doc = self._per_doc
            self._restricted[key] = [code for code in codes if code // per_doc in docs]
        return self._restricted[key]

    def _set(self, coder: Hashable, docs: frozenset[int] | None) -> set[int]:
        key = (coder, docs)
        if key not in self._sets:
            self._sets[key] = set(self._codes_of(coder, docs))
        return self._sets[key]

    def _unpaired(
        self, a: Hashable, b: Hashable, docs: frozenset[int] | None
    ) -> tuple[list[int], list[int]]:
        """Each side's spans left once identical spans are paired (multiplicity-aware)."""
        key = (a, b, docs)
        if key not in self._pairs:
            codes_a = self._codes_of(a, docs)
            codes_b = self._codes_of(b, docs)
            set_a = self._set(a, docs)
            set_b = self._set(b, docs)
            if len(set_a) == len(codes_a) and len(set_b) == len(codes_b):
                self._pairs[key] = (list(set_a - set_b), list(set_b - set_a))
            else:
                count_a = Counter(codes_a)
                count_b = Counter(codes_b)
                self._pairs[key] = (
                    list((count_a - count_b).elements()),
                    list((count_b - count_a).elements()),
                )
        return self._pairs[key]

    def _grouping(self, codes: Iterable[int], by: str) -> Iterable[int]:
        if by == "doc":
            return map(floordiv, codes, repeat(self._per_doc))
        keys = map(floordiv, codes, repeat(self._per_key))
        return map(mod, keys, repeat(self._n_labels)) if by == "label" else keys

    def _group_of_key(self, key: int, by: str) -> int:
        if by == "doc":
            return key // self._n_labels
        return key % self._n_labels if by == "label" else key

    def _group_value(self, by: str) -> Callable[[int], Hashable]:
        if by == "doc":
            return self._doc_numbers.value
        if by == "label":
            return self._label_numbers.value
        n_labels, docs, labels = self._n_labels, self._doc_numbers, self._label_numbers
        return lambda key: (docs.value(key // n_labels), labels.value(key % n_labels))

    def _sizes(self, coder: Hashable, by: str, docs: frozenset[int] | None) -> Counter[int]:
        key = (coder, by, docs)
        if key not in self._size_cache:
            self._size_cache[key] = Counter(self._grouping(self._codes_of(coder, docs), by))
        return self._size_cache[key]

    def _rest_groups(self, rest: list[int], by: str) -> Counter[int]:
        """Unpaired spans per group (shared by the exact and overlap tally of a pair)."""
        key = (id(rest), by)
        if key not in self._rest_cache:
            self._rest_cache[key] = Counter(self._grouping(rest, by))
        return self._rest_cache[key]


def _grouped(keys: list[int], codes: list[int], wanted: set[int]) -> defaultdict[int, list[int]]:
    """Encoded spans per encoded (doc, label), for the keys in `wanted` only."""
    grouped: defaultdict[int, list[int]] = defaultdict(list)
    for key, code in compress(zip(keys, codes, strict=True), map(wanted.__contains__, keys)):
        grouped[key].append(code)
    return grouped


def _side(coder: Hashable) -> str:
    return coder if isinstance(coder, str) else f"coder {coder!r}"


def _greedy_overlap(rest_a: list[tuple[int, int]], rest_b: list[tuple[int, int]]) -> int:
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
# quickest for one annotation against another. SpanIndex (above) serves many coders
# over many small documents; both use the same greedy matching (_greedy_overlap), and
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
        _diagnose(items, side)
    groups: Groups = {}
    for key, bucket in flat.items():
        starts = bucket[0::2]
        ends = bucket[1::2]
        exact_ints = set(map(type, bucket)) <= {int} or all(map(is_int, bucket))
        if not exact_ints or not all(map(lt, starts, ends)):
            _diagnose(items, side)
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
    return identical + _greedy_overlap(rest_a, rest_b)


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
    _check_match(match)
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
    _check_match(match)
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
    _check_match(match)
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
