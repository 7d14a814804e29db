"""The strip above the text saying exactly what a label key would do now.

The text that would be tagged is shown in its own right-to-left label, in the
text font, so bidi reordering in the strip cannot garble it or its offsets.
"""

from __future__ import annotations

from html import escape

from core.text.snap import EDGE_PUNCTUATION
from ui import bindings
from ui.bidi import offsets
from ui.editor import AnnotationEditor, PendingSelection
from ui.i18n import text_of
from ui.qt import Qt, QtGui, QtWidgets

MAX_SHOWN = 80  # characters of a long selection shown (start … end)


def shorten(text: str) -> str:
    text = text.replace("\n", " ⏎ ")
    if len(text) <= MAX_SHOWN:
        return text
    half = MAX_SHOWN // 2
    return f"{text[:half]} … {text[-half:]}"


class SelectionPreview(QtWidgets.QFrame):
    def __init__(self, editor: AnnotationEditor, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("selectionPreview")
        self.editor = editor
        self.action = QtWidgets.QLabel()
        self.action.setTextFormat(Qt.TextFormat.RichText)
        self.text_label = QtWidgets.QLabel()
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setObjectName("previewText")
        self.offsets = QtWidgets.QLabel()
        self.hint = QtWidgets.QLabel()
        self.hint.setProperty("role", "muted")
        self.hint.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )
        layout = self._layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 10, 2)
        layout.setSpacing(8)
        layout.addWidget(self.action)
        layout.addWidget(self.text_label)
        layout.addWidget(self.offsets)
        layout.addWidget(self.hint, 1)
        self.read_only_reason = ""
        self._hint = ""
        editor.selection_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        font = QtGui.QFont(self.editor.font())
        font.setPointSizeF(max(10.0, font.pointSizeF() * 0.85))
        if font != self.text_label.font():
            self.text_label.setFont(font)
            # one height whatever is shown, so the text below never moves
            self.setFixedHeight(QtGui.QFontMetrics(font).height() + 6)
        action, text, offsets, hint = self.describe()
        self.action.setText(action)
        self.text_label.setText(text)
        self.offsets.setText(offsets)
        self._hint = hint
        self._layout.activate()  # the hint is shortened to the room the new text leaves
        self._show_hint()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_hint()

    def _show_hint(self) -> None:
        """The hint, shortened with "…" to the room there is; whole in its tooltip."""
        metrics = self.hint.fontMetrics()
        shown = metrics.elidedText(self._hint, Qt.TextElideMode.ElideRight, self.hint.width())
        self.hint.setText(shown)
        self.hint.setToolTip(self._hint if shown != self._hint else "")

    def describe(self) -> tuple[str, str, str, str]:
        """(action as rich text, the text concerned, its offsets, a hint)."""
        editor = self.editor
        if editor.document_id is None:
            return "", "", "", self.tr("No document open.")
        read_only = editor.annotations_read_only
        if editor.selected_span is not None:
            return self._describe_span(editor.selected_span, read_only)
        pending = editor.pending_selection()
        refusal = editor.selection_refusal() if pending is None else ""
        if refusal and not read_only:
            return (
                self.tr("<b>Nothing to tag</b>"),
                "",
                "",
                self.tr(
                    "{reason} · hold Alt while selecting, or Ctrl+E, for exact characters"
                ).format(reason=text_of(refusal)),
            )
        if pending is None:
            return (
                "",
                "",
                "",
                self.read_only_reason
                if read_only
                else self.tr(
                    "Select text, then press a label key or click a label. Click an annotation "
                    "to select it; Tab goes to the next one."
                ),
            )
        if not read_only and editor.layer.is_excluded(pending.start, pending.end):
            return (
                self.tr("<b>Excluded text</b>"),
                shorten(pending.text),
                offsets(pending.start, pending.end, brackets=True),
                self.tr(
                    "annotations cannot be placed here · Annotate > Include selection again "
                    "to annotate it"
                ),
            )
        return (
            self.tr("<b>Selected</b> (read-only)") if read_only else self.tr("<b>Would tag</b>"),
            shorten(pending.text),
            offsets(pending.start, pending.end, brackets=True),
            self._selection_mode(pending),
        )

    def _describe_span(self, span_id: int, read_only: bool) -> tuple[str, str, str, str]:
        """The selected annotation: its label, text and offsets, and what keys do to it."""
        editor = self.editor
        span = editor.layer.spans[span_id]
        style = editor.layer.styles.get(span.label_id)
        name = escape(style.name) if style else "?"
        color = style.color.name() if style else "#888888"
        fg = style.on_color.name() if style else "#ffffff"
        return (
            f"<span style='background:{color};color:{fg}'>&nbsp;<b>{name}</b>&nbsp;</span>",
            shorten(editor.text[span.start : span.end]),
            offsets(span.start, span.end, brackets=True),
            self.read_only_reason
            if read_only
            else self.tr(
                "label key: relabel · {delete}: remove · {edges}: resize · "
                "{all}: all occurrences · {clear}: clear"
            ).format(
                delete=bindings.native_text("annotate.delete"),
                edges=bindings.edge_keys(),
                all=bindings.native_text("annotate.all"),
                clear=bindings.native_text("annotate.clear"),
            ),
        )

    def _selection_mode(self, pending: PendingSelection) -> str:
        """How the selection would be tagged: exact characters, or snapped to words (and
        which clitic is left out)."""
        clitic = self.editor.left_out_clitic(pending)
        if pending.exact:
            edges = {pending.text[0], pending.text[-1]} & EDGE_PUNCTUATION
            if edges:
                mode = self.tr(
                    "exact characters, punctuation at an edge included ({marks})"
                ).format(marks=" ".join(sorted(edges)))
            else:
                mode = self.tr("exact characters")
        elif clitic:
            mode = self.tr("snapped to the word, the clitic «{clitic}» left out").format(
                clitic=escape(clitic)
            )
            mode = self.tr("{mode} · hold Alt while selecting, or Ctrl+E, for exact").format(
                mode=mode
            )
        else:
            mode = self.tr("snapped to whole words") if pending.snapped else self.tr("whole words")
            mode = self.tr("{mode} · hold Alt while selecting, or Ctrl+E, for exact").format(
                mode=mode
            )
        return mode
