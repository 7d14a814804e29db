"""The agreement figures of a seeded corpus (tests/core/agreement_corpus.py) equal those
frozen in tests/data/agreement/frozen-figures.json, written by the implementation that
tokenised every document into Token objects and counted BIO tag strings in Counters
(before token kappa moved to integer-coded tag arrays). Exact equality: the same
exact arithmetic must give the same floats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.review.agreement.project import compute_agreement
from core.review.agreement.results import AgreementReport
from core.review.agreement.study import AgreementOptions
from tests.core.agreement_corpus import build_corpus

FROZEN = Path(__file__).parent.parent / "data" / "agreement" / "frozen-figures.json"
CASES = {
    "finished": AgreementOptions(),
    "unfinished": AgreementOptions(include_unfinished=True),
    "restricted": AgreementOptions(
        include_unfinished=True, annotators=("amal", "hind", "zaid"), labels=("ORG", "PERS")
    ),
}


def figures_of(report: AgreementReport) -> dict[str, Any]:
    """Every figure's value, support and reason, keyed by measure and scope."""
    names = {a.id: a.name for a in report.annotators}

    def cell(figure) -> list[Any]:
        return [figure.value, figure.support, figure.undefined]

    result = {}
    for key, measure in report.measures.items():
        result[key] = {
            "overall": cell(measure.overall),
            "pairs": {f"{names[a]}|{names[b]}": cell(f) for (a, b), f in measure.pairs.items()},
            "by_label": {label: cell(f) for label, f in measure.by_label.items()},
            "by_document": {str(doc): cell(f) for doc, f in measure.by_document.items()},
            "pair_by_label": {
                f"{names[a]}|{names[b]}": {label: cell(f) for label, f in labels.items()}
                for (a, b), labels in measure.pair_by_label.items()
            },
        }
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    project = build_corpus(tmp_path_factory.mktemp("frozen") / "corpus.tawsim")
    yield project
    project.close()


@pytest.mark.parametrize("case", list(CASES))
def test_figures_equal_the_frozen_ones(corpus, case):
    frozen = json.loads(FROZEN.read_text(encoding="utf-8"))[case]
    found = json.loads(json.dumps(figures_of(compute_agreement(corpus, CASES[case]))))
    assert frozen.keys() <= found.keys()  # measures added since are not frozen
    for key in frozen:
        assert found[key] == frozen[key], key
    assert frozen["entities.token_kappa"]["overall"][0] is not None
