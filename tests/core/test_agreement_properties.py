"""Property tests of the coded-data coefficients: invariances, identities between
coefficients, and "a number or AgreementUndefined, never NaN"."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.review.agreement import (
    LEVELS,
    AgreementUndefined,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    scott_pi,
)

MULTI = (percent_agreement, fleiss_kappa, gwet_ac1, krippendorff_alpha)
TWO = (cohen_kappa, scott_pi)

values = st.one_of(st.none(), st.integers(0, 4))


def reliability_data(n_coders=None, missing=True):
    coders = st.just(n_coders) if n_coders else st.integers(1, 5)
    value = values if missing else st.integers(0, 4)
    return coders.flatmap(lambda m: st.lists(st.tuples(*[value] * m), max_size=25))


def call(coefficient, data, **kwargs):
    try:
        return coefficient(data, **kwargs)
    except AgreementUndefined:
        return "undefined"


@settings(max_examples=150, deadline=None)
@given(reliability_data(), st.randoms(use_true_random=False))
def test_invariant_under_permuting_units_and_coders(data, rng) -> None:
    units = list(data)
    rng.shuffle(units)
    if units:
        order = list(range(len(units[0])))
        rng.shuffle(order)
        units = [tuple(unit[i] for i in order) for unit in units]
    for coefficient in MULTI:
        assert call(coefficient, units) == call(coefficient, data)
    for level in LEVELS[1:]:
        assert call(krippendorff_alpha, units, level=level) == call(
            krippendorff_alpha, data, level=level
        )


@settings(max_examples=150, deadline=None)
@given(reliability_data(n_coders=2))
def test_two_coder_coefficients_symmetric_in_coders(data) -> None:
    swapped = [(b, a) for a, b in data]
    for coefficient in TWO:
        assert call(coefficient, swapped) == call(coefficient, data)
    for weights in ("linear", "quadratic"):
        assert call(cohen_kappa, swapped, weights=weights) == call(
            cohen_kappa, data, weights=weights
        )


@settings(max_examples=150, deadline=None)
@given(reliability_data(), st.sampled_from(LEVELS))
def test_result_is_a_number_in_range_or_undefined(data, level) -> None:
    for coefficient, kwargs in [(c, {}) for c in MULTI] + [(krippendorff_alpha, {"level": level})]:
        result = call(coefficient, data, **kwargs)
        if result != "undefined":
            assert math.isfinite(result)
            assert result <= 1.0 + 1e-12
    if data and len(data[0]) == 2:
        for coefficient in TWO:
            result = call(coefficient, data)
            if result != "undefined":
                assert -1.0 - 1e-12 <= result <= 1.0 + 1e-12


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 4), min_size=1, max_size=25),
    st.integers(2, 5),
    st.sampled_from(LEVELS),
)
def test_identical_coders_agree_perfectly_when_there_is_variation(column, m, level) -> None:
    assume(len(set(column)) >= 2)
    data = [(value,) * m for value in column]
    for coefficient in (fleiss_kappa, gwet_ac1, percent_agreement):
        assert coefficient(data) == 1.0
    assert krippendorff_alpha(data, level) == 1.0
    pairs = [unit[:2] for unit in data]
    for coefficient in TWO:
        assert coefficient(pairs) == 1.0
    assert cohen_kappa(pairs, weights="quadratic") == 1.0


@settings(max_examples=150, deadline=None)
@given(reliability_data(n_coders=2, missing=False))
def test_two_coder_identities(data) -> None:
    # With two coders and no missing values Fleiss' kappa is Scott's pi, and nominal
    # alpha = 1 - (1 - pi) (n - 1) / n with n = 2 * units pairable values (Krippendorff
    # 2004: alpha corrects pi for small samples).
    pi = call(scott_pi, data)
    alpha = call(krippendorff_alpha, data)
    if pi == "undefined":
        assert call(fleiss_kappa, data) == alpha == "undefined"
    else:
        assert call(fleiss_kappa, data) == pytest.approx(pi)
        n = 2 * len(data)
        assert alpha == pytest.approx(1 - (1 - pi) * (n - 1) / n)


@settings(max_examples=100, deadline=None)
@given(reliability_data(missing=True))
def test_units_without_pairs_do_not_change_alpha(data) -> None:
    # Krippendorff: units with fewer than two values are unpairable and ignored
    padded = [*data, *[(None,) * len(unit) for unit in data[:1]]]
    if data:
        lonely = [None] * len(data[0])
        lonely[0] = 3
        padded.append(tuple(lonely))
    assert call(krippendorff_alpha, padded) == call(krippendorff_alpha, data)
