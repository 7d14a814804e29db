"""The review dashboard: agreement figures that lead to the disagreements.

Entry point: `open_review_dashboard(project, annotator_id, parent)`. In the main
window, Review > Agreement dashboard opens it for curators, and choosing a
disagreement there opens the annotators' versions side by side at that place
(`ui.curation.compare.open_side_by_side`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.curators import add_curator_action, curator_refusal
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.review.dashboard import ReviewDashboard, open_review_dashboard

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["ReviewDashboard", "install", "open_dashboard", "open_review_dashboard"]

DOING = QT_TRANSLATE_NOOP(
    "Curators", "review agreement (the dashboard shows every annotator's work)"
)


def open_dashboard(window: MainWindow) -> ReviewDashboard | None:
    """Open the dashboard from the main window (curators only: it shows everyone's work)."""
    from ui.curation.compare import open_side_by_side

    refusal = curator_refusal(window, DOING)
    if refusal is not None:
        window.show_notice(refusal)
        return None
    project, annotator = window.project, window.annotator
    assert project is not None and annotator is not None, "curator_refusal checks both"
    dashboard = open_review_dashboard(project, annotator.id, window)
    dashboard.disagreement_chosen.connect(
        lambda document_id, start, end, annotators: open_side_by_side(
            window, document_id, start, end, annotators
        )
    )
    window.project_changed.connect(lambda _project: dashboard.close())
    return dashboard


def install(window: MainWindow) -> None:
    """Review > Agreement dashboard…, enabled for curators (the tooltip says why otherwise)."""
    add_curator_action(
        window,
        translate("ReviewMenu", "Agreement &dashboard…"),
        lambda: open_dashboard(window),
        DOING,
        binding="review.dashboard",
        icon_name="mdi6.chart-box-outline",
    )
