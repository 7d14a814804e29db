"""Ctrl+F: find in the open document with Arabic folding, every match highlighted."""

from __future__ import annotations

from core.text.fold import FoldedText, fold
from ui.icons import icon
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal


class FindBar(QtWidgets.QFrame):
    match_chosen = Signal(int, int)  # start, end of the current match
    hits_changed = Signal(list, int)  # all matches, index of the current one
    closed = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.query = QtWidgets.QLineEdit()
        self.query.setPlaceholderText(
            self.tr("Find in this document (hamza, alef maksura, diacritics folded)")
        )
        self.query.setClearButtonEnabled(True)
        self.count = QtWidgets.QLabel("")
        self.count.setProperty("role", "muted")
        self.count.setMinimumWidth(90)
        previous = QtWidgets.QToolButton()
        previous.setToolTip(self.tr("Previous match (Shift+Enter, Shift+F3)"))
        following = QtWidgets.QToolButton()
        following.setToolTip(self.tr("Next match (Enter, F3)"))
        close = QtWidgets.QToolButton()
        close.setToolTip(self.tr("Close (Esc)"))
        for button in (previous, following, close):
            button.setAutoRaise(True)
        self._buttons = {
            "mdi6.chevron-up": previous,
            "mdi6.chevron-down": following,
            "mdi6.close": close,
        }
        self.refresh_icons()
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        previous.clicked.connect(self.previous)
        following.clicked.connect(self.next)
        close.clicked.connect(self.close_bar)
        self.query.textChanged.connect(self._search)
        self.query.installEventFilter(self)
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self._folded: FoldedText | None = None
        self._text = ""
        self._teh_marbuta = True
        self.hide()

    def refresh_icons(self) -> None:
        for name, button in self._buttons.items():
            button.setIcon(icon(name))

    def set_text(self, text: str, teh_marbuta: bool = True) -> None:
        self._text = text
        self._teh_marbuta = teh_marbuta
        self._folded = None
        if self.isVisible():
            self._search()
        else:
            self.hits, self.current = [], -1

    def open_bar(self, initial: str = "") -> None:
        self.show()
        if initial and "\n" not in initial:
            self.query.setText(initial)
        self.query.setFocus()
        self.query.selectAll()
        self._search()

    def close_bar(self) -> None:
        self.hide()
        self.hits, self.current = [], -1
        self.hits_changed.emit([], -1)
        self.closed.emit()

    def _search(self) -> None:
        query = fold(self.query.text(), self._teh_marbuta).strip()
        if not query or not self._text:
            self.hits, self.current = [], -1
        else:
            if self._folded is None:
                self._folded = FoldedText(self._text, self._teh_marbuta)
            self.hits = self._folded.find_all(query)
            self.current = 0 if self.hits else -1
        self._report()

    def _report(self) -> None:
        if not self.query.text().strip():
            self.count.setText("")
        elif not self.hits:
            self.count.setText(self.tr("no matches"))
        else:
            self.count.setText(
                self.tr("{number} of {count}").format(number=self.current + 1, count=len(self.hits))
            )
        self.hits_changed.emit(list(self.hits), self.current)
        if self.current >= 0:
            self.match_chosen.emit(*self.hits[self.current])

    def next(self) -> None:
        if self.hits:
            self.current = (self.current + 1) % len(self.hits)
            self._report()

    def previous(self) -> None:
        if self.hits:
            self.current = (self.current - 1) % len(self.hits)
            self._report()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            watched is self.query
            and isinstance(event, QtGui.QKeyEvent)
            and event.type() == QtCore.QEvent.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous()
                else:
                    self.next()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
