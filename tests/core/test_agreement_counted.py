"""Counted units (`UnitCounts`, each distinct unit with how often it occurs) give
exactly the figures of the list of units they stand for."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from core.review.agreement import (
    AgreementUndefined,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    scott_pi,
)
from core.review.agreement.inputs import UnitCounts

values = st.sampled_from(["O", "B-ORG", "I-ORG", "B-PERS", None])


def same(coefficient, units, **kwargs):
    try:
        expected = coefficient(units, **kwargs)
    except AgreementUndefined:
        expected = "undefined"
    try:
        found = coefficient(UnitCounts(Counter(units)), **kwargs)
    except AgreementUndefined:
        found = "undefined"
    assert found == expected, coefficient.__name__


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(values, values, values), min_size=1, max_size=40))
def test_three_coders(units):
    for coefficient in (fleiss_kappa, gwet_ac1, krippendorff_alpha, percent_agreement):
        same(coefficient, units)
    same(fleiss_kappa, units, categories=["O", "B-ORG", "I-ORG", "B-PERS"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(values, values), min_size=1, max_size=40))
def test_two_coders(units):
    for coefficient in (cohen_kappa, scott_pi, fleiss_kappa, krippendorff_alpha):
        same(coefficient, units)
    same(cohen_kappa, units, categories=["O", "B-ORG", "I-ORG", "B-PERS"])


def test_bad_counts_are_refused():
    import pytest

    with pytest.raises(ValueError, match="counts must be ints"):
        fleiss_kappa(UnitCounts({("a", "b"): 0}))
