"""Where the panels are: docks that scroll and remember their place, the first
arrangement, the text column kept at half the width at least, stale tab bars hidden, and
the layout saved on closing and restored on the next start (View > Reset layout puts
back the first arrangement).

Panels ask for a side as in English: left is where lines start. In a right-to-left
window (Arabic) the sides swap, as Qt does not mirror dock areas by itself, and the
layout is kept per direction: changing the language (it applies from the next start)
gives the arrangement of that language, never the other one's sides."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui import settings
from ui.qt import Qt, QtCore, QtWidgets, alive

if TYPE_CHECKING:
    from ui.main_window import MainWindow

LAYOUT_VERSION = 2  # 2: panels scroll, the text column keeps half the width
SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
MIRRORED = {SIDES[0]: SIDES[1], SIDES[1]: SIDES[0]}
STATE_KEYS = {  # the saved layout, per direction
    Qt.LayoutDirection.LeftToRight: "window/state",
    Qt.LayoutDirection.RightToLeft: "window/state_rtl",
}


class PanelArrangement:
    def __init__(self, window: MainWindow):
        self.window = window
        self._default_layout: QtCore.QByteArray | None = None  # the first arrangement

    def add_dock(
        self,
        panel_id: str,
        title: str,
        widget: QtWidgets.QWidget,
        area: Qt.DockWidgetArea,
        visible: bool,
        behind: str | None,
    ) -> QtWidgets.QDockWidget:
        """See MainWindow.add_panel."""
        window = self.window
        dock = QtWidgets.QDockWidget(title, window)
        dock.setObjectName(f"panel-{panel_id}")
        dock.setWidget(_scrolling(widget))
        window.panels[panel_id] = widget
        for signal in (dock.dockLocationChanged, dock.topLevelChanged, dock.visibilityChanged):
            signal.connect(self.tidy_tab_bars_soon)
        window.addDockWidget(self.placed(area), dock)
        dock.setVisible(visible)
        window.menu("panels").addAction(dock.toggleViewAction())
        window.docks[panel_id] = dock
        if self._default_layout is not None:  # added by an extension after start-up
            window.restoreDockWidget(dock)
        front = window.docks.get(behind) if behind is not None else None
        if front is not None:
            window.tabifyDockWidget(front, dock)
            front.raise_()
        return dock

    def placed(self, area: Qt.DockWidgetArea) -> Qt.DockWidgetArea:
        """Where a panel that asks for `area` goes in this window's direction."""
        if self.window.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            return MIRRORED.get(area, area)
        return area

    def arrange(self) -> None:
        """The first arrangement: the text in the middle with most of the width; labels
        and annotations where lines start (left in English, right in Arabic); documents
        (six rows at least) over events and stances on the other side. Kept for View >
        Reset layout; then the user's own layout of the last session is restored."""
        window, docks = self.window, self.window.docks
        window.resizeDocks(
            [docks["labels"], docks["documents"]], [270, 370], Qt.Orientation.Horizontal
        )
        window.resizeDocks(
            [docks["labels"], docks["annotations"]], [330, 400], Qt.Orientation.Vertical
        )
        right = [docks[name] for name in ("documents", "events") if name in docks]
        window.resizeDocks(right, [270, 460][: len(right)], Qt.Orientation.Vertical)
        self._default_layout = window.saveState(LAYOUT_VERSION)
        self._restore_layout()

    def _restore_layout(self) -> None:
        store = settings.ui_settings()
        geometry = store.value("window/geometry")
        state = store.value(self._state_key())
        if isinstance(geometry, QtCore.QByteArray):
            self.window.restoreGeometry(geometry)
        if isinstance(state, QtCore.QByteArray):
            self.window.restoreState(state, LAYOUT_VERSION)

    def save_layout(self) -> None:
        store = settings.ui_settings()
        store.setValue("window/geometry", self.window.saveGeometry())
        store.setValue(self._state_key(), self.window.saveState(LAYOUT_VERSION))
        store.sync()

    def _state_key(self) -> str:
        return STATE_KEYS[self.window.layoutDirection()]

    def reset_layout(self) -> None:
        if self._default_layout is not None:
            self.window.restoreState(self._default_layout, LAYOUT_VERSION)

    def resized(self) -> None:
        QtCore.QTimer.singleShot(0, self._keep_text_wide)
        self.tidy_tab_bars_soon()

    def tidy_tab_bars_soon(self, *_args: object) -> None:
        if alive(self.window):  # the docks say they are hidden while the window is deleted
            QtCore.QTimer.singleShot(0, self.window, self._hide_stale_tab_bars)

    def _hide_stale_tab_bars(self) -> None:
        """Hide the tab bars of tabbed panels that no group of panels uses any more.

        Qt 6.11 leaves some shown when a second group of tabbed panels is formed before
        the window first shows, or when a layout is restored: a bar of old tabs drawn
        over the status bar or another panel. A bar in use sits right under one of its
        panels."""
        window = self.window
        for bar in window.findChildren(QtWidgets.QTabBar):
            if bar.parent() is not window or not bar.isVisible():
                continue
            titles = {bar.tabText(i) for i in range(bar.count())}
            place = bar.geometry()
            in_use = any(
                dock.isVisible()
                and not dock.isFloating()
                and dock.windowTitle() in titles
                and abs(place.top() - dock.geometry().bottom() - 1) <= 2
                and place.left() < dock.geometry().right()
                and dock.geometry().left() < place.right()
                for dock in window.docks.values()
            )
            if not in_use:
                bar.hide()

    def _keep_text_wide(self) -> None:
        """Side panels give way before the text column falls under half the width."""
        window = self.window
        central = window.centralWidget()
        if central is None or central.width() * 2 >= window.width():
            return
        sides = [dock for area in SIDES for dock in self._first_dock_in(area)]
        if not sides:
            return
        spare = window.width() // 2 - central.width()
        widths = [dock.width() for dock in sides]
        total = sum(widths)
        shrunk = [
            max(dock.minimumSizeHint().width(), w - spare * w // total)
            for dock, w in zip(sides, widths, strict=True)
        ]
        window.resizeDocks(sides, shrunk, Qt.Orientation.Horizontal)

    def _first_dock_in(self, area: Qt.DockWidgetArea) -> list[QtWidgets.QDockWidget]:
        for dock in self.window.docks.values():
            if (
                dock.isVisible()
                and not dock.isFloating()
                and self.window.dockWidgetArea(dock) == area
            ):
                return [dock]
        return []


def _scrolling(widget: QtWidgets.QWidget) -> QtWidgets.QScrollArea:
    """`widget` in a frameless scroll area that lets it have its size whenever there is
    room, and scrolls it when there is not."""
    area = QtWidgets.QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    return area
