"""Who is annotating, and whose annotation set the window shows.

Writes `window.annotator`, `window.owner` and `window.viewing_gold`; `window.read_only`
and `window.set_owner` follow from them. By default the annotator's own set is shown
(blind annotation); curators may look at anyone's, read-only, and edit the gold set.
Switching emits `identity_changed` once the document is shown again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.annotation.annotators import (
    ensure_annotator,
    read_annotator,
    read_annotators,
    set_annotator_role,
)
from core.project.appstate import load_state, save_state
from core.project.changes import Changes
from ui.dialogs.annotator import AnnotatorDialog, os_user_name
from ui.dialogs.roles import RolesDialog
from ui.notice import ERROR, INFO
from ui.qt import QtCore, QtWidgets

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("Identity", text)


class Identity:
    def __init__(self, window: MainWindow, name: str | None):
        self.window = window
        self.name = name  # the annotator to be when a project opens

    def apply(self, changes: Changes) -> None:
        """Roles changed: read the annotator again (what they may edit may have changed)."""
        window = self.window
        if changes.annotators and window.annotator is not None:
            window.annotator = read_annotator(window.require_project(), window.annotator.id)
            self.update_editing_state()

    def set_identity(self, name: str | None) -> None:
        window = self.window
        project = window.project
        if project is None:
            return
        if project.team is not None:
            name = project.team.user  # on a team project you are who you connected as
        name = name or os_user_name() or "annotator"
        result = window.run_operation(ensure_annotator, name)
        if result is None:
            return
        window.annotator = read_annotator(project, result.value)
        self.name = window.annotator.name
        state = load_state()
        state.annotator = window.annotator.name
        save_state(state)
        self.show_set(window.annotator.id, gold=False)

    def choose_annotator(self) -> None:
        window = self.window
        if window.project is None:
            return
        if window.project.team is not None:
            window.show_notice(
                _tr(
                    "On a team project you annotate as the user you connected as; "
                    "connect again as someone else to switch."
                ),
                INFO,
            )
            return
        known = [a.name for a in read_annotators(window.project)]
        current = window.annotator.name if window.annotator else ""
        dialog = AnnotatorDialog(window, current, known)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.switch_annotator(dialog.chosen_name())

    def switch_annotator(self, name: str) -> None:
        self.set_identity(name)
        annotator = self.window.annotator
        self.window.show_notice(f"Annotating as {annotator.name}." if annotator else "", INFO)

    def view_own_set(self) -> None:
        if self.window.annotator is not None:
            self.show_set(self.window.annotator.id, gold=False)

    def view_set(self, owner: int | None, gold: bool = False) -> bool:
        """Show another annotator's set (or the gold set), read-only: curators only."""
        annotator = self.window.annotator
        if annotator is None or not annotator.is_curator:
            self.window.show_notice(
                "Only curators can look at other annotators' work (Review > Annotators and roles).",
                ERROR,
            )
            return False
        self.show_set(owner, gold)
        return True

    def show_set(self, owner: int | None, gold: bool) -> None:
        window = self.window
        window.owner = owner
        window.viewing_gold = gold
        window.documents.model.set_source(window.project, owner)
        self.update_editing_state()
        document = window.current_document_id
        if document is not None:
            window.open_document(document)
        window.identity_changed.emit()
        window.status.update()

    def owner_name(self) -> str:
        """Whose set is shown, in words."""
        window = self.window
        if window.viewing_gold:
            return "the gold standard"
        if window.annotator is not None and window.owner == window.annotator.id:
            return window.annotator.name
        if window.owner is None or window.project is None:
            return "?"
        return read_annotator(window.project, window.owner).name

    def refuse_if_read_only(self) -> bool:
        """Say so in the notice strip when the shown set is not the user's own."""
        if self.window.read_only:
            self.window.show_notice(
                f"These are {self.owner_name()}'s annotations, shown read-only. "
                "Review > My annotations goes back to yours.",
                ERROR,
            )
            return True
        return False

    def update_editing_state(self) -> None:
        window = self.window
        read_only = window.read_only
        reason = ""
        if window.project is not None and read_only and window.annotator is not None:
            reason = (
                f"Viewing {self.owner_name()}'s annotations, read-only. "
                "Review > My annotations goes back."
            )
        window.editor.annotations_read_only = read_only
        window.preview.read_only_reason = reason
        window.palette_panel.set_enabled_for_editing(not read_only, reason)
        window.preview.refresh()

    def fill_view_menu(self) -> None:
        window = self.window
        menu = window.menu("view_of")
        menu.clear()
        if window.project is None:
            return
        me = window.annotator
        curator = me is not None and me.is_curator
        others = [a for a in read_annotators(window.project) if me and a.id != me.id]
        for other in others:
            action = menu.addAction(f"{other.name} ({other.role})")
            action.setEnabled(curator)
            action.triggered.connect(lambda _=False, i=other.id: self.view_set(i))
        gold = menu.addAction("Gold standard")
        gold.setEnabled(curator)
        gold.triggered.connect(lambda: self.view_set(None, gold=True))
        if not curator:
            menu.addSeparator()
            menu.addAction("Only curators can view others' work").setEnabled(False)

    def manage_roles(self) -> None:
        window = self.window
        me = window.annotator
        if window.project is None or me is None:
            return
        annotators = read_annotators(window.project)
        has_curator = any(a.is_curator for a in annotators)
        editable = me.is_curator or not has_curator
        reason = (
            "Curators can look at every annotator's work (read-only) and curate."
            if me.is_curator
            else "This project has no curator yet: name one here."
            if not has_curator
            else "Only a curator can change roles."
        )
        dialog = RolesDialog(annotators, editable, reason, window)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and editable:
            for annotator_id, role in dialog.changed_roles().items():
                window.run_operation(set_annotator_role, annotator_id, role)
