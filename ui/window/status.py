"""The status bar's permanent texts: what is selected, which document of how many,
who is annotating (or whose set is shown, read-only), and that the last change is saved."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ui.bidi import offsets
from ui.i18n import Translatable
from ui.qt import QtWidgets

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class StatusTexts(Translatable):
    def __init__(self, window: MainWindow):
        self.window = window

    def build(self) -> None:
        window = self.window
        window.selection_label = QtWidgets.QLabel()
        window.position_label = QtWidgets.QLabel()
        window.identity_label = QtWidgets.QLabel()
        window.saved_label = QtWidgets.QLabel()
        window.saved_label.setObjectName("saved")
        window.saved_label.setToolTip(
            self.tr(
                "Every change is written to the project when it is made: there is nothing "
                "to save by hand, and a crash loses nothing shown as saved.",
            )
        )
        labels = (
            window.selection_label,
            window.position_label,
            window.identity_label,
            window.saved_label,
        )
        for label in labels:
            window.statusBar().addPermanentWidget(label)

    def saved(self) -> None:
        """The change just made is committed (every write is): say so, with the time."""
        self.window.saved_label.setText(
            self.tr("Saved {time}").format(time=time.strftime("%H:%M:%S"))
        )

    def update(self) -> None:
        window = self.window
        annotator = window.annotator
        if window.project is None or annotator is None:
            window.identity_label.setText("")
            window.position_label.setText("")
            window.selection_label.setText("")
            window.saved_label.setText("")
            return
        if not window.saved_label.text():
            window.saved_label.setText(self.tr("All changes saved"))
        if annotator.is_curator:
            you = self.tr("{name} (curator)").format(name=annotator.name)
        else:
            you = annotator.name
        if window.read_only:
            window.identity_label.setText(
                self.tr("Viewing {owner} (read-only) · you are {you}").format(
                    owner=window.identity.owner_name(), you=you
                )
            )
        else:
            window.identity_label.setText(self.tr("Annotator: {you}").format(you=you))
        model = window.documents.model
        document = window.current_document_id
        row = model.row_of(document) if document else None
        count = len(model.ids)
        if document is None:
            window.position_label.setText(
                self.tr("{count} document(s)", None, count).format(count=f"{count:,}")
            )
        elif row is None:
            window.position_label.setText(self.tr("Document #{id}").format(id=document))
        else:
            window.position_label.setText(
                self.tr("Document {number} of {count}").format(number=row + 1, count=f"{count:,}")
            )
        self.update_selection()

    def update_selection(self) -> None:
        editor, label = self.window.editor, self.window.selection_label
        if editor.selected_span is not None and editor.selected_span in editor.layer.spans:
            span = editor.layer.spans[editor.selected_span]
            style = editor.layer.styles.get(span.label_id)
            label.setText(
                f"{style.name if style else '?'} {offsets(span.start, span.end)} · "
                f"{_status_text(editor.text[span.start : span.end])}"
            )
            return
        pending = editor.pending_selection()
        if pending is None:
            label.setText("")
        else:
            template = (
                self.tr("selection {offsets} · {text} · exact")
                if pending.exact
                else self.tr("selection {offsets} · {text}")
            )
            label.setText(
                template.format(
                    offsets=offsets(pending.start, pending.end), text=_status_text(pending.text)
                )
            )


def _status_text(text: str, limit: int = 32) -> str:
    """A short, bidi-isolated copy of `text` for the LTR status bar."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"\u2068{text}\u2069"
