"""The document the window shows: opening, stepping, finishing and reopening, importing
documents; and, after a change, the document list and the shown spans brought up to date.

Writes `window.current_document_id` and `window.current_set_id`. `open_document` shows
the text in the editor, has the shown set (CurrentSet) read, then emits
`document_changed` when the document is another one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.annotation.spans import read_changed_spans, read_owner_set
from core.documents.navigation import FINISHED, IN_PROGRESS, next_unfinished, set_document_state
from core.project.changes import Changes
from ui.dialogs.import_documents import ImportDialog, note_lines, report_text
from ui.i18n import Translatable, error_text
from ui.notice import ERROR, INFO, WARNING
from ui.qt import QtWidgets
from ui.tasks import ProgressDialog, Task
from ui.window import REFUSALS, TASK_ERRORS

if TYPE_CHECKING:
    from core.documents.importing import ImportReport
    from ui.main_window import MainWindow


class Navigation(Translatable):
    def __init__(self, window: MainWindow):
        self.window = window
        self.import_report: QtWidgets.QMessageBox | None = None  # the last import's details

    def open_document(self, document_id: int, select: tuple[int, int] | None = None) -> bool:
        window = self.window
        project = window.project
        if project is None:
            return False
        try:
            shown = read_owner_set(project, document_id, window.owner)
        except REFUSALS as err:
            window.show_notice(error_text(err), ERROR)
            return False
        changed = document_id != window.current_document_id
        window.current_document_id = document_id
        window.current_set_id = shown.set_id
        settings = window.lifecycle.settings
        window.editor.show_document(
            document_id, shown.text, shown.spans, settings.get("clitic_rule", "standard")
        )
        window.current_set.reload(force=True)  # the editor holds the set's spans now
        window.find_bar.set_text(shown.text, bool(settings.get("fold_teh_marbuta", True)))
        window.annotations.refresh_soon()
        window.documents.show_document(document_id)
        if select is not None:
            window.editor.select_range(*select, exact=True)  # a hit: exactly what was found
        window.status.update()
        if changed:
            window.document_changed.emit(document_id)
        return True

    def step_document(self, direction: int) -> None:
        window = self.window
        model = window.documents.model
        if not model.ids:
            return
        current = window.current_document_id
        row = model.row_of(current) if current is not None else None
        target = 0 if row is None else row + direction
        if 0 <= target < len(model.ids):
            self.open_document(model.ids[target])
        else:
            window.statusBar().showMessage(
                self.tr("This is the last document.")
                if direction > 0
                else self.tr("This is the first document."),
                3000,
            )

    def finish_document(self) -> None:
        window = self.window
        project, document = window.project, window.current_document_id
        if project is None or document is None or window.refuse_if_read_only():
            return
        result = window.run_operation(set_document_state, document, window.set_owner, FINISHED)
        if result is None:
            return
        model = window.documents.model
        # the next one the list shows: a filter chosen is respected, never left behind
        target = next_unfinished(project, window.owner, document, model.ids)
        if target is not None:
            self.open_document(target)
        elif model.filtered:
            window.show_notice(
                self.tr(
                    "Finished. Every document the filter shows is finished; clear the filter "
                    "for the others."
                ),
                INFO,
            )
        else:
            window.show_notice(self.tr("Finished. Every document is finished now."), INFO)

    def reopen_document(self) -> None:
        window = self.window
        if window.current_document_id is None or window.refuse_if_read_only():
            return
        window.run_operation(
            set_document_state, window.current_document_id, window.set_owner, IN_PROGRESS
        )

    def focus_filter(self) -> None:
        window = self.window
        window.docks["documents"].show()
        window.documents.filter.setFocus()
        window.documents.filter.selectAll()

    # --- after a change

    def apply(self, changes: Changes) -> None:
        """The document list, and the shown document's spans, after a change."""
        window = self.window
        model = window.documents.model
        if changes.schema:
            model.forget_problems()
        if changes.documents_added or changes.documents_removed:
            model.titles_changed()
            model.reload()
            window.documents.reselect()
        elif changes.documents:
            if model.states:  # a state filter: the change may move documents in or out
                model.reload()
                window.documents.reselect()
            else:
                model.documents_changed(changes.documents)
        current = window.current_document_id
        if current is not None and current in changes.documents_removed:
            window.current_document_id = None
            window.editor.clear_document()
            window.annotations.refresh()
            if model.ids:
                self.open_document(model.ids[0])
        elif current is not None and (current in changes.documents or changes.schema):
            self.refresh_spans(changes)

    def refresh_spans(self, changes: Changes | None = None) -> None:
        """Bring the shown spans up to date: only the rows a change names when it names
        them (a set can hold ten thousand spans), else the whole set."""
        window = self.window
        project, document = window.project, window.current_document_id
        if project is None or document is None:
            return
        touched = changes.rows.get("entity_span") if changes is not None else None
        precise = changes is not None and bool(changes.rows) and not changes.schema
        # precise without spans touched: only the set's id may have changed (a state, an event...)
        wanted = (touched or ()) if precise else None
        set_id, rows = read_changed_spans(project, document, window.owner, wanted)
        window.current_set_id = set_id
        if not precise:
            window.editor.update_spans(rows)
            window.annotations.refresh()
        elif touched is not None:
            window.editor.patch_spans(set(touched), rows)
            window.annotations.patch(set(touched))

    # --- importing documents

    def import_documents(
        self, paths: list[Path] | None = None, encoding: str | None = None
    ) -> Task | None:
        window = self.window
        project = window.project
        if project is None:
            return None
        if paths is None:
            dialog = ImportDialog(window, project.path.parent)
            if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                return None
            paths, encoding = dialog.chosen()
        from core.documents.importing import import_documents

        task = Task(
            lambda progress: import_documents(project, paths, encoding=encoding, progress=progress),
            TASK_ERRORS,
            window,
        )
        ProgressDialog(task, self.tr("Importing documents…"), window)
        task.finished.connect(self._import_done)
        task.cancelled.connect(lambda: self._import_done(task.partial, cancelled=True))
        task.failed.connect(
            lambda message: window.show_notice(
                self.tr("Import failed: {reason}").format(reason=message), ERROR
            )
        )
        return window.run_task(task)

    def _import_done(self, report: ImportReport, cancelled: bool = False) -> None:
        window = self.window
        if report.changes:
            window.emit_changes(report.changes)
        summary, details = report_text(report)
        if cancelled:
            summary = self.tr(
                "{summary} (cancelled; the files imported before the cancel are kept)"
            ).format(summary=summary)
        notes = note_lines(report)
        if notes:  # e.g. private-use characters: letters lost in PDF extraction
            summary = self.tr("{summary}. {notes}").format(summary=summary, notes=" ".join(notes))
        kind = ERROR if report.failed else WARNING if notes else INFO
        window.show_notice(self.tr("Import: {summary}.").format(summary=summary), kind)
        if details:
            box = QtWidgets.QMessageBox(window)
            box.setWindowTitle(self.tr("Import report"))
            box.setIcon(
                QtWidgets.QMessageBox.Icon.Warning
                if report.failed
                else QtWidgets.QMessageBox.Icon.Information
            )
            box.setText(summary)
            box.setDetailedText(details)
            box.setModal(False)
            box.show()
            self.import_report = box
        if window.current_document_id is None and window.documents.model.ids:
            self.open_document(window.documents.model.ids[0])
