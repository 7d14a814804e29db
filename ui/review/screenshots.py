"""Render the review dashboard to PNG files, light and dark, and its charts:
`python -m ui.review.screenshots OUT_DIR` (offscreen), on the demo study of
core.review.demo.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render(out_dir: Path) -> list[Path]:
    from core.review.demo import create_review_demo
    from ui.qt import QtCore
    from ui.review import ReviewDashboard
    from ui.screenshots import session
    from ui.tasks import wait_for_tasks
    from ui.theme import DARK, LIGHT, apply_theme

    written = []
    with session(out_dir) as (app, home):
        project, ids = create_review_demo(home / "review.tawsim")
        for suffix, theme in (("", LIGHT), ("-dark", DARK)):
            apply_theme(app, theme)
            window = ReviewDashboard(project, ids["amal"])
            window.resize(1440, 860)
            loop = QtCore.QEventLoop()
            window.computed.connect(loop.quit)
            window.failed.connect(loop.quit)
            window.show()
            loop.exec()
            window.heatmap.select_pair(ids["badr"], ids["hind"])
            window._on_pair_clicked(ids["badr"], ids["hind"])
            window.disagreement_view.selectRow(2)
            app.processEvents()
            path = out_dir / f"review-dashboard{suffix}.png"
            window.grab().save(str(path))
            written.append(path)
            if not suffix:
                window.tabs.setCurrentWidget(window.charts_page)
                app.processEvents()
                path = out_dir / "review-charts.png"
                window.grab().save(str(path))
                written.append(path)
            window.close()
            wait_for_tasks()
        project.close()
    return written


if __name__ == "__main__":
    for written in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(written)
