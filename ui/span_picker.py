"""Choosing an entity annotation by clicking it in the text.

The event panel asks for an argument ("click the Employer"), the stance panel for a
holder or a target. One request at a time per window (`SpanPicker.of(window)`): the
strip above the text says what is being chosen, the mouse pointer becomes a cross,
the next click on an annotation the request accepts answers it, and Esc in the text,
another document or another request cancels it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ui.notice import INFO
from ui.qt import Qt, QtCore, Signal

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class SpanPicker(QtCore.QObject):
    changed = Signal()  # a request started or ended

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.prompt = ""
        self._callback: Callable[[int], object] | None = None
        self._accepts: Callable[[int], bool] | None = None
        editor = window.editor
        editor.clicked.connect(self._on_click)
        editor.escape_pressed.connect(self.cancel)
        editor.document_shown.connect(lambda _document: self.cancel())
        window.project_changed.connect(lambda _project: self.cancel())

    @classmethod
    def of(cls, window: MainWindow) -> SpanPicker:
        found: SpanPicker | None = getattr(window, "_span_picker", None)
        if found is None:
            found = window._span_picker = cls(window)
        return found

    @property
    def active(self) -> bool:
        return self._callback is not None

    def start(
        self,
        prompt: str,
        callback: Callable[[int], object],  # what it returns is not used
        accepts: Callable[[int], bool] | None = None,
    ) -> None:
        """Wait for a click on an annotation (one that `accepts(span id)`), then call
        `callback(span id)`."""
        self.cancel()
        self.prompt = prompt
        self._callback, self._accepts = callback, accepts
        self.window.editor.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.window.notice.show_message(
            self.tr("{prompt} — Esc cancels.").format(prompt=prompt), INFO, seconds=3600
        )
        self.window.editor.setFocus()
        self.changed.emit()

    def cancel(self) -> None:
        if not self.active:
            return
        self._end()
        self.window.notice.hide()

    def _end(self) -> None:
        self._callback = self._accepts = None
        self.prompt = ""
        self.window.editor.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.changed.emit()

    def _on_click(self, _position: int, hits: list[int]) -> None:
        callback, accepts = self._callback, self._accepts
        if callback is None:  # nothing is being chosen
            return
        accepted = [h for h in hits if accepts is None or accepts(h)]
        if not accepted:
            if hits:
                self.window.notice.show_message(
                    self.tr("That annotation does not fit. {prompt} — Esc cancels.").format(
                        prompt=self.prompt
                    ),
                    INFO,
                    seconds=3600,
                )
            return
        self._end()
        self.window.notice.hide()
        callback(accepted[0])
