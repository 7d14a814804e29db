"""Token kappa, which tokenises only the stretches near spans and counts the other
tokens, gives exactly the figures of one row of BIO tags per token of every document
(`bio_tags` over `tokenize`), whatever the texts and spans: spans inside words, across
punctuation, nested, crossing, on whitespace; documents without spans or without some
annotator's set."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from core.review.agreement import AgreementUndefined, cohen_kappa, fleiss_kappa, measure_tokens
from core.review.agreement.measure_tokens import OUTSIDE, bio_tags, token_kappa
from core.review.agreement.study import (
    AgreementOptions,
    AnnotatorRef,
    DocumentRef,
    SpanColumns,
    Study,
)
from core.text.tokens import tokenize

LABELS = ["ORG", "PERS"]
ANNOTATORS = [1, 2, 3]
text_strategy = st.text(alphabet="ميتا ولأ،.14 Meta\n«»ً", min_size=1, max_size=40)


@st.composite
def documents(draw):
    """[(text, {annotator: spans (start, end, label index), or None: no set})]"""
    found = []
    for text in draw(st.lists(text_strategy, min_size=1, max_size=4)):
        sets = {}
        # a study compares the documents where two annotators or more have a set
        without = draw(st.sampled_from([None, *ANNOTATORS]))
        for annotator in ANNOTATORS:
            if annotator == without:
                sets[annotator] = None
                continue
            spans = []
            for _ in range(draw(st.integers(0, 4))):
                start = draw(st.integers(0, len(text) - 1))
                end = draw(st.integers(start + 1, len(text)))
                spans.append((start, end, draw(st.sampled_from([0, 1]))))
            sets[annotator] = spans
        found.append((text, sets))
    return found


def study_of(docs) -> Study:
    numbered = list(zip(range(10, 10 + len(docs)), docs, strict=True))
    return Study(
        options=AgreementOptions(),
        annotators=[AnnotatorRef(a, f"a{a}") for a in ANNOTATORS],
        documents={d: DocumentRef(d, "", len(text)) for d, (text, _) in numbered},
        coverage={
            d: frozenset(a for a, spans in sets.items() if spans is not None)
            for d, (_, sets) in numbered
        },
        excluded={},
        entity_labels=LABELS,
        label_ids={key: i for i, key in enumerate(LABELS)},
        event_types=[],
        stance_targets=[],
        polarities=[],
        spans={
            a: SpanColumns.of(
                (d, s, e, label) for d, (_, sets) in numbered for s, e, label in sets[a] or ()
            )
            for a in ANNOTATORS
        },
        events={a: [] for a in ANNOTATORS},
        stances={a: {} for a in ANNOTATORS},
    )


def one_row_per_token(docs) -> list[tuple[str | None, ...]]:
    rows = []
    for text, sets in docs:
        tokens = tokenize(text)
        starts, ends = [t.start for t in tokens], [t.end for t in tokens]
        columns = [
            [None] * len(tokens)
            if sets[a] is None
            else bio_tags(starts, ends, [(s, e, LABELS[label]) for s, e, label in sets[a]])
            for a in ANNOTATORS
        ]
        rows += list(zip(*columns, strict=True))
    return rows


def value(coefficient, units, categories):
    try:
        return coefficient(units, categories=categories)
    except AgreementUndefined:
        return None


@settings(max_examples=150, deadline=None)
@given(docs=documents())
# spans that begin and end inside the number 1.4: tokenised from there, "." and "4"
# would be two tokens where the text has one
@example(
    docs=[
        ("قال 1.4 ميتا", {1: [(5, 7, 0)], 2: [], 3: [(8, 12, 0)]}),
        ("1.4 و", {1: [], 2: [(0, 2, 1)], 3: None}),
    ]
)
@pytest.mark.parametrize("at_once", [1, measure_tokens.DOCUMENTS_AT_ONCE])
def test_token_kappa_equals_one_row_per_token(at_once, docs):
    # documents are taken in batches: one or all at a time give the same rows
    study = study_of(docs)
    sources = [(d, text) for d, (text, _) in zip(study.documents, docs, strict=True)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(measure_tokens, "DOCUMENTS_AT_ONCE", at_once)
        result = token_kappa(study, sources)
    categories = [OUTSIDE] + [f"{p}{label}" for label in LABELS for p in ("B-", "I-")]
    rows = one_row_per_token(docs)
    assert result.overall.value == (value(fleiss_kappa, rows, categories) if rows else None)
    assert result.overall.support == sum(sum(v is not None for v in row) >= 2 for row in rows)
    for (a, b), figure in result.pairs.items():
        i, j = ANNOTATORS.index(a), ANNOTATORS.index(b)
        pair = [(r[i], r[j]) for r in one_row_per_token(docs) if None not in (r[i], r[j])]
        assert figure.value == (value(cohen_kappa, pair, categories) if pair else None)
        assert figure.support == len(pair)
