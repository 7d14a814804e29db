"""The window's menus and toolbar, built from the tables in ui.bindings (`MENU_BAR`,
`TOOLBAR`), so the menu entries and their keys are declared in one place.

Every entry goes through `window.add_action`, the same call extensions use for entries
of their own; handlers are resolved here, once, so a misspelt one fails at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from core.messages import MESSAGE_CONTEXT
from ui import bindings
from ui.bindings import Entry, Handler, Submenu
from ui.i18n import translate
from ui.icons import icon
from ui.qt import Qt, QtCore, QtGui, QtWidgets
from ui.theme import DARK, LIGHT, current_theme

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def resolve(window: MainWindow, handler: Handler) -> Callable[..., Any]:
    """What a table's handler calls: a window attribute's path ("annotating.undo"), a
    "module:function" of the window, or a function of the window."""
    if callable(handler):
        return partial(handler, window)
    if ":" in handler:
        module, name = handler.split(":")
        return partial(getattr(importlib.import_module(module), name), window)
    return attrgetter(handler)(window)


def build_menus(window: MainWindow) -> dict[str, QtWidgets.QMenu]:
    """The menu bar from `bindings.MENU_BAR`; returns every menu (submenus too) by name."""
    menus: dict[str, QtWidgets.QMenu] = {}
    bar = window.menuBar()
    for name, title, items in bindings.MENU_BAR:
        menus[name] = bar.addMenu(translate(MESSAGE_CONTEXT, title))
        _fill(window, menus, menus[name], items)
    return menus


def _fill(
    window: MainWindow,
    menus: dict[str, QtWidgets.QMenu],
    menu: QtWidgets.QMenu,
    items: tuple[bindings.MenuItem, ...],
) -> None:
    group: QtGui.QActionGroup | None = None  # the menu's exclusive entries
    for item in items:
        if item is bindings.SEPARATOR:
            menu.addSeparator()
        elif isinstance(item, Submenu):
            menus[item.name] = menu.addMenu(translate(MESSAGE_CONTEXT, item.text))
            if item.on_show is not None:
                menus[item.name].aboutToShow.connect(resolve(window, item.on_show))
            _fill(window, menus, menus[item.name], item.entries)
        else:
            action = _add(window, menu, item)
            if item.exclusive:
                group = group or QtGui.QActionGroup(window)
                group.addAction(action)


def _add(window: MainWindow, menu: QtWidgets.QMenu, entry: Entry) -> QtGui.QAction:
    bound = entry.id in bindings.BINDING_IDS
    shown_keys = None
    if entry.standard_keys is not None:
        keys = QtGui.QKeySequence(getattr(QtGui.QKeySequence.StandardKey, entry.standard_keys))
        shown_keys = keys.toString(QtGui.QKeySequence.SequenceFormat.NativeText)
    return window.add_action(
        menu,
        translate(MESSAGE_CONTEXT, entry.text),
        resolve(window, entry.handler),
        binding=entry.id if bound else None,
        id=None if bound else entry.id,
        icon_name=entry.icon,
        checkable=entry.checkable,
        shown_keys=shown_keys,
        needs_project=not entry.anytime,
    )


def show_keys(action: QtGui.QAction) -> None:
    """The action's binding's current keys: a shortcut for window-scope bindings,
    shown beside the text for the others (the editor or a panel handles those)."""
    binding_id, text = str(action.property("binding")), str(action.property("base_text"))
    shown = bindings.native_text(binding_id)
    if bindings.binding(binding_id).scope == bindings.WINDOW:
        action.setShortcuts(bindings.sequences(binding_id))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setText(text)
    else:
        action.setText(f"{text}\t{shown}" if shown else text)
    action.setToolTip(
        translate("MainWindow", "{action} ({keys})").format(
            action=text.replace("&", "").rstrip("…"),
            keys=shown or translate("MainWindow", "no keys"),
        )
    )


def build_toolbar(window: MainWindow) -> QtWidgets.QToolBar:
    """The toolbar from `bindings.TOOLBAR`, and the theme button at its end."""
    bar = window.addToolBar(translate("Menus", "Main toolbar"))
    bar.setObjectName("toolbar-main")
    bar.setIconSize(QtCore.QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for entry_id in bindings.TOOLBAR:
        if entry_id is None:
            bar.addSeparator()
        else:
            bar.addAction(window.actions[entry_id])
    button = window.theme_button = QtWidgets.QToolButton()
    button.setIcon(icon("mdi6.theme-light-dark"))
    button.setToolTip(translate("Menus", "Light or dark theme"))
    button.clicked.connect(lambda: window.set_theme(DARK if current_theme() == LIGHT else LIGHT))
    bar.addWidget(button)
    return bar
