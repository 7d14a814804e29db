"""The candidate list of the curation view: one row per candidate, keys to decide.

Events and attributed stances are rows with their arguments or evidence below
them. Rejected rows are greyed and struck through; "Show decided" hides what is
accepted or rejected. The keys (ui.bindings, section Curation) go to the next or
previous undecided candidate, accept, reject or edit it; the view does the work.
"""

from __future__ import annotations

from collections.abc import Iterator

from core.review.curation.model import (
    ACCEPTED,
    AGREED,
    ARGUMENT,
    ATTRIBUTED_STANCE,
    CONFLICT_NAMES,
    DISPUTED,
    DOCUMENT_STANCE,
    EVENT,
    REJECTED,
    Candidate,
    Curation,
    Ref,
)
from core.schema.model import ProjectSchema
from ui import bindings
from ui.icons import icon
from ui.item_views import child_items, top_level_items
from ui.keys import label_key
from ui.qt import Qt, QtGui, QtWidgets, Signal
from ui.theme import colors

STATUS_TEXT = {
    AGREED: "agreed",
    DISPUTED: "disputed",
    ACCEPTED: "accepted",
    REJECTED: "rejected",
}
STATUS_ICONS = {
    AGREED: ("mdi6.check-all", "#2e9d5b"),
    DISPUTED: ("mdi6.alert-outline", "#d9822b"),
    ACCEPTED: ("mdi6.star-check", None),  # the theme's highlight colour
    REJECTED: ("mdi6.close-circle-outline", None),  # muted
}
MAX_TEXT = 48


def status_icon(status: str, theme: str) -> QtGui.QIcon:
    name, color = STATUS_ICONS[status]
    c = colors(theme)
    if color is None:
        color = c.highlight if status == ACCEPTED else c.muted
    return icon(name, color)


def _quote(text: str, start: int, end: int) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= MAX_TEXT else piece[: MAX_TEXT - 1] + "…"


