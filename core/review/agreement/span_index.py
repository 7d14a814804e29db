"""Several coders' spans compared pair by pair: `SpanIndex` checks and encodes every
coder's spans once, and `SpanIndex.tally` gives the matches of one pair as a
`SpanTally`, counted per document, label or (document, label).

The matching rules and the figures are those of :mod:`core.review.agreement.spans`
(the two-annotation functions); this is the form for many coders over many small
documents (a project): each coder's spans are one numpy array of integer codes,
identical spans are paired by merging two sorted arrays over all documents at once,
and only the spans left over are grouped by (doc, label) for overlap matching with
the same greedy rule.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from itertools import chain
from operator import lt
from typing import (
    Any,
    Generic,
    Literal,
    Protocol,
    TypeGuard,
    TypeVar,
    overload,
    runtime_checkable,
)

import numpy as np
import numpy.typing as npt

from .inputs import is_int, listed
from .spans import SpanF1, check_match, diagnose_spans, greedy_overlap

__all__ = ["BY", "SpanArrays", "SpanIndex", "SpanTally"]

BY = ("doc", "label", "key")  # what SpanTally.counts groups by; "key" is (doc, label)

C = TypeVar("C", bound=Hashable)  # a coder
D = TypeVar("D", bound=Hashable)  # a document
L = TypeVar("L", bound=Hashable)  # a label
V = TypeVar("V", bound=Hashable)
K = TypeVar("K", bound=Hashable)
Counts = tuple[int, int, int]  # (true positives, |a|, |b|)
IntArray = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]
# span codes: int64, or Python ints in an object array where int64 could overflow
Codes = npt.NDArray[Any]
Values = npt.NDArray[Any]  # docs or labels: int64, else an object array of the values
Column = IntArray | list[Hashable]  # one coder's docs or labels: ints as an array
# int64 codes stay below 2**62: doubled plus one (see _shared) they still fit
_CODE_LIMIT = 2**62


def _empty() -> IntArray:
    return np.zeros(0, dtype=np.int64)


@runtime_checkable
class SpanArrays(Protocol):
    """Spans as four one-dimensional integer arrays of one length (the agreement
    study's `SpanColumns` is one), read whole: no tuple per span."""

    @property
    def doc(self) -> npt.NDArray[np.integer[Any]]: ...
    @property
    def start(self) -> npt.NDArray[np.integer[Any]]: ...
    @property
    def end(self) -> npt.NDArray[np.integer[Any]]: ...
    @property
    def label(self) -> npt.NDArray[np.integer[Any]]: ...


Read = tuple[Column, Codes, Codes, Column]  # docs, starts, ends, labels


def _read(spans: Iterable[tuple[Hashable, int, int, Hashable]] | SpanArrays, side: str) -> Read:
    """One coder's spans checked and split into docs, starts, ends and labels."""
    if isinstance(spans, SpanArrays):
        return _read_arrays(spans, side)
    docs, starts, ends, labels = _columns(spans, side)
    return _ints_or_values(docs), _offsets(starts), _offsets(ends), _ints_or_values(labels)


def _read_arrays(spans: SpanArrays, side: str) -> Read:
    arrays = [np.asarray(a) for a in (spans.doc, spans.start, spans.end, spans.label)]
    if len({len(a) for a in arrays}) != 1 or any(
        a.ndim != 1 or a.dtype.kind not in "iu" or not np.can_cast(a.dtype, np.int64)
        for a in arrays
    ):
        raise ValueError(f"{side} must hold four one-dimensional integer arrays of one length")
    docs, starts, ends, labels = (a.astype(np.int64, copy=False) for a in arrays)
    if not (starts < ends).all():
        rows: list[list[int]] = np.stack((docs, starts, ends, labels), axis=1).tolist()
        diagnose_spans(list(map(tuple, rows)), side)
    return docs, starts, ends, labels


def _columns(
    spans: Iterable[tuple[Hashable, int, int, Hashable]], side: str
) -> tuple[tuple[Hashable, ...], tuple[int, ...], tuple[int, ...], tuple[Hashable, ...]]:
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


def _ints_or_values(column: tuple[Hashable, ...]) -> Column:
    """Exact ints (not bools) as an int64 array; other values, or ints beyond int64,
    as a list."""
    if set(map(type, column)) <= {int}:
        with suppress(OverflowError):
            return np.array(column, dtype=np.int64)
    return list(column)


def _offsets(column: tuple[int, ...]) -> Codes:
    try:
        return np.array(column, dtype=np.int64)
    except OverflowError:
        return _objects(column)


def _objects(values: Iterable[object]) -> Values:
    """An object array of the values as they are (np.array would unpack tuples)."""
    listed_values = list(values)
    array = np.empty(len(listed_values), dtype=object)
    for i, value in enumerate(listed_values):
        array[i] = value
    return array


class _Numbering(Generic[V]):
    """Numbers 0, 1, 2... for the docs or labels of every coder: ints (the usual
    database ids) in increasing order, found with array operations; other values in
    first-seen order."""

    def __init__(self, columns: list[Column]):
        self._lookup: dict[Hashable, int] = {}
        self._ints: IntArray | None = None  # the ints numbered, increasing
        self._rank: IntArray | None = None  # number of each int from the lowest on
        self._low = 0
        arrays = [c for c in columns if isinstance(c, np.ndarray) and len(c)]
        if all(isinstance(c, np.ndarray) for c in columns):
            self._values = self._ints = self._number_ints(arrays)
        else:
            lists = (c.tolist() if isinstance(c, np.ndarray) else c for c in columns)
            # TypeError when a value is unhashable
            found = dict.fromkeys(chain.from_iterable(lists))
            self._lookup = {value: i for i, value in enumerate(found)}
            self._values = _objects(found)
        self.size = max(1, len(self._values))

    def _number_ints(self, arrays: list[IntArray]) -> IntArray:
        """The ints of `arrays`, increasing; where they are packed closely, a table of
        their numbers too."""
        if not arrays:
            return _empty()
        low = min(int(a.min()) for a in arrays)
        high = max(int(a.max()) for a in arrays)
        if high - low > 4 * sum(map(len, arrays)) + 1024:
            return np.unique(np.concatenate(arrays))
        # ids packed closely: a table over their range, no sort
        present = np.zeros(high - low + 1, dtype=bool)
        for array in arrays:
            present[array - low] = True
        self._rank = np.cumsum(present, dtype=np.int64) - 1
        self._low = low
        return np.flatnonzero(present) + low

    def numbers(self, column: Column) -> IntArray:
        """A column of values (all numbered) as numbers, in a new array."""
        if isinstance(column, list) or self._ints is None:
            values = column.tolist() if isinstance(column, np.ndarray) else column
            number = self._lookup.__getitem__
            return np.fromiter(map(number, values), dtype=np.int64, count=len(values))
        if self._rank is not None:
            numbers: IntArray = self._rank[column - self._low]
            return numbers
        return np.searchsorted(self._ints, column)

    def numbers_of(self, values: Iterable[object]) -> frozenset[int]:
        """The numbers of those of `values` that are numbered."""
        if self._ints is None:
            return frozenset(n for n in map(self._lookup.get, values) if n is not None)
        ints = self._ints
        if not len(ints):
            return frozenset()
        low, high = int(ints[0]), int(ints[-1])
        wanted = np.array([v for v in values if _int_like(v) and low <= v <= high], dtype=np.int64)
        at = np.searchsorted(ints, wanted)
        return frozenset(at[ints[at] == wanted].tolist())

    def values(self, numbers: IntArray) -> Values:
        return self._values[numbers]

    def value_list(self, numbers: IntArray) -> list[V]:
        values: list[V] = self._values[numbers].tolist()
        return values


def _int_like(value: object) -> TypeGuard[int | np.integer[Any]]:
    """An int or numpy integer (True and False are not)."""
    return type(value) is int or isinstance(value, np.integer)


def _run_starts(sorted_values: Codes) -> IntArray:
    """Where each run of equal values of a sorted array begins."""
    if not len(sorted_values):
        return _empty()
    changes = np.empty(len(sorted_values), dtype=bool)
    changes[0] = True
    np.not_equal(sorted_values[1:], sorted_values[:-1], out=changes[1:])
    return np.flatnonzero(changes)


def _run_lengths(starts: IntArray, size: int) -> IntArray:
    return np.diff(starts, append=size)


def _sum_runs(keys: IntArray, weights: IntArray | None) -> tuple[IntArray, IntArray]:
    """The distinct values of sorted `keys` and the sum of `weights` (1 each when
    None) over each value's run."""
    starts = _run_starts(keys)
    if weights is None:
        return keys[starts], _run_lengths(starts, len(keys))
    sums = np.add.reduceat(weights, starts) if len(starts) else _empty()
    return keys[starts], sums


def _shared(x: Codes, y: Codes) -> tuple[Mask, Mask]:
    """Which values of two sorted arrays of distinct values are in the other one, by
    one merge: doubled, plus one for `y`, a shared value's two copies end up side by
    side (a stable sort merges two sorted runs in linear time)."""
    if not len(x) or not len(y):
        return np.zeros(len(x), dtype=bool), np.zeros(len(y), dtype=bool)
    merged = np.concatenate((x, y))
    merged *= 2
    merged[len(x) :] += 1
    merged.sort(kind="stable")
    from_y = np.empty(len(merged), dtype=bool)
    np.bitwise_and(merged, 1, out=from_y, casting="unsafe")  # cast a block at a time
    merged //= 2
    same_as_next = np.append(merged[1:] == merged[:-1], False)
    del merged
    same_as_previous = np.append(False, same_as_next[:-1])
    return same_as_next[~from_y], same_as_previous[from_y]


def _ranges(first: IntArray, count: IntArray) -> tuple[IntArray, IntArray]:
    """The positions ``first[i]`` to ``first[i] + count[i] - 1`` of every i, one after
    the other, and where each i's begin among them."""
    begins = np.cumsum(count) - count
    return np.arange(int(count.sum())) + np.repeat(first - begins, count), begins


def _spans_in(
    starts: Codes, ends: Codes, first: IntArray, count: IntArray
) -> list[list[tuple[int, int]]]:
    """The spans ``first[i]`` to ``first[i] + count[i] - 1`` as (start, end) lists."""
    at, begins = _ranges(first, count)
    spans = list(zip(starts[at].tolist(), ends[at].tolist(), strict=True))
    return [spans[b : b + n] for b, n in zip(begins.tolist(), count.tolist(), strict=True)]


def _meets_any(
    starts: Codes,
    ends: Codes,
    first: IntArray,
    count: IntArray,
    other_starts: Codes,
    other_ends: Codes,
) -> IntArray:
    """1 where span i (`starts[i]`, `ends[i]`) overlaps any of the other side's spans
    ``first[i]`` to ``first[i] + count[i] - 1`` (at least one), else 0."""
    if not len(first):
        return _empty()
    owner = np.repeat(np.arange(len(first)), count)
    at, begins = _ranges(first, count)
    meets = (other_starts[at] < ends[owner]) & (starts[owner] < other_ends[at])
    found: IntArray = np.logical_or.reduceat(meets, begins).astype(np.int64)
    return found


def _check_by(by: str, allowed: tuple[str, ...] = BY) -> None:
    if by not in allowed:
        *others, last = map(repr, allowed)
        raise ValueError(f"unknown grouping {by!r}; use {', '.join(others)} or {last}")


@dataclass(frozen=True)
class _Distinct:
    """A coder's spans (on some documents) as sorted distinct codes, with how many
    times each occurs (None: once each)."""

    codes: Codes
    counts: IntArray | None

    @property
    def size(self) -> int:
        return len(self.codes) if self.counts is None else int(self.counts.sum())


@dataclass(frozen=True)
class _Pairing:
    """Two coders' spans (on some documents) with identical ones paired
    (multiplicity-aware): how many pairs and spans on each side; the encoded (doc,
    label)s either coder has spans in, increasing, with the identical pairs, ``|a|``
    and ``|b|`` in each as rows; each side's spans left over (sorted codes)."""

    identical: int
    size_a: int
    size_b: int
    keys: IntArray
    table: IntArray
    rest_a: Codes
    rest_b: Codes


class SpanTally(Generic[C, D, L]):
    """The matches of one comparison (coder ``b`` against coder ``a``), ready to be
    grouped per doc, label or (doc, label). Made by :meth:`SpanIndex.tally`."""

    def __init__(
        self,
        index: SpanIndex[C, D, L],
        a: C,
        b: C,
        docs: frozenset[int] | None,
        pairing: _Pairing,
        extra: tuple[IntArray, IntArray],
    ):
        self._index = index
        self._a = a
        self._b = b
        self._docs = docs
        self._pairing = pairing
        self._extra = extra  # encoded (doc, label)s where overlap pairs more, how many
        self._table: tuple[IntArray, IntArray] | None = None

    @property
    def true_positives(self) -> int:
        return self._pairing.identical + int(self._extra[1].sum())

    def total(self) -> SpanF1:
        pairing = self._pairing
        return SpanF1.from_counts(self.true_positives, pairing.size_a, pairing.size_b)

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
        groups, table = self._grouped(by)
        order = self._first_seen(groups, by)
        groups = groups[order]
        counts = map(tuple, table[order].tolist())
        if by == "doc":
            return dict(zip(index._docs.value_list(groups), counts, strict=True))
        if by == "label":
            return dict(zip(index._labels.value_list(groups), counts, strict=True))
        docs, labels = index._key_values(groups)
        return dict(zip(zip(docs, labels, strict=True), counts, strict=True))

    def arrays(self, by: Literal["doc", "label"]) -> tuple[Values, IntArray]:
        """The groups either coder has spans in per ``"doc"`` or ``"label"`` as an
        array of values, and their true positives, ``|a|`` and ``|b|`` as the rows of
        an (n, 3) int64 array: :meth:`counts` with no tuple per group. Groups in the
        index's numbering order: increasing for ints, else first seen over all coders."""
        _check_by(by, ("doc", "label"))
        groups, table = self._grouped(by)
        numbering = self._index._docs if by == "doc" else self._index._labels
        return numbering.values(groups), table

    def key_arrays(self) -> tuple[Values, Values, IntArray]:
        """:meth:`arrays` per (doc, label): docs, labels and counts, ordered by label
        then doc (each in the numbering order)."""
        keys, table = self._grouped("key")
        docs, labels = self._index._key_numbers_split(keys)
        return self._index._docs.values(docs), self._index._labels.values(labels), table

    def _grouped(self, by: str) -> tuple[IntArray, IntArray]:
        """The encoded groups either coder has spans in, increasing, with their true
        positives, ``|a|`` and ``|b|`` as rows."""
        keys, table = self._key_table()
        if by == "key":
            return keys, table
        index = self._index
        docs, labels = index._key_numbers_split(keys)
        groups, size = (docs, index._docs.size) if by == "doc" else (labels, index._labels.size)
        present = np.flatnonzero(np.bincount(groups, minlength=size))
        sums = np.stack(
            [np.bincount(groups, weights=table[:, k], minlength=size) for k in range(3)], axis=1
        )
        # whole numbers far below 2**53: exact in floating point
        return present, sums[present].astype(np.int64)

    def _key_table(self) -> tuple[IntArray, IntArray]:
        """The pairing's table with the overlap pairs added."""
        if self._table is None:
            keys, table = self._pairing.keys, self._pairing.table
            extra_keys, extra_found = self._extra
            if len(extra_keys):
                table = table.copy()
                table[np.searchsorted(keys, extra_keys), 0] += extra_found
            self._table = (keys, table)
        return self._table

    def _first_seen(self, groups: IntArray, by: str) -> IntArray:
        """The order of `groups` by where each is first seen in ``a``'s spans, then in
        ``b``'s (the input order)."""
        index = self._index
        first = np.full(len(groups), np.iinfo(np.int64).max, dtype=np.int64)
        offset = 0
        for coder in (self._a, self._b):
            codes = index._codes_in(coder, self._docs)
            seen, at = np.unique(index._group_numbers(codes, by), return_index=True)
            place = np.searchsorted(groups, seen)
            first[place] = np.minimum(first[place], at + offset)
            offset = len(codes)
        return np.argsort(first, kind="stable")

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

    ``spans_by_coder`` maps each coder to its ``(doc, start, end, label)`` spans, or
    to `SpanArrays` (four integer arrays, read whole). :meth:`tally` compares two
    coders (optionally on some documents only) with the matching rules of the module
    doc; what identical pairing leaves over is kept for the last pair compared, so the
    exact and the overlap comparison of a pair share it when made one after the other.

    Each span is encoded as one integer, ``((label * n_docs + doc) * W + start) * W +
    end``, with documents and labels numbered (ints in increasing order, other values
    in first-seen order), offsets counted from the smallest start and ``W`` one more
    than the largest of them: a coder's spans are one int64 array (8 bytes a span;
    sorted as the agreement study holds them, by label, doc, start and end, the codes
    are already in order). Where a code could reach 2**62 the codes are Python ints
    in object arrays instead: the same operations, slower.
    """

    def __init__(
        self,
        spans_by_coder: Mapping[C, Iterable[tuple[D, int, int, L]] | SpanArrays],
    ):
        read = {coder: _read(spans, _side(coder)) for coder, spans in spans_by_coder.items()}
        try:
            self._docs: _Numbering[D] = _Numbering([r[0] for r in read.values()])
            self._labels: _Numbering[L] = _Numbering([r[3] for r in read.values()])
        except TypeError:  # an unhashable doc or label: name it
            for coder, (docs, starts, ends, labels) in read.items():
                try:
                    set(chain(docs, labels))
                except TypeError:
                    spans = zip(docs, starts.tolist(), ends.tolist(), labels, strict=True)
                    diagnose_spans(list(spans), _side(coder))
            raise
        offsets = [(r[1], r[2]) for r in read.values() if len(r[1])]
        # offsets are stored from the smallest start on, so negative ones encode too
        lowest = min((int(starts.min()) for starts, _ in offsets), default=0)
        highest = max((int(ends.max()) for _, ends in offsets), default=0)
        self._width = width = highest - lowest + 1
        self._per_key = width * width  # codes per (doc, label)
        self._n_docs = self._docs.size
        exact = self._labels.size * self._n_docs * self._per_key <= _CODE_LIMIT and all(
            starts.dtype == np.int64 and ends.dtype == np.int64 for starts, ends in offsets
        )
        self._codes: dict[C, Codes] = {}
        for coder, (docs, starts, ends, labels) in read.items():
            codes = self._labels.numbers(labels)
            codes *= self._n_docs
            codes += self._docs.numbers(docs)  # the encoded (doc, label)
            if exact:
                for offset in (starts, ends):
                    codes *= width
                    codes += offset - lowest
                self._codes[coder] = codes
            else:
                big = codes.astype(object)
                for offset in (starts, ends):
                    big = big * width + (offset.astype(object) - lowest)
                self._codes[coder] = big
        # per coder on all documents (on some: made again for each pair)
        self._distinct_cache: dict[C, _Distinct] = {}
        # the last pair's: its exact and overlap tally in a row share it
        self._last_pairing: tuple[tuple[C, C, frozenset[int] | None], _Pairing] | None = None

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
        wanted = None if docs is None else self._docs.numbers_of(docs)
        pairing = self._pairing(a, b, wanted)
        extra = (_empty(), _empty())
        if match == "overlap" and len(pairing.rest_a) and len(pairing.rest_b):
            extra = self._overlap_pairs(pairing.rest_a, pairing.rest_b)
        return SpanTally(self, a, b, wanted, pairing, extra)

    # --- encoded spans ----------------------------------------------------------

    def _key_numbers(self, codes: Codes) -> IntArray:
        """The encoded (doc, label) of each code: ``label * n_docs + doc``."""
        keys = codes // self._per_key
        return keys if keys.dtype == np.int64 else keys.astype(np.int64)

    def _key_numbers_split(self, keys: IntArray) -> tuple[IntArray, IntArray]:
        """Doc and label numbers of encoded (doc, label)s."""
        labels, docs = np.divmod(keys, self._n_docs)
        return docs, labels

    def _key_values(self, keys: IntArray) -> tuple[list[D], list[L]]:
        """The (doc, label) of encoded keys, as two columns."""
        docs, labels = self._key_numbers_split(keys)
        return self._docs.value_list(docs), self._labels.value_list(labels)

    def _group_numbers(self, codes: Codes, by: str) -> IntArray:
        keys = self._key_numbers(codes)
        if by == "key":
            return keys
        docs, labels = self._key_numbers_split(keys)
        return docs if by == "doc" else labels

    def _codes_in(self, coder: C, docs: frozenset[int] | None) -> Codes:
        """A coder's codes in input order, on `docs` only if given."""
        codes = self._codes[coder]
        if docs is None:
            return codes
        wanted = np.zeros(self._n_docs, dtype=bool)
        wanted[list(docs)] = True
        kept: Codes = codes[wanted[self._group_numbers(codes, "doc")]]
        return kept

    def _distinct(self, coder: C, docs: frozenset[int] | None) -> _Distinct:
        if docs is None and coder in self._distinct_cache:
            return self._distinct_cache[coder]
        codes = self._codes_in(coder, docs)
        if len(codes) > 1 and not (codes[1:] >= codes[:-1]).all():
            codes = np.sort(codes)
        starts = _run_starts(codes)
        if len(starts) == len(codes):
            distinct = _Distinct(codes, None)
        else:
            distinct = _Distinct(codes[starts], _run_lengths(starts, len(codes)))
        if docs is None:
            self._distinct_cache[coder] = distinct
        return distinct

    def _key_sizes(self, distinct: _Distinct) -> tuple[IntArray, IntArray]:
        """Encoded (doc, label)s of distinct codes, increasing, and the spans in each."""
        return _sum_runs(self._key_numbers(distinct.codes), distinct.counts)

    def _pairing(self, a: C, b: C, docs: frozenset[int] | None) -> _Pairing:
        key = (a, b, docs)
        if self._last_pairing is None or self._last_pairing[0] != key:
            self._last_pairing = None  # freed before the next is made
            x = self._distinct(a, docs)
            y = self._distinct(b, docs)
            in_y, in_x = _shared(x.codes, y.codes)
            paired: IntArray | None = None  # per shared code (None: one pair each)
            if x.counts is not None or y.counts is not None:
                paired = np.minimum(
                    1 if x.counts is None else x.counts[in_y],
                    1 if y.counts is None else y.counts[in_x],
                )
            common_keys, per_key = _sum_runs(self._key_numbers(x.codes[in_y]), paired)
            keys_a, sizes_a = self._key_sizes(x)
            keys_b, sizes_b = self._key_sizes(y)
            _, b_in_a = _shared(keys_a, keys_b)
            # two sorted runs: a stable sort merges them in linear time
            keys = np.sort(np.concatenate((keys_a, keys_b[~b_in_a])), kind="stable")
            table = np.zeros((len(keys), 3), dtype=np.int64)
            table[np.searchsorted(keys, common_keys), 0] = per_key
            table[np.searchsorted(keys, keys_a), 1] = sizes_a
            table[np.searchsorted(keys, keys_b), 2] = sizes_b
            self._last_pairing = (
                key,
                _Pairing(
                    identical=int(per_key.sum()),
                    size_a=x.size,
                    size_b=y.size,
                    keys=keys,
                    table=table,
                    rest_a=_left_over(x, in_y, paired),
                    rest_b=_left_over(y, in_x, paired),
                ),
            )
        return self._last_pairing[1]

    def _offsets(self, codes: Codes) -> tuple[Codes, Codes]:
        """Starts and ends of encoded spans, counted from the smallest start."""
        within = codes % self._per_key  # (np.divmod has no loop for object arrays)
        return within // self._width, within % self._width

    def _overlap_pairs(self, rest_a: Codes, rest_b: Codes) -> tuple[IntArray, IntArray]:
        """The encoded (doc, label)s where the greedy rule pairs spans left over by
        identical pairing, and how many pairs in each."""
        keys_a = self._key_numbers(rest_a)
        keys_b = self._key_numbers(rest_b)
        starts_a = _run_starts(keys_a)
        starts_b = _run_starts(keys_b)
        # only (doc, label)s with spans left on both sides can match more
        in_b, in_a = _shared(keys_a[starts_a], keys_b[starts_b])
        keys = keys_a[starts_a][in_b]
        first_a, n_a = starts_a[in_b], _run_lengths(starts_a, len(keys_a))[in_b]
        first_b, n_b = starts_b[in_a], _run_lengths(starts_b, len(keys_b))[in_a]
        span_starts_a, span_ends_a = self._offsets(rest_a)
        span_starts_b, span_ends_b = self._offsets(rest_b)
        found = np.zeros(len(keys), dtype=np.int64)
        # one span on a side: it is matched if it meets any span of the other
        one = n_a == 1
        at = first_a[one]
        found[one] = _meets_any(
            span_starts_a[at], span_ends_a[at], first_b[one], n_b[one], span_starts_b, span_ends_b
        )
        one_b = ~one & (n_b == 1)
        at = first_b[one_b]
        found[one_b] = _meets_any(
            span_starts_b[at],
            span_ends_b[at],
            first_a[one_b],
            n_a[one_b],
            span_starts_a,
            span_ends_a,
        )
        several = np.flatnonzero(~one & ~one_b)
        if len(several):  # the greedy rule, on these spans only
            spans_a = _spans_in(span_starts_a, span_ends_a, first_a[several], n_a[several])
            spans_b = _spans_in(span_starts_b, span_ends_b, first_b[several], n_b[several])
            for i, x, y in zip(several.tolist(), spans_a, spans_b, strict=True):
                found[i] = greedy_overlap(x, y)
        matched = found > 0
        return keys[matched], found[matched]


def _left_over(side: _Distinct, shared: Mask, paired: IntArray | None) -> Codes:
    """A side's spans (sorted codes) not paired identically."""
    if side.counts is None:  # one copy of each: the shared ones are paired
        return side.codes[~shared]
    left = side.counts.copy()
    left[shared] -= 1 if paired is None else paired
    rest: Codes = np.repeat(side.codes, left)
    return rest


def _side(coder: Hashable) -> str:
    return coder if isinstance(coder, str) else f"coder {coder!r}"
