"""Excluded regions: per set or for everyone, merged, refused for non-curators, and what
happens to annotations already inside."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.annotation.annotators import ensure_annotator
from core.annotation.events import add_event
from core.annotation.excluded import (
    ExcludedRanges,
    InsideCount,
    annotations_inside,
    exclude_for_everyone,
    exclude_region,
    excluded_ranges_of_set,
    excluded_ranges_of_sets,
    excluded_regions,
    include_range,
    is_excluded,
    remove_region,
)
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span, resize_span
from core.annotation.stances import add_attributed_stance
from core.annotation.validation import EXCLUDED, load_set_content, validate_set
from core.project.errors import OperationError

DOC = 1  # seed article 000: a second, unrelated article follows "إقرأ أيضاً:"


@pytest.fixture
def work(seeded_project):
    project = seeded_project
    salma = ensure_annotator(project, "Salma").value
    omar = ensure_annotator(project, "Omar").value
    lead = ensure_annotator(project, "Lead", role="curator").value
    with project.write() as tx:
        sets = {"Salma": ensure_set(tx, DOC, salma), "Omar": ensure_set(tx, DOC, omar)}
    project.undo_stack.clear()
    return project, sets, lead, salma


def document_text(project, document_id=DOC):
    from sqlalchemy import select

    from models.tables import Document

    with project.read() as conn:
        return conn.execute(select(Document.text).where(Document.id == document_id)).scalar()


def regions(project, set_id):
    with project.read() as conn:
        return [(r.start, r.end, r.everyone) for r in excluded_regions(conn, DOC, set_id)]


def test_an_annotator_excludes_text_for_their_own_set(work):
    project, sets, *_ = work
    result = exclude_region(project, sets["Salma"], 100, 200, reason="boilerplate")
    assert project.undo_name == "Exclude text"
    assert result.changes.sets == {sets["Salma"]} and result.changes.documents == {DOC}
    assert regions(project, sets["Salma"]) == [(100, 200, False)]
    assert regions(project, sets["Omar"]) == []
    with project.read() as conn:
        assert is_excluded(conn, sets["Salma"], 199, 210)
        assert not is_excluded(conn, sets["Salma"], 200, 210)  # end exclusive
        assert not is_excluded(conn, sets["Omar"], 150, 160)
    project.undo()
    assert regions(project, sets["Salma"]) == []


def test_the_lead_excludes_the_unrelated_second_article_for_everyone(work):
    project, sets, lead, salma = work
    text = document_text(project)
    start = text.index("إقرأ أيضاً")
    with pytest.raises(OperationError, match="only a curator"):
        exclude_for_everyone(project, DOC, start, len(text), curator_id=salma)
    result = exclude_for_everyone(
        project, DOC, start, len(text), curator_id=lead, reason="related articles"
    )
    assert project.undo_name == "Exclude text for everyone"
    assert result.changes.sets == set(sets.values())
    for set_id in sets.values():
        assert regions(project, set_id) == [(start, len(text), True)]
    # a later set of the document sees it too
    with project.write() as tx:
        gold = ensure_set(tx, DOC, None)
    with project.read() as conn:
        assert excluded_ranges_of_set(conn, gold).ranges == ((start, len(text)),)
    with pytest.raises(OperationError, match="only a curator"):
        remove_region(project, result.value.region_id, by=salma)
    remove_region(project, result.value.region_id, by=lead)
    assert regions(project, sets["Salma"]) == []


def test_overlapping_and_touching_regions_merge(work):
    project, sets, *_ = work
    s = sets["Salma"]
    first = exclude_region(project, s, 100, 200, reason="ads").value.region_id
    exclude_region(project, s, 300, 400)
    merged = exclude_region(project, s, 150, 300, reason="share buttons").value.region_id
    assert merged == first
    assert regions(project, s) == [(100, 400, False)]
    with project.read() as conn:
        assert excluded_regions(conn, DOC, s)[0].reason == "ads; share buttons"
    with pytest.raises(OperationError, match="already excluded"):
        exclude_region(project, s, 120, 180)
    project.undo()
    assert regions(project, s) == [(100, 200, False), (300, 400, False)]


def test_a_set_region_inside_an_everyone_region_is_refused(work):
    project, sets, lead, _ = work
    exclude_for_everyone(project, DOC, 100, 200, curator_id=lead)
    with pytest.raises(OperationError, match="already excluded for everyone"):
        exclude_region(project, sets["Salma"], 120, 180)
    exclude_region(project, sets["Salma"], 150, 250)  # partly new: fine
    assert regions(project, sets["Salma"]) == [(100, 200, True), (150, 250, False)]
    with project.read() as conn:
        assert excluded_ranges_of_set(conn, sets["Salma"]).ranges == ((100, 250),)
        assert excluded_ranges_of_set(conn, sets["Omar"]).ranges == ((100, 200),)


def test_include_a_range_trims_and_splits(work):
    project, sets, lead, salma = work
    s = sets["Salma"]
    exclude_region(project, s, 100, 400, reason="comments")
    assert include_range(project, DOC, 200, 250, set_id=s).value == 1
    assert project.undo_name == "Include text"
    assert regions(project, s) == [(100, 200, False), (250, 400, False)]
    with project.read() as conn:
        assert {r.reason for r in excluded_regions(conn, DOC, s)} == {"comments"}
    include_range(project, DOC, 50, 210, set_id=s)
    assert regions(project, s) == [(250, 400, False)]
    with pytest.raises(OperationError, match="no excluded text there"):
        include_range(project, DOC, 0, 50, set_id=s)
    exclude_for_everyone(project, DOC, 500, 600, curator_id=lead)
    with pytest.raises(OperationError, match="only a curator"):
        include_range(project, DOC, 500, 600, set_id=None, by=salma)
    include_range(project, DOC, 500, 600, set_id=None, by=lead)
    assert regions(project, s) == [(250, 400, False)]


def test_bad_ranges_are_refused(work):
    project, sets, *_ = work
    length = len(document_text(project))
    for start, end in [(5, 5), (10, 2), (-1, 4), (0, length + 1)]:
        with pytest.raises(OperationError, match="outside the document"):
            exclude_region(project, sets["Salma"], start, end)
    assert project.undo_name is None


def test_annotations_already_inside_are_kept_flagged_and_counted(work):
    project, sets, lead, _ = work
    schema = project.schema
    org = schema.by_key("entity", "ORG").id
    favor = schema.by_key("polarity", "FAVOR").id
    target = schema.by_key("stance_target", "OPEN_SOURCE_AI").id
    salma, omar = sets["Salma"], sets["Omar"]
    inside = add_span(project, salma, 110, 115, org).value
    add_span(project, salma, 10, 15, org)
    add_span(project, omar, 195, 205, org)  # crosses the edge: counts as inside
    add_event(project, salma, schema.by_key("event", "Business.Invest").id, 120, 124)
    add_attributed_stance(
        project, salma, inside, favor, target_label_id=target, evidence=[(130, 140)]
    )

    result = exclude_for_everyone(project, DOC, 100, 200, curator_id=lead)
    assert result.value.inside == {
        salma: InsideCount(spans=1, events=1, evidence=1),
        omar: InsideCount(spans=1),
    }
    with project.read() as conn:
        assert annotations_inside(conn, DOC, 100, 200, omar) == {omar: InsideCount(spans=1)}
        problems = validate_set(schema, load_set_content(conn, salma))
    excluded = [p for p in problems if p.code == EXCLUDED]
    found = sorted(
        (p.span_id or 0, p.event_id or 0, p.stance_id is not None, p.evidence_id is not None)
        for p in excluded
    )
    assert found == [
        (0, 0, True, True),  # the evidence
        (0, 1, False, False),  # the trigger
        (inside, 0, False, False),  # the span
        (inside, 0, True, False),  # the same span as holder of the stance
    ]
    assert all(p.severity == "warning" for p in excluded)


def test_new_annotations_in_excluded_text_are_refused(work):
    project, sets, *_ = work
    schema = project.schema
    exclude_region(project, sets["Salma"], 100, 200)
    invest = schema.by_key("event", "Business.Invest").id
    with pytest.raises(OperationError, match="a trigger cannot be placed in excluded text"):
        add_event(project, sets["Salma"], invest, 190, 205)
    add_event(project, sets["Omar"], invest, 190, 205)  # Omar did not exclude it
    org = schema.by_key("entity", "ORG").id
    with pytest.raises(OperationError, match="span labelled ORG cannot be placed in excluded"):
        add_span(project, sets["Salma"], 150, 160, org)
    span = add_span(project, sets["Salma"], 210, 220, org).value
    with pytest.raises(OperationError, match="excluded text"):
        resize_span(project, span, 195, 220)
    exclude_for_everyone(project, DOC, 300, 320, curator_id=work[2])
    with pytest.raises(OperationError, match="excluded text"):
        add_span(project, sets["Omar"], 305, 310, org)


def test_ranges_for_many_sets_at_once(work):
    project, sets, lead, _ = work
    exclude_for_everyone(project, DOC, 0, 10, curator_id=lead)
    exclude_region(project, sets["Omar"], 20, 30)
    with project.read() as conn:
        found = excluded_ranges_of_sets(conn, sets.values())
    assert found[sets["Salma"]].ranges == ((0, 10),)
    assert found[sets["Omar"]].ranges == ((0, 10), (20, 30))
    # agreement between the two leaves out what either excluded
    assert found[sets["Salma"]].union(found[sets["Omar"]]).ranges == ((0, 10), (20, 30))
    with project.read() as conn, pytest.raises(OperationError, match="does not exist"):
        excluded_ranges_of_sets(conn, [999])


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=8),
    st.integers(0, 70),
    st.integers(1, 15),
)
def test_excluded_ranges_answer_like_a_character_mask(intervals, start, width):
    intervals = [(s, s + w) for s, w in intervals]
    ranges = ExcludedRanges(intervals)
    mask = {i for s, e in intervals for i in range(s, e)}
    end = start + width
    wanted = set(range(start, end))
    assert ranges.overlaps(start, end) == bool(wanted & mask)
    assert ranges.covers(start, end) == (wanted <= mask)
    assert {i for s, e in ranges for i in range(s, e)} == mask
    assert all(a[1] < b[0] for a, b in zip(ranges.ranges, ranges.ranges[1:], strict=False))
