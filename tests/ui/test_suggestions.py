"""Suggestions in the window: drawn apart from annotations, decided by keyboard (Enter
accepts, Backspace rejects, Shift+Enter accepts all of a label, Alt+Down goes on), each
decision one undo step, remembered and counted; training in the background with Cancel
and again after new work; the quality dialog switches a recommender off."""

from __future__ import annotations

import pytest

from core.annotation.annotators import ensure_annotator, set_annotator_role
from core.recommend.suggestions import Suggestion, decision_counts
from models.tables import AnnotationSet, EntitySpan
from models.tables import Suggestion as StoredSuggestion
from tests.fixtures.seed_corpus import seed_articles
from tests.ui.conftest import spans_in_db
from ui.qt import Qt, QtCore, QtGui, QtWidgets
from ui.theme import current_theme, tint

ALT, SHIFT = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier


def annotate_seed(project, document_id, annotator="Salma", state="finished"):
    """The annotator's set of a seed article holding its reference entities."""
    article = seed_articles()[document_id - 1]
    annotator_id = ensure_annotator(project, annotator).value
    labels = {label.key: label.id for label in project.schema.entity_labels}
    with project.write() as tx:
        set_id = tx.insert(
            AnnotationSet, document_id=document_id, annotator_id=annotator_id, state=state
        )
        tx.insert_many(
            EntitySpan,
            [
                {"set_id": set_id, "start": s, "end": e, "label_id": labels[label]}
                for s, e, label in article.entities
            ],
        )


@pytest.fixture
def trained(make_window, seeded_project, qtbot):
    """Salma annotated seed 000 in full; the window shows seed 001 with suggestions."""
    annotate_seed(seeded_project, 1)
    window = make_window(seeded_project)
    recommending = window.panels["suggestions"].recommending
    window.open_document(2)
    qtbot.waitUntil(lambda: recommending.trained is not None and bool(recommending.shown))
    window.wait_for_tasks()
    return window, recommending


def texts(window, suggestions):
    schema = window.project.schema
    return [
        (window.editor.text[s.start : s.end], schema.label(s.label_id).key) for s in suggestions
    ]


def key(qtbot, window, code, modifiers=Qt.KeyboardModifier.NoModifier):
    window.editor.setFocus()
    qtbot.keyClick(window.editor, code, modifiers)
    QtWidgets.QApplication.processEvents()


def test_accept_reject_and_accept_all_by_keyboard_each_one_undo_step(trained, qtbot, monkeypatch):
    window, recommending = trained
    # accepting all ORG suggestions changes enough annotations to train again (tested on
    # its own below): a model trained midway would race these steps with its suggestions
    monkeypatch.setattr(recommending, "train_now", lambda: None)
    project, editor = window.project, window.editor
    assert ("ميتا", "ORG") in texts(window, recommending.shown)
    assert spans_in_db(project, document_id=2) == []

    key(qtbot, window, Qt.Key.Key_Down, ALT)  # to the first suggestion
    first = recommending.current
    assert first == recommending.shown[0]
    assert editor.cp_position(editor.textCursor().position()) == first.start
    key(qtbot, window, Qt.Key.Key_Return)
    accepted = (2, first.start, first.end, project.schema.label(first.label_id).key)
    assert spans_in_db(project, document_id=2) == [accepted]
    assert project.undo_name.startswith("Accept ") and first not in recommending.shown
    second = recommending.current  # the cursor went on to the next one
    assert second is not None and second.start >= first.end

    key(qtbot, window, Qt.Key.Key_Backspace)
    assert second not in recommending.shown
    assert project.undo_name.endswith("suggestion") and project.undo_name.startswith("Reject")
    counts = decision_counts(project, window.annotator.id, 2)
    assert (counts.accepted, counts.rejected) == (1, 1)
    assert "1 accepted, 1 rejected" in window.panels["suggestions"].counts.text()
    status = window.statusBar().findChild(QtWidgets.QLabel, "suggestionStatus")
    assert "1 accepted · 1 rejected" in status.text()

    org = project.schema.by_key("entity", "ORG").id
    on_org = next(s for s in recommending.shown if s.label_id == org)
    recommending.go_to(on_org)
    orgs = [s for s in recommending.shown if s.label_id == org]
    key(qtbot, window, Qt.Key.Key_Return, SHIFT)
    assert project.undo_name == f"Accept {len(orgs)} ORG suggestions"
    assert len(spans_in_db(project, document_id=2)) == 1 + len(orgs)
    assert not any(s.label_id == org for s in recommending.shown)
    assert len(editor.layer.spans) == 1 + len(orgs)  # drawn as annotations now

    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert spans_in_db(project, document_id=2) == [accepted]
    assert len([s for s in recommending.shown if s.label_id == org]) == len(orgs)
    window.undo()
    window.undo()
    assert spans_in_db(project, document_id=2) == []
    assert first in recommending.shown and second in recommending.shown


