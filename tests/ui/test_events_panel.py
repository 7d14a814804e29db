"""The event panel driven like an annotator would: select a trigger, press the event
type's key or click the palette, fill roles by keyboard and by clicking entities."""

from __future__ import annotations

import pytest

from ui.bidi import offsets
from ui.panels.events import ITEM
from ui.qt import Qt

from .conftest import click_span, drag_select
from .dialogs import Answer

DOC = 4  # seed 003: "إقالات وصفقات ومليارات.. ميتا تخوض معركة بقاء"


def events_in_db(project):
    """(type, trigger start, end, [(role, argument start, end) or (role, 'detached', s, e)])."""
    with project.read() as conn:
        events = conn.exec_driver_sql(
            'SELECT m.id, l.key, m.start, m."end" FROM event_mention m '
            "JOIN label l ON l.id = m.type_id ORDER BY m.start"
        ).fetchall()
        found = []
        for event_id, key, start, end in events:
            arguments = conn.exec_driver_sql(
                'SELECT r.key, s.start, s."end", a.detached_start, a.detached_end '
                "FROM event_argument a JOIN event_role r ON r.id = a.role_id "
                "LEFT JOIN entity_span s ON s.id = a.span_id WHERE a.event_id = ? ORDER BY a.id",
                (event_id,),
            ).fetchall()
            found.append(
                (
                    key,
                    start,
                    end,
                    [
                        (r, s, e) if s is not None else (r, "detached", ds, de)
                        for r, s, e, ds, de in arguments
                    ],
                )
            )
        return found


@pytest.fixture
def doc(qtbot, window):
    window.open_document(DOC)
    return Doc(qtbot, window)


class Doc:
    def __init__(self, qtbot, window):
        self.qtbot, self.window = qtbot, window
        self.editor = window.editor
        self.text = window.editor.text
        self.panel = window.panels["events"]

    def at(self, needle, after=None):
        start = self.text.index(needle, self.text.index(after) if after else 0)
        return start, start + len(needle)

    def tag(self, needle, key, after=None):
        """Select the text and press a label key; returns the new span's id."""
        self.editor.select_range(*self.at(needle, after))
        self.qtbot.keyClick(self.editor, key)
        return self.editor.selected_span

    def role_item(self, role_key):
        """The row of the role whose key is `role_key` (rows show its name)."""
        schema = self.window.project.schema
        for i in range(self.panel.roles.topLevelItemCount()):
            item = self.panel.roles.topLevelItem(i)
            kind, role_id = item.data(0, ITEM)
            if kind == "role" and schema.role(role_id).key == role_key:
                return item
        raise AssertionError(f"no role {role_key}")


def test_an_event_with_two_arguments_by_keyboard(doc, qtbot):
    window, editor, panel = doc.window, doc.editor, doc.panel
    meta = doc.tag("ميتا", Qt.Key.Key_2, after="أقال")  # "(Generative AI) في ميتا"
    doc.tag("زوكربيرج", Qt.Key.Key_1, after="أقال")
    doc.tag("نائب الرئيس", Qt.Key.Key_6)
    trigger = doc.at("أقال")
    editor.select_range(*trigger)
    qtbot.keyClick(editor, Qt.Key.Key_R)  # Personnel.Leave
    assert events_in_db(window.project) == [("Personnel.Leave", *trigger, [])]
    assert window.actions["edit.undo"].text() == "&Undo Add Departure or dismissal"
    # the new event is selected, the keyboard is on its first required role
    assert panel.list.currentItem().text(0) == "Departure or dismissal"
    assert panel.roles.hasFocus()
    assert (
        panel.current_role()[0]
        == window.project.schema.role_by_key(
            window.project.schema.by_key("event", "Personnel.Leave").id, "Employer"
        ).id
    )
    assert "required role Employer is not filled" in panel.problem_list.item(0).text()
    # Space: the nearest ORG, shown in the text; Enter: it fills Employer
    qtbot.keyClick(panel.roles, Qt.Key.Key_Space)
    assert panel.cycle.current.span.id == meta
    assert "Candidate 1 of" in panel.candidate_label.text() and "«ميتا» Organization" in (
        panel.candidate_label.text()
    )
    qtbot.keyClick(panel.roles, Qt.Key.Key_Return)
    # on to the next role still empty (Person); move to Agent and take the nearest PERS
    panel.roles.setCurrentItem(doc.role_item("Agent"))
    qtbot.keyClick(panel.roles, Qt.Key.Key_Space)
    assert doc.text[slice(*_range(panel.cycle.current.span))] == "زوكربيرج"
    qtbot.keyClick(panel.roles, Qt.Key.Key_Return)
    assert events_in_db(window.project) == [
        (
            "Personnel.Leave",
            *trigger,
            [("Employer", *doc.at("ميتا", "أقال")), ("Agent", *doc.at("زوكربيرج", "أقال"))],
        )
    ]
    assert window.actions["edit.undo"].text() == "&Undo Add Agent"
    assert panel.problem_list.count() == 0  # nothing missing now
    employer = doc.role_item("Employer")
    assert employer.child(0).text(0) == "1" and "ميتا" in employer.child(0).text(1)
    # the text shows the trigger's type chip and the numbered arguments with arcs
    marks = _painted(panel, editor)
    leave = window.project.schema.by_key("event", "Personnel.Leave").color
    assert marks == {"1": leave, "2": leave}
    # Shift+Space goes back through the candidates; Esc stops choosing, Esc again: the text
    panel.roles.setCurrentItem(doc.role_item("Position"))
    qtbot.keyClick(panel.roles, Qt.Key.Key_Space)
    assert panel.cycle is not None
    qtbot.keyClick(panel.roles, Qt.Key.Key_Escape)
    assert panel.cycle is None
    qtbot.keyClick(panel.roles, Qt.Key.Key_Escape)
    assert editor.hasFocus()
    # undo takes the arguments back one by one
    window.undo()
    assert events_in_db(window.project)[0][3] == [("Employer", *doc.at("ميتا", "أقال"))]


