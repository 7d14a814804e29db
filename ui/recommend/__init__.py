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
from ui.qt import Qt, QtCore, QtWidgets
from ui.recommend.controller import Recommending
from ui.recommend.marks import SuggestionMarks
from ui.recommend.panel import SuggestionPanel
from ui.recommend.quality import DOING, open_quality

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["Recommending", "install"]


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("Suggestions", text)


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
        _tr("Suggestions"),
        panel,
        Qt.DockWidgetArea.LeftDockWidgetArea,
        behind="annotations",
    )
    counts = QtWidgets.QLabel()
    counts.setObjectName("suggestionStatus")
    window.statusBar().addPermanentWidget(counts)

    def show_counts() -> None:
        c = recommending.counts
        counts.setText(
            _tr("Suggestions: %1 shown · %2 accepted · %3 rejected")
            .replace("%1", str(len(recommending.shown)))
            .replace("%2", str(c.accepted_total))
            .replace("%3", str(c.rejected_total))
            if window.project is not None
            else ""
        )

    recommending.suggestions_changed.connect(show_counts)

    menu = window.menu("annotate").addMenu(_tr("&Suggestions"))
    window.add_action(
        menu,
        _tr("&Accept suggestion"),
        recommending.accept_current,
        binding="suggest.accept",
        icon_name="mdi6.check",
    )
    window.add_action(
        menu,
        _tr("&Reject suggestion"),
        recommending.reject_current,
        binding="suggest.reject",
        icon_name="mdi6.close",
    )
    window.add_action(
        menu,
        _tr("Accept all of this &label here"),
        recommending.accept_label,
        binding="suggest.accept_label",
        icon_name="mdi6.check-all",
    )
    window.add_action(
        menu, _tr("&Next suggestion"), lambda: recommending.step(+1), binding="suggest.next"
    )
    window.add_action(
        menu, _tr("&Previous suggestion"), lambda: recommending.step(-1), binding="suggest.previous"
    )
    menu.addSeparator()
    shown = window.add_action(
        menu, _tr("S&how suggestions"), recommending.set_visible, id="suggest.show", checkable=True
    )
    shown.setChecked(True)
    window.add_action(
        menu,
        _tr("&Train recommenders now"),
        recommending.train_now,
        id="suggest.train",
        icon_name="mdi6.school",
    )
    add_curator_action(
        window,
        _tr("Recommender &quality…"),
        lambda: open_quality(window),
        DOING,
        id="review.recommenders",
        icon_name="mdi6.chart-bar",
    )
