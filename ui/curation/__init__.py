"""Curation into a gold standard, and annotators' versions side by side.

`install(window)` adds Review > Curate the gold standard (curators only);
`ui.curation.compare.open_side_by_side` is what the review dashboard opens on a
disagreement.
"""

from __future__ import annotations


def install(window) -> None:
    from ui.curation.view import install as install_view

    install_view(window)
