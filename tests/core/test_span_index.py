import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.annotation.span_index import SpanIndex


def brute_overlapping(spans, start, end):
    if end <= start:
        return sorted((s, e, k) for k, (s, e) in spans.items() if s <= start < e)
    return sorted((s, e, k) for k, (s, e) in spans.items() if s < end and e > start)


span_lists = st.lists(
    st.tuples(st.integers(0, 2000), st.integers(1, 600)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(
    spans=span_lists,
    queries=st.lists(st.tuples(st.integers(0, 2700), st.integers(0, 300)), max_size=20),
    bucket=st.sampled_from([1, 7, 64, 256]),
    removals=st.lists(st.integers(0, 59), max_size=20),
)
def test_queries_match_a_brute_force_scan(spans, queries, bucket, removals):
    index = SpanIndex(((i, s, e) for i, (s, e) in enumerate(spans[:30])), bucket=bucket)
    model = {i: se for i, se in enumerate(spans[:30])}
    for i, (s, e) in enumerate(spans[30:], start=30):
        index.add(i, s, e)
        model[i] = (s, e)
    for r in removals:
        if r in model:
            assert index.remove(r) == model.pop(r)
    assert len(index) == len(model)
    assert list(index) == [k for _, _, k in sorted((s, e, k) for k, (s, e) in model.items())]
    for start, width in queries:
        expected = [k for _, _, k in brute_overlapping(model, start, start + width)]
        assert index.overlapping(start, start + width) == expected
        assert index.at(start) == [k for _, _, k in brute_overlapping(model, start, start)]


def test_next_and_previous_follow_reading_order():
    index = SpanIndex([("a", 10, 20), ("b", 10, 14), ("c", 30, 35)])
    assert list(index) == ["b", "a", "c"]
    assert index.next_after(0) == "b"
    assert index.next_after(10) == "c"
    assert index.next_after(30) is None
    assert index.previous_before(30) == "a"
    assert index.previous_before(10) is None


def test_bad_spans_are_refused():
    index = SpanIndex()
    with pytest.raises(ValueError):
        index.add(1, 5, 5)
    index.add(1, 0, 3)
    with pytest.raises(KeyError):
        index.add(1, 4, 6)
