"""Toolbar and button icons (qtawesome) in the colours of the current theme."""

from __future__ import annotations

import qtawesome

from ui.qt import QtGui
from ui.theme import colors, current_theme


def icon(name: str, color: str | None = None) -> QtGui.QIcon:
    c = colors(current_theme())
    return qtawesome.icon(name, color=color or c.text, color_disabled=c.muted)
