"""Bennett's S, Conger's kappa, weighted coefficients, standard errors and 95%
confidence intervals, against published worked examples.

References (the numbers below are copied from them):

* irrCAC (Gwet's R package, the computations of his *Handbook of Inter-Rater
  Reliability*, 4th ed., 2014), README "Computing agreement coefficients from raw
  ratings": dataset ``cac.raw4raters`` (12 units, 4 raters, ratings 1-5 with missing
  values) with ``pa.coeff.raw``, ``gwet.ac1.raw``, ``fleiss.kappa.raw``,
  ``krippen.alpha.raw``, ``conger.kappa.raw`` and ``bp.coeff.raw``; and
  "Computing agreement Coefficients from Contingency tables": ``cont3x3abstractors``
  with ``kappa2.table`` and ``scott2.table``.
* irrCAC for Python (afergadis/irrCAC), docs/source/usage/usage_raw_data.ipynb: AC2
  with quadratic weights on ``raw_4raters`` (the same data), and its test
  test/unit/irrCAC/raw/test_conger.py for Conger's kappa with a custom,
  non-symmetric weight matrix (3 decimals).
"""

from __future__ import annotations

import pytest

from core.review.agreement import (
    AgreementUndefined,
    bennett_s,
    cohen_kappa,
    conger_kappa,
    estimate,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    scott_pi,
)
from core.review.agreement.intervals import t_quantile

N = None
RAW_4_RATERS = [
    (1, 1, N, 1),
    (2, 2, 3, 2),
    (3, 3, 3, 3),
    (3, 3, 3, 3),
    (2, 2, 2, 2),
    (1, 2, 3, 4),
    (4, 4, 4, 4),
    (1, 1, 2, 1),
    (2, 2, 2, 2),
    (N, 5, 5, 5),
    (N, N, 1, 1),
    (N, N, 3, N),
]
# cont3x3abstractors: rows rater A, columns rater B
ABSTRACTORS = {
    ("Ectopic", "Ectopic"): 13,
    ("AIU", "AIU"): 20,
    ("AIU", "NIU"): 7,
    ("NIU", "AIU"): 4,
    ("NIU", "NIU"): 56,
}
ABSTRACTOR_UNITS = [pair for pair, count in ABSTRACTORS.items() for _ in range(count)]


def close(found, value, se, low, high, digits):
    assert round(found.value, digits) == value
    assert round(found.se, digits) == se
    assert round(found.low, 3) == low
    assert round(found.high, 3) == high


@pytest.mark.parametrize(
    ("coefficient", "value", "se", "low", "high"),
    [
        # irrCAC README, raw ratings of cac.raw4raters: coeff.val, coeff.se, conf.int
        ("percent", 0.81818, 0.12561, 0.542, 1.0),
        ("gwet", 0.77544, 0.14295, 0.461, 1.0),
        ("fleiss", 0.76117, 0.15302, 0.424, 1.0),
        ("krippendorff", 0.74342, 0.14548, 0.423, 1.0),
        ("conger", 0.76282, 0.14917, 0.435, 1.0),
        ("bennett", 0.77273, 0.14472, 0.454, 1.0),
    ],
)
def test_raw_ratings_of_four_raters(coefficient, value, se, low, high):
    close(estimate(RAW_4_RATERS, coefficient), value, se, low, high, 5)


def test_values_equal_the_exact_coefficients():
    assert estimate(RAW_4_RATERS, "percent").value == percent_agreement(RAW_4_RATERS)
    assert estimate(RAW_4_RATERS, "gwet").value == gwet_ac1(RAW_4_RATERS)
    assert estimate(RAW_4_RATERS, "fleiss").value == fleiss_kappa(RAW_4_RATERS)
    assert estimate(RAW_4_RATERS, "krippendorff").value == krippendorff_alpha(RAW_4_RATERS)
    assert estimate(ABSTRACTOR_UNITS, "cohen").value == cohen_kappa(ABSTRACTOR_UNITS)
    assert estimate(ABSTRACTOR_UNITS, "scott").value == scott_pi(ABSTRACTOR_UNITS)
    # Bennett's S: p_a = 9/11 (as percent agreement), p_e = 1/5 over the 5 categories
    assert bennett_s(RAW_4_RATERS) == pytest.approx((9 / 11 - 1 / 5) / (1 - 1 / 5), abs=1e-15)
    assert conger_kappa(RAW_4_RATERS) == estimate(RAW_4_RATERS, "conger").value


def test_two_raters_contingency_table():
    # irrCAC README: kappa2.table and scott2.table on cont3x3abstractors
    cats = ["Ectopic", "AIU", "NIU"]
    cohen = estimate(ABSTRACTOR_UNITS, "cohen", categories=cats)
    assert round(cohen.value, 7) == 0.7964094
    assert round(cohen.se, 8) == 0.05891072
    assert (round(cohen.low, 3), round(cohen.high, 3)) == (0.68, 0.913)
    scott = estimate(ABSTRACTOR_UNITS, "scott", categories=cats)
    assert round(scott.value, 7) == 0.7962397
    assert round(scott.se, 8) == 0.05905473
    assert (round(scott.low, 3), round(scott.high, 3)) == (0.679, 0.913)


