"""File > Import documents: choose files and folders, optionally the encoding."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from core.documents.importing import ImportReport
from ui.qt import QtWidgets

ENCODINGS = (
    ("Detect (UTF-8, UTF-16, windows-1256, ISO-8859-6)", None),
    ("UTF-8", "utf-8"),
    ("windows-1256 (Arabic Windows)", "windows-1256"),
    ("ISO-8859-6", "iso-8859-6"),
)


class ImportDialog(QtWidgets.QDialog):
    def __init__(self, parent: QtWidgets.QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle("Import documents")
        self._folder = folder or Path.home()
        intro = QtWidgets.QLabel(
            'Text files (.txt), JSONL files (one object per line with "text" and optional '
            '"id", "title", "meta"), or folders of them. Each file is imported whole or '
            "not at all; documents already in the project are skipped."
        )
        intro.setWordWrap(True)
        self.paths = QtWidgets.QListWidget()
        add_files = QtWidgets.QPushButton("Add files…")
        add_folder = QtWidgets.QPushButton("Add folder…")
        remove = QtWidgets.QPushButton("Remove")
        add_files.clicked.connect(self._add_files)
        add_folder.clicked.connect(self._add_folder)
        remove.clicked.connect(self._remove_selected)
        self.encoding = QtWidgets.QComboBox()
        for name, value in ENCODINGS:
            self.encoding.addItem(name, value)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(add_files)
        row.addWidget(add_folder)
        row.addWidget(remove)
        row.addStretch(1)
        form = QtWidgets.QFormLayout()
        form.addRow("Encoding of text files", self.encoding)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText("Import")
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
            "Documents to import",
            str(self._folder),
            "Documents (*.txt *.text *.md *.jsonl *.ndjson);;All files (*)",
        )
        self.add_paths(files)

    def _add_folder(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self, "Folder to import", str(self._folder)
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
            lines.append(f"REFUSED {file_report.path}: {file_report.error}")
        for where, existing in file_report.duplicates:
            lines.append(f"duplicate {where}: already document #{existing}")
        for warning in file_report.warnings:
            lines.append(f"warning {file_report.path}: {warning}")
    lines += [f"note {line}" for line in report.note_summary()]
    return report.summary(), "\n".join(lines)
