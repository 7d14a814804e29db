"""Window settings (dock layout, geometry, theme, font, zoom, shortcut overrides).

One INI file in the user's config folder (the same folder as core.project.appstate,
so TAWSIM_HOME isolates tests and portable installs): never the registry or
a plist, so the file can be read, copied and deleted by hand.
"""

from __future__ import annotations

from core.project.appstate import config_dir
from ui.qt import QtCore

SETTINGS_FILE = "window.ini"


def settings_path() -> str:
    return str(config_dir() / SETTINGS_FILE)


def ui_settings() -> QtCore.QSettings:
    config_dir().mkdir(parents=True, exist_ok=True)
    return QtCore.QSettings(settings_path(), QtCore.QSettings.Format.IniFormat)


def value(key: str, default, kind=None):
    """A setting converted to the type of `default` (INI files store text)."""
    raw = ui_settings().value(key, default)
    kind = kind or type(default)
    try:
        if kind is bool and isinstance(raw, str):
            return raw.lower() in ("1", "true", "yes")
        return kind(raw)
    except (TypeError, ValueError):
        return default


def set_value(key: str, data) -> None:
    settings = ui_settings()
    settings.setValue(key, data)
    settings.sync()
