"""The curation view driven like a curator would: auto-merge, keys, undo, curators only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.annotation.sets import ensure_set, find_set, set_state
from core.annotation.spans import add_span
from core.review.curation.model import REJECTED
from core.review.curation.reading import load_curation
from models.tables import CurationDecision
from ui.curation.compare import CompareWindow, open_side_by_side
from ui.curation.screenshots import DOCUMENT, find, seed_curation
from ui.curation.view import GOLD, CurationWindow, open_curation
from ui.qt import Qt, QtGui
from ui.theme import tint

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def curated_project(seeded_project):
    seeded_project.annotators = seed_curation(seeded_project)
    return seeded_project


@pytest.fixture
def lead(make_window, curated_project):
    return make_window(curated_project, annotator="Lead", size=(1500, 950))


def text_of(project):
    with project.read() as conn:
        return conn.exec_driver_sql("SELECT text FROM document WHERE id = ?", (DOCUMENT,)).scalar()


def gold_spans(project):
    sql = (
        'SELECT e.start, e."end", l.key FROM entity_span e JOIN label l ON l.id = e.label_id '
        "JOIN annotation_set s ON s.id = e.set_id WHERE s.annotator_id IS NULL "
        "AND s.document_id = ? ORDER BY 1, 2, 3"
    )
    with project.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql, (DOCUMENT,))]


def entity_ref(project, needle, label, occurrence=0):
    start, end = find(text_of(project), needle, occurrence)
    return ("entity", (start, end, project.schema.by_key("entity", label).id))


def no_background(editor, position):
    return editor.format_at(position).background().style() == Qt.BrushStyle.NoBrush


def test_annotators_cannot_open_curation(make_window, curated_project):
    window = make_window(curated_project, annotator="Amal")
    action = window.actions["review.curate"]
    assert not action.isEnabled()
    assert "Only curators can curate" in action.toolTip()
    assert "Amal is an annotator" in action.toolTip()
    assert open_curation(window, DOCUMENT) is None
    assert "Only curators can curate" in window.notice.message.text()
    assert window.findChild(CurationWindow) is None
    # the side-by-side view is a curator's too
    assert open_side_by_side(window, DOCUMENT, 0, 5, [curated_project.annotators["Badr"]]) is None
    assert window.findChild(CompareWindow) is None
    # as the lead, it opens
    window.switch_annotator("Lead")
    assert action.isEnabled()
    action.trigger()
    view = window.findChild(CurationWindow)
    assert view is not None and view.isVisible() and view.document_id == window.current_document_id
    # switching back to an annotator closes it
    window.switch_annotator("Amal")
    assert not view.isVisible() and not action.isEnabled()


def test_auto_merge_fills_the_gold_pane_and_ctrl_z_takes_it_back(qtbot, lead):
    project = lead.project
    view = open_curation(lead, DOCUMENT)
    assert [p.name for p in view.panes.panes] == ["Amal", "Badr", "Carim", "Gold standard"]
    gold = view.panes.pane(GOLD).editor
    text = text_of(project)
    start, end = find(text, "بلومبرغ", 0)
    assert no_background(gold, start)
    # Amal and Badr said ORG, Carim PERS: two of three
    view.strategy.setCurrentIndex(1)
    view.k.setValue(2)
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert (start, end, "ORG") in gold_spans(project)
    assert (start, end, "PERS") not in gold_spans(project)
    org = project.schema.by_key("entity", "ORG")
    assert gold.format_at(start).background().color() == tint(org.color, gold.theme)
    assert gold.format_at(end - 1).background().color() == tint(org.color, gold.theme)
    assert "Auto-merge (at least 2 of 3) took" in view.notice.message.text()
    assert len(gold.layer.spans) == len(gold_spans(project)) + 1  # and the Acquire trigger
    # the annotator panes are untouched and read-only
    carim = view.panes.pane(project.annotators["Carim"]).editor
    pers = project.schema.by_key("entity", "PERS")
    assert carim.format_at(start).background().color() == tint(pers.color, carim.theme)
    assert carim.annotations_read_only and not gold.annotations_read_only

    qtbot.keyClick(view.candidates, Qt.Key.Key_Z, CTRL)
    assert gold_spans(project) == []
    assert no_background(gold, start)
    assert view.counts.text() == "agreed: 6 · disputed: 21 · accepted: 0 · rejected: 0"


def test_keys_reject_and_accept_disputed_candidates(qtbot, lead):
    project = lead.project
    view = open_curation(lead, DOCUMENT)
    listing = view.candidates
    listing.setFocus()
    pers = entity_ref(project, "بلومبرغ", "PERS")
    assert listing.select_ref(pers)
    qtbot.keyClick(listing, Qt.Key.Key_R)
    with project.read() as conn:
        decisions = conn.execute(select(CurationDecision.kind, CurationDecision.key)).all()
        status = load_curation(conn, project.schema, DOCUMENT).find(pers).status
    assert len(decisions) == 1 and status == REJECTED
    assert gold_spans(project) == []
    item = listing._items[pers]
    assert item.text(listing.STATUS) == "rejected" and item.font(listing.WHAT).strikeOut()
    assert listing.current_ref() != pers  # moved on to the next undecided candidate
    assert listing.candidate(listing.current_ref()).undecided

    product = entity_ref(project, "Scale AI", "PRODUCT")
    listing.select_ref(product)
    qtbot.keyClick(listing, Qt.Key.Key_A)
    start, end = find(text_of(project), "Scale AI", 0)
    assert gold_spans(project) == [(start, end, "PRODUCT")]
    gold = view.panes.pane(GOLD).editor
    assert not no_background(gold, start)
    assert listing._items[product].text(listing.STATUS) == "accepted"
    # Delete rejects as well: Carim's short MONEY span
    money = entity_ref(project, "14.3 مليار", "MONEY")
    listing.select_ref(money)
    qtbot.keyClick(listing, Qt.Key.Key_Delete)
    assert listing._items[money].text(listing.STATUS) == "rejected"
    # J / K move between undecided candidates only
    listing.select_ref(pers)
    qtbot.keyClick(listing, Qt.Key.Key_J)
    forward = listing.current_ref()
    assert forward != pers and listing.candidate(forward).undecided
    qtbot.keyClick(listing, Qt.Key.Key_K)
    assert listing.candidate(listing.current_ref()).undecided
    assert listing.current_ref() not in (pers, money, product)


def test_an_event_is_accepted_with_its_arguments_and_shown_as_a_trigger(qtbot, lead):
    project = lead.project
    view = open_curation(lead, DOCUMENT)
    listing = view.candidates
    acquire = project.schema.by_key("event", "Business.Acquire").id
    start, end = find(text_of(project), "استحواذ", 0)
    ref = ("event", (start, end, acquire))
    listing.select_ref(ref)
    item = listing._items[ref]
    assert item.childCount() == 3  # Acquirer, Target, Money
    disagreement = item.text(listing.DISAGREEMENT).replace("\u2068", "").replace("\u2069", "")
    assert "event type mismatch: Investment «استحواذ» (Carim)" in disagreement
    # the trigger is outlined in each version at that place
    for pane in view.panes.panes[:3]:
        selected = pane.editor.selected_span
        assert selected is not None and selected < 0
        assert (pane.editor.layer.spans[selected].start, pane.editor.layer.spans[selected].end) == (
            start,
            end,
        )
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    with project.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT count(*) FROM event_argument a JOIN event_mention m ON m.id = a.event_id "
            "JOIN annotation_set s ON s.id = m.set_id WHERE s.annotator_id IS NULL"
        ).scalar()
    assert rows == 3
    gold = view.panes.pane(GOLD).editor
    triggers = [s for i, s in gold.layer.spans.items() if i < 0]
    assert [(s.start, s.end, s.label_id) for s in triggers] == [(start, end, acquire)]
    assert "Accepted 1 event, 3 event arguments" in view.notice.message.text()


def test_edit_in_the_gold_pane_with_label_keys(qtbot, lead):
    project = lead.project
    view = open_curation(lead, DOCUMENT)
    listing = view.candidates
    ref = entity_ref(project, "العام المقبل", "DATE")  # Badr's shorter DATE
    listing.select_ref(ref)
    qtbot.keyClick(listing, Qt.Key.Key_E)
    gold = view.panes.pane(GOLD).editor
    assert gold.hasFocus()
    start, end = ref[1][:2]
    assert (gold.pending_selection().start, gold.pending_selection().end) == (start, end)
    qtbot.keyClick(gold, Qt.Key.Key_8)  # DATE
    assert gold_spans(project) == [(start, end, "DATE")]
    assert view.candidates._items[ref].text(listing.STATUS) == "accepted"
    gold.select_span(next(i for i in gold.layer.spans if i > 0))
    qtbot.keyClick(gold, Qt.Key.Key_Delete)
    assert gold_spans(project) == []
    # a change to an annotator's set (here from the main window) redraws that pane only
    carim = view.panes.pane(project.annotators["Carim"]).editor
    other = find(text_of(project), "يان لوكون", 0)
    with project.read() as conn:
        carim_set = find_set(conn, DOCUMENT, project.annotators["Carim"])
    before = gold.highlighter.blocks_highlighted
    lead.run_operation(add_span, carim_set, *other, project.schema.by_key("entity", "PERS").id)
    assert not no_background(carim, other[0])
    assert gold.highlighter.blocks_highlighted == before
    assert view.curation.find(entity_ref(project, "يان لوكون", "PERS")).annotators == (
        project.annotators["Carim"],
    )
    # an annotator's pane does not take label keys
    amal = view.panes.pane(project.annotators["Amal"]).editor
    amal.select_range(start, end)
    qtbot.keyClick(amal, Qt.Key.Key_8)
    assert gold_spans(project) == []
    assert "read-only" in view.notice.message.text()


def test_ctrl_enter_marks_gold_curated_and_opens_the_next_document(qtbot, lead):
    project = lead.project
    amal = project.annotators["Amal"]
    with project.write() as tx:
        other = ensure_set(tx, 2, amal)
    add_span(project, other, 0, 1, project.schema.by_key("entity", "CARDINAL").id)
    set_state(project, other, "finished")
    view = open_curation(lead, DOCUMENT)
    assert view.documents.currentText().startswith("• #3")
    qtbot.keyClick(view.candidates, Qt.Key.Key_Return, CTRL)
    with project.read() as conn:
        state = conn.exec_driver_sql(
            "SELECT state FROM annotation_set WHERE document_id = ? AND annotator_id IS NULL",
            (DOCUMENT,),
        ).scalar()
    assert state == "finished"
    assert view.document_id == 2
    assert [p.name for p in view.panes.panes] == ["Amal", "Gold standard"]
    assert view.documents.itemText(view.documents.findData(DOCUMENT)).startswith("   #3")
    # nothing else waits: curating document 2 says so and stays
    qtbot.keyClick(view.candidates, Qt.Key.Key_Return, CTRL)
    assert view.document_id == 2
    assert "No other document is waiting" in view.notice.message.text()


def test_refusals_show_in_the_curation_view(qtbot, lead):
    project = lead.project
    view = open_curation(lead, DOCUMENT)
    ref = entity_ref(project, "مارك زوكربيرج", "PERS")
    view.accept(ref)
    view.accept(ref)
    assert "in the gold standard already" in view.notice.message.text()


def test_side_by_side_opens_at_the_place(qtbot, lead):
    project = lead.project
    ids = project.annotators
    text = text_of(project)
    start, end = find(text, "يان لوكون", 0)  # far down the article
    compare = open_side_by_side(lead, DOCUMENT, start, end, [ids["Badr"], ids["Carim"]])
    assert compare is not None and compare.isVisible()
    assert [p.name for p in compare.panes.panes] == ["Badr", "Carim"]
    assert "يان لوكون" in compare.heading.text()
    for pane in compare.panes.panes:
        editor = pane.editor
        assert pane.top_position() < start
        cursor = QtGui.QTextCursor(editor.document())
        cursor.setPosition(editor.qt_position(start))
        rect = editor.cursorRect(cursor)
        assert rect.top() >= 0 and rect.bottom() <= editor.viewport().height()
        marks = editor.extraSelections()
        assert len(marks) == 1
        assert (marks[0].cursor.selectionStart(), marks[0].cursor.selectionEnd()) == (
            editor.qt_position(start),
            editor.qt_position(end),
        )
    # the place of a label disagreement: each version's own span is outlined
    start, end = find(text, "بلومبرغ", 0)
    open_side_by_side(lead, DOCUMENT, start, end, [ids["Badr"], ids["Carim"]])
    labels = []
    for pane in compare.panes.panes:
        editor = pane.editor
        span = editor.layer.spans[editor.selected_span]
        assert (span.start, span.end) == (start, end)
        labels.append(project.schema.label(span.label_id).key)
    assert labels == ["ORG", "PERS"]
    # scrolling one pane scrolls the other to the same text
    badr, carim = compare.panes.panes
    badr.editor.verticalScrollBar().setValue(badr.editor.verticalScrollBar().maximum())
    assert abs(carim.top_position() - badr.top_position()) < 80
    # a change to a shown set redraws its pane
    with project.read() as conn:
        carim_set = find_set(conn, DOCUMENT, ids["Carim"])
    start, end = find(text, "يان لوكون", 0)
    assert no_background(carim.editor, start)
    pers = project.schema.by_key("entity", "PERS")
    lead.run_operation(add_span, carim_set, start, end, pers.id)
    assert carim.editor.format_at(start).background().color() == tint(pers.color, "light")
    # from there, the curation view at the same place
    qtbot.mouseClick(compare.curate_button, Qt.MouseButton.LeftButton)
    view = lead.findChild(CurationWindow)
    assert view.candidates.current_ref() == entity_ref(project, "بلومبرغ", "ORG")
