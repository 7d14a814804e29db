import pytest
from sqlalchemy import select

from core.annotation.annotators import ensure_annotator
from core.annotation.sets import ensure_set, set_state
from core.annotation.spans import (
    add_span,
    delete_span,
    relabel_span,
    resize_span,
    spans_of_set,
)
from core.project.journal import UndoConflict
from models.tables import AnnotationSet, EntitySpan


@pytest.fixture
def work(seeded_project):
    annotator = ensure_annotator(seeded_project, "Salma").value
    with seeded_project.write() as tx:
        set_id = ensure_set(tx, 4, annotator)
    return seeded_project, set_id


def spans(project, set_id):
    with project.read() as conn:
        return [
            (s.start, s.end, project.schema.label(s.label_id).key)
            for s in spans_of_set(conn, set_id)
        ]


def test_add_relabel_delete_with_undo_and_redo(work):
    project, set_id = work
    org = project.schema.by_key("entity", "ORG").id
    pers = project.schema.by_key("entity", "PERS").id
    result = add_span(project, set_id, 10, 14, org)
    assert result.changes.documents == {4}
    assert project.undo_name == "Add ORG"
    relabel_span(project, result.value, pers)
    assert spans(project, set_id) == [(10, 14, "PERS")]
    delete_span(project, result.value)
    assert spans(project, set_id) == []
    assert project.undo_name == "Delete PERS"

    assert project.undo().documents == {4}
    assert spans(project, set_id) == [(10, 14, "PERS")]
    project.undo()
    assert spans(project, set_id) == [(10, 14, "ORG")]
    project.undo()
    assert spans(project, set_id) == []
    assert project.redo_name == "Add ORG"
    project.redo()
    project.redo()
    assert spans(project, set_id) == [(10, 14, "PERS")]
    # the re-inserted row keeps its id
    with project.read() as conn:
        assert conn.execute(select(EntitySpan.id)).scalar() == result.value


def test_a_new_change_clears_redo(work):
    project, set_id = work
    org = project.schema.by_key("entity", "ORG").id
    add_span(project, set_id, 10, 14, org)
    project.undo()
    add_span(project, set_id, 20, 24, org)
    assert project.redo_name is None


def test_a_failed_operation_writes_nothing_and_records_no_step(work):
    project, set_id = work
    org = project.schema.by_key("entity", "ORG").id
    add_span(project, set_id, 10, 14, org)
    with pytest.raises(Exception, match="already annotated"):
        add_span(project, set_id, 10, 14, org)
    assert project.undo_name == "Add ORG"
    assert len(project.undo_stack.undo_steps) == 1


def test_first_annotation_moves_the_set_in_progress_and_state_is_undoable(work):
    project, set_id = work
    org = project.schema.by_key("entity", "ORG").id

    def state():
        with project.read() as conn:
            return conn.execute(
                select(AnnotationSet.state).where(AnnotationSet.id == set_id)
            ).scalar()

    assert state() == "new"
    add_span(project, set_id, 10, 14, org)
    assert state() == "in_progress"
    set_state(project, set_id, "finished")
    assert state() == "finished"
    project.undo()
    assert state() == "in_progress"


def test_undo_refuses_to_overwrite_a_change_made_elsewhere(work):
    project, set_id = work
    org = project.schema.by_key("entity", "ORG").id
    span_id = add_span(project, set_id, 10, 14, org).value
    resize_span(project, span_id, 10, 16)
    with project.engine.begin() as conn:  # e.g. another process
        conn.execute(EntitySpan.__table__.update().where(EntitySpan.id == span_id).values(end=18))
    with pytest.raises(UndoConflict, match="changed elsewhere"):
        project.undo()
    assert project.undo_name is None
    assert spans(project, set_id) == [(10, 18, "ORG")]


def test_deleting_a_span_used_by_an_argument_detaches_it_and_undo_restores(work):
    from models.tables import EventArgument, EventMention

    project, set_id = work
    schema = project.schema
    org = schema.by_key("entity", "ORG").id
    invest = schema.by_key("event", "Business.Invest")
    investor = next(r for r in schema.roles_of(invest.id) if r.key == "Investor")
    span_id = add_span(project, set_id, 10, 14, org).value
    with project.write("Add event") as tx:
        event_id = tx.insert(EventMention, set_id=set_id, type_id=invest.id, start=20, end=23)
        arg_id = tx.insert(EventArgument, event_id=event_id, role_id=investor.id, span_id=span_id)
    delete_span(project, span_id)
    with project.read() as conn:
        arg = conn.execute(select(EventArgument.__table__).where(EventArgument.id == arg_id)).one()
    assert arg.span_id is None
    assert (arg.detached_start, arg.detached_end, arg.detached_label) == (10, 14, "ORG")
    project.undo()
    with project.read() as conn:
        arg = conn.execute(select(EventArgument.__table__).where(EventArgument.id == arg_id)).one()
    assert arg.span_id == span_id and arg.detached_start is None


def test_a_write_without_a_journal_keeps_no_rows_and_cannot_be_undone(project):
    from core.text.canonical import text_sha256
    from models.tables import Document

    rows = [
        {"title": t, "length": len(t), "text_sha256": text_sha256(t), "text": t}
        for t in ("نص أول", "نص ثان", "نص ثالث")
    ]
    with project.write(journal=False) as tx:
        ids = tx.insert_many(Document, rows[:2])
    assert tx.records == [] and "document" not in tx.changes.rows
    with project.write() as tx:
        (third,) = tx.insert_many(Document, rows[2:])
    assert [r.key for r in tx.records] == [(third,)]
    assert tx.changes.rows["document"] == {third} and ids == [third - 2, third - 1]
    with (
        pytest.raises(ValueError, match="cannot be an undo step"),
        project.write("Add", journal=False),
    ):
        pass
