"""Span precision/recall/F1: hand-computed cases, a brute-force greedy matcher and
properties (no published reference values exist for this exact matching rule)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.review.agreement import SpanF1, SpanIndex, span_f1, span_f1_by_label, span_f1_counts
from core.review.agreement.study import SpanColumns


def test_exact_match_hand_computed() -> None:
    a = [("d1", 0, 5, "PER"), ("d1", 10, 15, "ORG"), ("d2", 0, 5, "PER"), ("d2", 7, 9, "LOC")]
    b = [("d1", 0, 5, "PER"), ("d1", 10, 16, "ORG"), ("d2", 0, 5, "ORG"), ("d2", 7, 9, "LOC")]
    # tp: (d1,0,5,PER) and (d2,7,9,LOC) = 2; precision 2/4, recall 2/4, f1 2*2/(4+4)
    assert span_f1(a, b) == SpanF1(0.5, 0.5, 0.5, 2, 2, 2)
    # overlap: (d1,10,15,ORG)~(d1,10,16,ORG) also matches; (d2,0,5) differs in label
    assert span_f1(a, b, match="overlap") == SpanF1(0.75, 0.75, 0.75, 3, 1, 1)


def test_precision_is_against_b_and_recall_against_a() -> None:
    a = [("d", 0, 1, "X"), ("d", 2, 3, "X"), ("d", 4, 5, "X")]
    b = [("d", 0, 1, "X")]
    result = span_f1(a, b)
    # precision = tp/|b| = 1, recall = tp/|a| = 1/3, f1 = 2*1/(3+1) = 0.5
    assert (result.precision, result.recall, result.f1) == (1.0, pytest.approx(1 / 3), 0.5)
    assert (result.true_positives, result.a_only, result.b_only) == (1, 2, 0)
    assert (result.n_a, result.n_b) == (3, 1)


def test_overlap_is_one_to_one_by_largest_overlap() -> None:
    # a [0,10) overlaps b [0,4) by 4 and b [5,10) by 5: it takes [5,10); tp = 1
    a = [("d", 0, 10, "X")]
    b = [("d", 0, 4, "X"), ("d", 5, 10, "X")]
    assert span_f1(a, b, "overlap").true_positives == 1
    # b [2,8) overlaps a [0,5) by 3 and a [5,10) by 3: tie on overlap, then on boundary
    # distance |0-2| + |5-8| = 5 vs |5-2| + |10-8| = 5, then position: a [0,5) wins
    a = [("d", 5, 10, "X"), ("d", 0, 5, "X")]
    b = [("d", 2, 8, "X")]
    assert span_f1(a, b, "overlap").true_positives == 1
    # touching spans [0,5) and [5,9) do not overlap
    assert span_f1([("d", 0, 5, "X")], [("d", 5, 9, "X")], "overlap").true_positives == 0
    # same offsets but another document or label never match
    assert span_f1([("d", 0, 5, "X")], [("e", 0, 5, "X")], "overlap").true_positives == 0
    assert span_f1([("d", 0, 5, "X")], [("d", 0, 5, "Y")], "overlap").true_positives == 0


def test_duplicates_match_once_per_copy() -> None:
    a = [("d", 0, 5, "X"), ("d", 0, 5, "X")]
    b = [("d", 0, 5, "X")]
    for match in ("exact", "overlap"):
        result = span_f1(a, b, match)
        assert (result.true_positives, result.a_only, result.b_only) == (1, 1, 0)


def test_empty_sides() -> None:
    assert span_f1([], []) == SpanF1(1.0, 1.0, 1.0, 0, 0, 0)
    a = [("d", 0, 5, "X")]
    assert span_f1(a, []) == SpanF1(0.0, 0.0, 0.0, 0, 1, 0)
    assert span_f1([], a) == SpanF1(0.0, 0.0, 0.0, 0, 0, 1)


def test_by_label_sums_to_overall() -> None:
    a = [("d1", 0, 5, "PER"), ("d1", 10, 15, "ORG"), ("d2", 0, 5, "PER"), ("d2", 7, 9, "LOC")]
    b = [("d1", 0, 5, "PER"), ("d1", 10, 16, "ORG"), ("d2", 0, 5, "ORG"), ("d2", 7, 9, "LOC")]
    by_label = span_f1_by_label(a, b, "overlap")
    assert list(by_label) == ["LOC", "ORG", "PER"]
    assert by_label["PER"] == SpanF1(1.0, 0.5, pytest.approx(2 / 3), 1, 1, 0)
    assert by_label["ORG"] == SpanF1(0.5, 1.0, pytest.approx(2 / 3), 1, 0, 1)
    assert by_label["LOC"] == SpanF1(1.0, 1.0, 1.0, 1, 0, 0)
    overall = span_f1(a, b, "overlap")
    assert overall.true_positives == sum(r.true_positives for r in by_label.values())
    assert overall.a_only == sum(r.a_only for r in by_label.values())
    assert overall.b_only == sum(r.b_only for r in by_label.values())


def test_counts_per_document_and_label() -> None:
    a = [("d1", 0, 5, "PER"), ("d1", 10, 15, "ORG"), ("d2", 0, 5, "PER"), ("d2", 7, 9, "LOC")]
    b = [("d1", 0, 5, "PER"), ("d1", 10, 16, "ORG"), ("d2", 0, 5, "ORG"), ("d2", 7, 9, "LOC")]
    # exact: d1 PER matches, d1 ORG differs by one position, d2 PER vs ORG differ in
    # label (each only on one side), d2 LOC matches
    assert span_f1_counts(a, b) == {
        ("d1", "PER"): (1, 1, 1),
        ("d1", "ORG"): (0, 1, 1),
        ("d2", "PER"): (0, 1, 0),
        ("d2", "LOC"): (1, 1, 1),
        ("d2", "ORG"): (0, 0, 1),
    }
    counts = span_f1_counts(a, b, "overlap")
    assert counts[("d1", "ORG")] == (1, 1, 1)
    tp, n_a, n_b = (sum(c[i] for c in counts.values()) for i in range(3))
    assert SpanF1.from_counts(tp, n_a, n_b) == span_f1(a, b, "overlap")
    with pytest.raises(ValueError, match="unknown match"):
        span_f1_counts(a, b, "fuzzy")


def test_labels_that_cannot_be_sorted_keep_first_seen_order() -> None:
    a = [("d", 0, 1, "x"), ("d", 0, 1, 3)]
    assert list(span_f1_by_label(a, a)) == ["x", 3]


def test_argument_errors_name_the_problem() -> None:
    with pytest.raises(ValueError, match="unknown match 'fuzzy'"):
        span_f1([], [], match="fuzzy")
    with pytest.raises(ValueError, match=r"a\[1\] is"):
        span_f1([("d", 0, 1, "X"), ("d", 0, 1)], [])
    with pytest.raises(ValueError, match=r"b\[0\]: need start < end"):
        span_f1([], [("d", 3, 3, "X")])
    with pytest.raises(ValueError, match=r"b\[0\]: start and end must be integers"):
        span_f1([], [("d", "3", 4, "X")])
    with pytest.raises(ValueError, match="hashable"):
        span_f1([(["d"], 0, 1, "X")], [])
    with pytest.raises(ValueError, match="iterable"):
        span_f1("spans", [])
    with pytest.raises(ValueError, match="iterable"):
        span_f1([], 42)


# --- brute force and properties --------------------------------------------------------


def brute_force_greedy(a, b, match: str) -> int:
    """tp by the documented rule, evaluating every pair of spans."""
    if match == "exact":
        remaining = list(b)
        tp = 0
        for span in a:
            if span in remaining:
                remaining.remove(span)
                tp += 1
        return tp
    order_a = sorted(range(len(a)), key=lambda i: (a[i][0:1], a[i][3:], a[i][1:3]))
    order_b = sorted(range(len(b)), key=lambda j: (b[j][0:1], b[j][3:], b[j][1:3]))
    rank_a = {i: r for r, i in enumerate(order_a)}
    rank_b = {j: r for r, j in enumerate(order_b)}
    pairs = []
    for i, (doc_a, s_a, e_a, label_a) in enumerate(a):
        for j, (doc_b, s_b, e_b, label_b) in enumerate(b):
            shared = min(e_a, e_b) - max(s_a, s_b)
            if doc_a == doc_b and label_a == label_b and shared > 0:
                distance = abs(s_a - s_b) + abs(e_a - e_b)
                pairs.append((-shared, distance, rank_a[i], rank_b[j], i, j))
    used_a, used_b = set(), set()
    for *_, i, j in sorted(pairs):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    return len(used_a)


def span_lists():
    span = st.tuples(
        st.sampled_from(["d1", "d2"]), st.integers(0, 12), st.integers(1, 6), st.sampled_from("XY")
    ).map(lambda t: (t[0], t[1], t[1] + t[2], t[3]))
    return st.lists(span, max_size=14)


@settings(max_examples=250, deadline=None)
@given(span_lists(), span_lists(), st.sampled_from(["exact", "overlap"]))
def test_matches_brute_force(a, b, match: str) -> None:
    # within one (doc, label) the brute force ranks spans by (start, end), as the
    # implementation does; ties between identical spans are interchangeable
    assert span_f1(a, b, match).true_positives == brute_force_greedy(a, b, match)


@settings(max_examples=250, deadline=None)
@given(span_lists(), span_lists(), st.sampled_from(["exact", "overlap"]))
def test_swapping_sides_swaps_precision_and_recall(a, b, match: str) -> None:
    forward = span_f1(a, b, match)
    backward = span_f1(b, a, match)
    assert forward.true_positives == backward.true_positives
    assert (forward.precision, forward.recall, forward.f1) == (
        backward.recall,
        backward.precision,
        backward.f1,
    )
    assert (forward.a_only, forward.b_only) == (backward.b_only, backward.a_only)


@settings(max_examples=100, deadline=None)
@given(span_lists(), span_lists(), st.randoms(use_true_random=False))
def test_input_order_does_not_matter(a, b, rng) -> None:
    shuffled_a, shuffled_b = list(a), list(b)
    rng.shuffle(shuffled_a)
    rng.shuffle(shuffled_b)
    for match in ("exact", "overlap"):
        assert span_f1(a, b, match) == span_f1(shuffled_a, shuffled_b, match)


@settings(max_examples=100, deadline=None)
@given(span_lists())
def test_identical_annotations_score_one(a) -> None:
    for match in ("exact", "overlap"):
        result = span_f1(a, list(reversed(a)), match)
        assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
        assert result.true_positives == len(a)


# --- SpanIndex: several coders, pair by pair ---------------------------------------------


def int_span_lists():
    """Spans with integer docs and labels (the database's ids) and negative offsets."""
    span = st.tuples(
        st.integers(0, 3), st.integers(-6, 12), st.integers(1, 6), st.integers(0, 2)
    ).map(lambda t: (t[0], t[1], t[1] + t[2], t[3]))
    return st.lists(span, max_size=14)


@settings(max_examples=150, deadline=None)
@given(int_span_lists(), int_span_lists(), st.sampled_from(["exact", "overlap"]))
def test_integer_docs_and_labels_match_brute_force(a, b, match: str) -> None:
    assert span_f1(a, b, match).true_positives == brute_force_greedy(a, b, match)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(span_lists(), min_size=3, max_size=3),
    st.sets(st.sampled_from(["d1", "d2", "d3"])),
    st.sampled_from(["exact", "overlap"]),
)
def test_index_tally_equals_span_f1_on_each_pair(coders, docs, match: str) -> None:
    index = SpanIndex(dict(enumerate(coders)))
    for i, j in ((0, 1), (0, 2), (2, 1)):
        a, b = coders[i], coders[j]
        tally = index.tally(i, j, match)
        assert tally.total() == span_f1(a, b, match)
        # the same counts, in the same order: first seen in a, then in b
        assert list(tally.counts("key").items()) == list(span_f1_counts(a, b, match).items())
        # per document and per label the counts add up to the same figures
        for by, position in (("doc", 0), ("label", 3)):
            grouped = tally.counts(by)
            assert list(grouped) == list(dict.fromkeys(s[position] for s in a + b))
            for group, (tp, n_a, n_b) in grouped.items():
                only_a = [s for s in a if s[position] == group]
                only_b = [s for s in b if s[position] == group]
                assert (tp, n_a, n_b) == (
                    span_f1(only_a, only_b, match).true_positives,
                    len(only_a),
                    len(only_b),
                )
        # restricted to some documents
        restricted = index.tally(i, j, match, docs=docs)
        kept_a = [s for s in a if s[0] in docs]
        kept_b = [s for s in b if s[0] in docs]
        assert restricted.total() == span_f1(kept_a, kept_b, match)


