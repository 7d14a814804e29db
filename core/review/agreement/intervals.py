"""Chance-corrected coefficients with a weight matrix, their standard errors and 95%
confidence intervals, as in Gwet's *Handbook of Inter-Rater Reliability* (4th ed.,
2014) and his irrCAC package.

`estimate(data, coefficient, weights=None, categories=None)` returns an `Estimate`:
the value, the standard error, the confidence interval and how they were found. The
coefficients (``COEFFICIENTS``):

* ``"percent"``, ``"bennett"`` (Bennett's S, Brennan-Prediger), ``"gwet"`` (AC1, AC2
  when weighted), ``"fleiss"``, ``"conger"``, ``"krippendorff"``: any number of
  coders, missing values allowed, Gwet's formulas for raw ratings (irrCAC's
  ``*.raw`` functions);
* ``"cohen"``, ``"scott"``: two coders, units either coder left out dropped; the
  contingency-table formulas (irrCAC's ``kappa2.table``, ``scott2.table``).

``weights`` are agreement weights (1 on the diagonal, 0 for full disagreement):
``None`` (identity), ``"linear"`` (``1 - |i - j| / (q - 1)``), ``"quadratic"``
(``1 - (i - j)^2 / (q - 1)^2``) over the positions of the categories in order, or
a matrix: a mapping ``{(a, b): weight}`` (pairs left out weigh 0, the diagonal 1),
or ``q`` rows of ``q`` numbers in the order of ``categories=`` (which it then needs).
The categories are ``categories=`` in the order given, or the values seen, sorted.

Values are computed in exact arithmetic (so the unweighted ones equal
`cohen_kappa`, `fleiss_kappa`... exactly); the variance follows Gwet's linearisation
(each unit's contribution to the coefficient, their spread over the ``n`` units) and
the interval is ``value ± t(0.975, n - 1) · se``, cut at 1 above as irrCAC does.

`bootstrap_sums` is the seeded bootstrap over units for figures without a formula
(span F1 and the other counts-based figures of a project, unitizing alpha).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from statistics import NormalDist
from typing import TYPE_CHECKING

from models.messages import Message

from .errors import AgreementUndefined
from .inputs import Unit, as_counted, declared_categories, known_categories, sorted_scale

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

COEFFICIENTS = (
    "percent",
    "cohen",
    "scott",
    "bennett",
    "gwet",
    "fleiss",
    "conger",
    "krippendorff",
)
CONFIDENCE = 0.95
BOOTSTRAP_REPLICATES = 1000
BOOTSTRAP_SEED = 2013

Weights = str | Mapping[tuple[Hashable, Hashable], float] | Sequence[Sequence[float]] | None


@dataclass(frozen=True)
class Estimate:
    """A coefficient with its precision: `se` and the interval `low`..`high` are None
    when they cannot be computed (a single unit)."""

    value: float
    se: float | None
    low: float | None
    high: float | None
    method: str  # "analytic" (Gwet's formulas) or "bootstrap"
    units: int  # units the variance is over


# --- Student's t ---------------------------------------------------------------------


@lru_cache(maxsize=256)
def t_quantile(p: float, df: int) -> float:
    """The `p` quantile (p > 0.5) of Student's t with `df` degrees of freedom: the
    exact finite series of the distribution function (Abramowitz & Stegun 26.7.3-4)
    solved by bisection below 1,000 degrees of freedom, the Cornish-Fisher expansion
    in the normal quantile (A&S 26.7.5, error below 1e-13 there) from there."""
    if df < 1:
        raise ValueError("Student's t needs at least one degree of freedom")
    if df >= 1000:
        z = NormalDist().inv_cdf(p)
        g1 = (z**3 + z) / 4
        g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
        g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
        g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
        return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4
    target = 2 * p - 1  # P(|T| <= t)
    low, high = 0.0, 1.0
    while _t_central(high, df) < target:
        high *= 2
    for _ in range(100):
        middle = (low + high) / 2
        if _t_central(middle, df) < target:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def _t_central(t: float, df: int) -> float:
    """P(|T| <= t) for Student's t with an integer number of degrees of freedom."""
    theta = math.atan(t / math.sqrt(df))
    c2 = math.cos(theta) ** 2
    if df % 2 == 0:
        term, total = 1.0, 1.0
        for k in range(1, df // 2):
            term *= c2 * (2 * k - 1) / (2 * k)
            total += term
        return math.sin(theta) * total
    if df == 1:
        return 2 * theta / math.pi
    term, total = 1.0, 1.0
    for k in range(1, (df - 1) // 2):
        term *= c2 * (2 * k) / (2 * k + 1)
        total += term
    return 2 / math.pi * (theta + math.sin(theta) * math.cos(theta) * total)


def interval(value: float, se: float | None, units: int) -> tuple[float | None, float | None]:
    """`value ± t(0.975, units - 1) · se`, the upper end cut at 1 (irrCAC's rule)."""
    if se is None or units < 2:
        return None, None
    margin = se * t_quantile(1 - (1 - CONFIDENCE) / 2, units - 1)
    return value - margin, min(1.0, value + margin)


# --- categories and weights ------------------------------------------------------------


def weight_matrix(weights: Weights, categories: Sequence[Hashable]) -> list[list[Fraction]]:
    """The q x q agreement weights (exact) in the order of `categories`."""
    q = len(categories)
    if weights is None:
        return [[Fraction(int(i == j)) for j in range(q)] for i in range(q)]
    if isinstance(weights, str):
        if weights not in ("linear", "quadratic"):
            raise ValueError(
                f"unknown weights {weights!r}; use None, 'linear', 'quadratic' or a matrix"
            )
        sorted_scale(categories, f"{weights} weights")
        span = max(q - 1, 1)
        power = 1 if weights == "linear" else 2
        return [
            [1 - Fraction(abs(i - j) ** power, span**power) for j in range(q)] for i in range(q)
        ]
    if isinstance(weights, Mapping):
        matrix = [[Fraction(int(i == j)) for j in range(q)] for i in range(q)]
        index = {category: i for i, category in enumerate(categories)}
        for (a, b), w in weights.items():
            if a not in index or b not in index:
                raise ValueError(f"weights name {(a, b)!r}, not a pair of categories")
            matrix[index[a]][index[b]] = Fraction(w)
    else:
        rows = [list(row) for row in weights]
        if len(rows) != q or any(len(row) != q for row in rows):
            raise ValueError(f"the weight matrix must be {q} x {q}, one row per category")
        matrix = [[Fraction(w) for w in row] for row in rows]
    for i, row in enumerate(matrix):
        if row[i] != 1 or any(not 0 <= w <= 1 for w in row):
            raise ValueError("agreement weights lie between 0 and 1, with 1 on the diagonal")
    return matrix


def _categories(units: dict[Unit, int], categories: Iterable[Hashable] | None) -> list[Hashable]:
    declared = declared_categories(categories)
    known = known_categories(units, declared)
    if declared is not None:
        return list(declared)
    try:
        return sorted(known)  # type: ignore[type-var]
    except TypeError:
        return list(known)


# --- the coefficients ----------------------------------------------------------------


def estimate(
    data: Iterable[Sequence[Hashable | None]],
    coefficient: str,
    weights: Weights = None,
    categories: Iterable[Hashable] | None = None,
) -> Estimate:
    """`coefficient` of `data` (units or `UnitCounts`) with its standard error and 95%
    interval (module doc). Raises `AgreementUndefined` where the coefficient is 0/0."""
    if coefficient not in COEFFICIENTS:
        raise ValueError(
            f"unknown coefficient {coefficient!r}; use one of {', '.join(COEFFICIENTS)}"
        )
    units, n_coders = as_counted(data)
    cats = _categories(units, categories)
    w = weight_matrix(weights, cats)
    if coefficient in ("cohen", "scott"):
        return _two_raters(units, n_coders, coefficient, cats, w)
    return _raw(units, n_coders, coefficient, cats, w)


def _two_raters(
    units: dict[Unit, int], n_coders: int, name: str, cats: list[Hashable], w: list[list[Fraction]]
) -> Estimate:
    if n_coders != 2:
        raise ValueError(f"{name} needs exactly two coders per unit, got {n_coders}")
    index = {c: i for i, c in enumerate(cats)}
    q = len(cats)
    table = [[0] * q for _ in range(q)]
    for (a, b), count in units.items():
        if a is not None and b is not None:
            table[index[a]][index[b]] += count
    n = sum(map(sum, table))
    if n == 0:
        raise AgreementUndefined(
            Message("{name} is undefined: no unit has values from both coders", name=name)
        )
    p = [[Fraction(x, n) for x in row] for row in table]
    rows = [_total(row) for row in p]
    columns = [_total(p[k][j] for k in range(q)) for j in range(q)]
    pa = _total(w[k][j] * p[k][j] for k in range(q) for j in range(q))
    if name == "cohen":
        pe = _total(w[k][j] * rows[k] * columns[j] for k in range(q) for j in range(q))
    else:
        shares = [(rows[k] + columns[k]) / 2 for k in range(q)]
        pe = _total(w[k][j] * shares[k] * shares[j] for k in range(q) for j in range(q))
    if pe == 1:
        raise AgreementUndefined(Message("{name} is undefined: no variation", name=name))
    value = (pa - pe) / (1 - pe)
    by_column = [_total(w[k][j] * columns[j] for j in range(q)) for k in range(q)]  # p+k weighted
    by_row = [_total(w[k][j] * rows[k] for k in range(q)) for j in range(q)]  # pl+ weighted
    if name == "scott":
        mean = [(by_column[k] + by_row[k]) / 2 for k in range(q)]
        by_column, by_row = mean, mean
    total = _total(
        p[k][j] * _square(w[k][j] - (1 - value) * (by_column[k] + by_row[j]))
        for k in range(q)
        for j in range(q)
    )
    variance = (total - _square(pa - 2 * (1 - value) * pe)) / (n * _square(1 - pe))
    return _finish(float(value), max(float(variance), 0.0), n)


def _finish(value: float, variance: float, n: int) -> Estimate:
    se = math.sqrt(variance) if n >= 2 else None
    low, high = interval(value, se, n)
    return Estimate(value, se, low, high, "analytic", n)


def _raw(
    units: dict[Unit, int], n_coders: int, name: str, cats: list[Hashable], w: list[list[Fraction]]
) -> Estimate:
    """Gwet's coefficients for raw ratings (irrCAC's ``*.raw``), exact values."""
    q = len(cats)
    index = {c: i for i, c in enumerate(cats)}
    rated: list[tuple[list[int], int, int, Unit]] = []  # (r_ik, r_i, copies, unit)
    for unit, copies in units.items():
        counts = [0] * q
        for value in unit:
            if value is not None:
                counts[index[value]] += 1
        r = sum(counts)
        if r:
            rated.append((counts, r, copies, unit))
    if name == "krippendorff":
        return _krippendorff(rated, q, w)
    n = sum(copies for _, _, copies, _ in rated)
    n2 = sum(copies for _, r, copies, _ in rated if r >= 2)
    if n2 == 0:
        raise AgreementUndefined(
            Message("{name} is undefined: no unit has values from two coders", name=name)
        )
    sum_q = [_agreeing(counts, w, q) for counts, _, _, _ in rated]
    pa_i = [
        Fraction(s, r * (r - 1)) if r >= 2 else Fraction(0)
        for s, (_, r, _, _) in zip(sum_q, rated, strict=True)
    ]
    pa = sum((p * c for p, (_, _, c, _) in zip(pa_i, rated, strict=True)), Fraction(0)) / n2
    pi = [
        sum((Fraction(counts[k] * c, r) for counts, r, c, _ in rated), Fraction(0)) / n
        for k in range(q)
    ]
    total_w = _total(map(_total, w))
    pe_i: list[Fraction]
    if name == "percent":
        pe = Fraction(0)
        pe_i = [Fraction(0)] * len(rated)
    elif name == "bennett":
        pe = total_w / (q * q)
        pe_i = [pe] * len(rated)  # a constant: no chance term to linearise
    elif name == "gwet":
        if q < 2:
            raise AgreementUndefined(Message("Gwet's AC1 is undefined: fewer than two categories"))
        pe = total_w * _total(x * (1 - x) for x in pi) / (q * (q - 1))
        pe_i = [
            total_w / (q * (q - 1)) * _total(counts[k] * (1 - pi[k]) for k in range(q)) / r
            for counts, r, _, _ in rated
        ]
    elif name == "fleiss":
        pe = _total(w[k][j] * pi[k] * pi[j] for k in range(q) for j in range(q))
        pi_w = _symmetric_weighted(w, pi, q)
        pe_i = [_total(counts[k] * pi_w[k] for k in range(q)) / r for counts, r, _, _ in rated]
    else:  # conger
        pe, pe_i = _conger_chance(rated, n_coders, n, q, w, index)
    if pe == 1:
        raise AgreementUndefined(Message("{name} is undefined: no variation", name=name))
    value = (pa - pe) / (1 - pe)
    if name == "percent":
        value = pa
    contributions = []
    for (_counts, r, c, _), p, e in zip(rated, pa_i, pe_i, strict=True):
        own = Fraction(n, n2) * (p - (pe if r >= 2 else 0)) / (1 - pe)
        if name == "percent":
            own = Fraction(n, n2) * p
        elif name != "bennett":
            own -= 2 * (1 - value) * (e - pe) / (1 - pe)
        contributions.append((own, c))
    variance = (
        sum(c * float(x - value) ** 2 for x, c in contributions) / (n * (n - 1)) if n >= 2 else 0.0
    )
    return _finish(float(value), variance, n)


def _agreeing(counts: list[int], w: list[list[Fraction]], q: int) -> Fraction:
    """``sum_k r_ik (r*_ik - 1)`` with ``r*_ik = sum_l w_kl r_il``."""
    return sum(
        (
            counts[k] * (_total(w[k][j] * counts[j] for j in range(q)) - 1)
            for k in range(q)
            if counts[k]
        ),
        Fraction(0),
    )


def _square(x: Fraction) -> Fraction:
    return x * x


def _total(terms: Iterable[Fraction | int]) -> Fraction:
    """An exact sum (a Fraction even when empty)."""
    return Fraction(sum(terms, Fraction(0)))


def _symmetric_weighted(w: list[list[Fraction]], pi: list[Fraction], q: int) -> list[Fraction]:
    return [
        (_total(w[k][j] * pi[j] for j in range(q)) + _total(w[j][k] * pi[j] for j in range(q))) / 2
        for k in range(q)
    ]


def _conger_chance(
    rated: list[tuple[list[int], int, int, Unit]],
    r: int,
    n: int,
    q: int,
    w: list[list[Fraction]],
    index: dict[Hashable, int],
) -> tuple[Fraction, list[Fraction]]:
    """Conger's chance agreement (each coder's own marginals, Conger 1980) and each
    unit's linearised part of it (Gwet 2014, irrCAC's ``conger.kappa.raw``)."""
    if r < 2:
        raise AgreementUndefined(Message("Conger's kappa is undefined: fewer than two coders"))
    given = [[0] * q for _ in range(r)]  # coder g, category k: units
    for _, _, copies, unit in rated:
        for g, value in enumerate(unit):
            if value is not None:
                given[g][index[value]] += copies
    n_g = [sum(row) for row in given]
    if any(x == 0 for x in n_g):
        raise AgreementUndefined(Message("Conger's kappa is undefined: a coder gave no value"))
    p = [[Fraction(given[g][k], n_g[g]) for k in range(q)] for g in range(r)]
    mean = [_total(p[g][k] for g in range(r)) / r for k in range(q)]
    s2 = [
        [
            (_total(p[g][k] * p[g][j] for g in range(r)) - r * mean[k] * mean[j]) / (r - 1)
            for j in range(q)
        ]
        for k in range(q)
    ]
    pe = _total(w[k][j] * (mean[k] * mean[j] - s2[k][j] / r) for k in range(q) for j in range(q))
    pe_i = []
    for _, _, _, unit in rated:
        lam = Fraction(0)
        for g, value in enumerate(unit):
            rated_g = value is not None
            for k in range(q):
                inner = Fraction(0)
                for j in range(q):
                    delta = 1 if value is not None and index[value] == j else 0
                    inner += w[k][j] * (delta - (int(rated_g) - Fraction(n_g[g], n)) * p[g][j])
                lam += inner * Fraction(n, n_g[g]) * (r * mean[k] - p[g][k])
        pe_i.append(lam / (r * (r - 1)))
    return pe, pe_i


def _krippendorff(
    rated: list[tuple[list[int], int, int, Unit]], q: int, w: list[list[Fraction]]
) -> Estimate:
    """Krippendorff's alpha as Gwet writes it (irrCAC's ``krippen.alpha.raw``): the
    units with two values or more, their mean number of values r-bar."""
    n0 = sum(c for _, _, c, _ in rated)
    pairable = [(counts, r, c) for counts, r, c, _ in rated if r >= 2]
    n = sum(c for _, _, c in pairable)
    if n == 0:
        raise AgreementUndefined(
            Message("Krippendorff's alpha is undefined: no unit has values from two coders")
        )
    r_bar = Fraction(sum(r * c for _, r, c in pairable), n)
    epsilon = Fraction(1, sum(r * c for _, r, c in pairable))
    sums = [_agreeing(counts, w, q) for counts, _, _ in pairable]
    pa_prime = (
        sum(
            (s * c / (r_bar * (r - 1)) for s, (_, r, c) in zip(sums, pairable, strict=True)),
            Fraction(0),
        )
        / n
    )
    pa = (1 - epsilon) * pa_prime + epsilon
    pi = [
        sum((counts[k] * c for counts, _, c in pairable), Fraction(0)) / (n * r_bar)
        for k in range(q)
    ]
    pe = _total(w[k][j] * pi[k] * pi[j] for k in range(q) for j in range(q))
    if pe == 1:
        raise AgreementUndefined(Message("Krippendorff's alpha is undefined: no variation"))
    value = (pa - pe) / (1 - pe)
    prime = (pa_prime - pe) / (1 - pe)
    pi_w = _symmetric_weighted(w, pi, q)
    total = 0.0
    for s, (counts, r, c) in zip(sums, pairable, strict=True):
        pa_i = s / (r_bar * (r - 1)) - pa_prime * (r - r_bar) / r_bar
        own = (pa_i - pe) / (1 - pe)
        pe_i = sum(counts[k] * pi_w[k] for k in range(q)) / r_bar - pe * (r - r_bar) / r_bar
        own -= 2 * (1 - prime) * (pe_i - pe) / (1 - pe)
        total += c * float(own - prime) ** 2
    variance = total / (n * (n - 1)) if n >= 2 else 0.0
    se = math.sqrt(variance) if n >= 2 else None
    low, high = interval(float(value), se, n0)
    return Estimate(float(value), se, low, high, "analytic", n)


def bennett_s(
    data: Iterable[Sequence[Hashable | None]],
    categories: Iterable[Hashable] | None = None,
    weights: Weights = None,
) -> float:
    """Bennett, Alpert & Goldstein's S (1954), Brennan & Prediger's coefficient (1981)
    for any number of coders: ``(p_a - p_e) / (1 - p_e)`` with ``p_a`` as in
    `percent_agreement` and the chance term ``p_e = sum(w) / q^2`` (``1/q`` unweighted),
    ``q`` the number of categories (declared, or seen)."""
    return estimate(data, "bennett", weights, categories).value


def conger_kappa(
    data: Iterable[Sequence[Hashable | None]],
    categories: Iterable[Hashable] | None = None,
    weights: Weights = None,
) -> float:
    """Conger's kappa (1980), Cohen's kappa for any number of coders: chance agreement
    from each coder's own marginals, ``p_e = sum_kl w_kl (p_k p_l - s2_kl / r)`` with
    ``p_k`` the coders' mean share of ``k`` and ``s2_kl`` their covariance; with two
    coders and no missing value it is Cohen's kappa."""
    return estimate(data, "conger", weights, categories).value


# --- bootstrap over units ----------------------------------------------------------------


def bootstrap_sums(
    counts: Sequence[Sequence[int]] | npt.NDArray[np.float64],
    statistics: Mapping[str, Callable[[Sequence[float]], float | None]],
    replicates: int = BOOTSTRAP_REPLICATES,
    seed: int = BOOTSTRAP_SEED,
) -> dict[str, tuple[float | None, float | None, float | None]]:
    """A seeded bootstrap over units for statistics of summed counts.

    `counts[u]` holds unit u's counts (the same columns for every unit); each
    statistic maps the column sums to a value (None when undefined). Units are drawn
    with replacement `replicates` times (numpy's generator seeded with `seed`, so the
    result is the same on every run); each statistic gets `(se, low, high)`: the
    standard deviation of its replicate values and their 2.5th and 97.5th
    percentiles (None when fewer than two units or no replicate is defined).
    """
    import numpy as np

    result: dict[str, tuple[float | None, float | None, float | None]] = {
        name: (None, None, None) for name in statistics
    }
    units = len(counts)
    if units < 2 or not statistics:
        return result
    matrix = np.asarray(counts, dtype=np.float64)
    if not matrix.any():
        return result  # nothing counted: every statistic is undefined
    # identical columns (a count equal under several schemas, or never counted) are
    # summed once: matrix == matrix[:, kept][:, inverse]
    place_of: dict[bytes, int] = {}
    kept: list[int] = []
    inverse: list[int] = []
    for c, column in enumerate(np.ascontiguousarray(matrix.T)):
        place = place_of.setdefault(column.tobytes(), len(kept))
        if place == len(kept):
            kept.append(c)
        inverse.append(place)
    distinct = matrix[:, kept]
    generator = np.random.default_rng(seed)
    sums = np.empty((replicates, distinct.shape[1]))
    # replicates drawn and weighed a block at a time (the generator gives the same
    # numbers whatever the size of each draw)
    block = max(1, min(replicates, 500_000 // units))
    for begin in range(0, replicates, block):
        size = min(block, replicates - begin)
        drawn = generator.integers(0, units, size=(size, units), dtype=np.int32)
        # how often each unit was drawn in each replicate (row r counted from r * units)
        spread = drawn + (np.arange(size) * units)[:, None]
        weights = np.bincount(spread.ravel(), minlength=size * units).reshape(size, units)
        # whole numbers below 2**53: exact sums in any order
        sums[begin : begin + size] = weights.astype(np.float64) @ distinct
    rows = sums[:, inverse].tolist()
    for name, statistic in statistics.items():
        values = [v for v in map(statistic, rows) if v is not None]
        if len(values) < 2:
            continue
        low, high = np.percentile(values, [100 * (1 - CONFIDENCE) / 2, 100 * (1 + CONFIDENCE) / 2])
        result[name] = (float(np.std(values, ddof=1)), float(low), float(high))
    return result


__all__ = [
    "BOOTSTRAP_REPLICATES",
    "BOOTSTRAP_SEED",
    "COEFFICIENTS",
    "CONFIDENCE",
    "Estimate",
    "bennett_s",
    "bootstrap_sums",
    "conger_kappa",
    "estimate",
    "interval",
    "t_quantile",
    "weight_matrix",
]