def test_suggestion_keys_leave_annotations_and_selections_alone(trained, qtbot):
    window, recommending = trained
    editor = window.editor
    recommending.go_to(recommending.shown[0])
    target = recommending.shown[0]
    editor.select_range(target.start, target.end)  # a selection: Enter does not accept
    key(qtbot, window, Qt.Key.Key_Return)
    assert spans_in_db(window.project, document_id=2) == []
    key(qtbot, window, Qt.Key.Key_2)  # a label key tags the selection, as ever
    [(_, start, end, label)] = spans_in_db(window.project, document_id=2)
    assert (start, end, label) == (target.start, target.end, "ORG")


def test_suggestions_are_drawn_apart_from_annotations(trained, qtbot):
    window, recommending = trained
    editor = window.editor
    target = next(s for s in recommending.shown if s is not recommending.current)
    editor.ensure_visible(target.start)
    QtWidgets.QApplication.processEvents()
    box = editor.range_boxes(target.start, target.end)[0].rect.toAlignedRect()
    area = box.adjusted(-4, -editor.chip_height, 4, 4)
    shown = editor.viewport().grab(area).toImage()
    window.actions["suggest.show"].setChecked(False)
    assert recommending.shown == []
    hidden = editor.viewport().grab(area).toImage()
    window.actions["suggest.show"].setChecked(True)
    changed = [
        QtGui.QColor(shown.pixel(x, y))
        for x in range(shown.width())
        for y in range(shown.height())
        if shown.pixel(x, y) != hidden.pixel(x, y)
    ]
    label = window.project.schema.label(target.label_id)
    # a dashed outline in the label's colour, a chip in its lighter tone...
    assert any(_close(c, QtGui.QColor(label.color)) for c in changed)
    assert any(_close(c, tint(label.color, current_theme()), 6) for c in changed)
    # ...and the letters keep the text's background: no annotation is there
    assert editor.format_at(target.start).background().style() == Qt.BrushStyle.NoBrush


def _close(a: QtGui.QColor, b: QtGui.QColor, tolerance: int = 40) -> bool:
    pairs = zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)
    return all(abs(x - y) <= tolerance for x, y in pairs)


def test_training_runs_in_the_background_can_be_cancelled_and_runs_again_after_new_work(
    trained, qtbot
):
    window, recommending = trained
    panel = window.panels["suggestions"]
    assert "Learnt from 1 document of Salma's annotations" in panel.state.text()
    recommending.train_now()
    assert recommending.training is not None and panel.cancel_button.isVisibleTo(panel)
    recommending.cancel_training()
    qtbot.waitUntil(lambda: recommending.training is None)
    assert "cancelled" in recommending.state and recommending.trained is not None
    assert recommending.shown  # the earlier model still suggests


