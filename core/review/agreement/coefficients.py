"""Agreement coefficients for coded data (standard library only).

``data`` is a sequence of units; each unit is a sequence holding one value per
coder, ``None`` where that coder gave no value. Values are any hashable
objects (strings, ints, ...); the interval and ratio levels of Krippendorff's
alpha need real numbers.

All counting is done in exact integer / ``fractions.Fraction`` arithmetic and
converted to ``float`` once at the end (float values at the interval and ratio
levels are summed with ``math.fsum``), so results do not depend on the order of
the units or coders. Where a coefficient is 0/0 the functions raise
:class:`~core.review.agreement.errors.AgreementUndefined` (a ``ValueError``) instead of
returning NaN; bad arguments raise ``ValueError`` naming the problem.

Conventions shared by all chance-corrected coefficients (see docs/agreement.md):

* Missing values (``None``) are allowed. Two-coder coefficients (Cohen, Scott)
  use only the units where both coders gave a value; the multi-coder ones
  (Fleiss, Gwet, Krippendorff) use every unit with at least two values for the
  observed agreement and are described in their docstrings.
* ``categories=`` declares the possible values, including ones nobody used.
  Every value in the data must be among them. What they change is stated per
  coefficient; for all of them they settle the "no variation" case below.
* No variation: when every value is one and the same category, observed and
  expected disagreement are both zero (0/0). If ``categories=`` declares at
  least one other category, the coders had a choice and agreed perfectly: the
  result is ``1.0`` (the convention of DKPro Statistics, regression test
  ``FullAgreementTest`` for its issue #35). If no other category is known, the
  coefficient is undefined (Krippendorff: alpha needs variation) and
  ``AgreementUndefined`` is raised.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from fractions import Fraction
from functools import partial
from itertools import combinations
from numbers import Real
from operator import is_not, methodcaller
from typing import Any, TypeGuard, cast

from models.messages import Message

from .errors import AgreementUndefined
from .inputs import (
    Unit,
    UnitCounts,
    as_counted,
    as_units,
    declared_categories,
    known_categories,
    sorted_scale,
)

__all__ = [
    "LEVELS",
    "WEIGHTS",
    "UnitCounts",
    "cohen_kappa",
    "coincidence_matrix",
    "fleiss_kappa",
    "gwet_ac1",
    "krippendorff_alpha",
    "pairwise",
    "percent_agreement",
    "scott_pi",
]

LEVELS = ("nominal", "ordinal", "interval", "ratio")
WEIGHTS = (None, "linear", "quadratic")

# values of the interval and ratio levels (int and bool count as float to a type checker);
# Exact: those computed with in exact arithmetic
Number = float | Fraction
Exact = int | Fraction
# distinct units (their values, or only the values present) -> how often each occurs
Counted = dict[Unit, int]
Rated = dict[tuple[Hashable, ...], int]

_is_value = partial(is_not, None)
_has_missing = methodcaller("__contains__", None)


# ---------------------------------------------------------------------------
# conventions every coefficient shares (input checks: inputs.py)


def _no_variation(name: str, known: dict[Hashable, None]) -> float:
    """Result when observed and expected disagreement are both zero (see module doc)."""
    if len(known) >= 2:
        return 1.0
    only = next(iter(known), None)
    raise AgreementUndefined(
        Message(
            "{name} is undefined: every value is the same category {only!r}, so there is no "
            "variation to agree on; declare the other possible values with categories= to "
            "count this as perfect agreement (1.0)",
            name=name,
            only=only,
        )
    )


def _two_coder_pairs(
    units: Counted, n_coders: int, name: str
) -> dict[tuple[Hashable, Hashable], int]:
    """The units where both coders gave a value, with their counts."""
    if n_coders != 2:
        raise ValueError(f"{name} needs exactly two coders per unit, got {n_coders}")
    pairs = {(a, b): c for (a, b), c in units.items() if a is not None and b is not None}
    if not pairs:
        raise AgreementUndefined(
            Message("{name} is undefined: no unit has values from both coders", name=name)
        )
    return pairs


def _present(units: Counted) -> Rated:
    """Each unit's non-missing values, counted."""
    if not any(map(_has_missing, units)):
        return units
    present: Counter[tuple[Hashable, ...]] = Counter()
    for unit, count in units.items():
        present[tuple(filter(_is_value, unit))] += count
    return present


# ---------------------------------------------------------------------------
# observed agreement


