"""Nesting levels of spans: the paragraph shortcut agrees with asking the index."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.annotation.spans import SpanRow
from ui.editor.layer import SpanLayer

TEXT = "كلمة " * 40


def layer_of(pairs: list[tuple[int, int]]) -> SpanLayer:
    layer = SpanLayer()
    layer.load(TEXT, [SpanRow(i + 1, 1, 1, a, b) for i, (a, b) in enumerate(pairs)])
    return layer


spans = st.lists(
    st.tuples(st.integers(0, 190), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(spans, st.integers(0, 180), st.integers(1, 60))
def test_levels_within_a_range_equal_the_plain_levels(pairs, low, width):
    layer = layer_of(pairs)
    high = low + width
    ids = layer.index.overlapping(low, high)
    assert layer.levels(ids, within=(low, high)) == layer.levels(ids)


def test_nested_spans_get_levels_and_lone_ones_none():
    # 1: the outer span, 2 inside it, 3 inside 2; 4 stands alone; 5 crosses the range's
    # end and holds 6, which lies past it (a paragraph's neighbour)
    layer = layer_of([(0, 20), (5, 15), (6, 9), (30, 35), (38, 50), (45, 48)])
    ids = layer.index.overlapping(0, 40)
    assert layer.levels(ids, within=(0, 40)) == {1: 2, 2: 1, 3: 0, 4: 0, 5: 1}
