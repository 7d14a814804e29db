"""The candidate list of the curation view: one row per candidate, keys to decide.

Events and attributed stances are rows with their arguments or evidence below
them. Rejected rows are greyed and struck through; "Show decided" hides what is
accepted or rejected. The keys (ui.bindings, section Curation) go to the next or
previous undecided candidate, accept, reject or edit it; the view does the work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from core.review.curation.model import (
    ACCEPTED,
    AGREED,
    ARGUMENT,
    ATTRIBUTED_STANCE,
    CONFLICT_NAMES,
    DISPUTED,
    DOCUMENT_STANCE,
    ENTITY,
    EVENT,
    REJECTED,
    AcceptReport,
    Candidate,
    Curation,
    MergeReport,
    Ref,
)
from core.schema.model import ProjectSchema
from ui import bindings
from ui.bidi import offsets
from ui.i18n import QT_TRANSLATE_NOOP, Plural, list_text, name_of, text_of, translate
from ui.icons import icon
from ui.item_views import child_items, top_level_items
from ui.keys import label_key
from ui.qt import Qt, QtGui, QtWidgets, Signal
from ui.theme import colors

STATUS_TEXT = {  # translated in CandidateList
    AGREED: QT_TRANSLATE_NOOP("CandidateList", "agreed"),
    DISPUTED: QT_TRANSLATE_NOOP("CandidateList", "disputed"),
    ACCEPTED: QT_TRANSLATE_NOOP("CandidateList", "accepted"),
    REJECTED: QT_TRANSLATE_NOOP("CandidateList", "rejected"),
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


def refs_text(refs: Iterable[Ref]) -> str:
    """ "3 entities, 1 event, 2 arguments": what a set of candidates holds."""
    counts = Counter(kind for kind, _ in refs)
    parts = []
    if counts[ENTITY]:
        parts.append(Plural.tr("%n entity annotation(s)", None, counts[ENTITY]))
    if counts[EVENT]:
        parts.append(Plural.tr("%n event(s)", None, counts[EVENT]))
    if counts[ARGUMENT]:
        parts.append(Plural.tr("%n event argument(s)", None, counts[ARGUMENT]))
    if counts[DOCUMENT_STANCE]:
        parts.append(Plural.tr("%n document stance(s)", None, counts[DOCUMENT_STANCE]))
    if counts[ATTRIBUTED_STANCE]:
        parts.append(Plural.tr("%n attributed stance(s)", None, counts[ATTRIBUTED_STANCE]))
    return list_text(parts) or translate("Curation", "nothing")


def merge_text(report: MergeReport) -> str:
    """What auto-merge took, brought along and left undecided."""
    how = text_of(report.strategy.describe(report.annotators))
    if report.taken:
        text = translate("Curation", "Auto-merge ({strategy}) took {candidates}").format(
            strategy=how, candidates=refs_text(report.taken)
        )
    else:
        text = translate("Curation", "Auto-merge ({strategy}) found nothing to take").format(
            strategy=how
        )
    if report.brought_along:
        text += Plural.tr(
            ", and brought along %n entity annotation(s) that arguments or stances need",
            None,
            len(report.brought_along),
        )
    return text + Plural.tr("; %n left undecided.", None, len(report.undecided))


def accept_text(report: AcceptReport, schema: ProjectSchema) -> str:
    """What accepting a candidate brought into gold."""
    parts = [
        translate("Curation", "Accepted {candidates}").format(
            candidates=refs_text(report.taken or (report.ref,))
        )
    ]
    if report.brought_along:
        spans = list_text(
            f"{name_of(schema.label(label))} {offsets(start, end)}"
            for start, end, label in report.brought_along
        )
        parts.append(
            translate("Curation", "brought along the entity annotations it needs: {spans}").format(
                spans=spans
            )
        )
    if report.left:
        parts.append(
            Plural.tr(
                "%n argument(s) tied with another were left undecided", None, len(report.left)
            )
        )
    return "; ".join(parts) + "."


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
    HEADERS = (
        QT_TRANSLATE_NOOP("CandidateList", "Status"),
        QT_TRANSLATE_NOOP("CandidateList", "Candidate"),
        QT_TRANSLATE_NOOP("CandidateList", "Text"),
        QT_TRANSLATE_NOOP("CandidateList", "Proposed by"),
        QT_TRANSLATE_NOOP("CandidateList", "Disagreement"),
    )

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("candidateList")
        self.setHeaderLabels([self.tr(title) for title in self.HEADERS])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        for column, sample in (
            (self.STATUS, max((self.tr(s) for s in STATUS_TEXT.values()), key=len)),
            (
                self.WHAT,
                self.tr("stance {polarity} → {target}").format(
                    polarity="NEUTRAL", target="SUPERINTELLIGENCE"
                ),
            ),
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
                    child.setText(self.WHAT, self.tr("evidence"))
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
        item.setText(self.STATUS, self.tr(STATUS_TEXT[candidate.status]))
        what, shown = self._describe(candidate, schema, text)
        item.setText(self.WHAT, what)
        item.setText(self.TEXT, shown)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        item.setTextAlignment(self.TEXT, right)
        item.setText(self.WHO, self._who(candidate.annotators, names, count))
        disagreement = self._disagreement(candidate, schema, text, names)
        item.setText(self.DISAGREEMENT, disagreement)
        item.setToolTip(self.DISAGREEMENT, disagreement)
        item.setToolTip(self.TEXT, offsets(candidate.start, candidate.end))
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

    def describe(self, candidate: Candidate, schema: ProjectSchema, text: str) -> str:
        """ "Organization «ميتا» 120–124" — a candidate named for a message."""
        what, shown = self._describe(candidate, schema, text)
        if candidate.kind in (ENTITY, EVENT):
            return f"{what} «\u2068{shown}\u2069» {offsets(candidate.start, candidate.end)}"
        return f"{what} «\u2068{shown}\u2069»"

    def _describe(self, candidate: Candidate, schema: ProjectSchema, text: str) -> tuple[str, str]:
        def key(label_id: int | None) -> str:
            try:
                return name_of(schema.label(label_id)) if label_id is not None else "?"
            except KeyError:
                return "?"

        def quote(place: tuple[int, int] | None) -> str:
            # the core leaves out stances without a holder or any target
            return _quote(text, *place) if place is not None else "?"

        if candidate.kind == ARGUMENT:
            try:
                role = name_of(schema.role(candidate.label_id))
            except KeyError:
                role = "?"
            span = key(candidate.span_label_id) if candidate.span_label_id is not None else "?"
            return f"↳ {role} ({span})", _quote(text, candidate.start, candidate.end)
        if candidate.kind == DOCUMENT_STANCE:
            return (
                self.tr("stance {polarity} → {target}").format(
                    polarity=key(candidate.label_id), target=key(candidate.target_label_id)
                ),
                self.tr("(the author, whole document)"),
            )
        if candidate.kind == ATTRIBUTED_STANCE:
            target = (
                key(candidate.target_label_id)
                if candidate.target_label_id is not None
                else "«" + quote(candidate.target_span) + "»"
            )
            return (
                self.tr("stance {polarity} → {target}").format(
                    polarity=key(candidate.label_id), target=target
                ),
                quote(candidate.holder),
            )
        return key(candidate.label_id), _quote(text, candidate.start, candidate.end)

    def _who(self, annotators: tuple[int, ...], names: dict[int, str], count: int) -> str:
        if not annotators:
            return self.tr("gold only")
        listed = list_text(names.get(a, "?") for a in annotators)
        if count > 1 and len(annotators) == count:
            return self.tr("all: {annotators}").format(annotators=listed)
        return listed

    def _disagreement(
        self, candidate: Candidate, schema: ProjectSchema, text: str, names: dict[int, str]
    ) -> str:
        parts = []
        for conflict in candidate.conflicts:
            kind, key = conflict.other
            who = list_text(names.get(a, "?") for a in conflict.annotators)
            if kind == ARGUMENT:
                try:
                    other = f"{name_of(schema.role(key[3]))} «{_quote(text, key[4], key[5])}»"
                except KeyError:
                    other = self.tr("another argument")
            elif kind == DOCUMENT_STANCE:
                other = name_of(schema.label(key[1]))
            elif kind == ATTRIBUTED_STANCE:
                other = f"{name_of(schema.label(key[5]))} «{_quote(text, key[0], key[1])}»"
            else:
                other = f"{name_of(schema.label(key[2]))} «{_quote(text, key[0], key[1])}»"
            parts.append(f"{text_of(CONFLICT_NAMES[conflict.kind])}: \u2068{other}\u2069 ({who})")
        if candidate.missing and candidate.annotators:
            parts.append(
                self.tr("not marked by {annotators}").format(
                    annotators=list_text(names.get(a, "?") for a in candidate.missing)
                )
            )
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