def _range(span):
    return span.start, span.end


def _painted(panel, editor):
    """The colour painted at the centre of each numbered argument badge, by number."""
    image = editor.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    found = {}
    for text, (center, radius) in panel.marks.badge_centers().items():
        # beside the number, inside the disc
        x, y = center.x() + radius * 0.65, center.y()
        found[text] = image.pixelColor(int(x * ratio), int(y * ratio)).name()
    return found


def test_an_event_with_two_arguments_by_mouse(doc, qtbot):
    window, editor, panel = doc.window, doc.editor, doc.panel
    scale = doc.tag("Scale AI", Qt.Key.Key_2)
    money = doc.tag("14.3 مليار دولار", Qt.Key.Key_7)
    trigger = doc.at("ضخ")
    drag_select(qtbot, editor, *trigger)
    invest = window.project.schema.by_key("event", "Business.Invest").id
    qtbot.mouseClick(panel.type_buttons[invest], Qt.MouseButton.LeftButton)
    assert events_in_db(window.project) == [("Business.Invest", *trigger, [])]
    # choose the role, Pick, click the entity in the text
    panel.roles.setCurrentItem(doc.role_item("Recipient"))
    qtbot.mouseClick(panel.pick_button, Qt.MouseButton.LeftButton)
    assert panel.picker.active and "Recipient of Investment" in window.notice.message.text()
    assert editor.viewport().cursor().shape() == Qt.CursorShape.CrossCursor
    click_span(qtbot, editor, money)  # MONEY: Recipient does not take it
    assert panel.picker.active and "does not fit" in window.notice.message.text()
    click_span(qtbot, editor, scale)
    assert not panel.picker.active
    # double-clicking a role picks too
    item = doc.role_item("Money")
    rect = panel.roles.visualItemRect(item)
    # (an item view takes a double click only after the press of the first click)
    qtbot.mouseClick(panel.roles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.roles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.picker.active
    click_span(qtbot, editor, money)
    assert events_in_db(window.project) == [
        (
            "Business.Invest",
            *trigger,
            [("Recipient", *doc.at("Scale AI")), ("Money", *doc.at("14.3 مليار دولار"))],
        )
    ]
    # the required Investor is still missing: flagged in the list, the panel, the documents
    assert "required role Investor is not filled" in panel.problem_list.item(0).text()
    assert not doc.role_item("Investor").icon(0).isNull()
    assert not panel.list.topLevelItem(0).icon(0).isNull()
    model = window.documents.model
    row = model.row_of(DOC)
    assert model.problems(row).warnings == 1
    assert model.index(row, model.COUNT).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "1 warning" in model.index(row, model.COUNT).data(Qt.ItemDataRole.ToolTipRole)
    # clicking an argument in the panel jumps to it in the text
    recipient = doc.role_item("Recipient").child(0)
    qtbot.mouseClick(
        panel.roles.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.roles.visualItemRect(recipient).center(),
    )
    assert editor.selected_span == scale
    # clicking a trigger in the text selects its event
    panel.select_event(None)
    box = editor.range_boxes(*trigger)[0]
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=box.rect.center().toPoint())
    assert panel.selected_event is not None
    assert "Investment" in panel.marks.tooltip(trigger[0])


