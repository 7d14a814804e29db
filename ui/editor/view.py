"""The annotation editor: a read-only, right-to-left view of a document with its spans.

What it draws:
- the frozen text, every paragraph right-to-left and right-aligned (the
  document's default QTextOption, so a paragraph starting with "Meta AI" is
  still RTL);
- through the SpanHighlighter: the background of the innermost span of each
  character, and the letters a span leaves out of a word it cuts (the clitic
  "ل" of "لميتا") greyed and dotted;
- in the paint event, for the visible paragraphs only: a coloured underline
  per nesting level under outer spans, a chip with the label key above each
  span's start, a dashed bracket where a span cuts a word (recorded once per
  paragraph as a QPicture, replayed until its spans change), an outline
  around the selected span, and a dashed outline around exactly what a label
  key would tag now;
- what features add through `add_painter` (event triggers and arguments, stance
  evidence, suggestions), and excluded text greyed and hatched (`set_excluded`).

Geometry comes from the laid-out lines (`QTextLine.glyphRuns` for a logical
range), so mixed Arabic/Latin lines are boxed where the glyphs really are.

The editor changes nothing itself: label keys, Delete and resizing are
signals; the main window runs the operations and hands the changed spans back
through `patch_spans` (or all of them through `update_spans`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Container
from dataclasses import dataclass
from functools import cached_property
from html import escape

from core.annotation.spans import SpanRow
from core.schema.model import LabelInfo
from core.text.clitics import Evidence
from core.text.snap import ONLY_WHITESPACE, Snap, snap, trim_whitespace
from core.text.tokens import Token, token_at, tokenize, tokens_overlapping
from ui import bindings
from ui.bidi import offsets
from ui.editor.highlighter import SpanHighlighter
from ui.editor.layer import LabelStyle, SpanLayer
from ui.editor.private_use import PrivateUseMarks
from ui.keys import label_key
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ui.theme import LIGHT, colors

LINE_ROOM = 1.3  # whitespace font factor: lines this much taller, room for the chips
CHIP_PADDING = 3.0
UPDATE_MARGIN = 6  # pixels repainted above and below changed lines (nested underlines)


def rtl_text_option() -> QtGui.QTextOption:
    """Every paragraph right-to-left and right-aligned, whatever its first strong character.

    A widget's layout direction alone does not do this: Qt takes each paragraph's
    direction from its first strong character unless the document's default
    text option says otherwise.
    """
    option = QtGui.QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


@dataclass(frozen=True)
class PendingSelection:
    """What a label key would tag now."""

    start: int
    end: int
    text: str
    exact: bool  # characters as selected (no snapping)
    raw_start: int
    raw_end: int

    @property
    def snapped(self) -> bool:
        return (self.start, self.end) != (self.raw_start, self.raw_end)


@dataclass(frozen=True)
class LineBox:
    """Part of a span on one laid-out line, in viewport coordinates."""

    rect: QtCore.QRectF  # the line's full height
    baseline: float
    top: float


class _DocumentWords:
    """Tokens and known words of the open document, computed on first use."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def known(self) -> frozenset[str]:
        from core.text.clitics import known_words

        return known_words(self.text)


