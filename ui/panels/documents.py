"""The document list: title, state for the shown set's owner, annotation count.

The model holds only document ids; titles, states and counts are read a page
at a time when rows come into view (Anki's DataModel), so a project of ten
thousand documents or more opens instantly. Filtering by title folds Arabic
spelling (the titles are read once, on first use of the filter). A page also
reads the problems of its sets (`core.annotation.validation.problem_counts`: a detached
argument, a missing required role...), shown as an icon by the count.
"""

from __future__ import annotations

from collections import OrderedDict

from core.annotation.validation import ProblemCount, problem_counts
from core.documents.navigation import (
    FINISHED,
    IN_PROGRESS,
    NEW,
    DocumentSummary,
    document_ids,
    document_titles,
    summaries,
)
from core.project.project import Project
from core.text.fold import fold
from ui.i18n import QT_TRANSLATE_NOOP, Plural, list_text
from ui.icons import icon
from ui.item_views import ModelIndex, TableModel, enter_list, lead_into, list_table
from ui.marks import PROBLEM_ICONS
from ui.qt import Qt, QtCore, QtWidgets, Signal

STATE_NAMES = {  # an annotation set's state, shown by `state_name`
    NEW: QT_TRANSLATE_NOOP("States", "New"),
    IN_PROGRESS: QT_TRANSLATE_NOOP("States", "In progress"),
    FINISHED: QT_TRANSLATE_NOOP("States", "Finished"),
}
STATE_ICONS = {
    NEW: ("mdi6.circle-outline", "#8a8a92"),
    IN_PROGRESS: ("mdi6.circle-half-full", "#d98c2e"),
    FINISHED: ("mdi6.check-circle", "#2e9e6b"),
}
STATE_FILTERS = (  # translated in DocumentPanel
    (QT_TRANSLATE_NOOP("DocumentPanel", "All documents"), ()),
    (QT_TRANSLATE_NOOP("DocumentPanel", "Unfinished"), (NEW, IN_PROGRESS)),
    (QT_TRANSLATE_NOOP("DocumentPanel", "New"), (NEW,)),
    (QT_TRANSLATE_NOOP("DocumentPanel", "In progress"), (IN_PROGRESS,)),
    (QT_TRANSLATE_NOOP("DocumentPanel", "Finished"), (FINISHED,)),
)


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.UserRole + 1,  # DocumentListModel.DocumentIdRole
    }
)


