"""Stances: the author's per target, and attributed ones with holder, target and evidence."""

import pytest
from sqlalchemy import func, select

from core.annotation.annotators import ensure_annotator
from core.annotation.excluded import exclude_region
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span, delete_span
from core.annotation.stances import (
    add_attributed_stance,
    add_evidence,
    clear_document_stance,
    delete_stance,
    edit_stance,
    get_stance,
    remove_evidence,
    set_document_stance,
    stances_of_set,
)
from core.project.errors import OperationError
from core.schema.labels import set_entity_targets
from models.tables import Stance, StanceEvidence

DOC = 2  # seed 001: Zuckerberg on openness
QUOTE = "نحن بالتأكيد نؤيد بشدة الانفتاح"


@pytest.fixture
def work(seeded_project):
    project = seeded_project
    salma = ensure_annotator(project, "Salma").value
    with project.write() as tx:
        set_id = ensure_set(tx, DOC, salma)
    from models.tables import Document

    with project.read() as conn:
        text = conn.execute(select(Document.text).where(Document.id == DOC)).scalar()
    project.undo_stack.clear()
    return project, set_id, text


def label(project, layer, key):
    return project.schema.by_key(layer, key).id


def find(text, needle):
    start = text.index(needle)
    return start, start + len(needle)


def test_document_stance_is_one_per_target_and_can_change_and_clear(work):
    project, set_id, _ = work
    open_source = label(project, "stance_target", "OPEN_SOURCE_AI")
    closed = label(project, "stance_target", "CLOSED_MODELS")
    favor, against = label(project, "polarity", "FAVOR"), label(project, "polarity", "AGAINST")
    first = set_document_stance(project, set_id, open_source, favor)
    assert project.undo_name == "Set stance FAVOR"
    assert first.changes.documents == {DOC} and first.changes.sets == {set_id}
    again = set_document_stance(project, set_id, open_source, against)
    assert again.value == first.value  # the same row, changed
    assert project.undo_name == "Set stance AGAINST"
    set_document_stance(project, set_id, closed, favor)
    with project.read() as conn:
        stances = stances_of_set(conn, set_id)
    assert [(s.scope, s.target_label_id, s.polarity_id) for s in stances] == [
        ("document", open_source, against),
        ("document", closed, favor),
    ]
    steps = len(project.undo_stack.undo_steps)
    set_document_stance(project, set_id, closed, favor)  # no change, no step
    assert len(project.undo_stack.undo_steps) == steps
    clear_document_stance(project, set_id, open_source)
    assert project.undo_name == "Clear stance on OPEN_SOURCE_AI"
    with project.read() as conn:
        assert [s.target_label_id for s in stances_of_set(conn, set_id)] == [closed]
    project.undo()
    project.undo()
    with project.read() as conn:
        assert stances_of_set(conn, set_id)[0].polarity_id == against


def test_document_stance_checks_its_labels(work):
    project, set_id, _ = work
    favor = label(project, "polarity", "FAVOR")
    target = label(project, "stance_target", "SUPERINTELLIGENCE")
    with pytest.raises(OperationError, match=r"polarity FAVOR is not a stance target"):
        set_document_stance(project, set_id, favor, favor)
    with pytest.raises(OperationError, match="is not a polarity"):
        set_document_stance(project, set_id, target, target)


def test_attributed_stance_with_holder_target_and_evidence(work):
    project, set_id, text = work
    pers = label(project, "entity", "PERS")
    zuck = add_span(project, set_id, *find(text, "مارك زوكربيرغ"), pers).value
    favor = label(project, "polarity", "FAVOR")
    open_source = label(project, "stance_target", "OPEN_SOURCE_AI")
    quote = find(text, QUOTE)
    result = add_attributed_stance(
        project,
        set_id,
        zuck,
        favor,
        target_label_id=open_source,
        evidence=[quote, quote, find(text, "أعتقد أن الانفتاح سيكون جيدًا")],
        note="hedged: not everything will be released",
    )
    assert project.undo_name == "Add stance FAVOR"
    with project.read() as conn:
        stance = get_stance(conn, result.value)
    assert (stance.scope, stance.holder_span_id, stance.target_label_id) == (
        "attributed", zuck, open_source,
    )  # fmt: skip
    assert [text[e.start : e.end] for e in stance.evidence] == [
        QUOTE,
        "أعتقد أن الانفتاح سيكون جيدًا",
    ]
    project.undo()
    with project.read() as conn:
        assert conn.execute(select(func.count(StanceEvidence.id))).scalar() == 0
        assert conn.execute(select(func.count(Stance.id))).scalar() == 0