def test_deleting_an_entity_used_as_an_argument_asks_and_leaves_it_detached(doc, qtbot):
    window, editor, panel = doc.window, doc.editor, doc.panel
    meta = doc.tag("ميتا", Qt.Key.Key_2, after="أقال")
    trigger = doc.at("أقال")
    editor.select_range(*trigger)
    qtbot.keyClick(editor, Qt.Key.Key_R)
    qtbot.keyClick(panel.roles, Qt.Key.Key_Space)
    qtbot.keyClick(panel.roles, Qt.Key.Key_Return)
    editor.select_span(meta)
    editor.setFocus()
    answer = Answer("Cancel")
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert "used by 1 event argument" in answer.text
    assert meta in editor.layer.spans  # kept
    answer = Answer("Delete")
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert answer.text is not None
    assert meta not in editor.layer.spans
    place = doc.at("ميتا", "أقال")
    assert events_in_db(window.project) == [
        ("Personnel.Leave", *trigger, [("Employer", "detached", *place)])
    ]
    child = doc.role_item("Employer").child(0)
    assert child.text(1) == f"(deleted) Organization {offsets(*place)}"
    assert not child.icon(0).isNull()
    assert "was deleted" in child.toolTip(0)
    assert window.documents.model.problems(window.documents.model.row_of(DOC)).errors == 1
    # the detached argument is repaired by choosing another span for it
    again = doc.tag("ميتا", Qt.Key.Key_2, after="أقال")
    panel.select_event(panel.events[0].id)
    panel.roles.setCurrentItem(doc.role_item("Employer").child(0))
    panel.roles.setFocus()
    qtbot.keyClick(panel.roles, Qt.Key.Key_Space)
    assert panel.cycle.current.span.id == again
    qtbot.keyClick(panel.roles, Qt.Key.Key_Return)
    assert events_in_db(window.project)[0][3] == [("Employer", *place)]
    assert window.documents.model.problems(window.documents.model.row_of(DOC)).total == 0


def test_change_type_remove_argument_move_it_and_delete_the_event(doc, qtbot):
    window, editor, panel = doc.window, doc.editor, doc.panel
    schema = window.project.schema
    doc.tag("ميتا", Qt.Key.Key_2, after="أقال")
    doc.tag("زوكربيرج", Qt.Key.Key_1, after="أقال")
    editor.select_range(*doc.at("أقال"))
    qtbot.keyClick(editor, Qt.Key.Key_R)
    qtbot.keyClick(panel.roles, Qt.Key.Key_Space)
    qtbot.keyClick(panel.roles, Qt.Key.Key_Return)  # Employer = ميتا
    panel.roles.setCurrentItem(doc.role_item("Person"))
    qtbot.keyClick(panel.roles, Qt.Key.Key_Space)
    qtbot.keyClick(panel.roles, Qt.Key.Key_Return)  # Person = زوكربيرج
    # an event type's key in the event list changes the type (Leave -> Hire: same roles)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_E)
    assert events_in_db(window.project)[0][0] == "Personnel.Hire"
    assert window.actions["edit.undo"].text() == "&Undo Change Departure or dismissal to Hiring"
    # the argument's menu moves it to another role (Person -> Agent)
    person = doc.role_item("Person").child(0)
    argument_id = person.data(0, Qt.ItemDataRole.UserRole)[1]
    panel.move_argument(
        argument_id, schema.role_by_key(schema.by_key("event", "Personnel.Hire").id, "Agent").id
    )
    assert [a[0] for a in events_in_db(window.project)[0][3]] == ["Employer", "Agent"]
    # Del on an argument removes it
    panel.roles.setCurrentItem(doc.role_item("Agent").child(0))
    panel.roles.setFocus()
    qtbot.keyClick(panel.roles, Qt.Key.Key_Delete)
    assert [a[0] for a in events_in_db(window.project)[0][3]] == ["Employer"]
    # the combo changes the type; arguments without a role of that name are kept, flagged
    combo = panel.type_combo
    combo.setCurrentIndex(combo.findData(schema.by_key("event", "Business.Acquire").id))
    combo.activated.emit(combo.currentIndex())
    assert events_in_db(window.project)[0][0] == "Business.Acquire"
    assert "found no role of the same name" in window.notice.message.text()
    strays = panel.roles.topLevelItem(panel.roles.topLevelItemCount() - 1)
    assert strays.text(0) == "Other roles" and strays.child(0).text(1).startswith("Employer: ميتا")
    assert any(p.code == "wrong_role" for p in panel.current.problems)
    # Del in the event list deletes the event; the entities stay
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert events_in_db(window.project) == []
    assert len(editor.layer.spans) == 2
    window.undo()
    assert events_in_db(window.project)[0][0] == "Business.Acquire"


