"""Render every screenshot in docs/screenshots: `make screenshots`, that is
`python -m ui.screenshots OUT_DIR` (offscreen).

The main window shows a seed article with entity annotations: nested spans
("سلسلة Llama" around "Llama"), a span that leaves a clitic out ("ميتا" in
"لميتا"), a Latin product name inside Arabic text, one selected annotation,
in the light and the dark theme; plus an enlarged detail of the clitic split.

Then seed 003 annotated in full (the fixture of tests/fixtures/annotated_seed.py,
so this runs from the source tree): the event panel with the selected event's
roles, its arguments numbered and joined to the trigger in the text, the stance
panel with an attributed stance and its evidence, in both themes; and the
boilerplate excluded from annotation.

Then the export and import-annotations dialogs, the curation view
(`ui.curation.screenshots`), the review dashboard (`ui.review.screenshots`) and
suggestions with the recommenders' quality (`ui.recommend.screenshots`),
which use the set-up here: `session` (the application in a language and a throw-away
TAWSIM_HOME), `demo_project` and `themed_window`.

Everything in English, then the main views again in Arabic, in the light theme: the
same names with `-ar` (`main-window-ar.png`, `events-stances-ar.png`,
`export-dialog-ar.png`, `curation-ar.png`, `review-dashboard-ar.png`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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
    """Where the `occurrence`-th (from 0) `needle` starts in `text`."""
    position = -1
    for _ in range(occurrence + 1):
        position = text.index(needle, position + 1)
    return position


def shot(out_dir: Path, name: str, theme: str, language: str) -> Path:
    """Where a screenshot goes: `name-dark.png` in the dark theme, `name-ar.png` in Arabic
    (light only), `name.png` otherwise."""
    from ui.i18n import ENGLISH
    from ui.theme import LIGHT

    if language != ENGLISH:
        return out_dir / f"{name}-{language}.png"
    return out_dir / (f"{name}.png" if theme == LIGHT else f"{name}-{theme}.png")


@contextmanager
def session(out_dir: Path, language: str) -> Iterator:
    """The application speaking `language`, with TAWSIM_HOME in a temporary folder
    (yielded) for the settings and projects of one rendering."""
    from ui.app import make_application
    from ui.i18n import install
    from ui.qt import QtCore, QtWidgets

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TAWSIM_HOME"] = tmp
        try:
            app = make_application()
            install(app, language)
            yield app, Path(tmp)
        finally:  # the next rendering must not reach windows on this one's projects
            for widget in QtWidgets.QApplication.topLevelWidgets():
                widget.close()
                widget.deleteLater()
            QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)


def demo_project(home: Path):
    from core.documents.demo import create_demo_project

    return create_demo_project(home / "demo.tawsim")


def themed_window(app, project, annotator: str, theme: str):
    """A main window on `project` for `annotator`, in `theme` (not shown yet)."""
    from ui.main_window import MainWindow
    from ui.theme import apply_theme

    apply_theme(app, theme)
    window = MainWindow(project, annotator=annotator)
    window.set_theme(theme)
    return window


def annotate_seed(project, annotator_id: int) -> None:
    from core.annotation.spans import annotate
    from core.documents.navigation import read_document_text

    text = read_document_text(project, DOCUMENT)
    for needle, occurrence, offset, length, key in ANNOTATIONS:
        start = find(text, needle, occurrence) + offset
        end = start + (length if length is not None else len(needle) - offset)
        annotate(
            project, DOCUMENT, annotator_id, start, end, project.schema.by_key("entity", key).id
        )


def render(out_dir: Path) -> list[Path]:
    """All the screenshots; returns the files written."""
    from ui.curation import screenshots as curation
    from ui.i18n import LANGUAGES
    from ui.recommend import screenshots as recommend
    from ui.review import screenshots as review

    written = []
    for language in LANGUAGES:
        written += render_main_window(out_dir, language)
        written += render_exchange_dialogs(out_dir, language)
        written += curation.render(out_dir, language)
        written += review.render(out_dir, language)
    written += recommend.render(out_dir)
    return written


def themes(language: str) -> tuple[str, ...]:
    """Both themes in English; the light one is enough to show the Arabic interface."""
    from ui.i18n import ENGLISH
    from ui.theme import DARK, LIGHT

    return (LIGHT, DARK) if language == ENGLISH else (LIGHT,)


def render_main_window(out_dir: Path, language: str) -> list[Path]:
    from core.annotation.annotators import ensure_annotator
    from ui.i18n import ENGLISH
    from ui.qt import QtCore, QtWidgets
    from ui.theme import LIGHT

    written = []
    with session(out_dir, language) as (app, home):
        project = demo_project(home)
        annotate_seed(project, ensure_annotator(project, "Salma").value)
        for theme in themes(language):
            window = themed_window(app, project, "Salma", theme)
            window.resize(1366, 768)  # a laptop screen: the layout must fit it
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
            path = (
                out_dir / f"main-window-{theme}.png"
                if language == ENGLISH
                else shot(out_dir, "main-window", theme, language)
            )
            window.grab().save(str(path))
            written.append(path)
            if theme == LIGHT and language == ENGLISH:
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
        written += render_events_and_stances(app, project, out_dir, language)
        project.close()
    return written


def render_events_and_stances(app, project, out_dir: Path, language: str) -> list[Path]:
    from tests.fixtures.annotated_seed import DOCUMENT, build_annotated_seed
    from ui.i18n import ENGLISH
    from ui.qt import Qt, QtCore, QtWidgets
    from ui.theme import LIGHT

    build_annotated_seed(project, "Salma")
    written = []
    for theme in themes(language):
        window = themed_window(app, project, "Salma", theme)
        window.resize(1600, 1080)
        docks = window.docks
        # events above stances, both in view (they share a tab by default)
        docks["documents"].hide()
        side = window.dockWidgetArea(docks["events"])  # the right in English, left in Arabic
        window.addDockWidget(side, docks["stances"], Qt.Orientation.Vertical)
        window.splitDockWidget(docks["events"], docks["stances"], Qt.Orientation.Vertical)
        window.show()
        window.resizeDocks([docks["events"]], [470], Qt.Orientation.Horizontal)
        window.resizeDocks([docks["events"], docks["stances"]], [600, 420], Qt.Orientation.Vertical)
        window.wait_for_tasks()
        window.open_document(DOCUMENT)
        editor = window.editor
        text = editor.text
        events = window.panels["events"]
        stances = window.panels["stances"]
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
        path = shot(out_dir, "events-stances", theme, language)
        window.grab().save(str(path))
        written.append(path)
        if theme == LIGHT and language == ENGLISH:
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


PEER_FILES = Path("tests/data/peers/brat/news")  # brat files with labels the schema lacks


def render_exchange_dialogs(out_dir: Path, language: str) -> list[Path]:
    """File > Export… set for one annotator's CoNLL; File > Import annotations… after a
    check that found labels the schema lacks (in English)."""
    from core.annotation.annotators import ensure_annotator
    from ui.dialogs.export import ExportDialog
    from ui.dialogs.import_annotations import ImportAnnotationsDialog
    from ui.i18n import ENGLISH
    from ui.qt import QtWidgets
    from ui.tasks import wait_for_tasks
    from ui.theme import LIGHT, apply_theme

    class RefusalShown(ImportAnnotationsDialog):
        def ask_add_labels(self, unknown: dict[str, list[str]]) -> bool:
            return False  # leave the refusal on screen

    def grab(dialog: QtWidgets.QDialog, name: str) -> Path:
        dialog.show()
        for _ in range(3):
            QtWidgets.QApplication.processEvents()
        path = out_dir / name
        dialog.grab().save(str(path))
        dialog.close()
        return path

    with session(out_dir, language) as (app, home):
        apply_theme(app, LIGHT)
        project = demo_project(home)
        ensure_annotator(project, "Salma")
        export = ExportDialog(project, "Salma", selected_documents=[1, 2])
        export.format.setCurrentIndex(export.format.findData("conll"))
        # the suggestion names the temporary folder the demo lives in here
        export.path.setText(str(Path("~/Tawsim") / Path(export.path.text()).name))
        written = [grab(export, shot(out_dir, "export-dialog", LIGHT, language).name)]
        if language != ENGLISH:
            project.close()
            return written
        importing = RefusalShown(project, "Salma")
        importing.add_paths([PEER_FILES])
        importing.start_import(dry_run=True)
        wait_for_tasks()
        for _ in range(3):
            QtWidgets.QApplication.processEvents()
        written.append(grab(importing, "import-dialog.png"))
        project.close()
    return written


if __name__ == "__main__":
    for written in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(written)
