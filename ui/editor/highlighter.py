"""Span backgrounds, applied per paragraph by a QSyntaxHighlighter.

The highlighter keeps its formats in each block's layout, so the document
itself is never edited (no undo stack, no modified flag) and Qt only asks for
the blocks it lays out. After a change only the touched blocks are redone
(`rehighlight_range`). Every character gets the background of the innermost
span covering it; outer spans are drawn as underlines by the editor's paint
event. Whitespace also gets a taller font (with its width kept), which makes
every line taller and leaves room above the text for the label chips.
"""

from __future__ import annotations

from ui.editor.layer import SPACE_RE, SpanLayer
from ui.qt import QtGui


class SpanHighlighter(QtGui.QSyntaxHighlighter):
    def __init__(self, document: QtGui.QTextDocument, layer: SpanLayer):
        super().__init__(document)
        self.layer = layer
        self.blocks_highlighted = 0  # for tests and benchmarks: how much work a change cost

    def highlightBlock(self, _text: str) -> None:
        layer = self.layer
        if not layer.text:
            return
        self.blocks_highlighted += 1
        block = self.currentBlock()
        positions = layer.positions
        qt_block = block.position()
        start = positions.to_cp(qt_block)
        end = positions.to_cp(qt_block + block.length() - 1)
        if end <= start:
            return
        identity = positions.is_identity

        def qt(cp: int) -> int:
            return (cp if identity else positions.to_qt(cp)) - qt_block

        runs = layer.runs(start, end)
        styles = layer.styles
        spans = layer.spans
        for a, b, span_id in runs:
            if span_id is not None:
                style = styles.get(spans[span_id].label_id)
                if style is not None:
                    self.setFormat(qt(a), qt(b) - qt(a), style.background)
        # whitespace: the taller font, keeping the background of its run
        k = 0
        for m in SPACE_RE.finditer(layer.text, start, end):
            a, b = m.span()
            while runs[k][1] <= a:
                k += 1
            while a < b:
                _run_start, run_end, span_id = runs[k]
                piece_end = min(b, run_end)
                fmt = layer.tall_plain
                if span_id is not None:
                    style = styles.get(spans[span_id].label_id)
                    if style is not None:
                        fmt = style.background_tall
                self.setFormat(qt(a), qt(piece_end) - qt(a), fmt)
                a = piece_end
                if a >= run_end and k + 1 < len(runs):
                    k += 1

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