def test_conger_is_cohen_for_two_complete_raters():
    assert conger_kappa(ABSTRACTOR_UNITS) == pytest.approx(cohen_kappa(ABSTRACTOR_UNITS), 1e-15)


def test_weighted_ac2_quadratic():
    # irrCAC for Python, usage_raw_data: AC2, quadratic weights: 0.914, se 0.10396,
    # interval (0.68518, 1)
    found = estimate(RAW_4_RATERS, "gwet", weights="quadratic")
    assert round(found.value, 3) == 0.914
    assert round(found.se, 5) == 0.10396
    assert round(found.low, 5) == 0.68518
    assert found.high == 1.0


def test_weighted_conger_with_a_user_matrix():
    # irrCAC for Python, test_conger_kappa_raw4raters_custom_weights (3 decimals)
    weights = [
        [1.00, 0.75, 0.50, 0.25, 0.00],
        [0.00, 1.00, 0.75, 0.50, 0.25],
        [0.25, 0.00, 1.00, 0.75, 0.50],
        [0.50, 0.25, 0.00, 1.00, 0.75],
        [0.75, 0.50, 0.25, 0.00, 1.00],
    ]
    found = estimate(RAW_4_RATERS, "conger", weights=weights, categories=[1, 2, 3, 4, 5])
    assert round(found.value, 3) == 0.763
    assert round(found.se, 3) == 0.149
    assert round(found.low, 3) == 0.435
    assert found.high == 1.0


def test_weight_matrix_as_a_mapping_and_checks():
    # the quadratic weights written out as a mapping give the named ones
    cats = [1, 2, 3, 4, 5]
    mapping = {(a, b): 1 - (a - b) ** 2 / 16 for a in cats for b in cats if a != b}
    named = estimate(RAW_4_RATERS, "fleiss", weights="quadratic")
    assert estimate(RAW_4_RATERS, "fleiss", weights=mapping).value == named.value
    # linear weights with two categories are the identity
    pairs = [("a", "a"), ("a", "b"), ("b", "b")]
    assert estimate(pairs, "cohen", weights="linear").value == cohen_kappa(pairs)
    with pytest.raises(ValueError, match="diagonal"):
        estimate(RAW_4_RATERS, "fleiss", weights={(1, 1): 0.5})
    with pytest.raises(ValueError, match="5 x 5"):
        estimate(RAW_4_RATERS, "fleiss", weights=[[1, 0], [0, 1]], categories=cats)
    with pytest.raises(ValueError, match="unknown coefficient"):
        estimate(RAW_4_RATERS, "kappa")
    with pytest.raises(AgreementUndefined):
        estimate([("a", "a"), ("a", "a")], "cohen")


def test_student_t_quantiles():
    # R: qt(0.975, df) for df = 1, 2, 11, 29, 30, 99
    expected = {
        1: 12.7062047361747,
        2: 4.30265272974946,
        11: 2.20098516009164,
        29: 2.04522964213270,
        30: 2.04227245630124,
        99: 1.98421695151882,
    }
    for df, value in expected.items():
        assert t_quantile(0.975, df) == pytest.approx(value, abs=1e-9)
    # the series (below 1,000) and the expansion (from 1,000) meet, and tend to z
    assert t_quantile(0.975, 1000) < t_quantile(0.975, 999)
    assert t_quantile(0.975, 999) - t_quantile(0.975, 1000) < 1e-5
    assert t_quantile(0.975, 10**9) == pytest.approx(1.959963984540054, abs=1e-8)


def test_bootstrap_sums_are_those_of_every_replicate_drawn_at_once():
    """The replicates are drawn a block at a time; the seeded generator gives the same
    draws as one draw of them all, so the figures do not depend on the block size."""
    import numpy as np

    from core.review.agreement.intervals import BOOTSTRAP_SEED, CONFIDENCE, bootstrap_sums

    units, replicates = 2_000, 600  # several blocks of replicates
    counts = [[u % 7, u % 5 + 1] for u in range(units)]
    found = bootstrap_sums(counts, {"ratio": lambda sums: sums[0] / sums[1]}, replicates)
    drawn = np.random.default_rng(BOOTSTRAP_SEED).integers(
        0, units, size=(replicates, units), dtype=np.int32
    )
    matrix = np.array(counts, dtype=np.float64)
    values = [row[0] / row[1] for row in (matrix[draw].sum(axis=0) for draw in drawn)]
    low, high = np.percentile(values, [100 * (1 - CONFIDENCE) / 2, 100 * (1 + CONFIDENCE) / 2])
    assert found["ratio"] == (float(np.std(values, ddof=1)), float(low), float(high))
