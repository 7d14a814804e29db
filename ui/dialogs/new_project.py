"""File > New project: a file, a name and a schema preset."""

from __future__ import annotations

from pathlib import Path

from core.project.project import PROJECT_SUFFIX
from core.schema.model import list_presets
from ui.i18n import is_arabic
from ui.qt import QtWidgets


class NewProjectDialog(QtWidgets.QDialog):
    def __init__(self, parent: QtWidgets.QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New project"))
        self.name = QtWidgets.QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. AI news, batch 1"))
        self.path = QtWidgets.QLineEdit()
        self.path.setPlaceholderText(
            self.tr("where to save the project file (*{suffix})").format(suffix=PROJECT_SUFFIX)
        )
        browse = QtWidgets.QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.preset = QtWidgets.QComboBox()
        self.presets = list_presets()
        for preset in self.presets:
            first, second = ("name_ar", "name_en") if is_arabic() else ("name_en", "name_ar")
            title = preset[first] or preset[second]
            self.preset.addItem(title, preset["key"])
        self.description = QtWidgets.QLabel()
        self.description.setWordWrap(True)
        self.description.setProperty("role", "muted")
        self.preset.currentIndexChanged.connect(self._describe)
        self._describe(0)
        self._folder = folder or Path.home()
        self.name.textChanged.connect(self._suggest_path)

        path_row = QtWidgets.QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("File"), path_row)
        form.addRow(self.tr("Schema"), self.preset)
        form.addRow("", self.description)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QtWidgets.QLabel()
        self.error.setStyleSheet("color: #c0392b")
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _describe(self, index: int) -> None:
        if 0 <= index < len(self.presets):
            preset = self.presets[index]
            parts = [preset["description"]]
            if preset["source"]:
                parts.append(self.tr("Source: {source}").format(source=preset["source"]))
            parts.append(self.tr("The schema can be changed later (Annotate > Edit schema)."))
            self.description.setText("\n\n".join(parts))

    def _suggest_path(self, name: str) -> None:
        stem = "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in name).strip()
        if stem and not self.path.isModified():
            self.path.setText(str(self._folder / f"{stem}{PROJECT_SUFFIX}"))

    def _browse(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("New project file"),
            str(self._folder),
            self.tr("Tawsim projects (*{suffix})").format(suffix=PROJECT_SUFFIX),
        )
        if path:
            self.path.setText(path)
            self.path.setModified(True)

    def chosen(self) -> tuple[Path, str, str]:
        """(file, name, preset key)"""
        path = Path(self.path.text().strip()).expanduser()
        if path.suffix != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        return path, self.name.text().strip() or path.stem, self.preset.currentData()

    def _accept(self) -> None:
        if not self.path.text().strip():
            self.error.setText(self.tr("Choose where to save the project file."))
            return
        path, _, _ = self.chosen()
        if path.exists():
            self.error.setText(
                self.tr("{path} already exists; choose another name.").format(path=path)
            )
            return
        if not path.parent.is_dir():
            self.error.setText(self.tr("{path} is not a folder.").format(path=path.parent))
            return
        self.accept()
