"""SemEval-2013 (Task 9.1) span scoring: nervaluate's published worked example, hand
cases for each schema, equality with nervaluate itself on random data, and the
column scoring (clusters and shortcuts) equal to the rule applied to whole documents."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nervaluate import Evaluator

from core.review.agreement.semeval import (
    SCHEMAS,
    SemEvalCounts,
    _tally,
    label_order,
    semeval_counts,
    semeval_scores,
)

NERVALUATE_NAME = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}


def _spans(text: str, marked: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each (surface string, label), found left to right."""
    found, position = [], 0
    for surface, label in marked:
        start = text.index(surface, position)
        found.append((start, start + len(surface), label))
        position = start + 1
    return found


def test_the_published_worked_example() -> None:
    # nervaluate's README (after Batista's blog post on SemEval-2013 Task 9.1): six
    # scenarios and their totals per schema. The totals count one more correct entity
    # than the scenario rows show (the example sentence has two); the second "phenytoin"
    # below is that entity.
    text = (
        "tikosyn is healthy; use of warfarin with propranolol and phenytoin, "
        "not oral contraceptives, nor phenytoin"
    )
    gold = _spans(
        text,
        [
            ("tikosyn", "BRAND"),  # III: missed
            ("warfarin", "DRUG"),  # V: boundaries wrong
            ("propranolol", "DRUG"),  # IV: type wrong
            ("phenytoin", "DRUG"),  # I: correct
            ("contraceptives", "GROUP"),  # VI: boundaries and type wrong
            ("phenytoin", "DRUG"),  # the second correct entity
        ],
    )
    predicted = _spans(
        text,
        [
            ("healthy", "BRAND"),  # II: spurious
            ("of warfarin", "DRUG"),
            ("propranolol", "BRAND"),
            ("phenytoin", "DRUG"),
            ("oral contraceptives", "DRUG"),
            ("phenytoin", "DRUG"),
        ],
    )
    counts = semeval_counts(gold, predicted)
    # "Putting all together": correct, incorrect, partial, missed, spurious
    assert counts["type"].as_tuple() == (3, 2, 0, 1, 1)
    assert counts["partial"].as_tuple() == (3, 0, 2, 1, 1)
    assert counts["exact"].as_tuple() == (3, 2, 0, 1, 1)
    assert counts["strict"].as_tuple() == (2, 3, 0, 1, 1)
    # precision = recall = F1: 0.5, 0.66, 0.5, 0.33 as published (two digits)
    for schema, value in (("type", 0.5), ("partial", 4 / 6), ("exact", 0.5), ("strict", 2 / 6)):
        figure = counts[schema]
        assert figure.precision == figure.recall == pytest.approx(value)
        assert figure.f1 == pytest.approx(value)
        assert (figure.actual, figure.possible) == (6, 6)


def test_partial_credit_is_half_a_hit_and_denominators_of_zero_give_zero() -> None:
    counts = SemEvalCounts("partial", correct=1, partial=2, missed=1)
    assert (counts.actual, counts.possible) == (3, 4)
    assert counts.precision == 2 / 3 and counts.recall == 2 / 4
    assert counts.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    # strict counts only COR
    assert SemEvalCounts("strict", correct=1, incorrect=1).precision == 0.5
    assert SemEvalCounts("exact").f1 == SemEvalCounts("exact").precision == 0.0


def test_type_takes_the_closest_span_of_the_same_label() -> None:
    # the predicted [5, 10) ORG overlaps reference [0, 8) ORG (distance 7) and [4, 11) ORG
    # (distance 2): type pairs it with [4, 11), leaving [0, 8) missed
    counts = semeval_counts([(0, 8, "ORG"), (4, 11, "ORG")], [(5, 10, "ORG")])
    assert counts["type"].as_tuple() == (1, 0, 0, 1, 0)
    # strict and exact pair the first overlapping one (in order of start): INC
    assert counts["strict"].as_tuple() == (0, 1, 0, 1, 0)
    assert counts["partial"].as_tuple() == (0, 0, 1, 1, 0)


def test_an_overlap_must_cover_one_percent_of_the_reference_span() -> None:
    # nervaluate's threshold: one shared character of a 150-character span is 0.67%
    long = [(0, 150, "ORG")]
    assert semeval_counts(long, [(149, 155, "ORG")])["type"].as_tuple() == (0, 0, 0, 1, 1)
    assert semeval_counts(long, [(148, 155, "ORG")])["type"].as_tuple() == (1, 0, 0, 0, 0)
    # touching spans share nothing (ends are exclusive)
    assert semeval_counts([(0, 5, "X")], [(5, 9, "X")])["partial"].as_tuple() == (0, 0, 0, 1, 1)


def test_per_label_scores_cut_both_sides_to_the_label() -> None:
    result = semeval_scores([("d", 0, 5, "PER")], [("d", 0, 5, "ORG")])
    assert result.overall["strict"].as_tuple() == (0, 1, 0, 0, 0)
    assert result.by_label["PER"]["strict"].as_tuple() == (0, 0, 0, 1, 0)
    assert result.by_label["ORG"]["strict"].as_tuple() == (0, 0, 0, 0, 1)
    assert result.by_document["d"]["exact"].as_tuple() == (1, 0, 0, 0, 0)


