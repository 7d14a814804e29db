"""File > Export…: choose a format, the annotation sets and documents, and where to write.

Entry point: `ExportDialog(project, annotator, parent, selected_documents).exec()`,
where `annotator` (a name or None) preselects that annotator's sets and
`selected_documents` (ids) enables "Selected documents"; the menu entry (ui.bindings)
calls `open_export_dialog(window)`. The export runs on a
worker thread (`ui.tasks.Task`) with a progress bar and Cancel; nothing is
written under the chosen name unless it completes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from core.annotation.annotators import read_annotators
from core.annotation.curator_secret import has_curator_secret
from core.io.dataset import ALL, ANNOTATOR, GOLD, Selection
from core.io.export import ExportReport, export_dataset
from core.io.formats import FORMATS, FormatInfo
from core.project.errors import ReadOnlyOutput
from core.project.project import Project
from ui.bidi import isolated
from ui.i18n import QT_TRANSLATE_NOOP, Plural, list_text, text_of, translate
from ui.notice import confirm
from ui.qt import QtCore, QtWidgets, Signal
from ui.tasks import Progress, TaskDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ExportDialog(TaskDialog[ExportReport]):
    exported = Signal(object)  # the ExportReport of a completed export
    PROGRESS_FORMAT = "%v / %m  {label:.40}"

    def __init__(
        self,
        project: Project,
        annotator: str | None = None,
        parent: QtWidgets.QWidget | None = None,
        selected_documents: Sequence[int] = (),
        others_visible: bool = True,
    ):
        """`others_visible` False: the user may export only their own sets and the gold
        standard (a project with a curator passphrase, a user who is not its curator)."""
        super().__init__(parent)
        self.project = project
        self.selected_documents = tuple(selected_documents)
        self.report: ExportReport | None = None
        self._read_only_target: Path | None = None  # the task refused to replace it
        self.setWindowTitle(self.tr("Export annotations"))
        self.setMinimumWidth(560)

        self.format = QtWidgets.QComboBox()
        for info in FORMATS.values():
            self.format.addItem(isolated(text_of(info.title)), info.key)  # "CoNLL (IOB2)" in RTL
            self.format.setItemData(
                self.format.count() - 1,
                text_of(info.description),
                QtCore.Qt.ItemDataRole.ToolTipRole,
            )
        self.format_help = QtWidgets.QLabel()
        self.format_help.setWordWrap(True)
        self.format_help.setStyleSheet("color: palette(mid);")

        sets_box = self._build_sets_box(annotator, others_visible)
        docs_box = self._build_documents_box()
        self.options_box = QtWidgets.QGroupBox(self.tr("Format options"))
        self.options_form = QtWidgets.QFormLayout(self.options_box)
        self.option_widgets: dict[str, QtWidgets.QComboBox] = {}

        self.path = QtWidgets.QLineEdit()
        self.path.setPlaceholderText(self.tr("where to write the export"))
        self._auto_path = True
        self.path.textEdited.connect(self._path_edited)
        self.browse = QtWidgets.QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._browse)
        path_row = QtWidgets.QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)

        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)

        self._build_buttons()

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow("", self.format_help)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sets_box)
        layout.addWidget(docs_box)
        layout.addWidget(self.options_box)
        layout.addWidget(QtWidgets.QLabel(self.tr("Save to")))
        layout.addLayout(path_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._format_changed)
        for button in (self.gold, self.one, self.everyone):
            button.toggled.connect(self._suggest_path)
        self.annotator.currentTextChanged.connect(self._suggest_path)
        self._format_changed()

    def _build_sets_box(self, annotator: str | None, others_visible: bool) -> QtWidgets.QGroupBox:
        """Gold, one annotator's sets (the given one chosen) or everyone's."""
        self.gold = QtWidgets.QRadioButton(self.tr("Gold standard"))
        self.one = QtWidgets.QRadioButton(self.tr("One annotator:"))
        self.everyone = QtWidgets.QRadioButton(self.tr("All annotation sets (one record per set)"))
        self.annotator = QtWidgets.QComboBox()
        names = [a.name for a in read_annotators(self.project)]
        if not others_visible:
            names = [n for n in names if n == annotator]
            self.everyone.setEnabled(False)
            self.everyone.setToolTip(
                QtCore.QCoreApplication.translate(
                    "ExportDialog",
                    "This project has a curator passphrase: only a curator exports others' sets.",
                )
            )
        self.annotator.addItems(names)
        if not names:
            self.one.setEnabled(False)
        if annotator and annotator in names:
            self.annotator.setCurrentText(annotator)
            self.one.setChecked(True)
        else:
            self.gold.setChecked(True)
        one_row = QtWidgets.QHBoxLayout()
        one_row.addWidget(self.one)
        one_row.addWidget(self.annotator, 1)
        sets_box = QtWidgets.QGroupBox(self.tr("Annotation sets"))
        sets_layout = QtWidgets.QVBoxLayout(sets_box)
        sets_layout.addWidget(self.gold)
        sets_layout.addLayout(one_row)
        sets_layout.addWidget(self.everyone)
        return sets_box

    def _build_documents_box(self) -> QtWidgets.QGroupBox:
        """All documents or the selected ones; finished sets only or not."""
        self.all_documents = QtWidgets.QRadioButton(self.tr("All documents"))
        self.selected = QtWidgets.QRadioButton(
            self.tr("Selected documents ({count})").format(count=len(self.selected_documents))
        )
        self.selected.setEnabled(bool(self.selected_documents))
        self.all_documents.setChecked(True)
        self.finished_only = QtWidgets.QCheckBox(self.tr("Only sets marked finished"))
        docs_box = QtWidgets.QGroupBox(self.tr("Documents"))
        docs_layout = QtWidgets.QVBoxLayout(docs_box)
        docs_layout.addWidget(self.all_documents)
        docs_layout.addWidget(self.selected)
        docs_layout.addWidget(self.finished_only)
        return docs_box

    def _build_buttons(self) -> None:
        """Export, Cancel (while exporting) and Close."""
        self.buttons = self.task_buttons(self.cancel_export)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.clicked.connect(self.start_export)
        self.idle_widgets = (
            self.export_button,
            self.close_button,
            self.format,
            self.path,
            self.browse,
            self.options_box,
        )

    # --- choices ---------------------------------------------------------------------

    @property
    def info(self) -> FormatInfo:
        return FORMATS[self.format.currentData()]

    def selection(self) -> Selection:
        documents = self.selected_documents if self.selected.isChecked() else None
        finished = self.finished_only.isChecked()
        if self.one.isChecked():
            return Selection(ANNOTATOR, self.annotator.currentText(), documents, finished)
        return Selection(ALL if self.everyone.isChecked() else GOLD, None, documents, finished)

    def options(self) -> dict[str, str]:
        return {
            name: combo.currentText().strip() if combo.isEditable() else combo.currentData()
            for name, combo in self.option_widgets.items()
        }

    def _format_changed(self) -> None:
        info = self.info
        self.format_help.setText(text_of(info.description))
        while self.options_form.rowCount():
            self.options_form.removeRow(0)
        self.option_widgets.clear()
        for option in info.options:
            combo = QtWidgets.QComboBox()
            for choice in option.choices:
                # a free value is typed as it is read; a fixed choice is shown by its name
                combo.addItem(choice if option.check is not None else choice_name(choice), choice)
            combo.setEditable(option.check is not None)  # a free value: choices suggested
            combo.setCurrentIndex(option.choices.index(option.default))
            combo.setToolTip(text_of(option.help))
            self.options_form.addRow(option_name(option.name), combo)
            self.option_widgets[option.name] = combo
        self.options_box.setVisible(bool(info.options))
        self._suggest_path()
        self.grow_to_fit()

    def _suggest_path(self) -> None:
        """A file name from the project, the sets and the format, until the user types one."""
        if not self._auto_path:
            return
        selection = self.selection()
        owner = selection.annotator if selection.sets == ANNOTATOR else selection.sets
        folder = Path(self.path.text()).parent if self.path.text() else self.project.path.parent
        name = f"{self.project.path.stem}-{owner}-{self.info.key}{self.info.suffix}"
        self.path.setText(str(folder / name))

    def _path_edited(self) -> None:
        self._auto_path = False

    def _browse(self) -> None:
        if self.info.folder:
            chosen = QtWidgets.QFileDialog.getExistingDirectory(
                self, self.tr("Export to a new or empty folder"), str(Path(self.path.text()).parent)
            )
            if chosen:
                self.path.setText(str(Path(chosen) / Path(self.path.text()).name))
                self._auto_path = False
        else:
            chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
                self,
                self.tr("Export to"),
                self.path.text(),
                f"{text_of(self.info.title)} (*{self.info.suffix})",
            )
            if chosen:
                self.path.setText(chosen)
                self._auto_path = False

    # --- running ---------------------------------------------------------------------

    def start_export(self, replace_read_only: bool = False) -> None:
        target = self.path.text().strip()
        if not target:
            self.status.setText(self.tr("Choose where to save the export."))
            return
        key, selection, options = self.info.key, self.selection(), self.options()
        project = self.project

        def work(progress: Progress) -> ExportReport:
            return export_dataset(
                project, key, Path(target), selection, options, progress, force=replace_read_only
            )

        self.report = None
        self.status.setText(self.tr("Exporting…"))
        self.run_task(work)

    def cancel_export(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _on_done(self, report: ExportReport) -> None:
        self.report = report
        self.status.setText("\n".join(report_lines(report)))
        self.exported.emit(report)

    def _on_failed(self, message: str) -> None:
        error = self.task.error if self.task is not None else None
        if isinstance(error, ReadOnlyOutput):  # asked once the task has ended
            self._read_only_target = error.path
            return
        self.status.setText(
            self.tr("Export failed; nothing was written.\n{reason}").format(reason=message)
        )

    def _on_ended(self) -> None:
        super()._on_ended()
        target, self._read_only_target = self._read_only_target, None
        if target is None:
            return
        if self.ask_replace_read_only(target):
            self.start_export(replace_read_only=True)
        else:
            self.status.setText(
                self.tr("{path} is read-only; it was not replaced.").format(
                    path=isolated(str(target))
                )
            )

    def ask_replace_read_only(self, target: Path) -> bool:
        return confirm(
            self,
            self.tr("Read-only file"),
            self.tr("{path} is read-only. Replace it anyway?").format(path=isolated(str(target))),
            self.tr("Replace"),
        )

    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("export cancelled; nothing was written"))


__all__ = ["ExportDialog"]

# the options' names and choices, as the dialog shows them (the command line takes the keys)
OPTION_NAMES = {
    "clitics": QT_TRANSLATE_NOOP("ExportOptions", "Clitics"),
    "excluded_text": QT_TRANSLATE_NOOP("ExportOptions", "Excluded text"),
    "agreement": QT_TRANSLATE_NOOP("ExportOptions", "Agreement"),
    "offsets": QT_TRANSLATE_NOOP("ExportOptions", "Offsets"),
    "variant": QT_TRANSLATE_NOOP("ExportOptions", "Variant"),
    "split": QT_TRANSLATE_NOOP("ExportOptions", "Split"),
    "seed": QT_TRANSLATE_NOOP("ExportOptions", "Seed"),
    "spans": QT_TRANSLATE_NOOP("ExportOptions", "Spans"),
}
CHOICE_NAMES = {
    "split": QT_TRANSLATE_NOOP("ExportOptions", "split"),
    "keep": QT_TRANSLATE_NOOP("ExportOptions", "keep"),
    "drop": QT_TRANSLATE_NOOP("ExportOptions", "drop"),
    "yes": QT_TRANSLATE_NOOP("ExportOptions", "yes"),
    "no": QT_TRANSLATE_NOOP("ExportOptions", "no"),
    "utf16": QT_TRANSLATE_NOOP("ExportOptions", "utf16"),
    "codepoints": QT_TRANSLATE_NOOP("ExportOptions", "codepoints"),
    "entities": QT_TRANSLATE_NOOP("ExportOptions", "entities"),
    "label": QT_TRANSLATE_NOOP("ExportOptions", "label"),
}


def option_name(name: str) -> str:
    if name in OPTION_NAMES:
        return translate("ExportOptions", OPTION_NAMES[name])
    return name.replace("_", " ").capitalize()


def choice_name(choice: str) -> str:
    return translate("ExportOptions", CHOICE_NAMES[choice]) if choice in CHOICE_NAMES else choice


def report_lines(report: ExportReport) -> list[str]:
    """What an export wrote, and what it skipped or left out and why."""

    counts = [
        Plural.tr("%n record(s)", None, report.records),
        Plural.tr("%n document(s)", None, report.documents),
        Plural.tr("%n entity annotation(s)", None, report.entities),
        Plural.tr("%n event(s)", None, report.events),
        Plural.tr("%n event argument(s)", None, report.arguments),
        Plural.tr("%n stance(s)", None, report.stances),
    ]
    lines = [
        translate("ExportReport", "Wrote {paths}: {counts}").format(
            paths=list_text(str(p) for p in report.paths), counts=list_text(counts)
        )
    ]
    if report.documents_without_set:
        lines.append(
            Plural.tr(
                "%n document(s) have no matching annotation set and were skipped",
                None,
                len(report.documents_without_set),
            )
        )
    for reason, count in sorted(report.left_out.items()):
        lines.append(
            translate("ExportReport", "Left out, {reason}: {count}").format(
                reason=text_of(reason), count=f"{count:,}"
            )
        )
    lines.extend(text_of(warning) for warning in report.warnings)
    return lines


def export_dialog(window: MainWindow) -> ExportDialog:
    """The main window's export dialog: its annotator preselected, offering the documents
    the list shows when it is filtered (else the open one)."""
    model = window.documents.model
    selected = model.ids if model.filtered else [window.current_document_id]
    name = window.annotator.name if window.annotator else None
    project = window.require_project()  # File > Export needs one
    curator = window.annotator is not None and window.annotator.is_curator
    return ExportDialog(
        project,
        name,
        window,
        [i for i in selected if i is not None],
        others_visible=curator or not has_curator_secret(project),
    )


def open_export_dialog(window: MainWindow) -> None:
    export_dialog(window).exec()
