"""Events: triggers with typed arguments, every change one undo step."""

import pytest
from sqlalchemy import select

from core.annotation.annotators import ensure_annotator
from core.annotation.events import (
    add_argument,
    add_event,
    argument_candidates,
    change_event_type,
    delete_event,
    events_of_set,
    get_event,
    move_trigger,
    reassign_argument,
    remove_argument,
    set_event_note,
)
from core.annotation.excluded import exclude_region
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span
from core.project.errors import OperationError
from models.tables import AnnotationSet, EventArgument

DOC = 4  # seed 003: "إقالات وصفقات ومليارات.. ميتا تخوض معركة بقاء"


class Doc:
    """Find text in the seed article and annotate it."""

    def __init__(self, project, set_id):
        from models.tables import Document

        self.project, self.set_id = project, set_id
        with project.read() as conn:
            self.text = conn.execute(select(Document.text).where(Document.id == DOC)).scalar()

    def at(self, needle, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(needle, start + 1)
        return start, start + len(needle)

    def span(self, needle, label, nth=0):
        label_id = self.project.schema.by_key("entity", label).id
        return add_span(self.project, self.set_id, *self.at(needle, nth), label_id).value

    def event(self, needle, type_key, nth=0):
        type_id = self.project.schema.by_key("event", type_key).id
        return add_event(self.project, self.set_id, type_id, *self.at(needle, nth)).value

    def role(self, type_key, role_key):
        schema = self.project.schema
        return schema.role_by_key(schema.by_key("event", type_key).id, role_key).id


@pytest.fixture
def doc(seeded_project):
    salma = ensure_annotator(seeded_project, "Salma").value
    with seeded_project.write() as tx:
        set_id = ensure_set(tx, DOC, salma)
    seeded_project.undo_stack.clear()
    return Doc(seeded_project, set_id)


def arguments(doc, event_id):
    with doc.project.read() as conn:
        event = get_event(conn, event_id)
    schema = doc.project.schema
    return [
        (schema.role(a.role_id).key, doc.text[span.start : span.end] if span else None)
        for a in event.arguments
        for span in [_span(doc, a.span_id)]
    ]


def _span(doc, span_id):
    from core.annotation.spans import get_span

    if span_id is None:
        return None
    with doc.project.read() as conn:
        return get_span(conn, span_id)


def test_an_event_with_two_arguments(doc):
    project = doc.project
    zuck = doc.span("زوكربيرج", "PERS", nth=1)
    vp = doc.span("نائب الرئيس", "OCC")
    result = add_event(
        project, doc.set_id, project.schema.by_key("event", "Personnel.Leave").id, *doc.at("أقال")
    )
    assert project.undo_name == "Add Personnel.Leave"
    assert result.changes.documents == {DOC} and result.changes.sets == {doc.set_id}
    fired = result.value
    add_argument(project, fired, doc.role("Personnel.Leave", "Agent"), zuck)
    assert project.undo_name == "Add Agent"
    add_argument(project, fired, doc.role("Personnel.Leave", "Position"), vp)
    assert arguments(doc, fired) == [("Agent", "زوكربيرج"), ("Position", "نائب الرئيس")]
    with project.read() as conn:
        (event,) = events_of_set(conn, doc.set_id)
        state = conn.execute(
            select(AnnotationSet.state).where(AnnotationSet.id == doc.set_id)
        ).scalar()
    assert doc.text[event.start : event.end] == "أقال" and state == "in_progress"
    project.undo()
    project.undo()
    assert arguments(doc, fired) == []
    project.redo()
    assert arguments(doc, fired) == [("Agent", "زوكربيرج")]


def test_add_event_refuses_bad_input(doc):
    project = doc.project
    acquire = project.schema.by_key("event", "Business.Acquire").id
    doc.event("صفقات", "Business.Acquire")
    with pytest.raises(OperationError, match=r"already has a Business\.Acquire event"):
        add_event(project, doc.set_id, acquire, *doc.at("صفقات"))
    with pytest.raises(OperationError, match="outside the document"):
        add_event(project, doc.set_id, acquire, 5, 5)
    with pytest.raises(OperationError, match="outside the document"):
        add_event(project, doc.set_id, acquire, len(doc.text) - 2, len(doc.text) + 3)
    org = project.schema.by_key("entity", "ORG").id
    with pytest.raises(OperationError, match="is not an event type"):
        add_event(project, doc.set_id, org, 0, 4)
    # another event type on the same trigger is fine
    doc.event("صفقات", "Business.Invest")


def test_arguments_are_checked(doc):
    project = doc.project
    event = doc.event("استثمار", "Business.Invest")
    meta = doc.span("ميتا", "ORG")
    scale = doc.span("Scale AI", "ORG")
    money = doc.span("14.3 مليار دولار", "MONEY")
    investor = doc.role("Business.Invest", "Investor")
    recipient = doc.role("Business.Invest", "Recipient")
    amount = doc.role("Business.Invest", "Money")
    with pytest.raises(OperationError, match=r"Money accepts MONEY; this span is ORG"):
        add_argument(project, event, amount, meta)
    with pytest.raises(OperationError, match=r"Acquirer is a role of Business\.Acquire"):
        add_argument(project, event, doc.role("Business.Acquire", "Acquirer"), meta)
    add_argument(project, event, amount, money)
    second_money = doc.span("100 مليون دولار", "MONEY")
    with pytest.raises(OperationError, match="Money takes one argument and already has one"):
        add_argument(project, event, amount, second_money)
    add_argument(project, event, investor, meta)
    with pytest.raises(OperationError, match="already fills Investor"):
        add_argument(project, event, investor, meta)
    add_argument(project, event, recipient, scale)
    # a span of another annotator's set
    omar = ensure_annotator(project, "Omar").value
    with project.write() as tx:
        other_set = ensure_set(tx, DOC, omar)
    other = add_span(project, other_set, *doc.at("ميتا"), project.schema.by_key("entity", "ORG").id)
    with pytest.raises(OperationError, match="same annotation set"):
        add_argument(project, event, investor, other.value)
    assert arguments(doc, event) == [
        ("Money", "14.3 مليار دولار"),
        ("Investor", "ميتا"),
        ("Recipient", "Scale AI"),
    ]


def test_change_type_keeps_arguments_whose_role_exists_in_the_new_type(doc):
    project = doc.project
    event = doc.event("صفقات", "Business.Acquire")
    add_argument(project, event, doc.role("Business.Acquire", "Acquirer"), doc.span("ميتا", "ORG"))
    add_argument(
        project, event, doc.role("Business.Acquire", "Money"), doc.span("14.3 مليار دولار", "MONEY")
    )
    invest = project.schema.by_key("event", "Business.Invest").id
    assert change_event_type(project, event, invest).value == 1  # Acquirer has no match
    assert project.undo_name == "Change Business.Acquire to Business.Invest"
    with project.read() as conn:
        changed = get_event(conn, event)
    assert changed.type_id == invest
    # Money moved to Business.Invest's Money; Acquirer stays, to be reassigned
    assert [project.schema.role(a.role_id).event_type_id for a in changed.arguments] == [
        project.schema.by_key("event", "Business.Acquire").id,
        invest,
    ]
    project.undo()
    with project.read() as conn:
        assert {project.schema.role(a.role_id).key for a in get_event(conn, event).arguments} == {
            "Acquirer",
            "Money",
        }


def test_move_trigger_note_and_delete(doc):
    project = doc.project
    event = doc.event("صفقات", "Business.Acquire")
    meta = doc.span("ميتا", "ORG")
    argument = add_argument(project, event, doc.role("Business.Acquire", "Acquirer"), meta).value
    move_trigger(project, event, *doc.at("استثمار"))
    assert project.undo_name == "Move trigger of Business.Acquire"
    set_event_note(project, event, "a stake, not the whole company")
    delete_event(project, event)
    assert project.undo_name == "Delete Business.Acquire"
    with project.read() as conn:
        assert events_of_set(conn, doc.set_id) == []
        assert conn.execute(select(EventArgument.id)).all() == []
    project.undo()
    with project.read() as conn:
        (restored,) = events_of_set(conn, doc.set_id)
    assert restored.id == event and restored.arguments[0].id == argument
    assert doc.text[restored.start : restored.end] == "استثمار"
    assert restored.note == "a stake, not the whole company"


def test_remove_and_reassign_arguments(doc):
    project = doc.project
    event = doc.event("استقطاب", "Personnel.Hire")
    wang = doc.span("ألكسندر وانغ", "PERS")
    zuck = doc.span("زوكربيرج", "PERS")
    person = doc.role("Personnel.Hire", "Person")
    agent = doc.role("Personnel.Hire", "Agent")
    argument = add_argument(project, event, person, zuck).value
    reassign_argument(project, argument, span_id=wang)
    assert project.undo_name == "Reassign Person"
    assert arguments(doc, event) == [("Person", "ألكسندر وانغ")]
    reassign_argument(project, argument, role_id=agent)
    assert arguments(doc, event) == [("Agent", "ألكسندر وانغ")]
    with pytest.raises(OperationError, match="Employer accepts ORG; this span is PERS"):
        reassign_argument(project, argument, role_id=doc.role("Personnel.Hire", "Employer"))
    remove_argument(project, argument)
    assert project.undo_name == "Remove Agent"
    assert arguments(doc, event) == []


def test_a_detached_argument_is_repaired_by_reassigning_it(doc):
    from core.annotation.spans import delete_span

    project = doc.project
    event = doc.event("استقطاب", "Personnel.Hire")
    wang = doc.span("ألكسندر وانغ", "PERS")
    argument = add_argument(project, event, doc.role("Personnel.Hire", "Person"), wang).value
    delete_span(project, wang)
    assert arguments(doc, event) == [("Person", None)]
    with pytest.raises(OperationError, match="lost its span"):
        reassign_argument(project, argument, role_id=doc.role("Personnel.Hire", "Agent"))
    again = doc.span("ألكسندر وانغ", "PERS")
    reassign_argument(project, argument, span_id=again)
    with project.read() as conn:
        (repaired,) = get_event(conn, event).arguments
    assert (repaired.span_id, repaired.detached_start, repaired.detached_label) == (
        again, None, None,
    )  # fmt: skip


def test_candidates_for_a_role_nearest_the_trigger_first(doc):
    project = doc.project
    schema = project.schema
    event = doc.event("أقال", "Personnel.Leave")
    trigger = doc.at("أقال")
    pers = schema.by_key("entity", "PERS").id
    start = trigger[1] + 1  # "أقال زوكربيرج"
    near = add_span(project, doc.set_id, start, start + len("زوكربيرج"), pers).value
    far = doc.span("مارك زوكربيرج", "PERS")  # the first paragraph, 800 before the trigger
    doc.span("ميتا", "ORG")  # not a person: never a candidate for Person
    after = doc.span("يان لوكون", "PERS")  # further away, after the trigger
    agent = doc.role("Personnel.Leave", "Agent")  # accepts PERS and ORG
    person = doc.role("Personnel.Leave", "Person")
    found = argument_candidates(project, event, person)
    assert [c.span.id for c in found] == [near, far, after]
    assert found[0].distance == 1
    assert found == sorted(found, key=lambda c: c.distance)
    agents = argument_candidates(project, event, agent)
    assert len(agents) == 4  # the ORG span too
    add_argument(project, event, person, near)
    assert near not in [c.span.id for c in argument_candidates(project, event, person)]
    assert argument_candidates(project, event, person, include_used=True)[0].span.id == near
    # spans in text the annotator excluded are not offered
    exclude_region(project, doc.set_id, *doc.at("يان لوكون"))
    assert [c.span.id for c in argument_candidates(project, event, person)] == [far]
    with pytest.raises(OperationError, match=r"not of Personnel\.Leave"):
        argument_candidates(project, event, doc.role("Business.Acquire", "Target"))
