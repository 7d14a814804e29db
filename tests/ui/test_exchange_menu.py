"""File > Export… and Import annotations… in the main window."""

from core.project.changes import Changes
from ui.dialogs.export import export_dialog
from ui.dialogs.import_annotations import import_dialog


def test_menu_places_export_and_import_after_import_documents(window):
    texts = [a.text().split("\t")[0] for a in window.menu("file").actions() if a.text()]
    at = texts.index("&Import documents…")
    assert texts[at + 1 : at + 3] == ["&Export…", "Import &annotations…"]


def test_export_dialog_preselects_the_annotator_and_the_shown_documents(window):
    window.open_document(3)
    dialog = export_dialog(window)
    assert dialog.annotator.currentText() == "Salma"
    assert dialog.selected_documents == (3,)
    window.documents.model.set_filter("ميتا")
    filtered = export_dialog(window)
    assert filtered.selected_documents == tuple(window.documents.model.ids)
    assert 0 < len(filtered.selected_documents) <= 5


def test_an_import_redraws_the_window(window, qtbot):
    dialog = import_dialog(window)
    changes = Changes(documents={2})
    with qtbot.waitSignal(window.operation_did_execute) as emitted:
        dialog.imported.emit(changes)
    assert emitted.args == [changes]
