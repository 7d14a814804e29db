"""The review dashboard: agreement at a glance, and the way to the disagreements.

`open_review_dashboard(project, annotator_id, parent)` opens it (a top-level
window). The figures are computed off the GUI thread with a progress dialog
(Cancel stops them); the views then show, for the chosen measure:

* an annotator × annotator heatmap (`PairHeatmap`);
* a per-label table (per event type / stance target for those layers);
* the label confusion matrix of a chosen pair;
* the compared documents, lowest agreement first;
* the disagreements with their context, filtered by the cell, row or label the
  user chose.

Choosing a disagreement (double-click, Enter, or "Open side by side") emits
``disagreement_chosen(document_id, start, end, annotator_ids)``: offsets in code
points of the document's frozen text (``start == end == 0`` for a
document-level stance, which concerns the whole document), annotator ids as a
list of ints. The main window connects it to open the document with those
annotators' versions side by side at that place.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict

from core.collector import settle_memory
from core.project.errors import OperationError
from core.project.project import Project
from core.review.agreement.disagreements import DisagreementList, find_disagreements
from core.review.agreement.measure_tokens import token_kappa
from core.review.agreement.project import DocumentTexts, compute_agreement, token_sources
from core.review.agreement.report import (
    GOLD,
    POOLED,
    semeval_rows,
    write_disagreements,
    write_report,
)
from core.review.agreement.results import (
    LAYER_TITLES,
    MEASURE_BY_KEY,
    MEASURES,
    SEMEVAL_MEASURES,
    AgreementReport,
    Figure,
    MeasureResult,
)
from core.review.agreement.semeval import KINDS as SEMEVAL_KINDS
from core.review.agreement.study import AgreementOptions
from ui.bidi import offsets, unbroken
from ui.fonts import text_font
from ui.i18n import error_text, name_of, text_of
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ui.review.charts import (
    Chart,
    LabelAgreementChart,
    LabelChart,
    ProgressChart,
    TimelineChart,
    export_chart,
)
from ui.review.heatmap import Cell, PairHeatmap
from ui.review.restrict import RestrictDialog, Restriction
from ui.review.table_models import (
    ArabicTextDelegate,
    DisagreementModel,
    DocumentModel,
    confusion_brush,
    figure_from,
    utf16_position,
)
from ui.tasks import ProgressDialog, Task

NOTHING = "—"  # the confusion matrix's "no annotation there"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _rtl_option() -> QtGui.QTextOption:
    option = QtGui.QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


class DisagreementFilter(TypedDict, total=False):
    """The disagreements listed: `show_disagreements`' arguments, kept for a refresh."""

    pair: tuple[int, int] | None
    document: int | None
    label: str | None
    layer: str | None