def test_event_keys_need_a_selection_and_refuse_excluded_text(doc, qtbot):
    window, editor, panel = doc.window, doc.editor, doc.panel
    editor.clear_selection()
    qtbot.keyClick(editor, Qt.Key.Key_Q)
    assert "Select the trigger text first" in window.notice.message.text()
    # excluded text cannot be a trigger
    tail = doc.at("جرب ميزات الذكاء الاصطناعي لدينا")
    editor.select_range(tail[0], len(doc.text))
    qtbot.keyClick(
        window,
        Qt.Key.Key_X,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    editor.select_range(*doc.at("ضخت"))
    qtbot.keyClick(editor, Qt.Key.Key_W)
    assert "cannot be placed in excluded text" in window.notice.message.text()
    assert events_in_db(window.project) == []
    assert panel.summary.text().startswith("0 events")


def test_the_event_panel_follows_the_shown_set(make_window, seeded_project, qtbot):
    from core.annotation.annotators import ensure_annotator, set_annotator_role

    window = make_window(seeded_project)
    window.open_document(DOC)
    doc = Doc(qtbot, window)
    doc.editor.select_range(*doc.at("أقال"))
    qtbot.keyClick(doc.editor, Qt.Key.Key_R)
    assert len(doc.panel.events) == 1
    window.switch_annotator("Lead")
    assert doc.panel.events == [] and doc.panel.summary.text().startswith("0 events")
    set_annotator_role(seeded_project, ensure_annotator(seeded_project, "Lead").value, "curator")
    window.reload()
    salma = ensure_annotator(seeded_project, "Salma").value
    assert window.view_set(salma)
    assert len(doc.panel.events) == 1  # Salma's, read-only
    assert not doc.panel.pick_button.isEnabled()
    doc.editor.select_range(*doc.at("ضخ"))
    qtbot.keyClick(doc.editor, Qt.Key.Key_W)
    assert "read-only" in window.notice.message.text()
    assert len(doc.panel.events) == 1


def test_f1_lists_the_event_type_keys(window):
    dialog = window.show_shortcuts()
    text = dialog.browser.toPlainText()
    assert "Acquisition" in text and "Ctrl+Shift+E" in text
    assert "Event panel, on a role" in text


def test_panel_icons_follow_the_theme(window):
    button = window.panels["events"].pick_button
    light = button.icon().pixmap(16, 16).toImage()
    window.set_theme("dark")
    assert button.icon().pixmap(16, 16).toImage() != light


def test_panels_are_redrawn_only_when_what_they_show_changed(doc, qtbot):
    window, editor, panel = doc.window, doc.editor, doc.panel
    editor.select_range(*doc.at("أقال"))
    qtbot.keyClick(editor, Qt.Key.Key_R)
    redrawn = []
    panel.current.changed.connect(lambda: redrawn.append(True))
    reads = panel.current.reads
    doc.tag("Perplexity", Qt.Key.Key_2)  # an entity nothing refers to: nothing read
    assert panel.current.reads == reads and redrawn == []
    meta = doc.tag("ميتا", Qt.Key.Key_2, after="أقال")
    panel.select_event(panel.events[0].id)
    panel.roles.setFocus()
    qtbot.keyClick(panel.roles, Qt.Key.Key_Space)
    qtbot.keyClick(panel.roles, Qt.Key.Key_Return)  # now an argument refers to it
    assert redrawn
    redrawn.clear()
    editor.select_span(meta)
    qtbot.keyClick(editor, Qt.Key.Key_1)  # relabelled PERS: Employer does not accept it
    assert redrawn and any(p.code == "label_not_allowed" for p in panel.current.problems)
    # the document list took the count from the panel's reading
    model = window.documents.model
    assert model.problems(model.row_of(DOC)).errors == 1


def test_triggers_and_arguments_repainted_on_changed_lines_match_a_fresh_paint(doc, qtbot):
    from tests.ui.test_editor import _on_screen, _shown_afresh

    window, editor, panel = doc.window, doc.editor, doc.panel
    editor.select_range(*doc.at("أقال"))
    qtbot.keyClick(editor, Qt.Key.Key_R)  # a trigger with its chip
    meta = doc.tag("ميتا", Qt.Key.Key_2, after="أقال")
    panel.select_event(panel.events[0].id)
    panel.roles.setFocus()
    qtbot.keyClick(panel.roles, Qt.Key.Key_Space)
    qtbot.keyClick(panel.roles, Qt.Key.Key_Return)  # ميتا numbered and joined to it
    editor.select_span(meta)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    _on_screen(window)
    doc.tag("زوكربيرج", Qt.Key.Key_1, after="أقال")  # beside the trigger, on its line
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    shown = _on_screen(window)
    assert panel.selected_event == panel.events[0].id
    assert shown == _shown_afresh(window)
    assert panel.selected_event == panel.events[0].id  # shown afresh with its arguments
