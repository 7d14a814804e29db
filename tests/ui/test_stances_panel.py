"""The stance panel: the author's stance per target by keyboard and mouse, attributed
stances with holder, target, polarity and evidence."""

from __future__ import annotations

from ui.qt import Qt

from .conftest import click_span
from .dialogs import Answer

DOC = 4
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def stances_in_db(project):
    """(scope, holder text offsets, target key or span offsets, polarity, [evidence])."""
    with project.read() as conn:
        rows = conn.exec_driver_sql(
            'SELECT t.id, t.scope, h.start, h."end", tl.key, ts.start, ts."end", p.key, t.note '
            "FROM stance t LEFT JOIN label p ON p.id = t.polarity_id "
            "LEFT JOIN entity_span h ON h.id = t.holder_span_id "
            "LEFT JOIN label tl ON tl.id = t.target_label_id "
            "LEFT JOIN entity_span ts ON ts.id = t.target_span_id ORDER BY t.id"
        ).fetchall()
        found = []
        for stance_id, scope, hs, he, target, ts, te, polarity, note in rows:
            evidence = conn.exec_driver_sql(
                'SELECT start, "end" FROM stance_evidence WHERE stance_id = ? ORDER BY start',
                (stance_id,),
            ).fetchall()
            found.append(
                (
                    scope,
                    (hs, he) if hs is not None else None,
                    target if target is not None else (ts, te),
                    polarity,
                    [tuple(e) for e in evidence],
                    note,
                )
            )
        return found


def open_seed(window):
    window.open_document(DOC)
    return window.editor, window.panels["stances"]


def row_of(panel, key):
    schema = panel.main.project.schema
    target = schema.by_key("stance_target", key).id
    for row in range(panel.documents.rowCount()):
        if panel.documents.item(row, 0).data(Qt.ItemDataRole.UserRole) == target:
            return row
    raise AssertionError(key)


def test_document_stance_by_keyboard_and_mouse(qtbot, window):
    _editor, panel = open_seed(window)
    assert panel.documents.rowCount() == 3  # one row per target of the schema
    # a target's key goes to its row, a polarity's key sets it
    panel.documents.setFocus()
    qtbot.keyClick(panel.documents, Qt.Key.Key_3)
    assert panel.documents.currentRow() == row_of(panel, "SUPERINTELLIGENCE")
    qtbot.keyClick(panel.documents, Qt.Key.Key_N)
    assert stances_in_db(window.project) == [
        ("document", None, "SUPERINTELLIGENCE", "NEUTRAL", [], "")
    ]
    assert window.actions["edit.undo"].text() == "&Undo Set stance Neutral"
    combo = panel.polarity_combos[
        window.project.schema.by_key("stance_target", "SUPERINTELLIGENCE").id
    ]
    assert combo.currentText().startswith("Neutral")
    # Up moves to the row above; a polarity key there records a second target
    qtbot.keyClick(panel.documents, Qt.Key.Key_Up)
    qtbot.keyClick(panel.documents, Qt.Key.Key_A)
    assert [s[2:4] for s in stances_in_db(window.project)] == [
        ("SUPERINTELLIGENCE", "NEUTRAL"),
        ("CLOSED_MODELS", "AGAINST"),
    ]
    # Del clears the row's stance
    qtbot.keyClick(panel.documents, Qt.Key.Key_Delete)
    assert [s[2] for s in stances_in_db(window.project)] == ["SUPERINTELLIGENCE"]
    # the mouse: the row's chooser
    favor = window.project.schema.by_key("polarity", "FAVOR").id
    combo.setCurrentIndex(combo.findData(favor))
    combo.activated.emit(combo.currentIndex())
    assert stances_in_db(window.project)[0][3] == "FAVOR"
    # setting the stance again changed it, one stance per target
    assert len(stances_in_db(window.project)) == 1
    combo.setCurrentIndex(0)  # "—" clears
    combo.activated.emit(0)
    assert stances_in_db(window.project) == []


