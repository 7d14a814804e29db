"""The Suggestions panel: what the recommenders learnt from (training progress, Cancel,
Train now), how many suggestions the annotator accepted and rejected, the shown
document's suggestions (choosing one goes to it in the text), and buttons for what the
keys do on a suggestion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.recommend.suggestions import Suggestion
from ui import bindings
from ui.item_views import ModelIndex, TableModel, list_table
from ui.marks import color_icon, themed
from ui.qt import Qt, QtCore, QtWidgets

if TYPE_CHECKING:
    from ui.recommend.controller import Recommending


class SuggestionListModel(TableModel):
    LABEL, TEXT, SCORE = range(3)

    def __init__(self, recommending: Recommending, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.recommending = recommending
        self.HEADERS = (self.tr("Label"), self.tr("Text"), self.tr("Score"))
        self.rows: list[Suggestion] = []

    def row_count(self) -> int:
        return len(self.rows)

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = list(self.recommending.shown)
        self.endResetModel()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        project = self.recommending.window.project
        if not index.isValid() or project is None:
            return None
        suggestion = self.rows[index.row()]
        label = project.schema.label(suggestion.label_id)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.LABEL:
                return label.key
            if column == self.TEXT:
                return self.recommending.window.editor.text[suggestion.start : suggestion.end]
            return "" if suggestion.score is None else f"{suggestion.score:.2f}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("%1 (%2), suggested by %3")
                .replace("%1", label.key)
                .replace("%2", label.display_name)
                .replace("%3", suggestion.recommender)
            )
        if role == Qt.ItemDataRole.DecorationRole and column == self.LABEL:
            return color_icon(label.color)
        return None


class SuggestionPanel(QtWidgets.QWidget):
    def __init__(self, recommending: Recommending, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.recommending = recommending
        self.state = QtWidgets.QLabel()
        self.state.setWordWrap(True)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setVisible(False)
        self.train_button = self._tool(self.tr("Train now"), "mdi6.school")
        self.train_button.setToolTip(
            self.tr("Learn again from the annotations as they are now (in the background)")
        )
        self.train_button.clicked.connect(recommending.train_now)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(recommending.cancel_training)
        self.counts = QtWidgets.QLabel()
        self.counts.setWordWrap(True)
        self.model = SuggestionListModel(recommending, self)
        self.table = list_table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(
            SuggestionListModel.TEXT, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        for column in (SuggestionListModel.LABEL, SuggestionListModel.SCORE):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.table.clicked.connect(self._go)
        self.table.doubleClicked.connect(self._accept_row)
        self.accept_button = self._decision("suggest.accept", self.tr("Accept"), "mdi6.check")
        self.accept_button.clicked.connect(self._accept)
        self.reject_button = self._decision("suggest.reject", self.tr("Reject"), "mdi6.close")
        self.reject_button.clicked.connect(self._reject)
        self.all_button = self._decision(
            "suggest.accept_label", self.tr("All of label"), "mdi6.check-all"
        )
        self.all_button.clicked.connect(self._accept_label)

        training = QtWidgets.QHBoxLayout()
        training.addWidget(self.state, 1)
        training.addWidget(self.train_button)
        running = QtWidgets.QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        decisions = QtWidgets.QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.all_button):
            decisions.addWidget(button)
        decisions.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(training)
        layout.addLayout(running)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(decisions)
        recommending.suggestions_changed.connect(self.update_suggestions)
        recommending.training_changed.connect(self.update_training)
        self.update_training()
        self.update_suggestions()

    def _tool(self, text: str, icon: str) -> QtWidgets.QToolButton:
        button = themed(QtWidgets.QToolButton(), icon)
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    def _decision(self, binding_id: str, text: str, icon: str) -> QtWidgets.QToolButton:
        button = self._tool(text, icon)
        keys = bindings.native_text(binding_id)
        button.setToolTip(f"{bindings.binding(binding_id).description} ({keys})")
        return button

    def update_training(self) -> None:
        recommending = self.recommending
        running = recommending.training is not None
        done, total, label = recommending.progress
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.train_button.setEnabled(not running and recommending.window.project is not None)
        self.progress.setRange(0, total if total else 0)
        self.progress.setValue(min(done, total) if total else 0)
        self.progress.setFormat(label or "%p%")
        self.state.setText(recommending.state or self.tr("No recommender has learnt yet."))

    def update_suggestions(self) -> None:
        recommending = self.recommending
        counts = recommending.counts
        self.counts.setText(
            self.tr("In this document: %1 accepted, %2 rejected; in all: %3 accepted, %4 rejected")
            .replace("%1", str(counts.accepted))
            .replace("%2", str(counts.rejected))
            .replace("%3", str(counts.accepted_total))
            .replace("%4", str(counts.rejected_total))
        )
        self.model.refresh()
        current = recommending.current
        if current is not None and current in self.model.rows:
            # through the selection model: a right-to-left table's selectRow selects
            # nothing while its columns are narrower than the view
            index = self.model.index(self.model.rows.index(current), 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QtCore.QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        else:
            self.table.clearSelection()
        for button in (self.accept_button, self.reject_button, self.all_button):
            button.setEnabled(current is not None)
        if current is not None:
            label = recommending.window.require_project().schema.label(current.label_id).key
            self.all_button.setText(self.tr("All %s") % label)
        else:
            self.all_button.setText(self.tr("All of label"))

    def _go(self, index: ModelIndex) -> None:
        if index.isValid():
            self.recommending.go_to(self.model.rows[index.row()])

    def _accept_row(self, index: ModelIndex) -> None:
        self._go(index)
        self._accept()

    def _accept(self) -> None:
        self.recommending.accept_current()
        self.recommending.window.editor.setFocus()

    def _reject(self) -> None:
        self.recommending.reject_current()
        self.recommending.window.editor.setFocus()

    def _accept_label(self) -> None:
        self.recommending.accept_label()
        self.recommending.window.editor.setFocus()
