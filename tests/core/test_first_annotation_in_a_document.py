"""The first event, document stance or excluded region in a document creates the
annotator's set in the same undo step (as the first entity span does), and the document
list's problem counts read in full only the sets that can have problems."""

from sqlalchemy import select

from core.annotation.annotators import ensure_annotator
from core.annotation.events import annotate_event, events_of_set
from core.annotation.excluded import exclude_for_annotator, excluded_regions
from core.annotation.sets import find_set
from core.annotation.spans import add_span, annotate
from core.annotation.stances import annotate_document_stance, stances_of_set
from core.annotation.validation import ProblemCount, problem_counts
from models.tables import AnnotationSet, Document

DOC = 4  # seed 003


def text_of(project, document_id=DOC):
    with project.read() as conn:
        return conn.execute(select(Document.text).where(Document.id == document_id)).scalar()


def set_of(project, annotator_id, document_id=DOC):
    with project.read() as conn:
        return find_set(conn, document_id, annotator_id)


def test_first_event_creates_the_set_in_the_same_undo_step(seeded_project):
    project = seeded_project
    salma = ensure_annotator(project, "Salma").value
    text = text_of(project)
    start = text.index("أقال")
    leave = project.schema.by_key("event", "Personnel.Leave").id
    result = annotate_event(project, DOC, salma, leave, start, start + 4)
    set_id = set_of(project, salma)
    assert set_id is not None and set_id in result.changes.sets
    assert DOC in result.changes.documents
    with project.read() as conn:
        (event,) = events_of_set(conn, set_id)
        state = conn.execute(select(AnnotationSet.state).where(AnnotationSet.id == set_id))
        assert state.scalar() == "in_progress"
    assert (event.id, event.start, event.end) == (result.value, start, start + 4)
    assert project.undo_name == "Add Personnel.Leave"
    project.undo()
    assert set_of(project, salma) is None  # the set went with the one step
    # a second event goes into the existing set
    first = annotate_event(project, DOC, salma, leave, start, start + 4).value
    second = annotate_event(
        project, DOC, salma, project.schema.by_key("event", "Business.Invest").id, 1, 5
    ).value
    with project.read() as conn:
        assert [e.id for e in events_of_set(conn, set_of(project, salma))] == [second, first]


def test_first_document_stance_creates_the_set(seeded_project):
    project = seeded_project
    omar = ensure_annotator(project, "Omar").value
    schema = project.schema
    target = schema.by_key("stance_target", "SUPERINTELLIGENCE").id
    neutral = schema.by_key("polarity", "NEUTRAL").id
    favor = schema.by_key("polarity", "FAVOR").id
    stance_id = annotate_document_stance(project, DOC, omar, target, neutral).value
    set_id = set_of(project, omar)
    # setting it again changes the polarity of the same stance
    assert annotate_document_stance(project, DOC, omar, target, favor).value == stance_id
    with project.read() as conn:
        (stance,) = stances_of_set(conn, set_id)
    assert (stance.scope, stance.target_label_id, stance.polarity_id) == ("document", target, favor)
    project.undo()
    project.undo()
    assert set_of(project, omar) is None


def test_first_exclusion_creates_the_set_and_reports_what_lies_inside(seeded_project):
    project = seeded_project
    salma = ensure_annotator(project, "Salma").value
    text = text_of(project)
    boilerplate = text.index("جرب ميزات الذكاء الاصطناعي لدينا")
    result = exclude_for_annotator(project, DOC, salma, boilerplate, len(text), reason="related")
    set_id = set_of(project, salma)
    assert result.value.inside == {}
    with project.read() as conn:
        (region,) = excluded_regions(conn, DOC, set_id)
    assert (region.set_id, region.start, region.end, region.reason) == (
        set_id,
        boilerplate,
        len(text),
        "related",
    )
    assert project.undo_name == "Exclude text"
    project.undo()
    assert set_of(project, salma) is None
    # with annotations already there, the counts come back
    musk = text.index("ماسك", boilerplate)
    annotate(project, DOC, salma, musk, musk + 4, project.schema.by_key("entity", "PERS").id)
    result = exclude_for_annotator(project, DOC, salma, boilerplate, len(text))
    assert result.value.inside[set_of(project, salma)].spans == 1


def test_problem_counts_skip_sets_that_cannot_have_problems(seeded_project):
    project = seeded_project
    salma = ensure_annotator(project, "Salma").value
    text = text_of(project)
    pers = project.schema.by_key("entity", "PERS").id
    # document 1: entities only; document 4: an event missing its required roles
    only_entities = annotate(project, 1, salma, 0, 4, pers).changes.sets.pop()
    start = text.index("أقال")
    annotate_event(
        project, DOC, salma, project.schema.by_key("event", "Personnel.Leave").id, start, start + 4
    )
    with_event = set_of(project, salma)
    add_span(project, with_event, text.index("زوكربيرج"), text.index("زوكربيرج") + 8, pers)
    counts = problem_counts(project, [only_entities, with_event, 999])
    assert counts == {only_entities: ProblemCount(), with_event: ProblemCount(warnings=1)}
