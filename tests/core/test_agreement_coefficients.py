"""Coded-data coefficients checked against published worked examples.

Every expected number cites where it was published. "DKPro" means the
dkpro/dkpro-statistics repository, module dkpro-statistics-agreement, directory
src/test/java/org/dkpro/statistics/agreement/coding/ (test class and method
named); "irrCAC" means Gwet's R package (README of kgwet/irrCAC, or the JSON
fixtures DKPro generated with irrCAC 1.4 in src/test/resources/gwet/);
"krippendorff" means the PyPI package (pln-fing-udelar/fast-krippendorff,
tests/test_krippendorff.py).
"""

from __future__ import annotations

import pytest

from core.review.agreement import (
    AgreementUndefined,
    cohen_kappa,
    coincidence_matrix,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    pairwise,
    percent_agreement,
    scott_pi,
)

N = None


def from_table(table: list[list[int]], categories: list | None = None) -> list[tuple]:
    """Two-coder units from a contingency table (rows: coder 1, columns: coder 2)."""
    labels = categories or list(range(1, len(table) + 1))
    return [
        (labels[i], labels[j])
        for i, row in enumerate(table)
        for j, count in enumerate(row)
        for _ in range(count)
    ]


def from_counts(rows: list[list[int]]) -> list[list[int]]:
    """Units from per-unit category counts (the layout of Fleiss' tables)."""
    return [[category for category, n in enumerate(row) for _ in range(n)] for row in rows]


# Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C: 4 observers
# x 12 units with missing values; here one row per unit. The same data is irrCAC's
# cac.raw4raters and DKPro Krippendorff2004Test.createExample3b (Krippendorff 2004, p. 230).
KRIPPENDORFF_2011 = [
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


# --- Krippendorff's alpha ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "expected", "tolerance"),
    [
        # Krippendorff (2011) nominal 0.743; irrCAC README krippen.alpha.raw: 0.74342;
        # DKPro Krippendorff2004Test.testMultipleRatersMissingValues: 0.743
        ("nominal", 0.74342, 5e-6),
        # krippendorff test_ordinal_metric (same data): round(alpha, 3) == 0.815
        ("ordinal", 0.815, 5e-4),
        # DKPro Krippendorff2004Test.testIntervallAgreement (same data): 0.849
        ("interval", 0.849, 5e-4),
        # krippendorff test_ratio_metric (same data): round(alpha, 3) == 0.797
        ("ratio", 0.797, 5e-4),
    ],
)
def test_alpha_krippendorff_2011_example(level: str, expected: float, tolerance: float) -> None:
    assert krippendorff_alpha(KRIPPENDORFF_2011, level) == pytest.approx(expected, abs=tolerance)


def test_alpha_nominal_hand_computed_from_the_coincidence_matrix() -> None:
    # Working for the Krippendorff (2011) data, nominal: n = 40 pairable values (the
    # 12th unit has a single value); n_c = 9, 13, 10, 5, 3 for the values 1..5, so
    # sum n_c^2 = 81 + 169 + 100 + 25 + 9 = 384. Disagreeing coincidences (ordered pairs of
    # different values / (m_u - 1)): unit 2 (2,2,3,2): 6/3 = 2; unit 6 (1,2,3,4): 12/3 = 4;
    # unit 8 (1,1,2,1): 6/3 = 2; total 8.
    # alpha = 1 - (n - 1) * 8 / (n^2 - 384) = 1 - 312/1216 = 0.7434210526...
    matrix = coincidence_matrix(KRIPPENDORFF_2011)
    assert sum(value for (c, k), value in matrix.items() if c != k) == pytest.approx(8)
    totals = {c: sum(v for (row, _), v in matrix.items() if row == c) for c in range(1, 6)}
    assert totals == pytest.approx({1: 9, 2: 13, 3: 10, 4: 5, 5: 3})
    assert krippendorff_alpha(KRIPPENDORFF_2011) == pytest.approx(1 - 312 / 1216, abs=1e-15)


