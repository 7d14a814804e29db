"""The curation view (Review > Curate): from annotators' versions to the gold standard.

A window of its own, per document: each compared annotator's version side by
side (read-only editors, scrolled together) and the gold set as the last pane
(an editable editor: label keys, Delete and the edge keys change gold), the
candidate list below (status, who proposed what, where they disagree), and
above them the document, which sets are compared, auto-merge with its strategy,
and the gold set's state.

Every change goes through `window.run_operation` (so Ctrl+Z here or in the main
window undoes it) and the view redraws from the change sets it receives, like
every panel. Curators only: the menu entry is disabled for annotators, and
`open_curation` refuses too.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from core.documents.navigation import document_titles
from core.project.changes import Changes
from core.project.errors import OperationError
from core.review.curation import operations  # accept, reject...: names of this view's methods too
from core.review.curation.documents import documents_to_curate, next_to_curate
from core.review.curation.editing import (
    add_gold_span,
    delete_gold_span,
    relabel_gold_span,
    resize_gold_span,
)
from core.review.curation.model import (
    ARGUMENT,
    ATTRIBUTED_STANCE,
    DOCUMENT_STANCE,
    ENTITY,
    EVENT,
    Candidate,
    Curation,
    Ref,
    Strategy,
)
from core.review.versions import GOLD as GOLD_OWNER
from core.review.versions import CurationVersions, read_curation_versions
from ui import bindings
from ui.curation.candidates import STATUS_TEXT, CandidateList, accept_text, merge_text
from ui.curation.compare import SideBySide, Version, VersionPane, pane_labels
from ui.curators import CURATE, add_curator_action, curator_refusal
from ui.i18n import error_text, list_text, text_of, translate
from ui.icons import icon
from ui.notice import ERROR, INFO, NoticeBar
from ui.panels.documents import state_name
from ui.qt import Qt, QtCore, QtGui, QtWidgets
from ui.theme import current_theme

if TYPE_CHECKING:
    from core.project.project import Project
    from core.schema.model import ProjectSchema
    from ui.main_window import MainWindow

GOLD = "gold"  # the key of the gold pane
UNANIMOUS, AT_LEAST = 0, 1  # strategy choices


class CurationWindow(QtWidgets.QWidget):
    def __init__(self, window: MainWindow):
        super().__init__(window, Qt.WindowType.Window)
        self.setObjectName("curationWindow")
        self.main = window
        self.curation: Curation | None = None
        self.document_id: int | None = None
        self.text = ""
        self._names: dict[int, str] = {}
        self._running = False
        self._refusal: str | None = None
        self.setWindowTitle(self.tr("Curation — Tawsim"))
        self.resize(1440, 900)
        self._build()
        self._build_actions()
        window.operation_did_execute.connect(self._on_operation)
        window.operation_refused.connect(self._on_refused)
        window.project_changed.connect(lambda _project: self.close())
        window.identity_changed.connect(self._check_identity)

    # ================================================================ building

    def _build(self) -> None:
        top = self._build_top_bar()
        self.notice = NoticeBar()
        self.summary = QtWidgets.QLabel()
        self.summary.setProperty("role", "muted")
        self.summary.setWordWrap(True)

        self.panes = SideBySide(self.main.editor.font())

        bottom = self._build_candidate_list()

        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.panes)
        self.splitter.addWidget(bottom)
        self.splitter.setSizes([560, 340])

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)

    def _build_top_bar(self) -> QtWidgets.QHBoxLayout:
        """The document, the auto-merge strategy, undo and redo, and the gold set's state."""
        self.documents = QtWidgets.QComboBox()
        self.documents.setMinimumWidth(320)
        self.documents.setToolTip(self.tr("The document to curate (• : needs curation)"))
        self.documents.activated.connect(
            lambda index: self.open_document(self.documents.itemData(index))
        )
        self.include_unfinished = QtWidgets.QCheckBox(self.tr("Include sets in progress"))
        self.include_unfinished.setToolTip(
            self.tr(
                "Compare annotators' sets that are not finished yet too (by default only "
                "finished sets are curated)"
            )
        )
        self.include_unfinished.toggled.connect(self._include_unfinished_toggled)
        self.strategy = QtWidgets.QComboBox()
        self.strategy.addItem(self.tr("Unanimous"), UNANIMOUS)
        self.strategy.addItem(self.tr("At least k of n"), AT_LEAST)
        self.strategy.setToolTip(
            self.tr(
                "Auto-merge takes what all annotators agree on (unanimous), or what at least k "
                "of them do; ties between alternatives are left for you"
            )
        )
        self.k = QtWidgets.QSpinBox()
        self.k.setPrefix(self.tr("k = "))
        self.k.setRange(1, 1)
        self.k.setEnabled(False)
        self.strategy.currentIndexChanged.connect(
            lambda _i: self.k.setEnabled(self.strategy.currentData() == AT_LEAST)
        )
        self.merge_button = QtWidgets.QPushButton(icon("mdi6.call-merge"), self.tr("Auto-merge"))
        self.merge_button.setToolTip(self.tr("Copy the candidates the strategy accepts into gold"))
        self.merge_button.clicked.connect(self.auto_merge)
        self.undo_button = QtWidgets.QToolButton()
        self.undo_button.setIcon(icon("mdi6.undo"))
        self.undo_button.clicked.connect(self.main.undo)
        self.redo_button = QtWidgets.QToolButton()
        self.redo_button.setIcon(icon("mdi6.redo"))
        self.redo_button.clicked.connect(self.main.redo)
        self.gold_state = QtWidgets.QLabel()
        self.curated_button = QtWidgets.QPushButton()
        self.curated_button.clicked.connect(self._toggle_curated)

        top = QtWidgets.QHBoxLayout()
        top.addWidget(QtWidgets.QLabel(self.tr("Document")))
        top.addWidget(self.documents, 1)
        top.addWidget(self.include_unfinished)
        top.addSpacing(12)
        top.addWidget(self.strategy)
        top.addWidget(self.k)
        top.addWidget(self.merge_button)
        top.addSpacing(12)
        top.addWidget(self.undo_button)
        top.addWidget(self.redo_button)
        top.addSpacing(12)
        top.addWidget(self.gold_state)
        top.addWidget(self.curated_button)
        return top

    def _build_candidate_list(self) -> QtWidgets.QWidget:
        """The candidates with their counts, keys and the selected one's detail."""
        self.candidates = CandidateList()
        self.candidates.chosen.connect(self._candidate_chosen)
        self.candidates.accept_requested.connect(self.accept)
        self.candidates.reject_requested.connect(self.reject)
        self.candidates.edit_requested.connect(self.edit)
        self.candidates.stepped_past_end.connect(
            lambda d: self.notice.show_message(
                self.tr("Went round: back to the first undecided candidate.")
                if d > 0
                else self.tr("Went round: back to the last undecided candidate."),
                INFO,
                3,
            )
        )
        self.show_decided = QtWidgets.QCheckBox(self.tr("Show decided"))
        self.show_decided.setChecked(True)
        self.show_decided.setToolTip(self.tr("Show accepted and rejected candidates too"))
        self.show_decided.toggled.connect(self.candidates.set_show_decided)
        self.counts = QtWidgets.QLabel()
        keys = " · ".join(
            f"{bindings.native_text(b).split(', ')[0]} {what}"
            for b, what in (
                ("curation.next", self.tr("next")),
                ("curation.previous", self.tr("previous")),
                ("curation.accept", self.tr("accept")),
                ("curation.reject", self.tr("reject")),
                ("curation.edit", self.tr("edit in gold")),
                ("document.finish", self.tr("curated, next document")),
            )
        )
        hint = QtWidgets.QLabel(keys)
        hint.setProperty("role", "muted")
        self.detail = QtWidgets.QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        list_bar = QtWidgets.QHBoxLayout()
        list_bar.addWidget(self.counts)
        list_bar.addStretch(1)
        list_bar.addWidget(hint)
        list_bar.addSpacing(12)
        list_bar.addWidget(self.show_decided)
        bottom = QtWidgets.QWidget()
        bottom_layout = QtWidgets.QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(list_bar)
        bottom_layout.addWidget(self.candidates, 1)
        bottom_layout.addWidget(self.detail)
        return bottom

    def _build_actions(self) -> None:
        for binding_id, slot in (
            ("edit.undo", self.main.undo),
            ("edit.redo", self.main.redo),
            ("document.finish", self.mark_curated_and_next),
            ("document.reopen", lambda: self.set_curated(False)),
            ("document.next", lambda: self.step_document(+1)),
            ("document.previous", lambda: self.step_document(-1)),
        ):
            action = QtGui.QAction(self)
            action.setShortcuts(bindings.sequences(binding_id))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(action)
            self.main.bindings_changed.connect(
                lambda a=action, b=binding_id: a.setShortcuts(bindings.sequences(b))
            )
        QtGui.QShortcut(QtGui.QKeySequence.StandardKey.Close, self, self.close)
        self.curated_button.setToolTip(
            self.tr(
                "Mark the gold standard of this document curated and go to the next document "
                "needing curation ({keys})"
            ).format(keys=bindings.native_text("document.finish"))
        )

    # ================================================================ documents

    @property
    def project(self) -> Project | None:
        return self.main.project

    @property
    def schema(self) -> ProjectSchema:
        """The open project's schema (the view closes with its project)."""
        return self.main.require_project().schema

    @property
    def curator_id(self) -> int | None:
        return self.main.annotator.id if self.main.annotator is not None else None

    def open_document(
        self,
        document_id: int,
        place: tuple[int, int] | None = None,
        ref: Ref | None = None,
    ) -> bool:
        """Show a document's curation; at `place` (or candidate `ref`), else at the first
        undecided candidate."""
        project = self.project
        if project is None or document_id is None:
            return False
        try:
            read = self._read(document_id)
        except OperationError as err:
            self.notice.show_message(error_text(err), ERROR)
            return False
        text, curation = read.text, read.curation
        versions = self._versions(read)
        self.document_id, self.text, self.curation = document_id, text, curation
        self.panes.set_labels(pane_labels(project.schema), current_theme())
        self.panes.set_document(
            document_id, text, versions, project.settings().get("clitic_rule", "standard")
        )
        self._wire_panes()
        self._show_curation(curation)
        self._fill_documents()
        self.show()
        self.raise_()
        self.activateWindow()
        QtWidgets.QApplication.processEvents()  # lay the panes out before scrolling them
        if ref is not None and self.candidates.select_ref(ref):
            pass
        elif place is not None:
            chosen = self._candidate_at(*place)
            if chosen is None or not self.candidates.select_ref(chosen.ref):
                self.panes.show_place(*place)
        elif not self.candidates.step(+1):
            first = self.candidates.topLevelItem(0)
            if first is not None:
                self.candidates.setCurrentItem(first)
        self.candidates.setFocus()
        return True

    def reload(self, changes: Changes | None = None) -> None:
        """Read the open document's curation again: after a change (only the panes whose
        set it touched are read again), or everything after an option changed."""
        if self.document_id is None or self.project is None:
            return
        current = self.candidates.current_ref()
        before = self.curation
        stale: set[object] | None = None

        def owners(after: Curation) -> set[int | None] | None:
            nonlocal stale
            stale = self._stale_panes(before, after, changes)
            # a pane's key is its annotator's id, or GOLD
            return (
                None if stale is None else {k if isinstance(k, int) else GOLD_OWNER for k in stale}
            )

        try:
            read = self._read(self.document_id, owners)
            self.curation = read.curation
            versions = self._versions(read, stale)
        except OperationError as err:
            self.notice.show_message(error_text(err), ERROR)
            return
        self.panes.set_document(self.document_id, self.text, versions)
        self._wire_panes()
        self._show_curation(read.curation)
        if current is not None and self.curation.find(current) is not None:
            self.candidates.select_ref(current, emit=False)
            self._show_detail(self.curation.find(current))

    def _read(self, document_id: int, owners=None) -> CurationVersions:
        """The curation and the sets to show (`owners`: see read_curation_versions)."""
        return read_curation_versions(
            self.main.require_project(),
            document_id,
            include_unfinished=self.include_unfinished.isChecked(),
            owners=owners,
        )

    def _stale_panes(
        self, before: Curation | None, after: Curation, changes: Changes | None
    ) -> set[object] | None:
        """The panes a change set makes out of date (None: all of them)."""
        keys = [p.key for p in self.panes.panes]
        if (
            changes is None
            or changes.schema
            or changes.annotators
            or before is None
            or keys != [a.id for a in after.annotators] + [GOLD]
        ):
            return None
        stale: set[object] = {a.id for a in after.annotators if after.set_ids[a.id] in changes.sets}
        if after.gold_set_id in changes.sets or after.gold_set_id != before.gold_set_id:
            stale.add(GOLD)
        return stale

    def _versions(self, read: CurationVersions, stale: set[object] | None = None) -> list[Version]:
        """What each pane shows; the rows of panes not in `stale` (when given) are kept."""

        def kept(key: object) -> Version | None:
            pane = self.panes.pane(key)
            if stale is None or key in stale or pane is None:
                return None
            return Version(key, pane.name, pane.detail.text(), None, key == GOLD)

        curation = read.curation
        versions = []
        for person in curation.annotators:
            unchanged = kept(person.id)
            if unchanged is not None:
                versions.append(unchanged)
                continue
            version = read.versions[person.id]
            detail = f"{state_name(version.state)} · {len(version.spans)}"
            versions.append(Version(person.id, person.name, detail, version.spans))
        unchanged = kept(GOLD)
        if unchanged is not None:
            return [*versions, unchanged]
        gold = read.versions[GOLD_OWNER]
        curator = f" · {gold.curator}" if gold.curator else ""
        state = self.tr("curated") if curation.curated else state_name(curation.gold_state)
        detail = f"{state} · {len(gold.spans)}{curator}"
        versions.append(Version(GOLD, self.tr("Gold standard"), detail, gold.spans, True))
        return versions

    def _show_curation(self, curation: Curation) -> None:
        schema = self.schema
        self._names = {a.id: a.name for a in curation.annotators}
        self.candidates.set_curation(curation, schema, self.text, self._names, current_theme())
        n = len(curation.annotators)
        self.k.setRange(1, max(1, n))
        if self.k.value() > n or not self.k.isEnabled():
            self.k.setValue(max(1, (n // 2) + 1 if n > 1 else 1))
        self.merge_button.setEnabled(n > 0)
        compared = list_text(a.name for a in curation.annotators) or self.tr("nobody yet")
        parts = [
            self.tr("Comparing %n annotation set(s): {annotators}.", None, n).format(
                annotators=compared
            )
        ]
        if curation.skipped:
            skipped = list_text(f"{a.name} ({state_name(state)})" for a, state in curation.skipped)
            parts.append(self.tr("Not compared: {annotators}.").format(annotators=skipped))
        if curation.left_out:
            left_out = list_text(f"{text_of(why)}: {count}" for why, count in curation.left_out)
            parts.append(self.tr("Left out: {what}.").format(what=left_out))
        self.summary.setText(" ".join(parts))
        counts = curation.counts()
        self.counts.setText(
            " · ".join(
                f"{self.candidates.tr(text)}: {counts.get(s, 0)}" for s, text in STATUS_TEXT.items()
            )
        )
        curated = curation.curated
        self.gold_state.setText(
            self.tr("Gold: <b>curated</b>")
            if curated
            else self.tr("Gold: {state}").format(state=state_name(curation.gold_state))
        )
        self.curated_button.setText(self.tr("Reopen gold") if curated else self.tr("Mark curated"))
        self.curated_button.setIcon(
            icon("mdi6.lock-open-outline" if curated else "mdi6.check-decagram-outline")
        )
        self.setWindowTitle(
            self.tr("Curation — #{id} {title} — Tawsim").format(
                id=curation.document_id, title=curation.title
            )
        )
        self._update_undo()

    def _include_unfinished_toggled(self, _on: bool) -> None:
        self.reload()
        self._fill_documents()

    def _fill_documents(self) -> None:
        project = self.main.require_project()  # the view closes with its project
        waiting = set(
            documents_to_curate(project, include_unfinished=self.include_unfinished.isChecked())
        )
        combo = self.documents
        combo.blockSignals(True)
        try:
            combo.clear()
            for document_id, title in document_titles(project):
                mark = "• " if document_id in waiting else "   "
                combo.addItem(f"{mark}#{document_id} {title}", document_id)
            index = combo.findData(self.document_id)
            combo.setCurrentIndex(index)
        finally:
            combo.blockSignals(False)

    def step_document(self, direction: int) -> None:
        index = self.documents.currentIndex() + direction
        if 0 <= index < self.documents.count():
            self.open_document(self.documents.itemData(index))

    # ================================================================ candidates

    def _candidate_at(self, start: int, end: int) -> Candidate | None:
        """The candidate a place from the review dashboard points at: one at exactly those
        offsets, else an overlapping one; the most proposed first."""
        if self.curation is None:
            return None
        found = [
            c
            for c in self.curation.all()
            if c.kind in (ENTITY, EVENT, ARGUMENT, ATTRIBUTED_STANCE)
            and c.start < max(end, start + 1)
            and start < c.end
        ]
        exact = [c for c in found if (c.start, c.end) == (start, end)]
        ranked = sorted(exact or found, key=lambda c: -c.support)  # the majority's first
        return ranked[0] if ranked else None

    def _candidate_chosen(self, ref: Ref | None) -> None:
        candidate = self.curation.find(ref) if self.curation and ref is not None else None
        self._show_detail(candidate)
        if candidate is None:
            return
        item = self.candidates.currentItem()
        evidence = item.data(CandidateList.TEXT, Qt.ItemDataRole.UserRole) if item else None
        start, end = evidence if evidence else (candidate.start, candidate.end)
        self.panes.show_place(start, end, self._selection_for(candidate))

    def _selection_for(self, candidate: Candidate) -> dict[object, int | None]:
        """In each pane, that version's annotation at this place: the candidate itself, else
        what the annotator has at those offsets (another label), else the innermost span
        overlapping it. Entity spans for entities, arguments and holders; triggers
        (negative ids) for events."""
        if candidate.kind == DOCUMENT_STANCE:  # the whole document: nothing to outline
            return {pane.key: None for pane in self.panes.panes}
        trigger = candidate.kind == EVENT
        start, end = candidate.start, max(candidate.end, candidate.start + 1)
        chosen: dict[object, int | None] = {}
        for pane in self.panes.panes:
            layer = pane.editor.layer
            ids = [i for i in layer.index.overlapping(start, end) if (i < 0) == trigger]
            ranked = sorted(
                ids,
                key=lambda i: (
                    (layer.spans[i].start, layer.spans[i].end) != (candidate.start, candidate.end),
                    candidate.kind in (ENTITY, EVENT)
                    and layer.spans[i].label_id != candidate.label_id,
                    layer.depth_key(i),
                ),
            )
            chosen[pane.key] = ranked[0] if ranked else None
        return chosen

    def _show_detail(self, candidate: Candidate | None) -> None:
        if candidate is None:
            self.detail.setText("")
            return
        schema = self.schema
        what = escape(self.candidates.describe(candidate, schema, self.text))
        status = self.candidates.tr(STATUS_TEXT[candidate.status])
        who = list_text(self._names.get(a, "?") for a in candidate.annotators) or self.tr(
            "gold only"
        )
        lines = [
            self.tr("<b>{candidate}</b> — {status}; proposed by {annotators}").format(
                candidate=what, status=status, annotators=escape(who)
            )
        ]
        if candidate.kind == EVENT and candidate.arguments:
            lines.append(
                self.tr(
                    "%n argument(s); accepting the event takes the undecided ones that no "
                    "alternative ties with",
                    None,
                    len(candidate.arguments),
                )
            )
        if candidate.kind == ARGUMENT and candidate.status != "accepted":
            lines.append(
                self.tr(
                    "accepting it brings its event (and its entity annotation) into gold if needed"
                )
            )
        self.detail.setText("<br>".join(lines))

    def _current(self) -> Ref | None:
        ref = self.candidates.current_ref()
        if ref is None:
            self.notice.show_message(self.tr("Choose a candidate in the list first."), INFO, 3)
        return ref

    # ================================================================ operations

    def _run(self, op, *args, **kwargs):
        """Run a core operation through the main window; show a refusal here."""
        self._refusal = None
        self._running = True
        try:
            result = self.main.run_operation(op, *args, **kwargs)
        finally:
            self._running = False
        if result is None and self._refusal:
            self.notice.show_message(self._refusal, ERROR)
        return result

    def _on_refused(self, message: str) -> None:
        if self._running:
            self._refusal = message

    def _options(self) -> dict:
        return {"include_unfinished": self.include_unfinished.isChecked()}

    def auto_merge(self) -> None:
        if self.document_id is None:
            return
        n = len(self.curation.annotators) if self.curation else 0
        strategy = (
            Strategy.unanimous()
            if self.strategy.currentData() == UNANIMOUS
            else Strategy.at_least(self.k.value())
        )
        result = self._run(
            operations.auto_merge, self.curator_id, self.document_id, strategy, **self._options()
        )
        if result is None:
            return
        self.notice.show_message(merge_text(result.value), INFO, 10)
        if n and not self.candidates.step(+1, after=None):
            self.candidates.setFocus()

    def accept(self, ref: Ref | None = None) -> None:
        ref = ref or self._current()
        if ref is None or self.document_id is None:
            return
        result = self._run(
            operations.accept, self.curator_id, self.document_id, ref, **self._options()
        )
        if result is not None:
            self.notice.show_message(accept_text(result.value, self.schema), INFO, 5)
            self._after_decision(ref)

    def reject(self, ref: Ref | None = None) -> None:
        ref = ref or self._current()
        if ref is None or self.document_id is None:
            return
        candidate = self.curation.find(ref) if self.curation else None
        result = self._run(
            operations.reject, self.curator_id, self.document_id, ref, **self._options()
        )
        if result is not None and candidate is not None:
            text = self.candidates.describe(candidate, self.schema, self.text)
            if candidate.gold_id:
                done = self.tr("Rejected {candidate} and took it out of the gold standard.")
            else:
                done = self.tr("Rejected {candidate}.")
            self.notice.show_message(done.format(candidate=text), INFO, 4)
            self._after_decision(ref)

    def _after_decision(self, ref: Ref) -> None:
        """Decided: on to the next undecided candidate (the keyboard curator's rhythm)."""
        if not self.candidates.step(+1, after=ref):
            self.candidates.select_ref(ref)
            self.notice.show_message(
                self.tr(
                    "Every candidate is decided. {keys} marks the gold standard curated and "
                    "opens the next document."
                ).format(keys=bindings.native_text("document.finish")),
                INFO,
                8,
            )

    def edit(self, ref: Ref | None = None) -> None:
        """Go to the candidate in the gold pane, ready for a label key or Delete."""
        ref = ref or self._current()
        candidate = self.curation.find(ref) if self.curation and ref is not None else None
        gold = self.panes.pane(GOLD)
        if candidate is None or gold is None:
            return
        editor = gold.editor
        editor.setFocus()
        if candidate.kind == ENTITY and candidate.gold_id is not None:
            editor.select_span(candidate.gold_id)
        elif candidate.kind == EVENT and candidate.gold_id is not None:
            editor.select_span(-candidate.gold_id)
        elif candidate.end > candidate.start:
            editor.select_range(candidate.start, candidate.end, exact=True)
        self.notice.show_message(
            self.tr(
                "Gold pane: a label key tags or relabels, Delete removes, {keys} move the "
                "edges. Events and stances are decided in the candidate list."
            ).format(keys=bindings.edge_keys()),
            INFO,
            6,
        )

    def set_curated(self, curated: bool) -> bool:
        if self.document_id is None:
            return False
        result = self._run(operations.mark_curated, self.curator_id, self.document_id, curated)
        return result is not None

    def _toggle_curated(self) -> None:
        if self.curation is not None and self.curation.curated:
            self.set_curated(False)
        else:
            self.mark_curated_and_next()

    def mark_curated_and_next(self) -> None:
        document = self.document_id
        if document is None or not self.set_curated(True):
            return
        target = next_to_curate(self.main.require_project(), document, **self._options())
        if target is None:
            self._fill_documents()
            self.notice.show_message(
                self.tr("Curated. No other document is waiting for curation."), INFO, 8
            )
        else:
            self.open_document(target)
            self.notice.show_message(
                self.tr("Curated #{document}; now #{next}.").format(document=document, next=target),
                INFO,
                4,
            )

    # ================================================================ the gold pane

    def _wire_panes(self) -> None:
        """Key presses in the panes: the gold pane edits gold, the others are read-only.
        Panes are reused across documents, so the handlers ask whose pane it is now."""
        for pane in self.panes.panes:
            if pane.property("wired"):
                continue
            editor = pane.editor
            editor.label_key_pressed.connect(
                lambda key, exact, p=pane: self._label_key(p, key, exact)
            )
            editor.delete_requested.connect(lambda span_id, p=pane: self._delete_in(p, span_id))
            editor.resize_requested.connect(
                lambda span_id, start, end, p=pane: self._resize_in(p, span_id, start, end)
            )
            pane.setProperty("wired", True)

    def _label_key(self, pane, key: str, exact: bool) -> None:
        if pane.key == GOLD:
            self._gold_label_key(key, exact)
        else:
            self.notice.show_message(
                self.tr(
                    "This is the version of {annotator}, read-only. Tag text in the gold pane, "
                    "or accept the candidate in the list."
                ).format(annotator=pane.name),
                INFO,
                5,
            )

    def _delete_in(self, pane: VersionPane, span_id: int) -> None:
        if pane.key == GOLD:  # the other versions are read-only
            self._gold_delete(span_id)

    def _resize_in(self, pane: VersionPane, span_id: int, start: int, end: int) -> None:
        if pane.key == GOLD:
            self._gold_resize(span_id, start, end)

    def _gold_editor(self):
        gold = self.panes.pane(GOLD)
        return gold.editor if gold is not None else None

    def _gold_label_key(self, key: str, exact: bool) -> None:
        editor = self._gold_editor()
        label = self.main.label_for_key(key)
        if label is None:
            self.notice.show_message(
                self.tr(
                    "No entity label uses the key {key}. Events and stances go into gold from "
                    "the candidate list."
                ).format(key=key),
                INFO,
                5,
            )
            return
        selected = editor.selected_span
        if selected is not None and selected < 0:
            self.notice.show_message(
                self.tr("That is an event trigger: decide events in the candidate list."), INFO, 5
            )
            return
        if selected is not None:
            if self._run(relabel_gold_span, self.curator_id, selected, label.id):
                editor.select_span(selected, ensure_visible=False)
            return
        pending = editor.pending_selection(force_exact=exact)
        if pending is None:
            self.notice.show_message(self.tr("Select some text in the gold pane first."), INFO, 3)
            return
        result = self._run(
            add_gold_span,
            self.curator_id,
            self.document_id,
            pending.start,
            pending.end,
            label.id,
        )
        if result is not None:
            editor.select_span(result.value, ensure_visible=False)

    def _gold_delete(self, span_id: int) -> None:
        if span_id < 0:
            self.notice.show_message(
                self.tr("That is an event trigger: reject the event in the candidate list."),
                INFO,
                5,
            )
            return
        if self._run(delete_gold_span, self.curator_id, span_id) is not None:
            self._gold_editor().select_span(None)

    def _gold_resize(self, span_id: int, start: int, end: int) -> None:
        if span_id < 0:
            return
        if self._run(resize_gold_span, self.curator_id, span_id, start, end) is not None:
            self._gold_editor().select_span(span_id, ensure_visible=False)

    # ================================================================ reacting

    def _on_operation(self, changes: Changes) -> None:
        if self.document_id is None or self.project is None or not self.isVisible():
            return  # opening the view again reads everything anew
        if changes.documents_added or changes.documents_removed:
            self._fill_documents()
        if self.document_id in changes.documents_removed:
            self.close()
            return
        if self.document_id in changes.documents or changes.schema or changes.annotators:
            if changes.schema:
                self.panes.set_labels(pane_labels(self.project.schema), current_theme())
            self.reload(changes)
        else:
            self._update_undo()

    def _update_undo(self) -> None:
        project = self.project
        undo = project.undo_name if project else None
        redo = project.redo_name if project else None
        self.undo_button.setEnabled(undo is not None)
        self.redo_button.setEnabled(redo is not None)
        self.undo_button.setToolTip(
            self.tr("Undo {step} ({keys})").format(
                step=text_of(undo), keys=bindings.native_text("edit.undo")
            )
            if undo
            else self.tr("Nothing to undo")
        )
        self.redo_button.setToolTip(
            self.tr("Redo {step} ({keys})").format(
                step=text_of(redo), keys=bindings.native_text("edit.redo")
            )
            if redo
            else self.tr("Nothing to redo")
        )

    def _check_identity(self) -> None:
        annotator = self.main.annotator
        if self.isVisible() and (annotator is None or not annotator.is_curator):
            self.close()
            self.main.show_notice(self.tr("The curation view closed: only curators curate."), INFO)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.PaletteChange and self.project is not None:
            self.panes.set_labels(pane_labels(self.project.schema), current_theme())
            if self.curation is not None:
                self.reload()
        super().changeEvent(event)


def open_curation(
    window,
    document_id: int | None = None,
    *,
    place: tuple[int, int] | None = None,
    ref: Ref | None = None,
) -> CurationWindow | None:
    """Open the curation view on a document (default: the one open in the window, else the
    first needing curation). Curators only."""
    refusal = curator_refusal(window)
    if refusal is not None:
        window.show_notice(refusal, ERROR)
        return None
    if document_id is None:
        document_id = window.current_document_id
    if document_id is None:
        document_id = next_to_curate(window.project, None)
    if document_id is None:
        window.show_notice(translate("Curation", "There are no documents to curate."), INFO)
        return None
    view = window.findChild(CurationWindow, "curationWindow")
    if view is None:
        view = CurationWindow(window)
    if not view.open_document(document_id, place=place, ref=ref):
        return None
    return view


def install(window: MainWindow) -> None:
    """Review > Curate…, enabled for curators only (the tooltip says why otherwise)."""
    add_curator_action(
        window,
        translate("ReviewMenu", "&Curate the gold standard…"),
        lambda: open_curation(window),
        CURATE,
        binding="review.curate",
        icon_name="mdi6.check-decagram-outline",
    )


__all__ = ["CurationWindow", "install", "open_curation"]