def test_bad_spans_are_refused_with_their_index() -> None:
    with pytest.raises(ValueError, match="predicted span 1"):
        semeval_counts([], [(0, 1, "X"), (4, 4, "X")])
    with pytest.raises(ValueError, match="reference span 0"):
        semeval_scores([("d", 0, 1)], [])  # type: ignore[list-item]


def _random_document(rng: random.Random, labels: list[str]) -> list[tuple[int, int, str]]:
    spans = set()
    for _ in range(rng.randint(0, 9)):
        start = rng.randint(0, 60)
        length = rng.choice([1, 2, 3, 5, 8, 13]) if rng.random() < 0.9 else rng.randint(100, 400)
        spans.add((start, start + length, rng.choice(labels)))
    return list(spans)


def _nudged(rng: random.Random, spans: list[tuple[int, int, str]], labels: list[str]):
    """A second annotator: most spans kept, some moved, relabelled, dropped or added."""
    out = set()
    for start, end, label in spans:
        roll = rng.random()
        if roll < 0.45:
            out.add((start, end, label))
        elif roll < 0.6:
            out.add((start, end, rng.choice(labels)))
        elif roll < 0.8:
            start = max(0, start + rng.randint(-3, 3))
            out.add((start, max(start + 1, end + rng.randint(-3, 3)), label))
    out.update(_random_document(rng, labels)[: rng.randint(0, 2)])
    return list(out)


def _as_nervaluate(spans: list[tuple[int, int, str]]) -> list[dict[str, object]]:
    # our order, and nervaluate's inclusive ends
    ordered = sorted(spans, key=lambda s: (s[0], s[1], repr(s[2])))
    return [{"label": label, "start": start, "end": end - 1} for start, end, label in ordered]


@pytest.mark.parametrize("seed", range(300))
def test_equal_to_nervaluate_on_random_data(seed: int) -> None:
    rng = random.Random(seed)
    labels = ["PER", "ORG", "LOC", "MISC"][: rng.randint(1, 4)]
    reference = [_random_document(rng, labels) for _ in range(rng.randint(1, 4))]
    predicted = [_nudged(rng, doc, labels) for doc in reference]
    if not any(reference) and not any(predicted):
        reference[0].append((0, 3, labels[0]))  # nervaluate needs one entity somewhere
    theirs = Evaluator(
        [_as_nervaluate(d) for d in reference],
        [_as_nervaluate(d) for d in predicted],
        tags=labels,
        loader="dict",
    ).evaluate()
    ours = semeval_scores(
        [(i, s, e, label) for i, doc in enumerate(reference) for s, e, label in doc],
        [(i, s, e, label) for i, doc in enumerate(predicted) for s, e, label in doc],
        documents=range(len(reference)),
    )

    def same(mine: SemEvalCounts, other) -> None:
        assert mine.as_tuple() == (
            other.correct,
            other.incorrect,
            other.partial,
            other.missed,
            other.spurious,
        )
        assert (mine.actual, mine.possible) == (other.actual, other.possible)
        assert (mine.precision, mine.recall, mine.f1) == (other.precision, other.recall, other.f1)

    for schema in SCHEMAS:
        same(ours.overall[schema], theirs["overall"][NERVALUATE_NAME[schema]])
        assert set(ours.by_label) == set(theirs["entities"])
        for label, per_schema in theirs["entities"].items():
            same(ours.by_label[label][schema], per_schema[NERVALUATE_NAME[schema]])


_span = st.tuples(
    st.integers(0, 3),  # document
    st.integers(0, 40),
    st.one_of(st.integers(1, 12), st.integers(100, 250)),  # length: long spans meet 1%
    st.sampled_from(["ORG", "PER", "LOC"]),
).map(lambda s: (s[0], s[1], s[1] + s[2], s[3]))


def _by_tally(reference, predicted):
    """Every document, and every (document, label) with both sides cut to the label,
    scored by `_tally` as a whole: the rule without clusters or shortcuts."""
    labels = label_order(label for *_, label in [*reference, *predicted])

    def numbered(spans, doc, label=None):
        return sorted(
            (s, e, labels.index(x)) for d, s, e, x in spans if d == doc and label in (None, x)
        )

    documents, by_label = {}, {}
    for doc in range(4):
        documents[doc] = _tally(numbered(reference, doc), numbered(predicted, doc))
        for label in labels:
            cut = numbered(reference, doc, label), numbered(predicted, doc, label)
            if cut[0] or cut[1]:
                by_label[(doc, label)] = _tally(*cut)
    return documents, by_label


@settings(max_examples=400, deadline=None)
@given(st.lists(_span, max_size=14), st.data())
def test_shortcuts_and_clusters_equal_the_whole_tally(reference, data) -> None:
    # the prediction: some reference spans again (duplicates, the same span relabelled)
    # and others; spans nest, cross, touch and repeat on both sides
    again = data.draw(st.lists(st.sampled_from(reference), max_size=10)) if reference else []
    relabelled = [(d, s, e, "PER" if x != "PER" else "ORG") for d, s, e, x in again[::2]]
    predicted = again + relabelled + data.draw(st.lists(_span, max_size=8))
    documents, by_label = _by_tally(reference, predicted)
    result = semeval_scores(reference, predicted, documents=range(4))
    assert result.document_totals == documents
    assert result.document_label_totals == by_label
    assert result.totals == [sum(c) for c in zip(*documents.values(), strict=True)]