def test_alpha_krippendorff_2004_examples() -> None:
    # DKPro Krippendorff2004Test.testDichotomy (Krippendorff 2004, p. 224): alpha 0.095
    dichotomy = [(1, 0), (1, 1), (0, 1), (0, 0), (0, 0), (0, 1), (0, 0), (0, 1), (0, 0), (0, 0)]
    assert krippendorff_alpha(dichotomy) == pytest.approx(0.095, abs=1e-3)
    assert percent_agreement(dichotomy) == pytest.approx(0.600, abs=1e-3)
    # DKPro Krippendorff2004Test.testMultipleCategories (p. 227): alpha 0.734, agreement .833
    pairs = [("a", "a"), ("a", "b")] + [("b", "b")] * 4 + [("b", "c")] + [("c", "c")] * 5
    assert krippendorff_alpha(pairs) == pytest.approx(0.734, abs=1e-3)
    assert percent_agreement(pairs) == pytest.approx(0.833, abs=1e-3)


def test_alpha_ordinal_hayes_krippendorff_2007() -> None:
    # DKPro HayesKrippendorff2007Test.testAgreement (Hayes & Krippendorff 2007, p. 84):
    # 5 coders x 40 units with missing values, ordinal alpha 0.7598
    data = [
        (1, 1, 2, N, 2), (1, 1, 0, 1, N), (2, 3, 3, 3, N), (N, 0, 0, N, 0), (0, 0, 0, N, 0),
        (0, 0, 0, N, 0), (1, 0, 2, N, 1), (1, N, 2, 0, N), (2, 2, 2, N, 2), (2, 1, 1, 1, N),
        (N, 1, 0, 0, N), (0, 0, 0, 0, N), (1, 2, 2, 2, N), (3, 3, 2, 2, 3), (1, 1, 1, N, 1),
        (1, 1, 1, N, 1), (2, 1, 2, N, 2), (1, 2, 3, 3, N), (1, 1, 0, 1, N), (0, 0, 0, N, 0),
        (0, 0, 1, 1, N), (0, 0, N, 0, 0), (2, 3, 3, 3, N), (0, 0, 0, 0, N), (1, 2, N, 2, 2),
        (0, 1, 1, 1, N), (0, 0, 0, 1, 0), (1, 2, 1, 2, N), (1, 1, 2, 2, N), (1, 1, 2, N, 2),
        (1, 1, 0, N, 0), (2, 1, 2, 1, N), (2, 2, N, 2, 2), (3, 2, 2, 2, N), (2, 2, 2, N, 2),
        (2, 2, 3, N, 2), (2, 2, 2, N, 2), (2, 2, N, 1, 2), (2, 2, 2, 2, N), (1, 1, 1, N, 1),
    ]  # fmt: skip
    assert krippendorff_alpha(data, "ordinal") == pytest.approx(0.7598, abs=1e-4)


