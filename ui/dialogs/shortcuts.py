"""F1: every key binding, generated from ui.bindings and the project's labels; and
Change keys: any binding given other keys (checked against the others, kept in the
settings file, in force at once)."""

from __future__ import annotations

from html import escape

from core.schema.model import LabelInfo
from ui import bindings, settings
from ui.bidi import LRI, PDI
from ui.i18n import name_of, translate
from ui.keys import arabic_equivalent
from ui.qt import Qt, QtGui, QtWidgets, Signal


def shortcuts_html(labels: list[LabelInfo]) -> str:
    sections: dict[str, list[tuple[str, str]]] = {}
    for b in bindings.BINDINGS:
        text = bindings.native_text(b.id) or "—"
        described = b.described
        if b.scope == bindings.EDITOR:
            described = translate("ShortcutsSheet", "{description} (in the text)").format(
                description=described
            )
        elif b.scope == bindings.SUGGESTION:
            described = translate(
                "ShortcutsSheet", "{description} (on a suggestion in the text)"
            ).format(description=described)
        section = translate("Bindings", b.section)
        sections.setdefault(section, []).append((text, described))
    label_rows = []
    for label in labels:
        if label.shortcut:
            arabic = arabic_equivalent(label.shortcut)
            keys = label.shortcut + (f" / {arabic}" if arabic else "")
            label_rows.append((keys, name_of(label)))
    title = translate("ShortcutsSheet", "Keyboard shortcuts")
    parts = [f"<h2>{escape(title)}</h2>"]
    if label_rows:
        labels_section = translate(
            "ShortcutsSheet", "Labels (select text first; with an annotation selected: relabel)"
        )
        sections = {labels_section: label_rows, **sections}
    for section, rows in sections.items():
        parts.append(f"<h3>{escape(section)}</h3><table cellspacing='0' cellpadding='3'>")
        for keys, description in rows:
            # the keys isolated: "Alt+," keeps its comma last in a right-to-left row
            parts.append(
                f"<tr><td style='padding-right:18px;padding-left:18px'>"
                f"<b>{LRI}{escape(keys)}{PDI}</b></td><td>{escape(description)}</td></tr>"
            )
        parts.append("</table>")
    parts.append(
        "<p>"
        + translate(
            "ShortcutsSheet",
            "With an Arabic keyboard layout active, label keys still work: the key that types "
            "ض acts as q, ٢ as 2 and so on. Every other binding can be changed with "
            "<b>Change keys…</b> below.",
        )
        + "</p>"
    )
    return "".join(parts)


class ShortcutsDialog(QtWidgets.QDialog):
    def __init__(self, labels: list[LabelInfo], parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.labels = labels
        self.browser = QtWidgets.QTextBrowser()
        self.browser.setHtml(shortcuts_html(labels))
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.change_button = buttons.addButton(
            self.tr("Change keys…"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
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
        self.setWindowTitle(self.tr("Change keys"))
        self.table = QtWidgets.QTreeWidget()
        self.table.setHeaderLabels([self.tr("What"), self.tr("Keys")])
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
        self.set_button = QtWidgets.QPushButton(self.tr("Set"))
        self.add_button = QtWidgets.QPushButton(self.tr("Add"))
        self.clear_button = QtWidgets.QPushButton(self.tr("No keys"))
        self.default_button = QtWidgets.QPushButton(self.tr("Default"))
        self.set_button.clicked.connect(lambda: self.assign(replace=True))
        self.add_button.clicked.connect(lambda: self.assign(replace=False))
        self.clear_button.clicked.connect(lambda: self._store(()))
        self.default_button.clicked.connect(lambda: self._store(None))
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel(self.tr("New keys:")))
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
            item = QtWidgets.QTreeWidgetItem([b.described, bindings.native_text(b.id) or "—"])
            item.setData(self.DESCRIPTION, Qt.ItemDataRole.UserRole, b.id)
            item.setToolTip(self.DESCRIPTION, f"{translate('Bindings', b.section)} · {b.id}")
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
            self.message.setText(self.tr("Choose a binding, then press the new keys."))
            return False
        taken = bindings.clashes(binding_id, key)
        if taken:
            self.message.setText(
                self.tr("{key} already does “{action}”; give that one other keys first.").format(
                    key=key, action=taken[0].described
                )
            )
            return False
        scope = bindings.binding(binding_id).scope
        in_text = (bindings.WINDOW, bindings.EDITOR, bindings.SUGGESTION)
        if scope in in_text and _unmodified_letter_or_digit(key):
            self.message.setText(
                self.tr("{key} alone is a label key in the text; add Ctrl or Alt to it.").format(
                    key=key
                )
            )
            return False
        kept = () if replace else tuple(k for k in bindings.keys(binding_id) if k != key)
        self._store((*kept, key))
        return True

    def _store(self, keys: tuple[str, ...] | None) -> None:
        binding_id = self.current_id()
        if binding_id is None:
            return
        bindings.set_keys(settings.ui_settings(), binding_id, keys)
        shown = bindings.native_text(binding_id) or self.tr("no keys")
        self.message.setText(
            self.tr("“{action}”: {keys}.").format(
                action=bindings.binding(binding_id).described, keys=shown
            )
        )
        self._fill()
        self.changed.emit()


def _unmodified_letter_or_digit(key: str) -> bool:
    """ "A", "Shift+7": a key that types a label key in the text."""
    *modifiers, last = key.split("+") if key != "+" else ["+"]
    return set(modifiers) <= {"Shift"} and len(last) == 1 and last.isalnum()