class ReviewDashboard(QtWidgets.QMainWindow):
    """See the module doc. `annotator_id` is the person looking (shown in bold)."""

    disagreement_chosen = Signal(int, int, int, list)  # document id, start, end, annotator ids
    computed = Signal()  # new figures are on screen
    failed = Signal(str)  # the computation or an export failed; the message says why
    exported = Signal(str)  # an export was written to this path
    token_kappa_computed = Signal()  # the token kappa (computed after the rest) is shown

    def __init__(
        self,
        project: Project,
        annotator_id: int | None = None,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.project = project
        self.annotator_id = annotator_id
        self.report: AgreementReport | None = None
        self.found: DisagreementList | None = None
        self._task: Task | None = None
        self._token_task: Task | None = None
        self._exports: list[Task] = []
        self._filter: DisagreementFilter = {}
        self.setWindowTitle(self.tr("Review agreement — {project}").format(project=project.name))
        self.resize(1280, 820)
        self._build()
        QtCore.QTimer.singleShot(0, self.refresh)

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        self.measure_combo = QtWidgets.QComboBox()
        for layer, title in LAYER_TITLES.items():
            if self.measure_combo.count():
                self.measure_combo.insertSeparator(self.measure_combo.count())
            for info in MEASURES:
                if info.layer == layer:
                    self.measure_combo.addItem(
                        f"{text_of(title)} · {text_of(info.title)}", info.key
                    )
        self.measure_combo.currentIndexChanged.connect(self._show_measure)
        self.unfinished_check = QtWidgets.QCheckBox(self.tr("Include sets in progress"))
        self.unfinished_check.toggled.connect(self.refresh)
        self.restriction = Restriction()
        self.restrict_button = QtWidgets.QPushButton(self.tr("Compare only…"))
        self.restrict_button.setToolTip(self.tr("Compare some annotators, documents or labels"))
        self.restrict_button.clicked.connect(self._ask_restriction)
        self.restriction_label = QtWidgets.QLabel(self.restriction.describe())
        self.restriction_label.setProperty("role", "muted")
        self.refresh_button = QtWidgets.QPushButton(self.tr("Recompute"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_report_button = QtWidgets.QPushButton(self.tr("Export report…"))
        self.export_report_button.clicked.connect(self._ask_export_report)
        self.export_disagreements_button = QtWidgets.QPushButton(self.tr("Export disagreements…"))
        self.export_disagreements_button.clicked.connect(self._ask_export_disagreements)
        for button in (self.export_report_button, self.export_disagreements_button):
            button.setEnabled(False)

        controls = QtWidgets.QHBoxLayout()
        controls.addWidget(QtWidgets.QLabel(self.tr("Measure:")))
        controls.addWidget(self.measure_combo, 1)
        controls.addWidget(self.unfinished_check)
        controls.addWidget(self.restrict_button)
        controls.addWidget(self.restriction_label)
        controls.addStretch(1)
        for widget in (
            self.refresh_button,
            self.export_report_button,
            self.export_disagreements_button,
        ):
            controls.addWidget(widget)

        self.heatmap = PairHeatmap()
        self.heatmap.pair_clicked.connect(self._on_pair_clicked)
        self.overall_label = QtWidgets.QLabel()
        self.overall_label.setWordWrap(True)
        left = QtWidgets.QWidget()
        left_layout = QtWidgets.QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.overall_label)
        left_layout.addWidget(self.heatmap, 1)

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self._build_labels(), self.tr("Labels"))
        self.tabs.addTab(self._build_confusion(), self.tr("Confusion"))
        self.tabs.addTab(self._build_documents(), self.tr("Documents"))
        self.tabs.addTab(self._build_disagreements(), self.tr("Disagreements"))
        self.semeval_page = self._build_semeval()
        self.tabs.addTab(self.semeval_page, self.tr("SemEval-2013"))
        self.charts_page = self._build_charts()
        self.tabs.addTab(self.charts_page, self.tr("Charts"))

        splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([470, 790])

        central = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(central)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Computing agreement…"))

    def _table(self) -> QtWidgets.QTableWidget:
        table = QtWidgets.QTableWidget()
        table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        return table

    def _build_labels(self) -> QtWidgets.QWidget:
        self.label_table = self._table()
        self.label_table.cellActivated.connect(self._on_label_activated)
        return self.label_table

    def _build_confusion(self) -> QtWidgets.QWidget:
        self.confusion_a = QtWidgets.QComboBox()
        self.confusion_b = QtWidgets.QComboBox()
        for combo in (self.confusion_a, self.confusion_b):
            combo.currentIndexChanged.connect(self._show_confusion)
        self.confusion_table = self._table()
        self.confusion_table.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectItems
        )
        self.confusion_table.cellActivated.connect(self._on_confusion_activated)
        self.confusion_note = QtWidgets.QLabel()
        self.confusion_note.setWordWrap(True)
        pair = QtWidgets.QHBoxLayout()
        pair.addWidget(QtWidgets.QLabel(self.tr("Rows:")))
        pair.addWidget(self.confusion_a)
        pair.addWidget(QtWidgets.QLabel(self.tr("Columns:")))
        pair.addWidget(self.confusion_b)
        pair.addStretch(1)
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        layout.addLayout(pair)
        layout.addWidget(self.confusion_table, 1)
        layout.addWidget(self.confusion_note)
        return page

    def _build_documents(self) -> QtWidgets.QWidget:
        self.document_model = DocumentModel(self)
        self.document_view = QtWidgets.QTableView()
        self.document_view.setModel(self.document_model)
        self.document_view.setItemDelegateForColumn(2, ArabicTextDelegate(self.document_view))
        self.document_view.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.document_view.verticalHeader().setVisible(False)
        self.document_view.horizontalHeader().setSectionResizeMode(
            2, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.document_view.activated.connect(self._on_document_activated)
        self.document_caption = QtWidgets.QLabel()
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        layout.addWidget(self.document_caption)
        layout.addWidget(self.document_view, 1)
        return page

    def _build_disagreements(self) -> QtWidgets.QWidget:
        self.filter_label = QtWidgets.QLabel()
        self.show_all_button = QtWidgets.QPushButton(self.tr("Show all"))
        self.show_all_button.clicked.connect(lambda: self.show_disagreements())
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.filter_label, 1)
        top.addWidget(self.show_all_button)

        self.disagreement_model = DisagreementModel(self)
        self.disagreement_view = QtWidgets.QTableView()
        self.disagreement_view.setModel(self.disagreement_model)
        self.disagreement_view.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.disagreement_view.setSelectionMode(
            QtWidgets.QAbstractItemView.SelectionMode.SingleSelection
        )
        self.disagreement_view.verticalHeader().setVisible(False)
        view = self.disagreement_view
        for column in (3, 4):
            view.setItemDelegateForColumn(column, ArabicTextDelegate(view, rtl=False))
        view.setItemDelegateForColumn(DisagreementModel.CONTEXT, ArabicTextDelegate(view))
        header = self.disagreement_view.horizontalHeader()
        header.setSectionResizeMode(
            DisagreementModel.CONTEXT, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.disagreement_view.activated.connect(self._on_disagreement_activated)
        self.disagreement_view.selectionModel().currentRowChanged.connect(self._show_context)

        self.context_caption = QtWidgets.QLabel()
        self.context_view = QtWidgets.QTextEdit()
        self.context_view.setReadOnly(True)
        self.context_view.setUndoRedoEnabled(False)
        self.context_view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.context_view.setFont(text_font(point_size=15))
        self.context_view.document().setDefaultTextOption(_rtl_option())
        self.open_button = QtWidgets.QPushButton(self.tr("Open side by side"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_current)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.open_button)

        detail = QtWidgets.QWidget()
        detail_layout = QtWidgets.QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.context_caption)
        detail_layout.addWidget(self.context_view, 1)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.disagreement_view)
        splitter.addWidget(detail)
        splitter.setSizes([420, 220])
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        return page

    def _build_semeval(self) -> QtWidgets.QWidget:
        self.semeval_table = self._table()
        self.semeval_note = QtWidgets.QLabel(
            self.tr(
                "SemEval-2013 (Task 9.1) span scores. The first annotator is the reference "
                "(against gold, gold is). COR correct, INC incorrect, PAR partial, MIS missed, "
                "SPU spurious; strict: same offsets and label, exact: same offsets, partial: "
                "overlap counts half, type: overlap with the same label."
            )
        )
        self.semeval_note.setWordWrap(True)
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        layout.addWidget(self.semeval_table, 1)
        layout.addWidget(self.semeval_note)
        return page

    def _build_charts(self) -> QtWidgets.QWidget:
        self.label_chart = LabelChart()
        self.progress_chart = ProgressChart()
        self.timeline_chart = TimelineChart()
        self.agreement_chart = LabelAgreementChart()
        self.chart_combo = QtWidgets.QComboBox()
        self.chart_stack = QtWidgets.QStackedWidget()
        charts = (self.label_chart, self.progress_chart, self.timeline_chart, self.agreement_chart)
        for chart in charts:
            self.chart_combo.addItem(chart.title())
            self.chart_stack.addWidget(chart)
        self.chart_combo.currentIndexChanged.connect(self.chart_stack.setCurrentIndex)
        self.export_chart_button = QtWidgets.QPushButton(self.tr("Export chart…"))
        self.export_chart_button.setToolTip(self.tr("Save the chart shown as PNG or SVG"))
        self.export_chart_button.clicked.connect(self._ask_export_chart)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(QtWidgets.QLabel(self.tr("Chart:")))
        top.addWidget(self.chart_combo, 1)
        top.addStretch(1)
        top.addWidget(self.export_chart_button)
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.chart_stack, 1)
        return page

    # --- computing ----------------------------------------------------------------

    @property
    def options(self) -> AgreementOptions:
        # token kappa tokenizes every document: it follows in a second step
        return AgreementOptions(
            documents=self.restriction.documents,
            annotators=self.restriction.annotators,
            labels=self.restriction.labels,
            include_unfinished=self.unfinished_check.isChecked(),
            token_kappa=False,
        )

    def set_restriction(self, restriction: Restriction) -> None:
        """Compare only these annotators, documents and labels (recomputes)."""
        self.restriction = restriction
        self.restriction_label.setText(restriction.describe())
        self.refresh()

    def _ask_restriction(self) -> None:
        dialog = RestrictDialog(self.project, self.restriction, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.set_restriction(dialog.restriction())

    def refresh(self) -> None:
        """Recompute everything in the background (the current figures stay meanwhile)."""
        self.cancel()
        project, options = self.project, self.options

        def work(progress):
            report = compute_agreement(project, options, progress)
            texts = DocumentTexts(project, report.documents)
            return report, find_disagreements(report.study, texts, progress=progress)

        task = Task(work, (OperationError,), self)
        task.finished.connect(lambda result, t=task: self._on_computed(t, result))
        task.failed.connect(lambda message, t=task: self._on_failed(t, message))
        task.cancelled.connect(lambda t=task: self._on_cancelled(t))
        ProgressDialog(task, self.tr("Computing agreement"), self)
        self._task = task
        self.refresh_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("Computing agreement…"))
        task.start()

    def cancel(self) -> None:
        for task in (self._task, self._token_task):
            if task is not None:
                task.cancel()

    def _finish(self, task: Task) -> bool:
        """Whether `task` is the current one (a superseded task's result is dropped)."""
        if task is not self._task:
            return False
        self._task = None
        self.refresh_button.setEnabled(True)
        return True

    def _on_cancelled(self, task: Task) -> None:
        if self._finish(task):
            self.statusBar().showMessage(
                self.tr("Cancelled; the figures shown are the previous ones")
            )

    def _on_failed(self, task: Task, message: str) -> None:
        if self._finish(task):
            self.statusBar().showMessage(message)
            self.failed.emit(message)

    def _on_computed(self, task: Task, result) -> None:
        if not self._finish(task):
            return
        self.report, self.found = result
        report = self.report
        if report.label_distribution is not None:
            self.label_chart.set_data(report.label_distribution, self._label_name)
        self.progress_chart.set_data(report.progress)
        self.timeline_chart.set_data(report.progress)
        scope = (
            self.tr("finished and in-progress sets")
            if report.options.include_unfinished
            else self.tr("finished sets only")
        )
        self.statusBar().showMessage(
            " · ".join(
                (
                    self.tr("%n annotator(s)", None, len(report.annotators)),
                    self.tr("%n document(s) compared", None, len(report.documents)),
                    scope,
                    self.tr("%n disagreement(s)", None, len(self.found.items)),
                )
            )
        )
        for button in (self.export_report_button, self.export_disagreements_button):
            button.setEnabled(True)
        names = [(a.id, a.name) for a in report.annotators]
        for combo, default in ((self.confusion_a, 0), (self.confusion_b, 1)):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            for annotator_id, name in names:
                combo.addItem(name, annotator_id)
            index = combo.findData(current)
            if index < 0 and len(names) > 1:
                index = default
                if self.annotator_id in dict(names) and default == 0:
                    index = combo.findData(self.annotator_id)
                elif self.annotator_id in dict(names) and default == 1:
                    index = next(i for i, (a, _) in enumerate(names) if a != self.annotator_id)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        report.measures["entities.token_kappa"] = MeasureResult(
            overall=Figure.none(self.tr("being computed…"))
        )
        self._show_measure()
        self.show_disagreements(**self._filter)
        settle_memory()  # while the figures appear, not at the next click
        self.computed.emit()
        self._start_token_kappa(report)

    def _start_token_kappa(self, report: AgreementReport) -> None:
        project, compared = self.project, list(report.study.coverage)
        task = Task(
            lambda progress: token_kappa(report.study, token_sources(project, compared), progress),
            (),
            self,
            background=True,  # the disagreements are browsed meanwhile
        )
        task.finished.connect(lambda result, t=task: self._on_token_kappa(t, report, result))
        task.failed.connect(lambda message, t=task: self._on_token_kappa_failed(t, message))
        self._token_task = task
        task.start()

    def _on_token_kappa(self, task: Task, report: AgreementReport, result) -> None:
        if task is not self._token_task or report is not self.report:
            return  # superseded by a newer computation
        self._token_task = None
        report.measures["entities.token_kappa"] = result
        if MEASURE_BY_KEY[self.measure].layer == "entities":
            self._show_measure()
        self.token_kappa_computed.emit()

    def _on_token_kappa_failed(self, task: Task, message: str) -> None:
        if task is self._token_task:
            self._token_task = None
            self.statusBar().showMessage(self.tr("Token kappa: {reason}").format(reason=message))

    # --- showing ------------------------------------------------------------------

    @property
    def measure(self) -> str:
        return self.measure_combo.currentData()

    def set_measure(self, key: str) -> None:
        self.measure_combo.setCurrentIndex(self.measure_combo.findData(key))

    def _show_measure(self) -> None:
        report = self.report
        if report is None:
            return
        info = MEASURE_BY_KEY[self.measure]
        result = report.measures[info.key]
        cells = {}
        for a, b in report.study.pairs():
            figure = report.pair_figure(info.key, a, b)
            text = (
                figure_from(figure)
                if figure.defined
                else text_of(figure.undefined or self.tr("undefined"))
            )
            if figure.has_interval:
                text += self.tr("; 95% CI {0} ({1})").format(
                    unbroken(figure.interval_text(3)), self._method_name(figure.method)
                )
            cells[(a, b)] = Cell(figure.value, text)
        self.heatmap.set_data(
            [(a.id, a.name) for a in report.annotators], cells, highlight=self.annotator_id
        )
        if len(report.annotators) < 2:
            self.heatmap.set_empty_text(
                self.tr("Agreement needs two annotators who finished the same documents.")
            )
        overall = result.overall
        interval = (
            self.tr(" (95% CI {0}, {1})").format(
                unbroken(overall.interval_text(3)), self._method_name(overall.method)
            )
            if overall.has_interval
            else ""
        )
        value = (
            f"<b>{overall.value:.3f}</b>{interval}"
            if overall.defined
            else self.tr("n/a — {reason}").format(reason=text_of(overall.undefined or ""))
        )
        self.overall_label.setText(
            self.tr("<b>{measure}</b>, overall ({scope}): {value}").format(
                measure=text_of(info.title), scope=text_of(info.overall_title), value=value
            )
        )
        self._show_labels(report)
        self._show_confusion()
        self._show_documents(report)
        self._show_semeval(report)
        self.agreement_chart.set_data(info.title, list(result.by_label.items()), self._label_name)

    def _method_name(self, method: str) -> str:
        return self.tr("bootstrap") if method == "bootstrap" else self.tr("Gwet's formula")

    def _label_name(self, key: str) -> str:
        found = next((x for x in self.project.schema.labels if x.key == key), None)
        return found.display_name if found is not None else key

    def _show_semeval(self, report: AgreementReport) -> None:
        rows = semeval_rows(report)
        table = self.semeval_table
        table.clear()
        headers = [
            self.tr("Reference"),
            self.tr("Compared"),
            self.tr("Schema"),
            "COR",
            "INC",
            "PAR",
            "MIS",
            "SPU",
            self.tr("Precision"),
            self.tr("Recall"),
            "F1",
            self.tr("95% CI"),
        ]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        names = {
            GOLD: self.tr("gold"),
            POOLED[0]: self.tr("all pairs"),
            POOLED[1]: self.tr("pooled"),
        }
        schemas = {
            "strict": self.tr("strict"),
            "exact": self.tr("exact"),
            "partial": self.tr("partial"),
            "type": self.tr("type"),
        }
        for r, row in enumerate(rows):
            interval = (
                f"[{row['ci_low']:.3f}, {row['ci_high']:.3f}]" if row["ci_low"] is not None else ""
            )
            cells = [
                names.get(row["annotator_a"], row["annotator_a"]),
                names.get(row["annotator_b"], row["annotator_b"]),
                schemas[row["schema"]],
                *(str(row[kind]) for kind in SEMEVAL_KINDS),
                f"{row['precision']:.3f}",
                f"{row['recall']:.3f}",
                f"{row['f1']:.3f}",
                interval,
            ]
            for c, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                if c >= 3:
                    item.setTextAlignment(RIGHT)
                if c == 10:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def _show_labels(self, report: AgreementReport) -> None:
        info = MEASURE_BY_KEY[self.measure]
        # the chosen measure's family: the SemEval schemas, or the other measures
        semeval = info.key in SEMEVAL_MEASURES
        measures = [
            m
            for m in MEASURES
            if m.layer == info.layer and m.label_title and (m.key in SEMEVAL_MEASURES) == semeval
        ]
        table = self.label_table
        table.clear()
        if not measures:
            table.setRowCount(0)
            table.setColumnCount(1)
            table.setHorizontalHeaderLabels([self.tr("No per-label figures for this layer")])
            return
        labels = list(dict.fromkeys(k for m in measures for k in report.measures[m.key].by_label))
        table.setColumnCount(len(measures) + 3)
        table.setHorizontalHeaderLabels(
            [
                text_of(measures[0].label_title),
                *(text_of(m.title) for m in measures),
                self.tr("Compared"),
                self.tr("95% CI ({0})").format(text_of(info.title)),
            ]
        )
        table.setRowCount(len(labels))
        names = self._label_names(info.layer)
        schema = self.project.schema
        for row, label in enumerate(labels):
            item = QtWidgets.QTableWidgetItem(names.get(label, label))
            item.setData(Qt.ItemDataRole.UserRole, label)
            found = next((x for x in schema.labels if x.key == label), None)
            if found is not None:
                item.setToolTip(f"{found.name_ar} — {found.name_en}".strip(" —"))
                swatch = QtGui.QPixmap(12, 12)
                swatch.fill(QtGui.QColor(found.color))
                item.setIcon(QtGui.QIcon(swatch))
            table.setItem(row, 0, item)
            support = 0
            for column, m in enumerate(measures, start=1):
                figure = report.measures[m.key].by_label.get(label)
                cell = QtWidgets.QTableWidgetItem(
                    "" if figure is None else figure.text(3) if figure.defined else self.tr("n/a")
                )
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if figure is not None:
                    cell.setToolTip(
                        figure_from(figure, 4)
                        + (
                            self.tr(", 95% CI {0}").format(unbroken(figure.interval_text(3)))
                            if figure.has_interval
                            else ""
                        )
                        if figure.defined
                        else text_of(figure.undefined or "")
                    )
                    if m.key == info.key and figure.defined:
                        font = cell.font()
                        font.setBold(True)
                        cell.setFont(font)
                    support = max(support, figure.support)
                table.setItem(row, column, cell)
            count = QtWidgets.QTableWidgetItem(str(support))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, len(measures) + 1, count)
            chosen = report.measures[info.key].by_label.get(label)
            interval = QtWidgets.QTableWidgetItem(
                unbroken(chosen.interval_text(3)) if chosen is not None else ""
            )
            interval.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, len(measures) + 2, interval)
        table.resizeColumnsToContents()

    def confusion_pair(self) -> tuple[int, int] | None:
        a, b = self.confusion_a.currentData(), self.confusion_b.currentData()
        return (a, b) if a is not None and b is not None else None

    def set_confusion_pair(self, a: int, b: int) -> None:
        for combo, value in ((self.confusion_a, a), (self.confusion_b, b)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        self._show_confusion()

    def _show_confusion(self) -> None:
        table = self.confusion_table
        pair = self.confusion_pair()
        if self.found is None or self.report is None or pair is None:
            return
        a, b = pair
        info = MEASURE_BY_KEY[self.measure]
        table.clear()
        if a == b:
            table.setRowCount(0)
            table.setColumnCount(0)
            self.confusion_note.setText(self.tr("Choose two different annotators."))
            return
        matrix = self.found.confusion_of(info.layer, a, b)
        order = {
            "entities": self.report.study.entity_labels,
            "events": self.report.study.event_types,
            "stances": self.report.study.polarities,
        }[info.layer]
        used = {x for pair_ in matrix for x in pair_ if x is not None}
        labels = [k for k in order if k in used] + sorted(used - set(order))
        rows = [*labels, None]
        table.setRowCount(len(rows))
        table.setColumnCount(len(rows))
        names = self._label_names(info.layer)
        titles = [names.get(x, x) if x is not None else NOTHING for x in rows]
        table.setHorizontalHeaderLabels(titles)
        table.setVerticalHeaderLabels(titles)
        table.verticalHeader().setVisible(True)
        largest = max(matrix.values(), default=0)
        dark = self.palette().color(QtGui.QPalette.ColorRole.Window).lightnessF() < 0.5
        for r, row_label in enumerate(rows):
            for c, column_label in enumerate(rows):
                count = matrix.get((row_label, column_label), 0)
                item = QtWidgets.QTableWidgetItem(str(count) if count else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(Qt.ItemDataRole.UserRole, (row_label, column_label))
                if row_label is None and column_label is None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                else:
                    item.setBackground(
                        confusion_brush(count, largest, row_label == column_label, dark)
                    )
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        name = self.report.name
        what = {
            "entities": self.tr("Labels"),
            "events": self.tr("Event types"),
            "stances": self.tr("Polarities"),
        }[info.layer]
        self.confusion_note.setText(
            self.tr(
                "{what} of {first} (rows) against {second} (columns), paired as in the "
                "disagreement list: same offsets, then overlapping spans. {nothing}: nothing "
                "there. Double-click a cell for its disagreements."
            ).format(what=what, first=name(a), second=name(b), nothing=NOTHING)
        )

    def _show_documents(self, report: AgreementReport) -> None:
        info = MEASURE_BY_KEY[self.measure]
        per_document = MEASURE_BY_KEY[info.per_document]
        self.document_model.set_rows(report.documents_by_agreement(info.key))
        self.document_caption.setText(
            self.tr(
                "{measure} per document, lowest first (pooled over the pairs who finished it). "
                "Double-click a document for its disagreements."
            ).format(measure=text_of(per_document.title))
        )
        self.document_view.resizeColumnToContents(0)
        self.document_view.resizeColumnToContents(1)

    # --- disagreements --------------------------------------------------------------

    def show_disagreements(
        self,
        *,
        pair: tuple[int, int] | None = None,
        document: int | None = None,
        label: str | None = None,
        layer: str | None = None,
    ) -> None:
        """Fill the disagreement list with those matching the filter, and show it."""
        self._filter = {"pair": pair, "document": document, "label": label, "layer": layer}
        if self.found is None or self.report is None:
            return
        items = self.found.select(pair=pair, document=document, label=label, layer=layer)
        names = {a.id: a.name for a in self.report.annotators}
        titles = {d.id: d.title for d in self.report.documents.values()}
        label_names = self._label_names(layer)
        self.disagreement_model.set_items(items, names, titles, label_names)
        parts = []
        if layer:
            parts.append(text_of(LAYER_TITLES[layer]))
        if pair:
            parts.append(f"{names.get(pair[0])} × {names.get(pair[1])}")
        if document is not None:
            parts.append(
                self.tr("document {id} «{title}»").format(
                    id=document, title=titles.get(document, "")[:40]
                )
            )
        if label:
            parts.append(label_names.get(label, label))
        count = self.tr("%n disagreement(s)", None, len(items))
        if parts:
            shown = self.tr("{count}: {filter}").format(count=count, filter=", ".join(parts))
        else:
            shown = self.tr("{count}, all pairs").format(count=count)
        self.filter_label.setText(shown)
        self.show_all_button.setEnabled(bool(parts))
        self.disagreement_view.resizeColumnsToContents()
        self.disagreement_view.horizontalHeader().setSectionResizeMode(
            DisagreementModel.CONTEXT, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.context_view.clear()
        self.context_caption.clear()
        self.open_button.setEnabled(False)
        if items:
            self.disagreement_view.selectRow(0)

    def _layer(self) -> str:
        return MEASURE_BY_KEY[self.measure].layer

    def _label_names(self, layer: str | None) -> dict[str, str]:
        """The names of a layer's labels by key: entity labels, event types, or stance
        polarities and targets (agreement names them by key)."""
        schema = self.project.schema
        items = {
            "entities": schema.entity_labels,
            "events": schema.event_types,
            "stances": [*schema.polarities, *schema.stance_targets],
        }.get(layer or "", schema.labels)
        return {item.key: name_of(item) for item in items}

    def _on_pair_clicked(self, a: int, b: int) -> None:
        self.set_confusion_pair(a, b)
        self.show_disagreements(pair=(a, b), layer=self._layer())
        self.tabs.setCurrentIndex(3)

    def _on_label_activated(self, row: int, _column: int = 0) -> None:
        item = self.label_table.item(row, 0)
        if item is None:
            return
        self.show_disagreements(label=item.data(Qt.ItemDataRole.UserRole), layer=self._layer())
        self.tabs.setCurrentIndex(3)

    def _on_confusion_activated(self, row: int, column: int) -> None:
        item = self.confusion_table.item(row, column)
        pair = self.confusion_pair()
        if item is None or pair is None:
            return
        row_label, column_label = item.data(Qt.ItemDataRole.UserRole)
        label = row_label if row_label is not None else column_label
        self.show_disagreements(pair=pair, label=label, layer=self._layer())
        self.tabs.setCurrentIndex(3)

    def _on_document_activated(self, index: QtCore.QModelIndex) -> None:
        if index.isValid():
            document = self.document_model.document_id(index.row())
            self.show_disagreements(document=document, layer=self._layer())
            self.tabs.setCurrentIndex(3)

    def _show_context(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        self.open_button.setEnabled(current.isValid())
        if not current.isValid():
            self.context_view.clear()
            self.context_caption.clear()
            return
        d = self.disagreement_model.item(current.row())
        names = {a.id: a.name for a in self.report.annotators} if self.report else {}
        label_names = self._label_names(self._filter.get("layer") or self._layer())
        title = self.report.documents[d.document_id].title if self.report else ""
        place = self.tr("the whole document") if d.start == d.end == 0 else offsets(d.start, d.end)
        where = self.tr("document {id}, {place}").format(id=d.document_id, place=place)
        self.context_caption.setText(
            f"<b>{text_of(d.kind_title)}</b> · {where} · "
            f"{names.get(d.annotator_ids[0])} × {names.get(d.annotator_ids[1])}"
        )
        self.context_caption.setToolTip(title)
        document = QtGui.QTextDocument(self.context_view)
        document.setDefaultFont(self.context_view.font())
        document.setDefaultTextOption(_rtl_option())
        cursor = QtGui.QTextCursor(document)
        plain = QtGui.QTextCharFormat()
        cursor.insertText(d.context, plain)
        # each version's extent: the first annotator's on a highlight, the second's
        # underlined, so boundary differences show
        first = QtGui.QTextCharFormat()
        first.setBackground(self.palette().color(QtGui.QPalette.ColorRole.Highlight))
        first.setForeground(self.palette().color(QtGui.QPalette.ColorRole.HighlightedText))
        second = QtGui.QTextCharFormat()
        second.setFontUnderline(True)
        second.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.SingleUnderline)
        second.setUnderlineColor(self.palette().color(QtGui.QPalette.ColorRole.Highlight))
        for version, marked in zip(d.versions, (first, second), strict=True):
            if version is None or version.end <= version.start:
                continue
            begin = max(0, version.start - d.context_start)
            finish = min(len(d.context), version.end - d.context_start)
            if begin >= finish:
                continue
            cursor.setPosition(utf16_position(d.context, begin))
            cursor.setPosition(
                utf16_position(d.context, finish), QtGui.QTextCursor.MoveMode.KeepAnchor
            )
            cursor.mergeCharFormat(marked)
        cursor.movePosition(QtGui.QTextCursor.MoveOperation.End)
        small = QtGui.QTextCharFormat()
        small.setFontPointSize(max(9, self.context_view.font().pointSize() - 3))
        for annotator, version in zip(d.annotator_ids, d.versions, strict=True):
            cursor.insertBlock()
            who = names.get(annotator, str(annotator))
            small.setFontUnderline(annotator == d.annotator_ids[1])
            small.setUnderlineColor(self.palette().color(QtGui.QPalette.ColorRole.Highlight))
            if version is None:
                line = "— " + self.tr("({annotator}: nothing there)").format(annotator=who)
            else:  # the Arabic first, so the right-to-left line reads naturally
                parts = [version.text] if version.text else []
                parts.append(f"{label_names.get(version.label, version.label)} ({who})")
                line = " — ".join(parts) + (f" · {version.detail}" if version.detail else "")
            cursor.insertText(line, small)
        self.context_view.setDocument(document)

    def current_disagreement(self):
        index = self.disagreement_view.currentIndex()
        return self.disagreement_model.item(index.row()) if index.isValid() else None

    def _on_disagreement_activated(self, index: QtCore.QModelIndex) -> None:
        if index.isValid():
            self._emit_chosen(self.disagreement_model.item(index.row()))

    def _open_current(self) -> None:
        chosen = self.current_disagreement()
        if chosen is not None:
            self._emit_chosen(chosen)

    def _emit_chosen(self, d) -> None:
        self.disagreement_chosen.emit(d.document_id, d.start, d.end, list(d.annotator_ids))

    # --- exporting ------------------------------------------------------------------

    def _ask_path(self, title: str, stem: str) -> str:
        start = str(self.project.path.with_name(f"{self.project.path.stem}-{stem}.xlsx"))
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, title, start, self.tr("Excel (*.xlsx);;JSON (*.json);;CSV (*.csv)")
        )
        return path

    def _ask_export_report(self) -> None:
        path = self._ask_path(self.tr("Export agreement report"), "agreement")
        if path:
            self.export_report(path)

    def _ask_export_disagreements(self) -> None:
        path = self._ask_path(self.tr("Export disagreements"), "disagreements")
        if path:
            self.export_disagreements(path)

    def _ask_export_chart(self) -> None:
        chart = self.chart_stack.currentWidget()
        stem = ("labels", "progress", "finished", "agreement")[self.chart_stack.currentIndex()]
        start = str(self.project.path.with_name(f"{self.project.path.stem}-{stem}.png"))
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Export chart"),
            start,
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if path and isinstance(chart, Chart):
            self.export_chart(chart, path)

    def export_chart(self, chart: Chart, path: str | Path) -> Path | None:
        """Write `chart` as drawn to a .png or .svg file (quick: on the GUI thread)."""
        try:
            written = export_chart(chart, path)
        except OperationError as err:
            self.statusBar().showMessage(error_text(err))
            self.failed.emit(error_text(err))
            return None
        self._on_exported(written)
        return written

    def export_report(self, path: str | Path) -> Task | None:
        """Write the report with every disagreement (in the background)."""
        report, found = self.report, self.found
        if report is None or found is None:
            return None
        return self._export(lambda _progress: write_report(report, path, found.items), path)

    def export_disagreements(self, path: str | Path) -> Task | None:
        """Write the disagreements listed now (the current filter) in the background."""
        if self.report is None:
            return None
        items = self.disagreement_model.items
        names = {a.id: a.name for a in self.report.annotators}
        titles = {d.id: d.title for d in self.report.documents.values()}
        return self._export(lambda _progress: write_disagreements(items, path, names, titles), path)

    def _export(self, work, path: str | Path) -> Task:
        task = Task(work, (OperationError,), self)
        self._exports = [t for t in self._exports if t.running]
        self._exports.append(task)
        task.finished.connect(self._on_exported)
        task.failed.connect(self.statusBar().showMessage)
        task.failed.connect(self.failed)
        self.statusBar().showMessage(self.tr("Writing {path}…").format(path=path))
        task.start()
        return task

    def _on_exported(self, written: Path) -> None:
        self.statusBar().showMessage(self.tr("Wrote {path}").format(path=written))
        self.exported.emit(str(written))

    # --- closing --------------------------------------------------------------------

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        """Stop the computation and let running exports finish (they are quick)."""
        running = [t for t in [self._task, self._token_task, *self._exports] if t is not None]
        self.cancel()
        for task in running:
            task.wait(30)
        super().closeEvent(event)


def open_review_dashboard(
    project: Project, annotator_id: int | None, parent: QtWidgets.QWidget | None = None
) -> ReviewDashboard:
    """Open the review dashboard as its own window and return it (connect its
    `disagreement_chosen` signal to show the side-by-side view)."""
    dashboard = ReviewDashboard(project, annotator_id, parent)
    dashboard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dashboard.show()
    return dashboard