def test_index_refuses_unknown_coders_and_groupings() -> None:
    index = SpanIndex({"amal": [("d", 0, 3, "X")], "badr": []})
    with pytest.raises(ValueError, match="unknown coder 'hind'"):
        index.tally("amal", "hind")
    with pytest.raises(ValueError, match="unknown grouping 'sentence'"):
        index.tally("amal", "badr").counts("sentence")
    with pytest.raises(ValueError, match=r"coder 7\[0\]: need start < end"):
        SpanIndex({7: [("d", 3, 3, "X")]})
    assert index.tally("amal", "badr").counts("label") == {"X": (0, 1, 0)}


class Columns:
    """Spans as four numpy arrays of any integer type (`SpanArrays`)."""

    def __init__(self, spans, dtype=np.int64):
        rows = np.array(spans, dtype=dtype).reshape(-1, 4)
        self.doc, self.start, self.end, self.label = (rows[:, k].copy() for k in range(4))


def tallies_of(index, coders, match, docs=None):
    """Every pair's counts and totals, in order."""
    found = []
    for a in coders:
        for b in coders:
            tally = index.tally(a, b, match, docs)
            found.append(tally.total())
            found += [list(tally.counts(by).items()) for by in ("doc", "label", "key")]
    return found


@settings(max_examples=100, deadline=None)
@given(
    st.lists(int_span_lists(), min_size=2, max_size=3),
    st.sampled_from(["exact", "overlap"]),
    st.sets(st.integers(0, 4)),
)
def test_index_reads_span_arrays_as_their_tuples(coders, match: str, docs) -> None:
    # the study's columns (sorted by label, doc, start, end) and any integer arrays
    # give what their spans as tuples, in the same order, give
    columns = {i: SpanColumns.of(spans) for i, spans in enumerate(coders)}
    as_tuples = SpanIndex({i: list(c) for i, c in columns.items()})
    expected = tallies_of(as_tuples, columns, match)
    assert tallies_of(SpanIndex(columns), columns, match) == expected
    narrow = {i: Columns(list(c), np.int32) for i, c in columns.items()}
    assert tallies_of(SpanIndex(narrow), columns, match) == expected
    # documents given as numpy ints pick the same ones
    restricted = tallies_of(as_tuples, columns, match, docs)
    wanted = np.array(sorted(docs), dtype=np.int64)
    assert tallies_of(SpanIndex(columns), columns, match, wanted) == restricted


