"""Review > Recommender quality (curators): each recommender's precision, recall and F1
per label, by k-fold cross-validation over documents (the figures `python main.py
recommend-eval` prints), a switch per recommender (imported predictions included) that
turns its suggestions off for everyone, and what the window's recommenders learn from.

The evaluation trains the recommenders once per fold: it runs in a child process (the
dialog shows its progress and can cancel it), so the window stays responsive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.annotation.annotators import read_annotators
from core.project.progress import Progress, within
from core.recommend.base import RECOMMENDERS
from core.recommend.evaluate import DEFAULT_FOLDS, OVERALL, Evaluation, cross_validate
from core.recommend.examples import FINISHED, GOLD, TrainingSource, read_examples
from core.recommend.isolated import run_isolated
from core.recommend.suggestions import (
    OWN,
    TRAINING_CHOICES,
    recommender_settings,
    set_recommender_enabled,
    set_training_source,
    stored_recommenders,
)
from ui.i18n import error_text, text_of
from ui.item_views import ModelIndex, TableModel, list_table
from ui.qt import Qt, QtCore, QtWidgets
from ui.tasks import TaskDialog

if TYPE_CHECKING:
    from core.project.project import Project
    from ui.main_window import MainWindow

DOING = "judge and switch off recommenders (the evaluation reads everyone's work)"


def _evaluate(project: Project, source: TrainingSource, folds: int, progress: Progress):
    examples = read_examples(project, source, within(progress, 0, 1, 20))
    rule = project.setting("clitic_rule")
    names = list(RECOMMENDERS)
    return run_isolated(cross_validate, (examples, names, rule, folds), within(progress, 1, 20, 20))


class FiguresModel(TableModel):
    def __init__(self, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.HEADERS = (
            self.tr("Recommender"),
            self.tr("Label"),
            self.tr("Precision"),
            self.tr("Recall"),
            self.tr("F1"),
            self.tr("Correct"),
            self.tr("Proposed"),
            self.tr("Expected"),
        )
        self.evaluation: Evaluation | None = None

    def row_count(self) -> int:
        return len(self.evaluation.figures) if self.evaluation is not None else 0

    def show(self, evaluation: Evaluation | None) -> None:
        self.beginResetModel()
        self.evaluation = evaluation
        self.endResetModel()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.evaluation is None:
            return None
        f = self.evaluation.figures[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            label = self.tr("all labels") if f.label == OVERALL else f.label
            values: tuple[object, ...] = (f.recommender, label, f.precision, f.recall, f.f1)
            value = (*values, f.correct, f.proposed, f.expected)[index.column()]
            return f"{value:.3f}" if isinstance(value, float) else str(value)
        if role == Qt.ItemDataRole.FontRole and f.label == OVERALL:
            font = QtWidgets.QApplication.font()
            font.setBold(True)
            return font
        return None


class QualityDialog(TaskDialog[Evaluation]):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.main = window
        self.project = window.require_project()
        self.setWindowTitle(self.tr("Recommender quality"))
        self.resize(720, 560)
        self.source = QtWidgets.QComboBox()
        self.source.addItem(self.tr("the gold standard"), GOLD)
        self.source.addItem(self.tr("the finished sets"), FINISHED)
        for annotator in read_annotators(self.project):
            self.source.addItem(self.tr("%s's sets") % annotator.name, annotator.name)
        self.source.setCurrentIndex(1)
        self.folds = QtWidgets.QSpinBox()
        self.folds.setRange(2, 20)
        self.folds.setValue(DEFAULT_FOLDS)
        self.evaluate_button = QtWidgets.QPushButton(self.tr("Evaluate"))
        self.evaluate_button.clicked.connect(self.start)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel)
        self.status = QtWidgets.QLabel(
            self.tr(
                "Each fold of documents is held out in turn: the recommenders learn from the "
                "others and are scored on it (exact start, end and label)."
            )
        )
        self.status.setWordWrap(True)
        self.model = FiguresModel(self)
        self.table = list_table(self.model)
        self.table.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.table.horizontalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        self.switches = QtWidgets.QGroupBox(self.tr("Suggestions shown to annotators"))
        self.switch_boxes: dict[str, QtWidgets.QCheckBox] = {}
        switches = QtWidgets.QHBoxLayout(self.switches)
        settings = recommender_settings(self.project)
        for name in [*RECOMMENDERS, *stored_recommenders(self.project)]:
            box = QtWidgets.QCheckBox(name)
            box.setChecked(settings.enabled(name))
            box.toggled.connect(lambda on, n=name: self._switch(n, on))
            switches.addWidget(box)
            self.switch_boxes[name] = box
        switches.addStretch(1)
        self.train_from = QtWidgets.QComboBox()
        words = {
            OWN: self.tr("each annotator's own sets (the gold set for a curator editing it)"),
            FINISHED: self.tr("the finished sets of everyone"),
            GOLD: self.tr("the gold standard"),
        }
        for choice in TRAINING_CHOICES:
            self.train_from.addItem(words[choice], choice)
        self.train_from.setCurrentIndex(TRAINING_CHOICES.index(settings.train_from))
        self.train_from.currentIndexChanged.connect(self._train_from_changed)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)

        form = QtWidgets.QFormLayout()
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(QtWidgets.QLabel(self.tr("Folds")))
        row.addWidget(self.folds)
        row.addWidget(self.evaluate_button)
        row.addWidget(self.cancel_button)
        form.addRow(self.tr("Evaluate on"), row)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.switches)
        learn = QtWidgets.QFormLayout()
        learn.addRow(self.tr("Recommenders in the window learn from"), self.train_from)
        layout.addLayout(learn)
        layout.addWidget(self.message)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.idle_widgets = (self.evaluate_button, self.source, self.folds)

    def start(self) -> None:
        project = self.project
        source = TrainingSource.parse(str(self.source.currentData()))
        folds = self.folds.value()
        self.status.setText(self.tr("Evaluating on %s…") % text_of(source.describe()))
        self.run_task(lambda progress: _evaluate(project, source, folds, progress))

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_done(self, evaluation: Evaluation) -> None:
        self.model.show(evaluation)
        folds = self.tr("%n-fold cross-validation", None, evaluation.folds)
        self.status.setText(
            self.tr("{validation} over %n document(s).", None, evaluation.documents).format(
                validation=folds
            )
        )

    def _on_failed(self, message: str) -> None:
        self.status.setText(message)

    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Evaluation cancelled."))

    def _switch(self, name: str, on: bool) -> None:
        window = self.main
        curator = window.annotator.id if window.annotator is not None else None
        if window.run_operation(set_recommender_enabled, curator, name, on) is None:
            self._show_refusal()

    def _train_from_changed(self) -> None:
        window = self.main
        curator = window.annotator.id if window.annotator is not None else None
        choice = str(self.train_from.currentData())
        if window.run_operation(set_training_source, curator, choice) is None:
            self._show_refusal()

    def _show_refusal(self) -> None:
        refusal = self.main.last_refusal
        self.message.setText(error_text(refusal) if refusal is not None else "")


def open_quality(window: MainWindow) -> QualityDialog | None:
    from ui.curators import curator_refusal

    refusal = curator_refusal(window, DOING)
    if refusal is not None:
        window.show_notice(refusal)
        return None
    dialog = QualityDialog(window)
    dialog.show()
    return dialog