def _pairwise_observed_agreement(rated: Rated) -> Fraction:
    """Mean over units with >= 2 values of the share of agreeing coder pairs."""
    agreeing: Counter[int] = Counter()  # by number of values m: sum of agreeing ordered pairs
    units_with_pairs = 0
    for unit, copies in rated.items():
        m = len(unit)
        if m < 2:
            continue
        units_with_pairs += copies
        if m == 2:
            agreeing[2] += 2 * copies if unit[0] == unit[1] else 0
        else:
            agreeing[m] += copies * sum(c * (c - 1) for c in Counter(unit).values())
    if units_with_pairs == 0:
        raise AgreementUndefined(
            Message("agreement is undefined: no unit has values from two coders")
        )
    total = sum((Fraction(a, m * (m - 1)) for m, a in agreeing.items()), Fraction(0))
    return total / units_with_pairs


def percent_agreement(data: Iterable[Sequence[Hashable | None]]) -> float:
    """Observed pairwise agreement, not corrected for chance.

    For each unit with values from at least two coders, the share of ordered
    pairs of its values that are equal; the result is the mean of these shares
    over those units (units with fewer than two values are ignored). With two
    coders this is the share of units on which they agree. This is the
    ``pa`` of Gwet's irrCAC (``pa.coeff.raw``) and the observed agreement of
    :func:`fleiss_kappa` and :func:`gwet_ac1`.

    Raises ``AgreementUndefined`` if no unit has two values.
    """
    units, _ = as_counted(data)
    return float(_pairwise_observed_agreement(_present(units)))


# ---------------------------------------------------------------------------
# two coders


def _weight_function(
    weights: str | None, known: dict[Hashable, None]
) -> Callable[[Hashable, Hashable], int]:
    if weights is None:
        return lambda a, b: 0 if a == b else 1
    scale = sorted_scale(known, f"{weights} weights")
    index = {category: position for position, category in enumerate(scale)}
    if weights == "linear":
        return lambda a, b: abs(index[a] - index[b])
    return lambda a, b: (index[a] - index[b]) ** 2


def cohen_kappa(
    data: Iterable[Sequence[Hashable | None]],
    weights: str | None = None,
    categories: Iterable[Hashable] | None = None,
) -> float:
    """Cohen's kappa for exactly two coders, optionally weighted.

    ``kappa = (p_o - p_e) / (1 - p_e)`` where ``p_o`` is the share of units on
    which the coders agree and ``p_e = sum_k p1(k) * p2(k)`` uses each coder's
    own marginal distribution (Cohen 1960). Weighted kappa (Cohen 1968) is
    ``1 - sum w_ij O_ij / sum w_ij E_ij`` with disagreement weights
    ``w_ij = |i - j|`` (``"linear"``) or ``(i - j) ** 2`` (``"quadratic"``),
    where ``i, j`` are positions in the sorted categories (numbers sort
    numerically, strings alphabetically; map labels to numbers for another
    order); this matches scikit-learn's ``cohen_kappa_score``.

    Units where either coder's value is ``None`` are left out (listwise).
    ``categories=`` declares the scale (without it, the scale is the values in
    the units analysed): unused categories do not change unweighted kappa, but
    for weighted kappa they sit on the scale and widen the distances between
    the categories around them. They also decide the no-variation case (module
    docstring).

    Raises ``ValueError`` unless every unit has exactly two values (coders) or
    for unknown ``weights``; ``AgreementUndefined`` when no unit has both values
    or there is no variation and no other category is declared.
    """
    if weights not in WEIGHTS:
        raise ValueError(f"unknown weights {weights!r}; use None, 'linear' or 'quadratic'")
    units, n_coders = as_counted(data)
    declared = declared_categories(categories)
    known_categories(units, declared)  # validates every value, complete units or not
    cells = _two_coder_pairs(units, n_coders, "Cohen's kappa")
    known = known_categories(cells, declared)
    weight = _weight_function(weights, known)

    n = sum(cells.values())
    rows: Counter[Hashable] = Counter()
    columns: Counter[Hashable] = Counter()
    for (a, b), count in cells.items():
        rows[a] += count
        columns[b] += count
    observed = n * sum(count * weight(a, b) for (a, b), count in cells.items())
    expected = sum(
        r_count * c_count * weight(r, c)
        for r, r_count in rows.items()
        for c, c_count in columns.items()
    )
    if expected == 0:
        return _no_variation("Cohen's kappa", known)
    return float(1 - Fraction(observed, expected))


