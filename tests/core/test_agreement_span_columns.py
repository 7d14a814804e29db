"""The study's span columns keep the order the measures rely on: label, document,
start, end."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.review.agreement.study import SpanColumns

small = st.integers(0, 50)
large = st.integers(-(2**40), 2**40)  # past the packed sort keys: the plain sort


@given(
    st.lists(st.tuples(small, small, small, small))
    | st.lists(st.tuples(large, large, large, large))
)
def test_columns_hold_the_spans_sorted_by_label_document_start_end(spans):
    columns = SpanColumns.of(spans)
    expected = sorted(spans, key=lambda s: (s[3], s[0], s[1], s[2]))
    assert len(columns) == len(spans)
    assert list(columns) == expected
    # in document order, as the database reads them: only the labels are sorted
    assert list(SpanColumns.of(sorted(spans))) == expected
    assert [tuple(row) for row in columns.rows().tolist()] == list(columns)
