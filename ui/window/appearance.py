"""How the window looks: the light or dark theme, the text's size and font, the
interface's language (kept in the window settings, see ui.settings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui import i18n, settings
from ui.fonts import DEFAULT_POINT_SIZE, text_font
from ui.i18n import LANGUAGES, Translatable
from ui.icons import icon
from ui.qt import QtGui, QtWidgets, application
from ui.theme import LIGHT, THEMES, apply_theme

if TYPE_CHECKING:
    from ui.main_window import MainWindow

MIN_POINT_SIZE, MAX_POINT_SIZE = 8, 48


class Appearance(Translatable):
    def __init__(self, window: MainWindow):
        self.window = window
        self._ticking = False

    @staticmethod
    def text_font() -> QtGui.QFont:
        """The text font the user chose last (the bundled Arabic font by default)."""
        family = settings.value("view/font_family", "") or None
        return text_font(family, settings.value("view/font_size", DEFAULT_POINT_SIZE, int))

    def check_saved_theme(self) -> None:
        theme = settings.value("view/theme", LIGHT)
        self.window.actions[f"view.theme_{theme if theme in THEMES else LIGHT}"].setChecked(True)

    def check_language(self) -> None:
        """Tick the language the window speaks: nobody chose it, the system's language
        stays the default (the action's group must see the change, so signals flow)."""
        self._ticking = True
        try:
            self.window.actions[f"view.language_{i18n.language()}"].setChecked(True)
        finally:
            self._ticking = False

    def set_language(self, language: str) -> None:
        """Remember the interface's language (View > Language); the window is built in it
        from the next start."""
        if self._ticking:
            return
        settings.set_value(i18n.SETTING, language)
        if language == i18n.language():
            self.window.show_notice(
                self.tr("The interface is in {language}.").format(language=LANGUAGES[language])
            )
        else:
            self.window.show_notice(
                self.tr("The interface will be in {language} from Tawsim's next start.").format(
                    language=LANGUAGES[language]
                )
            )

    def set_theme(self, theme: str) -> None:
        window = self.window
        apply_theme(application(), theme)
        settings.set_value("view/theme", theme)
        window.actions[f"view.theme_{theme}"].setChecked(True)
        for action in window.findChildren(QtGui.QAction):
            name = action.property("icon_name")
            if name:
                action.setIcon(icon(name))
        for button in window.findChildren(QtWidgets.QAbstractButton):  # panels' and dialogs'
            name = button.property("icon_name")
            if name:
                button.setIcon(icon(name))
        window.theme_button.setIcon(icon("mdi6.theme-light-dark"))
        window.find_bar.refresh_icons()
        window.editor.set_labels(window.labels, theme)
        window.annotations.refresh()

    def zoom(self, step: int) -> None:
        editor = self.window.editor
        size = DEFAULT_POINT_SIZE if step == 0 else editor.font().pointSize() + step
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        settings.set_value("view/font_size", size)
        editor.apply_text_font(text_font(editor.font().family(), size))
        self.window.preview.refresh()
        self.window.statusBar().showMessage(self.tr("Text size {size} pt").format(size=size), 2000)

    def choose_font(self) -> None:
        editor = self.window.editor
        ok, font = QtWidgets.QFontDialog.getFont(editor.font(), self.window, self.tr("Text font"))
        if ok:
            settings.set_value("view/font_family", font.family())
            settings.set_value("view/font_size", font.pointSize())
            editor.apply_text_font(text_font(font.family(), font.pointSize()))
            self.window.preview.refresh()
