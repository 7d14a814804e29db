"""The spans shown in the editor, their styles, and what each character looks like.

Everything here is in code points of the frozen text; `positions` converts to
Qt positions where the widget needs them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from core.annotation.span_index import SpanIndex
from core.annotation.spans import SpanRow
from core.schema.model import LabelInfo
from ui.i18n import name_of
from ui.positions import PositionMap
from ui.qt import Qt, QtGui
from ui.theme import colors, on_color, tint

# Whitespace other than the line break: these characters carry the taller font
# that makes room above each line for label chips (see SpanHighlighter).
SPACE_RE = re.compile(r"[^\S\n]+")
RUN_RE = re.compile(r"([^\x00])\1*")
ANY_RUN_RE = re.compile(r"(.)\1*", re.DOTALL)


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
    left_out: QtGui.QTextCharFormat  # letters of a cut word outside the span (a clitic)


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
        self._edges: dict[tuple[int, int], tuple[bool, bool]] = {}  # by (start, end)
        self._space_starts: list[int] = []
        self._space_ends: list[int] = []
        self.tall_plain = QtGui.QTextCharFormat()
        self._tall_font_size = 0.0
        self._tall_spacing = 0.0
        self.theme = "light"
        # excluded text: merged, sorted (start, end) ranges, greyed by the highlighter
        self.excluded: list[tuple[int, int]] = []
        self._excluded_ends: list[int] = []
        self._excluded_formats: dict[tuple[int | None, bool], QtGui.QTextCharFormat] = {}

    # --- content ---------------------------------------------------------------

    def load(self, text: str, spans: list[SpanRow]) -> None:
        self.text = text
        self._edges = {}
        self.positions = PositionMap(text)
        runs = [m.span() for m in SPACE_RE.finditer(text)]
        self._space_starts = [a for a, _ in runs]
        self._space_ends = [b for _, b in runs]
        self.spans = {s.id: s for s in spans}
        self.index = SpanIndex((s.id, s.start, s.end) for s in spans)
        self.excluded, self._excluded_ends = [], []  # the new document's come separately

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

    def patch(self, touched: set[int], rows: list[SpanRow]) -> list[tuple[int, int]]:
        """Apply a change to some spans: `rows` are the current versions of the `touched`
        ids that (still) belong here; the others are gone. Returns the ranges to redraw."""
        current = {row.id: row for row in rows}
        ranges: list[tuple[int, int]] = []
        for span_id in touched:
            old = self.spans.get(span_id)
            new = current.get(span_id)
            if old == new:
                continue
            if old is not None:
                self.index.remove(span_id)
                del self.spans[span_id]
                ranges.append((old.start, old.end))
            if new is not None:
                self.spans[span_id] = new
                self.index.add(span_id, new.start, new.end)
                ranges.append((new.start, new.end))
        return ranges

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
        self.theme = theme
        self._excluded_formats = {}
        muted = QtGui.QColor(colors(theme).muted)
        for label in labels:
            color = QtGui.QColor(label.color)
            background = QtGui.QTextCharFormat()
            background.setBackground(tint(color, theme))
            tall = QtGui.QTextCharFormat(background)
            self._make_tall(tall)
            left_out = QtGui.QTextCharFormat()
            left_out.setForeground(muted)
            left_out.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.DotLine)
            left_out.setUnderlineColor(color)
            self.styles[label.id] = LabelStyle(
                label_id=label.id,
                key=label.key,
                name=name_of(label),
                color=color,
                tint=tint(color, theme),
                on_color=on_color(color),
                background=background,
                background_tall=tall,
                left_out=left_out,
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
        self._excluded_formats = {}

    def _make_tall(self, fmt: QtGui.QTextCharFormat) -> None:
        if self._tall_font_size:
            fmt.setFontPointSize(self._tall_font_size)
            fmt.setFontLetterSpacingType(QtGui.QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(self._tall_spacing)

    # --- excluded text ------------------------------------------------------------

    def set_excluded(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Show these ranges as excluded; return the ranges whose look changed."""
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        changed = sorted(set(self.excluded) ^ set(merged))
        self.excluded = merged
        self._excluded_ends = [end for _, end in merged]
        return changed

    def excluded_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The excluded parts of [start, end), clipped to it."""
        found = []
        for a, b in self.excluded[bisect_right(self._excluded_ends, start) :]:
            if a >= end:
                break
            found.append((max(a, start), min(b, end)))
        return found

    def is_excluded(self, start: int, end: int) -> bool:
        return bool(self.excluded_in(start, end))

    def excluded_format(self, label_id: int | None, tall: bool) -> QtGui.QTextCharFormat:
        """Excluded text: lighter letters; a hatched background where no span lies (a
        span made before the text was excluded keeps its tint, to stay recognisable)."""
        key = (label_id, tall)
        fmt = self._excluded_formats.get(key)
        if fmt is None:
            style = self.styles.get(label_id) if label_id is not None else None
            if style is not None:
                fmt = QtGui.QTextCharFormat(style.background_tall if tall else style.background)
            else:
                fmt = QtGui.QTextCharFormat(self.tall_plain if tall else QtGui.QTextCharFormat())
                fmt.setBackground(
                    QtGui.QBrush(excluded_hatch_color(self.theme), Qt.BrushStyle.BDiagPattern)
                )
            fmt.setForeground(excluded_text_color(self.theme))
            self._excluded_formats[key] = fmt
        return fmt

    def space_runs(self, start: int, end: int) -> list[tuple[int, int]]:
        """Whitespace runs (line breaks excepted) overlapping [start, end), clipped to it."""
        i = max(0, bisect_right(self._space_ends, start))
        found = []
        for a, b in zip(self._space_starts[i:], self._space_ends[i:], strict=True):
            if a >= end:
                break
            found.append((max(a, start), min(b, end)))
        return found

    def style(self, span_id: int) -> LabelStyle | None:
        span = self.spans.get(span_id)
        return self.styles.get(span.label_id) if span else None

    # --- what the characters of a range look like -------------------------------

    def owners(self, start: int, end: int) -> tuple[list[int], list[int]]:
        """Who owns each character of [start, end): (codes, span ids) where codes[i] is 0
        for no span, else k for span ids[k - 1], the innermost span covering it.

        Painted like layers, outer spans first, with list slices (C speed).
        """
        ids = self.index.overlapping(start, end) if self.spans else []
        if not ids:
            return [], []
        spans = self.spans
        order = sorted(ids, key=self.depth_key, reverse=True)
        codes = [0] * (end - start)
        for k, span_id in enumerate(order, start=1):
            span = spans[span_id]
            a = max(span.start, start) - start
            b = min(span.end, end) - start
            codes[a:b] = [k] * (b - a)
        return codes, order

    def spaces(self, start: int, end: int) -> list[tuple[int, int]]:
        """Whitespace runs (line breaks excepted) starting within [start, end); they
        never cross a line break, so none crosses a paragraph's edge."""
        i = bisect_left(self._space_starts, start)
        j = bisect_left(self._space_starts, end)
        return list(zip(self._space_starts[i:j], self._space_ends[i:j], strict=True))

    def levels(self, ids: list[int], within: tuple[int, int] | None = None) -> dict[int, int]:
        """How many layers of shorter spans each span has inside it (0: innermost).

        Outer spans get an underline per level, so nested spans stay apart. When `ids`
        are all the spans overlapping the range `within`, a span inside that range that
        overlaps none of them is innermost without asking the index (most spans are).
        """
        memo: dict[int, int] = {}
        if within is not None:
            memo.update(dict.fromkeys(self._alone(ids, *within), 0))

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

    def _alone(self, ids: list[int], low: int, high: int) -> list[int]:
        """Those of `ids` inside [low, high) that overlap no other of `ids`."""
        spans = self.spans
        ordered = sorted(ids, key=lambda i: (spans[i].start, spans[i].end))
        alone = []
        reach = -1  # the furthest end of the spans before
        for n, span_id in enumerate(ordered):
            span = spans[span_id]
            follows = n + 1 < len(ordered) and spans[ordered[n + 1]].start < span.end
            if reach <= span.start and not follows and low <= span.start and span.end <= high:
                alone.append(span_id)
            reach = max(reach, span.end)
        return alone

    def split_edges(self, span_id: int) -> tuple[bool, bool]:
        """Does the span start / end inside a written word (a clitic left out)?"""
        span = self.spans[span_id]
        found = self._edges.get((span.start, span.end))
        if found is not None:
            return found
        text = self.text
        starts_inside = (
            span.start > 0 and is_word_char(text[span.start - 1]) and is_word_char(text[span.start])
        )
        ends_inside = (
            span.end < len(text)
            and is_word_char(text[span.end - 1])
            and is_word_char(text[span.end])
        )
        found = self._edges[(span.start, span.end)] = (starts_inside, ends_inside)
        return found

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


def mix(color: str | QtGui.QColor, other: str | QtGui.QColor, amount: float) -> QtGui.QColor:
    """`color` moved `amount` (0 to 1) of the way towards `other`."""
    a, b = QtGui.QColor(color), QtGui.QColor(other)
    return QtGui.QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


def excluded_text_color(theme: str) -> QtGui.QColor:
    """Letters of excluded text: between the muted colour and the background."""
    c = colors(theme)
    return mix(c.muted, c.base, 0.35)


def excluded_hatch_color(theme: str) -> QtGui.QColor:
    c = colors(theme)
    return mix(c.muted, c.base, 0.7)
