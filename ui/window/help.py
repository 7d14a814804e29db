"""Help: the keyboard shortcuts sheet (F1) and About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.dialogs.shortcuts import ShortcutsDialog, shortcuts_html
from ui.i18n import Translatable
from ui.qt import QtWidgets

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class Help(Translatable):
    def __init__(self, window: MainWindow):
        self.window = window
        self._shortcuts: ShortcutsDialog | None = None

    def show_shortcuts(self) -> ShortcutsDialog:
        project = self.window.project
        # entity labels and event types share the keys of the text
        labels = self.window.labels + (project.schema.event_types if project else [])
        if self._shortcuts is None:
            self._shortcuts = ShortcutsDialog(labels, self.window)
        else:
            self._shortcuts.browser.setHtml(shortcuts_html(labels))
        self._shortcuts.show()
        self._shortcuts.raise_()
        return self._shortcuts

    def about(self) -> None:
        from core.version import APP_VERSION

        QtWidgets.QMessageBox.about(
            self.window,
            self.tr("About Tawsim"),
            self.tr(
                "<h3>Tawsim {version}</h3><p>Annotation of entities, events and stances in "
                "Arabic news.</p><p>GPL-3.0-or-later. Text font: Amiri (SIL Open Font License).</p>"
            ).format(version=APP_VERSION),
        )
