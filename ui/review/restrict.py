"""What the review dashboard compares: some annotators, documents or labels.

A list left wholly ticked means "all" (None in `AgreementOptions`), so annotators,
documents and labels added later are compared too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from core.annotation.annotators import read_annotators
from core.documents.navigation import document_titles
from core.project.project import Project
from core.schema.model import ENTITY, EVENT, STANCE_TARGET
from ui.i18n import QT_TRANSLATE_NOOP, Plural, list_text, name_of, translate
from ui.qt import Qt, QtWidgets

LAYER_NAMES = {  # translated in RestrictDialog
    ENTITY: QT_TRANSLATE_NOOP("RestrictDialog", "Entity"),
    EVENT: QT_TRANSLATE_NOOP("RestrictDialog", "Event"),
    STANCE_TARGET: QT_TRANSLATE_NOOP("RestrictDialog", "Stance target"),
}


@dataclass(frozen=True)
class Restriction:
    annotators: tuple[str, ...] | None = None  # names
    documents: tuple[int, ...] | None = None  # ids
    labels: tuple[str, ...] | None = None  # keys of any layer

    def describe(self) -> str:
        parts = []
        if self.annotators is not None:
            parts.append(Plural.tr("%n annotator(s)", None, len(self.annotators)))
        if self.documents is not None:
            parts.append(Plural.tr("%n document(s)", None, len(self.documents)))
        if self.labels is not None:
            parts.append(Plural.tr("%n label(s)", None, len(self.labels)))
        if not parts:
            return translate("Restriction", "Comparing everything")
        return translate("Restriction", "Comparing {what}").format(what=list_text(parts))


class _Checklist(QtWidgets.QWidget):
    """A titled list of checkable items with a filter and All / None buttons."""

    def __init__(
        self, title: str, items: Sequence[tuple[str, object]], chosen, parent=None, rtl=True
    ):
        super().__init__(parent)
        self.list = QtWidgets.QListWidget()
        if rtl:  # Arabic names and titles; label rows begin with Latin keys
            self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        for text, value in items:
            item = QtWidgets.QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.list.addItem(item)
        self.set_ticked([value for _, value in items] if chosen is None else chosen)
        self.filter = QtWidgets.QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        everything = QtWidgets.QPushButton(self.tr("All"))
        nothing = QtWidgets.QPushButton(self.tr("None"))
        everything.clicked.connect(lambda: self._tick_shown(True))
        nothing.clicked.connect(lambda: self._tick_shown(False))
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.filter, 1)
        buttons.addWidget(everything)
        buttons.addWidget(nothing)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QtWidgets.QLabel(f"<b>{escape(title)}</b>"))
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)

    def _items(self) -> list[QtWidgets.QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _tick_shown(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for item in self._items():
            if not item.isHidden():
                item.setCheckState(state)

    def set_ticked(self, values) -> None:
        for item in self._items():
            ticked = item.data(Qt.ItemDataRole.UserRole) in values
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def chosen(self) -> tuple | None:
        """The ticked values; None when every one is ticked."""
        items = self._items()
        ticked = tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )
        return None if len(ticked) == len(items) else ticked


class RestrictDialog(QtWidgets.QDialog):
    """Tick the annotators, documents and labels to compare."""

    def __init__(self, project: Project, current: Restriction, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare only…"))
        names = [a.name for a in read_annotators(project)]
        titles = document_titles(project)
        labels = [
            (f"{self.tr(LAYER_NAMES[layer])} · {name_of(label)}", (layer, label.key))
            for layer in LAYER_NAMES
            for label in project.schema.layer(layer)
        ]
        self.annotators = _Checklist(
            self.tr("Annotators"), [(n, n) for n in names], current.annotators, self
        )
        self.documents = _Checklist(
            self.tr("Documents"), [(f"{i} · {t}", i) for i, t in titles], current.documents, self
        )
        ticked = (
            None if current.labels is None else [v for _, v in labels if v[1] in current.labels]
        )
        self.labels = _Checklist(self.tr("Labels"), labels, ticked, self, rtl=False)
        self._layers = {layer for _, (layer, _key) in labels}
        self.problem = QtWidgets.QLabel()
        self.problem.setProperty("role", "muted")
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lists = QtWidgets.QHBoxLayout()
        for checklist in (self.annotators, self.documents, self.labels):
            lists.addWidget(checklist, 1)
            checklist.list.itemChanged.connect(self._update)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(lists, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(900, 480)

    def restriction(self) -> Restriction:
        labels = self.labels.chosen()
        return Restriction(
            annotators=self.annotators.chosen(),
            documents=self.documents.chosen(),
            labels=None if labels is None else tuple(key for _layer, key in labels),
        )

    def _update(self, *_args) -> None:
        chosen = self.restriction()
        problem = ""
        if chosen.annotators is not None and len(chosen.annotators) < 2:
            problem = self.tr("Tick at least two annotators to compare.")
        elif chosen.documents == ():
            problem = self.tr("Tick at least one document.")
        else:
            ticked = self.labels.chosen()
            with_ticks = self._layers if ticked is None else {layer for layer, _key in ticked}
            empty = [
                self.tr(name)
                for layer, name in LAYER_NAMES.items()
                if layer in self._layers - with_ticks
            ]
            if empty:
                problem = self.tr(
                    "Tick at least one label of the kind “{kind}”: each kind is compared "
                    "separately, on all its labels or on those ticked."
                ).format(kind=empty[0])
        self.problem.setText(problem)
        ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)