class AnnotationEditor(QtWidgets.QPlainTextEdit):
    selection_changed = Signal()  # the pending selection or the selected span changed
    label_key_pressed = Signal(str, bool)  # label key, Alt held (exact)
    delete_requested = Signal(int)  # span id
    resize_requested = Signal(int, int, int)  # span id, start, end
    document_shown = Signal(int)  # a document's text was (re)loaded: document id
    clicked = Signal(int, list)  # a click (not a drag): code point, span ids there, innermost first
    escape_pressed = Signal()  # Esc in the text (before the selection is cleared)

    def __init__(self, font: QtGui.QFont, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setTabChangesFocus(False)
        self.document().setDocumentMargin(14)
        self.viewport().setMouseTracking(True)

        self.layer = SpanLayer()
        self.highlighter = SpanHighlighter(self.document(), self.layer)
        self.document_id: int | None = None
        self.clitic_rule = "standard"
        self.annotations_read_only = False
        self.exact_mode = False  # the "Exact selection" toggle
        # folded words of the whole project, evidence for leaving a clitic out (the corpus
        # index fills it once built; until then the document's own words serve)
        self.project_words: Container[str] = frozenset()
        self.theme = LIGHT
        self.selected_span: int | None = None
        self._exact_selection = False  # this selection was made with Alt held
        self._words = _DocumentWords("")
        self._press: tuple[QtCore.QPointF, Qt.KeyboardModifier] | None = None
        self._programmatic = False
        self._search_hits: list[tuple[int, int]] = []
        self._search_current = -1
        self._geometry: _Geometry | None = None
        self._paint_rect: QtCore.QRect | None = None
        self._last_marks: list[tuple[int, int]] = []
        self._box_cache: dict[int, dict] = {}  # paragraph -> {(a, b): boxes, "line starts": [...]}
        self._drawings: dict[int, tuple[QtGui.QPicture, list]] = {}
        self._chips: dict[int, QtGui.QPixmap] = {}
        self._painters: list[Callable[[QtGui.QPainter, int, int], None]] = []
        self._tooltip_providers: list[Callable[[int], str | None]] = []
        self._key_handlers: list[Callable[[QtGui.QKeyEvent], bool]] = []
        self.selectionChanged.connect(self._on_qt_selection_changed)
        self.private_use = PrivateUseMarks(self)
        self.apply_text_font(font)
        self.clear_document()

    # --- content -----------------------------------------------------------------

    def apply_text_font(self, font: QtGui.QFont) -> None:
        self.setFont(font)
        self.document().setDefaultFont(font)
        self.layer.set_line_room(font, LINE_ROOM)
        metrics = QtGui.QFontMetricsF(font)
        tall = QtGui.QFont(font)
        tall.setPointSizeF(font.pointSizeF() * LINE_ROOM)
        # the chips live between the top of the (taller) line and the tops of tall
        # letters (alef, lam, "l"); only hamza and diacritics reach into that zone
        ascender = -metrics.tightBoundingRect("الكطlkd").top()
        room = QtGui.QFontMetricsF(tall).ascent() - ascender - 2
        chip = QtGui.QFont(font)
        chip.setFamilies(["DejaVu Sans", "Noto Sans", "Arial", "sans-serif"])
        chip.setPixelSize(max(7, round(room * 0.62)))
        chip.setBold(True)
        self._chip_font = chip
        self._chip_metrics = QtGui.QFontMetricsF(chip)
        self._chip_height = max(8.0, room - 1.0)
        self._descent = metrics.descent()
        self._chips = {}
        self._forget_boxes()
        if self.layer.text:
            self.highlighter.rehighlight()
        self.viewport().update()

    def set_labels(self, labels: list[LabelInfo], theme: str) -> None:
        self.theme = theme
        self.layer.set_styles(labels, theme)
        self._chips = {}
        self._forget_boxes()
        if self.layer.text:
            self.highlighter.rehighlight()
        self._apply_search_selections()
        self.viewport().update()

    def show_document(
        self, document_id: int, text: str, spans: list[SpanRow], clitic_rule: str = "standard"
    ) -> None:
        """Show a document's frozen text with its spans (highlighted while the text is set)."""
        self.document_id = document_id
        self.clitic_rule = clitic_rule
        self.selected_span = None
        self._exact_selection = False
        self._search_hits, self._search_current = [], -1
        self._words = _DocumentWords(text)
        self._last_marks = []
        self._forget_boxes()
        self.layer.load(text, spans)
        self._programmatic = True
        try:
            self.setExtraSelections([])
            self.setPlainText(text)
            self.document().setDefaultTextOption(rtl_text_option())
            self.moveCursor(QtGui.QTextCursor.MoveOperation.Start)
        finally:
            self._programmatic = False
        self.selection_changed.emit()
        self.document_shown.emit(document_id)

    def clear_document(self) -> None:
        self.document_id = None
        self.selected_span = None
        self._search_hits, self._search_current = [], -1
        self._words = _DocumentWords("")
        self._last_marks = []
        self._forget_boxes()
        self.layer.load("", [])
        self._programmatic = True
        try:
            self.setExtraSelections([])
            self.setPlainText("")
            self.document().setDefaultTextOption(rtl_text_option())
        finally:
            self._programmatic = False
        self.selection_changed.emit()

    @property
    def text(self) -> str:
        return self.layer.text

    def update_spans(self, spans: list[SpanRow]) -> int:
        """Show the set's spans as they are now; redo only the paragraphs that changed.

        Returns the number of paragraphs re-highlighted.
        """
        return self._redraw(self.layer.update(spans))

    def patch_spans(self, touched: set[int], rows: list[SpanRow]) -> int:
        """Some spans changed: `rows` are the current versions of those of `touched` that
        are in the shown set. Returns the number of paragraphs re-highlighted."""
        return self._redraw(self.layer.patch(touched, rows))

    def set_excluded(self, ranges: list[tuple[int, int]]) -> int:
        """Show these code point ranges as excluded text (greyed, hatched); only the
        paragraphs whose look changed are redone. Returns how many."""
        changed = self.layer.set_excluded(ranges)
        return self._redraw(changed) if changed else 0

    # --- hooks for features drawing on the text (events, stances) ------------------

    def add_painter(self, painter: Callable[[QtGui.QPainter, int, int], None]) -> None:
        """`painter(qpainter, first, last)` draws on the viewport after the spans, for
        the code points [first, last) of the paragraphs being repainted; it finds where
        text is with `range_boxes`. Call `viewport().update()` when its content changes."""
        self._painters.append(painter)

    @property
    def paint_rect(self) -> QtCore.QRect:
        """The part of the viewport being repainted (while painting; else all of it):
        painters may pass over what lies wholly outside it."""
        return self._paint_rect if self._paint_rect is not None else self.viewport().rect()

    def add_key_handler(self, handler: Callable[[QtGui.QKeyEvent], bool]) -> None:
        """`handler(event)` sees each key pressed in the text before the editor does and
        returns True when it took the key (on a suggestion, Enter accepts it)."""
        self._key_handlers.append(handler)

    def add_tooltip_provider(self, provider: Callable[[int], str | None]) -> None:
        """`provider(code point)` -> rich text about what is there (or None), shown
        after the tooltips of the annotations under the mouse."""
        self._tooltip_providers.append(provider)

    def range_boxes(self, start: int, end: int) -> list[LineBox]:
        """Where code points [start, end) are drawn, one box per run of glyphs per line
        (viewport coordinates); empty where the text is not laid out yet."""
        return self._boxes(start, end)

    @property
    def chip_font(self) -> QtGui.QFont:
        """The font of the label chips (painters draw their own chips with it)."""
        return self._chip_font

    @property
    def chip_height(self) -> float:
        """The height of the room above each line that chips live in."""
        return self._chip_height

    def _redraw(self, touched: list[tuple[int, int]]) -> int:
        spans = self.layer.spans
        neighbours = [
            (spans[i].start, spans[i].end)
            for start, end in touched
            for i in self.layer.index.overlapping(start, end)
        ]
        self._forget_drawings(touched + neighbours)
        # New formats leave every paragraph's height as it was (only backgrounds and
        # colours change), yet Qt's plain-text layout takes a format change for an edit
        # and repaints the whole view; keep its signals quiet and repaint the touched
        # paragraphs only (below), unless the document's height did change after all.
        layout = self.document().documentLayout()
        height = layout.documentSize().height()
        count = 0
        blocker = QtCore.QSignalBlocker(layout)
        try:
            for start, end in _merge_ranges(touched):
                count += self.highlighter.rehighlight_range(start, end)
        finally:
            blocker.unblock()
        if layout.documentSize().height() != height:
            layout.documentSizeChanged.emit(layout.documentSize())
            self.viewport().update()
        if self.selected_span is not None and self.selected_span not in self.layer.spans:
            self.selected_span = None
            self.selection_changed.emit()
        self._update_ranges(touched)
        self._refresh_marks()
        return count

    def _update_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Repaint the lines holding these code point ranges (full width: chips and
        outlines reach past the glyphs; a little above and below for deep underlines)."""
        document = self.document()
        offset = self.contentOffset()
        width = self.viewport().width()
        height = self.viewport().height()
        for start, end in _merge_ranges(ranges):
            qs, qe = self.qt_position(start), self.qt_position(max(start + 1, end))
            block = document.findBlock(qs)
            while block.isValid() and block.position() < qe:
                rect = self.blockBoundingGeometry(block).translated(offset)
                if rect.top() > height:
                    break
                if rect.bottom() >= 0:
                    top, bottom = self._line_extent(block, qs, qe)
                    if top is None:
                        top, bottom = 0.0, rect.height()
                    y = int(rect.top() + top) - UPDATE_MARGIN
                    self.viewport().update(0, y, width, int(bottom - top) + 2 * UPDATE_MARGIN)
                block = block.next()

    @staticmethod
    def _line_extent(block: QtGui.QTextBlock, qs: int, qe: int) -> tuple[float | None, float]:
        """The top and bottom (within the paragraph) of its lines holding Qt positions
        [qs, qe); (None, 0) when the paragraph is not laid out."""
        layout = block.layout()
        if layout is None or not layout.lineCount():
            return None, 0.0
        base = block.position()
        first = layout.lineForTextPosition(max(qs, base) - base)
        last = layout.lineForTextPosition(min(qe - 1, base + block.length() - 1) - base)
        if not first.isValid() or not last.isValid():
            return None, 0.0
        return first.y(), last.y() + last.height()

    def _marks(self) -> list[tuple[int, int]]:
        """Ranges drawn as selected: the selected annotation and the pending selection."""
        marks = []
        if self.selected_span is not None and self.selected_span in self.layer.spans:
            span = self.layer.spans[self.selected_span]
            marks.append((span.start, span.end))
        raw = self.raw_selection()
        if raw is not None:
            marks.append(raw)
            pending = self.pending_selection()
            if pending is not None:
                marks.append((pending.start, pending.end))
        return marks

    def _refresh_marks(self) -> None:
        """Repaint where the selection marks were and where they are now."""
        marks = self._marks()
        self._update_ranges(self._last_marks + marks)
        self._last_marks = marks

    # --- positions ---------------------------------------------------------------

    def qt_position(self, cp: int) -> int:
        return self.layer.positions.to_qt(cp)

    def cp_position(self, qt: int) -> int:
        return self.layer.positions.to_cp(qt)

    def format_at(self, cp: int) -> QtGui.QTextCharFormat:
        """The highlighter's format at code point `cp` (what is painted there)."""
        qt = self.qt_position(cp)
        block = self.document().findBlock(qt)
        relative = qt - block.position()
        found = QtGui.QTextCharFormat()
        formats = block.layout().formats()
        for fmt_range in formats:
            if fmt_range.start <= relative < fmt_range.start + fmt_range.length:
                found = QtGui.QTextCharFormat(fmt_range.format)
        return found

    # --- selection ----------------------------------------------------------------

    def raw_selection(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.cp_position(cursor.selectionStart()), self.cp_position(cursor.selectionEnd())

    def pending_selection(self, force_exact: bool = False) -> PendingSelection | None:
        """The selection as it would be tagged: snapped to words unless exact (exact
        characters still lose whitespace at the edges: no span begins or ends with it).
        None when nothing would be tagged; `selection_refusal` says why."""
        raw = self.raw_selection()
        if raw is None or self.selected_span is not None:
            return None
        exact = force_exact or self.exact_mode or self._exact_selection
        if exact:
            start, end = trim_whitespace(self.text, *raw)
        else:
            found = self._snap(*raw)
            if found.span is None:
                return None
            start, end = found.span
        if start >= end:
            return None
        return PendingSelection(start, end, self.text[start:end], exact, raw[0], raw[1])

    def selection_refusal(self) -> str:
        """Why the current selection would tag nothing ("" when it would tag text)."""
        raw = self.raw_selection()
        if raw is None or self.selected_span is not None:
            return ""
        if self.exact_mode or self._exact_selection:
            start, end = trim_whitespace(self.text, *raw)
            return ONLY_WHITESPACE if start >= end else ""
        return self._snap(*raw).refused

    def left_out_clitic(self, pending: PendingSelection) -> str:
        """The proclitic letters a snapped selection leaves out of its first word ("ل" of
        "لميتا"), or ""."""
        if pending.exact:
            return ""
        token = token_at(self._words.tokens, pending.start)
        if token is None or token.start == pending.start or token.kind != "arabic":
            return ""
        return self.text[token.start : pending.start]

    def _snap(self, start: int, end: int) -> Snap:
        evidence: Container[str] = frozenset()
        if self.clitic_rule == "standard":
            evidence = Evidence(self._words.known, self.project_words)
        return snap(self.text, self._words.tokens, start, end, self.clitic_rule, evidence)

    def covered_tokens(self) -> tuple[int, int] | None:
        """The selection grown to whole tokens, punctuation kept (for text to exclude,
        where nothing is tagged); exact characters in exact mode. None: only whitespace."""
        raw = self.raw_selection()
        if raw is None or raw[0] == raw[1]:
            return None
        if self.exact_mode or self._exact_selection:
            return raw
        inside = tokens_overlapping(self._words.tokens, *raw)
        return (inside[0].start, inside[-1].end) if inside else None

    def select_range(self, start: int, end: int, exact: bool = False) -> None:
        """Select code points [start, end) as a pending selection."""
        cursor = self.textCursor()
        self._programmatic = True
        try:
            cursor.setPosition(self.qt_position(start))
            cursor.setPosition(self.qt_position(end), QtGui.QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
        finally:
            self._programmatic = False
        self.selected_span = None
        self._exact_selection = exact
        self.ensureCursorVisible()
        self._refresh_marks()
        self.selection_changed.emit()

    def select_span(self, span_id: int | None, ensure_visible: bool = True) -> None:
        """Select an annotation (None: no annotation); the text selection is cleared."""
        if span_id is not None and span_id not in self.layer.spans:
            span_id = None
        self.selected_span = span_id
        if span_id is not None:
            span = self.layer.spans[span_id]
            cursor = self.textCursor()
            self._programmatic = True
            try:
                cursor.setPosition(self.qt_position(span.start))
                self.setTextCursor(cursor)
            finally:
                self._programmatic = False
            if ensure_visible:
                self._scroll_to(span.start, span.end)
        self._refresh_marks()
        self.selection_changed.emit()

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        self._programmatic = True
        try:
            cursor.clearSelection()
            self.setTextCursor(cursor)
        finally:
            self._programmatic = False
        self.selected_span = None
        self._exact_selection = False
        self._refresh_marks()
        self.selection_changed.emit()

    def ensure_visible(self, position: int) -> None:
        """Scroll so that code point `position` is on screen (centred if it was not)."""
        self._scroll_to(position, position)

    def _scroll_to(self, start: int, end: int) -> None:
        cursor = QtGui.QTextCursor(self.document())
        cursor.setPosition(self.qt_position(start))
        rect = self.cursorRect(cursor)
        if rect.top() < 0 or rect.bottom() > self.viewport().height():
            self._programmatic = True
            try:
                current = self.textCursor()
                self.setTextCursor(cursor)
                self.centerCursor()
                self.setTextCursor(current)
            finally:
                self._programmatic = False

    def _on_qt_selection_changed(self) -> None:
        if self._programmatic:
            return
        if self.textCursor().hasSelection():
            self.selected_span = None
        self._refresh_marks()
        self.selection_changed.emit()

    # --- spans under the mouse ------------------------------------------------------

    def spans_at_point(self, point: QtCore.QPointF) -> list[int]:
        """Spans drawn under a viewport point, innermost first."""
        if not self.layer.spans:
            return []
        qt = self.cursorForPosition(point.toPoint()).position()
        cp = self.cp_position(qt)
        candidates = self.layer.index.overlapping(max(0, cp - 1), cp + 1)
        hits = [
            span_id
            for span_id in candidates
            if any(box.rect.contains(point) for box in self.span_boxes(span_id))
        ]
        return sorted(hits, key=self.layer.depth_key)

    # --- keyboard -------------------------------------------------------------------

    def focusNextPrevChild(self, next_child: bool) -> bool:
        # Tab and Shift+Tab move between annotations (keyPressEvent), not out of the text
        if self.document_id is not None:
            return False
        return super().focusNextPrevChild(next_child)

    def copy_selection(self) -> None:
        """Copy the selected annotation's or selection's text, from the frozen text."""
        if self.selected_span is not None:
            span = self.layer.spans[self.selected_span]
            text = self.text[span.start : span.end]
        else:
            raw = self.raw_selection()
            if raw is None:
                return
            text = self.text[raw[0] : raw[1]]
        QtWidgets.QApplication.clipboard().setText(text)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if any(handler(event) for handler in self._key_handlers):
            return
        if event.matches(QtGui.QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if bindings.matches(event, "annotate.clear"):
            self.escape_pressed.emit()
            self.clear_selection()
            return
        if bindings.matches(event, "annotate.next_span"):
            self.select_neighbour(+1)
            return
        if bindings.matches(event, "annotate.previous_span"):
            self.select_neighbour(-1)
            return
        if bindings.matches(event, "annotate.delete"):
            if self.selected_span is not None and not self.annotations_read_only:
                self.delete_requested.emit(self.selected_span)
            return
        for binding_id, edge, direction in (
            ("annotate.grow_start", "start", -1),
            ("annotate.shrink_start", "start", +1),
            ("annotate.grow_end", "end", +1),
            ("annotate.shrink_end", "end", -1),
        ):
            if bindings.matches(event, binding_id):
                self.move_edge(edge, direction)
                return
        key = label_key(event)
        if key is not None:
            alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            self.label_key_pressed.emit(key, alt)
            return
        super().keyPressEvent(event)

    def select_neighbour(self, direction: int) -> None:
        index = self.layer.index
        if not len(index):
            return
        if self.selected_span is not None:
            position = self.layer.spans[self.selected_span].start
        else:
            position = self.cp_position(self.textCursor().position())
        ordered = list(index)
        if self.selected_span is not None:
            i = ordered.index(self.selected_span) + direction
            target = ordered[i % len(ordered)]
        elif direction > 0:
            target = index.next_after(position - 1) or ordered[0]
        else:
            target = index.previous_before(position) or ordered[-1]
        self.select_span(target)

    def move_edge(self, edge: str, direction: int) -> None:
        if self.selected_span is not None:
            span = self.layer.spans[self.selected_span]
            start, end = span.start, span.end
        else:
            pending = self.pending_selection()
            if pending is None:
                return
            start, end = pending.start, pending.end
        # whitespace is passed over: no span begins or ends with it
        text = self.text
        if edge == "start":
            start = self.layer.step(start, direction)
            while 0 < start < end and text[start].isspace():
                start = self.layer.step(start, direction)
        else:
            end = self.layer.step(end, direction)
            while start < end < len(text) and text[end - 1].isspace():
                end = self.layer.step(end, direction)
        if not 0 <= start < end <= len(text):
            return
        if self.selected_span is not None:
            if not self.annotations_read_only:
                self.resize_requested.emit(self.selected_span, start, end)
        else:
            self.select_range(start, end, exact=True)

    # --- mouse ----------------------------------------------------------------------

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        self._press = (event.position(), event.modifiers())
        if event.button() == Qt.MouseButton.LeftButton:
            self._exact_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        moved = (event.position() - press[0]).manhattanLength()
        if self.textCursor().hasSelection() and moved >= QtWidgets.QApplication.startDragDistance():
            self._exact_selection = bool(
                (press[1] | event.modifiers()) & Qt.KeyboardModifier.AltModifier
            )
            self._refresh_marks()
            self.selection_changed.emit()
            return
        hits = self.spans_at_point(event.position())
        position = self.cp_position(self.cursorForPosition(event.position().toPoint()).position())
        self.clicked.emit(position, hits)
        if not hits:
            if self.selected_span is not None:
                self.select_span(None)
            return
        if self.selected_span in hits:  # clicking again reaches the next outer span
            target = hits[(hits.index(self.selected_span) + 1) % len(hits)]
        else:
            target = hits[0]
        self.clear_selection()
        self.select_span(target, ensure_visible=False)

    def viewportEvent(self, event: QtCore.QEvent) -> bool:
        if isinstance(event, QtGui.QHelpEvent) and event.type() == QtCore.QEvent.Type.ToolTip:
            hits = self.spans_at_point(QtCore.QPointF(event.pos()))
            html = self.tooltip_html(hits) if hits else ""
            if self._tooltip_providers and self.layer.text:
                position = self.cp_position(self.cursorForPosition(event.pos()).position())
                html += "".join(filter(None, (p(position) for p in self._tooltip_providers)))
            if html:
                QtWidgets.QToolTip.showText(event.globalPos(), html, self)
            else:
                QtWidgets.QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_html(self, span_ids: list[int]) -> str:
        """Full details of the annotations under the mouse, innermost first."""
        parts = []
        for span_id in span_ids:
            span = self.layer.spans[span_id]
            style = self.layer.styles.get(span.label_id)
            name = style.name if style else "?"
            color = style.color.name() if style else "#888888"
            on_color = style.on_color.name() if style else "#ffffff"
            clitic = []
            starts_inside, ends_inside = self.layer.split_edges(span_id)
            if starts_inside:
                word_start = self.layer.word_bounds(span.start)[0]
                clitic.append(
                    self.tr("left out before: «{text}»").format(
                        text=escape(self.text[word_start : span.start])
                    )
                )
            if ends_inside:
                word_end = self.layer.word_bounds(span.end)[1]
                clitic.append(
                    self.tr("left out after: «{text}»").format(
                        text=escape(self.text[span.end : word_end])
                    )
                )
            note = f"<br><i>{escape(span.note)}</i>" if span.note else ""
            extra = f"<br>{'; '.join(clitic)}" if clitic else ""
            where = self.tr("offsets {offsets} · #{id}").format(
                offsets=offsets(span.start, span.end), id=span_id
            )
            parts.append(
                f"<p><span style='background:{color};color:{on_color}'>&nbsp;{escape(name)}&nbsp;"
                "</span><br>"
                f"<span dir='rtl'>{escape(self.text[span.start : span.end])}</span>"
                f"<br>{where}{extra}{note}</p>"
            )
        return "".join(parts)

    # --- search highlights --------------------------------------------------------------

    def set_search_hits(self, hits: list[tuple[int, int]], current: int = -1) -> None:
        self._search_hits = hits
        self._search_current = current
        self._apply_search_selections()

    def _apply_search_selections(self) -> None:
        theme = colors(self.theme)
        selections = []
        for i, (start, end) in enumerate(self._search_hits):
            selection = QtWidgets.QTextEdit.ExtraSelection()
            cursor = QtGui.QTextCursor(self.document())
            cursor.setPosition(self.qt_position(start))
            cursor.setPosition(self.qt_position(end), QtGui.QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QtGui.QTextCharFormat()
            current = i == self._search_current
            fmt.setBackground(QtGui.QColor(theme.search_current if current else theme.search_hit))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    # --- geometry --------------------------------------------------------------------------

    def _visible_blocks(self, rect: QtCore.QRect | None = None):
        rect = rect or self.viewport().rect()
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > rect.bottom():
                break
            if block.isVisible() and geometry.bottom() >= rect.top():
                yield block, geometry.topLeft()
            block = block.next()

    def _relative_boxes(self, block: QtGui.QTextBlock, a: int, b: int) -> list[tuple]:
        """(left, right, line top, line height, ascent) of each glyph run of Qt positions
        [a, b) within one paragraph, relative to the paragraph; cached."""
        number = block.blockNumber()
        cached = self._box_cache.get(number)
        if cached is not None and (a, b) in cached:
            return cached[(a, b)]
        layout = block.layout()
        if layout is None or not layout.lineCount():
            return []  # not laid out yet: nothing on screen, nothing to keep
        if cached is None:
            cached = self._box_cache[number] = {}
        starts = cached.get("line starts")
        if starts is None:
            starts = cached["line starts"] = [
                layout.lineAt(i).textStart() for i in range(layout.lineCount())
            ]
        base = block.position()
        found = []
        for i in range(max(0, bisect_right(starts, a - base) - 1), len(starts)):
            ls = base + starts[i]
            if ls >= b:
                break
            line = layout.lineAt(i)
            la, lb = max(a, ls), min(b, ls + line.textLength())
            if la >= lb:
                continue
            xs = []
            for run in line.glyphRuns(la - base, lb - la):
                r = run.boundingRect()
                if r.width() > 0:
                    xs.append((r.left(), r.right()))
            for left, right in _merge_ranges(xs, gap=1.5):
                found.append((left, right, line.y(), line.height(), line.ascent()))
        cached[(a, b)] = found
        return found

    def _forget_boxes(self) -> None:
        """Drop every kept glyph box and drawing (the lines were laid out anew)."""
        self._box_cache.clear()
        self._drawings.clear()

    def _forget_drawings(self, ranges: list[tuple[int, int]]) -> None:
        """Drop the drawings of the paragraphs holding `ranges` (their spans changed).

        Their glyph boxes stay valid: a span changes only backgrounds, colours and
        underlines, never a glyph's width, so no line moves or wraps differently.
        """
        document = self.document()
        for start, end in ranges:
            first = document.findBlock(self.qt_position(start)).blockNumber()
            last = document.findBlock(self.qt_position(max(start, end - 1))).blockNumber()
            for number in range(first, last + 1):
                self._drawings.pop(number, None)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        self._forget_boxes()  # lines wrap differently
        super().resizeEvent(event)

    def _boxes(self, start: int, end: int) -> list[LineBox]:
        """Where code points [start, end) are drawn: one box per run of glyphs per line."""
        geometry = self._geometry if self._geometry is not None else _Geometry(self)
        return geometry.boxes(self.qt_position(start), self.qt_position(end))

    def span_boxes(self, span_id: int) -> list[LineBox]:
        span = self.layer.spans[span_id]
        return self._boxes(span.start, span.end)

    def chip_rect(self, span_id: int) -> QtCore.QRectF | None:
        """Where the label chip of a span is drawn: above the right end of its first line
        (paragraphs are right-to-left, so that is where the span begins for the reader),
        moved leftwards beside the chips of spans beginning before it that it would cover."""
        style = self.layer.style(span_id)
        span = self.layer.spans.get(span_id)
        if style is None or span is None:
            return None
        block = self.document().findBlock(self.qt_position(span.start))
        drawing = self._drawing(block)
        if drawing is None:
            return None
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        for point, chip_span, label_id in drawing[1]:
            if chip_span == span_id:
                size = self._chip_pixmap(label_id).deviceIndependentSize()
                return QtCore.QRectF(origin + point, size)
        return None

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.layer.text:
            return
        blocks = list(self._visible_blocks(event.rect()))
        if not blocks:
            return
        pending = self.pending_selection()
        painter = QtGui.QPainter(self.viewport())
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        self._geometry = _Geometry(self)
        self._paint_rect = event.rect()
        try:
            chips: list[tuple[QtCore.QPointF, int]] = []  # (where, label)
            if self.layer.spans:
                for block, origin in blocks:
                    drawing = self._drawing(block)
                    if drawing is None:
                        continue
                    picture, block_chips = drawing
                    painter.drawPicture(origin, picture)
                    chips.extend((origin + point, label_id) for point, _, label_id in block_chips)
            if self.selected_span is not None and self.selected_span in self.layer.spans:
                self._paint_outline(painter, self.span_boxes(self.selected_span), dashed=False)
            if pending is not None:
                self._paint_outline(painter, self._boxes(pending.start, pending.end), dashed=True)
            # Chips over outlines, which must never hide a label's first letter;
            # then the panels' marks (argument badges), placed to sit on top.
            for point, label_id in chips:
                painter.drawPixmap(point, self._chip_pixmap(label_id))
            if self._painters:
                first_block, last_block = blocks[0][0], blocks[-1][0]
                first = self.cp_position(first_block.position())
                last = self.cp_position(last_block.position() + last_block.length() - 1)
                for paint in self._painters:
                    painter.save()
                    try:
                        paint(painter, first, last)
                    finally:
                        painter.restore()
        finally:
            self._geometry = None
            self._paint_rect = None
            painter.end()

    def _drawing(
        self, block: QtGui.QTextBlock
    ) -> tuple[QtGui.QPicture, list[tuple[QtCore.QPointF, int, int]]] | None:
        """Underlines and cut brackets of one paragraph, recorded once and replayed until
        the paragraph changes, and where its chips go (relative to its top left corner:
        (where, span, label)).
        Chips are pixmaps drawn at paint time: a picture would copy them each time."""
        number = block.blockNumber()
        drawing = self._drawings.get(number)
        if drawing is not None:
            return drawing
        layout = block.layout()
        if layout is None or not layout.lineCount():
            return None
        base = block.position()
        start = self.cp_position(base)
        end = self.cp_position(base + block.length() - 1)
        ids = self.layer.index.overlapping(start, max(end, start + 1))
        picture = QtGui.QPicture()
        painter = QtGui.QPainter(picture)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        try:
            chips = self._paint_paragraph(painter, block, ids, start, end)
        finally:
            painter.end()
        self._drawings[number] = (picture, chips)
        return picture, chips

    def _local_boxes(self, block: QtGui.QTextBlock, start: int, end: int) -> list[LineBox]:
        """Boxes of code points [start, end) within one paragraph, relative to it."""
        base = block.position()
        a = max(self.qt_position(start), base)
        b = min(self.qt_position(end), base + block.length() - 1)
        if a >= b:
            return []
        return [
            LineBox(QtCore.QRectF(left, y, right - left, height), y + ascent, y)
            for left, right, y, height, ascent in self._relative_boxes(block, a, b)
        ]

    def _paint_paragraph(
        self, painter, block, ids: list[int], start: int, end: int
    ) -> list[tuple[QtCore.QPointF, int, int]]:
        layer = self.layer
        spans = layer.spans
        levels = layer.levels(ids, within=(start, end))
        underline_gap = max(2.5, self._descent * 0.22)
        boxes = {
            span_id: self._local_boxes(block, spans[span_id].start, spans[span_id].end)
            for span_id in ids
        }
        for span_id in ids:
            style = layer.style(span_id)
            if style is None:
                continue
            level = levels.get(span_id, 0)
            if level:
                pen = QtGui.QPen(style.color, 2.0)
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
                painter.setPen(pen)
                for box in boxes[span_id]:
                    y = box.baseline + self._descent * 0.55 + (level - 1) * underline_gap
                    painter.drawLine(
                        QtCore.QPointF(box.rect.left(), y), QtCore.QPointF(box.rect.right(), y)
                    )
            span = spans[span_id]
            starts_inside, ends_inside = layer.split_edges(span_id)
            if starts_inside and start <= span.start < end:
                self._paint_split(painter, block, style.color, span.start, boxes[span_id])
            if ends_inside and start < span.end <= end:
                self._paint_split(painter, block, style.color, span.end, boxes[span_id])
        placed: dict[float, list[QtCore.QRectF]] = {}  # chips per line
        chips: list[tuple[QtCore.QPointF, int, int]] = []
        order = sorted(ids, key=lambda i: (spans[i].start, -layer.depth_key(i)[0]))
        for span_id in order:
            style = layer.style(span_id)
            if style is None or not boxes[span_id] or not start <= spans[span_id].start < end:
                continue
            rect = self._chip_rect_in(boxes[span_id], style)
            line = placed.setdefault(rect.top(), [])
            for _ in range(8):  # chips starting at the same place go side by side, leftwards
                clash = [p for p in line if rect.intersects(p)]
                if not clash:
                    break
                rect.moveRight(min(p.left() for p in clash) - 2)
            line.append(rect)
            chips.append((rect.topLeft(), span_id, style.label_id))
        return chips

    def _chip_rect_in(self, boxes: list[LineBox], style: LabelStyle) -> QtCore.QRectF:
        """Above the right end of the first line of `boxes` (RTL: where the span begins)."""
        first_top = boxes[0].top
        right = max(box.rect.right() for box in boxes if box.top == first_top)
        width = self._chip_pixmap(style.label_id).deviceIndependentSize().width()
        # on whole pixels: a pixmap drawn between two is blurred
        return QtCore.QRectF(round(right - width), round(first_top + 1), width, self._chip_height)

    def _chip_pixmap(self, label_id: int) -> QtGui.QPixmap:
        """The chip of a label, drawn once per label, font and theme."""
        pixmap = self._chips.get(label_id)
        if pixmap is None:
            style = self.layer.styles[label_id]
            ratio = self.devicePixelRatioF()
            width = self._chip_metrics.horizontalAdvance(style.name) + 2 * CHIP_PADDING
            pixmap = QtGui.QPixmap(int(width * ratio + 0.5), int(self._chip_height * ratio + 0.5))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QtGui.QPainter(pixmap)
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.color)
            rect = QtCore.QRectF(0, 0, width, self._chip_height)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(style.on_color)
            painter.setFont(self._chip_font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, style.name)
            painter.end()
            self._chips[label_id] = pixmap
        return pixmap

    def _paint_split(self, painter, block, color, boundary: int, inside: list[LineBox]) -> None:
        """A dashed bracket where a span cuts a written word, opening towards the span (the
        letters left out are greyed and dotted by the highlighter)."""
        layout = block.layout()
        relative = self.qt_position(boundary) - block.position()
        line = layout.lineForTextPosition(relative)
        if not line.isValid():
            return
        x = line.cursorToX(relative)[0]
        span_side = -1.0 if inside and inside[0].rect.center().x() < x else 1.0
        x += 1.2 * span_side  # just inside the span, clear of the left-out letter
        top = line.y() + self._chip_height + 1
        bottom = line.y() + line.height() - 1
        pen = QtGui.QPen(color, 1.6, Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([1.6, 1.2])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QtCore.QPointF(x, top), QtCore.QPointF(x, bottom))
        solid = QtGui.QPen(color, 2.0)
        solid.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(solid)
        tick = 4.0 * span_side
        painter.drawLine(QtCore.QPointF(x, top), QtCore.QPointF(x + tick, top))
        painter.drawLine(QtCore.QPointF(x, bottom), QtCore.QPointF(x + tick, bottom))

    def _paint_outline(self, painter, boxes: list[LineBox], dashed: bool) -> None:
        color = self.palette().color(QtGui.QPalette.ColorRole.Highlight)
        pen = QtGui.QPen(color, 1.5 if dashed else 2.2)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for box in boxes:
            painter.drawRoundedRect(box.rect.adjusted(-1.5, 1, 1.5, -1), 3, 3)


class _Geometry:
    """Where ranges of text are drawn during one paint (Qt positions in, viewport
    coordinates out).

    The glyph boxes of a range, relative to its paragraph, stay valid until that
    paragraph is laid out again, so the editor keeps them across paints
    (`_box_cache`, emptied per paragraph when it is re-highlighted, and wholly on
    load, resize and font changes); only the paragraph origins are read per paint.
    """

    def __init__(self, editor: AnnotationEditor):
        self.editor = editor
        self.document = editor.document()
        self.offset = editor.contentOffset()
        self._origins: dict[int, tuple[float, float]] = {}

    def _origin(self, block: QtGui.QTextBlock) -> tuple[float, float]:
        number = block.blockNumber()
        origin = self._origins.get(number)
        if origin is None:
            point = self.editor.blockBoundingGeometry(block).translated(self.offset).topLeft()
            origin = self._origins[number] = (point.x(), point.y())
        return origin

    def boxes(self, qs: int, qe: int) -> list[LineBox]:
        boxes: list[LineBox] = []
        block = self.document.findBlock(qs)
        while qe > qs and block.isValid() and block.position() < qe:
            base = block.position()
            a, b = max(qs, base), min(qe, base + block.length() - 1)
            if a < b:
                ox, oy = self._origin(block)
                for left, right, y, height, ascent in self.editor._relative_boxes(block, a, b):
                    top = oy + y
                    boxes.append(
                        LineBox(
                            QtCore.QRectF(ox + left, top, right - left, height), top + ascent, top
                        )
                    )
            block = block.next()
        return boxes


def _merge_ranges(ranges, gap: float = 0) -> list[tuple]:
    """Sorted ranges with overlapping (or nearly touching) ones merged."""
    merged: list[list] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1] + gap:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [tuple(m) for m in merged]
