"""Render the review dashboard to PNG files, light and dark, and its charts, and light in
Arabic:
`python -m ui.review.screenshots OUT_DIR` (offscreen), on the demo study of
core.review.demo.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render(out_dir: Path, language: str) -> list[Path]:
    from core.review.demo import create_review_demo
    from ui.i18n import ENGLISH
    from ui.qt import QtCore
    from ui.review import ReviewDashboard
    from ui.screenshots import session, shot, themes
    from ui.tasks import wait_for_tasks
    from ui.theme import LIGHT, apply_theme

    written = []
    with session(out_dir, language) as (app, home):
        project, ids = create_review_demo(home / "review.tawsim")
        for theme in themes(language):
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
            path = shot(out_dir, "review-dashboard", theme, language)
            window.grab().save(str(path))
            written.append(path)
            if theme == LIGHT and language == ENGLISH:
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
    from ui.i18n import LANGUAGES

    for language in LANGUAGES:
        for written in render(
            Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"), language
        ):
            print(written)