@settings(max_examples=100, deadline=None)
@given(
    st.lists(span_lists(), min_size=2, max_size=2),
    st.lists(int_span_lists(), min_size=2, max_size=2),
    st.sampled_from(["exact", "overlap"]),
)
def test_index_arrays_hold_the_counts(named, numbered, match: str) -> None:
    for coders in (named, numbered):
        tally = SpanIndex(dict(enumerate(coders))).tally(0, 1, match)
        for by in ("doc", "label"):
            groups, counts = tally.arrays(by)
            assert counts.dtype == np.int64 and counts.shape == (len(groups), 3)
            found = dict(zip(groups.tolist(), map(tuple, counts.tolist()), strict=True))
            assert found == tally.counts(by)
        docs, labels, counts = tally.key_arrays()
        keys = zip(docs.tolist(), labels.tolist(), strict=True)
        assert dict(zip(keys, map(tuple, counts.tolist()), strict=True)) == tally.counts("key")
    with pytest.raises(ValueError, match="unknown grouping 'key'; use 'doc' or 'label'"):
        tally.arrays("key")


def huge_span_lists():
    """Offsets far apart and beyond int64: codes that int64 cannot hold."""
    span = st.tuples(
        st.integers(0, 2),
        st.sampled_from([0, 7, 2**40, 2**62, -(2**70), 2**70]).flatmap(
            lambda at: st.integers(at, at + 8)
        ),
        st.sampled_from([1, 3, 2**35]),
        st.integers(0, 1),
    ).map(lambda t: (t[0], t[1], t[1] + t[2], t[3]))
    return st.lists(span, max_size=10)


