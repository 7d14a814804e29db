"""F1: every key binding, generated from ui.bindings and the project's labels; and
Change keys: any binding given other keys (checked against the others, kept in the
settings file, in force at once)."""

from __future__ import annotations

from html import escape

from core.schema.model import LabelInfo
from ui import bindings, settings
from ui.keys import arabic_equivalent
from ui.qt import Qt, QtGui, QtWidgets, Signal


def shortcuts_html(labels: list[LabelInfo]) -> str:
    sections: dict[str, list[tuple[str, str]]] = {}
    for b in bindings.BINDINGS:
        text = bindings.native_text(b.id) or "—"
        scope = {
            bindings.EDITOR: " (in the text)",
            bindings.SUGGESTION: " (on a suggestion in the text)",
        }.get(b.scope, "")
        sections.setdefault(b.section, []).append((text, b.description + scope))
    label_rows = []
    for label in labels:
        if label.shortcut:
            arabic = arabic_equivalent(label.shortcut)
            keys = label.shortcut + (f" / {arabic}" if arabic else "")
            label_rows.append((keys, f"{label.key} — {label.name_en} · {label.name_ar}"))
    parts = ["<h2>Keyboard shortcuts</h2>"]
    if label_rows:
        sections = {
            "Labels (select text first; with an annotation selected: relabel)": label_rows,
            **sections,
        }
    for section, rows in sections.items():
        parts.append(f"<h3>{escape(section)}</h3><table cellspacing='0' cellpadding='3'>")
        for keys, description in rows:
            parts.append(
                f"<tr><td style='padding-right:18px'><b>{escape(keys)}</b></td>"
                f"<td>{escape(description)}</td></tr>"
            )
        parts.append("</table>")
    parts.append(
        "<p>With an Arabic keyboard layout active, label keys still work: the key that types "
        "ض acts as q, ٢ as 2 and so on. Every other binding can be changed with "
        "<b>Change keys…</b> below.</p>"
    )
    return "".join(parts)


class ShortcutsDialog(QtWidgets.QDialog):
    def __init__(self, labels: list[LabelInfo], parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.labels = labels
        self.browser = QtWidgets.QTextBrowser()
        self.browser.setHtml(shortcuts_html(labels))
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.change_button = buttons.addButton(
            "Change keys…", QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.change_button.clicked.connect(self.change_keys)
        buttons.rejected.connect(self.close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 720)

    def change_keys(self) -> KeyBindingsDialog:
        dialog = KeyBindingsDialog(self)
        dialog.changed.connect(lambda: self.browser.setHtml(shortcuts_html(self.labels)))
        parent = self.parentWidget()
        if parent is not None and hasattr(parent, "apply_bindings"):
            dialog.changed.connect(parent.apply_bindings)
        dialog.show()
        return dialog


class KeyBindingsDialog(QtWidgets.QDialog):
    """Every binding with its keys; choose one, press the new keys, Set. A key another
    binding already uses where this one works is refused, naming that binding."""

    changed = Signal()

    DESCRIPTION, KEYS = range(2)

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Change keys")
        self.table = QtWidgets.QTreeWidget()
        self.table.setHeaderLabels(["What", "Keys"])
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.header().setStretchLastSection(False)
        self.table.header().setSectionResizeMode(
            self.DESCRIPTION, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.table.header().setSectionResizeMode(
            self.KEYS, QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.currentItemChanged.connect(lambda *_: self._show_current())
        self.editor = QtWidgets.QKeySequenceEdit()
        self.editor.setMaximumSequenceLength(1)
        self.set_button = QtWidgets.QPushButton("Set")
        self.add_button = QtWidgets.QPushButton("Add")
        self.clear_button = QtWidgets.QPushButton("No keys")
        self.default_button = QtWidgets.QPushButton("Default")
        self.set_button.clicked.connect(lambda: self.assign(replace=True))
        self.add_button.clicked.connect(lambda: self.assign(replace=False))
        self.clear_button.clicked.connect(lambda: self._store(()))
        self.default_button.clicked.connect(lambda: self._store(None))
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel("New keys:"))
        row.addWidget(self.editor, 1)
        for button in (self.set_button, self.add_button, self.clear_button, self.default_button):
            row.addWidget(button)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(720, 620)
        self._fill()

    def _fill(self) -> None:
        current = self.current_id()
        self.table.clear()
        for b in bindings.BINDINGS:
            item = QtWidgets.QTreeWidgetItem([b.description, bindings.native_text(b.id) or "—"])
            item.setData(self.DESCRIPTION, Qt.ItemDataRole.UserRole, b.id)
            item.setToolTip(self.DESCRIPTION, f"{b.section} · {b.id}")
            self.table.addTopLevelItem(item)
            if b.id == current:
                self.table.setCurrentItem(item)
        first = self.table.topLevelItem(0)
        if self.table.currentItem() is None and first is not None:
            self.table.setCurrentItem(first)

    def current_id(self) -> str | None:
        item = self.table.currentItem()
        return None if item is None else str(item.data(self.DESCRIPTION, Qt.ItemDataRole.UserRole))

    def _show_current(self) -> None:
        binding_id = self.current_id()
        if binding_id is not None:
            keys = bindings.keys(binding_id)
            self.editor.setKeySequence(QtGui.QKeySequence(keys[0] if keys else ""))

    def assign(self, replace: bool) -> bool:
        """Give the chosen binding the keys in the editor (instead of, or besides, its own)."""
        binding_id = self.current_id()
        key = self.editor.keySequence().toString(QtGui.QKeySequence.SequenceFormat.PortableText)
        if binding_id is None or not key:
            self.message.setText("Choose a binding, then press the new keys.")
            return False
        taken = bindings.clashes(binding_id, key)
        if taken:
            self.message.setText(
                f"{key} already does “{taken[0].description}”; give that one other keys first."
            )
            return False
        scope = bindings.binding(binding_id).scope
        in_text = (bindings.WINDOW, bindings.EDITOR, bindings.SUGGESTION)
        if scope in in_text and _unmodified_letter_or_digit(key):
            self.message.setText(f"{key} alone is a label key in the text; add Ctrl or Alt to it.")
            return False
        kept = () if replace else tuple(k for k in bindings.keys(binding_id) if k != key)
        self._store((*kept, key))
        return True

    def _store(self, keys: tuple[str, ...] | None) -> None:
        binding_id = self.current_id()
        if binding_id is None:
            return
        bindings.set_keys(settings.ui_settings(), binding_id, keys)
        shown = bindings.native_text(binding_id) or "no keys"
        self.message.setText(f"“{bindings.binding(binding_id).description}”: {shown}.")
        self._fill()
        self.changed.emit()


def _unmodified_letter_or_digit(key: str) -> bool:
    """ "A", "Shift+7": a key that types a label key in the text."""
    *modifiers, last = key.split("+") if key != "+" else ["+"]
    return set(modifiers) <= {"Shift"} and len(last) == 1 and last.isalnum()
