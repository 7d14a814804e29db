"""The editor driven like an annotator would: select, press keys, check rows and paint."""

from __future__ import annotations

from ui.bidi import offsets
from ui.editor.private_use import MARK_COLOR
from ui.qt import Qt, QtCore, QtGui
from ui.theme import tint

from .conftest import click_span, drag_select, spans_in_db

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PRESS = QtGui.QKeyEvent.Type.KeyPress


def test_select_with_the_mouse_press_a_label_key_row_and_paint(qtbot, window):
    window.open_document(3)
    editor = window.editor
    start = editor.text.index("مارك زوكربيرج")
    end = start + len("مارك زوكربيرج")
    drag_select(qtbot, editor, start + 1, end - 1)  # sloppy: inside the first and last letters
    pending = editor.pending_selection()
    assert (pending.start, pending.end, pending.text) == (start, end, "مارك زوكربيرج")
    assert window.preview.text_label.text() == "مارك زوكربيرج"
    assert window.preview.offsets.text() == offsets(start, end, brackets=True)
    assert f"selection {offsets(start, end)}" in window.selection_label.text()
    assert "مارك زوكربيرج" in window.selection_label.text()

    before = editor.highlighter.blocks_highlighted
    qtbot.keyClick(editor, Qt.Key.Key_1)
    assert editor.highlighter.blocks_highlighted - before == 1  # only its paragraph
    assert spans_in_db(window.project) == [(3, start, end, "PERS")]
    pers = window.project.schema.by_key("entity", "PERS")
    painted = editor.format_at(start).background().color()
    assert painted == tint(pers.color, editor.theme)
    assert editor.format_at(end - 1).background().color() == painted
    assert editor.format_at(end).background().style() == Qt.BrushStyle.NoBrush
    assert editor.format_at(start - 1).background().style() == Qt.BrushStyle.NoBrush
    assert editor.selected_span is not None  # the new annotation is selected
    assert window.actions["edit.undo"].text() == "&Undo Add Person"
    assert window.documents.model.summary(2).annotations == 1
    assert window.documents.model.summary(2).state == "in_progress"

    # the palette does the same as the keys
    other = editor.text.index("بلومبرغ")
    editor.select_range(other, other + 7)
    org = window.project.schema.by_key("entity", "ORG").id
    qtbot.mouseClick(window.palette_panel.buttons[org], Qt.MouseButton.LeftButton)
    assert (3, other, other + 7, "ORG") in spans_in_db(window.project)
    assert "without the clitic" in window.palette_panel.buttons[org].toolTip()  # the guideline


def test_a_selection_snaps_to_the_word_and_drops_the_clitic(qtbot, window):
    window.open_document(2)
    editor = window.editor
    word = editor.text.index("لميتا")
    drag_select(qtbot, editor, word, word + 5)
    pending = editor.pending_selection()
    assert pending.text == "ميتا" and pending.start == word + 1
    assert "clitic «ل» left out" in window.preview.hint.text()
    qtbot.keyClick(editor, Qt.Key.Key_2)
    assert spans_in_db(window.project) == [(2, word + 1, word + 5, "ORG")]
    span_id = editor.selected_span
    assert editor.layer.split_edges(span_id) == (True, False)
    assert editor.format_at(word).background().style() == Qt.BrushStyle.NoBrush  # the clitic
    assert editor.format_at(word + 1).background().style() != Qt.BrushStyle.NoBrush
    assert editor.chip_rect(span_id) is not None
    assert "left out before: «ل»" in editor.tooltip_html([span_id])


def test_alt_while_selecting_or_the_toggle_keeps_exact_characters(qtbot, window):
    window.open_document(2)
    editor = window.editor
    word = editor.text.index("لميتا")
    drag_select(qtbot, editor, word, word + 5, Qt.KeyboardModifier.AltModifier)
    assert editor.pending_selection().exact
    qtbot.keyClick(editor, Qt.Key.Key_2)
    assert spans_in_db(window.project) == [(2, word, word + 5, "ORG")]

    other = editor.text.index("ميتا", word + 10)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.actions["annotate.exact"].isChecked()
    editor.select_range(other + 1, other + 3)  # two letters in the middle of a word
    qtbot.keyClick(editor, Qt.Key.Key_5)
    assert (2, other + 1, other + 3, "PRODUCT") in spans_in_db(window.project)