def test_imported_predictions_show_without_training_and_read_only_sets_show_none(
    make_window, seeded_project, qtbot
):
    project = seeded_project
    text = seed_articles()[0].text
    start = text.index("جوجل")
    org = project.schema.by_key("entity", "ORG").id
    with project.write() as tx:
        tx.insert(
            StoredSuggestion,
            document_id=1,
            start=start,
            end=start + 4,
            label_id=org,
            score=0.7,
            recommender="bert-ner",
        )
    window = make_window(project)
    recommending = window.panels["suggestions"].recommending
    assert recommending.trained is None  # nothing to learn from
    assert recommending.shown == [Suggestion(start, start + 4, org, 0.7, "bert-ner")]
    window.editor.ensure_visible(start)
    QtWidgets.QApplication.processEvents()
    place = window.editor.range_boxes(start, start + 4)[0].rect.center().toPoint()
    viewport = window.editor.viewport()
    event = QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, place, viewport.mapToGlobal(place))
    QtWidgets.QApplication.sendEvent(viewport, event)
    assert "ORG" in QtWidgets.QToolTip.text() and "bert-ner, 0.70" in QtWidgets.QToolTip.text()
    QtWidgets.QToolTip.hideText()

    omar = ensure_annotator(project, "Omar").value
    set_annotator_role(project, omar, "curator")
    window.switch_annotator("Omar")
    window.view_set(ensure_annotator(project, "Salma").value)
    assert window.read_only and recommending.shown == []


def test_a_curator_judges_the_recommenders_and_switches_one_off(trained, qtbot):
    window, recommending = trained
    from core.project.changes import Changes
    from ui.recommend.quality import open_quality

    assert open_quality(window) is None  # Salma is no curator
    project = window.project
    annotate_seed(project, 3)
    set_annotator_role(project, window.annotator.id, "curator")
    window.emit_changes(Changes(annotators=True))
    dialog = open_quality(window)
    assert dialog is not None
    dialog.source.setCurrentIndex(dialog.source.findData("Salma"))
    dialog.folds.setValue(2)
    dialog.evaluate_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=120_000)
    figures = dialog.model.evaluation
    assert figures is not None and figures.documents == 2
    assert {f.recommender for f in figures.figures} == {"gazetteer", "crf"}
    assert "2-fold cross-validation over 2 documents." in dialog.status.text()
    assert {s.recommender for s in recommending.shown} <= {"gazetteer", "crf"}
    before = recommending.trained
    dialog.switch_boxes["gazetteer"].setChecked(False)
    # shown no more at once, and trained again without it
    assert {s.recommender for s in recommending.shown} == {"crf"}
    qtbot.waitUntil(lambda: recommending.trained is not before and recommending.training is None)
    assert recommending.shown and {s.recommender for s in recommending.shown} == {"crf"}
    assert list(recommending.trained.recommenders) == ["crf"]
    dialog.close()


def test_retraining_starts_after_enough_new_annotations(trained, qtbot, monkeypatch):
    window, recommending = trained
    from ui.recommend import controller

    started = []
    monkeypatch.setattr(recommending, "train_now", lambda: started.append(True))
    from core.project.changes import Changes

    window.emit_changes(Changes(rows={"entity_span": set(range(controller.RETRAIN_AFTER - 1))}))
    QtCore.QCoreApplication.processEvents()
    assert started == []
    window.emit_changes(Changes(rows={"entity_span": {999}}))
    qtbot.waitUntil(lambda: started == [True])


def test_alt_up_and_down_go_round_the_suggestions(trained, qtbot):
    window, recommending = trained
    editor = window.editor
    shown = recommending.shown
    recommending.go_to(shown[1])
    key(qtbot, window, Qt.Key.Key_Up, ALT)
    assert recommending.current == shown[0]
    key(qtbot, window, Qt.Key.Key_Up, ALT)  # from the first, round to the last
    assert recommending.current == shown[-1]
    assert editor.cp_position(editor.textCursor().position()) == shown[-1].start
    key(qtbot, window, Qt.Key.Key_Down, ALT)  # and from the last to the first
    assert recommending.current == shown[0]


