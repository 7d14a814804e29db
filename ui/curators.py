"""Curators' work in the main window: why the user cannot do it, and menu entries
enabled for curators only (the curation view, the review dashboard)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.qt import QtGui

if TYPE_CHECKING:
    from core.project.changes import Changes
    from ui.main_window import MainWindow


CURATE = QT_TRANSLATE_NOOP("Curators", "curate the gold standard")


def curator_refusal(window: MainWindow, doing: str = CURATE) -> str | None:
    """Why this window's user cannot do a curator's work (`doing`: a phrase marked with
    QT_TRANSLATE_NOOP("Curators", ...)), or None when they can."""
    if window.project is None:
        return translate("Curators", "Open a project first.")
    annotator = window.annotator
    if annotator is None:
        return translate(
            "Curators",
            "Only curators can {doing}. A curator can change roles in "
            "Review > Annotators and roles.",
        ).format(doing=translate("Curators", doing))
    if not annotator.is_curator:
        return translate(
            "Curators",
            "Only curators can {doing}; {name} is an annotator. A curator can change roles "
            "in Review > Annotators and roles.",
        ).format(doing=translate("Curators", doing), name=annotator.name)
    return None


def add_curator_action(
    window: MainWindow, text: str, slot: Callable[[], Any], doing: str, **options: Any
) -> QtGui.QAction:
    """A Review menu entry (`window.add_action` with `options`) enabled for curators only;
    otherwise its tooltip and status tip say why. Kept current as the project, the
    user or the roles change."""
    action = window.add_action("review", text, slot, needs_project=False, **options)
    window.menu("review").setToolTipsVisible(True)
    allowed_tip = action.toolTip()

    def update(*_args: object) -> None:
        refusal = curator_refusal(window, doing)
        action.setEnabled(refusal is None)
        action.setToolTip(refusal or allowed_tip)
        action.setStatusTip(refusal or "")

    def update_after(changes: Changes) -> None:
        if changes.annotators:  # roles may have changed
            update()

    window.project_changed.connect(update)
    window.identity_changed.connect(update)
    window.operation_did_execute.connect(update_after)
    update()
    return action


__all__ = ["add_curator_action", "curator_refusal"]
