"""Excluded regions: greyed and hatched in the editor, refused to annotation with a
message, listed with a way back; for everyone only by a curator."""

from __future__ import annotations

from core.annotation.annotators import ensure_annotator, set_annotator_role
from ui.bidi import offsets
from ui.editor.layer import excluded_text_color
from ui.qt import Qt

from .conftest import spans_in_db

DOC = 4
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
BOILERPLATE = "جرب ميزات الذكاء الاصطناعي لدينا"


def regions_in_db(project):
    with project.read() as conn:
        return conn.exec_driver_sql(
            'SELECT set_id IS NULL, start, "end", reason FROM excluded_region ORDER BY start'
        ).fetchall()


def test_excluding_greys_the_text_and_annotation_there_is_refused(qtbot, window):
    window.open_document(DOC)
    editor = window.editor
    panel = window.panels["excluded"]
    text = editor.text
    start = text.index(BOILERPLATE)
    musk = text.index("ماسك", start)
    # an annotation made before: kept, and counted when the text is excluded
    editor.select_range(musk, musk + 4)
    qtbot.keyClick(editor, Qt.Key.Key_1)
    panel.reason.setText("related articles")
    editor.select_range(start, len(text))
    qtbot.keyClick(window, Qt.Key.Key_X, CTRL_SHIFT)
    assert regions_in_db(window.project) == [(0, start, len(text), "related articles")]
    assert window.actions["edit.undo"].text() == "&Undo Exclude text"
    message = window.notice.message.text()
    assert f"Excluded characters {offsets(start, len(text))}" in message
    assert "yours: 1 entity annotation" in message
    # greyed letters and a hatched background exactly there
    grey = excluded_text_color(editor.theme)
    for position in (start, start + 5, len(text) - 1):
        fmt = editor.format_at(position)
        assert fmt.foreground().color() == grey
        assert fmt.background().style() == Qt.BrushStyle.BDiagPattern
    # the older span inside keeps its tint (and is flagged), its letters greyed too
    inside = editor.format_at(musk)
    assert inside.foreground().color() == grey
    assert inside.background().style() == Qt.BrushStyle.SolidPattern
    before = editor.format_at(start - 2)
    assert before.foreground().style() == Qt.BrushStyle.NoBrush
    assert before.background().style() == Qt.BrushStyle.NoBrush
    assert "1 annotation" in panel.status.text()
    # shown again (F5), still greyed
    window.reload()
    assert editor.format_at(start).background().style() == Qt.BrushStyle.BDiagPattern
    # annotating there is refused, and the strip says why
    other = text.index("ترامب", start)
    editor.select_range(other, other + 5)
    action, shown, where, hint = window.preview.describe()
    assert "Excluded text" in action and shown == "ترامب"
    assert where == offsets(other, other + 5, brackets=True) and "cannot be placed here" in hint
    qtbot.keyClick(editor, Qt.Key.Key_1)
    assert window.notice.kind == "error"
    assert "cannot be placed in excluded text" in window.notice.message.text()
    assert spans_in_db(window.project, document_id=DOC) == [(DOC, musk, musk + 4, "PERS")]
    # the panel lists the region; Del includes it again
    assert panel.list.topLevelItemCount() == 1
    item = panel.list.topLevelItem(0)
    assert item.text(0) == "me" and item.text(1) == offsets(start, len(text))
    assert item.text(3) == "related articles"
    assert "Excluded</b> from your annotation: related articles" in panel.tooltip(other)
    panel.list.setCurrentItem(item)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert regions_in_db(window.project) == []
    assert editor.format_at(start).background().style() == Qt.BrushStyle.NoBrush
    window.undo()
    assert regions_in_db(window.project) == [(0, start, len(text), "related articles")]
    assert editor.format_at(start).background().style() == Qt.BrushStyle.BDiagPattern
    # Include selection again trims the region
    editor.select_range(start, start + len(BOILERPLATE))
    window.panels["excluded"].include_selection()
    assert regions_in_db(window.project) == [
        (0, start + len(BOILERPLATE), len(text), "related articles")
    ]


def test_for_everyone_is_for_curators_only(qtbot, make_window, seeded_project):
    window = make_window(seeded_project)
    window.open_document(DOC)
    editor = window.editor
    panel = window.panels["excluded"]
    start = editor.text.index(BOILERPLATE)
    editor.select_range(start, len(editor.text))
    assert not panel.everyone_button.isEnabled()
    panel.exclude_selection_for_everyone()
    assert window.notice.kind == "error"
    assert "Only a curator (the lead) can exclude text for everyone" in (
        window.notice.message.text()
    )
    assert regions_in_db(seeded_project) == []
    # Omar annotated there already
    omar = ensure_annotator(seeded_project, "Omar").value
    from core.annotation.spans import annotate

    musk = editor.text.index("ماسك", start)
    annotate(
        seeded_project, DOC, omar, musk, musk + 4, seeded_project.schema.by_key("entity", "PERS").id
    )
    set_annotator_role(seeded_project, window.annotator.id, "curator")
    window.reload()
    assert panel.everyone_button.isEnabled()
    editor.select_range(start, len(editor.text))
    qtbot.mouseClick(panel.everyone_button, Qt.MouseButton.LeftButton)
    assert regions_in_db(seeded_project) == [(1, start, len(editor.text), "")]
    assert "Omar: 1 entity annotation" in window.notice.message.text()
    assert panel.list.topLevelItem(0).text(0) == "everyone"
    # another annotator sees it greyed too, and cannot include it
    window.switch_annotator("Omar")
    assert editor.format_at(start).background().style() == Qt.BrushStyle.BDiagPattern
    editor.select_range(start, start + 10)
    panel.include_selection()
    assert "only a curator can include it" in window.notice.message.text()
    assert len(regions_in_db(seeded_project)) == 1
