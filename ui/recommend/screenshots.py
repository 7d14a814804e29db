"""Render pre-annotation to PNG files: `python -m ui.recommend.screenshots OUT_DIR`
(offscreen).

On the demo project, Salma has finished seeds 000, 002 and 003 (their entities as a
careful annotator tags them, tests/data/seed-entities.json, so this runs from the source
tree); the window shows seed 001 with the suggestions the recommenders learnt from her
work, after she accepted one and rejected one, the cursor on the next (light and dark);
then Review > Recommender quality after a 3-fold evaluation on her sets.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHOWN = 2  # seed 001, "5 تغييرات سرية في استراتيجية ميتا..."
LEARNT_FROM = (1, 3, 4)


def annotate_seeds(project, annotator: str) -> None:
    from core.annotation.annotators import ensure_annotator
    from core.annotation.spans import annotate
    from core.documents.navigation import set_document_state
    from tests.fixtures.seed_corpus import seed_articles

    owner = ensure_annotator(project, annotator).value
    labels = {label.key: label.id for label in project.schema.entity_labels}
    articles = seed_articles()
    for document in LEARNT_FROM:
        for start, end, label in articles[document - 1].entities:
            annotate(project, document, owner, start, end, labels[label])
        set_document_state(project, document, owner, "finished")


def render(out_dir: Path) -> list[Path]:
    from core.annotation.annotators import ensure_annotator, set_annotator_role
    from ui.qt import QtCore, QtWidgets
    from ui.recommend.quality import open_quality
    from ui.screenshots import demo_project, session, themed_window
    from ui.theme import DARK, LIGHT

    written = []
    with session(out_dir, "en") as (app, home):
        project = demo_project(home)
        annotate_seeds(project, "Salma")
        for suffix, theme in (("", LIGHT), ("-dark", DARK)):
            window = themed_window(app, project, "Salma", theme)
            window.resize(1440, 900)
            window.docks["suggestions"].raise_()
            window.show()
            recommending = window.panels["suggestions"].recommending
            window.open_document(SHOWN)
            _wait(lambda r=recommending: r.trained is not None and bool(r.shown))
            window.wait_for_tasks()
            if theme == LIGHT:  # one accepted and one rejected, in the project for both
                recommending.go_to(recommending.shown[0])
                recommending.accept_current()
                recommending.reject_current()
            recommending.go_to(recommending.shown[1])
            window.editor.setFocus()
            window.editor.verticalScrollBar().setValue(0)
            QtWidgets.QApplication.processEvents()
            path = out_dir / f"suggestions{suffix}.png"
            window.grab().save(str(path))
            written.append(path)
            if theme == LIGHT:
                salma = ensure_annotator(project, "Salma").value
                window.run_operation(set_annotator_role, salma, "curator")
                dialog = open_quality(window)
                assert dialog is not None
                dialog.source.setCurrentIndex(dialog.source.findData("Salma"))
                dialog.folds.setValue(3)
                dialog.resize(760, 620)
                dialog.evaluate_button.click()
                _wait(lambda d=dialog: d.task is None)
                QtWidgets.QApplication.processEvents()
                path = out_dir / "recommender-quality.png"
                dialog.grab().save(str(path))
                written.append(path)
                dialog.close()
                window.run_operation(set_annotator_role, salma, "annotator")
            window.close()
            QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
        project.close()
    return written


def _wait(ready) -> None:
    """Run the event loop until `ready()` (training and evaluation are background tasks)."""
    from ui.qt import QtCore

    loop = QtCore.QEventLoop()
    timer = QtCore.QTimer()
    timer.timeout.connect(lambda: loop.quit() if ready() else None)
    timer.start(20)
    if not ready():
        loop.exec()
    timer.stop()


if __name__ == "__main__":
    for written in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(written)
