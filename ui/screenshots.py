"""Render the main window to PNG files: `python -m ui.screenshots OUT_DIR` (offscreen).

The window shows a seed article with entity annotations: nested spans
("سلسلة Llama" around "Llama"), a span that leaves a clitic out ("ميتا" in
"لميتا"), a Latin product name inside Arabic text, one selected annotation,
in the light and the dark theme; plus an enlarged detail of the clitic split.

Then seed 003 annotated in full (the fixture of tests/fixtures/annotated_seed.py,
so this runs from the source tree): the event panel with the selected event's
roles, its arguments numbered and joined to the trigger in the text, the stance
panel with an attributed stance and its evidence, in both themes; and the
boilerplate excluded from annotation.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DOCUMENT = 2  # "5 تغييرات سرية في استراتيجية ميتا..."
ANNOTATIONS = [  # (text, occurrence, offset into it, length or None, label)
    ("5 تغييرات", 0, 0, 1, "CARDINAL"),
    ("ميتا", 0, 0, None, "ORG"),
    ("زوكربيرغ", 0, 0, None, "PERS"),
    ("ميتا", 1, 0, None, "ORG"),
    ("Meta", 0, 0, None, "ORG"),
    ("ميتا", 3, 0, None, "ORG"),
    ("منذ سنوات", 0, 0, None, "DATE"),
    ("ميتا", 4, 0, None, "ORG"),
    ("سلسلة Llama", 0, 0, None, "PRODUCT"),
    ("Llama", 0, 0, None, "PRODUCT"),
    ("ميتا", 5, 0, None, "ORG"),
    ("لميتا", 0, 1, None, "ORG"),  # the clitic ل left out
    ("ميتا", 7, 0, None, "ORG"),
    ("OpenAI", 0, 0, None, "ORG"),
]
SELECTED = "زوكربيرغ"


def find(text: str, needle: str, occurrence: int) -> int:
    position = -1
    for _ in range(occurrence + 1):
        position = text.index(needle, position + 1)
    return position


def annotate_seed(project, annotator_id: int) -> None:
    from core.annotations import annotate
    from core.navigation import document_text

    with project.read() as conn:
        text = document_text(conn, DOCUMENT)
    for needle, occurrence, offset, length, key in ANNOTATIONS:
        start = find(text, needle, occurrence) + offset
        end = start + (length if length is not None else len(needle) - offset)
        annotate(
            project, DOCUMENT, annotator_id, start, end, project.schema.by_key("entity", key).id
        )


def render(out_dir: Path) -> list[Path]:
    from core.annotations import ensure_annotator
    from core.demo import create_demo_project
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.qt import QtCore, QtWidgets
    from ui.theme import DARK, LIGHT, apply_theme

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TAWSIM_HOME"] = tmp
        app = make_application()
        project = create_demo_project(Path(tmp) / "demo.tawsim")
        annotate_seed(project, ensure_annotator(project, "Salma").value)
        for theme in (LIGHT, DARK):
            apply_theme(app, theme)
            window = MainWindow(project, annotator="Salma")
            window.set_theme(theme)
            window.resize(1440, 900)
            window.show()
            window.wait_for_tasks()
            window.open_document(DOCUMENT)
            editor = window.editor
            editor.verticalScrollBar().setValue(0)
            selected = next(
                i for i, s in editor.layer.spans.items() if editor.text[s.start : s.end] == SELECTED
            )
            editor.select_span(selected, ensure_visible=False)
            QtWidgets.QApplication.processEvents()
            path = out_dir / f"main-window-{theme}.png"
            window.grab().save(str(path))
            written.append(path)
            if theme == LIGHT:
                clitic = next(
                    s for s in editor.layer.spans.values() if editor.layer.split_edges(s.id)[0]
                )
                box = editor.span_boxes(clitic.id)[0].rect
                area = QtCore.QRect(
                    int(box.center().x()) - 80, int(box.top()) - 4, 160, int(box.height()) + 8
                )
                detail = editor.viewport().grab(area)
                path = out_dir / "clitic-split-detail.png"
                detail.scaled(
                    detail.size() * 4,
                    QtCore.Qt.AspectRatioMode.IgnoreAspectRatio,
                    QtCore.Qt.TransformationMode.SmoothTransformation,
                ).save(str(path))
                written.append(path)
            window.close()
        written += render_events_and_stances(app, project, out_dir)
        project.close()
    return written


def render_events_and_stances(app, project, out_dir: Path) -> list[Path]:
    from tests.fixtures.annotated_seed import DOCUMENT, build_annotated_seed
    from ui.main_window import MainWindow
    from ui.qt import Qt, QtCore, QtWidgets
    from ui.theme import DARK, LIGHT, apply_theme

    build_annotated_seed(project, "Salma")
    written = []
    for theme in (LIGHT, DARK):
        apply_theme(app, theme)
        window = MainWindow(project, annotator="Salma")
        window.set_theme(theme)
        window.resize(1600, 1080)
        docks = window.docks
        # events above stances, both in view (they share a tab by default)
        docks["documents"].hide()
        right = Qt.DockWidgetArea.RightDockWidgetArea
        window.addDockWidget(right, docks["stances"], Qt.Orientation.Vertical)
        window.splitDockWidget(docks["events"], docks["stances"], Qt.Orientation.Vertical)
        window.show()
        window.resizeDocks([docks["events"]], [470], Qt.Orientation.Horizontal)
        window.resizeDocks([docks["events"], docks["stances"]], [600, 420], Qt.Orientation.Vertical)
        window.wait_for_tasks()
        window.open_document(DOCUMENT)
        editor = window.editor
        text = editor.text
        events = docks["events"].widget()
        stances = docks["stances"].widget()
        trigger = text.index("أقال زوكربيرج")
        events.select_event(next(e.id for e in events.events if e.start == trigger))
        held = text.index("أكدت ميتا") + len("أكدت ")
        holders = {s.holder_span_id: s.id for s in stances.stances if s.attributed}
        meta = next(i for i, span in editor.layer.spans.items() if span.start == held)
        stances.select_stance(holders[meta], focus=False)
        events.roles.setFocus()
        QtWidgets.QApplication.processEvents()
        # the tab bar of the group the stances left is deleted later: now
        QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
        line = editor.document().findBlock(editor.qt_position(text.index("وتضمنت الخطة")))
        editor.verticalScrollBar().setValue(line.firstLineNumber())
        QtWidgets.QApplication.processEvents()
        name = "events-stances.png" if theme == LIGHT else "events-stances-dark.png"
        path = out_dir / name
        window.grab().save(str(path))
        written.append(path)
        if theme == LIGHT:
            boundary = text.index("جرب ميزات الذكاء الاصطناعي لدينا")
            editor.ensure_visible(boundary)
            QtWidgets.QApplication.processEvents()
            # from the article's last paragraph down into the boilerplate
            block = editor.document().findBlock(editor.qt_position(boundary))
            last = block.previous().previous()
            top = max(
                0, int(editor.blockBoundingGeometry(last).translated(editor.contentOffset()).top())
            )
            viewport = editor.viewport()
            area = QtCore.QRect(0, top, viewport.width(), min(320, viewport.height() - top))
            path = out_dir / "excluded-text.png"
            viewport.grab(area).save(str(path))
            written.append(path)
        window.close()
    return written


if __name__ == "__main__":
    for written in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(written)
