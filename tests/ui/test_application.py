"""The application as the desktop sees it: its desktop entry, and the language it starts
in (the one chosen in View > Language, else the system's)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core.version import APP_ID
from tests.conftest import PACKAGING, ROOT, subprocess_env
from ui import i18n, settings
from ui.app import make_application
from ui.qt import Qt


def test_the_application_belongs_to_the_menu_entry_packaging_installs():
    app = make_application()
    assert app.desktopFileName() == APP_ID
    assert (PACKAGING / f"{APP_ID}.desktop").is_file()
    assert app.applicationName() == "Tawsim"


def test_the_application_starts_in_the_language_chosen(monkeypatch, translations: Path):
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", translations)
    settings.set_value(i18n.SETTING, i18n.ARABIC)
    app = make_application()
    assert i18n.language() == i18n.ARABIC
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert i18n.translate("", "&File") == "ملف"
    settings.set_value(i18n.SETTING, i18n.ENGLISH)
    make_application()
    assert i18n.language() == i18n.ENGLISH
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight


def system_language_under(locale: str) -> str:
    env = subprocess_env(LANG=locale, LC_ALL=locale, QT_QPA_PLATFORM="offscreen")
    code = "from ui.i18n import system_language; print(system_language())"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_a_choice_the_system_locale_decides():
    assert system_language_under("ar_EG.UTF-8") == i18n.ARABIC
    assert system_language_under("fr_FR.UTF-8") == i18n.ENGLISH