class CandidateList(QtWidgets.QTreeWidget):
    chosen = Signal(object)  # Ref of the current row, or None
    accept_requested = Signal(object)
    reject_requested = Signal(object)
    edit_requested = Signal(object)
    stepped_past_end = Signal(int)  # +1 / -1: no more undecided candidates that way

    RefRole = Qt.ItemDataRole.UserRole + 1
    STATUS, WHAT, TEXT, WHO, DISAGREEMENT = range(5)
    HEADERS = ("Status", "Candidate", "Text", "Proposed by", "Disagreement")

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("candidateList")
        self.setHeaderLabels(self.HEADERS)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        for column, sample in (
            (self.STATUS, "disputed"),
            (self.WHAT, "stance NEUTRAL → SUPERINTELLIGENCE"),
            (self.TEXT, "مختبر ميتا للذكاء الاصطناعي الفائق"),
            (self.WHO, "all: Amal, Badr, Carim"),
        ):
            # room for the branch indentation, an icon and the margins
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + 72)
        self.show_decided = True
        self._items: dict[Ref, QtWidgets.QTreeWidgetItem] = {}
        self._candidates: dict[Ref, Candidate] = {}
        self._shape: list = []
        self._context: tuple = ()
        self._icons: dict[object, QtGui.QIcon] = {}
        self._quiet = False
        self.currentItemChanged.connect(self._current_changed)

    # --- content ------------------------------------------------------------------------

    def set_curation(
        self,
        curation: Curation,
        schema: ProjectSchema,
        text: str,
        names: dict[int, str],
        theme: str,
    ) -> None:
        """Show a document's candidates, keeping the current one if it is still there.

        After a decision the candidates are usually the same ones with another status:
        then only the rows that changed are filled again (a long article has thousands)."""
        context = (schema, text, names, len(curation.annotators), theme)
        shape = [
            (c.ref, tuple(a.ref for a in c.arguments), c.evidence) for c in curation.candidates
        ]
        same_schema = bool(self._context) and self._context[0] is schema
        if same_schema and shape == self._shape and context[1:] == self._context[1:]:
            for candidate in curation.all():
                if self._candidates.get(candidate.ref) != candidate:
                    self._fill(self._items[candidate.ref], candidate, *context)
            self._context = context
            self._apply_filter()
            return
        current = self.current_ref()
        scroll = self.verticalScrollBar().value()
        self._quiet = True
        try:
            self.clear()
            self._items = {}
            self._candidates = {}
            count = len(curation.annotators)
            for candidate in curation.candidates:
                item = self._fill(QtWidgets.QTreeWidgetItem(), candidate, *context)
                self.addTopLevelItem(item)
                for argument in candidate.arguments:
                    item.addChild(self._fill(QtWidgets.QTreeWidgetItem(), argument, *context))
                for evidence in candidate.evidence:
                    child = QtWidgets.QTreeWidgetItem()
                    child.setText(self.WHAT, "evidence")
                    child.setText(self.TEXT, _quote(text, evidence.start, evidence.end))
                    place = (evidence.start, evidence.end)
                    child.setData(self.TEXT, Qt.ItemDataRole.UserRole, place)
                    child.setText(self.WHO, self._who(evidence.annotators, names, count))
                    child.setForeground(self.WHAT, QtGui.QColor(colors(theme).muted))
                    item.addChild(child)
                item.setExpanded(bool(candidate.arguments))
            self._apply_filter()
        finally:
            self._quiet = False
        self._shape, self._context = shape, context
        self.verticalScrollBar().setValue(scroll)
        if current is not None and current in self._items:
            self.select_ref(current, emit=False)

    def _fill(
        self,
        item: QtWidgets.QTreeWidgetItem,
        candidate: Candidate,
        schema: ProjectSchema,
        text: str,
        names: dict[int, str],
        count: int,
        theme: str,
    ) -> QtWidgets.QTreeWidgetItem:
        item.setData(0, self.RefRole, candidate.ref)
        item.setIcon(self.STATUS, self._status_icon(candidate.status, theme))
        item.setText(self.STATUS, STATUS_TEXT[candidate.status])
        what, shown = self._describe(candidate, schema, text)
        item.setText(self.WHAT, what)
        item.setText(self.TEXT, shown)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        item.setTextAlignment(self.TEXT, right)
        item.setText(self.WHO, self._who(candidate.annotators, names, count))
        disagreement = self._disagreement(candidate, schema, text, names)
        item.setText(self.DISAGREEMENT, disagreement)
        item.setToolTip(self.DISAGREEMENT, disagreement)
        item.setToolTip(self.TEXT, f"{candidate.start}–{candidate.end}")
        try:
            label = schema.label(candidate.label_id) if candidate.kind != ARGUMENT else None
        except KeyError:
            label = None
        if label is not None:
            item.setIcon(self.WHAT, self._swatch(label.color))
        rejected = candidate.status == REJECTED
        struck = QtGui.QFont(self.font())
        struck.setStrikeOut(rejected)
        muted = QtGui.QBrush(QtGui.QColor(colors(theme).muted)) if rejected else QtGui.QBrush()
        for column in range(len(self.HEADERS)):
            item.setForeground(column, muted)
            if column != self.STATUS:
                item.setFont(column, struck)
        self._items[candidate.ref] = item
        self._candidates[candidate.ref] = candidate
        return item

    def _status_icon(self, status: str, theme: str) -> QtGui.QIcon:
        found = self._icons.get((status, theme))
        if found is None:
            found = self._icons[(status, theme)] = status_icon(status, theme)
        return found

    def _swatch(self, color: str) -> QtGui.QIcon:
        found = self._icons.get(color)
        if found is None:
            pixmap = QtGui.QPixmap(10, 10)
            pixmap.fill(QtGui.QColor(color))
            found = self._icons[color] = QtGui.QIcon(pixmap)
        return found

    @staticmethod
    def _describe(candidate: Candidate, schema: ProjectSchema, text: str) -> tuple[str, str]:
        def key(label_id: int | None) -> str:
            try:
                return schema.label(label_id).key if label_id is not None else "?"
            except KeyError:
                return "?"

        def quote(place: tuple[int, int] | None) -> str:
            # the core leaves out stances without a holder or any target
            return _quote(text, *place) if place is not None else "?"

        if candidate.kind == ARGUMENT:
            try:
                role = schema.role(candidate.label_id).key
            except KeyError:
                role = "?"
            span = key(candidate.span_label_id) if candidate.span_label_id is not None else "?"
            return f"↳ {role} ({span})", _quote(text, candidate.start, candidate.end)
        if candidate.kind == DOCUMENT_STANCE:
            return (
                f"stance {key(candidate.label_id)} → {key(candidate.target_label_id)}",
                "(the author, whole document)",
            )
        if candidate.kind == ATTRIBUTED_STANCE:
            target = (
                key(candidate.target_label_id)
                if candidate.target_label_id is not None
                else "«" + quote(candidate.target_span) + "»"
            )
            return f"stance {key(candidate.label_id)} → {target}", quote(candidate.holder)
        return key(candidate.label_id), _quote(text, candidate.start, candidate.end)

    @staticmethod
    def _who(annotators: tuple[int, ...], names: dict[int, str], count: int) -> str:
        if not annotators:
            return "gold only"
        listed = ", ".join(names.get(a, "?") for a in annotators)
        return f"all: {listed}" if count > 1 and len(annotators) == count else listed

    @staticmethod
    def _disagreement(
        candidate: Candidate, schema: ProjectSchema, text: str, names: dict[int, str]
    ) -> str:
        parts = []
        for conflict in candidate.conflicts:
            kind, key = conflict.other
            who = ", ".join(names.get(a, "?") for a in conflict.annotators)
            if kind == ARGUMENT:
                try:
                    other = f"{schema.role(key[3]).key} «{_quote(text, key[4], key[5])}»"
                except KeyError:
                    other = "another argument"
            elif kind == DOCUMENT_STANCE:
                other = schema.label(key[1]).key
            elif kind == ATTRIBUTED_STANCE:
                other = f"{schema.label(key[5]).key} «{_quote(text, key[0], key[1])}»"
            else:
                other = f"{schema.label(key[2]).key} «{_quote(text, key[0], key[1])}»"
            parts.append(f"{CONFLICT_NAMES[conflict.kind]}: \u2068{other}\u2069 ({who})")
        if candidate.missing and candidate.annotators:
            parts.append("not marked by " + ", ".join(names.get(a, "?") for a in candidate.missing))
        return "; ".join(parts)

    # --- filtering --------------------------------------------------------------------

    def set_show_decided(self, show: bool) -> None:
        self.show_decided = show
        self._apply_filter()

    def _apply_filter(self) -> None:
        for ref, item in self._items.items():
            candidate = self._candidates[ref]
            hidden = not self.show_decided and not candidate.undecided
            if candidate.kind == EVENT and any(a.undecided for a in candidate.arguments):
                hidden = False
            item.setHidden(hidden)

    # --- the current row ----------------------------------------------------------------

    def current_ref(self) -> Ref | None:
        item = self.currentItem()
        while item is not None and item.data(0, self.RefRole) is None:
            item = item.parent()  # an evidence row stands for its stance
        return item.data(0, self.RefRole) if item is not None else None

    def candidate(self, ref: Ref | None) -> Candidate | None:
        return self._candidates.get(ref) if ref is not None else None

    def select_ref(self, ref: Ref | None, emit: bool = True) -> bool:
        item = self._items.get(ref) if ref is not None else None
        if item is None or item.isHidden():
            return False
        self._quiet = not emit
        try:
            self.setCurrentItem(item)
        finally:
            self._quiet = False
        self.scrollToItem(item)
        return True

    def _rows(self) -> Iterator[QtWidgets.QTreeWidgetItem]:
        for item in top_level_items(self):
            yield item
            for child in child_items(item):
                if child.data(0, self.RefRole) is not None:
                    yield child

    def step(self, direction: int, after: Ref | None = None) -> bool:
        """Go to the next (+1) or previous (-1) undecided candidate after `after` (default:
        the current one), wrapping around; False when there is none at all."""
        rows = [r for r in self._rows() if not r.isHidden() or r.data(0, self.RefRole) == after]
        refs = [r.data(0, self.RefRole) for r in rows]
        start = after if after is not None else self.current_ref()
        here = refs.index(start) if start in refs else (-1 if direction > 0 else len(refs))
        order = (
            list(range(here + direction, len(refs)))
            if direction > 0
            else list(range(here - 1, -1, -1))
        )
        wrapped = list(range(0, here)) if direction > 0 else list(range(len(refs) - 1, here, -1))
        for position in order + wrapped:
            ref = refs[position]
            if ref != start and self._candidates[ref].undecided and not rows[position].isHidden():
                if position in wrapped:
                    self.stepped_past_end.emit(direction)
                return self.select_ref(ref)
        return False

    def _current_changed(self, current, _previous) -> None:
        if not self._quiet:
            self.chosen.emit(self.current_ref())

    # --- keys -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        letter = label_key(event)  # the latin letter, whatever the keyboard layout

        def pressed(binding_id: str) -> bool:
            if bindings.matches(event, binding_id):
                return True
            return letter is not None and letter.upper() in bindings.keys(binding_id)

        ref = self.current_ref()
        if pressed("curation.next"):
            self.step(+1)
        elif pressed("curation.previous"):
            self.step(-1)
        elif pressed("curation.accept"):
            if ref is not None:
                self.accept_requested.emit(ref)
        elif pressed("curation.reject") or bindings.matches(event, "annotate.delete"):
            if ref is not None:
                self.reject_requested.emit(ref)
        elif pressed("curation.edit"):
            if ref is not None:
                self.edit_requested.emit(ref)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyboardSearch(self, search: str) -> None:
        """Letters are curation keys here, not a type-ahead search."""


__all__ = ["STATUS_TEXT", "CandidateList", "status_icon"]