def test_click_relabel_resize_delete_undo_redo(qtbot, window):
    window.open_document(3)
    qtbot.waitUntil(lambda: not window.annotations.stale)  # the list fills after the text
    editor = window.editor
    start = editor.text.index("بلومبرغ")
    editor.select_range(start, start + 7)
    qtbot.keyClick(editor, Qt.Key.Key_2)
    span_id = editor.selected_span
    editor.clear_selection()
    assert editor.selected_span is None

    click_span(qtbot, editor, span_id)
    assert editor.selected_span == span_id
    assert window.annotations.selected_span_id() == span_id
    qtbot.keyClick(editor, Qt.Key.Key_5)
    assert spans_in_db(window.project) == [(3, start, start + 7, "PRODUCT")]
    assert window.actions["edit.undo"].text() == "&Undo Relabel as Product"

    qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert editor.text[start - 1].isspace()  # passed over: a span never begins with it
    assert spans_in_db(window.project) == [(3, start - 2, start + 7, "PRODUCT")]
    qtbot.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert spans_in_db(window.project) == [(3, start, start + 7, "PRODUCT")]
    assert editor.selected_span == span_id

    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert spans_in_db(window.project) == []
    assert editor.format_at(start).background().style() == Qt.BrushStyle.NoBrush
    assert window.actions["edit.undo"].text() == "&Undo Delete Product"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert spans_in_db(window.project) == [(3, start, start + 7, "PRODUCT")]
    assert editor.format_at(start).background().style() != Qt.BrushStyle.NoBrush
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert spans_in_db(window.project) == []
    assert window.actions["edit.redo"].text() == "&Redo"


def test_undo_goes_to_the_document_it_changes(qtbot, window):
    window.open_document(1)
    editor = window.editor
    start = editor.text.index("جوجل")
    editor.select_range(start, start + 4)
    qtbot.keyClick(editor, Qt.Key.Key_2)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_document_id == 2
    window.actions["edit.undo"].trigger()
    assert window.current_document_id == 1
    assert spans_in_db(window.project) == []
    window.actions["edit.redo"].trigger()
    assert spans_in_db(window.project) == [(1, start, start + 4, "ORG")]


def test_edge_keys_adjust_a_selection_skipping_whitespace_escape_and_tab(qtbot, window):
    window.open_document(3)
    editor = window.editor
    start = editor.text.index("بلومبرغ")
    editor.select_range(start, start + 7)
    qtbot.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # start: in
    assert editor.text[start + 7].isspace()
    qtbot.keyClick(editor, Qt.Key.Key_Comma, Qt.KeyboardModifier.AltModifier)  # end: out
    pending = editor.pending_selection()
    # the end passes over the space to the next letter: no span ends with whitespace
    after = start + 8
    assert (pending.start, pending.end, pending.exact) == (start + 1, after + 1, True)
    qtbot.keyClick(editor, Qt.Key.Key_Period, Qt.KeyboardModifier.AltModifier)  # end: in
    pending = editor.pending_selection()
    assert (pending.start, pending.end) == (start + 1, start + 7)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.pending_selection() is None

    for word in ("زوكربيرج", "ميتا"):
        s = editor.text.index(word)
        editor.select_range(s, s + len(word))
        qtbot.keyClick(editor, Qt.Key.Key_2)
    editor.clear_selection()
    editor.setTextCursor(QtGui.QTextCursor(editor.document()))
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    first = editor.selected_span
    assert editor.layer.spans[first].start == editor.text.index("ميتا")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.layer.spans[editor.selected_span].start == editor.text.index("زوكربيرج")
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.selected_span == first


