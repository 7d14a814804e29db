"""Annotating in the window's editor: label keys and the labels they mean, tagging and
relabelling, deleting and resizing, annotating every occurrence, exact selection, the
editor's context menu, and undo and redo.

Holds the schema's entity `labels` (`window.labels`) and the handlers of label keys no
entity label uses (`window.register_label_key_handler`). Every change goes through
`window.run_operation`, so a refusal shows in the notice strip.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from core.annotation.bulk import OccurrenceSearch, annotate_occurrences, find_occurrences
from core.annotation.spans import annotate, delete_span, relabel_span, resize_span, span_usage
from core.documents.navigation import document_titles
from core.project.changes import Changes
from core.project.project import Project
from core.schema.model import LabelInfo
from ui import bindings
from ui.dialogs.annotate_all import DOCUMENT, AnnotateAllDialog
from ui.i18n import Translatable, list_text, name_of, text_of
from ui.notice import ERROR, INFO
from ui.qt import QtCore, QtWidgets
from ui.tasks import ProgressDialog, Task
from ui.theme import current_theme
from ui.window import TASK_ERRORS

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class Annotating(Translatable):
    def __init__(self, window: MainWindow):
        self.window = window
        self.labels: list[LabelInfo] = []  # the schema's entity labels
        self.label_key_handlers: list[Callable[[str, bool], bool]] = []

    def apply(self, changes: Changes) -> None:
        """The schema changed: the labels, their keys and colours."""
        if changes.schema:
            self.load_labels()

    def load_labels(self) -> None:
        window = self.window
        project = window.project
        self.labels = project.schema.entity_labels if project else []
        window.editor.set_labels(self.labels, current_theme())
        window.palette_panel.set_labels(self.labels)
        menu = window.menu("labels")
        menu.clear()
        for label in self.labels:
            action = menu.addAction(
                name_of(label) + (f"\t{label.shortcut}" if label.shortcut else "")
            )
            action.setToolTip(label.guideline)
            action.triggered.connect(lambda _=False, i=label.id: self.apply_label(i))
        window.identity.update_editing_state()

    # --- label keys and labelling

    def label_for_key(self, key: str) -> LabelInfo | None:
        for label in self.labels:
            if label.shortcut and label.shortcut.lower() == key:
                return label
        return None

    def on_label_key(self, key: str, exact: bool) -> None:
        label = self.label_for_key(key)
        if label is None:
            for handler in self.label_key_handlers:
                if handler(key, exact):
                    return
            self.window.statusBar().showMessage(
                self.tr("No label uses the key {key}. F1 lists the keys.").format(key=key), 4000
            )
            return
        self.apply_label(label.id, exact)

    def apply_label(self, label_id: int, exact: bool = False) -> int | None:
        """Tag the pending selection with a label, or relabel the selected annotation."""
        window, editor = self.window, self.window.editor
        if window.current_document_id is None or window.refuse_if_read_only():
            return None
        selected = editor.selected_span
        if selected is not None:
            if window.run_operation(relabel_span, selected, label_id) is not None:
                editor.select_span(selected, ensure_visible=False)
            return selected
        pending = editor.pending_selection(force_exact=exact)
        if pending is None:
            window.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return None
        result = window.run_operation(
            annotate,
            window.current_document_id,
            window.set_owner,
            pending.start,
            pending.end,
            label_id,
        )
        if result is None:
            return None
        editor.select_span(result.value, ensure_visible=False)
        return result.value

    def delete_selected(self) -> None:
        self.delete_span(self.window.editor.selected_span)

    def delete_span(self, span_id: int | None) -> None:
        """Delete an annotation; if events or stances refer to it, ask first (they keep
        a detached, flagged reference)."""
        window, editor = self.window, self.window.editor
        project = window.project
        if project is None or span_id is None or window.refuse_if_read_only():
            return
        usage = span_usage(project, span_id)
        if usage["arguments"] or usage["stances"]:
            parts = []
            if usage["arguments"]:
                parts.append(self.tr("%n event argument(s)", None, usage["arguments"]))
            if usage["stances"]:
                parts.append(self.tr("%n stance(s) (as holder or target)", None, usage["stances"]))
            span = editor.layer.spans.get(span_id)
            shown = editor.text[span.start : span.end] if span is not None else ""
            if not window.confirm(
                self.tr("Delete annotation"),
                self.tr(
                    "The annotation «{text}» is used by {users}. Deleting it keeps them, "
                    "flagged as having lost their entity span, until you choose another span "
                    "or remove them."
                ).format(text=shown, users=list_text(parts)),
                self.tr("Delete"),
            ):
                return
        if window.run_operation(delete_span, span_id) is not None:
            editor.select_span(None)

    def resize_span(self, span_id: int, start: int, end: int) -> None:
        window = self.window
        if window.refuse_if_read_only():
            return
        if window.run_operation(resize_span, span_id, start, end) is not None:
            window.editor.select_span(span_id, ensure_visible=False)

    def set_exact_mode(self, on: bool) -> None:
        self.window.editor.exact_mode = on
        self.window.editor.viewport().update()
        self.window.preview.refresh()

    # --- the editor's selection and context menu

    def on_editor_selection(self) -> None:
        self.window.annotations.show_span(self.window.editor.selected_span)
        self.window.status.update_selection()

    def context_menu(self, point: QtCore.QPoint) -> None:
        window, editor = self.window, self.window.editor
        hits = editor.spans_at_point(QtCore.QPointF(point))
        if hits and editor.selected_span not in hits:
            editor.select_span(hits[0], ensure_visible=False)
        menu = QtWidgets.QMenu(window)
        menu.addMenu(window.menu("labels"))
        for entry_id in ("annotate.delete", "annotate.all", "annotate.exact"):
            menu.addAction(window.actions[entry_id])
        menu.addSeparator()
        copy = menu.addAction(self.tr("Copy text"))
        copy.triggered.connect(editor.copy_selection)
        menu.exec(editor.mapToGlobal(point))

    # --- annotate all occurrences

    def annotate_all(self) -> AnnotateAllDialog | None:
        """Annotate every occurrence of the selected annotation's text (after a preview)."""
        window, editor = self.window, self.window.editor
        project, document = window.project, window.current_document_id
        if project is None or document is None or window.refuse_if_read_only():
            return None
        selected = editor.selected_span
        if selected is None:
            window.show_notice(
                self.tr("Select an annotation first (click it, or Tab to it)."), ERROR
            )
            return None
        span = editor.layer.spans[selected]
        query = editor.text[span.start : span.end]
        label = project.schema.label(span.label_id)
        titles = dict(document_titles(project))
        names = {item.key: name_of(item) for item in project.schema.entity_labels}
        dialog = AnnotateAllDialog(name_of(label), query, titles, names, window)
        dialog.scope_changed.connect(
            lambda scope: self._find_occurrences(dialog, project, document, query, label.id, scope)
        )
        dialog.accepted.connect(lambda: self._annotate_chosen(dialog, label.id))
        dialog.setModal(True)
        dialog.show()
        self._find_occurrences(dialog, project, document, query, label.id, DOCUMENT)
        return dialog

    def _find_occurrences(
        self,
        dialog: AnnotateAllDialog,
        project: Project,
        document_id: int,
        query: str,
        label_id: int,
        scope: str,
    ) -> None:
        """Look for the occurrences in the document the dialog was opened on, or in all."""
        window = self.window
        annotator = window.set_owner
        documents = [document_id] if scope == DOCUMENT else None
        index = window.corpus_index
        index = index if index is not None and index.built else None
        dialog.set_busy()
        task = Task(
            lambda progress: find_occurrences(
                project,
                annotator,
                query,
                label_id,
                document_ids=documents,
                index=index,
                progress=progress,
            ),
            TASK_ERRORS,
            dialog,
        )
        if scope != DOCUMENT:
            ProgressDialog(task, self.tr("Looking through all documents…"), dialog)

        def show_results(search: OccurrenceSearch, incomplete: bool = False) -> None:
            if dialog.scope == scope:  # else the user chose the other scope meanwhile
                dialog.set_results(search, incomplete=incomplete)

        task.finished.connect(show_results)
        task.cancelled.connect(lambda: show_results(task.partial, incomplete=True))
        task.failed.connect(lambda message: window.show_notice(message, ERROR))
        window.run_task(task)

    def _annotate_chosen(self, dialog: AnnotateAllDialog, label_id: int) -> None:
        chosen = dialog.chosen()
        if not chosen:
            return
        window = self.window
        result = window.run_operation(annotate_occurrences, window.set_owner, label_id, chosen)
        if result is not None:
            window.show_notice(
                self.tr("Added %n annotation(s) (one undo step).", None, len(result.value)), INFO
            )

    # --- undo and redo

    def undo(self) -> None:
        self._replay(Project.undo)

    def redo(self) -> None:
        self._replay(Project.redo)

    def _replay(self, step: Callable[[Project], Changes]) -> None:
        window = self.window
        if window.project is None:
            return
        changes = window.run_operation(step)
        self.update_undo_actions()
        if not changes:
            return
        documents = set(changes.documents) | set(changes.documents_added)
        if window.read_only and (documents or changes.sets):
            window.view_own_set()
        if documents and window.current_document_id not in documents:
            window.open_document(min(documents))

    def update_undo_actions(self) -> None:
        project = self.window.project
        undo_name = text_of(project.undo_name) if project and project.undo_name else None
        redo_name = text_of(project.redo_name) if project and project.redo_name else None
        undo, redo = self.window.actions["edit.undo"], self.window.actions["edit.redo"]
        undo.setEnabled(undo_name is not None)
        redo.setEnabled(redo_name is not None)
        undo_keys = bindings.native_text("edit.undo").split(", ")[0]
        redo_keys = bindings.native_text("edit.redo").split(", ")[0]
        if undo_name:
            undo.setText(self.tr("&Undo {step}").format(step=undo_name))
            undo.setToolTip(self.tr("Undo {step} ({keys})").format(step=undo_name, keys=undo_keys))
        else:
            undo.setText(self.tr("&Undo"))
            undo.setToolTip(self.tr("Undo ({keys})").format(keys=undo_keys))
        if redo_name:
            redo.setText(self.tr("&Redo {step}").format(step=redo_name))
            redo.setToolTip(self.tr("Redo {step} ({keys})").format(step=redo_name, keys=redo_keys))
        else:
            redo.setText(self.tr("&Redo"))
            redo.setToolTip(self.tr("Redo ({keys})").format(keys=redo_keys))
