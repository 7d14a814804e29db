"""Krippendorff's alpha for unitized data (the u-alpha of 1995/2004).

Coders mark units ``(coder, start, end, label)`` on one continuum
``[begin, end)`` of integer positions (e.g. character offsets); everything a
coder left unmarked is a gap. This module computes the same coefficient as
DKPro Statistics' ``KrippendorffAlphaUnitizingAgreement`` (used by INCEpTION),
label by label:

* Observed disagreement of label ``c``: for every pair of coders, every pair of
  their ``c``-units that intersect contributes ``(s1 - s2)**2 + (e1 - e2)**2``,
  and every ``c``-unit of one coder that lies wholly inside a gap of the other
  (i.e. meets none of the other's ``c``-units) contributes ``length**2``. The
  sum is multiplied by ``2 / (R (R - 1) L**2)`` for ``R`` coders and continuum
  length ``L``.
* Expected disagreement of ``c``: with ``N_c`` units of length ``l`` (all
  coders) and the gaps ``g`` between each coder's ``c``-units (a coder without
  such units has one gap ``L``)::

      D_E = 2/L * sum_units [ (N_c - 1) l (l - 1) (2l - 1) / 3
                              + l**2 * sum_{g >= l} (g - l + 1) ]
            / (R L (R L - 1) - sum_units l (l - 1))

* ``alpha_c = 1 - D_O(c) / D_E(c)``; the overall alpha (``label=None``) is
  ``1 - mean_c D_O(c) / mean_c D_E(c)`` over the labels that occur, as DKPro
  aggregates.

The implementation sorts each coder's units per label (already sorted input is
detected and not re-sorted), finds intersecting pairs by one merge pass over two
coders' units, and sums the gap terms over sorted gaps with suffix sums and
binary search per distinct unit length: O(n log n) for n units, times the
number of coder pairs, in exact integer arithmetic. No per-position arrays.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import accumulate, chain, combinations, islice, pairwise
from operator import itemgetter, le
from typing import NoReturn, TypeVar

import numpy as np
import numpy.typing as npt

from models.messages import Message

from .errors import AgreementUndefined
from .inputs import is_int, listed

__all__ = [
    "OVERLAP_POLICIES",
    "UnitizingDisagreement",
    "concatenate_documents",
    "pairwise_unitizing_disagreement",
    "unitizing_alpha",
    "unitizing_alpha_by_label",
    "unitizing_disagreement",
]

OVERLAP_POLICIES = ("raise", "drop")

C = TypeVar("C", bound=Hashable)  # a coder
L = TypeVar("L", bound=Hashable)  # a label
D = TypeVar("D", bound=Hashable)  # a document

_first = itemgetter(0)
_second = itemgetter(1)
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class UnitizingDisagreement:
    """Observed and expected disagreement of one label (DKPro's D_O and D_E)."""

    observed: float
    expected: float


# ---------------------------------------------------------------------------
# input


def _check_continuum(begin: object, end: object) -> None:
    if not (is_int(begin) and is_int(end)):
        raise ValueError(f"begin and end must be integers, got {begin!r} and {end!r}")
    if end <= begin:
        raise ValueError(f"the continuum [begin, end) = [{begin}, {end}) is empty")


Track = tuple[IntArray, IntArray]  # one coder's units of one label: starts, ends (sorted)
_EMPTY: Track = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


def _diagnose(
    units: Sequence[Iterable[object]],
    begin: int,
    end: int,
    declared: Container[Hashable] | None,
) -> NoReturn:
    """Raise a ``ValueError`` naming the first bad unit (slow path, errors only)."""
    for index, item in enumerate(units):
        try:
            coder, start, stop, label = item
        except (TypeError, ValueError):
            raise ValueError(
                f"unit {index} is {item!r}; expected a (coder, start, end, label) tuple"
            ) from None
        if not (is_int(start) and is_int(stop)):
            raise ValueError(f"unit {index}: start and end must be integers, got {item!r}")
        if not begin <= start < stop <= end:
            raise ValueError(
                f"unit {index}: need begin <= start < end <= continuum end, i.e. "
                f"{begin} <= {start} < {stop} <= {end}"
            )
        if label is None:
            raise ValueError(
                f"unit {index}: label must not be None (use one placeholder label for "
                "unlabelled units)"
            )
        try:
            hash((coder, label))
        except TypeError:
            raise ValueError(f"unit {index}: coder and label must be hashable: {item!r}") from None
        if declared is not None and coder not in declared:
            raise ValueError(f"unit {index}: coder {coder!r} is not among coders=")
    raise ValueError("invalid units")  # pragma: no cover - every caller found a bad unit


# units: (coder, start, end, label) tuples or, already grouped, a mapping
# (coder, label) -> (starts, ends), each a sequence of ints or an integer numpy array
Offsets = Sequence[int] | npt.NDArray[np.integer]
Units = Iterable[tuple[C, int, int, L]] | Mapping[tuple[C, L], tuple[Offsets, Offsets]]


def _collect(
    units: Units[C, L],
    begin: int,
    end: int,
    coders: Iterable[C] | None,
    overlap: str,
) -> tuple[list[C], dict[L, dict[C, Track]]]:
    """Validate ``units``; return the coders and ``{label: {coder: (starts, ends)}}``.

    ``units`` are ``(coder, start, end, label)`` tuples or, already grouped, a
    mapping ``(coder, label) -> (starts, ends)``. The common, valid case runs in
    C-level loops (``map``, ``sort``); any problem sends the input through
    :func:`_diagnose` (or names the track) for a message naming the unit.
    """
    if overlap not in OVERLAP_POLICIES:
        raise ValueError(f"unknown overlap policy {overlap!r}; use 'raise' or 'drop'")
    _check_continuum(begin, end)
    declared: dict[C, None] | None = None
    if coders is not None:
        if isinstance(coders, (str, bytes)):
            raise ValueError("coders must be a collection of coder ids, not a single string")
        declared = dict.fromkeys(coders)
    if isinstance(units, Mapping):
        return _collect_tracks(units, begin, end, declared, overlap)
    items = listed(units, "units must be an iterable of (coder, start, end, label) tuples")

    # one flat list [start, end, start, end, ...] per (label, coder)
    buckets: defaultdict[tuple[L, C], list[int]] = defaultdict(list)
    try:
        for coder, start, stop, label in items:
            bucket = buckets[label, coder]
            bucket.append(start)
            bucket.append(stop)
    except (TypeError, ValueError):
        _diagnose(items, begin, end, declared)

    def fail() -> NoReturn:
        _diagnose(items, begin, end, declared)

    seen_coders: dict[C, None] = {}
    by_label: dict[L, dict[C, Track]] = {}
    for (label, coder), bucket in buckets.items():
        if label is None or (declared is not None and coder not in declared):
            fail()
        track = _prepared(bucket[0::2], bucket[1::2], begin, end, coder, label, overlap, fail)
        seen_coders[coder] = None
        by_label.setdefault(label, {})[coder] = track
    return list(declared if declared is not None else seen_coders), by_label


def _collect_tracks(
    tracks: Mapping[tuple[C, L], tuple[Offsets, Offsets]],
    begin: int,
    end: int,
    declared: dict[C, None] | None,
    overlap: str,
) -> tuple[list[C], dict[L, dict[C, Track]]]:
    seen_coders: dict[C, None] = {}
    by_label: dict[L, dict[C, Track]] = {}
    for key, value in tracks.items():
        try:
            (coder, label), (given_starts, given_stops) = key, value
            starts, stops = _offsets(given_starts), _offsets(given_stops)
            hash(key)
        except (TypeError, ValueError):
            raise ValueError(
                f"track {key!r}: expected (coder, label) -> (starts, ends), got {value!r}"
            ) from None
        if label is None:
            raise ValueError(f"track {key!r}: label must not be None")
        if declared is not None and coder not in declared:
            raise ValueError(f"track {key!r}: coder {coder!r} is not among coders=")
        if len(starts) != len(stops):
            raise ValueError(f"track {key!r}: {len(starts)} starts but {len(stops)} ends")
        if not len(starts):
            continue

        def fail(key: object = key, starts: Offsets = starts, stops: Offsets = stops) -> NoReturn:
            pairs = zip(_plain(starts), _plain(stops), strict=True)
            for i, (start, stop) in enumerate(pairs):
                if not (is_int(start) and is_int(stop)):
                    raise ValueError(f"track {key!r}, unit {i}: start and end must be integers")
                if not begin <= start < stop <= end:
                    raise ValueError(
                        f"track {key!r}, unit {i}: need begin <= start < end <= continuum end, "
                        f"i.e. {begin} <= {start} < {stop} <= {end}"
                    )
            raise ValueError(f"track {key!r}: invalid units")  # pragma: no cover

        track = _prepared(starts, stops, begin, end, coder, label, overlap, fail)
        seen_coders[coder] = None
        by_label.setdefault(label, {})[coder] = track
    return list(declared if declared is not None else seen_coders), by_label


def _offsets(values: Offsets) -> Offsets:
    """A track's offsets as given when an integer array, else as a list."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "iu":
        return values
    if isinstance(values, (str, bytes)):
        raise TypeError("offsets must be integers")
    return list(values)


def _plain(values: Offsets) -> list[int]:
    return values.tolist() if isinstance(values, np.ndarray) else list(values)


def _prepared(
    starts: Offsets,
    stops: Offsets,
    begin: int,
    end: int,
    coder: Hashable,
    label: Hashable,
    overlap: str,
    fail: Callable[[], NoReturn],
) -> Track:
    """One coder's units of one label checked, sorted and made disjoint (per `overlap`),
    as int64 arrays."""
    given = []
    for values in (starts, stops):
        if isinstance(values, np.ndarray):
            given.append(values.astype(np.int64, copy=False))
            continue
        if not (set(map(type, values)) <= {int} or all(map(is_int, values))):
            fail()
        try:
            given.append(np.array(values, dtype=np.int64))
        except OverflowError:
            raise ValueError(
                f"coder {coder!r}, label {label!r}: offsets must fit in 64 bits"
            ) from None
    first, last = given
    if not (first < last).all():
        fail()
    if first.min() < begin or last.max() > end:
        fail()
    # With positive lengths, end[i] <= start[i + 1] for all i means sorted and disjoint.
    if not (last[:-1] <= first[1:]).all():
        order = np.argsort(first, kind="stable")
        first, last = first[order], last[order]
        if not (last[:-1] <= first[1:]).all():
            kept = _disjoint(first.tolist(), last.tolist(), coder, label, overlap)
            first, last = (np.array(values, dtype=np.int64) for values in kept)
    return first, last


def _disjoint(
    starts: list[int], stops: list[int], coder: Hashable, label: Hashable, overlap: str
) -> tuple[list[int], list[int]]:
    """Sort one coder's units of a label and deal with overlaps per the policy."""
    bucket = sorted(zip(starts, stops, strict=True))
    starts, stops = _track(bucket)
    if all(map(le, stops, islice(starts, 1, None))):
        return starts, stops
    if overlap == "raise":
        for previous, current in pairwise(bucket):
            if current[0] < previous[1]:
                raise ValueError(
                    f"coder {coder!r} has overlapping units with label {label!r}: "
                    f"{previous} and {current}; unitizing alpha needs one coder's units of "
                    "a label to be disjoint (pass overlap='drop' to keep the first of "
                    "overlapping units)"
                )
    # "drop": earliest start first, the longest of equal starts; keep a unit only if
    # it starts at or after the end of the last kept one.
    bucket.sort(key=lambda span: (span[0], -span[1]))
    kept_starts: list[int] = []
    kept_stops: list[int] = []
    last_end = None
    for start, stop in bucket:
        if last_end is None or start >= last_end:
            kept_starts.append(start)
            kept_stops.append(stop)
            last_end = stop
    return kept_starts, kept_stops


# ---------------------------------------------------------------------------
# the two disagreements


def _observed_sum(a: Track, b: Track) -> int:
    """Sum of DKPro's unitizing distances between two coders' tracks of one label.

    Intersecting unit pairs contribute ``(s_a - s_b)**2 + (e_a - e_b)**2``; a unit
    meeting no unit of the other coder lies inside one of its gaps and contributes
    its squared length. Both tracks are disjoint and sorted, so the units of `b`
    meeting a unit of `a` are one run, found by two binary searches.
    """
    a_starts, a_stops = a
    b_starts, b_stops = b
    first = np.searchsorted(b_stops, a_starts, side="right")  # b ending after it starts
    stop = np.searchsorted(b_starts, a_stops, side="left")  # b starting before it ends
    met = np.maximum(stop - first, 0)
    pairs = int(met.sum())
    a_index = np.repeat(np.arange(len(a_starts)), met)
    # b's index in each pair: the run's first, then one more per pair of the same unit
    b_index = np.arange(pairs) - np.repeat(np.cumsum(met) - met - first, met)
    b_met = np.zeros(len(b_starts), dtype=bool)
    b_met[b_index] = True
    terms = (
        (a_starts[a_index] - b_starts[b_index], a_stops[a_index] - b_stops[b_index]),
        (a_stops - a_starts)[met == 0],
        (b_stops - b_starts)[~b_met],
    )
    return sum(map(_sum_of_squares, chain(terms[0], terms[1:])))


def _track(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    pairs = list(spans)
    return list(map(_first, pairs)), list(map(_second, pairs))


def _sum_of_squares(values: IntArray) -> int:
    """The exact sum of the squares of `values` (in int64 while it cannot overflow)."""
    if not len(values):
        return 0
    largest = int(np.abs(values).max())
    if largest * largest * len(values) < 2**63:
        return int(np.dot(values, values))
    return sum(value * value for value in values.tolist())


def _gaps(track: Track, begin: int, end: int) -> IntArray:
    starts, stops = track
    if not len(starts):
        return np.array([end - begin], dtype=np.int64)
    edges = np.array([starts[0] - begin, end - stops[-1]], dtype=np.int64)
    gaps: IntArray = np.concatenate((edges[:1], starts[1:] - stops[:-1], edges[1:]))
    return gaps[gaps > 0]


@dataclass(frozen=True)
class _TrackStats:
    """What the expected disagreement needs of one coder's units of one label."""

    lengths: Counter[int]  # unit length -> how many
    gaps: list[int]  # sorted
    suffix: list[int]  # suffix[i]: sum of the i largest gaps


def _stats(track: Track, begin: int, end: int) -> _TrackStats:
    gaps = np.sort(_gaps(track, begin, end)).tolist()
    sizes, counts = np.unique(track[1] - track[0], return_counts=True)
    return _TrackStats(
        Counter(dict(zip(sizes.tolist(), counts.tolist(), strict=True))),
        gaps,
        list(accumulate(reversed(gaps), initial=0)),
    )


def _expected(by_coder: Mapping[C, Track], coders: list[C], begin: int, end: int) -> Fraction:
    return _expected_from([_stats(by_coder.get(c, _EMPTY), begin, end) for c in coders], begin, end)


def _expected_from(stats: list[_TrackStats], begin: int, end: int) -> Fraction:
    """DKPro's expected disagreement for the coders whose statistics are given.

    The gap term sums ``g - l + 1`` over every coder's gaps ``g >= l``: per coder,
    a binary search in its sorted gaps and a suffix sum, added up over coders.
    """
    length = end - begin
    n_coders = len(stats)
    lengths: Counter[int] = Counter()
    for coder in stats:
        lengths.update(coder.lengths)
    n_units = sum(lengths.values())
    squared = sum(count * size * (size - 1) for size, count in lengths.items())
    total3 = 0  # three times DKPro's sum, to stay in integers
    for size, count in lengths.items():
        fitting = 0  # sum over all gaps >= size of (g - size + 1)
        for coder in stats:
            k = len(coder.gaps) - bisect_left(coder.gaps, size)
            fitting += coder.suffix[k] - k * (size - 1)
        total3 += count * (
            (n_units - 1) * size * (size - 1) * (2 * size - 1) + 3 * size * size * fitting
        )
    denominator = 3 * length * (n_coders * length * (n_coders * length - 1) - squared)
    return Fraction(2 * total3, denominator)


def _collect_coders(
    units: Units[C, L],
    begin: int,
    end: int,
    coders: Iterable[C] | None,
    overlap: str,
) -> tuple[list[C], dict[L, dict[C, Track]]]:
    """:func:`_collect`, refusing fewer than two coders (alpha is undefined then)."""
    coder_list, by_label = _collect(units, begin, end, coders, overlap)
    if len(coder_list) < 2:
        raise AgreementUndefined(
            Message(
                "unitizing alpha is undefined for {count} coder(s); it needs at least "
                "two (pass coders= to include coders who marked no unit)",
                count=len(coder_list),
            )
        )
    return coder_list, by_label


def _disagreements(
    units: Units[C, L],
    begin: int,
    end: int,
    coders: Iterable[C] | None,
    overlap: str,
    only: L | None = None,
) -> dict[L, tuple[Fraction, Fraction]]:
    """``{label: (D_O, D_E)}`` exactly; all labels, or just ``only`` if given."""
    coder_list, by_label = _collect_coders(units, begin, end, coders, overlap)
    length = end - begin
    scale = len(coder_list) * (len(coder_list) - 1) * length * length
    result = {}
    for label, by_coder in by_label.items():
        if only is not None and label != only:
            continue
        observed = sum(
            _observed_sum(by_coder.get(c1, _EMPTY), by_coder.get(c2, _EMPTY))
            for c1, c2 in combinations(coder_list, 2)
        )
        result[label] = (
            Fraction(2 * observed, scale),
            _expected(by_coder, coder_list, begin, end),
        )
    return result


def pairwise_unitizing_disagreement(
    units: Units[C, L],
    begin: int,
    end: int,
    *,
    coders: Iterable[C] | None = None,
    overlap: str = "raise",
) -> tuple[dict[L, UnitizingDisagreement], dict[tuple[C, C], dict[L, UnitizingDisagreement]]]:
    """All coders' disagreement per label, and every pair's, from one pass.

    Returns ``(overall, pairs)``: ``overall`` is :func:`unitizing_disagreement`
    for all coders; ``pairs[(c1, c2)]`` (coders in ``coders`` order) is what
    :func:`unitizing_disagreement` gives for the units of ``c1`` and ``c2`` alone
    on the same continuum — a label neither of them used is absent. The pairs'
    observed disagreements are the terms of the overall one, so they cost
    nothing extra; each pair adds an expected disagreement per label.
    """
    coder_list, by_label = _collect_coders(units, begin, end, coders, overlap)
    length = end - begin
    scale = len(coder_list) * (len(coder_list) - 1) * length * length
    pairs = list(combinations(coder_list, 2))
    overall: dict[L, UnitizingDisagreement] = {}
    by_pair: dict[tuple[C, C], dict[L, UnitizingDisagreement]] = {pair: {} for pair in pairs}
    for label, by_coder in by_label.items():
        stats = {c: _stats(by_coder.get(c, _EMPTY), begin, end) for c in coder_list}
        total = 0
        for c1, c2 in pairs:
            observed = _observed_sum(by_coder.get(c1, _EMPTY), by_coder.get(c2, _EMPTY))
            total += observed
            if c1 in by_coder or c2 in by_coder:
                expected = _expected_from([stats[c1], stats[c2]], begin, end)
                by_pair[(c1, c2)][label] = UnitizingDisagreement(
                    float(Fraction(2 * observed, 2 * length * length)), float(expected)
                )
        expected = _expected_from([stats[c] for c in coder_list], begin, end)
        overall[label] = UnitizingDisagreement(float(Fraction(2 * total, scale)), float(expected))
    return overall, by_pair


def _alpha(observed: Fraction, expected: Fraction, what: str) -> float:
    if expected == 0:
        # expected disagreement 0 forces observed 0: every coder marked the whole
        # continuum with units of length 1 - no variation to agree on
        raise AgreementUndefined(
            Message("unitizing alpha {what} is undefined: no variation", what=what)
        )
    return float(1 - observed / expected)


def unitizing_disagreement(
    units: Units[C, L],
    begin: int,
    end: int,
    *,
    coders: Iterable[C] | None = None,
    overlap: str = "raise",
) -> dict[L, UnitizingDisagreement]:
    """Observed and expected disagreement per label, as DKPro reports them.

    Arguments as for :func:`unitizing_alpha`. Labels appear in first-seen order.
    """
    return {
        label: UnitizingDisagreement(float(observed), float(expected))
        for label, (observed, expected) in _disagreements(
            units, begin, end, coders, overlap
        ).items()
    }


def unitizing_alpha(
    units: Units[C, L],
    begin: int,
    end: int,
    label: L | None = None,
    *,
    coders: Iterable[C] | None = None,
    overlap: str = "raise",
) -> float:
    """Krippendorff's unitizing alpha (1995/2004) on the continuum ``[begin, end)``.

    ``units`` are ``(coder, start, end, label)`` tuples with integer offsets,
    ``begin <= start < end <= continuum end``; coders and labels are any
    hashable values (labels not ``None``). ``label=None`` gives the overall
    alpha over all labels (DKPro's ``calculateAgreement``); a label gives that
    label's alpha (DKPro's ``calculateCategoryAgreement``).

    ``coders`` lists every coder taking part; give it when a coder may have
    marked nothing (such a coder otherwise does not count at all). By default
    the coders are those that occur in ``units``.

    One coder's units with the same label must not overlap (the measure is not
    defined for them). ``overlap="raise"`` (default) raises ``ValueError``;
    ``overlap="drop"`` keeps, per coder and label, the earliest-starting unit
    (the longest of those starting together) and drops units that start before
    the end of the last kept one, much as INCEpTION skips them.

    Raises ``AgreementUndefined`` with fewer than two coders, when no unit has
    the requested label (or there are no units at all), or when the expected
    disagreement is zero (no variation). DKPro returns 0.0 or NaN there.

    To compare several documents, lay them end to end on one continuum
    (:func:`concatenate_documents`).
    """
    found = _disagreements(units, begin, end, coders, overlap, only=label)
    if label is not None:
        if label not in found:
            raise AgreementUndefined(
                Message("unitizing alpha is undefined: no unit has label {label!r}", label=label)
            )
        observed, expected = found[label]
        return _alpha(observed, expected, Message("for label {label!r}", label=label))
    if not found:
        raise AgreementUndefined(Message("unitizing alpha is undefined: there are no units"))
    observed = sum((o for o, _ in found.values()), Fraction(0))
    expected = sum((e for _, e in found.values()), Fraction(0))
    return _alpha(observed, expected, Message("over all labels"))


def unitizing_alpha_by_label(
    units: Units[C, L],
    begin: int,
    end: int,
    *,
    coders: Iterable[C] | None = None,
    overlap: str = "raise",
) -> dict[L, float]:
    """``{label: alpha}`` for every label in ``units``, computed in one pass.

    Arguments as for :func:`unitizing_alpha`. A label whose alpha is undefined
    (no variation) is left out. Raises ``AgreementUndefined`` with fewer than
    two coders.
    """
    result = {}
    for label, (observed, expected) in _disagreements(units, begin, end, coders, overlap).items():
        if expected != 0:
            result[label] = float(1 - observed / expected)
    return result


def concatenate_documents(
    units: Iterable[tuple[D, C, int, int, L]],
    lengths: Mapping[D, int],
) -> tuple[list[tuple[C, int, int, L]], int, int]:
    """Lay documents end to end on one continuum for :func:`unitizing_alpha`.

    ``units`` are ``(doc, coder, start, end, label)`` with offsets inside their
    document; ``lengths`` maps every document to its length and fixes the
    order in which documents are laid out (its iteration order). Returns
    ``(continuum_units, 0, total_length)``, ready to unpack into
    :func:`unitizing_alpha`. The order matters a little: the gap at the end of
    one document joins the gap at the start of the next, which changes the
    expected disagreement; keep the order stable between runs.
    """
    offsets: dict[D, int] = {}
    position = 0
    for doc, size in lengths.items():
        if not is_int(size) or size < 0:
            raise ValueError(f"document {doc!r} has length {size!r}; need an integer >= 0")
        offsets[doc] = position
        position += size
    placed = []
    for index, item in enumerate(units):
        try:
            doc, coder, start, stop, label = item
        except (TypeError, ValueError):
            raise ValueError(
                f"unit {index} is {item!r}; expected a (doc, coder, start, end, label) tuple"
            ) from None
        if doc not in offsets:
            raise ValueError(f"unit {index}: document {doc!r} has no length in lengths")
        if not (is_int(start) and is_int(stop)) or not 0 <= start < stop <= lengths[doc]:
            raise ValueError(
                f"unit {index}: need 0 <= start < end <= {lengths[doc]} (length of {doc!r}), "
                f"got {start!r}, {stop!r}"
            )
        offset = offsets[doc]
        placed.append((coder, start + offset, stop + offset, label))
    return placed, 0, position
