"""Several coders' spans compared pair by pair: `SpanIndex` checks and encodes every
coder's spans once, and `SpanIndex.tally` gives the matches of one pair as a
`SpanTally`, counted per document, label or (document, label).

The matching rules and the figures are those of :mod:`core.review.agreement.spans`
(the two-annotation functions); this is the form for many coders over many small
documents (a project): identical spans are paired with set operations over all
documents at once, and only the spans left over are grouped by (doc, label) for
overlap matching with the same greedy rule.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import chain, compress, repeat
from operator import add, floordiv, lt, mod, mul, sub
from typing import Generic, Literal, TypeGuard, TypeVar, cast, overload

from .inputs import is_int, listed
from .spans import SpanF1, check_match, diagnose_spans, greedy_overlap

__all__ = ["BY", "SpanIndex", "SpanTally"]

BY = ("doc", "label", "key")  # what SpanTally.counts groups by; "key" is (doc, label)

C = TypeVar("C", bound=Hashable)  # a coder
D = TypeVar("D", bound=Hashable)  # a document
L = TypeVar("L", bound=Hashable)  # a label
V = TypeVar("V", bound=Hashable)
K = TypeVar("K", bound=Hashable)
Counts = tuple[int, int, int]  # (true positives, |a|, |b|)


def _columns(
    spans: Iterable[tuple[D, int, int, L]], side: str
) -> tuple[tuple[D, ...], tuple[int, ...], tuple[int, ...], tuple[L, ...]]:
    """Spans checked and split into (docs, starts, ends, labels), in C-level loops
    (``map``, ``zip``, ``set``); any problem sends the input through
    :func:`diagnose_spans` for a message naming the span."""
    items = listed(spans, f"{side} must be an iterable of (doc, start, end, label) spans")
    if not items:
        return (), (), (), ()
    try:
        if set(map(len, items)) != {4}:
            raise TypeError
        docs, starts, ends, labels = zip(*items, strict=True)
    except (TypeError, ValueError):
        diagnose_spans(items, side)
    exact_ints = set(map(type, starts)) | set(map(type, ends)) <= {int} or all(
        map(is_int, chain(starts, ends))
    )
    if not exact_ints or not all(map(lt, starts, ends)):
        diagnose_spans(items, side)
    return docs, starts, ends, labels  # unhashable docs or labels: found when numbering


class _Numbering(Generic[V]):
    """Numbers 0, 1, 2... for docs or labels; non-negative ints number themselves
    (no lookups for the usual database ids)."""

    def __init__(self, columns: list[tuple[V, ...]]):
        columns = [c for c in columns if c]
        self._values: list[V] = []
        self._numbers: dict[V, int] = {}
        if columns and _only_ints(columns) and min(map(min, columns)) >= 0:
            self.identity = True
            self.size = max(map(max, columns)) + 1
        else:
            self.identity = False
            self._values = list(dict.fromkeys(chain.from_iterable(columns)))
            self._numbers = {value: i for i, value in enumerate(self._values)}
            self.size = max(1, len(self._values))

    def numbers(self, column: tuple[V, ...]) -> Iterable[int]:
        if self.identity:  # numbering themselves, the values are these ints
            return cast("tuple[int, ...]", column)
        return map(self._numbers.__getitem__, column)

    def number(self, value: V) -> int | None:
        if self.identity:
            return value if _plain_int(value) and 0 <= value < self.size else None
        return self._numbers.get(value)

    def value(self, number: int) -> V:
        # numbering themselves, the values are these ints
        return cast("V", number) if self.identity else self._values[number]

    def values(self, numbers: list[int]) -> list[V]:
        if self.identity:
            return cast("list[V]", numbers)
        return list(map(self._values.__getitem__, numbers))


def _plain_int(value: object) -> TypeGuard[int]:
    return type(value) is int


def _only_ints(columns: Sequence[tuple[Hashable, ...]]) -> TypeGuard[Sequence[tuple[int, ...]]]:
    """Whether every value is exactly an int (not a bool)."""
    types: set[type[Hashable]] = set().union(*(set(map(type, c)) for c in columns))
    return types <= {int}


def _check_by(by: str) -> None:
    if by not in BY:
        raise ValueError(f"unknown grouping {by!r}; use 'doc', 'label' or 'key'")


class SpanTally(Generic[C, D, L]):
    """The matches of one comparison (coder ``b`` against coder ``a``), ready to be
    grouped per doc, label or (doc, label). Made by :meth:`SpanIndex.tally`."""

    def __init__(
        self,
        index: SpanIndex[C, D, L],
        a: C,
        b: C,
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

    @overload
    def counts(self, by: Literal["doc"]) -> dict[D, Counts]: ...
    @overload
    def counts(self, by: Literal["label"]) -> dict[L, Counts]: ...
    @overload
    def counts(self, by: Literal["key"] = "key") -> dict[tuple[D, L], Counts]: ...

    def counts(
        self, by: str = "key"
    ) -> dict[D, Counts] | dict[L, Counts] | dict[tuple[D, L], Counts]:
        """``{group: (tp, |a|, |b|)}`` per ``"doc"``, ``"label"`` or ``"key"``
        ((doc, label)), for every group either coder has spans in; groups in
        first-seen order (``a`` first)."""
        _check_by(by)
        index = self._index
        groups, tp, n_a, n_b = self._columns(by)
        counts = zip(tp, n_a, n_b, strict=True)
        if by == "doc":
            return dict(zip(map(index._doc_numbers.value, groups), counts, strict=True))
        if by == "label":
            return dict(zip(map(index._label_numbers.value, groups), counts, strict=True))
        docs, labels = index._key_values(groups)
        return dict(zip(zip(docs, labels, strict=True), counts, strict=True))

    def key_columns(self) -> tuple[list[D], list[L], list[int], list[int], list[int]]:
        """``counts("key")`` as columns: docs, labels, true positives, ``|a|``, ``|b|``
        (no tuple per group: there are as many groups as documents times labels)."""
        groups, tp, n_a, n_b = self._columns("key")
        docs, labels = self._index._key_values(groups)
        return docs, labels, tp, n_a, n_b

    def _columns(self, by: str) -> tuple[list[int], list[int], list[int], list[int]]:
        """The encoded groups either coder has spans in (first-seen order, ``a`` first)
        with their true positives, ``|a|`` and ``|b|``."""
        index = self._index
        n_a = index._sizes(self._a, by, self._docs)
        n_b = index._sizes(self._b, by, self._docs)
        # identical pairs per group: a's spans there minus a's spans left over
        tp = n_a.copy()
        tp.subtract(index._rest_groups(self._rest_a, by))
        for group, found in self._extra.items():
            tp[index._group_of_key(group, by)] += found
        groups = list(dict.fromkeys(chain(n_a, n_b)))
        zeros = repeat(0)
        return (
            groups,
            list(map(tp.get, groups, zeros)),
            list(map(n_a.get, groups, zeros)),
            list(map(n_b.get, groups, zeros)),
        )

    @overload
    def f1(self, by: Literal["doc"]) -> dict[D, SpanF1]: ...
    @overload
    def f1(self, by: Literal["label"]) -> dict[L, SpanF1]: ...
    @overload
    def f1(self, by: Literal["key"]) -> dict[tuple[D, L], SpanF1]: ...

    def f1(self, by: str) -> dict[D, SpanF1] | dict[L, SpanF1] | dict[tuple[D, L], SpanF1]:
        """``{group: SpanF1}`` per ``"doc"``, ``"label"`` or ``"key"``."""
        _check_by(by)
        if by == "doc":
            return _f1_of(self.counts("doc"))
        if by == "label":
            return _f1_of(self.counts("label"))
        return _f1_of(self.counts("key"))


def _f1_of(counts: dict[K, Counts]) -> dict[K, SpanF1]:
    return {group: SpanF1.from_counts(*c) for group, c in counts.items()}


class SpanIndex(Generic[C, D, L]):
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

    def __init__(self, spans_by_coder: Mapping[C, Iterable[tuple[D, int, int, L]]]):
        columns = {coder: _columns(spans, _side(coder)) for coder, spans in spans_by_coder.items()}
        try:
            self._doc_numbers = _Numbering([c[0] for c in columns.values()])
            self._label_numbers = _Numbering([c[3] for c in columns.values()])
        except TypeError:  # an unhashable doc or label: name it
            for coder, (docs, starts, ends, labels) in columns.items():
                try:
                    set(chain(docs, labels))
                except TypeError:
                    diagnose_spans(list(zip(docs, starts, ends, labels, strict=True)), _side(coder))
            raise
        self._n_labels = n_labels = self._label_numbers.size
        # offsets are stored from the smallest start on, so negative ones encode too
        lowest = min((min(c[1]) for c in columns.values() if c[1]), default=0)
        highest = max((max(c[2]) for c in columns.values() if c[2]), default=0)
        self._width = width = highest - lowest + 1
        self._per_key = width * width  # codes per (doc, label)
        self._per_doc = n_labels * self._per_key  # codes per doc
        self._codes: dict[C, list[int]] = {}
        for coder, (docs, starts, ends, labels) in columns.items():
            keys = map(
                add,
                map(mul, self._doc_numbers.numbers(docs), repeat(n_labels)),
                self._label_numbers.numbers(labels),
            )
            at = map(add, map(mul, keys, repeat(width)), map(sub, starts, repeat(lowest)))
            ends_at = map(sub, ends, repeat(lowest))
            self._codes[coder] = list(map(add, map(mul, at, repeat(width)), ends_at))
        self._restricted: dict[tuple[C, frozenset[int]], list[int]] = {}
        self._sets: dict[tuple[C, frozenset[int] | None], set[int]] = {}
        self._size_cache: dict[tuple[C, str, frozenset[int] | None], Counter[int]] = {}
        self._pairs: dict[tuple[C, C, frozenset[int] | None], tuple[list[int], list[int]]] = {}
        self._rest_cache: dict[tuple[int, str], Counter[int]] = {}

    @property
    def coders(self) -> list[C]:
        return list(self._codes)

    def tally(
        self,
        a: C,
        b: C,
        match: str = "exact",
        docs: Iterable[D] | None = None,
    ) -> SpanTally[C, D, L]:
        """Match coder ``b``'s spans against coder ``a``'s (on ``docs`` only if given)."""
        check_match(match)
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
                    found = greedy_overlap(
                        [divmod(code % per_key, width) for code in x],
                        [divmod(code % per_key, width) for code in y],
                    )
                if found:
                    extra[key] = found
        return SpanTally(self, a, b, wanted, identical, rest_a, extra)

    # --- encoded spans ----------------------------------------------------------

    def _codes_of(self, coder: C, docs: frozenset[int] | None) -> list[int]:
        codes = self._codes[coder]
        if docs is None:
            return codes
        key = (coder, docs)
        if key not in self._restricted:
            per_doc = self._per_doc
            self._restricted[key] = [code for code in codes if code // per_doc in docs]
        return self._restricted[key]

    def _set(self, coder: C, docs: frozenset[int] | None) -> set[int]:
        key = (coder, docs)
        if key not in self._sets:
            self._sets[key] = set(self._codes_of(coder, docs))
        return self._sets[key]

    def _unpaired(self, a: C, b: C, docs: frozenset[int] | None) -> tuple[list[int], list[int]]:
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

    def _key_values(self, keys: list[int]) -> tuple[list[D], list[L]]:
        """The (doc, label) of encoded keys, as two columns."""
        n_labels = repeat(self._n_labels)
        docs = list(map(floordiv, keys, n_labels))
        labels = list(map(mod, keys, n_labels))
        return self._doc_numbers.values(docs), self._label_numbers.values(labels)

    def _sizes(self, coder: C, by: str, docs: frozenset[int] | None) -> Counter[int]:
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
