"""File > Import annotations…: files from another tool (or a Tawsim export) into one
annotator's sets.

Entry point: `dialog = ImportAnnotationsDialog(project, annotator, parent)`;
`dialog.exec()`; afterwards `dialog.changes` (a core.project.changes.Changes, empty if
nothing was imported) says what the main window should redraw; the `imported`
signal carries the same. The import runs on a worker thread; it is all or
nothing and one undo step. Labels the schema lacks are listed and the user is
asked whether to add them. The menu entry (ui.bindings) calls
`open_import_dialog(window)`, whose dialog hands `imported` to `window.emit_changes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from core.annotation.annotators import read_annotators
from core.io.formats import FORMATS, guess_folder_format, guess_format, readable_formats
from core.io.import_annotations import (
    LAYER_WORDS,
    ImportOptions,
    ImportRefused,
    ImportReport,
    import_annotations,
)
from core.project.changes import Changes
from core.project.project import Project
from ui.bidi import isolated
from ui.i18n import QT_TRANSLATE_NOOP, Plural, list_text, text_of, translate
from ui.qt import QtWidgets, Signal
from ui.tasks import Progress, TaskDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

OFFSET_CHOICES = (
    (QT_TRANSLATE_NOOP("ImportAnnotationsDialog", "Detect per file"), "auto"),
    (QT_TRANSLATE_NOOP("ImportAnnotationsDialog", "Code points"), "codepoints"),
    (QT_TRANSLATE_NOOP("ImportAnnotationsDialog", "UTF-16 units"), "utf16"),
)


class ImportAnnotationsDialog(TaskDialog[ImportReport]):
    imported = Signal(object)  # the Changes of a completed import

    def __init__(
        self,
        project: Project,
        annotator: str | None = None,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self.project = project
        self.report: ImportReport | None = None
        self.changes = Changes()
        self._add_labels = False
        self._refusal: ImportRefused | None = None
        self._dry_run = False
        self.setWindowTitle(self.tr("Import annotations"))
        self.setMinimumWidth(600)

        files_row = self._build_files_row()
        form = self._build_options_form(annotator)

        self.status = QtWidgets.QPlainTextEdit()
        self.status.setReadOnly(True)
        self.status.setMaximumBlockCount(500)
        self.status.setPlaceholderText(self.tr("What was imported, or why not, shows here."))

        self.buttons = self.task_buttons(self.cancel_import)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.check_button = self.buttons.addButton(
            self.tr("Check only"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.clicked.connect(lambda: self.start_import(dry_run=False))
        self.check_button.clicked.connect(lambda: self.start_import(dry_run=True))
        self.idle_widgets = (self.import_button, self.check_button, self.close_button)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel(self.tr("Files")))
        layout.addLayout(files_row)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.buttons)

    def _build_files_row(self) -> QtWidgets.QHBoxLayout:
        """The files to import, with Add files, Add folder and Remove."""
        self.files = QtWidgets.QListWidget()
        self.files.setMinimumHeight(90)
        add_files = QtWidgets.QPushButton(self.tr("Add files…"))
        add_folder = QtWidgets.QPushButton(self.tr("Add folder…"))
        remove = QtWidgets.QPushButton(self.tr("Remove"))
        add_files.clicked.connect(self._add_files)
        add_folder.clicked.connect(self._add_folder)
        remove.clicked.connect(self._remove_selected)
        file_buttons = QtWidgets.QVBoxLayout()
        for button in (add_files, add_folder, remove):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        files_row = QtWidgets.QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addLayout(file_buttons)
        return files_row

    def _build_options_form(self, annotator: str | None) -> QtWidgets.QFormLayout:
        """The format, whose sets to import into, how offsets count, and the clitic rule."""
        self.format = QtWidgets.QComboBox()
        for key in readable_formats():
            self.format.addItem(isolated(text_of(FORMATS[key].title)), key)  # "CoNLL (IOB2)" in RTL
        self.annotator = QtWidgets.QComboBox()
        self.annotator.setEditable(True)
        self.annotator.addItems([a.name for a in read_annotators(self.project)])
        self.annotator.setCurrentText(annotator or "")
        name_edit = self.annotator.lineEdit()
        assert name_edit is not None, "an editable combo box has a line edit"
        name_edit.setPlaceholderText(self.tr("a new or existing annotator"))
        self.offsets = QtWidgets.QComboBox()
        for title, value in OFFSET_CHOICES:
            self.offsets.addItem(self.tr(title), value)
        self.offsets.setToolTip(
            self.tr(
                "Label Studio and doccano count UTF-16 units, Tawsim and brat code points; "
                "detected per file when the span texts or word boundaries tell"
            )
        )
        self.clitics = QtWidgets.QCheckBox(
            self.tr(
                "CoNLL, CoNLL-U, Hugging Face: move entity starts past a proclitic "
                "(by the project's clitic rule)"
            )
        )
        self.from_set = QtWidgets.QLineEdit()
        self.from_set.setPlaceholderText(
            self.tr("only for files holding several sets per document")
        )

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Into the sets of"), self.annotator)
        form.addRow(self.tr("Offsets"), self.offsets)
        form.addRow(self.tr("Set in the file"), self.from_set)
        form.addRow("", self.clitics)
        return form

    # --- files ---------------------------------------------------------------------------

    def add_paths(self, paths: Sequence[str | Path]) -> None:
        for path in paths:
            self.files.addItem(str(path))
        if paths and self.files.count() == len(paths):
            first = Path(paths[0])
            guessed = guess_folder_format(first) if first.is_dir() else guess_format(first.name)
            if guessed:
                self.format.setCurrentIndex(self.format.findData(guessed))

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def _add_files(self) -> None:
        chosen, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self,
            self.tr("Annotation files"),
            str(self.project.path.parent),
            self.tr(
                "Annotations (*.jsonl *.json *.xlsx *.conll *.conllu *.tsv *.xmi *.txt *.iob "
                "*.ann);;All files (*)"
            ),
        )
        self.add_paths(chosen)

    def _add_folder(self) -> None:
        chosen = QtWidgets.QFileDialog.getExistingDirectory(
            self,
            self.tr("A folder of brat, WebAnno TSV or XMI files, or a Hugging Face dataset"),
            str(self.project.path.parent),
        )
        if chosen:
            self.add_paths([chosen])

    def _remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))

    # --- running -------------------------------------------------------------------------

    def options(self, dry_run: bool) -> ImportOptions:
        return ImportOptions(
            annotator=self.annotator.currentText(),
            add_labels=self._add_labels,
            offsets=self.offsets.currentData(),
            clitics="strip" if self.clitics.isChecked() else "keep",
            from_set=self.from_set.text().strip() or None,
            dry_run=dry_run,
        )

    def start_import(self, dry_run: bool = False) -> None:
        paths = self.paths()
        if not paths:
            self.status.setPlainText(self.tr("Add the files to import."))
            return
        if not self.annotator.currentText().strip():
            self.status.setPlainText(
                self.tr("Name the annotator whose sets receive the annotations.")
            )
            return
        project, key, options = self.project, self.format.currentData(), self.options(dry_run)

        def work(progress: Progress) -> ImportReport:
            return import_annotations(project, key, paths, options, progress)

        self._dry_run = dry_run
        self._refusal = None
        self.status.setPlainText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        self.run_task(work)

    def cancel_import(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_done(self, report: ImportReport) -> None:
        self.report = report
        self.status.setPlainText("\n".join(report_lines(report)))
        if report.changes:
            self.changes.merge(report.changes)
            self.imported.emit(report.changes)

    def _on_failed(self, message: str) -> None:
        error = self.task.error if self.task is not None else None
        if isinstance(error, ImportRefused):
            self._refusal = error
            self.status.setPlainText(
                self.tr("Nothing was imported:")
                + "\n"
                + "\n".join(f"• {text_of(p)}" for p in error.problems)
            )
        else:
            self.status.setPlainText(
                self.tr("Nothing was imported: {reason}").format(reason=message)
            )

    def _on_cancelled(self) -> None:
        self.status.setPlainText(self.tr("import cancelled; nothing was changed"))

    def _on_ended(self) -> None:
        super()._on_ended()
        refusal, self._refusal = self._refusal, None
        # only unknown labels stood in the way: offer to add them, then try again
        if refusal is None:
            return
        only_labels = bool(refusal.unknown_labels) and len(refusal.problems) == 1
        if only_labels and self.ask_add_labels(refusal.unknown_labels):
            self._add_labels = True
            self.start_import(dry_run=self._dry_run)

    def ask_add_labels(self, unknown: dict[str, list[str]]) -> bool:
        """Ask whether to add the labels the schema lacks (tests replace this)."""
        listing = "\n".join(
            f"{text_of(LAYER_WORDS[layer])}: {list_text(keys)}" for layer, keys in unknown.items()
        )
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Unknown labels"),
            self.tr(
                "The files use labels the project's schema does not have:\n\n{labels}\n\n"
                "Add them to the schema and import?"
            ).format(labels=listing),
        )
        return answer == QtWidgets.QMessageBox.StandardButton.Yes


__all__ = ["ImportAnnotationsDialog"]


def report_lines(report: ImportReport) -> list[str]:
    """What an import brought (or would bring) in, and what it did not."""
    counts = list_text(
        [
            Plural.tr("%n entity annotation(s)", None, report.entities),
            Plural.tr("%n event(s)", None, report.events),
            Plural.tr("%n event argument(s)", None, report.arguments),
            Plural.tr("%n stance(s)", None, report.stances),
        ]
    )
    documents = Plural.tr(
        "%n document(s)", None, len(report.documents_added) + len(report.documents_matched)
    )
    new = Plural.tr("%n new", None, len(report.documents_added))
    if report.dry_run:
        summary = translate(
            "ImportAnnotationsReport",
            "Would import {counts} into the sets of {annotator} on {documents} ({new})",
        )
    else:
        summary = translate(
            "ImportAnnotationsReport",
            "Imported {counts} into the sets of {annotator} on {documents} ({new})",
        )
    lines = [
        summary.format(counts=counts, annotator=report.annotator, documents=documents, new=new)
    ]
    lines += [text_of(note) for note in report.notes]
    for layer, keys in report.labels_added.items():
        lines.append(
            translate("ImportAnnotationsReport", "Added {what}: {keys}").format(
                what=text_of(LAYER_WORDS.get(layer, layer)), keys=list_text(keys)
            )
        )
    for what, count in sorted(report.already_present.items()):
        lines.append(
            translate(
                "ImportAnnotationsReport", "Already present, not added again, {what}: {count}"
            ).format(what=text_of(what), count=f"{count:,}")
        )
    for what, count in sorted(report.left_out.items()):
        lines.append(
            translate("ImportAnnotationsReport", "Not imported, {what}: {count}").format(
                what=text_of(what), count=f"{count:,}"
            )
        )
    return lines


def import_dialog(window: MainWindow) -> ImportAnnotationsDialog:
    """The main window's import dialog: its annotator preselected; what it imports is
    dispatched by the window."""
    name = window.annotator.name if window.annotator else None
    project = window.require_project()  # File > Import annotations needs one
    dialog = ImportAnnotationsDialog(project, name, window)
    dialog.imported.connect(window.emit_changes)
    return dialog


def open_import_dialog(window: MainWindow) -> None:
    import_dialog(window).exec()
