"""Suggestions in the window: training in the background, what the shown document's
suggestions are, which one is under the cursor, and the annotator's decisions.

The recommenders learn from the annotator's own sets (the gold set when a curator edits
it; a curator can choose the finished sets or the gold standard for everyone, Review >
Recommender quality). Training is a Task: the examples are read in a worker thread and,
when there are many, learnt from in a child process (core.recommend.isolated), so the
editor never waits; the model trained before keeps suggesting meanwhile, and the panel
shows the progress with Cancel. After `RETRAIN_AFTER` annotations changed, it trains
again. Suggestions for the shown document are computed in a Task too; the imported
predictions stored in the project show at once.

Keys in the text (ui.bindings, "Suggestions"): Enter accepts the suggestion under the
cursor, Backspace rejects it, Shift+Enter accepts every suggestion of its label in the
document (one undo step), Alt+Down and Alt+Up go to the next and previous suggestion;
after a decision the cursor goes on to the next one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.project.changes import Changes
from core.project.progress import Progress, within
from core.project.project import Project
from core.recommend.base import RECOMMENDERS
from core.recommend.examples import GOLD, TrainingSource, read_examples
from core.recommend.isolated import run_isolated
from core.recommend.suggestions import (
    OWN,
    DecisionCounts,
    RecommenderSettings,
    Suggestion,
    accept_suggestions,
    decision_counts,
    decisions_changed,
    from_proposals,
    recommender_settings,
    reject_suggestion,
    suggestions_to_show,
)
from core.recommend.training import Trained, train
from ui import bindings
from ui.i18n import text_of
from ui.qt import QtCore, QtGui, Signal
from ui.tasks import Task
from ui.window import TASK_ERRORS

if TYPE_CHECKING:
    from ui.main_window import MainWindow

RETRAIN_AFTER = 20  # annotations changed since the last training
# examples with more text than this are learnt from in a child process: CRFsuite holds
# Python's lock for a whole pass over them, about 1 ms of CPU per 1,000 characters
# (bench/bench_recommend.py: 15 s still at 1,000 articles), which would hold the window
# still; below it a pass takes under 0.05 s, less than starting a process
ISOLATE_ABOVE = 50_000  # characters


def _train_from(project: Project, source: TrainingSource, progress: Progress) -> Trained | None:
    """The work of a training task: None when there is nothing to learn from yet."""
    examples = read_examples(project, source, within(progress, 0, 1, 10))
    if not any(example.spans for example in examples):
        return None
    names = [n for n in RECOMMENDERS if recommender_settings(project).enabled(n)]
    if not names:
        return None
    rule = project.setting("clitic_rule")
    rest = within(progress, 1, 10, 10)
    if sum(len(example.text) for example in examples) > ISOLATE_ABOVE:
        trained: Trained = run_isolated(train, (examples, names, rule), rest)
        return trained
    return train(examples, names, rule, rest)


class Recommending(QtCore.QObject):
    suggestions_changed = Signal()  # what is shown, the current one, or the counts
    training_changed = Signal()  # training started, progressed, ended

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.trained: Trained | None = None
        self.source: TrainingSource | None = None  # what the model learnt from
        self.training: Task | None = None
        self.progress: tuple[int, int, str] = (0, 0, "")
        self.state = ""  # what the panel says about training
        self.shown: list[Suggestion] = []  # by position
        self.current: Suggestion | None = None  # under the cursor
        self.counts = DecisionCounts()
        self.visible = True  # View: suggestions shown
        self._live: list[Suggestion] = []  # the trained recommenders' for the shown document
        self._live_document: int | None = None
        self._suggesting: Task | None = None
        self._suggest_again = False
        self._train_again = False
        self._changed_since = 0  # annotations changed since the model was trained
        self._settings = RecommenderSettings()  # those the model was trained under
        self._restart = QtCore.QTimer(self)
        self._restart.setSingleShot(True)
        self._restart.timeout.connect(self.train_now)

    # --- what the window tells

    def project_changed(self) -> None:
        self.trained = None
        self._live, self._live_document = [], None
        self.restart_soon()
        self.refresh()

    def identity_changed(self) -> None:
        if self.source != self._source():
            self.trained = None
            self._live, self._live_document = [], None
            self.restart_soon()
        self.refresh()

    def document_changed(self) -> None:
        self._live, self._live_document = [], None
        self.refresh()
        self._suggest()

    def apply(self, changes: Changes) -> None:
        window = self.window
        document = window.current_document_id
        if window.project is None:
            return
        changed = len(changes.rows.get("entity_span", ())) + len(
            changes.rows.get("event_mention", ())
        )
        self._changed_since += changed
        settings_changed = changes.settings and (
            recommender_settings(window.project) != self._settings
        )
        if settings_changed or self._changed_since >= RETRAIN_AFTER:
            self.restart_soon()
        decided = decisions_changed(changes) or changes.schema
        if document is not None and (document in changes.documents or decided):
            self.refresh(counts=decided)

    # --- training

    def _source(self) -> TrainingSource | None:
        window = self.window
        if window.project is None or window.annotator is None:
            return None
        choice = recommender_settings(window.project).train_from
        if choice == OWN:
            if window.viewing_gold:
                return TrainingSource(GOLD)
            return TrainingSource.parse(window.annotator.name)
        return TrainingSource.parse(choice)

    def restart_soon(self) -> None:
        """Train again once the window has settled (several reasons arrive together)."""
        self._restart.start(0)

    def train_now(self) -> None:
        window = self.window
        project, source = window.project, self._source()
        if project is None or source is None:
            return
        if self.training is not None:
            self._train_again = True
            return
        self._changed_since = 0
        self._settings = recommender_settings(project)
        task = Task(lambda progress: _train_from(project, source, progress), TASK_ERRORS, window)
        task.progressed.connect(self._on_progress)
        task.finished.connect(lambda trained, s=source: self._trained(trained, s))
        task.failed.connect(self._training_failed)
        task.cancelled.connect(self._training_cancelled)
        task.ended.connect(self._training_ended)
        self.training = task
        self.progress = (0, 0, "")
        self.state = self.tr("Learning from %s…") % text_of(source.describe())
        self.training_changed.emit()
        window.run_task(task)

    def cancel_training(self) -> None:
        if self.training is not None:
            self.training.cancel()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress = (done, total, label)
        self.training_changed.emit()

    def _trained(self, trained: Trained | None, source: TrainingSource) -> None:
        if source != self._source():
            return  # the window moved on to someone else meanwhile
        self.trained, self.source = trained, source
        if trained is None:
            self.state = self.tr(
                "Nothing to learn from yet in %s: suggestions come once there are annotations."
            ) % text_of(source.describe())
        else:
            self.state = self.tr(
                "Learnt from %n document(s) of {source}: {recommenders}.",
                None,
                len(trained.documents),
            ).format(
                source=text_of(source.describe()), recommenders=", ".join(trained.recommenders)
            )
        # the earlier model's suggestions stay shown until the new model's replace them
        self._suggest()

    def _training_failed(self, message: str) -> None:
        self.state = self.tr("Training failed: %s") % message

    def _training_cancelled(self) -> None:
        self.state = self.tr("Training cancelled; the earlier model still suggests.")

    def _training_ended(self) -> None:
        self.training = None
        self.training_changed.emit()
        if self._train_again:
            self._train_again = False
            self.restart_soon()

    # --- suggestions of the shown document

    def _suggest(self) -> None:
        """The trained recommenders' suggestions for the shown document, in a Task (one
        at a time: a CRF tagger serves one thread)."""
        window = self.window
        trained, document = self.trained, window.current_document_id
        if trained is None or document is None or window.project is None:
            return
        if self._suggesting is not None:
            self._suggest_again = True
            return
        text = window.editor.text
        index = window.corpus_index
        # looked up, never iterated, while the index may grow in this thread: safe
        words = index.words if index is not None and index.built else None
        schema = window.project.schema
        task = Task(
            lambda _progress: from_proposals(schema, trained.suggest(text, words)),
            TASK_ERRORS,
            window,
        )
        task.finished.connect(lambda found, d=document: self._suggested(d, found))
        task.ended.connect(self._suggesting_ended)
        self._suggesting = task
        window.run_task(task)

    def _suggested(self, document: int, found: list[Suggestion]) -> None:
        if document != self.window.current_document_id:
            return
        self._live, self._live_document = found, document
        self.refresh()

    def _suggesting_ended(self) -> None:
        self._suggesting = None
        if self._suggest_again or self._live_document != self.window.current_document_id:
            self._suggest_again = False
            self._suggest()

    def refresh(self, counts: bool = True) -> None:
        """What the shown document's suggestions are now (and the decision counts, unless
        the change cannot have changed them); repaints only what changed."""
        window = self.window
        project, document = window.project, window.current_document_id
        before, before_current = self.shown, self.current
        shown: list[Suggestion] = []
        if project is not None and document is not None:
            if self.visible and not window.read_only:
                live = self._live if self._live_document == document else []
                shown = suggestions_to_show(project, document, window.owner, live)
            if counts:
                self.counts = decision_counts(project, window.owner, document)
        else:
            self.counts = DecisionCounts()
        self.shown = shown
        self._find_current()
        changed = set(before) ^ set(shown)
        if self.current != before_current:
            changed |= {s for s in (self.current, before_current) if s is not None}
        for suggestion in changed:
            self._repaint(suggestion)
        self.suggestions_changed.emit()

    def _repaint(self, suggestion: Suggestion) -> None:
        """Repaint where a suggestion is drawn: its lines (the chip is in their top room)."""
        editor = self.window.editor
        viewport = editor.viewport()
        for box in editor.range_boxes(suggestion.start, suggestion.end):
            viewport.update(box.rect.adjusted(-4, -2, 4, 2).toAlignedRect())

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        self.refresh()

    # --- the cursor

    def _find_current(self) -> None:
        editor = self.window.editor
        position = editor.cp_position(editor.textCursor().position())
        self.current = self.at(position)

    def at(self, position: int) -> Suggestion | None:
        """The suggestion holding code point `position` (or ending right there)."""
        starts = [s.start for s in self.shown]
        i = bisect_right(starts, position) - 1
        if i >= 0 and position <= self.shown[i].end:
            return self.shown[i]
        return None

    def cursor_moved(self) -> None:
        before = self.current
        self._find_current()
        if self.current != before:
            for suggestion in (before, self.current):
                if suggestion is not None:
                    self._repaint(suggestion)
            self.suggestions_changed.emit()

    def go_to(self, suggestion: Suggestion) -> None:
        editor = self.window.editor
        editor.clear_selection()
        cursor = editor.textCursor()
        cursor.setPosition(editor.qt_position(suggestion.start))
        editor.setTextCursor(cursor)  # the cursor moved: `cursor_moved` repaints
        editor.ensure_visible(suggestion.start)

    def step(self, direction: int) -> None:
        """Go to the next (+1) or previous (-1) suggestion, round the document's end."""
        if not self.shown:
            self.window.statusBar().showMessage(self.tr("No suggestions in this document."), 3000)
            return
        editor = self.window.editor
        position = editor.cp_position(editor.textCursor().position())
        starts = [s.start for s in self.shown]
        if direction > 0:
            i = bisect_right(starts, position)
            target = self.shown[i % len(self.shown)]
        else:
            anchor = self.current.start if self.current is not None else position + 1
            i = bisect_right(starts, anchor - 1) - 1
            target = self.shown[i]
        self.go_to(target)

    # --- decisions

    def _can_decide(self) -> bool:
        window = self.window
        return (
            self.current is not None
            and window.current_document_id is not None
            and not window.refuse_if_read_only()
        )

    def accept_current(self) -> None:
        if self._can_decide() and self.current is not None:
            self._decide(accept_suggestions, [self.current])

    def accept_label(self) -> None:
        """Every shown suggestion of the current one's label, in one undo step."""
        if self._can_decide() and self.current is not None:
            label = self.current.label_id
            self._decide(accept_suggestions, [s for s in self.shown if s.label_id == label])

    def reject_current(self) -> None:
        if self._can_decide() and self.current is not None:
            self._decide(reject_suggestion, self.current)

    def _decide(self, operation, what: Sequence[Suggestion] | Suggestion) -> None:
        window = self.window
        assert self.current is not None and window.current_document_id is not None
        after = self.current.end
        result = window.run_operation(operation, window.current_document_id, window.set_owner, what)
        if result is not None:
            following = [s for s in self.shown if s.start >= after]
            if following:
                self.go_to(following[0])

    # --- keys in the text

    def handle_key(self, event: QtGui.QKeyEvent) -> bool:
        window = self.window
        if window.project is None or window.current_document_id is None:
            return False
        editor = window.editor
        for binding_id, direction in (("suggest.next", 1), ("suggest.previous", -1)):
            if bindings.matches(event, binding_id):
                self.step(direction)
                return True
        on_suggestion = (
            self.current is not None
            and editor.selected_span is None
            and editor.raw_selection() is None
        )
        if not on_suggestion:
            return False
        for binding_id, decide in (
            ("suggest.accept", self.accept_current),
            ("suggest.reject", self.reject_current),
            ("suggest.accept_label", self.accept_label),
        ):
            if bindings.matches(event, binding_id):
                decide()
                return True
        return False
