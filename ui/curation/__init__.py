"""Curation into a gold standard, and annotators' versions side by side.

`install(window)` adds Review > Curate the gold standard (curators only);
`ui.curation.compare.open_side_by_side` is what the review dashboard opens on a
disagreement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    from ui.curation.view import install as install_view

    install_view(window)
