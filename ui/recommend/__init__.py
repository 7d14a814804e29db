"""Pre-annotation in the window: suggestions drawn in the text, decided by keyboard, the
Suggestions panel, Annotate > Suggestions, the counts in the status bar, and Review >
Recommender quality for curators.

`install(window)` plugs it in through the host API (see docs/architecture.md, "UI"): a
painter, a tooltip provider and a key handler on the editor, the window's signals, a
panel and menu entries. The controller is `window.panels["suggestions"].recommending`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.curators import add_curator_action
from ui.i18n import translate
from ui.qt import Qt, QtWidgets
from ui.recommend.controller import Recommending
from ui.recommend.marks import SuggestionMarks
from ui.recommend.panel import SuggestionPanel
from ui.recommend.quality import DOING, open_quality

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["Recommending", "install"]


def install(window: MainWindow) -> None:
    recommending = Recommending(window)
    marks = SuggestionMarks(recommending)
    editor = window.editor
    editor.add_painter(marks.paint)
    editor.add_tooltip_provider(marks.tooltip)
    editor.add_key_handler(recommending.handle_key)
    editor.cursorPositionChanged.connect(recommending.cursor_moved)
    editor.document_shown.connect(lambda _document: recommending.document_changed())
    window.project_changed.connect(lambda _project: recommending.project_changed())
    window.identity_changed.connect(recommending.identity_changed)
    window.operation_did_execute.connect(recommending.apply)

    panel = SuggestionPanel(recommending)
    window.add_panel(
        "suggestions",
        translate("Suggestions", "Suggestions"),
        panel,
        Qt.DockWidgetArea.LeftDockWidgetArea,
        behind="annotations",
    )
    _add_status_counts(window, recommending)
    _add_menu(window, recommending)


def _add_status_counts(window: MainWindow, recommending: Recommending) -> None:
    """The suggestions shown, accepted and rejected, in the status bar."""
    counts = QtWidgets.QLabel()
    counts.setObjectName("suggestionStatus")
    window.statusBar().addPermanentWidget(counts)

    def show_counts() -> None:
        c = recommending.counts
        counts.setText(
            translate(
                "Suggestions",
                "Suggestions: {shown} shown · {accepted} accepted · {rejected} rejected",
            ).format(
                shown=len(recommending.shown),
                accepted=c.accepted_total,
                rejected=c.rejected_total,
            )
            if window.project is not None
            else ""
        )

    recommending.suggestions_changed.connect(show_counts)


def _add_menu(window: MainWindow, recommending: Recommending) -> None:
    """Annotate > Suggestions, and Review > Recommender quality for curators."""
    menu = window.menu("annotate").addMenu(translate("Suggestions", "&Suggestions"))
    entries = (  # (text, what it does, binding, icon)
        (
            translate("Suggestions", "&Accept suggestion"),
            recommending.accept_current,
            "suggest.accept",
            "mdi6.check",
        ),
        (
            translate("Suggestions", "&Reject suggestion"),
            recommending.reject_current,
            "suggest.reject",
            "mdi6.close",
        ),
        (
            translate("Suggestions", "Accept all of this &label here"),
            recommending.accept_label,
            "suggest.accept_label",
            "mdi6.check-all",
        ),
        (
            translate("Suggestions", "&Next suggestion"),
            lambda: recommending.step(+1),
            "suggest.next",
            None,
        ),
        (
            translate("Suggestions", "&Previous suggestion"),
            lambda: recommending.step(-1),
            "suggest.previous",
            None,
        ),
    )
    for text, slot, binding, icon_name in entries:
        window.add_action(menu, text, slot, binding=binding, icon_name=icon_name)
    menu.addSeparator()
    shown = window.add_action(
        menu,
        translate("Suggestions", "S&how suggestions"),
        recommending.set_visible,
        id="suggest.show",
        checkable=True,
    )
    shown.setChecked(True)
    window.add_action(
        menu,
        translate("Suggestions", "&Train recommenders now"),
        recommending.train_now,
        id="suggest.train",
        icon_name="mdi6.school",
    )
    add_curator_action(
        window,
        translate("Suggestions", "Recommender &quality…"),
        lambda: open_quality(window),
        DOING,
        id="review.recommenders",
        icon_name="mdi6.chart-bar",
    )
