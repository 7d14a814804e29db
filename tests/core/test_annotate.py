import pytest

from core.annotation.annotators import ensure_annotator
from core.annotation.sets import find_set
from core.annotation.spans import annotate, delete_span, relabel_span, resize_span, spans_by_id
from core.project.errors import OperationError


def test_annotate_creates_the_set_in_the_same_undo_step(seeded_project):
    p = seeded_project
    salma = ensure_annotator(p, "Salma").value
    org = p.schema.by_key("entity", "ORG").id
    result = annotate(p, 2, salma, 10, 14, org)
    assert p.undo_name == "Add ORG"
    with p.read() as conn:
        set_id = find_set(conn, 2, salma)
    assert result.changes.documents == {2}
    assert result.changes.rows["entity_span"] == {result.value}
    assert result.changes.rows["annotation_set"] == {set_id}
    p.undo()
    with p.read() as conn:
        assert find_set(conn, 2, salma) is None  # the set went with its first span
    changes = p.redo()
    assert changes.rows["entity_span"] == {result.value}


def test_edits_name_their_label_refuse_duplicates_and_report_rows(seeded_project):
    p = seeded_project
    salma = ensure_annotator(p, "Salma").value
    org = p.schema.by_key("entity", "ORG").id
    pers = p.schema.by_key("entity", "PERS").id
    first = annotate(p, 1, salma, 0, 4, org).value
    second = annotate(p, 1, salma, 0, 4, pers).value
    with pytest.raises(OperationError, match="already annotated as ORG"):
        relabel_span(p, second, org)
    with pytest.raises(OperationError, match="already annotated as ORG"):
        annotate(p, 1, salma, 0, 4, org)
    with pytest.raises(OperationError, match="span 0-5 begins or ends with whitespace"):
        resize_span(p, second, 0, 5)  # "ميتا " with its space
    with pytest.raises(OperationError, match="whitespace"):
        annotate(p, 1, salma, 4, 9, org)  # " تفكر"
    changes = resize_span(p, second, 0, 9).changes  # "ميتا تفكر"
    assert p.undo_name == "Resize PERS"
    assert changes.rows["entity_span"] == {second}
    delete_span(p, first)
    with p.read() as conn:
        assert [s.id for s in spans_by_id(conn, [first, second])] == [second]
    undone = p.undo()
    assert undone.rows["entity_span"] == {first}
