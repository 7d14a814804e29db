"""Events and stances on a large set (issue: events, stances, excluded regions).

The 200 KB article of bench_editor with 10,000 entity spans, and 200 events with an
argument each: what the event, stance and excluded-text panels add to the editor's
work. Times are wall-clock medians of the UI's part (after the committed write).

- tagging an entity nothing refers to costs what it costs without the panels (the
  editor's target, 20 ms)
- adding an argument redraws the event panel and the text (no target: reported)
- counting the problems of the set for the document list reads only the spans
  validation looks at (reported with the full read for comparison)
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import report

EVENTS = 200


def add_events(project, set_id: int) -> int:
    from core.annotation.events import add_argument, add_event
    from core.annotation.spans import spans_of_set

    schema = project.schema
    talks = schema.by_key("event", "Contact.Talks").id
    participants = schema.role_by_key(talks, "Participants").id
    org = schema.by_key("entity", "ORG").id
    with project.read() as conn:
        orgs = [s for s in spans_of_set(conn, set_id) if s.label_id == org]
    made = 0
    for span in orgs[: EVENTS * 2 : 2]:
        event = add_event(project, set_id, talks, span.start, span.end).value
        add_argument(project, event, participants, span.id)
        made += 1
    return made


def ui_time(window, add, remove, repeat: int = 15) -> float:
    """Median seconds the window takes to show what `add()` wrote (after its committed
    write); `remove(value)` takes it away again between runs."""
    from ui.qt import QtWidgets

    times = []
    for _ in range(repeat):
        result = add()
        start = time.perf_counter()
        window.emit_changes(result.changes)
        QtWidgets.QApplication.processEvents()
        times.append(time.perf_counter() - start)
        window.emit_changes(remove(result.value).changes)
        QtWidgets.QApplication.processEvents()
    return statistics.median(times)


def main() -> None:
    from bench.bench_editor import build_big_article_project
    from core.annotation.annotators import ensure_annotator
    from core.annotation.events import add_argument, events_of_set, remove_argument
    from core.annotation.sets import find_set
    from core.annotation.spans import annotate, delete_span, spans_of_set
    from core.annotation.validation import load_sets_content, problem_counts
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.qt import QtWidgets

    make_application()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TAWSIM_HOME"] = tmp
        project, text, count = build_big_article_project(Path(tmp))
        annotator = ensure_annotator(project, "bench").value
        with project.read() as conn:
            set_id = find_set(conn, 1, annotator)
        events = add_events(project, set_id)
        window = MainWindow(project, annotator="bench")
        window.resize(1280, 820)
        window.show()
        window.wait_for_tasks()
        window.open_document(1)
        QtWidgets.QApplication.processEvents()
        editor = window.editor
        visible = editor.cp_position(
            editor.cursorForPosition(editor.viewport().rect().center()).position()
        )
        word_start = text.rfind(" ", 0, visible) + 1
        word_end = text.find(" ", word_start)
        label = project.schema.entity_labels[0].id
        add_ui = ui_time(
            window,
            lambda: annotate(project, 1, annotator, word_start, word_end, label),
            lambda span_id: delete_span(project, span_id),
        )
        report(
            "events_span_add_repaint",
            add_ui * 1000,
            "ms",
            20,
            spans=count,
            events=events,
        )

        # an argument added to the selected event, then removed
        org = project.schema.by_key("entity", "ORG").id
        with project.read() as conn:
            event = events_of_set(conn, set_id)[0]
            used = {a.span_id for a in event.arguments}
            other = next(
                s for s in spans_of_set(conn, set_id) if s.label_id == org and s.id not in used
            )
        window.docks["events"].widget().select_event(event.id)
        role = event.arguments[0].role_id
        argument_ui = ui_time(
            window,
            lambda: add_argument(project, event.id, role, other.id),
            lambda argument_id: remove_argument(project, argument_id),
        )
        report("events_argument_add_repaint", argument_ui * 1000, "ms")

        full, lean = [], []
        for _ in range(5):
            with project.read() as conn:
                start = time.perf_counter()
                load_sets_content(conn, [set_id])
                full.append(time.perf_counter() - start)
            start = time.perf_counter()
            problem_counts(project, [set_id])
            lean.append(time.perf_counter() - start)
        report(
            "problem_count_large_set",
            statistics.median(lean) * 1000,
            "ms",
            full_read_ms=round(statistics.median(full) * 1000, 1),
        )
        window.close()
        project.close()


if __name__ == "__main__":
    main()