class DocumentListModel(TableModel):
    TITLE, STATE, COUNT = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentListModel", "Title"),
        QT_TRANSLATE_NOOP("DocumentListModel", "State"),
        QT_TRANSLATE_NOOP("DocumentListModel", "Annotations"),
    )
    DocumentIdRole = Qt.ItemDataRole.UserRole + 1
    PAGE = 200
    CACHED_PAGES = 64

    def __init__(self, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self._project: Project | None = None
        self._owner: int | None = None
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._pages: OrderedDict[int, dict[int, DocumentSummary]] = OrderedDict()
        self._titles: list[tuple[int, str]] | None = None
        self._title_filter = ""
        self._states: tuple[str, ...] = ()
        self._assigned_to: int | None = None  # only the documents assigned to this annotator
        self._free = False  # and those assigned to nobody
        self._icons: dict[str, object] = {}
        self._problems: dict[int, ProblemCount] = {}  # by document id, for the rows read
        self._noted: set[int] = set()  # documents whose problems the window just counted
        self.pages_read = 0  # for tests: rows are read lazily
        self.state_names = {state: state_name(state) for state in STATE_NAMES}

    # --- source ---------------------------------------------------------------

    def set_source(self, project: Project | None, owner: int | None) -> None:
        self._project = project
        self._owner = owner
        self._titles = None
        self.reload()

    def set_filter(self, text: str) -> None:
        self._title_filter = text
        self.reload()

    def set_states(self, states: tuple[str, ...]) -> None:
        self._states = tuple(states)
        self.reload()

    def set_assignment(self, assigned_to: int | None, free: bool = False) -> None:
        """List only the documents assigned to `assigned_to` (None: every document), and
        with `free` those assigned to nobody, which anyone may pick."""
        if (assigned_to, free) != (self._assigned_to, self._free):
            self._assigned_to, self._free = assigned_to, free
            self.reload()

    @property
    def assigned_to(self) -> int | None:
        return self._assigned_to

    @property
    def states(self) -> tuple[str, ...]:
        return self._states

    @property
    def filtered(self) -> bool:
        return bool(self._title_filter.strip() or self._states)

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._problems.clear()
        self._noted.clear()
        if self._project is None:
            self._ids = []
        else:
            ids = document_ids(
                self._project,
                self._owner,
                self._states or None,
                assigned_to=self._assigned_to,
                free=self._free,
            )
            query = fold(self._title_filter).strip()
            if query:
                if self._titles is None:
                    self._titles = [(i, fold(t)) for i, t in document_titles(self._project)]
                wanted = {i for i, title in self._titles if query in title}
                if query.lstrip("#").isdigit():
                    wanted.add(int(query.lstrip("#")))
                ids = [i for i in ids if i in wanted]
            self._ids = ids
        self._rows = {doc_id: row for row, doc_id in enumerate(self._ids)}
        self.endResetModel()

    def documents_changed(self, ids: set[int]) -> None:
        """Re-read the rows of these documents (state or count changed)."""
        for page in self._pages.values():
            for doc_id in ids:
                page.pop(doc_id, None)
        for doc_id in ids:
            self._problems.pop(doc_id, None)
            self._noted.discard(doc_id)
        rows = sorted(self._rows[i] for i in ids if i in self._rows)
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def titles_changed(self) -> None:
        self._titles = None

    def forget_problems(self) -> None:
        """The schema changed: every set's problems may have (re-read as rows show)."""
        self._problems.clear()
        self._noted.clear()
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, self.COUNT), self.index(len(self._ids) - 1, self.COUNT)
            )

    def note_problems(self, document_id: int, count: ProblemCount) -> None:
        """The open document's problems, counted by the window after a change (the row
        need not count them again when it is read)."""
        self._noted.add(document_id)
        if count.total:
            self._problems[document_id] = count
        else:
            self._problems.pop(document_id, None)
        row = self._rows.get(document_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, self.COUNT), self.index(row, self.COUNT))

    def problems(self, row: int) -> ProblemCount:
        """Errors and warnings of the row's set (read with its page)."""
        summary = self.summary(row)
        if summary is None:
            return ProblemCount()
        return self._problems.get(summary.id, ProblemCount())

    # --- access -----------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        return self._ids

    def document_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, document_id: int) -> int | None:
        return self._rows.get(document_id)

    def summary(self, row: int) -> DocumentSummary | None:
        """The row's small columns: its page is read on first sight; after a change only
        the changed documents are read again."""
        project = self._project
        if not 0 <= row < len(self._ids) or project is None:
            return None
        page_no = row // self.PAGE
        page = self._pages.get(page_no)
        doc_id = self._ids[row]
        if page is None:
            ids = self._ids[page_no * self.PAGE : (page_no + 1) * self.PAGE]
            page = self._read(project, ids)
            self.pages_read += 1
            self._pages[page_no] = page
            while len(self._pages) > self.CACHED_PAGES:
                self._pages.popitem(last=False)
        elif doc_id not in page:
            page.update(self._read(project, [doc_id]))
        self._pages.move_to_end(page_no)
        return page.get(doc_id)

    def _read(self, project: Project, ids: list[int]) -> dict[int, DocumentSummary]:
        found = summaries(project, ids, self._owner)
        sets = {
            s.set_id: s.id
            for s in found.values()
            if s.set_id is not None and s.id not in self._noted
        }
        counts = problem_counts(project, sets)
        for doc_id in ids:
            if doc_id not in self._noted:
                self._problems.pop(doc_id, None)
        for set_id, count in counts.items():
            if count.total:
                self._problems[sets[set_id]] = count
        return found

    # --- Qt model -----------------------------------------------------------------

    def row_count(self) -> int:
        return len(self._ids)

    def _icon(self, state: str):
        if state not in self._icons:
            name, color = STATE_ICONS[state] if state in STATE_ICONS else PROBLEM_ICONS[state]
            self._icons[state] = icon(name, color)
        return self._icons[state]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # views ask for many roles per cell on every repaint: answer the others at once
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == self.DocumentIdRole:
            return self._ids[row]
        summary = self.summary(row)
        if summary is None:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.COUNT:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if column == self.TITLE:
            if role == Qt.ItemDataRole.DisplayRole:
                return summary.title or self.tr("Document {id}").format(id=summary.id)
            if role == Qt.ItemDataRole.ToolTipRole:
                length = self.tr("{count} character(s)", None, summary.length).format(
                    count=f"{summary.length:,}"
                )
                return f"#{summary.id} · {length}\n{summary.title}"
        elif column == self.STATE:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.state_names[summary.state]
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icon(summary.state)
        elif column == self.COUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return summary.annotations
            problems = self._problems.get(summary.id)
            if problems is None:
                return None
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icon("error" if problems.errors else "warning")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{problems} — the event and stance panels list them").format(
                    problems=problem_text(problems)
                )
        return None


