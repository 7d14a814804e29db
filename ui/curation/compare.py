"""Annotators' versions of one document side by side, scrolled together.

`SideBySide` is a row of panes, each an `AnnotationEditor` showing one
annotation set (read-only, or editable for the curation view's gold pane) with
a header naming whose it is. Entity spans are drawn as in the main editor;
event triggers are drawn the same way in their event type's colour (as spans
with negative ids, so they never collide with span ids). Scrolling one pane
scrolls the others to the same place in the text, and `show_place` scrolls all
of them to a range, outlines each pane's annotation there and underlines the
range itself.

`open_side_by_side(window, document_id, start, end, annotator_ids)` is the
entry point for the review dashboard: it opens (or reuses) a window with the
named annotators' versions at that place. Curators only, as everything that
shows other annotators' work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.annotation.spans import SpanRow
from core.project.changes import Changes
from core.project.errors import OperationError
from core.review.versions import SetVersion, read_versions
from core.schema.model import LabelInfo
from ui.bidi import offsets
from ui.editor import AnnotationEditor
from ui.i18n import Plural, error_text, translate
from ui.notice import ERROR
from ui.panels.documents import state_name
from ui.qt import Qt, QtCore, QtGui, QtWidgets
from ui.theme import colors, current_theme

if TYPE_CHECKING:
    from ui.main_window import MainWindow

PLACE_CONTEXT_LINES = 3  # a shown place sits this many lines below the top of each pane


@dataclass(frozen=True)
class Version:
    """What one pane shows."""

    key: object  # the caller's name for the pane (an annotator id, "gold"...)
    title: str
    detail: str  # e.g. "finished · 12 annotations"
    spans: list[SpanRow] | None  # None: unchanged, keep what the pane shows
    editable: bool = False


def pane_labels(schema) -> list[LabelInfo]:
    """The labels panes draw: entity labels and event types."""
    return list(schema.entity_labels) + list(schema.event_types)


class VersionPane(QtWidgets.QFrame):
    """One annotation set of the document: a header over an editor."""

    def __init__(self, font: QtGui.QFont, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("versionPane")
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.key: object = None
        self.name = ""
        self.title = QtWidgets.QLabel()
        self.title.setObjectName("versionTitle")
        self.detail = QtWidgets.QLabel()
        self.detail.setProperty("role", "muted")
        self.editor = AnnotationEditor(font)
        self.editor.setObjectName("versionEditor")
        header = QtWidgets.QHBoxLayout()
        header.setContentsMargins(6, 3, 6, 3)
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.detail)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.editor, 1)
        self.place: tuple[int, int] | None = None

    def set_version(self, version: Version) -> None:
        self.key = version.key
        self.name = version.title
        title = f"<b>{_escape(version.title)}</b>"
        if version.editable:
            color = self.palette().color(QtGui.QPalette.ColorRole.Highlight).name()
            title = f"<span style='color:{color}'>★ {title}</span> " + self.tr("(editable)")
        self.title.setText(title)
        self.detail.setText(version.detail)
        self.editor.annotations_read_only = not version.editable
        self.setProperty("editable", version.editable)

    # --- scrolling by text position ---------------------------------------------------

    def top_position(self) -> int:
        """The code point at the top of the view."""
        editor = self.editor
        cursor = editor.cursorForPosition(QtCore.QPoint(editor.viewport().width() // 2, 1))
        return editor.cp_position(cursor.position())

    def scroll_to_line_of(self, position: int, lines_above: int = 0) -> None:
        """Scroll so that the line holding `position` is `lines_above` lines from the top."""
        editor = self.editor
        if not editor.text:
            return
        block = editor.document().findBlock(editor.qt_position(min(position, len(editor.text))))
        layout = block.layout()
        line = 0
        if layout is not None and layout.lineCount():
            relative = editor.qt_position(position) - block.position()
            found = layout.lineForTextPosition(max(0, relative))
            line = found.lineNumber() if found.isValid() else 0
        bar = editor.verticalScrollBar()
        bar.setValue(max(0, block.firstLineNumber() + line - lines_above))

    # --- the place --------------------------------------------------------------------

    def mark_place(self, start: int, end: int, theme: str) -> None:
        """Underline `start`-`end` (wavy, in the selection colour), leaving the label
        backgrounds visible."""
        self.place = (start, end) if end > start else None
        editor = self.editor
        selections = []
        if self.place is not None and end <= len(editor.text):
            selection = QtWidgets.QTextEdit.ExtraSelection()
            cursor = QtGui.QTextCursor(editor.document())
            cursor.setPosition(editor.qt_position(start))
            cursor.setPosition(editor.qt_position(end), QtGui.QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QtGui.QTextCharFormat()
            fmt.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QtGui.QColor(colors(theme).search_current))
            selection.format = fmt
            selections.append(selection)
        editor.setExtraSelections(selections)


class SideBySide(QtWidgets.QWidget):
    """Panes of one document's versions, side by side and scrolled together."""

    def __init__(self, font: QtGui.QFont, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._font = font
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.panes: list[VersionPane] = []
        self.document_id: int | None = None
        self.text = ""
        self._labels: list[LabelInfo] = []
        self._theme = current_theme()
        self._syncing = False
        self._place: tuple[int, int] | None = None

    # --- content ------------------------------------------------------------------------

    def set_labels(self, labels: list[LabelInfo], theme: str) -> None:
        self._labels = list(labels)
        self._theme = theme
        for pane in self.panes:
            pane.editor.set_labels(self._labels, theme)
            if pane.place is not None:
                pane.mark_place(*pane.place, theme)  # set_labels clears extra selections

    def set_document(
        self,
        document_id: int,
        text: str,
        versions: Sequence[Version],
        clitic_rule: str = "standard",
    ) -> None:
        """Show `versions` of a document: panes are reused, added or removed as needed."""
        same_text = document_id == self.document_id and text == self.text
        top = self.panes[0].top_position() if same_text and self.panes else None
        self.document_id = document_id
        self.text = text
        count = len(self.panes)
        while len(self.panes) > len(versions):
            pane = self.panes.pop()
            pane.setParent(None)
            pane.deleteLater()
        while len(self.panes) < len(versions):
            self._add_pane()
        for pane, version in zip(self.panes, versions, strict=True):
            kept = same_text and pane.editor.document_id == document_id and pane.key == version.key
            pane.set_version(version)
            if not kept:
                pane.editor.show_document(document_id, text, version.spans or [], clitic_rule)
            elif version.spans is not None:
                pane.editor.update_spans(version.spans)
        if len(versions) != count:
            self.splitter.setSizes([1000] * len(versions))
        if top is not None:
            self._sync_to(top)
        self._place = None

    def update_version(self, key: object, version: Version) -> None:
        pane = self.pane(key)
        if pane is not None:
            pane.set_version(version)
            if version.spans is not None:  # else unchanged
                pane.editor.update_spans(version.spans)

    def pane(self, key: object) -> VersionPane | None:
        return next((p for p in self.panes if p.key == key), None)

    def _add_pane(self) -> VersionPane:
        pane = VersionPane(self._font)
        pane.editor.set_labels(self._labels, self._theme)
        pane.editor.verticalScrollBar().valueChanged.connect(
            lambda _value, p=pane: self._scrolled(p)
        )
        self.splitter.addWidget(pane)
        self.panes.append(pane)
        return pane

    # --- scrolling together -----------------------------------------------------------

    def _scrolled(self, pane: VersionPane) -> None:
        if self._syncing:
            return
        self._sync_to(pane.top_position(), source=pane)

    def _sync_to(self, position: int, source: VersionPane | None = None) -> None:
        self._syncing = True
        try:
            for other in self.panes:
                if other is not source:
                    other.scroll_to_line_of(position)
        finally:
            self._syncing = False

    def show_place(self, start: int, end: int, select: dict[object, int | None] | None = None):
        """Scroll every pane to `start`-`end`, underline it, and outline in each pane the
        span `select` names for it (else the innermost span at that place, if any)."""
        self._place = (start, end)
        self._syncing = True
        try:
            for pane in self.panes:
                editor = pane.editor
                pane.mark_place(start, end, self._theme)
                chosen = None
                if select is not None and pane.key in select:
                    chosen = select[pane.key]
                elif end > start:
                    exact = [
                        i for i, s in editor.layer.spans.items() if (s.start, s.end) == (start, end)
                    ]
                    chosen = exact[0] if exact else None
                editor.select_span(chosen, ensure_visible=False)
                pane.scroll_to_line_of(start, PLACE_CONTEXT_LINES)
        finally:
            self._syncing = False

    @property
    def place(self) -> tuple[int, int] | None:
        return self._place


# --- the window the review dashboard opens ------------------------------------------------


class CompareWindow(QtWidgets.QWidget):
    """Named annotators' versions of one document at one place (read-only)."""

    def __init__(self, window: MainWindow):
        super().__init__(window, Qt.WindowType.Window)
        self.setObjectName("sideBySideWindow")
        self.main = window
        self.setWindowTitle(self.tr("Side by side — Tawsim"))
        self.resize(1280, 760)
        self.heading = QtWidgets.QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.curate_button = QtWidgets.QPushButton(self.tr("Curate this document…"))
        self.curate_button.setToolTip(
            self.tr(
                "Open the curation view on this document at this place: accept or reject each "
                "annotator's version into the gold standard"
            )
        )
        self.curate_button.clicked.connect(self._curate)
        close = QtWidgets.QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.curate_button)
        top.addWidget(close)
        self.panes = SideBySide(window.editor.font())
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.panes, 1)
        self.document_id: int | None = None
        self.annotator_ids: tuple[int, ...] = ()
        self.start = self.end = 0
        window.operation_did_execute.connect(self._on_operation)
        window.project_changed.connect(lambda _project: self.close())
        window.identity_changed.connect(self._check_identity)
        QtGui.QShortcut(QtGui.QKeySequence.StandardKey.Close, self, self.close)

    def show_versions(
        self, document_id: int, start: int, end: int, annotator_ids: Sequence[int]
    ) -> None:
        project = self.main.require_project()  # the window closes with the project
        self.document_id, self.start, self.end = document_id, start, end
        self.annotator_ids = tuple(annotator_ids)
        read = read_versions(project, document_id, self.annotator_ids)
        text, title = read.text, read.title
        versions = [_version(read.versions[a]) for a in self.annotator_ids]
        self.panes.set_labels(pane_labels(project.schema), current_theme())
        self.panes.set_document(
            document_id, text, versions, project.settings().get("clitic_rule", "standard")
        )
        place = " ".join(text[start:end].split())
        where = (
            self.tr("characters {offsets} «{text}»").format(
                offsets=offsets(start, end),
                text=f"<span dir='rtl'>{_escape(place[:60])}</span>",
            )
            if end > start
            else self.tr("the whole document")
        )
        self.heading.setText(f"<b>#{document_id} {_escape(title or '')}</b><br>{where}")
        self.setWindowTitle(
            self.tr("#{id} — {versions} — Tawsim").format(
                id=document_id, versions=" · ".join(v.title for v in versions)
            )
        )
        self.show()
        self.raise_()
        self.activateWindow()
        QtWidgets.QApplication.processEvents()
        self.panes.show_place(start, end)

    def _on_operation(self, changes: Changes) -> None:
        if not self.isVisible() or self.document_id is None or self.main.project is None:
            return
        if self.document_id in changes.documents or changes.schema or changes.annotators:
            read = read_versions(self.main.project, self.document_id, self.annotator_ids)
            for annotator_id in self.annotator_ids:
                self.panes.update_version(annotator_id, _version(read.versions[annotator_id]))
            if changes.schema:
                self.panes.set_labels(pane_labels(self.main.project.schema), current_theme())

    def _check_identity(self) -> None:
        annotator = self.main.annotator
        if self.isVisible() and (annotator is None or not annotator.is_curator):
            self.close()

    def _curate(self) -> None:
        from ui.curation.view import open_curation

        open_curation(self.main, self.document_id, place=(self.start, self.end))

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.PaletteChange and self.main.project is not None:
            self.panes.set_labels(pane_labels(self.main.project.schema), current_theme())
        super().changeEvent(event)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def open_side_by_side(
    window, document_id: int, start: int, end: int, annotator_ids: Sequence[int]
) -> CompareWindow | None:
    """Show the named annotators' versions of a document side by side, scrolled to and
    underlining `start`-`end` (0, 0: a document-level disagreement). Curators only."""
    annotator = window.annotator
    if window.project is None:
        return None
    if annotator is None or not annotator.is_curator:
        window.show_notice(
            translate(
                "CompareWindow",
                "Only curators can compare annotators' work side by side "
                "(Review > Annotators and roles).",
            ),
            ERROR,
        )
        return None
    if not annotator_ids:
        window.show_notice(
            translate("CompareWindow", "Name at least one annotator to compare."),
            ERROR,
        )
        return None
    compare = window.findChild(CompareWindow, "sideBySideWindow")
    if compare is None:
        compare = CompareWindow(window)
    try:
        compare.show_versions(document_id, start, end, annotator_ids)
    except OperationError as err:
        window.show_notice(error_text(err), ERROR)
        return None
    return compare


__all__ = [
    "CompareWindow",
    "SideBySide",
    "Version",
    "VersionPane",
    "open_side_by_side",
    "pane_labels",
]


def _version(version: SetVersion) -> Version:
    """An annotator's pane."""
    detail = translate("CompareWindow", "no annotations")
    if version.set_id is not None:
        count = Plural.tr("%n annotation(s)", None, len(version.spans))
        detail = f"{state_name(version.state)} · {count}"
    return Version(version.owner, version.owner_name, detail, version.spans)