def test_attributed_stance_with_holder_target_polarity_and_evidence(qtbot, window):
    editor, panel = open_seed(window)
    text = editor.text
    meta_at = text.index("أكدت ميتا") + len("أكدت ")
    editor.select_range(meta_at, meta_at + 4)
    qtbot.keyClick(editor, Qt.Key.Key_2)
    meta = editor.selected_span
    # the selected annotation holds the new stance (Ctrl+Shift+H)
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL_SHIFT)
    # nothing chosen for the annotator: no polarity, no target, and flagged for it
    assert stances_in_db(window.project) == [
        ("attributed", (meta_at, meta_at + 4), (None, None), None, [], "")
    ]
    assert panel.tree.hasFocus()
    item = panel.tree.topLevelItem(0)
    assert item.text(0) == "ميتا" and item.text(1) == "?" and item.text(2) == "(no target)"
    assert not item.icon(0).isNull()
    problems = [panel.problem_list.item(i).text() for i in range(panel.problem_list.count())]
    assert any("choose its polarity" in p for p in problems)
    assert any("choose its target" in p for p in problems)
    assert any("no evidence" in p for p in problems)
    assert panel.polarity_combo.currentIndex() == -1 and panel.target_combo.currentIndex() == -1
    assert panel.polarity_combo.currentText() == "" and panel.polarity_combo.placeholderText()
    # keys in the list: a target's, a polarity's
    qtbot.keyClick(panel.tree, Qt.Key.Key_2)  # CLOSED_MODELS
    qtbot.keyClick(panel.tree, Qt.Key.Key_A)  # AGAINST
    qtbot.keyClick(panel.tree, Qt.Key.Key_1)  # OPEN_SOURCE_AI
    qtbot.keyClick(panel.tree, Qt.Key.Key_F)  # FAVOR
    assert stances_in_db(window.project)[0][2:4] == ("OPEN_SOURCE_AI", "FAVOR")
    assert not any("choose" in p.message for p in panel.current.problems)
    # the selected words become evidence (Ctrl+Shift+V), twice
    quote = "أكدت ميتا التزامها بتطوير نموذج 'Llama'"
    start = text.index(quote)
    editor.select_range(start, start + len(quote))
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL_SHIFT)
    plan = "مع خطط لإصدارات مستقبلية"
    second = text.index(plan)
    editor.select_range(second, second + len(plan))
    qtbot.keyClick(window, Qt.Key.Key_V, CTRL_SHIFT)
    assert stances_in_db(window.project)[0][4] == [
        (start, start + len(quote)),
        (second, second + len(plan)),
    ]
    item = panel.tree.topLevelItem(0)
    assert item.childCount() == 2 and item.child(0).text(0).startswith("❝ أكدت ميتا")
    assert item.icon(0).cacheKey() != 0 and panel.problem_list.count() == 0
    # Del on an evidence row removes that evidence only
    panel.tree.setCurrentItem(item.child(1))
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert stances_in_db(window.project)[0][4] == [(start, start + len(quote))]
    # the note
    panel.note.setText("commitment stated by the company")
    panel.note.editingFinished.emit()
    assert stances_in_db(window.project)[0][5] == "commitment stated by the company"
    # the selected stance is drawn: holder outlined with an H badge, evidence dotted
    assert panel.stance(panel.selected_stance).holder_span_id == meta
    assert "Evidence of the selected stance" in panel.tooltip(start + 2)


def test_a_stance_held_by_a_clicked_holder_towards_an_entity(qtbot, window):
    editor, panel = open_seed(window)
    text = editor.text
    zuck_at = text.index("زوكربيرج مصمم")
    editor.select_range(zuck_at, zuck_at + len("زوكربيرج"))
    qtbot.keyClick(editor, Qt.Key.Key_1)
    zuck = editor.selected_span
    meta_at = text.index("ميتا", zuck_at)
    editor.select_range(meta_at, meta_at + 4)
    qtbot.keyClick(editor, Qt.Key.Key_2)
    meta = editor.selected_span
    # nothing selected: New asks for the holder to be clicked
    editor.clear_selection()
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert panel.picker.active and "holds the stance" in window.notice.message.text()
    click_span(qtbot, editor, zuck)
    assert stances_in_db(window.project)[0][:2] == ("attributed", (zuck_at, zuck_at + 8))
    # target: an entity annotation, clicked
    combo = panel.target_combo
    combo.setCurrentIndex(combo.count() - 1)  # "An entity (click it)"
    combo.activated.emit(combo.count() - 1)
    assert panel.picker.active
    click_span(qtbot, editor, meta)
    assert stances_in_db(window.project)[0][2] == (meta_at, meta_at + 4)
    assert combo.currentData() == -1
    # deleting the holder asks, then the stance is kept and flagged
    editor.select_span(zuck)
    editor.setFocus()
    answer = Answer("Delete")
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert "1 stance (as holder or target)" in answer.text
    assert stances_in_db(window.project)[0][1] is None
    item = panel.tree.topLevelItem(0)
    assert item.text(0) == "(no holder)"
    assert any("holder span was deleted" in p.message for p in panel.current.problems)
    # Use selected: the holder again
    editor.select_span(meta)
    qtbot.mouseClick(panel.holder_selected, Qt.MouseButton.LeftButton)
    assert stances_in_db(window.project)[0][1] == (meta_at, meta_at + 4)
    # the delete button
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert stances_in_db(window.project) == []
