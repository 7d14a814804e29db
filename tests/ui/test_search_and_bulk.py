"""Find in the document, search the corpus, annotate all occurrences, import."""

from __future__ import annotations

from ui.dialogs.annotate_all import AnnotateAllDialog
from ui.notice import WARNING
from ui.qt import Qt, QtWidgets

from .conftest import spans_in_db


def test_ctrl_f_finds_with_arabic_folding_and_highlights_every_match(qtbot, window):
    window.open_document(3)
    editor = window.editor
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible()
    bar.query.insert("استراتيجيه")  # no hamza, heh for teh marbuta (QTest types ASCII only)
    assert bar.hits
    start, end = bar.hits[0]
    assert editor.text[start:end] == "إستراتيجية"
    assert len(editor.extraSelections()) == len(bar.hits)
    assert editor.raw_selection() == (start, end)
    assert bar.count.text() == f"1 of {len(bar.hits)}"

    bar.query.clear()
    bar.query.insert("ميتا")
    total = len(bar.hits)
    assert total > 5
    assert all(editor.text[s:e] in ("ميتا", "ميتا") for s, e in bar.hits)
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert bar.current == 1 and editor.raw_selection() == bar.hits[1]
    qtbot.keyClick(bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == 0
    # what was found can be tagged right away
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_2)
    s, e = bar.hits[0]
    assert spans_in_db(window.project) == [(3, s, e, "ORG")]
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert editor.extraSelections() == []


def test_corpus_search_lists_hits_with_context_and_opens_the_document_there(qtbot, window):
    window.show_corpus_search()
    panel = window.search_panel
    assert window.docks["search"].isVisible()
    assert panel.index is not None and panel.index.built
    panel.query.setText("زوكربيرغ")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    rows = panel.model.rows
    assert rows and {r.document_id for r in rows} >= {2}
    assert "hits in" in panel.status.text()
    row = next(i for i, r in enumerate(rows) if r.document_id == 2)
    hit = rows[row]
    assert hit.match == "زوكربيرغ" and "【زوكربيرغ】" in panel.model.index(row, 1).data()
    panel.view.activated.emit(panel.model.index(row, 1))
    assert window.current_document_id == 2
    assert window.editor.raw_selection() == (hit.start, hit.end)


def test_annotate_all_occurrences_with_a_preview_as_one_undo_step(qtbot, window):
    window.open_document(2)
    editor = window.editor
    first = editor.text.index("ميتا")
    editor.select_range(first, first + 4)
    qtbot.keyClick(editor, Qt.Key.Key_2)
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.findChild(AnnotateAllDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.search is not None)
    found = dialog.search.occurrences
    assert len(found) > 5 and all(o.document_id == 2 for o in found)
    assert dialog.search.already == 1
    assert dialog.tree.topLevelItemCount() == len(found)
    clitic = [o for o in found if o.clitic]
    assert any(o.clitic == "ل" for o in clitic)  # "لميتا" is in this article
    # untick the first, then apply
    dialog.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).text() == (
        f"Annotate {len(found) - 1}"
    )
    dialog.accept()
    rows = spans_in_db(window.project)
    assert len(rows) == len(found)  # the first one + all but one
    assert all(editor.text[s:e] == "ميتا" for _, s, e, _ in rows)
    assert (
        window.actions["edit.undo"].text() == f"&Undo Annotate all Organization ({len(found) - 1})"
    )
    assert len(editor.layer.spans) == len(found)
    window.actions["edit.undo"].trigger()
    assert len(spans_in_db(window.project)) == 1

    # the whole corpus
    editor.select_span(next(iter(editor.layer.spans)))
    dialog = window.annotate_all()
    dialog.whole_corpus.setChecked(True)
    qtbot.waitUntil(
        lambda: (
            dialog.search is not None and dialog.scope == "corpus" and dialog.search.documents > 1
        )
    )
    assert {o.document_id for o in dialog.search.occurrences} >= {1, 2, 3, 4, 5}
    dialog.reject()


def test_import_runs_in_the_background_and_reports(qtbot, make_window, project, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02}.txt").write_text(f"مقال رقم {i} عن ميتا", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    window = make_window(project)
    assert window.documents.model.rowCount() == 0
    task = window.import_documents([folder])
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert window.documents.model.rowCount() == 30
    assert "30 documents added" in window.notice.message.text()
    assert "1 file refused" in window.notice.message.text()
    assert window.current_document_id == 1
    assert window.actions["edit.undo"].text() == "&Undo Import documents (30)"
    window.wait_for_tasks()
    window.show_corpus_search()
    window.search_panel.query.setText("رقم 17")
    window.search_panel.run()
    assert [r.document_id for r in window.search_panel.model.rows] == [18]
    window.navigation.import_report.close()


def test_a_long_import_can_be_cancelled_and_keeps_what_was_done(
    qtbot, make_window, project, tmp_path
):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:03}.txt").write_text(
            f"مقال رقم {i} عن ميتا\n" + "نص " * 200, encoding="utf-8"
        )
    window = make_window(project)
    task = window.import_documents([folder])
    task.cancel()
    with qtbot.waitSignal(task.cancelled, timeout=60_000):
        pass
    report = task.error.partial
    assert len(report.added) < 400
    assert window.documents.model.rowCount() == len(report.added)
    assert "cancelled" in window.notice.message.text()


def test_import_dialog_collects_files_and_the_encoding(qapp, tmp_path):
    from ui.dialogs.import_documents import ImportDialog

    dialog = ImportDialog(None, tmp_path)
    ok = dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.add_paths([tmp_path / "a.txt", tmp_path / "folder"])
    assert ok.isEnabled()
    dialog.encoding.setCurrentIndex(2)
    dialog.paths.item(0).setSelected(True)
    dialog._remove_selected()
    assert dialog.chosen() == ([tmp_path / "folder"], "windows-1256")


def test_an_import_with_damaged_letters_says_so_in_a_warning(qtbot, make_window, project, tmp_path):
    damaged = tmp_path / "pdf.txt"
    damaged.write_text("نص مستخرج من \ue01a\ue01b ملف", encoding="utf-8")
    window = make_window(project)
    task = window.import_documents([damaged])
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert window.notice.kind == WARNING
    text = window.notice.message.text()
    assert "1 document added" in text and "private-use" in text and "pdf.txt" in text
    window.navigation.import_report.close()
