"""F1: every key binding, generated from ui.bindings and the project's labels."""

from __future__ import annotations

from html import escape

from core.schema.model import LabelInfo
from ui import bindings
from ui.keys import arabic_equivalent
from ui.qt import QtWidgets


def shortcuts_html(labels: list[LabelInfo]) -> str:
    sections: dict[str, list[tuple[str, str]]] = {}
    for b in bindings.BINDINGS:
        text = bindings.native_text(b.id) or "—"
        scope = " (in the text)" if b.scope == bindings.EDITOR else ""
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
        "ض acts as q, ٢ as 2 and so on. Other bindings can be changed in the "
        "<code>[shortcuts]</code> section of the settings file.</p>"
    )
    return "".join(parts)


class ShortcutsDialog(QtWidgets.QDialog):
    def __init__(self, labels: list[LabelInfo], parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.browser = QtWidgets.QTextBrowser()
        self.browser.setHtml(shortcuts_html(labels))
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 720)
