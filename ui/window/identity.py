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
from core.annotation.curator_secret import (
    check_curator_secret,
    has_curator_secret,
    identity_needs_secret,
    set_curator_secret,
)
from core.project.appstate import load_state, save_state
from core.project.changes import Changes
from ui.dialogs.annotator import AnnotatorDialog, os_user_name
from ui.dialogs.passphrase import PassphraseDialog
from ui.dialogs.roles import RolesDialog, role_name
from ui.i18n import Translatable
from ui.notice import ERROR, INFO
from ui.qt import QtWidgets

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class Identity(Translatable):
    def __init__(self, window: MainWindow, name: str | None):
        self.window = window
        self.name = name  # the annotator to be when a project opens

    def apply(self, changes: Changes) -> None:
        """Roles changed: read the annotator again (what they may edit may have changed)."""
        window = self.window
        if changes.annotators and window.annotator is not None:
            window.annotator = read_annotator(window.require_project(), window.annotator.id)
            self.update_editing_state()

    def set_identity(self, name: str | None) -> bool:
        """Annotate as `name` (or the user's login name); whether it was done."""
        window = self.window
        project = window.project
        if project is None:
            return False
        chosen: str | None
        if project.team is not None:
            # on a team project you are who you connected as: the server enforces the rest
            chosen = project.team.user
        else:
            chosen = self.permitted_name(name or os_user_name() or "annotator")
        if chosen is None:
            return False
        result = window.run_operation(ensure_annotator, chosen)
        if result is None:
            return False
        window.annotator = read_annotator(project, result.value)
        self.name = window.annotator.name
        state = load_state()
        state.annotator = window.annotator.name
        save_state(state)
        self.show_set(window.annotator.id, gold=False)
        return True

    def permitted_name(self, name: str) -> str | None:
        """`name`, once the curator passphrase was given when becoming them needs it (see
        core.annotation.curator_secret). Refused: None, the user stays who they were; on
        opening a project, a name that needs no passphrase instead."""
        window = self.window
        project = window.require_project()
        current = window.annotator.id if window.annotator is not None else None
        reason = identity_needs_secret(project, current, name)
        if reason is None or self.ask_passphrase(reason):
            return name
        if current is not None:
            return None
        for fallback in (os_user_name(), "annotator", "guest"):
            if fallback and identity_needs_secret(project, None, fallback) is None:
                return fallback
        return "guest"

    def ask_passphrase(self, reason: str) -> bool:
        """Ask for the curator passphrase (for `reason`, in words); whether it was right."""
        window = self.window
        project = window.require_project()
        text, ok = QtWidgets.QInputDialog.getText(
            window,
            self.tr("Curator passphrase"),
            self.tr("This project has a curator passphrase. It is needed for {reason}:").format(
                reason=reason
            ),
            QtWidgets.QLineEdit.EchoMode.Password,
        )
        if not ok:
            return False
        if check_curator_secret(project, text):
            return True
        window.show_notice(
            self.tr("Wrong curator passphrase; {reason} was refused.").format(reason=reason), ERROR
        )
        return False

    def choose_annotator(self) -> None:
        window = self.window
        if window.project is None:
            return
        if window.project.team is not None:
            window.show_notice(
                self.tr(
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
        if not self.set_identity(name):
            return  # the notice says why
        annotator = self.window.annotator
        self.window.show_notice(
            self.tr("Annotating as {name}.").format(name=annotator.name) if annotator else "", INFO
        )

    def view_own_set(self) -> None:
        if self.window.annotator is not None:
            self.show_set(self.window.annotator.id, gold=False)

    def view_set(self, owner: int | None, gold: bool = False) -> bool:
        """Show another annotator's set (or the gold set), read-only: curators only."""
        annotator = self.window.annotator
        if annotator is None or not annotator.is_curator:
            self.window.show_notice(
                self.tr(
                    "Only curators can look at other annotators' work "
                    "(Review > Annotators and roles)."
                ),
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
            return self.tr("the gold standard")
        if window.annotator is not None and window.owner == window.annotator.id:
            return window.annotator.name
        if window.owner is None or window.project is None:
            return "?"
        return read_annotator(window.project, window.owner).name

    def refuse_if_read_only(self) -> bool:
        """Say so in the notice strip when the shown set is not the user's own."""
        if self.window.read_only:
            self.window.show_notice(
                self.tr(
                    "These are the annotations of {owner}, shown read-only. "
                    "Review > My annotations goes back to yours."
                ).format(owner=self.owner_name()),
                ERROR,
            )
            return True
        return False

    def update_editing_state(self) -> None:
        window = self.window
        read_only = window.read_only
        reason = ""
        if window.project is not None and read_only and window.annotator is not None:
            reason = self.tr(
                "Viewing the annotations of {owner}, read-only. Review > My annotations goes back."
            ).format(owner=self.owner_name())
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
            action = menu.addAction(f"{other.name} ({role_name(other.role)})")
            action.setEnabled(curator)
            action.triggered.connect(lambda _=False, i=other.id: self.view_set(i))
        gold = menu.addAction(self.tr("Gold standard"))
        gold.setEnabled(curator)
        gold.triggered.connect(lambda: self.view_set(None, gold=True))
        if not curator:
            menu.addSeparator()
            menu.addAction(self.tr("Only curators can view others' work")).setEnabled(False)

    def manage_passphrase(self) -> None:
        """Review > Curator passphrase: for curators (or anyone while there is none)."""
        window = self.window
        me = window.annotator
        if window.project is None or me is None:
            return
        if window.project.team is not None:
            window.show_notice(
                self.tr("On a team project the server decides who may see whose work."), INFO
            )
            return
        if not me.is_curator and any(a.is_curator for a in read_annotators(window.project)):
            window.show_notice(self.tr("Only a curator can set the curator passphrase."), ERROR)
            return
        dialog = PassphraseDialog(has_curator_secret(window.project), window)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        new, current = dialog.chosen()
        if window.run_operation(set_curator_secret, new, current) is not None:
            window.show_notice(
                self.tr("Curator passphrase set.")
                if new
                else self.tr("Curator passphrase removed."),
                INFO,
            )

    def manage_roles(self) -> None:
        window = self.window
        me = window.annotator
        if window.project is None or me is None:
            return
        annotators = read_annotators(window.project)
        has_curator = any(a.is_curator for a in annotators)
        editable = me.is_curator or not has_curator
        if me.is_curator:
            reason = self.tr("Curators can look at every annotator's work (read-only) and curate.")
        elif not has_curator:
            reason = self.tr("This project has no curator yet: name one here.")
        else:
            reason = self.tr("Only a curator can change roles.")
        dialog = RolesDialog(annotators, editable, reason, window)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and editable:
            naming_first_curator = not me.is_curator and has_curator_secret(window.project)
            if naming_first_curator and not self.ask_passphrase(self.tr("naming a curator")):
                return
            for annotator_id, role in dialog.changed_roles().items():
                window.run_operation(set_annotator_role, annotator_id, role)