def state_name(state: str) -> str:
    """An annotation set's state (new, in progress, finished) in the interface's language."""
    if state in STATE_NAMES:
        return QtCore.QCoreApplication.translate("States", STATE_NAMES[state])
    return state


def problem_text(count: ProblemCount) -> str:
    """ "1 error, 2 warnings" """
    parts = []
    if count.errors:
        parts.append(Plural.tr("%n error(s)", None, count.errors))
    if count.warnings:
        parts.append(Plural.tr("%n warning(s)", None, count.warnings))
    return list_text(parts) or QtCore.QCoreApplication.translate("Problems", "no problems")


class DocumentPanel(QtWidgets.QWidget):
    """Filter box, state filter and the list; emits the document chosen."""

    document_chosen = Signal(int)

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.model = DocumentListModel(self)
        self.filter = QtWidgets.QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter titles (Arabic folding) or #id"))
        self.filter.setClearButtonEnabled(True)
        self.states = QtWidgets.QComboBox()
        for name, _ in STATE_FILTERS:
            self.states.addItem(self.tr(name))
        self.view = list_table(self.model)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(
            DocumentListModel.TITLE, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        # fixed widths: sizing to contents would read every row, defeating lazy loading
        metrics = self.view.fontMetrics()
        states = self.model.state_names.values()
        header.resizeSection(
            DocumentListModel.STATE, max(metrics.horizontalAdvance(s) for s in states) + 40
        )
        heading = self.model.headerData(DocumentListModel.COUNT, Qt.Orientation.Horizontal)
        header.resizeSection(DocumentListModel.COUNT, metrics.horizontalAdvance(heading) + 16)
        self.count_label = QtWidgets.QLabel()
        self.count_label.setProperty("role", "muted")
        self.count_label.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed
        )

        # shown when the annotator's documents are assigned (core.team.assignment)
        self.free_check = QtWidgets.QCheckBox(self.tr("Also documents free to pick"))
        self.free_check.setToolTip(
            self.tr("Your list shows the documents assigned to you; these are assigned to nobody")
        )
        self.free_check.setVisible(False)
        self.free_check.toggled.connect(self._apply_free)

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.states)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.free_check)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        self._filter_timer = QtCore.QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(self._filter_timer.start)
        self.filter.returnPressed.connect(self._open_first)
        lead_into(self.filter, self.view)
        self.states.currentIndexChanged.connect(self._apply_states)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.model.modelReset.connect(self._update_count)
        self._current: int | None = None

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter.text())
        self.reselect()

    def _open_first(self) -> None:
        """Enter in the filter box: the filter applies at once, and its first document
        (the current one, if it passes) opens, focus going to the list."""
        self._apply_filter()
        enter_list(self.view)

    def set_assignment(self, assigned_to: int | None) -> None:
        """List the documents assigned to `assigned_to` (None: all), offering the free ones."""
        self.free_check.setVisible(assigned_to is not None)
        self.model.set_assignment(assigned_to, self.free_check.isChecked())
        self.reselect()

    def _apply_free(self, free: bool) -> None:
        self.model.set_assignment(self.model.assigned_to, free)
        self.reselect()

    def _apply_states(self, index: int) -> None:
        self.model.set_states(STATE_FILTERS[index][1])
        self.reselect()

    def _update_count(self) -> None:
        total = len(self.model.ids)
        shown = self.tr("{count} document(s)", None, total).format(count=f"{total:,}")
        if self.model.filtered:
            shown = self.tr("{documents} (filtered)").format(documents=shown)
        if self.model.assigned_to is not None:
            shown = self.tr("{documents} assigned to you").format(documents=shown)
        self.count_label.setText(shown)

    def _on_current_row(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        if current.isValid():
            doc_id = self.model.document_id(current.row())
            if doc_id != self._current:
                self._current = doc_id
                self.document_chosen.emit(doc_id)

    def show_document(self, document_id: int | None) -> None:
        """Make `document_id` the current row without emitting document_chosen again."""
        self._current = document_id
        self.reselect()

    def reselect(self) -> None:
        row = self.model.row_of(self._current) if self._current is not None else None
        blocker = QtCore.QSignalBlocker(self.view.selectionModel())
        try:
            if row is None:
                self.view.selectionModel().clearSelection()
                self.view.selectionModel().setCurrentIndex(
                    QtCore.QModelIndex(), QtCore.QItemSelectionModel.SelectionFlag.NoUpdate
                )
            else:
                index = self.model.index(row, 0)
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QtCore.QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.scrollTo(index)
        finally:
            del blocker
        self.view.viewport().update()
