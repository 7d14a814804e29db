"""The main window as a whole: documents, states, identity, settings, host API."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.annotation.annotators import ensure_annotator, set_annotator_role
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span
from core.project.errors import OperationError
from ui import bindings, settings
from ui.fonts import BUNDLED_FAMILY, load_bundled_fonts, text_font
from ui.qt import Qt, QtCore, QtGui, QtWidgets

from .conftest import label_id, spans_in_db


def test_bundled_arabic_font_is_loaded(qapp):
    assert load_bundled_fonts() == BUNDLED_FAMILY
    font = text_font()
    assert QtGui.QFontInfo(font).family() == BUNDLED_FAMILY
    metrics = QtGui.QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "ميتاMeta AI14.3")


def test_window_lists_the_documents_and_shows_the_first_rtl(window):
    assert window.windowTitle().startswith("Tawsim demo")
    model = window.documents.model
    assert model.rowCount() == 5
    assert (
        model.index(0, 0).data() == "ميتا تفكر في دمج نماذج جوجل وأوبن إيه آي لدعم تقنياتها الذكية"
    )
    assert model.index(0, 1).data() == "New"
    assert model.index(0, 2).data() == 0
    assert window.current_document_id == 1
    window.documents.view.setCurrentIndex(model.index(2, 0))
    editor = window.editor
    assert window.current_document_id == 3
    assert editor.text.startswith("تكنولوجيا / البوابة العربية للأخبار التقنية")
    assert editor.isReadOnly()
    option = editor.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    assert QtGui.QFontInfo(editor.font()).family() == BUNDLED_FAMILY
    names = ("file", "edit", "view", "annotate", "review", "help")
    assert [window.menu(m).title().replace("&", "") for m in names] == [
        "File", "Edit", "View", "Annotate", "Review", "Help"
    ]  # fmt: skip
    assert window.position_label.text() == "Document 3 of 5"
    assert window.identity_label.text() == "Annotator: Salma"


def test_a_paragraph_starting_with_latin_is_still_right_to_left(make_window, project, tmp_path):
    from core.documents.importing import import_documents

    f = tmp_path / "mixed.txt"
    f.write_text("Meta AI هو روبوت الدردشة من ميتا\nميتا تطلق Llama 4 اليوم", encoding="utf-8")
    import_documents(project, [f])
    window = make_window(project, size=(900, 500))
    view = window.editor
    first = view.document().begin()
    assert first.text().startswith("Meta AI")
    assert first.textDirection() == Qt.LayoutDirection.RightToLeft
    cursor = view.textCursor()
    cursor.setPosition(0)
    start_x = view.cursorRect(cursor).x()
    cursor.setPosition(first.length() - 1)
    end_x = view.cursorRect(cursor).x()
    assert start_x > view.viewport().width() / 2
    assert end_x < start_x


def test_refusals_show_in_the_notice_strip_without_a_dialog(qtbot, window):
    window.open_document(3)
    editor = window.editor
    start = editor.text.index("بلومبرغ")
    for _ in range(2):
        editor.select_range(start, start + 7)
        qtbot.keyClick(editor, Qt.Key.Key_2)
    assert window.notice.isVisible()
    assert window.notice.kind == "error"
    assert "already annotated as Organization" in window.notice.message.text()
    assert QtWidgets.QApplication.activeModalWidget() is None

    def refuse(project):
        raise OperationError("no, because of a reason")

    assert window.run_operation(refuse) is None
    assert window.notice.message.text() == "no, because of a reason"


def test_finish_moves_to_the_next_unfinished_and_ctrl_page_keys_move(qtbot, window):
    window.open_document(1)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, ctrl)
    assert window.current_document_id == 2
    assert window.documents.model.summary(0).state == "finished"
    assert window.actions["edit.undo"].text() == "&Undo Finish document"
    qtbot.keyClick(window.editor, Qt.Key.Key_PageDown, ctrl)
    qtbot.keyClick(window.editor, Qt.Key.Key_PageDown, ctrl)
    assert window.current_document_id == 4
    qtbot.keyClick(window.editor, Qt.Key.Key_PageUp, ctrl)
    assert window.current_document_id == 3
    window.open_document(5)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, ctrl)  # wraps around, skipping 1
    assert window.current_document_id == 2
    # the state filter lists only what is left
    window.documents.states.setCurrentIndex(1)  # Unfinished
    assert window.documents.model.ids == [2, 3, 4]


def test_annotator_switch_hides_the_other_set_and_curators_view_it_read_only(qtbot, window):
    project = window.project
    window.open_document(3)
    editor = window.editor
    start = editor.text.index("بلومبرغ")
    editor.select_range(start, start + 7)
    qtbot.keyClick(editor, Qt.Key.Key_2)
    assert len(editor.layer.spans) == 1

    window.switch_annotator("Omar")
    assert window.annotator.name == "Omar"
    assert window.current_document_id == 3
    assert editor.layer.spans == {}  # blind: Salma's work is not shown
    assert editor.format_at(start).background().style() == Qt.BrushStyle.NoBrush
    assert window.documents.model.summary(2).annotations == 0
    assert not window.view_set(window.annotator.id - 1)  # Omar is no curator
    assert "Only curators" in window.notice.message.text()

    salma = ensure_annotator(project, "Salma").value
    set_annotator_role(project, window.annotator.id, "curator")
    window.reload()
    assert window.view_set(salma)
    assert window.read_only
    assert len(editor.layer.spans) == 1
    assert editor.format_at(start).background().style() != Qt.BrushStyle.NoBrush
    assert "Viewing Salma" in window.identity_label.text()
    editor.select_range(start - 10, start - 5)
    qtbot.keyClick(editor, Qt.Key.Key_1)  # refused: read-only
    assert spans_in_db(project, "Salma") == [(3, start, start + 7, "ORG")]
    assert spans_in_db(project, "Omar") == []
    assert "read-only" in window.notice.message.text()
    window.view_own_set()
    assert editor.layer.spans == {}
    assert not window.read_only


def test_first_start_asks_for_the_annotator_name_and_remembers_it(qapp, tawsim_home):
    from core.project.appstate import load_state
    from ui.app import resolve_annotator
    from ui.dialogs.annotator import AnnotatorDialog, os_user_name

    asked = []
    assert (
        resolve_annotator(load_state(), lambda default: asked.append(default) or "Salma") == "Salma"
    )
    assert asked == [os_user_name()]
    assert load_state().annotator == "Salma"
    assert resolve_annotator(load_state(), lambda default: asked.append(default)) == "Salma"
    assert len(asked) == 1
    dialog = AnnotatorDialog(None, "", first_start=True)
    assert dialog.chosen_name() == os_user_name()


def test_layout_zoom_and_theme_are_remembered_in_an_isolated_settings_file(
    qtbot, make_window, seeded_project, tawsim_home
):
    assert Path(settings.settings_path()).is_relative_to(tawsim_home)
    window = make_window(seeded_project)
    size = window.editor.font().pointSize()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.font().pointSize() == size + 1
    window.docks["labels"].hide()
    window.set_theme("dark")
    window.close()
    assert Path(settings.settings_path()).is_file()

    again = make_window(seeded_project)
    assert again.editor.font().pointSize() == size + 1
    assert not again.docks["labels"].isVisible()
    assert again.docks["documents"].isVisible()
    assert again.actions["view.theme_dark"].isChecked()
    again.reset_layout()
    assert again.docks["labels"].isVisible()
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.editor.font().pointSize() == 15
    again.set_theme("light")


def test_shortcuts_sheet_is_generated_from_the_bindings(window):
    dialog = window.show_shortcuts()
    text = dialog.browser.toPlainText()
    for b in bindings.BINDINGS:
        assert b.description in text
    assert "Organization" in text and not re.search(r"\bORG\b", text)  # names, not keys
    assert "2 / ٢" in text
    assert window.actions["edit.undo"].shortcut().toString() == "Ctrl+Z"
    dialog.close()


def test_host_api_panels_actions_and_changes(qtbot, window):
    seen = []
    window.operation_did_execute.connect(seen.append)
    panel = QtWidgets.QLabel("an extension panel")
    dock = window.add_panel("extra", "Extra", panel)
    assert dock.objectName() == "panel-extra"
    assert dock.toggleViewAction() in window.menu("panels").actions()
    triggered = []
    action = window.add_action("review", "Review dashboard", lambda: triggered.append(1))
    action.trigger()
    assert triggered == [1]
    project = window.project
    annotator = window.annotator.id
    with project.write() as tx:
        set_id = ensure_set(tx, 4, annotator)
    result = window.run_operation(add_span, set_id, 1, 5, label_id(window, "ORG"))
    assert seen[-1] is result.changes
    assert window.documents.model.summary(3).annotations == 1


def test_documents_list_is_lazy_and_filters_with_folding(qtbot, make_window, project, tmp_path):
    import json

    from core.documents.importing import import_documents

    def line(i):
        title = f"مقال {i}" + (" عن الإستراتيجية" if i == 777 else "")
        return json.dumps({"title": title, "text": f"نص {i}"}, ensure_ascii=False)

    lines = [line(i) for i in range(3000)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines), encoding="utf-8")
    import_documents(project, [tmp_path / "many.jsonl"])
    window = make_window(project)
    model = window.documents.model
    assert model.rowCount() == 3000
    assert model.pages_read <= 3  # only the rows on screen were read
    window.documents.filter.setText("استراتيجيه")  # no hamza, heh for teh marbuta
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, 0).data() == "مقال 777 عن الإستراتيجية"
    window.documents.filter.setText("#42")
    qtbot.waitUntil(lambda: model.ids == [42])
    window.documents.filter.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 3000)


def test_annotation_list_sorts_and_choosing_selects_in_the_text(qtbot, window):
    window.open_document(3)
    qtbot.waitUntil(lambda: not window.annotations.stale)  # the list fills after the text
    editor = window.editor
    for word, key in (
        ("زوكربيرج", Qt.Key.Key_1),
        ("بلومبرغ", Qt.Key.Key_2),
        ("ميتا", Qt.Key.Key_2),
    ):
        s = editor.text.index(word)
        editor.select_range(s, s + len(word))
        qtbot.keyClick(editor, key)
    panel = window.annotations
    assert panel.model.rowCount() == 3
    panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by label
    first = panel.model.index(0, 0).data()
    assert first == "Organization"
    row_text = panel.model.index(2, 1).data()
    assert row_text == "زوكربيرج"
    index = panel.model.index(2, 1)
    panel.view.setCurrentIndex(index)
    span = editor.layer.spans[editor.selected_span]
    assert editor.text[span.start : span.end] == "زوكربيرج"
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # Delete in the list deletes
    assert [r[3] for r in spans_in_db(window.project)] == ["ORG", "ORG"]


def test_new_open_close_and_recent_projects(qtbot, window, tmp_path):
    from core.project.appstate import load_state

    first = window.project.path
    assert window.create_project(tmp_path / "fresh.tawsim", "Fresh", "ai-news-ar")
    assert window.windowTitle() == "Fresh — Tawsim"
    assert window.documents.model.rowCount() == 0
    assert window.annotator.name == "Salma"
    assert load_state().recent_projects[:2] == [
        str((tmp_path / "fresh.tawsim").resolve()),
        str(first.resolve()),
    ]
    window.close_project()
    assert window.project is None
    assert window.pages.currentWidget() is window.welcome_page
    assert not window.actions["file.import"].isEnabled()
    assert window.recent_list.count() == 2
    assert window.open_project_file(first)
    assert window.documents.model.rowCount() == 5


def test_new_project_dialog_suggests_a_file_and_lists_presets(qapp, tmp_path):
    from ui.dialogs.new_project import NewProjectDialog

    dialog = NewProjectDialog(None, tmp_path)
    dialog.name.setText("AI news")
    path, name, preset = dialog.chosen()
    assert path == tmp_path / "AI news.tawsim"
    assert (name, preset) == ("AI news", "ai-news-ar")
    assert dialog.preset.count() >= 1


def test_annotation_list_keeps_its_order_when_rows_are_patched(qtbot, window):
    window.open_document(3)
    qtbot.waitUntil(lambda: not window.annotations.stale)  # the list fills after the text
    editor = window.editor
    panel = window.annotations
    panel.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by start, last first
    starts = []
    for word in ("زوكربيرج", "بلومبرغ", "ميتا", "Avocado"):
        s = editor.text.index(word)
        editor.select_range(s, s + len(word))
        qtbot.keyClick(editor, Qt.Key.Key_2)
        starts.append(s)
        shown = [panel.model.index(r, 2).data() for r in range(panel.model.rowCount())]
        assert shown == sorted(starts, reverse=True)
        assert panel.selected_span_id() == editor.selected_span
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    shown = [panel.model.index(r, 2).data() for r in range(panel.model.rowCount())]
    assert shown == sorted(starts[:-1], reverse=True)


def test_a_curator_edits_the_gold_set_entities_events_and_state(qtbot, window):
    from sqlalchemy import select

    from core.annotation.annotators import set_annotator_role
    from core.annotation.events import events_of_set
    from models.tables import AnnotationSet

    project = window.project
    set_annotator_role(project, window.annotator.id, "curator")
    window.reload()
    window.open_document(3)
    assert window.view_set(None, gold=True)
    assert not window.read_only
    editor = window.editor
    start = editor.text.index("بلومبرغ")
    editor.select_range(start, start + 7)
    qtbot.keyClick(editor, Qt.Key.Key_2)  # ORG, into the gold set
    trigger = editor.text.index("تطوير")
    editor.select_range(trigger, trigger + 5)
    qtbot.keyClick(editor, Qt.Key.Key_Q)  # an event type's key: Business.Acquire
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with project.read() as conn:
        gold = conn.execute(
            select(AnnotationSet.id, AnnotationSet.state).where(
                AnnotationSet.document_id == 3, AnnotationSet.annotator_id.is_(None)
            )
        ).one()
        events = events_of_set(conn, gold.id)
    assert gold.state == "finished"
    assert [(e.start, e.end) for e in events] == [(trigger, trigger + 5)]
    assert spans_in_db(project, "Salma") == []
    with project.read() as conn:
        gold_spans = conn.exec_driver_sql(
            'SELECT start, "end" FROM entity_span WHERE set_id = ?', (gold.id,)
        ).all()
    assert [tuple(r) for r in gold_spans] == [(start, start + 7)]


def test_the_window_fits_a_laptop_with_every_panel_open(qtbot, window):
    """1366×768 screens: with every panel shown the window can be 1024×640, never grows
    by itself, and the panels give way before the text falls under half the width."""
    for dock in window.docks.values():
        dock.show()
    window.search.show_corpus_search()
    qtbot.wait(10)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 640, hint
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.centralWidget().width() * 2 >= window.width() - 2)
    assert (window.width(), window.height()) == (1024, 640)
    window.resize(1366, 768)
    qtbot.wait(20)
    assert (window.width(), window.height()) == (1366, 768)


def test_the_first_layout_shows_six_document_rows_at_1280_by_800(qtbot, window):
    window.resize(1280, 800)
    qtbot.wait(20)
    view = window.documents.view
    rows = view.viewport().height() / view.verticalHeader().defaultSectionSize()
    assert rows >= 6, rows


def test_the_event_roles_keep_five_rows_and_nothing_overlaps(qtbot, window):
    panel = window.panels["events"]
    window.docks["events"].raise_()
    window.resize(1280, 800)
    qtbot.wait(20)
    row = panel.roles.fontMetrics().height() + 8
    assert panel.roles.height() >= 5 * row
    below = panel.candidate_label.mapTo(panel, QtCore.QPoint(0, 0)).y()
    assert panel.roles.mapTo(panel, QtCore.QPoint(0, panel.roles.height())).y() <= below


def _drop(window, paths):
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(p)) for p in paths])
    point = QtCore.QPointF(window.rect().center())
    action = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QtGui.QDragEnterEvent(point.toPoint(), action, mime, buttons, modifiers)
    QtWidgets.QApplication.sendEvent(window, enter)
    drop = QtGui.QDropEvent(point, action, mime, buttons, modifiers)
    QtWidgets.QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropped_document_files_are_imported(qtbot, make_window, project, tmp_path):
    window = make_window(project)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("مقال عن ميتا", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "مقال عن لاما"}\n', encoding="utf-8")
    assert _drop(window, [folder, tmp_path / "b.jsonl"]) == (True, True)
    task = window._tasks[-1]
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert window.documents.model.rowCount() == 2


def test_a_dropped_annotation_file_is_named_and_nothing_is_imported(
    qtbot, make_window, project, tmp_path
):
    window = make_window(project)
    (tmp_path / "gold.conll").write_text("ميتا B-ORG\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("نص", encoding="utf-8")
    _drop(window, [tmp_path / "c.txt", tmp_path / "gold.conll"])
    assert window.notice.kind == "error" and "gold.conll" in window.notice.message.text()
    assert window.documents.model.rowCount() == 0 and not window._tasks


def test_a_dropped_project_file_opens(qtbot, make_window, seeded_project):
    window = make_window(None)
    _drop(window, [seeded_project.path])
    assert window.project is not None and window.project.path == seeded_project.path
    assert window.documents.model.rowCount() == 5


def test_the_status_bar_says_the_last_change_is_saved(qtbot, window):
    window.saved_label.setText("")
    window.open_document(1)
    assert window.saved_label.text() == "All changes saved"
    start = window.editor.text.index("ميتا")
    window.editor.select_range(start, start + 4)
    qtbot.keyClick(window.editor, Qt.Key.Key_2)
    assert spans_in_db(window.project)  # committed…
    assert window.saved_label.text().startswith("Saved ")  # …and said so


LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
# where lines start: labels, annotations (with excluded text and suggestions behind them);
# across the text: documents over events (stances behind them)
SIDES = {
    "en": {
        "labels": LEFT,
        "annotations": LEFT,
        "excluded": LEFT,
        "suggestions": LEFT,
        "documents": RIGHT,
        "events": RIGHT,
        "stances": RIGHT,
        "search": BOTTOM,
    },
    "ar": {
        "labels": RIGHT,
        "annotations": RIGHT,
        "excluded": RIGHT,
        "suggestions": RIGHT,
        "documents": LEFT,
        "events": LEFT,
        "stances": LEFT,
        "search": BOTTOM,
    },
}


def dock_areas(window):
    return {name: window.dockWidgetArea(dock) for name, dock in window.docks.items()}


def speak(qapp, translations, language):
    from ui import i18n

    i18n.install(qapp, language, translations)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_panels_stand_where_lines_start_in_each_language(
    qapp, translations, language, make_window, seeded_project
):
    speak(qapp, translations, language)
    window = make_window(seeded_project)
    assert dock_areas(window) == SIDES[language]
    text = window.centralWidget().geometry()
    labels, documents = window.docks["labels"].geometry(), window.docks["documents"].geometry()
    if language == "ar":
        assert documents.right() < text.left() and text.right() < labels.left()
    else:
        assert labels.right() < text.left() and text.right() < documents.left()


def test_each_language_keeps_its_own_layout(qapp, translations, make_window, seeded_project):
    """A layout saved in English is not restored with English sides in Arabic (the
    language changes from the next start): each direction has its own."""
    english = make_window(seeded_project)
    english.docks["labels"].hide()
    english.close()

    speak(qapp, translations, "ar")
    arabic = make_window(seeded_project)
    assert dock_areas(arabic) == SIDES["ar"]
    assert arabic.docks["labels"].isVisible()  # the first arrangement, mirrored
    arabic.docks["events"].hide()
    arabic.close()

    speak(qapp, translations, "en")
    again = make_window(seeded_project)
    assert dock_areas(again) == SIDES["en"]
    assert not again.docks["labels"].isVisible() and again.docks["events"].isVisible()
    again.close()

    speak(qapp, translations, "ar")
    arabic_again = make_window(seeded_project)
    assert dock_areas(arabic_again) == SIDES["ar"]
    assert arabic_again.docks["labels"].isVisible()
    assert not arabic_again.docks["events"].isVisible()


def test_a_window_deleted_without_being_closed_runs_no_code_on_its_remains(qtbot, seeded_project):
    """A script that ends with its window open (a benchmark, a crash on the way out) has
    the window deleted under it: the panels' signals then fire while it goes, and a slot
    touching the window raised "Internal C++ object (MainWindow) already deleted"."""
    import shiboken6

    from ui.main_window import MainWindow

    window = MainWindow(seeded_project, annotator="Salma")
    window.show()
    qtbot.waitExposed(window)
    window.wait_for_tasks()
    shiboken6.delete(window)
    QtWidgets.QApplication.processEvents()  # pytest-qt fails the test on a slot's error
