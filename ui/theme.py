"""Light and dark themes: a Fusion palette, a few style rules, and label colour tints."""

from __future__ import annotations

from dataclasses import dataclass

from ui.qt import QtCore, QtGui, QtWidgets

LIGHT, DARK = "light", "dark"
THEMES = (LIGHT, DARK)


@dataclass(frozen=True)
class ThemeColors:
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    highlight: str
    highlighted_text: str
    button: str
    link: str
    notice_error: str
    notice_info: str
    notice_warning: str
    search_hit: str
    search_current: str
    tint_strength: float  # how much of a label's colour goes into its background


COLORS = {
    LIGHT: ThemeColors(
        window="#efeff1",
        base="#ffffff",
        alternate="#f6f6f8",
        text="#1d1d1f",
        muted="#6b6b72",
        highlight="#2f6fd0",
        highlighted_text="#ffffff",
        button="#e6e6ea",
        link="#2f6fd0",
        notice_error="#f9dcdc",
        notice_info="#dceaf9",
        notice_warning="#fbeccd",
        search_hit="#ffe066",
        search_current="#ff9f1c",
        tint_strength=0.26,
    ),
    DARK: ThemeColors(
        window="#2a2b2e",
        base="#1d1e21",
        alternate="#242529",
        text="#e4e4e6",
        muted="#9a9aa2",
        highlight="#3d78d8",
        highlighted_text="#ffffff",
        button="#35363a",
        link="#7fb0ff",
        notice_error="#5a2a2a",
        notice_info="#24405f",
        notice_warning="#5a4520",
        search_hit="#7a6514",
        search_current="#b5650a",
        tint_strength=0.42,
    ),
}


def colors(theme: str) -> ThemeColors:
    return COLORS.get(theme, COLORS[LIGHT])


def palette(theme: str) -> QtGui.QPalette:
    c = colors(theme)
    role = QtGui.QPalette.ColorRole
    group = QtGui.QPalette.ColorGroup
    pal = QtGui.QPalette()
    for r, value in (
        (role.Window, c.window),
        (role.WindowText, c.text),
        (role.Base, c.base),
        (role.AlternateBase, c.alternate),
        (role.Text, c.text),
        (role.PlaceholderText, c.muted),
        (role.Button, c.button),
        (role.ButtonText, c.text),
        (role.BrightText, "#ff5555"),
        (role.Highlight, c.highlight),
        (role.HighlightedText, c.highlighted_text),
        (role.ToolTipBase, c.base),
        (role.ToolTipText, c.text),
        (role.Link, c.link),
        (role.Mid, c.muted),
    ):
        pal.setColor(r, QtGui.QColor(value))
    for r in (role.Text, role.WindowText, role.ButtonText):
        pal.setColor(group.Disabled, r, QtGui.QColor(c.muted))
    return pal


def style_sheet(theme: str) -> str:
    c = colors(theme)
    return f"""
QDockWidget::title {{ padding: 4px 6px; background: {c.button}; }}
QFrame#notice[kind="error"] {{ background: {c.notice_error}; border-radius: 4px; }}
QFrame#notice[kind="info"] {{ background: {c.notice_info}; border-radius: 4px; }}
QFrame#notice[kind="warning"] {{ background: {c.notice_warning}; border-radius: 4px; }}
QFrame#selectionPreview {{ background: {c.alternate}; border-bottom: 1px solid {c.button}; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel#previewText {{ background: {c.base}; border: 1px solid {c.muted}; border-radius: 3px;
    padding: 0 6px; }}
QToolTip {{ color: {c.text}; background: {c.base}; border: 1px solid {c.muted}; }}
"""


def apply_theme(app: QtWidgets.QApplication, theme: str) -> None:
    app.setStyle("Fusion")
    app.setPalette(palette(theme))
    app.setStyleSheet(style_sheet(theme))
    app.setProperty("tawsim_theme", theme)


def current_theme(app: QtCore.QCoreApplication | None = None) -> str:
    app = app or QtCore.QCoreApplication.instance()
    value = app.property("tawsim_theme") if app is not None else None
    return value if value in THEMES else LIGHT


def tint(color: str | QtGui.QColor, theme: str) -> QtGui.QColor:
    """A label colour mixed into the text background, light enough to read text on."""
    c = colors(theme)
    fg = QtGui.QColor(color)
    bg = QtGui.QColor(c.base)
    a = c.tint_strength
    return QtGui.QColor(
        round(fg.red() * a + bg.red() * (1 - a)),
        round(fg.green() * a + bg.green() * (1 - a)),
        round(fg.blue() * a + bg.blue() * (1 - a)),
    )


def on_color(color: str | QtGui.QColor) -> QtGui.QColor:
    """Black or white, whichever reads better on `color`."""
    c = QtGui.QColor(color)
    luminance = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()
    return QtGui.QColor("#000000" if luminance > 0.55 else "#ffffff")
