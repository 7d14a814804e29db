"""Excluded text: boilerplate ("إقرأ أيضاً", related articles, comments) and second
articles, left out of annotation, agreement and export.

Annotate > Exclude selection (Ctrl+Shift+X) excludes the selected text from the
annotator's own work; a curator can exclude it for everyone. Excluded text is greyed
and hatched in the editor and cannot be annotated (the refusal says so in the strip
above the text). Annotations made before the text was excluded stay, flagged; the
strip says how many lie inside. The panel lists the document's excluded regions; Del
or "Include again" takes one back.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from core.annotation.excluded import (
    ExclusionResult,
    RegionRow,
    exclude_for_annotator,
    exclude_for_everyone,
    include_range,
    remove_region,
)
from core.annotation.sets import read_set_owners
from ui import bindings
from ui.bidi import offsets
from ui.i18n import list_text, translate
from ui.item_views import empty
from ui.marks import themed
from ui.notice import ERROR, INFO
from ui.qt import Qt, QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from ui.main_window import MainWindow

REGION = Qt.ItemDataRole.UserRole


def excerpt(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]} … {text[-half:]}"


class ExcludedPanel(QtWidgets.QWidget):
    def __init__(self, window: MainWindow, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.main = window
        self.current = window.current_set
        self.list = QtWidgets.QTreeWidget()
        self.list.setHeaderLabels(
            [self.tr("For"), self.tr("Characters"), self.tr("Text"), self.tr("Reason")]
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        header = self.list.header()
        for column in (0, 1):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.list.itemClicked.connect(lambda item, _c: self._jump(item))
        self.list.itemActivated.connect(lambda item, _c: self._jump(item))
        self.list.currentItemChanged.connect(lambda *_: self._update_enabled())
        self.list.installEventFilter(self)
        self.reason = QtWidgets.QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (optional): related articles, comments…"))
        self.exclude_button = themed(
            QtWidgets.QPushButton(self.tr("Exclude")), "mdi6.text-box-remove-outline"
        )
        self.exclude_button.setToolTip(
            self.tr("Exclude the selected text from your annotation ({keys})").format(
                keys=bindings.native_text("exclude.mine")
            )
        )
        self.exclude_button.clicked.connect(self.exclude_selection)
        self.everyone_button = QtWidgets.QPushButton(self.tr("For everyone"))
        self.everyone_button.setToolTip(
            self.tr("Exclude the selected text for every annotator (curators)")
        )
        self.everyone_button.clicked.connect(self.exclude_selection_for_everyone)
        self.include_button = themed(
            QtWidgets.QPushButton(self.tr("Include")), "mdi6.text-box-check-outline"
        )
        self.include_button.setToolTip(self.tr("Include the selected region again"))
        self.include_button.clicked.connect(self.include_selected_region)
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.exclude_button)
        buttons.addWidget(self.everyone_button)
        buttons.addStretch(1)
        buttons.addWidget(self.include_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.current.changed.connect(self.refresh)
        window.identity_changed.connect(self._update_enabled)
        self.refresh()

    @property
    def regions(self) -> list[RegionRow]:
        return self.current.regions

    def refresh(self) -> None:
        """List the regions and grey them in the editor."""
        editor = self.main.editor
        editor.set_excluded([(r.start, r.end) for r in self.regions])
        selected = self._selected_region()
        empty(self.list)
        for region in self.regions:
            item = QtWidgets.QTreeWidgetItem(
                [
                    self.tr("everyone") if region.everyone else self.tr("me"),
                    offsets(region.start, region.end),
                    excerpt(editor.text[region.start : region.end]),
                    region.reason,
                ]
            )
            item.setData(0, REGION, region.id)
            item.setToolTip(2, excerpt(editor.text[region.start : region.end], 400))
            self.list.addTopLevelItem(item)
            if region.id == selected:
                self.list.setCurrentItem(item)
        inside = [p for p in self.current.problems if p.code == "excluded"]
        if not self.regions:
            self.status.setText(
                self.tr(
                    "Nothing excluded. Select boilerplate (related articles, comments, a second "
                    "article) and press {keys}."
                ).format(keys=bindings.native_text("exclude.mine"))
            )
        elif inside:
            self.status.setText(
                self.tr(
                    "%n annotation(s) made before lie in excluded text: kept, flagged, and left "
                    "out of agreement and export.",
                    None,
                    len(inside),
                )
            )
        else:
            self.status.setText(self.tr("Excluded text is greyed and cannot be annotated."))
        self._update_enabled()

    def _selected_region(self) -> int | None:
        item = self.list.currentItem()
        return item.data(0, REGION) if item is not None else None

    def _update_enabled(self) -> None:
        window = self.main
        open_document = window.project is not None and window.current_document_id is not None
        curator = window.annotator is not None and window.annotator.is_curator
        self.exclude_button.setEnabled(open_document and not window.read_only)
        self.everyone_button.setEnabled(open_document and curator)
        self.everyone_button.setToolTip(
            self.tr("Exclude the selected text for every annotator")
            if curator
            else self.tr("Only a curator (the lead) can exclude text for everyone")
        )
        self.include_button.setEnabled(self._selected_region() is not None)

    def _jump(self, item: QtWidgets.QTreeWidgetItem) -> None:
        region = next((r for r in self.regions if r.id == item.data(0, REGION)), None)
        if region is not None:
            self.main.editor.ensure_visible(region.start)

    # --- operations -------------------------------------------------------------------------

    def _selection(self) -> tuple[int, int] | None:
        covered = self.main.editor.covered_tokens()
        if covered is None:
            self.main.show_notice(self.tr("Select the text to exclude first."), ERROR)
        return covered

    def exclude_selection(self) -> ExclusionResult | None:
        """Exclude the selected text from the annotator's own set."""
        window = self.main
        if window.current_document_id is None or window.refuse_if_read_only():
            return None
        selection = self._selection()
        if selection is None:
            return None
        result = window.run_operation(
            exclude_for_annotator,
            window.current_document_id,
            window.set_owner,
            *selection,
            reason=self.reason.text(),
        )
        if result is None:
            return None
        self._report(result.value, everyone=False)
        return result.value

    def exclude_selection_for_everyone(self) -> ExclusionResult | None:
        window = self.main
        if window.current_document_id is None:
            return None
        if window.annotator is None or not window.annotator.is_curator:
            window.show_notice(
                self.tr(
                    "Only a curator (the lead) can exclude text for everyone; you can exclude it "
                    "from your own annotation ({keys}). Review > Annotators and roles shows who "
                    "the curators are."
                ).format(keys=bindings.native_text("exclude.mine")),
                ERROR,
            )
            return None
        selection = self._selection()
        if selection is None:
            return None
        result = window.run_operation(
            exclude_for_everyone,
            window.current_document_id,
            *selection,
            curator_id=window.annotator.id,
            reason=self.reason.text(),
        )
        if result is None:
            return None
        self._report(result.value, everyone=True)
        return result.value

    def _report(self, result: ExclusionResult, everyone: bool) -> None:
        window = self.main
        region = next((r for r in self.regions if r.id == result.region_id), None)
        if region is not None:
            where = self.tr("characters {offsets}").format(
                offsets=offsets(region.start, region.end)
            )
        else:
            where = self.tr("the text")
        if everyone:
            done = self.tr("Excluded {where} from everyone's annotation.").format(where=where)
        else:
            done = self.tr("Excluded {where} from your annotation.").format(where=where)
        window.editor.clear_selection()
        if not result.inside:
            window.show_notice(done, INFO)
            return
        owners = self._set_owners(list(result.inside))
        parts = []
        for set_id, count in result.inside.items():
            things = []
            if count.spans:
                things.append(self.tr("%n entity annotation(s)", None, count.spans))
            if count.events:
                things.append(self.tr("%n event trigger(s)", None, count.events))
            if count.evidence:
                things.append(self.tr("%n stance evidence span(s)", None, count.evidence))
            parts.append(f"{owners.get(set_id, '?')}: {list_text(things)}")
        window.show_notice(
            self.tr(
                "{done} Annotations already there are kept, flagged, and left out of agreement "
                "and export — {annotations}. Delete them if they were boilerplate."
            ).format(done=done, annotations="; ".join(parts)),
            INFO,
        )

    def _set_owners(self, set_ids: list[int]) -> dict[int, str]:
        mine = self.main.annotator.name if self.main.annotator else None
        owners = read_set_owners(self.main.require_project(), set_ids)  # after an exclusion
        return {
            set_id: self.tr("yours") if name == mine else name for set_id, name in owners.items()
        }

    def include_selected_region(self) -> None:
        region_id = self._selected_region()
        if region_id is None:
            return
        window = self.main
        region = next(r for r in self.regions if r.id == region_id)
        if window.annotator is None or (not region.everyone and window.refuse_if_read_only()):
            return
        window.run_operation(remove_region, region_id, by=window.annotator.id)

    def include_selection(self) -> None:
        """Include the selected text again: in your own exclusions, or (curators) in
        everyone's."""
        window = self.main
        if window.current_document_id is None or window.annotator is None:
            return
        selection = self._selection()
        if selection is None:
            return
        start, end = selection
        touched = [r for r in self.regions if r.start < end and start < r.end]
        own = [r for r in touched if not r.everyone]
        everyone = [r for r in touched if r.everyone]
        if own and not window.refuse_if_read_only():
            window.run_operation(
                include_range,
                window.current_document_id,
                start,
                end,
                set_id=self.current.set_id,
                by=window.annotator.id,
            )
        if everyone:
            if window.annotator is None or not window.annotator.is_curator:
                window.show_notice(
                    self.tr(
                        "The lead excluded this text for everyone; only a curator can include it."
                    ),
                    ERROR,
                )
                return
            window.run_operation(
                include_range,
                window.current_document_id,
                start,
                end,
                set_id=None,
                by=window.annotator.id,
            )
        if not touched:
            window.show_notice(self.tr("No excluded text there."), ERROR)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (
            watched is self.list
            and isinstance(event, QtGui.QKeyEvent)
            and event.type() == QtCore.QEvent.Type.KeyPress
            and bindings.matches(event, "annotate.delete")
        ):
            self.include_selected_region()
            return True
        return super().eventFilter(watched, event)

    def tooltip(self, position: int) -> str | None:
        for region in self.regions:
            if region.start <= position < region.end:
                if region.everyone:
                    whose = self.tr("<b>Excluded</b> for everyone (by the lead)")
                else:
                    whose = self.tr("<b>Excluded</b> from your annotation")
                reason = f": {escape(region.reason)}" if region.reason else ""
                detail = self.tr(
                    "characters {offsets}; not annotated, left out of agreement and export"
                ).format(offsets=offsets(region.start, region.end))
                return f"<p>{whose}{reason}<br>{detail}</p>"
        return None


def install(window: MainWindow) -> None:
    panel = ExcludedPanel(window)
    window.add_panel(
        "excluded",
        translate("ExcludedPanel", "Excluded text"),
        panel,
        Qt.DockWidgetArea.LeftDockWidgetArea,
        behind="annotations",
    )
    window.editor.add_tooltip_provider(panel.tooltip)
    menu = window.menu("annotate")
    menu.addSeparator()
    window.add_action(
        menu,
        translate("ExcludedPanel", "E&xclude selection from my annotation"),
        panel.exclude_selection,
        binding="exclude.mine",
        icon_name="mdi6.text-box-remove-outline",
    )
    window.add_action(
        menu,
        translate("ExcludedPanel", "Exclude selection for &everyone"),
        panel.exclude_selection_for_everyone,
    )
    window.add_action(
        menu,
        translate("ExcludedPanel", "&Include selection again"),
        panel.include_selection,
    )
