"""The window tells of a change in a fixed order: first itself (the editor shows the
change), then the shown set (CurrentSet), then whoever listens to its signals, however
early they connected. The listeners here are installed before every extension, the
earliest a panel can connect."""

from __future__ import annotations

import pytest

from ui import extensions
from ui.qt import Qt

DOC = 4
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
BOILERPLATE = "جرب ميزات الذكاء الاصطناعي لدينا"


@pytest.fixture
def install_first(monkeypatch):
    """`install_first(fn)`: `fn(window)` runs before every extension is installed."""
    first = []
    installers = extensions.installers
    monkeypatch.setattr(extensions, "installers", lambda: [*first, *installers()])
    return first.append


def test_a_listener_hears_of_a_change_once_the_editor_shows_it(
    qtbot, make_window, seeded_project, install_first
):
    heard = []

    def listen(window):
        def on_change(changes):
            editor = window.editor
            for span_id in changes.rows.get("entity_span", ()):
                span = editor.layer.spans.get(span_id)
                shown = None if span is None else editor.text[span.start : span.end]
                heard.append((shown, editor.format_at(span.start).background().color().name()))

        window.operation_did_execute.connect(on_change)

    install_first(listen)
    window = make_window(seeded_project)
    window.open_document(DOC)
    editor = window.editor
    start = editor.text.index("ماسك")
    plain = editor.format_at(start).background().color().name()
    editor.select_range(start, start + 4)
    qtbot.keyClick(editor, Qt.Key.Key_1)
    painted = editor.format_at(start).background().color().name()
    assert painted != plain
    assert heard == [("ماسك", painted)]


def test_a_listener_hears_of_a_change_once_the_shown_set_has_it(
    qtbot, make_window, seeded_project, install_first
):
    heard = []

    def listen(window):
        window.operation_did_execute.connect(
            lambda _changes: heard.append([(r.start, r.end) for r in window.current_set.regions])
        )

    install_first(listen)
    window = make_window(seeded_project)
    window.open_document(DOC)
    heard.clear()  # the annotator's row, made when the window opened the project
    editor = window.editor
    start = editor.text.index(BOILERPLATE)
    editor.select_range(start, len(editor.text))
    qtbot.keyClick(window, Qt.Key.Key_X, CTRL_SHIFT)
    assert heard == [[(start, len(editor.text))]]


def test_listeners_of_a_project_or_a_document_find_the_shown_set_read(
    qtbot, make_window, seeded_project, install_first
):
    heard = []

    def listen(window):
        def shown():
            return window.current_set.document_id, window.current_set.regions

        window.project_changed.connect(lambda project: heard.append(("project", project, *shown())))
        window.document_changed.connect(
            lambda document: heard.append(("document", document, *shown()))
        )

    install_first(listen)
    window = make_window(seeded_project)
    heard.clear()
    window.open_document(DOC)
    editor = window.editor
    start = editor.text.index(BOILERPLATE)
    editor.select_range(start, len(editor.text))
    qtbot.keyClick(window, Qt.Key.Key_X, CTRL_SHIFT)
    assert window.current_set.regions
    window.close_project()
    assert heard == [("document", DOC, DOC, []), ("project", None, None, [])]
