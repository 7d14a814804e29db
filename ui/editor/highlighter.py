"""Span backgrounds, applied per paragraph by a QSyntaxHighlighter.

The highlighter keeps its formats in each block's layout, so the document
itself is never edited (no undo stack, no modified flag) and Qt only asks for
the blocks it lays out. After a change only the touched blocks are redone
(`rehighlight_range`). Every character gets the background of the innermost
span covering it; outer spans are drawn as underlines by the editor's paint
event. Whitespace also gets a taller font (with its width kept), which makes
every line taller and leaves room above the text for the label chips. Excluded
text gets lighter letters and a hatched background on top of all that.
"""

from __future__ import annotations

from ui.editor.layer import ANY_RUN_RE, RUN_RE, SpanLayer
from ui.qt import QtGui


class SpanHighlighter(QtGui.QSyntaxHighlighter):
    def __init__(self, document: QtGui.QTextDocument, layer: SpanLayer):
        super().__init__(document)
        self.layer = layer
        self.blocks_highlighted = 0  # for tests and benchmarks: how much work a change cost

    def highlightBlock(self, _text: str) -> None:  # Qt override
        layer = self.layer
        if not layer.text:
            return
        self.blocks_highlighted += 1
        block = self.currentBlock()
        base = block.position()
        positions = layer.positions
        identity = positions.is_identity
        if identity:
            start, end = base, base + block.length() - 1
        else:
            start = positions.to_cp(base)
            end = positions.to_cp(base + block.length() - 1)
        if end <= start:
            return
        set_format = self.setFormat
        codes, order = layer.owners(start, end)
        # one background format per owner, and a tall variant for whitespace
        backgrounds: list[QtGui.QTextCharFormat | None] = [None]
        talls = [layer.tall_plain]
        for span_id in order:
            style = layer.styles.get(layer.spans[span_id].label_id)
            backgrounds.append(style.background if style else None)
            talls.append(style.background_tall if style else layer.tall_plain)

        def put(a: int, b: int, fmt: QtGui.QTextCharFormat) -> None:
            if identity:
                set_format(a - base, b - a, fmt)
            else:
                qa = positions.to_qt(a)
                set_format(qa - base, positions.to_qt(b) - qa, fmt)

        if codes:
            coded = "".join(map(chr, codes))
            shift = start - base if identity else 0
            for m in RUN_RE.finditer(coded):
                a, b = m.span()
                fmt = backgrounds[codes[a]]
                if fmt is None:
                    continue
                if identity:
                    set_format(a + shift, b - a, fmt)
                else:
                    put(start + a, start + b, fmt)
            for a, b in layer.spaces(start, end):
                first = codes[a - start]
                if first != codes[b - 1 - start]:  # a span edge inside spaces (exact selection)
                    for i in range(a, b):
                        put(i, i + 1, talls[codes[i - start]])
                elif identity:
                    set_format(a - base, b - a, talls[first])
                else:
                    put(a, b, talls[first])
            self._left_out(start, end, codes, order, put)
        elif identity:
            tall = layer.tall_plain
            for a, b in layer.spaces(start, end):
                set_format(a - base, b - a, tall)
        else:
            for a, b in layer.spaces(start, end):
                put(a, b, layer.tall_plain)
        if layer.excluded:
            self._excluded(start, end, codes, order, put)

    def _left_out(self, start: int, end: int, codes: list[int], order: list[int], put) -> None:
        """Letters of a word a span cuts, outside the span (the clitic "ل" of "لميتا"):
        greyed, with a dotted underline in the span's colour."""
        layer = self.layer
        for span_id in order:
            style = layer.style(span_id)
            if style is None:
                continue
            span = layer.spans[span_id]
            starts_inside, ends_inside = layer.split_edges(span_id)
            pieces = []
            if starts_inside:
                pieces.append((layer.word_bounds(span.start)[0], span.start))
            if ends_inside:
                pieces.append((span.end, layer.word_bounds(span.end)[1]))
            for a, b in pieces:
                for i in range(max(a, start), min(b, end)):
                    if codes[i - start] == 0:
                        put(i, i + 1, style.left_out)

    def _excluded(self, start: int, end: int, codes: list[int], order: list[int], put) -> None:
        """Excluded text over what was set above: lighter letters, a hatched background
        (spans inside keep their tint), whitespace kept tall."""
        layer = self.layer
        for a, b in layer.excluded_in(start, end):
            owners = "".join(map(chr, codes[a - start : b - start])) if codes else "\x00" * (b - a)
            spaces = layer.space_runs(a, b)
            for m in ANY_RUN_RE.finditer(owners):
                ra, rb = a + m.start(), a + m.end()
                code = codes[ra - start] if codes else 0
                label_id = layer.spans[order[code - 1]].label_id if code else None
                position = ra
                for sa, sb in spaces:
                    if sb <= ra or sa >= rb:
                        continue
                    sa, sb = max(sa, ra), min(sb, rb)
                    if position < sa:
                        put(position, sa, layer.excluded_format(label_id, False))
                    put(sa, sb, layer.excluded_format(label_id, True))
                    position = sb
                if position < rb:
                    put(position, rb, layer.excluded_format(label_id, False))

    def rehighlight_range(self, start: int, end: int) -> int:
        """Redo the blocks holding code points [start, end); return how many."""
        layer = self.layer
        document = self.document()
        if document is None:
            return 0
        block = document.findBlock(layer.positions.to_qt(start))
        last = layer.positions.to_qt(max(start, end - 1))
        count = 0
        while block.isValid() and block.position() <= last:
            self.rehighlightBlock(block)
            count += 1
            block = block.next()
        return count
