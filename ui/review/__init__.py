"""The review dashboard: agreement figures that lead to the disagreements.

Entry point: `open_review_dashboard(project, annotator_id, parent)`; connect the
returned window's `disagreement_chosen(document_id, start, end, annotator_ids)`
signal to open the side-by-side view (see `ui.review.dashboard`).
"""

from ui.review.dashboard import ReviewDashboard, open_review_dashboard

__all__ = ["ReviewDashboard", "open_review_dashboard"]