def test_label_keys_work_with_an_arabic_keyboard_layout(qtbot, window):
    window.open_document(3)
    editor = window.editor
    start = editor.text.index("بلومبرغ")
    editor.select_range(start, start + 7)
    # the "2" key on a layout typing Arabic-Indic digits
    event = QtGui.QKeyEvent(
        QtGui.QKeyEvent.Type.KeyPress, 0x0662, Qt.KeyboardModifier.NoModifier, "٢"
    )
    editor.keyPressEvent(event)
    assert spans_in_db(window.project) == [(3, start, start + 7, "ORG")]
    # the "q" key on the Arabic layout types ض: no entity label has it, so it goes to the
    # extensions, where it is the key of event type Business.Acquire
    trigger = editor.text.index("استحواذ")
    editor.select_range(trigger, trigger + len("استحواذ"))
    event = QtGui.QKeyEvent(
        QtGui.QKeyEvent.Type.KeyPress, 0x0636, Qt.KeyboardModifier.NoModifier, "ض"
    )
    editor.keyPressEvent(event)
    with window.project.read() as conn:
        rows = conn.exec_driver_sql(
            'SELECT l.key, e.start, e."end" FROM event_mention e JOIN label l ON l.id = e.type_id'
        ).fetchall()
    assert rows == [("Business.Acquire", trigger, trigger + len("استحواذ"))]
    # keys nobody uses are still offered to later extensions
    seen = []
    window.register_label_key_handler(lambda key, exact: seen.append(key) or True)
    editor.keyPressEvent(
        QtGui.QKeyEvent(
            QtGui.QKeyEvent.Type.KeyPress, Qt.Key.Key_Z, Qt.KeyboardModifier.NoModifier, "z"
        )
    )
    assert seen == ["z"]


def test_nested_spans_background_inside_underline_outside(qtbot, window):
    window.open_document(3)
    editor = window.editor
    outer = editor.text.index("شركة ميتا")
    inner = outer + len("شركة ")
    editor.select_range(outer, outer + 9)
    qtbot.keyClick(editor, Qt.Key.Key_2)
    outer_id = editor.selected_span
    editor.select_range(inner, inner + 4)
    qtbot.keyClick(editor, Qt.Key.Key_2)
    inner_id = editor.selected_span
    assert editor.layer.levels([outer_id, inner_id]) == {outer_id: 1, inner_id: 0}
    assert editor.format_at(inner).background() == editor.format_at(outer).background()
    assert editor.layer.innermost_at(inner) == [inner_id, outer_id]
    # the two chips do not overlap
    assert not editor.chip_rect(outer_id).intersects(editor.chip_rect(inner_id))
    # the outer one is drawn over both words, on one line
    boxes = editor.span_boxes(outer_id)
    assert len(boxes) == 1 and boxes[0].rect.width() > editor.span_boxes(inner_id)[0].rect.width()


