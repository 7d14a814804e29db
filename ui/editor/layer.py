"""The spans shown in the editor, their styles, and what each character looks like.

Everything here is in code points of the frozen text; `positions` converts to
Qt positions where the widget needs them.
"""

from __future__ import annotations

import heapq
import itertools
import re
import unicodedata
from dataclasses import dataclass

from core.annotations import SpanRow
from core.schema import LabelInfo
from core.span_index import SpanIndex
from ui.positions import PositionMap
from ui.qt import QtGui
from ui.theme import on_color, tint

# Whitespace other than the line break: these characters carry the taller font
# that makes room above each line for label chips (see SpanHighlighter).
SPACE_RE = re.compile(r"[^\S\n]+")


@dataclass
class LabelStyle:
    label_id: int
    key: str
    name: str
    color: QtGui.QColor
    tint: QtGui.QColor
    on_color: QtGui.QColor
    background: QtGui.QTextCharFormat  # for the characters where the span is innermost
    background_tall: QtGui.QTextCharFormat  # the same for whitespace


def is_word_char(ch: str) -> bool:
    """A letter, mark or digit: something a written word is made of."""
    return unicodedata.category(ch)[0] in "LMN"


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me") or ch == "\u0640"


class SpanLayer:
    """The current document's text and spans, indexed, with label styles."""

    def __init__(self) -> None:
        self.text = ""
        self.positions = PositionMap("")
        self.spans: dict[int, SpanRow] = {}
        self.index: SpanIndex[int] = SpanIndex()
        self.styles: dict[int, LabelStyle] = {}
        self.tall_plain = QtGui.QTextCharFormat()
        self._tall_font_size = 0.0
        self._tall_spacing = 0.0

    # --- content ---------------------------------------------------------------

    def load(self, text: str, spans: list[SpanRow]) -> None:
        self.text = text
        self.positions = PositionMap(text)
        self.spans = {s.id: s for s in spans}
        self.index = SpanIndex((s.id, s.start, s.end) for s in spans)

    def update(self, spans: list[SpanRow]) -> list[tuple[int, int]]:
        """Replace the spans; return the code point ranges whose look changed."""
        new = {s.id: s for s in spans}
        touched: list[tuple[int, int]] = []
        for span_id, old in list(self.spans.items()):
            if new.get(span_id) != old:
                self.index.remove(span_id)
                del self.spans[span_id]
                touched.append((old.start, old.end))
        for span_id, span in new.items():
            if span_id not in self.spans:
                self.spans[span_id] = span
                self.index.add(span_id, span.start, span.end)
                touched.append((span.start, span.end))
        return touched

    def depth_key(self, span_id: int) -> tuple[int, int]:
        """Sorts inner spans first: shorter, then newer."""
        span = self.spans[span_id]
        return (span.end - span.start, -span_id)

    def innermost_at(self, position: int) -> list[int]:
        """Ids of the spans containing the character at `position`, innermost first."""
        return sorted(self.index.at(position), key=self.depth_key)

    # --- styles ----------------------------------------------------------------

    def set_styles(self, labels: list[LabelInfo], theme: str) -> None:
        self.styles = {}
        for label in labels:
            color = QtGui.QColor(label.color)
            background = QtGui.QTextCharFormat()
            background.setBackground(tint(color, theme))
            tall = QtGui.QTextCharFormat(background)
            self._make_tall(tall)
            self.styles[label.id] = LabelStyle(
                label_id=label.id,
                key=label.key,
                name=label.display_name,
                color=color,
                tint=tint(color, theme),
                on_color=on_color(color),
                background=background,
                background_tall=tall,
            )

    def set_line_room(self, font: QtGui.QFont, factor: float) -> None:
        """Whitespace in a font `factor` times larger makes every line taller, leaving
        room for chips; a negative letter spacing keeps its width unchanged."""
        tall_font = QtGui.QFont(font)
        tall_font.setPointSizeF(font.pointSizeF() * factor)
        normal = QtGui.QFontMetricsF(font).horizontalAdvance(" ")
        wide = QtGui.QFontMetricsF(tall_font).horizontalAdvance(" ")
        self._tall_font_size = tall_font.pointSizeF()
        self._tall_spacing = normal - wide
        self.tall_plain = QtGui.QTextCharFormat()
        self._make_tall(self.tall_plain)
        for style in self.styles.values():
            self._make_tall(style.background_tall)

    def _make_tall(self, fmt: QtGui.QTextCharFormat) -> None:
        if self._tall_font_size:
            fmt.setFontPointSize(self._tall_font_size)
            fmt.setFontLetterSpacingType(QtGui.QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(self._tall_spacing)

    def style(self, span_id: int) -> LabelStyle | None:
        span = self.spans.get(span_id)
        return self.styles.get(span.label_id) if span else None

    # --- what the characters of a range look like -------------------------------

    def runs(self, start: int, end: int) -> list[tuple[int, int, int | None]]:
        """[start, end) cut where the innermost span changes: (from, to, span id or None)."""
        ids = self.index.overlapping(start, end) if end > start else []
        if not ids:
            return [(start, end, None)] if end > start else []
        spans = self.spans
        points = {start, end}
        for span_id in ids:
            span = spans[span_id]
            points.add(max(span.start, start))
            points.add(min(span.end, end))
        cuts = sorted(points)
        by_start = sorted(ids, key=lambda i: spans[i].start)
        heap: list[tuple[tuple[int, int], int]] = []
        runs: list[tuple[int, int, int | None]] = []
        k = 0
        for a, b in itertools.pairwise(cuts):
            while k < len(by_start) and max(spans[by_start[k]].start, start) <= a:
                heapq.heappush(heap, (self.depth_key(by_start[k]), by_start[k]))
                k += 1
            while heap and spans[heap[0][1]].end <= a:
                heapq.heappop(heap)
            top = heap[0][1] if heap else None
            if runs and runs[-1][2] == top and runs[-1][1] == a:
                runs[-1] = (runs[-1][0], b, top)
            else:
                runs.append((a, b, top))
        return runs

    def levels(self, ids: list[int]) -> dict[int, int]:
        """How many layers of shorter spans each span has inside it (0: innermost).

        Outer spans get an underline per level, so nested spans stay apart.
        """
        memo: dict[int, int] = {}

        def level(span_id: int) -> int:
            if span_id in memo:
                return memo[span_id]
            memo[span_id] = 0  # guards against cycles of equal keys
            span = self.spans[span_id]
            own = self.depth_key(span_id)
            inner = [
                other
                for other in self.index.overlapping(span.start, span.end)
                if other != span_id and self.depth_key(other) < own
            ]
            memo[span_id] = 1 + max(map(level, inner)) if inner else 0
            return memo[span_id]

        for span_id in sorted(ids, key=self.depth_key):
            level(span_id)
        return {i: memo[i] for i in ids}

    def split_edges(self, span_id: int) -> tuple[bool, bool]:
        """Does the span start / end inside a written word (a clitic left out)?"""
        span = self.spans[span_id]
        text = self.text
        starts_inside = (
            span.start > 0 and is_word_char(text[span.start - 1]) and is_word_char(text[span.start])
        )
        ends_inside = (
            span.end < len(text)
            and is_word_char(text[span.end - 1])
            and is_word_char(text[span.end])
        )
        return starts_inside, ends_inside

    def word_bounds(self, position: int) -> tuple[int, int]:
        """The written word around `position` (letters, marks and digits)."""
        text = self.text
        a = position
        while a > 0 and is_word_char(text[a - 1]):
            a -= 1
        b = position
        while b < len(text) and is_word_char(text[b]):
            b += 1
        return a, b

    def step(self, position: int, direction: int) -> int:
        """One character on, keeping a letter together with its diacritics."""
        text = self.text
        position += direction
        while 0 < position < len(text) and is_mark(text[position]):
            position += direction
        return max(0, min(len(text), position))
