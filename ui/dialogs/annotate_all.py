"""Annotate all occurrences: the list of what would be tagged, each with a checkbox."""

from __future__ import annotations

from core.annotation.bulk import Occurrence, OccurrenceSearch
from ui.item_views import top_level_items
from ui.qt import Qt, QtCore, QtWidgets, Signal

DOCUMENT, CORPUS = "document", "corpus"


class AnnotateAllDialog(QtWidgets.QDialog):
    scope_changed = Signal(str)

    def __init__(
        self,
        label_key: str,
        query: str,
        titles: dict[int, str],
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(f"Annotate all occurrences as {label_key}")
        self.titles = titles
        self.search: OccurrenceSearch | None = None
        self.incomplete = False
        intro = QtWidgets.QLabel(
            f"Occurrences of «{query}» (spelling variants and clitics included) that are not "
            f"yet annotated as {label_key}. Untick those that are not meant; the checked ones "
            "are added as one step (Undo removes them all)."
        )
        intro.setWordWrap(True)
        self.this_document = QtWidgets.QRadioButton("This document")
        self.whole_corpus = QtWidgets.QRadioButton("All documents")
        self.this_document.setChecked(True)
        scope = QtWidgets.QHBoxLayout()
        scope.addWidget(QtWidgets.QLabel("Look in:"))
        scope.addWidget(self.this_document)
        scope.addWidget(self.whole_corpus)
        scope.addStretch(1)
        self.this_document.toggled.connect(
            lambda on: self.scope_changed.emit(DOCUMENT if on else CORPUS)
        )
        self.tree = QtWidgets.QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Document", "Occurrence", "Note"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.tree.header().setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(0, 180)
        self.tree.itemChanged.connect(self._update_count)
        self.summary = QtWidgets.QLabel()
        self.summary.setProperty("role", "muted")
        check_all = QtWidgets.QPushButton("Check all")
        check_none = QtWidgets.QPushButton("Check none")
        check_all.clicked.connect(lambda: self._check_all(True))
        check_none.clicked.connect(lambda: self._check_all(False))
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(check_all)
        bottom.addWidget(check_none)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(scope)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)
        self.resize(860, 520)

    @property
    def scope(self) -> str:
        return DOCUMENT if self.this_document.isChecked() else CORPUS

    def set_busy(self) -> None:
        self.tree.clear()
        self.summary.setText("Looking…")
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def set_results(self, search: OccurrenceSearch, incomplete: bool = False) -> None:
        """Show what the search found; `incomplete`: it was cancelled before the end."""
        self.search = search
        self.incomplete = incomplete
        blocker = QtCore.QSignalBlocker(self.tree)
        self.tree.clear()
        for occurrence in search.occurrences:
            item = QtWidgets.QTreeWidgetItem(
                [
                    self.titles.get(occurrence.document_id, f"Document {occurrence.document_id}"),
                    f"…{occurrence.before}【{occurrence.clitic}|{occurrence.text}】{occurrence.after}…"
                    if occurrence.clitic
                    else f"…{occurrence.before}【{occurrence.text}】{occurrence.after}…",
                    self._note(occurrence),
                ]
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if occurrence.suggested else Qt.CheckState.Unchecked
            )
            item.setToolTip(1, f"offsets {occurrence.start}–{occurrence.end}")
            item.setData(0, Qt.ItemDataRole.UserRole, occurrence)
            self.tree.addTopLevelItem(item)
        del blocker
        self._update_count()

    @staticmethod
    def _note(occurrence: Occurrence) -> str:
        notes = []
        if occurrence.clitic:
            notes.append(f"«{occurrence.clitic}» left out")
        if occurrence.overlaps:
            notes.append("overlaps " + ", ".join(occurrence.overlaps))
        return "; ".join(notes)

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for item in top_level_items(self.tree):
            item.setCheckState(0, state)

    def chosen(self) -> list[Occurrence]:
        return [
            item.data(0, Qt.ItemDataRole.UserRole)
            for item in top_level_items(self.tree)
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def _update_count(self, *_args) -> None:
        search = self.search
        if search is None:
            return
        chosen = len(self.chosen())
        already = f"; {search.already} already annotated" if search.already else ""
        stopped = " (search cancelled: incomplete)" if self.incomplete else ""
        self.summary.setText(
            f"{len(search.occurrences)} found in {search.documents} document(s){already}{stopped}"
        )
        ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"Annotate {chosen}")
        ok.setEnabled(chosen > 0)
