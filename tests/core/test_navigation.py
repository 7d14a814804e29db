import pytest

from core.annotation.annotators import ensure_annotator
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span
from core.documents.navigation import (
    document_ids,
    next_unfinished,
    set_document_state,
    summaries,
)
from core.project.errors import OperationError


def test_states_counts_and_the_next_unfinished_document(seeded_project):
    p = seeded_project
    salma = ensure_annotator(p, "Salma").value
    omar = ensure_annotator(p, "Omar").value
    org = p.schema.by_key("entity", "ORG").id
    with p.write() as tx:
        salma_set = ensure_set(tx, 2, salma)
        omar_set = ensure_set(tx, 3, omar)
    add_span(p, salma_set, 0, 4, org)
    add_span(p, salma_set, 5, 9, org)
    add_span(p, omar_set, 0, 4, org)

    rows = summaries(p, [1, 2, 3], salma)
    assert (rows[1].state, rows[1].annotations, rows[1].set_id) == ("new", 0, None)
    assert (rows[2].state, rows[2].annotations) == ("in_progress", 2)
    assert (rows[3].state, rows[3].annotations) == ("new", 0)  # Omar's work is not Salma's
    assert rows[2].title.startswith("5 تغييرات")

    result = set_document_state(p, 1, salma, "finished")
    assert p.undo_name == "Finish document"
    assert 1 in result.changes.documents
    assert document_ids(p, salma, ["finished"]) == [1]
    assert document_ids(p, salma, ["new"]) == [3, 4, 5]
    assert document_ids(p, omar, ["new"]) == [1, 2, 4, 5]
    assert next_unfinished(p, salma, 1) == 2
    assert next_unfinished(p, salma, 5) == 2  # wraps around, skipping finished 1
    for doc in (2, 3, 4, 5):
        set_document_state(p, doc, salma, "finished")
    assert next_unfinished(p, salma, 5) is None

    p.undo()
    assert summaries(p, [5], salma)[5].state == "new"


def test_finishing_twice_is_one_step_and_bad_input_is_refused(seeded_project):
    p = seeded_project
    salma = ensure_annotator(p, "Salma").value
    set_document_state(p, 1, salma, "finished")
    steps = len(p.undo_stack.undo_steps)
    set_document_state(p, 1, salma, "finished")
    assert len(p.undo_stack.undo_steps) == steps
    with pytest.raises(OperationError):
        set_document_state(p, 99, salma, "finished")
    with pytest.raises(OperationError):
        set_document_state(p, 1, salma, "done")
    with pytest.raises(OperationError):
        document_ids(p, salma, ["done"])