def test_offsets_stay_right_after_characters_outside_the_bmp(qtbot, make_window, project, tmp_path):
    from core.documents.importing import import_documents

    text = "تعليق 😀😀 على منشور ميتا 🚀 عن Llama 4 اليوم"
    (tmp_path / "emoji.txt").write_text(text, encoding="utf-8")
    import_documents(project, [tmp_path / "emoji.txt"])
    window = make_window(project)
    editor = window.editor
    start = text.index("Llama 4")
    drag_select(qtbot, editor, start, start + 7)
    assert editor.pending_selection().text == "Llama 4"
    qtbot.keyClick(editor, Qt.Key.Key_5)
    assert spans_in_db(project) == [(1, start, start + 7, "PRODUCT")]
    cursor = QtGui.QTextCursor(editor.document())
    cursor.setPosition(editor.qt_position(start))
    cursor.setPosition(editor.qt_position(start + 7), QtGui.QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Llama 4"
    assert editor.format_at(start).background().style() != Qt.BrushStyle.NoBrush
    assert editor.format_at(start - 1).background().style() == Qt.BrushStyle.NoBrush


def _on_screen(window) -> QtGui.QImage:
    """What the editor shows now: the offscreen platform's copy of its backing store,
    which only the repaints Qt was asked for have changed (a grab() would paint anew)."""
    from ui.qt import QtWidgets

    window.editor.clearFocus()  # no caret: it blinks, and marks bidi direction
    QtWidgets.QApplication.processEvents()
    viewport = window.editor.viewport()
    corner = viewport.mapTo(window, QtCore.QPoint(0, 0))
    screen = window.windowHandle().screen()
    shot = screen.grabWindow(window.winId()).toImage()
    return shot.copy(QtCore.QRect(corner, viewport.size()))


def _shown_afresh(window) -> QtGui.QImage:
    """The same place of the document drawn from scratch (F5)."""
    scroll = window.editor.verticalScrollBar()
    place = scroll.value()
    window.reload()
    _on_screen(window)  # laid out (the scroll range known) before scrolling back
    scroll.setValue(place)
    return _on_screen(window)


def test_only_the_changed_lines_are_repainted_and_they_match_a_fresh_paint(qtbot, window):
    window.open_document(3)
    editor = window.editor
    text = editor.text
    # a word on the second line or later of a long paragraph in view
    cursor = editor.cursorForPosition(editor.viewport().rect().center())
    block = cursor.block()
    assert block.layout().lineCount() > 2
    line = block.layout().lineAt(1)
    middle = editor.cp_position(block.position() + line.textStart() + line.textLength() // 2)
    start = text.rfind(" ", 0, middle) + 1
    end = text.find(" ", start)
    first = text.index("بلومبرغ")  # the set's first annotation redraws the whole view
    editor.select_range(first, first + 7)
    qtbot.keyClick(editor, Qt.Key.Key_1)
    editor.select_range(start, end)
    _on_screen(window)
    painted = []
    original = editor.paintEvent

    def record(event):
        painted.append(event.region().boundingRect())
        original(event)

    editor.paintEvent = record
    qtbot.keyClick(editor, Qt.Key.Key_1)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # no selection outline to compare
    incremental = _on_screen(window)
    editor.paintEvent = original
    assert painted, "the new annotation was not painted"
    paragraph = editor.blockBoundingGeometry(block).height()
    assert max(r.height() for r in painted) < paragraph / 2  # its lines, not its paragraph
    assert incremental == _shown_afresh(window)

    # an outer span (underlined, its chip, the inner one's level) and removing it again
    outer_end = text.find(" ", end + 1)
    editor.select_range(start, outer_end)
    qtbot.keyClick(editor, Qt.Key.Key_2)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert _on_screen(window) == _shown_afresh(window)
    window.undo()
    assert _on_screen(window) == _shown_afresh(window)


def test_the_selected_span_outline_never_covers_its_chip(qtbot, window):
    window.open_document(3)
    editor = window.editor
    start = editor.text.index("بلومبرغ")
    editor.select_range(start, start + 7)
    qtbot.keyClick(editor, Qt.Key.Key_2)
    span_id = editor.selected_span
    rect = editor.chip_rect(span_id)
    chip = editor._chip_pixmap(editor.layer.spans[span_id].label_id).toImage()
    corner = rect.topLeft().toPoint()
    assert rect.topLeft() == QtCore.QPointF(corner)  # drawn on whole pixels
    shot = editor.viewport().grab().toImage()
    opaque = [
        (x, y)
        for x in range(chip.width())
        for y in range(chip.height())
        if QtGui.QColor.fromRgba(chip.pixel(x, y)).alpha() == 255
    ]
    differ = [
        (x, y) for x, y in opaque if shot.pixel(corner.x() + x, corner.y() + y) != chip.pixel(x, y)
    ]
    assert opaque and not differ


def test_private_use_characters_are_outlined_and_explained(qtbot, window):
    """Letters lost in PDF extraction (private-use code points) are outlined in the
    warning colour, and their tooltip names the code point."""
    damaged = [
        d for d in range(1, 6) if window.open_document(d) and max(window.editor.text) >= "\ue000"
    ]
    assert damaged
    window.open_document(damaged[0])
    editor = window.editor
    positions = editor.private_use.positions
    assert positions == [i for i, c in enumerate(editor.text) if 0xE000 <= ord(c) <= 0xF8FF]
    first = positions[0]
    assert f"U+{ord(editor.text[first]):04X}" in editor.private_use.tooltip(first)
    clean = next(i for i in range(len(editor.text)) if i not in positions)
    assert editor.private_use.tooltip(clean) is None
    editor.ensure_visible(first)
    (box,) = editor.range_boxes(first, first + 1)
    shot = editor.viewport().grab().toImage()
    rect = box.rect.adjusted(-1, 1, 1, -1).toAlignedRect()
    border = [QtCore.QPoint(x, rect.top()) for x in range(rect.left(), rect.right())]
    hue = QtGui.QColor(MARK_COLOR).hueF()

    def marked(point):  # antialiasing blends the pen with the background, not its hue
        colour = QtGui.QColor(shot.pixel(point))
        return colour.saturationF() > 0.3 and abs(colour.hueF() - hue) < 0.03

    assert sum(map(marked, border)) >= rect.width() // 2