# krippendorff tests test_nominal_metric_reliability_data / test_interval_metric: 3 coders x
# 15 units (here transposed to one row per unit)
KRIPPENDORFF_PYPI = list(
    zip(
        [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
        [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
        [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
        strict=True,
    )
)


def test_alpha_krippendorff_package_examples() -> None:
    # krippendorff test_nominal_metric_reliability_data: round(alpha, 6) == 0.691358
    assert krippendorff_alpha(KRIPPENDORFF_PYPI) == pytest.approx(0.691358, abs=5e-7)
    # krippendorff test_interval_metric: round(alpha, 6) == 0.810845
    assert krippendorff_alpha(KRIPPENDORFF_PYPI, "interval") == pytest.approx(0.810845, abs=5e-7)
    # krippendorff test_string_labels_nominal: round(alpha, 6) == 0.722222
    strings = list(
        zip(
            ["pos", "neg", "neu", N],
            ["pos", "neg", "neu", "pos"],
            ["pos", "neg", "pos", "pos"],
            strict=True,
        )
    )
    assert krippendorff_alpha(strings) == pytest.approx(0.722222, abs=5e-7)


def test_alpha_ratio_with_zeros_and_float_values() -> None:
    # krippendorff test_ratio_metric_with_zeros: [[0, 1, 2], [0, 1, 2]] -> 1.0
    assert krippendorff_alpha([(0, 0), (1, 1), (2, 2)], "ratio") == 1.0
    # the interval level gives the same result for floats as for the equal integers
    as_floats = [tuple(None if v is None else float(v) for v in unit) for unit in KRIPPENDORFF_2011]
    assert krippendorff_alpha(as_floats, "interval") == pytest.approx(
        krippendorff_alpha(KRIPPENDORFF_2011, "interval"), abs=1e-12
    )


def test_alpha_two_coders_of_irrcac_abstractors_table() -> None:
    # irrCAC README, cont3x3abstractors: krippen2.table 0.7972585
    data = from_table([[13, 0, 0], [0, 20, 7], [0, 4, 56]])
    assert krippendorff_alpha(data) == pytest.approx(0.7972585, abs=5e-8)


def test_alpha_of_irrcac_six_raters_distribution() -> None:
    # irrCAC README, distrib.6raters (15 subjects x 6 raters, given as counts per category):
    # krippen.alpha.dist 0.4204384, fleiss.kappa.dist 0.4139265, gwet.ac1.dist 0.4448007
    rows = [
        [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
    ]  # fmt: skip
    data = from_counts(rows)
    assert krippendorff_alpha(data) == pytest.approx(0.4204384, abs=5e-8)
    assert fleiss_kappa(data) == pytest.approx(0.4139265, abs=5e-8)
    assert gwet_ac1(data) == pytest.approx(0.4448007, abs=5e-8)


def test_alpha_artstein_poesio_example() -> None:
    # DKPro ArtsteinPoesio2008Test.testWeightedAgreement (Artstein & Poesio 2008, p. 568):
    # nominal alpha 0.800
    data = (
        [("STAT", "STAT")] * 46
        + [("IReq", "STAT")] * 6
        + [("IReq", "IReq")] * 32
        + [("IReq", "Chck")] * 6
        + [("Chck", "Chck")] * 10
    )
    assert krippendorff_alpha(data) == pytest.approx(0.800, abs=1e-3)


# --- Fleiss' kappa --------------------------------------------------------------------


def test_fleiss_wikipedia_worked_example() -> None:
    # Wikipedia "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories,
    # P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210 (also asserted, citing Wikipedia, in
    # clips/pattern test/test_metrics.py, test_agreement)
    rows = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]  # fmt: skip
    data = from_counts(rows)
    assert percent_agreement(data) == pytest.approx(0.378, abs=5e-4)
    assert fleiss_kappa(data) == pytest.approx(0.20993, abs=5e-6)


def test_fleiss_1971_example() -> None:
    # DKPro Fleiss1971Test.testAgreement (Fleiss 1971, p. 379): 30 subjects x 6 raters,
    # observed 0.5556, kappa 0.430
    data = [
        (4, 4, 4, 4, 4, 4), (2, 2, 2, 5, 5, 5), (2, 3, 3, 3, 3, 5), (5, 5, 5, 5, 5, 5),
        (2, 2, 2, 4, 4, 4), (1, 1, 3, 3, 3, 3), (3, 3, 3, 3, 5, 5), (1, 1, 3, 3, 3, 4),
        (1, 1, 4, 4, 4, 4), (5, 5, 5, 5, 5, 5), (1, 4, 4, 4, 4, 4), (1, 2, 4, 4, 4, 4),
        (2, 2, 2, 3, 3, 3), (1, 4, 4, 4, 4, 4), (2, 2, 4, 4, 4, 5), (3, 3, 3, 3, 3, 5),
        (1, 1, 1, 4, 5, 5), (1, 1, 1, 1, 1, 2), (2, 2, 4, 4, 4, 4), (1, 3, 3, 5, 5, 5),
        (5, 5, 5, 5, 5, 5), (2, 4, 4, 4, 4, 4), (2, 2, 4, 5, 5, 5), (1, 1, 4, 4, 4, 4),
        (1, 4, 4, 4, 4, 5), (2, 2, 2, 2, 2, 4), (1, 1, 1, 1, 5, 5), (2, 2, 4, 4, 4, 4),
        (1, 3, 3, 3, 3, 3), (5, 5, 5, 5, 5, 5),
    ]  # fmt: skip
    assert percent_agreement(data) == pytest.approx(0.5556, abs=1e-3)
    assert fleiss_kappa(data) == pytest.approx(0.430, abs=1e-3)


def test_fleiss_and_gwet_with_missing_values_match_irrcac() -> None:
    # irrCAC README, cac.raw4raters (= Krippendorff 2011 data, varying number of ratings):
    # pa.coeff.raw 0.8181818; fleiss.kappa.raw 0.76117 (pe 0.2387153);
    # gwet.ac1.raw 0.77544 (pe 0.1903212). The unit with a single rating counts towards
    # the category shares only, as in irrCAC.
    assert percent_agreement(KRIPPENDORFF_2011) == pytest.approx(0.8181818, abs=5e-8)
    assert fleiss_kappa(KRIPPENDORFF_2011) == pytest.approx(0.76117, abs=5e-6)
    assert gwet_ac1(KRIPPENDORFF_2011) == pytest.approx(0.77544, abs=5e-6)
    pa = 0.8181818181818182
    assert (pa - 0.2387153) / (1 - 0.2387153) == pytest.approx(fleiss_kappa(KRIPPENDORFF_2011))
    assert (pa - 0.1903212) / (1 - 0.1903212) == pytest.approx(gwet_ac1(KRIPPENDORFF_2011))


def test_fleiss_varying_ratings_hand_computed() -> None:
    # Hand computation of the generalised form: units (a, a, a), (a, b, None), (b, None,
    # None). p_a over units with >= 2 ratings: unit 1 -> 3*2/(3*2) = 1, unit 2 -> 0/(2*1) = 0,
    # mean 1/2. pi_a = (3/3 + 1/2 + 0/1) / 3 = 1/2, pi_b = 1/2, p_e = 1/2.
    # kappa = (1/2 - 1/2) / (1 - 1/2) = 0.
    data = [("a", "a", "a"), ("a", "b", N), ("b", N, N)]
    assert percent_agreement(data) == 0.5
    assert fleiss_kappa(data) == 0.0
    # Dropping the single-rating unit changes pi: pi_a = (1 + 1/2) / 2 = 3/4, pi_b = 1/4,
    # p_e = 9/16 + 1/16 = 5/8, kappa = (1/2 - 5/8) / (3/8) = -1/3.
    assert fleiss_kappa(data[:2]) == pytest.approx(-1 / 3)


# --- Cohen's kappa and Scott's pi ------------------------------------------------------


def test_cohen_wikipedia_simple_example() -> None:
    # Wikipedia "Cohen's kappa", simple example: 50 grant proposals, both yes 20, A yes/B no
    # 5, A no/B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4 (the example is
    # reproduced at howcodex.com/statistics/cohen_kappa_coefficient.htm)
    data = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(data) == pytest.approx(0.4, abs=1e-12)


def test_cohen_and_scott_artstein_poesio() -> None:
    # DKPro ArtsteinPoesio2008Test.testExample1 (p. 558): pi 0.341, kappa 0.348; also
    # scikit-learn test_cohen_kappa ("Artstein and Poesio (2008), Table 1"): kappa .348
    example1 = (
        [("STAT", "STAT")] * 20
        + [("IReq", "STAT")] * 20
        + [("STAT", "IReq")] * 10
        + [("IReq", "IReq")] * 50
    )
    assert percent_agreement(example1) == pytest.approx(0.7)
    assert scott_pi(example1) == pytest.approx(0.341, abs=1e-3)
    assert cohen_kappa(example1) == pytest.approx(0.348, abs=1e-3)
    # DKPro ArtsteinPoesio2008Test.testExample2 (p. 568): pi 0.7995, kappa 0.8013
    example2 = (
        [("STAT", "STAT")] * 46
        + [("IReq", "STAT")] * 6
        + [("IReq", "IReq")] * 32
        + [("IReq", "Chck")] * 6
        + [("Chck", "Chck")] * 10
    )
    assert scott_pi(example2) == pytest.approx(0.7995, abs=1e-4)
    assert cohen_kappa(example2) == pytest.approx(0.8013, abs=1e-4)


def test_cohen_1960_example() -> None:
    # DKPro Cohen1960Test.testExample2 (Cohen 1960, p. 45): p_o 0.70, p_e 0.41, kappa 0.492
    data = from_table([[88, 14, 18], [10, 40, 10], [2, 6, 12]])
    assert percent_agreement(data) == pytest.approx(0.70)
    assert cohen_kappa(data) == pytest.approx(0.492, abs=1e-3)


def test_krippendorff_2004_other_coefficients() -> None:
    # DKPro Krippendorff2004Test.testOtherCoefficients (Krippendorff 2004, p. 246): the two
    # tables have the same agreement 0.460 and pi 0.186 but kappa 0.186 vs 0.258
    table_a = from_table([[12, 9, 9], [9, 14, 9], [9, 9, 20]], ["a", "b", "c"])
    table_b = from_table([[12, 18, 18], [0, 14, 18], [0, 0, 20]], ["a", "b", "c"])
    for data, kappa in ((table_a, 0.186), (table_b, 0.258)):
        assert percent_agreement(data) == pytest.approx(0.460, abs=1e-3)
        assert scott_pi(data) == pytest.approx(0.186, abs=1e-3)
        assert cohen_kappa(data) == pytest.approx(kappa, abs=1e-3)


def test_two_coder_coefficients_of_irrcac_abstractors_table() -> None:
    # irrCAC README, cont3x3abstractors: kappa2.table 0.7964094, scott2.table 0.7962397,
    # gwet.ac1.table 0.8493305, pa2.table 0.89
    data = from_table([[13, 0, 0], [0, 20, 7], [0, 4, 56]])
    assert cohen_kappa(data) == pytest.approx(0.7964094, abs=5e-8)
    assert scott_pi(data) == pytest.approx(0.7962397, abs=5e-8)
    assert gwet_ac1(data) == pytest.approx(0.8493305, abs=5e-8)
    assert percent_agreement(data) == pytest.approx(0.89)


def test_weighted_kappa_matches_scikit_learn() -> None:
    # scikit-learn sklearn/metrics/tests/test_classification.py::test_cohen_kappa,
    # "Weighting example: none, linear, quadratic": .9315, .9412, .9541
    y1 = [0] * 46 + [1] * 44 + [2] * 10
    y2 = [0] * 50 + [1] * 40 + [2] * 10
    data = list(zip(y1, y2, strict=True))
    assert cohen_kappa(data) == pytest.approx(0.9315, abs=5e-5)
    assert cohen_kappa(data, weights="linear") == pytest.approx(0.9412, abs=5e-5)
    assert cohen_kappa(data, weights="quadratic") == pytest.approx(0.9541, abs=5e-5)


def test_weighted_kappa_hand_computed_and_unused_middle_category() -> None:
    # Units (1,1), (1,2), (2,3), (3,3): row totals r = (2, 1, 1), column totals
    # c = (1, 1, 2), n = 4; positions 0, 1, 2.
    # Linear: n * sum w*O = 4 * (|0-1| + |1-2|) = 8; sum r_i c_j |i-j| =
    # 2*1*1 + 2*2*2 + 1*1*1 + 1*2*1 + 1*1*2 + 1*1*1 = 16; kappa = 1 - 8/16 = 0.5.
    data = [(1, 1), (1, 2), (2, 3), (3, 3)]
    assert cohen_kappa(data, weights="linear") == pytest.approx(0.5)
    # Quadratic: 4 * (1 + 1) = 8; 2*1*1 + 2*2*4 + 1*1*1 + 1*2*1 + 1*1*4 + 1*1*1 = 26;
    # kappa = 1 - 8/26 = 9/13.
    assert cohen_kappa(data, weights="quadratic") == pytest.approx(9 / 13)
    # Declaring an unused category 2.5 puts 3 at position 3: observed 4 * (1 + 4) = 20;
    # expected 2*1*1 + 2*2*9 + 1*1*1 + 1*2*4 + 1*1*9 + 1*1*4 = 60; kappa = 1 - 20/60 = 2/3.
    with_gap = cohen_kappa(data, weights="quadratic", categories=[1, 2, 2.5, 3])
    assert with_gap == pytest.approx(2 / 3)
    # ... while unweighted kappa ignores unused categories
    assert cohen_kappa(data, categories=[1, 2, 2.5, 3]) == cohen_kappa(data)


def test_cohen_leaves_out_incomplete_units() -> None:
    complete = [("a", "a"), ("a", "b"), ("b", "b")]
    assert cohen_kappa([*complete, ("a", N), (N, "b"), (N, N)]) == cohen_kappa(complete)
    assert scott_pi([*complete, ("a", N)]) == scott_pi(complete)


def test_krippendorff_1995_digitized_examples() -> None:
    # DKPro unitizing/Krippendorff1995Test.testDigitizedAgreement (Krippendorff 1995, p. 57),
    # example A as 24 coded positions: kappa 0.385, pi 0.314, alpha 0.329
    example_a = [
        (0, 0), (0, 0), (1, 0), (1, 0), (1, 1), (1, 1), (1, 1), (1, 1), (1, 0), (1, 0),
        (0, 0), (0, 0), (0, 0), (0, 0), (1, 0), (1, 1), (1, 1), (1, 0), (1, 0), (1, 0),
        (0, 0), (0, 0), (0, 0), (0, 0),
    ]  # fmt: skip
    assert cohen_kappa(example_a) == pytest.approx(0.385, abs=1e-3)
    assert scott_pi(example_a) == pytest.approx(0.314, abs=1e-3)
    assert krippendorff_alpha(example_a) == pytest.approx(0.329, abs=1e-3)
    # example C: kappa 0.314, pi 0.314
    example_c = [
        (0, 1), (0, 1), (1, 0), (1, 0), (1, 1), (1, 1), (1, 1), (1, 1), (0, 0), (0, 0),
        (1, 1), (1, 1), (0, 1), (0, 1), (1, 0), (1, 0), (1, 1), (1, 1), (0, 0), (0, 0),
        (1, 1), (1, 1), (0, 0), (0, 0),
    ]  # fmt: skip
    assert cohen_kappa(example_c) == pytest.approx(0.314, abs=1e-3)
    assert scott_pi(example_c) == pytest.approx(0.314, abs=1e-3)
    # example D: both coders code every position 1; DKPro raises InsufficientDataException
    example_d = [(1, 1)] * 24
    with pytest.raises(AgreementUndefined):
        cohen_kappa(example_d)
    with pytest.raises(AgreementUndefined):
        scott_pi(example_d)


# --- Gwet's AC1 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # irrCAC 1.4 gwet.ac1.raw, unweighted, as stored by DKPro in
        # src/test/resources/gwet/fixture_0N_*.json ("coefficient", rounded to 5 decimals)
        ([[80, 7], [8, 5]], 0.808),  # fixture_01_paradox_2x2
        ([[25, 12, 3], [13, 2, 15], [12, 16, 2]], -0.04797),  # fixture_02_cohen_ex1
        ([[88, 14, 18], [10, 40, 10], [2, 6, 12]], 0.57597),  # fixture_03_cohen_ex2
        ([[20, 5, 1, 0], [4, 15, 6, 1], [0, 5, 18, 4], [0, 1, 3, 12]], 0.58046),  # _04
        (
            [[15, 4, 1, 0, 0], [3, 12, 4, 1, 0], [1, 3, 14, 3, 1], [0, 1, 3, 10, 2],
             [0, 0, 1, 2, 8]],
            0.57997,
        ),  # fixture_05_likert_5x5
    ],
)  # fmt: skip
def test_gwet_ac1_matches_irrcac_fixtures(table: list[list[int]], expected: float) -> None:
    assert gwet_ac1(from_table(table)) == pytest.approx(expected, abs=5e-6)


def test_gwet_ac1_hand_example_and_declared_categories() -> None:
    # DKPro Gwet2008Test.testHandExample: 8 (y, y), 1 (n, n), 1 (y, n): p_a 0.9,
    # p_e 0.255, AC1 0.8658, Scott's pi 0.6078
    data = [("y", "y")] * 8 + [("n", "n")] + [("y", "n")]
    assert gwet_ac1(data) == pytest.approx(0.8658, abs=5e-5)
    assert scott_pi(data) == pytest.approx(0.6078, abs=5e-5)
    # A declared but unused third category changes the chance term (hand computation):
    # pi_y = 17/20, pi_n = 3/20, pi_u = 0, q = 3:
    # p_e = (17/20 * 3/20 + 3/20 * 17/20) / 2 = 51/400; AC1 = (0.9 - 51/400) / (1 - 51/400)
    expected = (0.9 - 51 / 400) / (1 - 51 / 400)
    assert gwet_ac1(data, categories=["y", "n", "u"]) == pytest.approx(expected)
    # ... and does not change Scott's pi, Fleiss' kappa or Krippendorff's alpha
    for coefficient in (scott_pi, fleiss_kappa, krippendorff_alpha):
        assert coefficient(data, categories=["y", "n", "u"]) == coefficient(data)


# --- edge cases and argument checks -----------------------------------------------------

ALL = (percent_agreement, cohen_kappa, scott_pi, fleiss_kappa, gwet_ac1, krippendorff_alpha)
CHANCE_CORRECTED = (cohen_kappa, scott_pi, fleiss_kappa, gwet_ac1, krippendorff_alpha)


@pytest.mark.parametrize("coefficient", ALL)
def test_empty_input_is_undefined(coefficient) -> None:
    with pytest.raises(AgreementUndefined, match="empty"):
        coefficient([])


@pytest.mark.parametrize("coefficient", ALL)
def test_all_values_missing_is_undefined(coefficient) -> None:
    with pytest.raises(AgreementUndefined, match=r"two coders|both coders"):
        coefficient([(N, N), (N, N)])


@pytest.mark.parametrize("coefficient", ALL)
def test_units_with_single_values_are_undefined(coefficient) -> None:
    with pytest.raises(AgreementUndefined):
        coefficient([("a", N), (N, "b"), ("a", N)])


@pytest.mark.parametrize("coefficient", [percent_agreement, fleiss_kappa, gwet_ac1])
def test_one_coder_is_undefined(coefficient) -> None:
    with pytest.raises(AgreementUndefined, match="two coders"):
        coefficient([("a",), ("b",)])


def test_one_coder_alpha_is_undefined_and_two_coder_coefficients_refuse() -> None:
    with pytest.raises(AgreementUndefined, match="unpairable"):
        krippendorff_alpha([("a",), ("b",)])
    for coefficient in (cohen_kappa, scott_pi):
        with pytest.raises(ValueError, match="exactly two coders"):
            coefficient([("a",), ("b",)])
        with pytest.raises(ValueError, match="exactly two coders per unit, got 3"):
            coefficient([("a", "a", "b")])


@pytest.mark.parametrize("coefficient", CHANCE_CORRECTED)
def test_single_category_is_undefined_unless_others_are_declared(coefficient) -> None:
    data = [("x", "x"), ("x", "x"), ("x", N)]
    with pytest.raises(AgreementUndefined, match="no variation"):
        coefficient(data)
    # DKPro FullAgreementTest.testFullAgreementSingleUsedCategory: full agreement with a
    # declared but unused category is 1.0
    assert coefficient(data, categories=["x", "y"]) == 1.0


def test_single_category_percent_agreement_is_one() -> None:
    assert percent_agreement([("x", "x"), ("x", "x")]) == 1.0


@pytest.mark.parametrize("coefficient", CHANCE_CORRECTED)
def test_perfect_agreement_with_variation_is_one(coefficient) -> None:
    # DKPro FullAgreementTest.testFullAgreementMultipleUsedCategories: 1.0
    assert coefficient([("A", "A"), ("B", "B"), ("A", "A"), ("B", "B")]) == 1.0


@pytest.mark.parametrize("level", ["interval", "ratio", "ordinal"])
def test_alpha_single_value_other_levels(level: str) -> None:
    with pytest.raises(AgreementUndefined):
        krippendorff_alpha([(3, 3), (3, 3)], level)
    assert krippendorff_alpha([(3, 3), (3, 3)], level, categories=[1, 2, 3]) == 1.0


def test_argument_errors_name_the_problem() -> None:
    with pytest.raises(ValueError, match="unknown level 'metric'"):
        krippendorff_alpha([(1, 1)], level="metric")
    with pytest.raises(ValueError, match="unknown weights 'cubic'"):
        cohen_kappa([(1, 1)], weights="cubic")
    with pytest.raises(ValueError, match="unit 1 has 3 values but unit 0 has 2"):
        fleiss_kappa([(1, 1), (1, 1, 1)])
    with pytest.raises(ValueError, match="unit 0 is 'ab'"):
        fleiss_kappa(["ab"])
    with pytest.raises(ValueError, match="not hashable"):
        krippendorff_alpha([([1], [1])])
    with pytest.raises(ValueError, match="NaN"):
        krippendorff_alpha([(1.0, float("nan"))])
    with pytest.raises(ValueError, match="not among the declared categories"):
        gwet_ac1([("a", "b")], categories=["a"])
    with pytest.raises(ValueError, match="not among the declared categories"):
        # checked in incomplete units too
        cohen_kappa([("a", "a"), ("b", "a"), ("z", N)], categories=["a", "b"])
    with pytest.raises(ValueError, match="needs numeric values"):
        krippendorff_alpha([("a", "b")], level="interval")
    with pytest.raises(ValueError, match=">= 0"):
        krippendorff_alpha([(-1, 2)], level="ratio")
    with pytest.raises(ValueError, match="sorted"):
        krippendorff_alpha([("a", 1), (2, "b")], level="ordinal")
    with pytest.raises(ValueError, match="sorted"):
        cohen_kappa([("a", 1), (2, "b")], weights="linear")
    with pytest.raises(ValueError, match="must not contain None"):
        scott_pi([("a", "b")], categories=["a", "b", None])
    with pytest.raises(ValueError, match="sequence of units"):
        percent_agreement("aa")


def test_ordinal_categories_sort_numerically() -> None:
    # 10 sorts after 9 (numerically), so (9, 10) is a near miss on the ordinal scale and
    # the result equals the same data coded 1, 2, 3
    numeric = [(1, 1), (9, 10), (10, 10), (1, 9), (9, 9)]
    recoded = [(1, 1), (2, 3), (3, 3), (1, 2), (2, 2)]
    assert krippendorff_alpha(numeric, "ordinal") == krippendorff_alpha(recoded, "ordinal")
    assert cohen_kappa(numeric, weights="quadratic") == cohen_kappa(recoded, weights="quadratic")


def test_pairwise_cohen_and_undefined_pairs_left_out() -> None:
    data = [("a", "a", N), ("b", "b", N), ("a", "b", N)]
    result = pairwise(data)
    assert set(result) == {(0, 1)}
    assert result[(0, 1)] == cohen_kappa([(u[0], u[1]) for u in data])
    scotts = pairwise(KRIPPENDORFF_2011, scott_pi)
    assert set(scotts) == {(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)}


def test_generators_and_lists_are_accepted() -> None:
    assert krippendorff_alpha(iter([[1, 1], [2, 2], [1, 2]])) == krippendorff_alpha(
        [(1, 1), (2, 2), (1, 2)]
    )