def test_the_panel_lists_the_suggestions_and_its_buttons_decide(trained, qtbot):
    window, recommending = trained
    panel = window.panels["suggestions"]
    table, model = panel.table, panel.model
    assert model.rows == recommending.shown
    assert not panel.accept_button.isEnabled()  # the cursor is on no suggestion

    third = model.rows[2]
    rect = table.visualRect(model.index(2, model.TEXT))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert recommending.current == third
    assert {i.row() for i in table.selectionModel().selectedIndexes()} == {2}
    label = window.project.schema.label(third.label_id).key
    assert panel.all_button.text() == f"All {label}" and panel.accept_button.isEnabled()
    assert model.data(model.index(2, model.TEXT)) == window.editor.text[third.start : third.end]

    panel.reject_button.click()
    assert third not in model.rows and decision_counts(window.project, window.owner, 2).rejected
    assert window.editor.hasFocus() or window.editor.isActiveWindow()

    fourth = model.rows[2]
    rect = table.visualRect(model.index(2, model.LABEL))
    # a double click is a click, then the second press
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert fourth not in model.rows
    start, end = fourth.start, fourth.end
    assert (2, start, end, window.project.schema.label(fourth.label_id).key) in spans_in_db(
        window.project, document_id=2
    )


def test_a_rejected_suggestion_stays_away_after_training_again(trained, qtbot):
    window, recommending = trained
    rejected = recommending.shown[0]
    recommending.go_to(rejected)
    recommending.reject_current()
    before = recommending.trained
    recommending.train_now()
    qtbot.waitUntil(lambda: recommending.trained is not before and recommending.training is None)
    window.wait_for_tasks()
    qtbot.waitUntil(lambda: bool(recommending.shown))
    assert rejected not in recommending.shown
    same_place = [
        s for s in recommending.shown if (s.start, s.end) == (rejected.start, rejected.end)
    ]
    assert same_place == []
    window.undo()  # the rejection undone: suggested again
    place = (rejected.start, rejected.end, rejected.label_id)
    assert place in [(s.start, s.end, s.label_id) for s in recommending.shown]


def test_much_to_learn_from_is_learnt_in_a_child_process_while_the_editor_works(
    make_window, seeded_project, qtbot, monkeypatch
):
    from ui.recommend import controller

    isolated, run_isolated = [], controller.run_isolated

    def in_child(fn, args, progress):
        isolated.append(len(args[0]))
        return run_isolated(fn, args, progress)

    monkeypatch.setattr(controller, "ISOLATE_ABOVE", 0)
    monkeypatch.setattr(controller, "run_isolated", in_child)
    annotate_seed(seeded_project, 1)
    window = make_window(seeded_project)
    recommending = window.panels["suggestions"].recommending
    window.open_document(2)
    qtbot.waitUntil(
        lambda: recommending.trained is not None and bool(recommending.shown), timeout=60_000
    )
    window.wait_for_tasks()
    assert isolated == [1]
    assert ("ميتا", "ORG") in texts(window, recommending.shown)
    recommending.train_now()
    assert recommending.training is not None
    text = window.editor.text
    start = text.index("زوكربيرغ")
    window.editor.select_range(start, start + len("زوكربيرغ"))
    key(qtbot, window, Qt.Key.Key_1)  # annotated while the child learns
    assert spans_in_db(window.project, document_id=2) == [
        (2, start, start + len("زوكربيرغ"), "PERS")
    ]
    qtbot.waitUntil(lambda: recommending.training is None, timeout=60_000)
    assert len(isolated) == 2 and "Learnt from" in recommending.state


def test_suggestions_stay_shown_while_a_new_model_suggests_again(trained, qtbot, monkeypatch):
    """A model trained again replaces the shown suggestions when its own are ready; until
    then the earlier model's stay (no blink of an empty document)."""
    _window, recommending = trained
    before = list(recommending.shown)
    asked = []
    monkeypatch.setattr(recommending, "_suggest", lambda: asked.append(True))
    recommending._trained(recommending.trained, recommending.source)
    recommending.refresh()
    assert asked == [True]
    assert recommending.shown == before
