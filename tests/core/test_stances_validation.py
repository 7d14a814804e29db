"""Stance validation: lost holders and targets, forbidden entity targets, missing evidence."""

import pytest

from core.annotation.annotators import ensure_annotator
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span, delete_span
from core.annotation.stances import (
    add_attributed_stance,
    remove_evidence,
    set_document_stance,
    stances_of_set,
)
from core.annotation.validation import (
    ENTITY_TARGET_OFF,
    ERROR,
    MISSING_HOLDER,
    MISSING_TARGET,
    NO_EVIDENCE,
    OUTSIDE_DOCUMENT,
    WARNING,
    load_set_content,
    validate_set,
)
from core.schema.labels import set_entity_targets


@pytest.fixture
def work(seeded_project):
    project = seeded_project
    salma = ensure_annotator(project, "Salma").value
    with project.write() as tx:
        set_id = ensure_set(tx, 2, salma)
    schema = project.schema
    holder = add_span(project, set_id, 10, 14, schema.by_key("entity", "PERS").id).value
    target = add_span(project, set_id, 20, 24, schema.by_key("entity", "ORG").id).value
    favor = schema.by_key("polarity", "FAVOR").id
    stance = add_attributed_stance(
        project, set_id, holder, favor, target_span_id=target, evidence=[(30, 40)]
    ).value
    set_document_stance(project, set_id, schema.by_key("stance_target", "OPEN_SOURCE_AI").id, favor)
    return project, set_id, stance, holder, target


def problems(project, set_id):
    with project.read() as conn:
        return validate_set(project.schema, load_set_content(conn, set_id))


def test_complete_stances_have_no_problems(work):
    project, set_id, *_ = work
    assert problems(project, set_id) == []


def test_holder_and_target_deleted(work):
    project, set_id, stance, holder, target = work
    delete_span(project, holder)
    delete_span(project, target)
    found = problems(project, set_id)
    assert sorted((p.code, p.severity, p.stance_id) for p in found) == [
        (MISSING_HOLDER, ERROR, stance),
        (MISSING_TARGET, ERROR, stance),
    ]
    with project.read() as conn:  # kept, to be repaired
        assert len(stances_of_set(conn, set_id)) == 2


def test_entity_target_no_longer_allowed(work):
    project, set_id, *_, target = work
    set_entity_targets(project, False)
    (problem,) = problems(project, set_id)
    assert (problem.code, problem.span_id) == (ENTITY_TARGET_OFF, target)


def test_attributed_stance_without_evidence(work):
    project, set_id, stance, *_ = work
    with project.read() as conn:
        (evidence,) = next(s for s in stances_of_set(conn, set_id) if s.id == stance).evidence
    remove_evidence(project, evidence.id)
    (problem,) = problems(project, set_id)
    assert (problem.code, problem.severity) == (NO_EVIDENCE, WARNING)


def test_evidence_past_the_end_is_reported(work):
    from core.annotation.validation import SetContent

    project, set_id, *_ = work
    with project.read() as conn:
        content = load_set_content(conn, set_id)
    # validation is a pure function: a shorter document makes the evidence stick out
    shorter = SetContent(**{**content.__dict__, "document_length": 35})
    found = [p for p in validate_set(project.schema, shorter) if p.code == OUTSIDE_DOCUMENT]
    assert [(p.start, p.end) for p in found] == [(30, 40)]


def test_a_stance_nobody_chose_a_polarity_or_target_for_is_flagged_and_left_out(work):
    from core.annotation.sets import set_state
    from core.annotation.validation import MISSING_POLARITY
    from core.io.dataset import Selection, open_dataset
    from core.review.agreement.project import compute_agreement
    from core.review.agreement.study import AgreementOptions
    from core.review.curation.reading import load_curation

    project, set_id, _stance, holder, _target = work
    new = add_attributed_stance(project, set_id, holder, None, evidence=[(30, 40)]).value
    found = [(p.code, p.severity) for p in problems(project, set_id) if p.stance_id == new]
    assert sorted(found) == [(MISSING_POLARITY, ERROR), (MISSING_TARGET, ERROR)]
    with project.read() as conn:
        polarities = [s.polarity_id for s in stances_of_set(conn, set_id)]
    assert None in polarities
    # exports: the record keeps the two complete stances and says why one is missing
    with open_dataset(project, Selection(sets="all")) as dataset:
        (record,) = [r for r in dataset if r.stances]
    assert len(record.stances) == 2
    assert dict(record.left_out)["stances with no polarity chosen"] == 1
    # agreement and curation count it as left out
    badr = ensure_annotator(project, "Badr").value
    with project.write() as tx:
        other = ensure_set(tx, 2, badr)
    for finished in (set_id, other):
        set_state(project, finished, "finished")
    report = compute_agreement(project, AgreementOptions(include_unfinished=True))
    assert sum(counts.incomplete_stances for counts in report.left_out.values()) == 1
    with project.read() as conn:
        curation = load_curation(conn, project.schema, 2)
    assert dict(curation.left_out)["stances with no polarity chosen"] == 1
