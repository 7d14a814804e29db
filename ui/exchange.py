"""File > Export… and File > Import annotations…: the dialogs of core/export and
core/interchange, placed after Import documents in the File menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.dialogs.export import ExportDialog
from ui.dialogs.import_annotations import ImportAnnotationsDialog
from ui.qt import QtGui, QtWidgets

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _place_after(menu: QtWidgets.QMenu, anchor: QtGui.QAction, actions: list[QtGui.QAction]):
    following = menu.actions()
    index = following.index(anchor) + 1
    before = following[index] if index < len(following) else None
    for action in actions:
        menu.removeAction(action)
        menu.insertAction(before, action)


def export_dialog(window: MainWindow) -> ExportDialog:
    """The export dialog, offering the documents the list shows when it is filtered."""
    model = window.documents.model
    selected = model.ids if model.filtered else [window.current_document_id]
    name = window.annotator.name if window.annotator else None
    return ExportDialog(window.project, name, window, [i for i in selected if i is not None])


def import_dialog(window: MainWindow) -> ImportAnnotationsDialog:
    name = window.annotator.name if window.annotator else None
    dialog = ImportAnnotationsDialog(window.project, name, window)
    dialog.imported.connect(window.emit_changes)
    return dialog


def install(window: MainWindow) -> None:
    export = window.add_action(
        None, "&Export…", lambda: export_dialog(window).exec(), icon_name="mdi6.export"
    )
    import_ = window.add_action(
        None,
        "Import &annotations…",
        lambda: import_dialog(window).exec(),
        icon_name="mdi6.tag-arrow-down-outline",
    )
    window.exchange_actions = (export, import_)
    file_menu = window.menu("file")
    file_menu.addAction(export)
    file_menu.addAction(import_)
    _place_after(file_menu, window.actions["file.import"], [export, import_])
