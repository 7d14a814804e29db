"""The review dashboard: agreement figures that lead to the disagreements.

Entry point: `open_review_dashboard(project, annotator_id, parent)`. In the main
window, Review > Agreement dashboard opens it for curators, and choosing a
disagreement there opens the annotators' versions side by side at that place
(`ui.curation.compare.open_side_by_side`).
"""

from __future__ import annotations

from ui.review.dashboard import ReviewDashboard, open_review_dashboard

__all__ = ["ReviewDashboard", "install", "open_dashboard", "open_review_dashboard"]

DOING = "review agreement (the dashboard shows every annotator's work)"


def open_dashboard(window) -> ReviewDashboard | None:
    """Open the dashboard from the main window (curators only: it shows everyone's work)."""
    from ui.curation.compare import open_side_by_side
    from ui.curation.view import curator_refusal

    refusal = curator_refusal(window, DOING)
    if refusal is not None:
        window.show_notice(refusal)
        return None
    dashboard = open_review_dashboard(window.project, window.annotator.id, window)
    dashboard.disagreement_chosen.connect(
        lambda document_id, start, end, annotators: open_side_by_side(
            window, document_id, start, end, annotators
        )
    )
    window.project_changed.connect(lambda _project: dashboard.close())
    return dashboard


def install(window) -> None:
    """Review > Agreement dashboard…, enabled for curators (the tooltip says why otherwise)."""
    from ui.curation.view import curator_refusal

    action = window.add_action(
        "review",
        "Agreement &dashboard…",
        lambda: open_dashboard(window),
        binding="review.dashboard",
        icon_name="mdi6.chart-box-outline",
        needs_project=False,
    )
    allowed_tip = action.toolTip()

    def update(*_args) -> None:
        refusal = curator_refusal(window, DOING)
        action.setEnabled(refusal is None)
        action.setToolTip(refusal or allowed_tip)
        action.setStatusTip(refusal or "")

    window.project_changed.connect(update)
    window.identity_changed.connect(update)
    window.operation_did_execute.connect(lambda changes: changes.annotators and update())
    update()
