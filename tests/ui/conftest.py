"""UI fixtures: a main window on the seed articles, annotating as Salma.

Window settings (QSettings) live in an INI file under the per-test TAWSIM_HOME
(see ui.settings), so tests never read or write the user's real settings. Every test
speaks English, with the catalogues compiled once per session from the .ts files in the
repository (`translations`), whatever was built: `arabic` switches a test to Arabic.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import load_script
from ui import i18n
from ui.fonts import load_bundled_fonts
from ui.qt import Qt, QtWidgets


@pytest.fixture(scope="session")
def translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The interface's catalogues compiled from resources/translations/*.ts."""
    folder = tmp_path_factory.mktemp("translations")
    load_script("translations.py").compile_all(folder)
    return folder


@pytest.fixture(autouse=True)
def english(qapp: QtWidgets.QApplication, translations: Path) -> Iterator[None]:
    i18n.install(qapp, i18n.ENGLISH, translations)
    yield
    i18n.install(qapp, i18n.ENGLISH, translations)  # after a test in Arabic too


@pytest.fixture
def arabic(qapp: QtWidgets.QApplication, translations: Path) -> None:
    """The interface in Arabic for this test (windows made after it asks)."""
    i18n.install(qapp, i18n.ARABIC, translations)


@pytest.fixture
def make_window(qtbot):
    from ui.main_window import MainWindow

    load_bundled_fonts()
    created = []

    def make(project, annotator="Salma", size=(1280, 820)):
        window = MainWindow(project, annotator=annotator)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.wait_for_tasks()
        created.append(window)
        return window

    yield make
    for window in created:
        window.wait_for_tasks()


@pytest.fixture
def window(make_window, seeded_project):
    return make_window(seeded_project)


def label_id(window, key):
    return window.project.schema.by_key("entity", key).id


def spans_in_db(project, annotator="Salma", document_id=None):
    """(document, start, end, label key) of an annotator's spans, from the database."""
    sql = (
        'SELECT s.document_id, e.start, e."end", l.key FROM entity_span e '
        "JOIN annotation_set s ON s.id = e.set_id JOIN annotator a ON a.id = s.annotator_id "
        "JOIN label l ON l.id = e.label_id WHERE a.name = ?"
    )
    params = [annotator]
    if document_id is not None:
        sql += " AND s.document_id = ?"
        params.append(document_id)
    with project.read() as conn:
        return sorted(
            tuple(r) for r in conn.exec_driver_sql(sql + " ORDER BY 1, 2, 3", tuple(params))
        )


def point_of(editor, cp):
    """The viewport pixel Qt's hit test maps to code point `cp` (Arabic letters are a few
    pixels wide: the best of the pixels near the cursor's place)."""
    from ui.qt import QtCore, QtGui

    cursor = QtGui.QTextCursor(editor.document())
    cursor.setPosition(editor.qt_position(cp))
    rect = editor.cursorRect(cursor)
    y = rect.center().y()
    best = None
    for dx in sorted(range(-8, 9), key=abs):
        candidate = QtCore.QPoint(rect.x() + dx, y)
        miss = abs(editor.cp_position(editor.cursorForPosition(candidate).position()) - cp)
        if best is None or miss < best[0]:
            best = (miss, candidate)
    return best[1]


def drag_select(qtbot, editor, start, end, modifier=Qt.KeyboardModifier.NoModifier):
    """Select code points [start, end) with a real mouse drag on the viewport."""
    editor.ensure_visible(start)
    a, b = point_of(editor, start), point_of(editor, end)
    viewport = editor.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, a)
    qtbot.mouseMove(viewport, b)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, b)
    QtWidgets.QApplication.processEvents()


def double_click(qtbot, editor, cp):
    """Double-click the character at code point `cp`, as a user picks a word (the press
    of a first click, then the double click: see docs/architecture.md, "Qt notes")."""
    editor.ensure_visible(cp)
    where = point_of(editor, cp)
    viewport = editor.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    QtWidgets.QApplication.processEvents()


def click_span(qtbot, editor, span_id):
    box = editor.span_boxes(span_id)[0]
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=box.rect.center().toPoint())
