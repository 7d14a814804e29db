"""Annotate all occurrences: the list of what would be tagged, each with a checkbox."""

from __future__ import annotations

from core.annotation.bulk import Occurrence, OccurrenceSearch
from ui.bidi import offsets
from ui.i18n import list_text
from ui.item_views import top_level_items
from ui.qt import Qt, QtCore, QtWidgets, Signal

DOCUMENT, CORPUS = "document", "corpus"


class AnnotateAllDialog(QtWidgets.QDialog):
    scope_changed = Signal(str)

    def __init__(
        self,
        label_name: str,
        query: str,
        titles: dict[int, str],
        label_names: dict[str, str],
        parent: QtWidgets.QWidget | None = None,
    ):
        """`label_names`: the entity labels' names by key (overlapping annotations are
        named by them)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotate all occurrences as {label}").format(label=label_name))
        self.titles = titles
        self.label_names = label_names
        self.search: OccurrenceSearch | None = None
        self.incomplete = False
        intro = QtWidgets.QLabel(
            self.tr(
                "Occurrences of «{text}» (spelling variants and clitics included) that are not "
                "yet annotated as {label}. Untick those that are not meant; the checked ones "
                "are added as one step (Undo removes them all)."
            ).format(text=query, label=label_name)
        )
        intro.setWordWrap(True)
        self.this_document = QtWidgets.QRadioButton(self.tr("This document"))
        self.whole_corpus = QtWidgets.QRadioButton(self.tr("All documents"))
        self.this_document.setChecked(True)
        scope = QtWidgets.QHBoxLayout()
        scope.addWidget(QtWidgets.QLabel(self.tr("Look in:")))
        scope.addWidget(self.this_document)
        scope.addWidget(self.whole_corpus)
        scope.addStretch(1)
        self.this_document.toggled.connect(
            lambda on: self.scope_changed.emit(DOCUMENT if on else CORPUS)
        )
        self.tree = QtWidgets.QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Document"), self.tr("Occurrence"), self.tr("Note")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.tree.header().setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(0, 180)
        self.tree.itemChanged.connect(self._update_count)
        self.summary = QtWidgets.QLabel()
        self.summary.setProperty("role", "muted")
        check_all = QtWidgets.QPushButton(self.tr("Check all"))
        check_none = QtWidgets.QPushButton(self.tr("Check none"))
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
        self.summary.setText(self.tr("Looking…"))
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
                    self.titles.get(occurrence.document_id)
                    or self.tr("Document {id}").format(id=occurrence.document_id),
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
            item.setToolTip(
                1,
                self.tr("offsets {offsets}").format(
                    offsets=offsets(occurrence.start, occurrence.end)
                ),
            )
            item.setData(0, Qt.ItemDataRole.UserRole, occurrence)
            self.tree.addTopLevelItem(item)
        del blocker
        self._update_count()

    def _note(self, occurrence: Occurrence) -> str:
        notes = []
        if occurrence.clitic:
            notes.append(self.tr("«{clitic}» left out").format(clitic=occurrence.clitic))
        if occurrence.overlaps:
            names = (self.label_names.get(key, key) for key in occurrence.overlaps)
            notes.append(self.tr("overlaps {labels}").format(labels=list_text(names)))
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
        parts = [
            self.tr("{occurrences} in {documents}").format(
                occurrences=self.tr("%n occurrence(s) found", None, len(search.occurrences)),
                documents=self.tr("%n document(s)", None, search.documents),
            )
        ]
        if search.already:
            parts.append(self.tr("%n already annotated", None, search.already))
        summary = "; ".join(parts)
        if self.incomplete:
            summary = self.tr("{summary} (search cancelled: incomplete)").format(summary=summary)
        self.summary.setText(summary)
        ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Annotate %n", None, chosen))
        ok.setEnabled(chosen > 0)
