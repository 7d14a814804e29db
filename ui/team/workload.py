"""Review > Workload…: each annotator's assigned documents (new, in progress, finished),
planning more automatically, and moving unfinished ones to someone else. Curators
only; it works on a project file as on a team project, and follows others' changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.annotation.annotators import read_annotators
from core.team.assignment import (
    CORPUS_ORDER,
    RANDOM_ORDER,
    assign_automatically,
    reassign,
    workload,
)
from ui.i18n import QT_TRANSLATE_NOOP
from ui.notice import ERROR
from ui.qt import Qt, QtCore, QtWidgets

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class WorkloadDialog(QtWidgets.QDialog):
    COLUMNS = (  # translated where shown
        QT_TRANSLATE_NOOP("WorkloadDialog", "Annotator"),
        QT_TRANSLATE_NOOP("WorkloadDialog", "Assigned"),
        QT_TRANSLATE_NOOP("WorkloadDialog", "New"),
        QT_TRANSLATE_NOOP("WorkloadDialog", "In progress"),
        QT_TRANSLATE_NOOP("WorkloadDialog", "Finished"),
    )

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.main = window
        self.setWindowTitle(self.tr("Workload"))
        self.table = QtWidgets.QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QtWidgets.QHeaderView.ResizeMode.Stretch
        )

        self.per_document = QtWidgets.QSpinBox()
        self.per_document.setRange(1, 99)
        self.shared = QtWidgets.QSpinBox()
        self.shared.setRange(0, 100)
        self.shared.setSuffix(" %")
        self.order = QtWidgets.QComboBox()
        self.order.addItem(self.tr("in corpus order"), CORPUS_ORDER)
        self.order.addItem(self.tr("at random"), RANDOM_ORDER)
        self.seed = QtWidgets.QSpinBox()
        self.seed.setRange(0, 10**6)
        self.seed.setPrefix(self.tr("seed "))
        assign = QtWidgets.QPushButton(self.tr("Assign the unassigned documents"))
        assign.clicked.connect(self._assign)
        plan = QtWidgets.QHBoxLayout()
        for text, widget in (
            (self.tr("Annotators per document:"), self.per_document),
            (self.tr("For everyone:"), self.shared),
        ):
            plan.addWidget(QtWidgets.QLabel(text))
            plan.addWidget(widget)
        plan.addWidget(self.order)
        plan.addWidget(self.seed)
        plan.addStretch(1)
        plan.addWidget(assign)

        self.source = QtWidgets.QComboBox()
        self.target = QtWidgets.QComboBox()
        move = QtWidgets.QPushButton(self.tr("Move unfinished documents"))
        move.clicked.connect(self._reassign)
        moving = QtWidgets.QHBoxLayout()
        moving.addWidget(QtWidgets.QLabel(self.tr("From")))
        moving.addWidget(self.source)
        moving.addWidget(QtWidgets.QLabel(self.tr("to")))
        moving.addWidget(self.target)
        moving.addStretch(1)
        moving.addWidget(move)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(plan)
        layout.addLayout(moving)
        self.resize(720, 420)
        window.operation_did_execute.connect(lambda _changes: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        project = self.main.project
        if project is None:
            self.close()
            return
        rows = workload(project)
        self.table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            values = (entry.name, entry.assigned, entry.new, entry.in_progress, entry.finished)
            for column, value in enumerate(values):
                item = QtWidgets.QTableWidgetItem(str(value))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        people = [a for a in read_annotators(project) if not a.is_curator]
        for combo in (self.source, self.target):
            chosen = combo.currentData()
            combo.clear()
            for person in people:
                combo.addItem(person.name, person.id)
            if chosen is not None and combo.findData(chosen) >= 0:
                combo.setCurrentIndex(combo.findData(chosen))
        self.per_document.setMaximum(max(1, len(people)))

    def _curator(self) -> int | None:
        return self.main.annotator.id if self.main.annotator else None

    def _assign(self) -> None:
        project = self.main.project
        if project is None:
            return
        people = [a.id for a in read_annotators(project) if not a.is_curator]
        self.main.run_operation(
            assign_automatically,
            self._curator(),
            people,
            per_document=self.per_document.value(),
            shared_fraction=self.shared.value() / 100,
            order=self.order.currentData(),
            seed=self.seed.value(),
        )

    def _reassign(self) -> None:
        source, target = self.source.currentData(), self.target.currentData()
        if source is None or target is None:
            return
        self.main.run_operation(reassign, self._curator(), source, target)


def open_workload(window: MainWindow) -> WorkloadDialog | None:
    annotator = window.annotator
    if annotator is None or not annotator.is_curator:
        window.show_notice(
            QtCore.QCoreApplication.translate(
                "Workload", "Only curators plan the work (Review > Annotators and roles)."
            ),
            ERROR,
        )
        return None
    dialog = window.findChild(WorkloadDialog)
    if dialog is None:
        dialog = WorkloadDialog(window)
    dialog.show()
    dialog.raise_()
    return dialog
