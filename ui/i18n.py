"""The interface's language: which one, its Qt translators and layout direction, and
names and messages shown in it.

The language is the one chosen in View > Language (the `view/language` setting), else
the system's: Arabic when the system locale is Arabic, English otherwise. `install` loads
Tawsim's catalogue (resources/translations/tawsim_LANG.qm, compiled from the .ts by
`make`), Qt's own for its dialogs, and lays the interface out right to left for Arabic.

Every text the window shows goes through Qt's translation system: `self.tr("...")` in
QObject subclasses and in classes deriving from `Translatable` (the window's parts and
other plain classes), `translate("Context", "...")` elsewhere (QCoreApplication's, also
importable from here). Plural forms pass the count, `self.tr("%n file(s)", None, n)`, or
`Plural.tr(...)` outside a class: pyside6-lupdate marks only tr() calls as plural forms;
`make translations` extracts them all into resources/translations/ (docs/translating.md).
What core builds for people is a `models.messages.Message`, shown by `text_of`; labels,
event types, roles and stance targets are shown by `name_of`, in the interface's language.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from core.messages import MESSAGE_CONTEXT, Message, Named
from core.resources import resource_path
from ui import settings
from ui.qt import Qt, QtCore, QtWidgets

ARABIC, ENGLISH = "ar", "en"
LANGUAGES = {ARABIC: "العربية", ENGLISH: "English"}  # each named in itself
SETTING = "view/language"
TRANSLATIONS_DIR = resource_path("translations")
translate = QtCore.QCoreApplication.translate

_language = ENGLISH  # the interface's language, set by `install`
_translators: list[QtCore.QTranslator] = []


def language() -> str:
    return _language


def is_arabic() -> bool:
    return _language == ARABIC


def system_language() -> str:
    arabic = QtCore.QLocale.system().language() == QtCore.QLocale.Language.Arabic
    return ARABIC if arabic else ENGLISH


def chosen_language() -> str:
    """The language chosen in View > Language, else the system's."""
    chosen = settings.value(SETTING, "")
    return chosen if chosen in LANGUAGES else system_language()


def install(app: QtWidgets.QApplication, language: str, folder: Path | None = None) -> None:
    """Speak `language` from now on: Tawsim's catalogue from `folder` (default:
    resources/translations), Qt's own for its dialogs and buttons, and the layout
    direction. Windows built afterwards are in that language; a catalogue that is
    missing (a source tree where `make` has not compiled it) leaves English, said on
    stderr unless English was asked for."""
    global _language
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    folder = folder or TRANSLATIONS_DIR
    ours = QtCore.QTranslator(app)
    if not ours.load(f"tawsim_{language}", str(folder)):
        if language != ENGLISH:  # English without its catalogue only says "%n file(s)"
            print(f"Tawsim: no {folder / f'tawsim_{language}.qm'}; run `make`", file=sys.stderr)
            install(app, ENGLISH, folder)
            return
    else:
        app.installTranslator(ours)
        _translators.append(ours)
    if language != ENGLISH:
        qt = QtCore.QTranslator(app)
        qt_folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QtCore.QLocale(language), "qtbase", "_", qt_folder):
            app.installTranslator(qt)
            _translators.append(qt)
    _language = language
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if language == ARABIC else Qt.LayoutDirection.LeftToRight
    )


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's mark (pyside6-lupdate extracts `text` under `context`) for text declared as
    data and translated where it is shown; typed, unlike PySide6's."""
    return text


def QT_TR_NOOP(text: str) -> str:
    """The same without a context: files `text` under MESSAGE_CONTEXT, as `Message`."""
    return text


class Translatable:
    """`self.tr` for classes that are not QObjects, with the same context a QObject's
    has: the class's own name (which is what pyside6-lupdate files the text under, so a
    subclass must not inherit the calls; the translation test checks it). Called on the
    class, `Name.tr(...)`, it is filed under "Name" too."""

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate(cls.__name__, text, disambiguation, n)


class Plural(Translatable):
    """Plural forms in functions outside a class: `Plural.tr("%n file(s)", None, n)`."""


def name_of(item: Named) -> str:
    """A label's, event type's, role's or stance target's name in the interface's
    language; the other language's name when it has none, its key only when it has no
    name at all."""
    first, second = (item.name_ar, item.name_en) if is_arabic() else (item.name_en, item.name_ar)
    return first or second or item.key


def text_of(value: Any) -> str:
    """A message in the interface's language (anything else as its text)."""
    if isinstance(value, Message):
        template = translate(MESSAGE_CONTEXT, value.template)
        if not value.fields:
            return template
        return template.format(**{k: _field(v) for k, v in value.fields.items()})
    if isinstance(value, Named):
        return name_of(value)
    if isinstance(value, tuple):
        return list_text(text_of(item) for item in value)
    return str(value)


def _field(value: Any) -> Any:
    """A message's field in the interface's language; numbers stay numbers, so that the
    template's format spec ("{count:,}") applies."""
    if isinstance(value, (Message, tuple, Named)):
        return text_of(value)
    return value


def error_text(err: BaseException) -> str:
    """What went wrong, in the interface's language when core said it as a Message."""
    if len(err.args) == 1 and isinstance(err.args[0], Message):
        return text_of(err.args[0])
    return str(err)


def list_text(items: Any) -> str:
    """Items separated as the language separates them ("a, b" or "a، b")."""
    return translate("Lists", ", ").join(items)