def scott_pi(
    data: Iterable[Sequence[Hashable | None]],
    categories: Iterable[Hashable] | None = None,
) -> float:
    """Scott's pi for exactly two coders.

    ``pi = (p_o - p_e) / (1 - p_e)`` with ``p_e = sum_k pi_k ** 2`` where
    ``pi_k`` is the share of category ``k`` among both coders' values pooled
    (Scott 1955). Units where either value is ``None`` are left out.
    Unused ``categories`` do not change pi; they validate the data and decide
    the no-variation case (module docstring). For more than two coders use
    :func:`fleiss_kappa`, its generalisation.
    """
    units, n_coders = as_counted(data)
    declared = declared_categories(categories)
    known_categories(units, declared)
    pairs = _two_coder_pairs(units, n_coders, "Scott's pi")
    known = known_categories(pairs, declared)

    n = sum(pairs.values())
    agreeing = sum(count for (a, b), count in pairs.items() if a == b)
    pooled: Counter[Hashable] = Counter()
    for (a, b), count in pairs.items():
        pooled[a] += count
        pooled[b] += count
    squares = sum(count * count for count in pooled.values())
    # p_o = A/n, p_e = S/(2n)^2  =>  pi = (4nA - S) / (4n^2 - S)
    denominator = 4 * n * n - squares
    if denominator == 0:
        return _no_variation("Scott's pi", known)
    return float(Fraction(4 * n * agreeing - squares, denominator))


# ---------------------------------------------------------------------------
# many coders: Fleiss and Gwet


def _category_shares(rated: Rated) -> dict[Hashable, Fraction]:
    """``pi_k``: mean over units with >= 1 value of the share of ``k`` in the unit."""
    by_size: defaultdict[int, Counter[Hashable]] = defaultdict(Counter)
    n_units = 0
    for unit, copies in rated.items():
        m = len(unit)
        if m == 0:
            continue
        n_units += copies
        counts = by_size[m]
        for category in unit:
            counts[category] += copies
    shares: dict[Hashable, Fraction] = defaultdict(Fraction)
    for m, counts in by_size.items():
        for category, count in counts.items():
            shares[category] += Fraction(count, m)
    return {category: share / n_units for category, share in shares.items()}


def fleiss_kappa(
    data: Iterable[Sequence[Hashable | None]],
    categories: Iterable[Hashable] | None = None,
) -> float:
    """Fleiss' kappa for any number of coders, missing values allowed.

    ``kappa = (p_a - p_e) / (1 - p_e)``. ``p_a`` is :func:`percent_agreement`:
    for each unit with ``r_i >= 2`` values, ``sum_k r_ik (r_ik - 1) /
    (r_i (r_i - 1))``, averaged over those units. ``p_e = sum_k pi_k ** 2``
    where ``pi_k`` is the mean, over all units with at least one value, of
    ``r_ik / r_i``. With the same number of ratings on every unit this is
    exactly Fleiss (1971); with a varying number of ratings per unit (missing
    values) it is the generalised form of Gwet's Handbook of Inter-Rater
    Reliability as implemented by irrCAC's ``fleiss.kappa.raw``: units with a
    single value count towards ``pi_k`` but not towards ``p_a``; units with no
    value are ignored.

    Unused ``categories`` do not change kappa; they validate the data and
    decide the no-variation case (module docstring).
    """
    units, _ = as_counted(data)
    declared = declared_categories(categories)
    known = known_categories(units, declared)
    rated = _present(units)
    observed = _pairwise_observed_agreement(rated)
    chance = sum((share * share for share in _category_shares(rated).values()), Fraction(0))
    if chance == 1:
        return _no_variation("Fleiss' kappa", known)
    return float((observed - chance) / (1 - chance))


def gwet_ac1(
    data: Iterable[Sequence[Hashable | None]],
    categories: Iterable[Hashable] | None = None,
) -> float:
    """Gwet's AC1 for any number of coders, missing values allowed.

    ``AC1 = (p_a - p_e) / (1 - p_e)`` with ``p_a`` and ``pi_k`` as in
    :func:`fleiss_kappa` and the chance term
    ``p_e = sum_k pi_k (1 - pi_k) / (q - 1)`` (Gwet 2008; irrCAC's
    ``gwet.ac1.raw``), where ``q`` is the number of categories. Here
    ``categories=`` matters: ``q`` counts the declared categories, used or
    not; without it ``q`` is the number of distinct values in the data.

    Raises ``AgreementUndefined`` when ``q < 2`` (the chance term divides by
    ``q - 1``): declare the other possible values with ``categories=``. (irrCAC
    returns 1.0 there; DKPro Statistics refuses, as we do.)
    """
    units, _ = as_counted(data)
    declared = declared_categories(categories)
    known = known_categories(units, declared)
    rated = _present(units)
    observed = _pairwise_observed_agreement(rated)
    q = len(known)
    if q < 2:
        return _no_variation("Gwet's AC1", known)
    shares = _category_shares(rated)
    chance = sum((share * (1 - share) for share in shares.values()), Fraction(0)) / (q - 1)
    return float((observed - chance) / (1 - chance))


