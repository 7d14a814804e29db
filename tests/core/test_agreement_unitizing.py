"""Unitizing alpha checked against DKPro Statistics' tests of its
``KrippendorffAlphaUnitizingAgreement`` (dkpro/dkpro-statistics,
dkpro-statistics-agreement/src/test/java/org/dkpro/statistics/agreement/unitizing/),
and against a brute-force evaluation of the definition.

DKPro adds units as ``addUnit(offset, length, rater, category)``; here they are
``(coder, offset, offset + length, label)``.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations, pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.review.agreement import (
    AgreementUndefined,
    concatenate_documents,
    pairwise_unitizing_disagreement,
    unitizing_alpha,
    unitizing_alpha_by_label,
    unitizing_disagreement,
)


def dkpro(*units: tuple[int, int, int, str]) -> list[tuple[int, int, int, str]]:
    """Convert DKPro ``addUnit(offset, length, rater, category)`` calls."""
    return [(rater, offset, offset + length, category) for offset, length, rater, category in units]


# --- DKPro UnitizingAgreementTest -------------------------------------------------------

# r0: -11111111-   r1: --1-1-1---   on a continuum of length 10 (createExample)
SMALL = dkpro((1, 8, 0, "A"), (2, 1, 1, "A"), (4, 1, 1, "A"), (6, 1, 1, "A"))


def test_dkpro_unitizing_agreement_example() -> None:
    # UnitizingAgreementTest.testAgreement: D_O 0.9100, D_E 0.5351, alpha -0.7003 (+-1e-4).
    # Working for D_O: the r0 unit [1, 9) meets the three r1 units [2,3), [4,5), [6,7):
    # (1-2)^2 + (9-3)^2 + (1-4)^2 + (9-5)^2 + (1-6)^2 + (9-7)^2 = 37 + 25 + 29 = 91;
    # D_O = 2 * 91 / (R (R - 1) L^2) = 182 / 200 = 0.91.
    found = unitizing_disagreement(SMALL, 0, 10)["A"]
    assert found.observed == pytest.approx(0.91, abs=1e-12)
    assert found.expected == pytest.approx(0.5351, abs=1e-4)
    assert unitizing_alpha(SMALL, 0, 10) == pytest.approx(-0.7003, abs=1e-4)
    assert unitizing_alpha(SMALL, 0, 10, "A") == unitizing_alpha(SMALL, 0, 10)


def test_dkpro_single_annotation_unit() -> None:
    # UnitizingAgreementTest.testSingleAnnotationUnit: 3 raters, length 20, one unit -> 0.0.
    # (D_O = 2 * (1 + 1) / (3 * 2 * 400) = 1/600; D_E = 2/20 * 59 / (60 * 59) = 1/600.)
    assert unitizing_alpha([(0, 0, 1, "X")], 0, 20, coders=[0, 1, 2]) == 0.0


def test_empty_study_is_undefined_where_dkpro_returns_nan() -> None:
    # UnitizingAgreementTest.testEmptyAnnotationSet expects NaN; we raise instead.
    with pytest.raises(AgreementUndefined, match="no units"):
        unitizing_alpha([], 0, 20, coders=[0, 1, 2])


# --- DKPro Krippendorff2004Test (Krippendorff 2004, p. 254) -----------------------------

K2004 = dkpro(
    (225, 70, 0, "c"),
    (370, 30, 0, "c"),
    (220, 80, 1, "c"),
    (355, 20, 1, "c"),
    (400, 20, 1, "c"),
    (180, 60, 0, "k"),
    (300, 50, 0, "k"),
    (180, 60, 1, "k"),
    (300, 50, 1, "k"),
)


def test_dkpro_krippendorff_2004_agreement() -> None:
    # Krippendorff2004Test.testAgreement: continuum [150, 450), alpha 0.8591 (+-0.0005)
    assert unitizing_alpha(K2004, 150, 450) == pytest.approx(0.8591, abs=5e-4)


def test_dkpro_krippendorff_2004_category_agreement() -> None:
    # Krippendorff2004Test.testCategoryAgreement (+-1e-4): c: D_O 0.0144, D_E 0.0532,
    # alpha 0.7286; k: D_O 0.0000, D_E 0.0490, alpha 1.0000
    found = unitizing_disagreement(K2004, 150, 450)
    assert found["c"].observed == pytest.approx(0.0144, abs=1e-4)
    assert found["c"].expected == pytest.approx(0.0532, abs=1e-4)
    assert found["k"].observed == 0.0
    assert found["k"].expected == pytest.approx(0.0490, abs=1e-4)
    assert unitizing_alpha(K2004, 150, 450, "c") == pytest.approx(0.7286, abs=1e-4)
    assert unitizing_alpha(K2004, 150, 450, "k") == 1.0
    assert unitizing_alpha_by_label(K2004, 150, 450) == {
        "c": unitizing_alpha(K2004, 150, 450, "c"),
        "k": 1.0,
    }


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        # Krippendorff2004Test.testDistanceMetric2: measureDistance(225,70,c, 220,80,c) = 50,
        # (370,30,c, 355,20,c) = 850, (400,50,gap, 400,20,c) = 400: the c unit inside a gap
        ((225, 70), (220, 80), 50),
        ((370, 30), (355, 20), 850),
        (None, (400, 20), 400),
        # Krippendorff2004Test.testDistanceMetric1: (5,6,X, 4,2,X) = 26, (5,6,X, 5,2,X) = 16,
        # (5,6,X, 6,2,X) = 10, (5,6,X, 7,2,X) = 8, (5,6,X, 6,4,X) = 2, (5,6,X, 5,6,X) = 0
        ((5, 6), (4, 2), 26),
        ((5, 6), (5, 2), 16),
        ((5, 6), (6, 2), 10),
        ((5, 6), (7, 2), 8),
        ((5, 6), (6, 4), 2),
        ((5, 6), (5, 6), 0),
    ],
)
def test_dkpro_distance_examples(a, b, distance: int) -> None:
    # With two coders and one unit each, D_O = 2 * distance / (2 * 1 * L^2).
    units = [] if a is None else [(0, a[0], a[0] + a[1], "X")]
    units.append((1, b[0], b[0] + b[1], "X"))
    observed = unitizing_disagreement(units, 0, 1000, coders=[0, 1])["X"].observed
    assert observed == pytest.approx(distance / 1000**2, abs=1e-15)


# --- DKPro Krippendorff1995Test (Krippendorff 1995, p. 57) ------------------------------

K1995 = [
    (2, 8, 0, "A"), (14, 6, 0, "A"), (4, 4, 1, "A"), (15, 2, 1, "A"),
    (0, 18, 0, "B"), (0, 2, 1, "B"), (2, 1, 1, "B"), (3, 1, 1, "B"), (4, 1, 1, "B"),
    (5, 1, 1, "B"), (6, 3, 1, "B"), (9, 1, 1, "B"),
    (2, 6, 0, "C"), (10, 2, 0, "C"), (14, 4, 0, "C"), (20, 2, 0, "C"), (0, 2, 1, "C"),
    (4, 4, 1, "C"), (10, 4, 1, "C"), (16, 2, 1, "C"), (20, 2, 1, "C"),
    (0, 2, 0, "D"), (2, 8, 0, "D"), (10, 4, 0, "D"), (14, 6, 0, "D"), (20, 4, 0, "D"),
    (0, 4, 1, "D"), (4, 4, 1, "D"), (8, 7, 1, "D"), (15, 2, 1, "D"), (17, 7, 1, "D"),
]  # fmt: skip


def k1995(stretch: float, labels: str = "ABCD") -> tuple[list, int, int]:
    """createExample(stretch): offsets and lengths scaled and truncated as (int) in Java."""
    units = [
        (rater, int(offset * stretch), int(offset * stretch) + int(length * stretch), label)
        for offset, length, rater, label in K1995
        if label in labels
    ]
    return units, 0, int(24 * stretch)


def test_dkpro_krippendorff_1995_observed_disagreement() -> None:
    # Krippendorff1995Test.testAgreement (+-1e-5): A 0.03125, B 2.26736, C 0.02777,
    # D 0.38715
    found = unitizing_disagreement(*k1995(1))
    assert found["A"].observed == pytest.approx(0.03125, abs=1e-5)
    assert found["B"].observed == pytest.approx(2.26736, abs=1e-5)
    assert found["C"].observed == pytest.approx(0.02777, abs=1e-5)
    assert found["D"].observed == pytest.approx(0.38715, abs=1e-5)


def test_dkpro_krippendorff_1995_expected_and_alpha_long_continuum() -> None:
    # Krippendorff1995Test.testAgreement with stretch 1200000/24: D_E (+-0.005) A 0.06990,
    # B 1.17731, C 0.08642, D 0.41445; alpha (+-0.02) A 0.553, B -0.926, C 0.679, D 0.066.
    # DKPro notes these are Krippendorff's published figures, which contain a small error;
    # like DKPro we match them only within these tolerances (our C: D_E 0.0905, alpha 0.693).
    units, begin, end = k1995(1200000 / 24)
    found = unitizing_disagreement(units, begin, end)
    for label, expected in {"A": 0.06990, "B": 1.17731, "C": 0.08642, "D": 0.41445}.items():
        assert found[label].expected == pytest.approx(expected, abs=0.005)
    alphas = unitizing_alpha_by_label(units, begin, end)
    for label, expected in {"A": 0.553, "B": -0.926, "C": 0.679, "D": 0.066}.items():
        assert alphas[label] == pytest.approx(expected, abs=0.02)
        assert unitizing_alpha(units, begin, end, label) == alphas[label]


@pytest.mark.parametrize(
    ("stretch", "expected", "expected_tolerance", "alpha"),
    [
        # Krippendorff1995Test.testVaryingLengths, label C only (+-0.02 on alpha)
        (12 / 24, 0.05494, 1e-5, 0.494),
        (120 / 24, 0.08234, 0.005, 0.663),
        (1200 / 24, 0.08600, 0.005, 0.677),
        (12000 / 24, 0.08638, 0.005, 0.678),
        (120000 / 24, 0.08642, 0.005, 0.679),
        (1200000 / 24, 0.08642, 0.005, 0.679),
    ],
)
def test_dkpro_krippendorff_1995_varying_lengths(
    stretch: float, expected: float, expected_tolerance: float, alpha: float
) -> None:
    units, begin, end = k1995(stretch, "C")
    found = unitizing_disagreement(units, begin, end)["C"]
    assert found.observed == pytest.approx(0.02777, abs=1e-5)
    assert found.expected == pytest.approx(expected, abs=expected_tolerance)
    assert unitizing_alpha(units, begin, end, "C") == pytest.approx(alpha, abs=0.02)


def test_overall_alpha_is_ratio_of_mean_disagreements() -> None:
    # DKPro calculateAgreement: 1 - mean_c D_O(c) / mean_c D_E(c)
    units, begin, end = k1995(1)
    found = unitizing_disagreement(units, begin, end)
    observed = sum(d.observed for d in found.values()) / 4
    expected = sum(d.expected for d in found.values()) / 4
    assert unitizing_alpha(units, begin, end) == pytest.approx(1 - observed / expected)


# --- brute force -----------------------------------------------------------------------


def brute_force(units, begin: int, end: int, coders: list) -> dict:
    """Per label (D_O, D_E) straight from the definition, with loops over all pairs.

    Each coder's continuum is cut into its units and the gaps between them. For every
    pair of coders and every pair of their segments that share a position: two units
    give (s1 - s2)^2 + (e1 - e2)^2; a unit wholly inside a gap of the other coder gives
    its length squared; anything else 0. D_E follows Krippendorff (2004, p. 255) as
    DKPro computes it (see core/review/agreement/unitizing.py).
    """
    length = end - begin
    n_coders = len(coders)
    result = {}
    for label in dict.fromkeys(u[3] for u in units):
        segments = {}
        gaps = []
        for coder in coders:
            spans = sorted((s, e) for c, s, e, lab in units if c == coder and lab == label)
            cut = []
            position = begin
            for s, e in spans:
                if s > position:
                    cut.append((position, s, False))
                    gaps.append(s - position)
                cut.append((s, e, True))
                position = e
            if position < end:
                cut.append((position, end, False))
                gaps.append(end - position)
            segments[coder] = cut
        observed = 0
        for c1, c2 in combinations(coders, 2):
            for s1, e1, unit1 in segments[c1]:
                for s2, e2, unit2 in segments[c2]:
                    if min(e1, e2) <= max(s1, s2):
                        continue
                    if unit1 and unit2:
                        observed += (s1 - s2) ** 2 + (e1 - e2) ** 2
                    elif unit1 and s2 <= s1 and e1 <= e2:
                        observed += (e1 - s1) ** 2
                    elif unit2 and s1 <= s2 and e2 <= e1:
                        observed += (e2 - s2) ** 2
        lengths = [e - s for c, s, e, lab in units if lab == label]
        n_units = len(lengths)
        total = Fraction(0)
        for size in lengths:
            total += Fraction((n_units - 1) * (2 * size**3 - 3 * size**2 + size), 3)
            total += size * size * sum(g - size + 1 for g in gaps if g >= size)
        denominator = n_coders * length * (n_coders * length - 1) - sum(
            size * (size - 1) for size in lengths
        )
        result[label] = (
            Fraction(2 * observed, n_coders * (n_coders - 1) * length * length),
            total * Fraction(2, length) / denominator,
        )
    return result


@st.composite
def studies(draw):
    """Random small studies: 2-4 coders, disjoint units per coder and label."""
    begin = draw(st.integers(-5, 5))
    length = draw(st.integers(1, 40))
    end = begin + length
    coders = list(range(draw(st.integers(2, 4))))
    units = []
    for coder in coders:
        for label in draw(st.lists(st.sampled_from("xyz"), unique=True, max_size=3)):
            cuts = sorted(draw(st.sets(st.integers(begin, end), max_size=10)))
            for s, e in pairwise(cuts):
                if draw(st.booleans()):
                    units.append((coder, s, e, label))
    return draw(st.permutations(units)), begin, end, coders


@settings(max_examples=200, deadline=None)
@given(studies())
def test_matches_brute_force(study) -> None:
    units, begin, end, coders = study
    expected = brute_force(units, begin, end, coders)
    found = unitizing_disagreement(units, begin, end, coders=coders)
    assert list(found) == list(expected)
    for label, (observed, disagreement) in expected.items():
        assert found[label].observed == float(observed)
        assert found[label].expected == float(disagreement)


@settings(max_examples=100, deadline=None)
@given(studies(), st.randoms(use_true_random=False))
def test_invariant_under_order_of_units_and_renaming_of_coders(study, rng) -> None:
    units, begin, end, coders = study
    try:
        reference = unitizing_alpha(units, begin, end, coders=coders)
    except AgreementUndefined:
        return
    shuffled = list(units)
    rng.shuffle(shuffled)
    renamed = [(f"coder-{9 - c}", s, e, label) for c, s, e, label in shuffled]
    names = [f"coder-{9 - c}" for c in reversed(coders)]
    assert unitizing_alpha(renamed, begin, end, coders=names) == pytest.approx(reference)


def test_identical_coders_with_variation_agree_perfectly() -> None:
    spans = [(3, 9, "PER"), (12, 20, "ORG"), (25, 26, "PER")]
    units = [(coder, s, e, label) for coder in ("a", "b", "c") for s, e, label in spans]
    assert unitizing_alpha(units, 0, 40) == 1.0
    assert unitizing_alpha_by_label(units, 0, 40) == {"PER": 1.0, "ORG": 1.0}


# --- edge cases, options and argument checks --------------------------------------------


def test_one_coder_is_undefined() -> None:
    with pytest.raises(AgreementUndefined, match="at least two"):
        unitizing_alpha([("a", 0, 3, "X")], 0, 10)
    # a second coder who marked nothing takes part when declared: the unit lies in that
    # coder's gap (D_O = 2 * 9 / (2 * 100)); alpha is then defined
    assert unitizing_alpha([("a", 0, 3, "X")], 0, 10, coders=["a", "b"]) < 1


def test_unknown_label_is_undefined() -> None:
    with pytest.raises(AgreementUndefined, match="no unit has label 'Z'"):
        unitizing_alpha(SMALL, 0, 10, "Z")


def test_no_variation_is_undefined() -> None:
    # Expected disagreement is 0 when every coder covers the whole continuum with units
    # of length 1: there is no other way to unitize it.
    units = [(coder, 0, 1, "X") for coder in (0, 1)]
    with pytest.raises(AgreementUndefined, match="no variation"):
        unitizing_alpha(units, 0, 1)
    assert unitizing_alpha_by_label(units, 0, 1) == {}


def test_overlapping_units_of_one_coder() -> None:
    units = [("a", 0, 5, "X"), ("a", 3, 8, "X"), ("a", 6, 9, "X"), ("b", 0, 5, "X")]
    with pytest.raises(ValueError, match=r"coder 'a' has overlapping units with label 'X'"):
        unitizing_alpha(units, 0, 10)
    # drop: keep [0, 5), drop [3, 8) (starts before 5), keep [6, 9)
    kept = [("a", 0, 5, "X"), ("a", 6, 9, "X"), ("b", 0, 5, "X")]
    assert unitizing_alpha(units, 0, 10, overlap="drop") == unitizing_alpha(kept, 0, 10)
    # of two units starting together the longer is kept
    nested = [("a", 0, 2, "X"), ("a", 0, 5, "X"), ("b", 0, 5, "X")]
    assert unitizing_alpha(nested, 0, 10, overlap="drop") == 1.0
    # different labels may overlap
    assert unitizing_alpha([("a", 0, 5, "X"), ("a", 2, 4, "Y"), ("b", 0, 5, "X")], 0, 10) < 1


def test_argument_errors_name_the_problem() -> None:
    with pytest.raises(ValueError, match="unit 1 is"):
        unitizing_alpha([("a", 0, 1, "X"), ("a", 0, 1)], 0, 10)
    with pytest.raises(ValueError, match="unit 0: start and end must be integers"):
        unitizing_alpha([("a", 0.0, 1, "X")], 0, 10)
    with pytest.raises(ValueError, match=r"unit 0: need begin <= start < end"):
        unitizing_alpha([("a", 5, 5, "X")], 0, 10)
    with pytest.raises(ValueError, match=r"unit 1: need begin <= start < end"):
        unitizing_alpha([("a", 5, 6, "X"), ("b", 5, 11, "X")], 0, 10)
    with pytest.raises(ValueError, match="label must not be None"):
        unitizing_alpha([("a", 0, 1, None)], 0, 10)
    with pytest.raises(ValueError, match="hashable"):
        unitizing_alpha([(["a"], 0, 1, "X")], 0, 10)
    with pytest.raises(ValueError, match="not among coders="):
        unitizing_alpha([("a", 0, 1, "X"), ("c", 0, 1, "X")], 0, 10, coders=["a", "b"])
    with pytest.raises(ValueError, match="is empty"):
        unitizing_alpha([], 5, 5)
    with pytest.raises(ValueError, match="must be integers"):
        unitizing_alpha([], 0, 10.5)
    with pytest.raises(ValueError, match="iterable"):
        unitizing_alpha(42, 0, 10)
    with pytest.raises(ValueError, match="overlap policy"):
        unitizing_alpha(SMALL, 0, 10, overlap="merge")


def test_concatenate_documents() -> None:
    # two documents of lengths 10 and 20; offsets in the second move by 10
    units = [
        ("d1", "a", 1, 9, "A"),
        ("d1", "b", 2, 3, "A"),
        ("d2", "a", 0, 5, "B"),
        ("d2", "b", 15, 20, "B"),
    ]
    placed, begin, end = concatenate_documents(units, {"d1": 10, "d2": 20})
    assert (begin, end) == (0, 30)
    assert placed == [
        ("a", 1, 9, "A"),
        ("b", 2, 3, "A"),
        ("a", 10, 15, "B"),
        ("b", 25, 30, "B"),
    ]
    assert unitizing_alpha(placed, begin, end) == unitizing_alpha(
        *concatenate_documents(units, {"d1": 10, "d2": 20})
    )
    with pytest.raises(ValueError, match="document 'd3' has no length"):
        concatenate_documents([("d3", "a", 0, 1, "A")], {"d1": 10})
    with pytest.raises(ValueError, match=r"need 0 <= start < end <= 10"):
        concatenate_documents([("d1", "a", 5, 11, "A")], {"d1": 10})


def test_int_subclasses_are_offsets_but_bools_are_not() -> None:
    from enum import IntEnum

    class Offset(IntEnum):
        ZERO = 0
        FIVE = 5

    assert unitizing_alpha([("a", Offset.ZERO, Offset.FIVE, "X"), ("b", 0, 5, "X")], 0, 9) == 1.0
    with pytest.raises(ValueError, match="must be integers"):
        unitizing_alpha([("a", False, True, "X"), ("b", 0, 1, "X")], 0, 9)


def test_unsorted_input_and_overlaps_with_equal_starts() -> None:
    units = [("a", 6, 9, "X"), ("b", 0, 5, "X"), ("a", 0, 5, "X"), ("b", 6, 8, "X")]
    assert unitizing_alpha(units, 0, 10) == unitizing_alpha(sorted(units), 0, 10)
    with pytest.raises(ValueError, match=r"\(0, 2\) and \(0, 5\)"):
        unitizing_alpha([("a", 0, 5, "X"), ("a", 0, 2, "X"), ("b", 0, 5, "X")], 0, 10)


@settings(max_examples=150, deadline=None)
@given(studies())
def test_pairwise_equals_each_pair_alone(study) -> None:
    units, begin, end, coders = study
    try:
        overall, by_pair = pairwise_unitizing_disagreement(units, begin, end, coders=coders)
    except AgreementUndefined:
        return
    assert overall == unitizing_disagreement(units, begin, end, coders=coders)
    for c1, c2 in combinations(coders, 2):
        two = [u for u in units if u[0] in (c1, c2)]
        alone = unitizing_disagreement(two, begin, end, coders=[c1, c2]) if two else {}
        assert by_pair[(c1, c2)] == alone


@settings(max_examples=100, deadline=None)
@given(studies())
def test_grouped_tracks_equal_unit_tuples(study) -> None:
    units, begin, end, coders = study
    tracks: dict = {}
    for coder, start, stop, label in units:
        starts, stops = tracks.setdefault((coder, label), ([], []))
        starts.append(start)
        stops.append(stop)
    try:
        expected = unitizing_disagreement(units, begin, end, coders=coders)
    except AgreementUndefined:
        return
    assert unitizing_disagreement(tracks, begin, end, coders=coders) == expected
    as_arrays = {key: (np.array(a), np.array(b)) for key, (a, b) in tracks.items()}
    assert unitizing_disagreement(as_arrays, begin, end, coders=coders) == expected


def test_distances_too_large_for_64_bits_are_summed_exactly() -> None:
    # squared lengths of 2**33 and more overflow int64: the sum falls back to exact ints
    big = 2**33
    units = [(0, 0, big, "x"), (1, 1, 3 * big, "x"), (1, 3 * big, 4 * big, "x")]
    expected = brute_force(units, 0, 4 * big, [0, 1])
    found = unitizing_disagreement(units, 0, 4 * big, coders=[0, 1])
    assert found["x"].observed == float(expected["x"][0])
    assert found["x"].expected == float(expected["x"][1])


def test_grouped_tracks_are_checked() -> None:
    with pytest.raises(ValueError, match=r"track \('a', 'X'\): 2 starts but 1 ends"):
        unitizing_alpha({("a", "X"): ([0, 4], [2])}, 0, 10)
    with pytest.raises(ValueError, match=r"track \('a', 'X'\), unit 1: need begin <= start"):
        unitizing_alpha({("a", "X"): ([0, 9], [2, 12])}, 0, 10)
    with pytest.raises(ValueError, match="is not among coders="):
        unitizing_alpha({("a", "X"): ([0], [2])}, 0, 10, coders=["b", "c"])
    with pytest.raises(ValueError, match=r"track \('a', 'X'\), unit 0: need begin <= start"):
        unitizing_alpha({("a", "X"): (np.array([3]), np.array([2]))}, 0, 10)
    with pytest.raises(ValueError, match=r"track \('a', 'X'\), unit 0: start and end must be"):
        unitizing_alpha({("a", "X"): (np.array([0.5]), np.array([2.0]))}, 0, 10)
    tracks = {("a", "X"): ([5, 0], [7, 2]), ("b", "X"): ([0], [2])}  # unsorted is fine
    units = [("a", 0, 2, "X"), ("a", 5, 7, "X"), ("b", 0, 2, "X")]
    assert unitizing_alpha(tracks, 0, 10) == unitizing_alpha(units, 0, 10)