@settings(max_examples=100, deadline=None)
@given(st.lists(huge_span_lists(), min_size=2, max_size=2), st.sampled_from(["exact", "overlap"]))
def test_index_counts_huge_offsets_exactly(coders, match: str) -> None:
    a, b = coders
    tally = SpanIndex({"a": a, "b": b}).tally("a", "b", match)
    assert tally.total() == span_f1(a, b, match)
    assert list(tally.counts("key").items()) == list(span_f1_counts(a, b, match).items())


def test_index_keeps_python_ints_where_int64_would_overflow() -> None:
    # width 2**40 + 1: (start, end) codes reach 2**80
    a = [(1, 0, 5, 0), (1, 2**40 - 5, 2**40, 0), (2, 3, 9, 0)]
    b = [(1, 0, 5, 0), (1, 2**40 - 9, 2**40 - 2, 0), (2, 4, 6, 0)]
    index = SpanIndex({"a": a, "b": b})
    assert all(codes.dtype == object for codes in index._codes.values())  # the path tested
    expected = {"exact": {1: (1, 2, 2), 2: (0, 1, 1)}, "overlap": {1: (2, 2, 2), 2: (1, 1, 1)}}
    for match, by_doc in expected.items():
        tally = index.tally("a", "b", match)
        assert tally.total() == span_f1(a, b, match)
        assert tally.counts("doc") == by_doc


def test_index_checks_span_arrays() -> None:
    with pytest.raises(ValueError, match="amal must hold four one-dimensional integer arrays"):
        SpanIndex({"amal": Columns([(0, 1, 2, 0)], np.float64)})
    uneven = Columns([(0, 1, 2, 0), (0, 3, 4, 0)])
    uneven.label = uneven.label[:1]
    with pytest.raises(ValueError, match="amal must hold four"):
        SpanIndex({"amal": uneven})
    with pytest.raises(ValueError, match=r"coder 7\[1\]: need start < end, got \(0, 5, 5, 1\)"):
        SpanIndex({7: Columns([(0, 1, 2, 1), (0, 5, 5, 1)])})