def test_an_entity_span_as_target_when_the_schema_allows_it(work):
    project, set_id, text = work
    pers = label(project, "entity", "PERS")
    org = label(project, "entity", "ORG")
    zuck = add_span(project, set_id, *find(text, "مارك زوكربيرغ"), pers).value
    meta = add_span(project, set_id, *find(text, "ميتا"), org).value
    against = label(project, "polarity", "AGAINST")
    stance = add_attributed_stance(
        project, set_id, zuck, against, target_span_id=meta, evidence=[find(text, QUOTE)]
    ).value
    with pytest.raises(OperationError, match="one target"):
        add_attributed_stance(
            project,
            set_id,
            zuck,
            against,
            target_span_id=meta,
            target_label_id=label(project, "stance_target", "CLOSED_MODELS"),
        )
    set_entity_targets(project, False)
    with pytest.raises(OperationError, match="does not allow entity spans as targets"):
        add_attributed_stance(project, set_id, zuck, against, target_span_id=meta)
    with project.read() as conn:  # the existing one is kept (and flagged by validation)
        assert get_stance(conn, stance).target_span_id == meta


def test_holder_and_evidence_are_checked(work):
    project, set_id, text = work
    pers = label(project, "entity", "PERS")
    favor = label(project, "polarity", "FAVOR")
    target = label(project, "stance_target", "OPEN_SOURCE_AI")
    omar = ensure_annotator(project, "Omar").value
    with project.write() as tx:
        other_set = ensure_set(tx, DOC, omar)
    foreign = add_span(project, other_set, *find(text, "مارك زوكربيرغ"), pers).value
    with pytest.raises(OperationError, match="holder must be an entity span of the same"):
        add_attributed_stance(project, set_id, foreign, favor, target_label_id=target)
    zuck = add_span(project, set_id, *find(text, "مارك زوكربيرغ"), pers).value
    with pytest.raises(OperationError, match="outside the document"):
        add_attributed_stance(
            project, set_id, zuck, favor, target_label_id=target, evidence=[(0, len(text) + 1)]
        )
    exclude_region(project, set_id, *find(text, QUOTE))
    with pytest.raises(OperationError, match="evidence cannot be placed in excluded text"):
        add_attributed_stance(
            project, set_id, zuck, favor, target_label_id=target, evidence=[find(text, QUOTE)]
        )
    with project.read() as conn:
        assert conn.execute(select(func.count(Stance.id))).scalar() == 0


def test_edit_add_and_remove_evidence_delete(work):
    project, set_id, text = work
    pers = label(project, "entity", "PERS")
    org = label(project, "entity", "ORG")
    zuck = add_span(project, set_id, *find(text, "مارك زوكربيرغ"), pers).value
    meta = add_span(project, set_id, *find(text, "ميتا"), org).value
    favor, against = label(project, "polarity", "FAVOR"), label(project, "polarity", "AGAINST")
    closed = label(project, "stance_target", "CLOSED_MODELS")
    stance = add_attributed_stance(project, set_id, zuck, favor, target_label_id=closed).value

    edit_stance(project, stance, polarity_id=against)
    assert project.undo_name == "Set stance AGAINST"
    edit_stance(project, stance, target_span_id=meta, note="about Meta itself")
    assert project.undo_name == "Edit stance"
    with project.read() as conn:
        edited = get_stance(conn, stance)
    assert (edited.polarity_id, edited.target_label_id, edited.target_span_id, edited.note) == (
        against, None, meta, "about Meta itself",
    )  # fmt: skip

    evidence = add_evidence(project, stance, *find(text, QUOTE)).value
    assert project.undo_name == "Add evidence"
    with pytest.raises(OperationError, match="already evidence"):
        add_evidence(project, stance, *find(text, QUOTE))
    remove_evidence(project, evidence)
    assert project.undo_name == "Remove evidence"
    add_evidence(project, stance, *find(text, QUOTE))

    delete_stance(project, stance)
    assert project.undo_name == "Delete stance"
    with project.read() as conn:
        assert stances_of_set(conn, set_id) == []
    project.undo()
    with project.read() as conn:
        (restored,) = stances_of_set(conn, set_id)
    assert restored.id == stance and len(restored.evidence) == 1

    document = set_document_stance(project, set_id, closed, favor).value
    with pytest.raises(OperationError, match="document stance is the author's"):
        edit_stance(project, document, holder_span_id=zuck)
    edit_stance(project, document, note="the headline asks the question")


def test_deleting_the_holder_span_keeps_the_stance(work):
    project, set_id, text = work
    pers = label(project, "entity", "PERS")
    zuck = add_span(project, set_id, *find(text, "مارك زوكربيرغ"), pers).value
    stance = add_attributed_stance(
        project,
        set_id,
        zuck,
        label(project, "polarity", "FAVOR"),
        target_label_id=label(project, "stance_target", "OPEN_SOURCE_AI"),
        evidence=[find(text, QUOTE)],
    ).value
    delete_span(project, zuck)
    with project.read() as conn:
        kept = get_stance(conn, stance)
    assert kept.holder_span_id is None and len(kept.evidence) == 1
    # repaired by choosing a holder again
    again = add_span(project, set_id, *find(text, "مارك زوكربيرغ"), pers).value
    edit_stance(project, stance, holder_span_id=again)
    with project.read() as conn:
        assert get_stance(conn, stance).holder_span_id == again
