"""File > Import documents: choose files and folders, optionally the encoding."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from core.documents.importing import ImportReport
from core.text.canonical import PRIVATE_USE, REPLACEMENT, TextNote
from ui.i18n import QT_TRANSLATE_NOOP, Plural, list_text, text_of, translate
from ui.qt import QtWidgets

ENCODINGS = (
    (
        QT_TRANSLATE_NOOP("ImportDialog", "Detect (UTF-8, UTF-16, windows-1256, ISO-8859-6)"),
        None,
    ),
    ("UTF-8", "utf-8"),
    (QT_TRANSLATE_NOOP("ImportDialog", "windows-1256 (Arabic Windows)"), "windows-1256"),
    ("ISO-8859-6", "iso-8859-6"),
)


class ImportDialog(QtWidgets.QDialog):
    def __init__(self, parent: QtWidgets.QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import documents"))
        self._folder = folder or Path.home()
        intro = QtWidgets.QLabel(
            self.tr(
                'Text files (.txt), JSONL files (one object per line with "text" and optional '
                '"id", "title", "meta"), or folders of them. Each file is imported whole or '
                "not at all; documents already in the project are skipped."
            )
        )
        intro.setWordWrap(True)
        self.paths = QtWidgets.QListWidget()
        add_files = QtWidgets.QPushButton(self.tr("Add files…"))
        add_folder = QtWidgets.QPushButton(self.tr("Add folder…"))
        remove = QtWidgets.QPushButton(self.tr("Remove"))
        add_files.clicked.connect(self._add_files)
        add_folder.clicked.connect(self._add_folder)
        remove.clicked.connect(self._remove_selected)
        self.encoding = QtWidgets.QComboBox()
        for name, value in ENCODINGS:
            self.encoding.addItem(self.tr(name), value)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(add_files)
        row.addWidget(add_folder)
        row.addWidget(remove)
        row.addStretch(1)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Encoding of text files"), self.encoding)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.paths, 1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.paths.model().rowsInserted.connect(self._update)
        self.paths.model().rowsRemoved.connect(self._update)
        self._update()
        self.resize(560, 420)

    def add_paths(self, paths: Iterable[str | Path]) -> None:
        for path in paths:
            self.paths.addItem(str(path))

    def _add_files(self) -> None:
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self,
            self.tr("Documents to import"),
            str(self._folder),
            self.tr("Documents (*.txt *.text *.md *.jsonl *.ndjson);;All files (*)"),
        )
        self.add_paths(files)

    def _add_folder(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self, self.tr("Folder to import"), str(self._folder)
        )
        if folder:
            self.add_paths([folder])

    def _remove_selected(self) -> None:
        for item in self.paths.selectedItems():
            self.paths.takeItem(self.paths.row(item))

    def _update(self, *_args) -> None:
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.paths.count() > 0
        )

    def chosen(self) -> tuple[list[Path], str | None]:
        return [
            Path(self.paths.item(i).text()) for i in range(self.paths.count())
        ], self.encoding.currentData()


def report_text(report: ImportReport) -> tuple[str, str]:
    """(summary, details) of an import for the report box."""
    lines = []
    for file_report in report.files:
        if file_report.error:
            lines.append(
                translate("ImportReport", "Refused: {problem}").format(
                    problem=text_of(file_report.error)
                )
            )
        for where, existing in file_report.duplicates:
            lines.append(
                translate("ImportReport", "Duplicate: {where} is already document #{id}").format(
                    where=where, id=existing
                )
            )
        for where, note in file_report.notes:
            lines.append(
                translate("ImportReport", "Warning: {where}: {note}").format(
                    where=where, note=note_text(note)
                )
            )
    lines += note_lines(report)
    summary = [Plural.tr("%n document(s) added", None, len(report.added))]
    if report.duplicates:
        summary.append(Plural.tr("%n duplicate(s) skipped", None, len(report.duplicates)))
    if report.failed:
        summary.append(Plural.tr("%n file(s) refused", None, len(report.failed)))
    return list_text(summary), "\n".join(lines)


def note_lines(report: ImportReport) -> list[str]:
    """The text notes of a whole import, one line per kind of note."""
    lines = []
    for group in report.note_groups():
        if group.documents == 1:
            line = translate("ImportReport", "{where}: {note}")
        else:
            line = translate("ImportReport", "{note} in {documents} (first: {where})")
        lines.append(
            line.format(
                where=group.first,
                note=note_text(group.note),
                documents=Plural.tr("%n document(s)", None, group.documents),
            )
        )
    return lines


def note_text(note: TextNote) -> str:
    """Characters worth a word in an imported text, how many, and what they mean."""
    if note.kind == PRIVATE_USE:
        return Plural.tr(
            "%n private-use character(s) (often letters lost in PDF extraction; "
            "they are kept as they are)",
            None,
            note.count,
        )
    if note.kind == REPLACEMENT:
        return Plural.tr(
            "%n replacement character(s) (U+FFFD) (from an earlier bad decoding)", None, note.count
        )
    return str(note)
