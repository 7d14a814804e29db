"""The bundled Arabic font (Amiri, OFL), registered with Qt at start-up."""

from __future__ import annotations

from core.resources import resource_path
from ui.qt import QtGui

BUNDLED_FAMILY = "Amiri"
DEFAULT_POINT_SIZE = 15
_loaded: list[str] = []


def load_bundled_fonts() -> str:
    """Register the fonts in resources/fonts; return the family to use for text."""
    if not _loaded:
        for path in sorted(resource_path("fonts").glob("*.ttf")):
            font_id = QtGui.QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _loaded.extend(QtGui.QFontDatabase.applicationFontFamilies(font_id))
    return BUNDLED_FAMILY if BUNDLED_FAMILY in _loaded else QtGui.QFont().family()


def text_font(family: str | None = None, point_size: int = DEFAULT_POINT_SIZE) -> QtGui.QFont:
    font = QtGui.QFont(family or load_bundled_fonts())
    font.setPointSize(point_size)
    return font