# ---------------------------------------------------------------------------
# Krippendorff's alpha


def _pairable(units: Counted) -> Rated:
    pairable = {values: count for values, count in _present(units).items() if len(values) >= 2}
    if not pairable:
        raise AgreementUndefined(
            Message(
                "Krippendorff's alpha is undefined: no unit has values from two coders "
                "(units with a single value are unpairable and ignored)"
            )
        )
    return pairable


def _coincidences(
    pairable: Rated,
) -> tuple[dict[tuple[Hashable, Hashable], Fraction], Counter[Hashable]]:
    """Krippendorff's coincidence matrix ``o_ck`` and the value counts ``n_c``.

    ``o_ck = sum_u (number of ordered pairs (c, k) of distinct coders' values in
    u) / (m_u - 1)``; only the entries that occur are returned.
    """
    raw_by_size: dict[int, Counter[tuple[Hashable, Hashable]]] = defaultdict(Counter)
    totals: Counter[Hashable] = Counter()
    for values, copies in pairable.items():
        m = len(values)
        raw = raw_by_size[m]
        for value in values:
            totals[value] += copies
        if m == 2:
            a, b = values
            raw[(a, b)] += copies
            raw[(b, a)] += copies
            continue
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                raw[(c, k)] += copies * (n_c * (n_c - 1) if c == k else n_c * n_k)
    matrix: dict[tuple[Hashable, Hashable], Fraction] = defaultdict(Fraction)
    for m, raw in raw_by_size.items():
        for pair, count in raw.items():
            if count:
                matrix[pair] += Fraction(count, m - 1)
    return dict(matrix), totals


def coincidence_matrix(
    data: Iterable[Sequence[Hashable | None]],
) -> dict[tuple[Hashable, Hashable], float]:
    """Krippendorff's coincidence matrix of ``data`` as ``{(c, k): o_ck}``.

    Built from the pairable units (at least two values); each unit contributes
    ``1 / (m_u - 1)`` for every ordered pair of values from different coders.
    The matrix is symmetric and its row ``c`` sums to the number of pairable
    values ``c``. Cells that are zero are left out.
    """
    units, _ = as_counted(data)
    matrix, _ = _coincidences(_pairable(units))
    return {pair: float(value) for pair, value in matrix.items()}


def _is_exact(value: object) -> TypeGuard[Exact]:
    return isinstance(value, (int, Fraction))


def _all_exact(values: Counter[Number]) -> TypeGuard[Counter[Exact]]:
    return all(map(_is_exact, values))


def _require_numbers(values: Iterable[Hashable], level: str) -> None:
    for value in values:
        if not isinstance(value, Real):
            raise ValueError(f"the {level} level needs numeric values, got {value!r}")
        if level == "ratio" and value < 0:
            raise ValueError(f"the ratio level needs values >= 0, got {value!r}")


def krippendorff_alpha(
    data: Iterable[Sequence[Hashable | None]],
    level: str = "nominal",
    categories: Iterable[Hashable] | None = None,
) -> float:
    """Krippendorff's alpha for any number of coders and missing values.

    ``alpha = 1 - D_o / D_e`` computed from the coincidence matrix
    (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
    ``D_o = sum_ck o_ck delta_ck / n`` and
    ``D_e = sum_ck n_c n_k delta_ck / (n (n - 1))`` where ``n`` is the number of
    pairable values. Only units with values from at least two coders are
    pairable; units with a single value are ignored, as Krippendorff specifies.

    ``level`` picks the difference function ``delta_ck``:

    * ``"nominal"``: 0 if equal, else 1.
    * ``"ordinal"``: ``(sum_{g=c..k} n_g - (n_c + n_k) / 2) ** 2`` over the sorted
      values (numbers numerically, strings alphabetically; map labels to
      numbers to impose another order).
    * ``"interval"``: ``(c - k) ** 2``; values must be numbers.
    * ``"ratio"``: ``((c - k) / (c + k)) ** 2``; values must be numbers >= 0.

    ``categories=`` declares the possible values. Unused values change no
    alpha (they have ``n_g = 0`` and the interval/ratio distances depend on the
    values alone); they validate the data and decide the no-variation case:
    alpha is 1.0 there when at least two categories are known, otherwise
    ``AgreementUndefined`` (module docstring).

    Cost: linear in the number of values; the ordinal and ratio levels add a
    term quadratic in the number of distinct values.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    units, _ = as_counted(data)
    declared = declared_categories(categories)
    known_categories(units, declared)
    pairable = _pairable(units)
    known = known_categories(pairable, declared)
    if level in ("interval", "ratio"):
        _require_numbers(known, level)
    if level == "ordinal":
        sorted_scale(known, "the ordinal level")

    matrix, totals = _coincidences(pairable)
    n = sum(totals.values())

    observed: Number
    expected: Number
    if level == "nominal":
        observed = sum((o for (c, k), o in matrix.items() if c != k), Fraction(0))
        expected = Fraction(n * n - sum(t * t for t in totals.values()), n - 1)
    elif level == "ordinal":
        observed, expected = _ordinal_sums(matrix, totals, n)
    else:
        # interval or ratio: every value is a number (_require_numbers above)
        numbers = cast("dict[tuple[Number, Number], Fraction]", matrix)
        counts = cast("Counter[Number]", totals)
        exact = _all_exact(counts)
        if level == "interval":
            observed = _sum((o * (c - k) ** 2 for (c, k), o in numbers.items()), exact)
            expected = _interval_expected(counts, n)
        else:
            observed = _sum((o * _ratio_delta(c, k) for (c, k), o in numbers.items()), exact)
            pairs = combinations(list(counts), 2)
            expected = 2 * _sum(
                (counts[c] * counts[k] * _ratio_delta(c, k) for c, k in pairs), exact
            )
            expected /= n - 1

    if expected == 0:
        return _no_variation("Krippendorff's alpha", known)
    return float(1 - observed / expected)


def _sum(terms: Iterable[Number], exact: bool) -> Number:
    """Exact for integers and fractions; for floats a correctly rounded, order-independent
    sum."""
    return sum(terms) if exact else math.fsum(terms)


def _ratio_delta(c: Number, k: Number) -> Number:
    total = c + k
    if total == 0:
        return 0
    if _is_exact(c) and _is_exact(k):
        return Fraction(c - k, c + k) ** 2
    return ((c - k) / total) ** 2


def _interval_expected(totals: Counter[Number], n: int) -> Number:
    """``sum_ck n_c n_k (c - k)^2 / (n - 1)``, exactly for integers, stably for floats."""
    if _all_exact(totals):
        first = sum(count * value for value, count in totals.items())
        second = sum(count * value * value for value, count in totals.items())
        return Fraction(2 * (n * second - first * first), n - 1)
    mean = math.fsum(count * value for value, count in totals.items()) / n
    spread = math.fsum(count * (value - mean) ** 2 for value, count in totals.items())
    return 2 * n * spread / (n - 1)


def _ordinal_sums(
    matrix: dict[tuple[Hashable, Hashable], Fraction], totals: Counter[Hashable], n: int
) -> tuple[Fraction, Fraction]:
    scale = sorted(totals)  # type: ignore[type-var]
    rank = {value: position for position, value in enumerate(scale)}
    counts = [totals[value] for value in scale]
    prefix = [0]
    for count in counts:
        prefix.append(prefix[-1] + count)

    def delta(i: int, j: int) -> Fraction:
        if i > j:
            i, j = j, i
        # (sum_{g=i..j} n_g - (n_i + n_j) / 2) ** 2, doubled inside to stay integral
        doubled = 2 * (prefix[j + 1] - prefix[i]) - counts[i] - counts[j]
        return Fraction(doubled * doubled, 4)

    observed = sum(
        (o * delta(rank[c], rank[k]) for (c, k), o in matrix.items() if c != k), Fraction(0)
    )
    expected = sum(
        (
            counts[i] * counts[j] * delta(i, j)
            for i in range(len(scale))
            for j in range(i + 1, len(scale))
        ),
        Fraction(0),
    )
    return observed, 2 * expected / (n - 1)


# ---------------------------------------------------------------------------
# helpers


def pairwise(
    data: Iterable[Sequence[Hashable | None]],
    coefficient: Callable[..., float] = cohen_kappa,
    **kwargs: Any,
) -> dict[tuple[int, int], float]:
    """Apply a coefficient to every pair of coders.

    Returns ``{(i, j): value}`` for coder indices ``i < j``, calling
    ``coefficient(two_coder_data, **kwargs)`` on the units restricted to those
    two coders (default :func:`cohen_kappa`). Pairs for which the coefficient
    is undefined (``AgreementUndefined``, e.g. the two coders share no unit)
    are left out of the result; other errors propagate.
    """
    units, n_coders = as_units(data)
    result: dict[tuple[int, int], float] = {}
    for i, j in combinations(range(n_coders), 2):
        try:
            result[(i, j)] = coefficient([(unit[i], unit[j]) for unit in units], **kwargs)
        except AgreementUndefined:
            continue
    return result
