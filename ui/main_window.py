"""The main window: the host every panel plugs into.

Extension points (see docs/architecture.md, "UI"):
- `operation_did_execute(Changes)`: emitted after every change; every panel
  redraws what the change set names, nothing more.
- `run_operation(op, *args)`: runs `op(project, *args)` (a core operation
  returning an OpResult, or Changes), emits its changes, and shows a refusal
  (OperationError, ProjectBusy, UndoConflict) in the notice strip, without a
  modal dialog. Returns the result, or None when refused.
- `add_panel(id, title, widget, area)`: a dock that remembers its place, with
  a toggle under View > Panels.
- `menu(name)` / `add_action(menu, text, slot, binding=...)`: menus are
  "file", "edit", "view", "annotate", "review", "help".
- `register_label_key_handler(fn)`: label keys the entity labels do not use
  (event types, for instance) are offered to `fn(key, exact) -> handled`.
- `project_changed(project | None)`, `document_changed(document id | None)`,
  `identity_changed()` (annotator or shown set changed), `operation_refused(message)`
  (for windows of their own, which do not see this window's notice strip).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.annotation.annotators import (
    AnnotatorInfo,
    ensure_annotator,
    read_annotator,
    read_annotators,
    set_annotator_role,
)
from core.annotation.bulk import annotate_occurrences, find_occurrences
from core.annotation.spans import (
    annotate,
    delete_span,
    read_changed_spans,
    read_owner_set,
    relabel_span,
    resize_span,
    span_usage,
)
from core.documents.navigation import (
    FINISHED,
    IN_PROGRESS,
    document_titles,
    next_unfinished,
    set_document_state,
)
from core.documents.search import CorpusIndex
from core.project.appstate import load_state, save_state
from core.project.changes import Changes, OpResult
from core.project.errors import OperationError, ProjectBusy, ProjectError
from core.project.journal import UndoConflict
from core.project.project import Project
from core.schema.model import LabelInfo, load_preset
from ui import bindings, extensions, settings
from ui.dialogs.annotate_all import DOCUMENT, AnnotateAllDialog
from ui.dialogs.annotator import AnnotatorDialog, os_user_name
from ui.dialogs.import_documents import ImportDialog, report_text
from ui.dialogs.new_project import NewProjectDialog
from ui.dialogs.roles import RolesDialog
from ui.dialogs.shortcuts import ShortcutsDialog
from ui.editor import AnnotationEditor
from ui.find_bar import FindBar
from ui.fonts import DEFAULT_POINT_SIZE, text_font
from ui.icons import icon
from ui.notice import ERROR, INFO, NoticeBar
from ui.panels.annotations import AnnotationPanel
from ui.panels.corpus_search import CorpusSearchPanel
from ui.panels.documents import DocumentPanel
from ui.panels.labels import LabelPalette
from ui.preview import SelectionPreview
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ui.tasks import ProgressDialog, Task
from ui.theme import DARK, LIGHT, THEMES, apply_theme, current_theme

REFUSALS = (OperationError, ProjectBusy, UndoConflict)
TASK_ERRORS = (Exception,)  # background work shows any error's message as it is
LAYOUT_VERSION = 1
MIN_POINT_SIZE, MAX_POINT_SIZE = 8, 48
MENUS = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("view", "&View"),
    ("annotate", "&Annotate"),
    ("review", "&Review"),
    ("help", "&Help"),
)


class MainWindow(QtWidgets.QMainWindow):
    operation_did_execute = Signal(object)  # Changes
    project_changed = Signal(object)  # Project | None
    document_changed = Signal(object)  # document id | None
    identity_changed = Signal()
    operation_refused = Signal(str)  # a refusal's message, for views outside this window

    def __init__(self, project: Project | None, annotator: str | None = None):
        super().__init__()
        self.project: Project | None = None
        self.annotator: AnnotatorInfo | None = None
        self.owner: int | None = None  # whose set is shown (None with viewing_gold: the gold set)
        self.viewing_gold = False
        self.current_document_id: int | None = None
        self.current_set_id: int | None = None
        self.corpus_index: CorpusIndex | None = None
        self._annotator_name = annotator or load_state().annotator
        self._project_settings: dict[str, Any] = {}
        self._labels: list[LabelInfo] = []
        self._label_key_handlers: list[Callable[[str, bool], bool]] = []
        self._tasks: list[Task] = []
        self._pending_index_changes: list[Changes] = []
        self._menus: dict[str, QtWidgets.QMenu] = {}
        self.actions: dict[str, QtGui.QAction] = {}
        self.docks: dict[str, QtWidgets.QDockWidget] = {}
        self._shortcuts_dialog: ShortcutsDialog | None = None
        self.last_refusal: Exception | None = None  # why the last run_operation was refused

        bindings.load_overrides(settings.ui_settings())
        self.setWindowTitle("Tawsim")
        self.setDockOptions(
            QtWidgets.QMainWindow.DockOption.AnimatedDocks
            | QtWidgets.QMainWindow.DockOption.AllowTabbedDocks
        )
        self.resize(1280, 820)
        self._build_central()
        self._build_panels()
        self._build_menus()
        self._build_toolbar()
        self._build_status()
        self.operation_did_execute.connect(self._on_operation)
        for install in extensions.installers():
            install(self)
        # after the extensions, so that their docks are part of the first arrangement
        # (View > Reset layout puts them back too) and are restored with the others
        self._default_layout = self.saveState(LAYOUT_VERSION)
        self._restore_layout()
        self.set_project(project)

    # ================================================================ host API

    def menu(self, name: str) -> QtWidgets.QMenu:
        return self._menus[name]

    def add_action(
        self,
        menu: str | QtWidgets.QMenu | None,
        text: str,
        slot: Callable[..., Any],
        *,
        binding: str | None = None,
        icon_name: str | None = None,
        checkable: bool = False,
        shown_keys: str | None = None,
        needs_project: bool = True,
    ) -> QtGui.QAction:
        """A menu entry; `binding` gives it the keys declared in ui.bindings.

        Window-scope bindings become real shortcuts; editor-scope ones are handled
        by the editor and only shown in the menu.
        """
        action = QtGui.QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
            action.setProperty("icon_name", icon_name)
        action.setCheckable(checkable)
        if binding is not None:
            b = bindings.binding(binding)
            if b.scope == bindings.WINDOW:
                action.setShortcuts(bindings.sequences(binding))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            else:
                shown_keys = shown_keys or bindings.native_text(binding)
            action.setToolTip(
                f"{text.replace('&', '').rstrip('…')} ({bindings.native_text(binding)})"
            )
            self.actions[binding] = action
        if shown_keys:
            action.setText(f"{text}\t{shown_keys}")
        action.setProperty("needs_project", needs_project)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        if menu is not None:
            (self._menus[menu] if isinstance(menu, str) else menu).addAction(action)
        return action

    def add_panel(
        self,
        panel_id: str,
        title: str,
        widget: QtWidgets.QWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
        visible: bool = True,
        behind: str | None = None,
    ) -> QtWidgets.QDockWidget:
        """A dockable panel that remembers where the user put it; `behind`: a tab behind
        that panel (which stays in front) when there is one."""
        dock = QtWidgets.QDockWidget(title, self)
        dock.setObjectName(f"panel-{panel_id}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        dock.setVisible(visible)
        self._menus["panels"].addAction(dock.toggleViewAction())
        self.docks[panel_id] = dock
        if hasattr(self, "_default_layout"):  # added by an extension after start-up
            self.restoreDockWidget(dock)
        front = self.docks.get(behind) if behind is not None else None
        if front is not None:
            self.tabifyDockWidget(front, dock)
            front.raise_()
        return dock

    def register_label_key_handler(self, handler: Callable[[str, bool], bool]) -> None:
        self._label_key_handlers.append(handler)

    def run_operation(self, op: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a core operation on the open project; emit its changes; show refusals.

        A refused operation returns None and leaves the exception in `last_refusal`, so
        a dialog can show the reason itself (or ask again after a ConfirmationNeeded).
        """
        self.last_refusal = None
        if self.project is None:
            return None
        try:
            result = op(self.project, *args, **kwargs)
        except REFUSALS as err:
            self.last_refusal = err
            self.show_notice(str(err), ERROR)
            self.operation_refused.emit(str(err))
            return None
        changes = result.changes if isinstance(result, OpResult) else result
        if isinstance(changes, Changes) and changes:
            self.emit_changes(changes)
        return result

    def emit_changes(self, changes: Changes) -> None:
        self.operation_did_execute.emit(changes)

    def confirm(
        self,
        title: str,
        text: str,
        ok_text: str,
        parent: QtWidgets.QWidget | None = None,
    ) -> bool:
        """Ask before doing something that removes work; Cancel is the default."""
        box = QtWidgets.QMessageBox(parent or self)
        box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        ok = box.addButton(ok_text, QtWidgets.QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is ok

    def show_notice(self, text: str, kind: str = INFO) -> None:
        self.notice.show_message(text, kind)
        self.statusBar().showMessage(text, 8000)

    @property
    def read_only(self) -> bool:
        """The shown set is someone else's: look, don't touch. Curators may edit the
        gold set (fixing what curation brought in, events and stances included)."""
        if self.annotator is None:
            return True
        if self.viewing_gold:
            return not self.annotator.is_curator
        return self.owner != self.annotator.id

    @property
    def set_owner(self) -> int | None:
        """Whose set edits go to: the annotator's own, or None for the gold set."""
        return None if self.viewing_gold else self.annotator.id

    @property
    def labels(self) -> list[LabelInfo]:
        return self._labels

    # ================================================================ building

    def _build_central(self) -> None:
        self.editor = AnnotationEditor(text_font(self._font_family(), self._font_size()))
        self.notice = NoticeBar()
        self.preview = SelectionPreview(self.editor)
        self.find_bar = FindBar()
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.preview)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.find_bar)
        self.editor_page = page

        welcome = QtWidgets.QWidget()
        w_layout = QtWidgets.QVBoxLayout(welcome)
        w_layout.addStretch(1)
        heading = QtWidgets.QLabel("<h2>Tawsim · توسيم</h2><p>No project is open.</p>")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        w_layout.addWidget(heading)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        for text, slot in (
            ("New project…", self.new_project),
            ("Open project…", self.open_project),
        ):
            button = QtWidgets.QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        w_layout.addLayout(row)
        self.recent_list = QtWidgets.QListWidget()
        self.recent_list.setMaximumWidth(640)
        self.recent_list.itemActivated.connect(lambda item: self.open_project_file(item.text()))
        w_layout.addWidget(self.recent_list, 0, Qt.AlignmentFlag.AlignHCenter)
        w_layout.addStretch(2)
        self.welcome_page = welcome

        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(welcome)
        self.pages.addWidget(page)
        self.setCentralWidget(self.pages)

        self.editor.label_key_pressed.connect(self._on_label_key)
        self.editor.delete_requested.connect(self.delete_span)
        self.editor.resize_requested.connect(self._resize_span)
        self.editor.selection_changed.connect(self._on_editor_selection)
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.customContextMenuRequested.connect(self._editor_context_menu)
        self.find_bar.match_chosen.connect(lambda s, e: self.editor.select_range(s, e))
        self.find_bar.hits_changed.connect(self.editor.set_search_hits)
        self.find_bar.closed.connect(self.editor.setFocus)

    def _build_panels(self) -> None:
        self._menus["panels"] = QtWidgets.QMenu("&Panels", self)
        self.documents = DocumentPanel()
        self.documents.document_chosen.connect(self.open_document)
        self.add_panel(
            "documents", "Documents", self.documents, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.palette_panel = LabelPalette()
        self.palette_panel.label_chosen.connect(lambda label_id: self.apply_label(label_id))
        self.add_panel("labels", "Labels", self.palette_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.annotations = AnnotationPanel(self.editor.layer, lambda: self.editor.selected_span)
        self.annotations.span_chosen.connect(self._on_span_chosen)
        self.annotations.key_pressed.connect(self.editor.keyPressEvent)
        self.add_panel(
            "annotations", "Annotations", self.annotations, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.search_panel = CorpusSearchPanel()
        self.search_panel.hit_chosen.connect(
            lambda doc, s, e: self.open_document(doc, select=(s, e))
        )
        self.add_panel(
            "search",
            "Search all documents",
            self.search_panel,
            Qt.DockWidgetArea.BottomDockWidgetArea,
            False,
        )
        self.resizeDocks([self.docks["documents"]], [380], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["labels"]], [300], Qt.Orientation.Horizontal)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for name, title in MENUS:
            self._menus[name] = bar.addMenu(title)
        m = self._menus
        add = self.add_action

        add(
            "file",
            "&New project…",
            self.new_project,
            binding="file.new",
            icon_name="mdi6.file-plus-outline",
            needs_project=False,
        )
        add(
            "file",
            "&Open project…",
            self.open_project,
            binding="file.open",
            icon_name="mdi6.folder-open-outline",
            needs_project=False,
        )
        self.recent_menu = m["file"].addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m["file"].addSeparator()
        add(
            "file",
            "&Import documents…",
            self.import_documents,
            binding="file.import",
            icon_name="mdi6.file-import-outline",
        )
        m["file"].addSeparator()
        add(
            "file",
            "Switch &annotator…",
            self.choose_annotator,
            binding="file.switch_annotator",
            icon_name="mdi6.account-switch-outline",
        )
        m["file"].addSeparator()
        add("file", "&Close project", self.close_project, binding="file.close")
        add("file", "&Quit", self.close, binding="file.quit", needs_project=False)

        self.undo_action = add(
            "edit", "&Undo", self.undo, binding="edit.undo", icon_name="mdi6.undo"
        )
        self.redo_action = add(
            "edit", "&Redo", self.redo, binding="edit.redo", icon_name="mdi6.redo"
        )
        m["edit"].addSeparator()
        add(
            "edit",
            "&Copy text",
            self.editor.copy_selection,
            shown_keys=QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Copy).toString(
                QtGui.QKeySequence.SequenceFormat.NativeText
            ),
        )
        m["edit"].addSeparator()
        add(
            "edit",
            "&Find in document…",
            self.show_find_bar,
            binding="search.find",
            icon_name="mdi6.magnify",
        )
        add("edit", "Find &next", self.find_bar.next, binding="search.next")
        add("edit", "Find &previous", self.find_bar.previous, binding="search.previous")
        add(
            "edit",
            "&Search all documents…",
            self.show_corpus_search,
            binding="search.corpus",
            icon_name="mdi6.text-search",
        )

        m["view"].addMenu(m["panels"])
        theme_menu = m["view"].addMenu("&Theme")
        group = QtGui.QActionGroup(self)
        self.theme_actions: dict[str, QtGui.QAction] = {}
        for name in THEMES:
            action = self.add_action(
                theme_menu,
                name.capitalize(),
                lambda on, n=name: on and self.set_theme(n),
                checkable=True,
                needs_project=False,
            )
            group.addAction(action)
            self.theme_actions[name] = action
        m["view"].addSeparator()
        add(
            "view",
            "Zoom &in",
            lambda: self.zoom(+1),
            binding="view.zoom_in",
            icon_name="mdi6.magnify-plus-outline",
            needs_project=False,
        )
        add(
            "view",
            "Zoom &out",
            lambda: self.zoom(-1),
            binding="view.zoom_out",
            icon_name="mdi6.magnify-minus-outline",
            needs_project=False,
        )
        add(
            "view",
            "&Default size",
            lambda: self.zoom(0),
            binding="view.zoom_reset",
            needs_project=False,
        )
        add("view", "Text &font…", self.choose_font, needs_project=False)
        m["view"].addSeparator()
        add("view", "&Reload", self.reload, binding="view.reload")
        add("view", "Reset &layout", self.reset_layout, needs_project=False)

        self.label_menu = m["annotate"].addMenu("&Label selection as")
        add(
            "annotate",
            "&Delete annotation",
            lambda: self.delete_span(self.editor.selected_span),
            binding="annotate.delete",
        )
        add(
            "annotate",
            "Annotate &all occurrences…",
            self.annotate_all,
            binding="annotate.all",
            icon_name="mdi6.format-list-checks",
        )
        self.exact_action = add(
            "annotate",
            "&Exact selection (no snapping)",
            self._set_exact_mode,
            binding="annotate.exact",
            checkable=True,
            icon_name="mdi6.format-letter-matches",
        )
        m["annotate"].addSeparator()
        for text, edge, step, binding in (
            ("Grow at the start", "start", -1, "annotate.grow_start"),
            ("Shrink at the start", "start", +1, "annotate.shrink_start"),
            ("Grow at the end", "end", +1, "annotate.grow_end"),
            ("Shrink at the end", "end", -1, "annotate.shrink_end"),
        ):
            add(
                "annotate",
                text,
                lambda e=edge, s=step: self.editor.move_edge(e, s),
                binding=binding,
            )
        add(
            "annotate",
            "Ne&xt annotation",
            lambda: self.editor.select_neighbour(+1),
            binding="annotate.next_span",
        )
        add(
            "annotate",
            "Pre&vious annotation",
            lambda: self.editor.select_neighbour(-1),
            binding="annotate.previous_span",
        )
        add("annotate", "Clear selection", self.editor.clear_selection, binding="annotate.clear")
        m["annotate"].addSeparator()
        add(
            "annotate",
            "&Finish document, go to next unfinished",
            self.finish_document,
            binding="document.finish",
            icon_name="mdi6.check-circle-outline",
        )
        add("annotate", "&Reopen document", self.reopen_document, binding="document.reopen")
        add(
            "annotate",
            "Next document",
            lambda: self.step_document(+1),
            binding="document.next",
            icon_name="mdi6.chevron-left",
        )
        add(
            "annotate",
            "Previous document",
            lambda: self.step_document(-1),
            binding="document.previous",
            icon_name="mdi6.chevron-right",
        )
        add("annotate", "Filter documents", self._focus_filter, binding="document.filter")

        self.own_set_action = add("review", "&My annotations", self.view_own_set, checkable=False)
        self.view_menu = m["review"].addMenu("&View annotations of")
        self.view_menu.aboutToShow.connect(self._fill_view_menu)
        m["review"].addSeparator()
        add("review", "Annotators and &roles…", self.manage_roles)

        add(
            "help",
            "&Keyboard shortcuts",
            self.show_shortcuts,
            binding="help.shortcuts",
            icon_name="mdi6.keyboard-outline",
            needs_project=False,
        )
        add("help", "&About Tawsim", self.about, needs_project=False)

    def _build_toolbar(self) -> None:
        bar = self.addToolBar("Main")
        bar.setObjectName("toolbar-main")
        bar.setIconSize(QtCore.QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for binding_id in (
            "file.new", "file.open", "file.import", None,
            "edit.undo", "edit.redo", None,
            "document.previous", "document.next", "document.finish", None,
            "search.find", "search.corpus", "annotate.all", "annotate.exact", None,
            "view.zoom_out", "view.zoom_in",
        ):  # fmt: skip
            if binding_id is None:
                bar.addSeparator()
            else:
                bar.addAction(self.actions[binding_id])
        self.theme_button = QtWidgets.QToolButton()
        self.theme_button.setIcon(icon("mdi6.theme-light-dark"))
        self.theme_button.setToolTip("Light or dark theme")
        self.theme_button.clicked.connect(
            lambda: self.set_theme(DARK if current_theme() == LIGHT else LIGHT)
        )
        bar.addWidget(self.theme_button)

    def _build_status(self) -> None:
        status = self.statusBar()
        self.selection_label = QtWidgets.QLabel()
        self.position_label = QtWidgets.QLabel()
        self.identity_label = QtWidgets.QLabel()
        for label in (self.selection_label, self.position_label, self.identity_label):
            status.addPermanentWidget(label)

    # ================================================================ settings and layout

    @staticmethod
    def _font_family() -> str | None:
        return settings.value("view/font_family", "") or None

    @staticmethod
    def _font_size() -> int:
        return settings.value("view/font_size", DEFAULT_POINT_SIZE, int)

    def _restore_layout(self) -> None:
        store = settings.ui_settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        if isinstance(geometry, QtCore.QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QtCore.QByteArray):
            self.restoreState(state, LAYOUT_VERSION)
        theme = settings.value("view/theme", LIGHT)
        self.theme_actions.get(theme if theme in THEMES else LIGHT).setChecked(True)

    def save_layout(self) -> None:
        store = settings.ui_settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState(LAYOUT_VERSION))
        store.sync()

    def reset_layout(self) -> None:
        self.restoreState(self._default_layout, LAYOUT_VERSION)

    def set_theme(self, theme: str) -> None:
        app = QtWidgets.QApplication.instance()
        apply_theme(app, theme)
        settings.set_value("view/theme", theme)
        self.theme_actions[theme].setChecked(True)
        for action in self.findChildren(QtGui.QAction):
            name = action.property("icon_name")
            if name:
                action.setIcon(icon(name))
        for button in self.findChildren(QtWidgets.QAbstractButton):  # panels' and dialogs'
            name = button.property("icon_name")
            if name:
                button.setIcon(icon(name))
        self.theme_button.setIcon(icon("mdi6.theme-light-dark"))
        self.find_bar.refresh_icons()
        self.editor.set_labels(self._labels, theme)
        self.annotations.refresh()

    def zoom(self, step: int) -> None:
        size = DEFAULT_POINT_SIZE if step == 0 else self.editor.font().pointSize() + step
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        settings.set_value("view/font_size", size)
        self.editor.apply_text_font(text_font(self.editor.font().family(), size))
        self.preview.refresh()
        self.statusBar().showMessage(f"Text size {size} pt", 2000)

    def choose_font(self) -> None:
        ok, font = QtWidgets.QFontDialog.getFont(self.editor.font(), self, "Text font")
        if ok:
            settings.set_value("view/font_family", font.family())
            settings.set_value("view/font_size", font.pointSize())
            self.editor.apply_text_font(text_font(font.family(), font.pointSize()))
            self.preview.refresh()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.save_layout()
        self._stop_tasks()
        super().closeEvent(event)

    # ================================================================ projects

    def set_project(self, project: Project | None) -> None:
        """Show `project` (the window does not close the previous one: close_project does)."""
        self._stop_tasks()
        self.project = project
        self.current_document_id = None
        self.current_set_id = None
        self.corpus_index = None
        self._pending_index_changes = []
        self.editor.clear_document()
        self.find_bar.close_bar()
        self.notice.hide()
        if project is None:
            self.annotator = None
            self.owner = None
            self._labels = []
            self.setWindowTitle("Tawsim")
            self.documents.model.set_source(None, None)
            self.search_panel.set_source(None, None)
            self._fill_recent_list()
            self.pages.setCurrentWidget(self.welcome_page)
        else:
            self._project_settings = project.settings()
            self.setWindowTitle(f"{project.name} — Tawsim")
            state = load_state()
            state.remember_project(project.path)
            save_state(state)
            self._load_labels()
            self._set_identity(self._annotator_name or None)
            self.pages.setCurrentWidget(self.editor_page)
            self._start_index()
        for action in self.findChildren(QtGui.QAction):
            if action.property("needs_project"):
                action.setEnabled(project is not None)
        self._update_undo_actions()
        self.project_changed.emit(project)
        if project is not None and self.documents.model.ids:
            self.open_document(self.documents.model.ids[0])
        self._update_status()

    def open_project_file(self, path: str | Path) -> bool:
        try:
            project = Project.open(Path(path))
        except ProjectError as err:
            QtWidgets.QMessageBox.warning(self, "Tawsim", str(err))
            state = load_state()
            if not Path(path).exists():
                state.forget_project(path)
                save_state(state)
            return False
        self.close_project()
        self.set_project(project)
        return True

    def create_project(self, path: Path, name: str, preset: str) -> bool:
        try:
            project = Project.create(path, name=name, schema=load_preset(preset))
        except (ProjectError, ValueError) as err:
            QtWidgets.QMessageBox.warning(self, "Tawsim", str(err))
            return False
        self.close_project()
        self.set_project(project)
        return True

    def new_project(self) -> None:
        folder = self.project.path.parent if self.project else None
        dialog = NewProjectDialog(self, folder)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.create_project(*dialog.chosen())

    def open_project(self) -> None:
        folder = str(self.project.path.parent) if self.project else str(Path.home())
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, "Open project", folder, "Tawsim projects (*.tawsim);;All files (*)"
        )
        if path:
            self.open_project_file(path)

    def close_project(self) -> None:
        project = self.project
        if project is None:
            return
        self.set_project(None)
        project.close()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = load_state().recent_projects
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.setEnabled(Path(path).is_file())
            action.triggered.connect(lambda _=False, p=path: self.open_project_file(p))
        if not recent:
            self.recent_menu.addAction("(none)").setEnabled(False)

    def _fill_recent_list(self) -> None:
        self.recent_list.clear()
        for path in load_state().recent_projects:
            if Path(path).is_file():
                self.recent_list.addItem(path)
        self.recent_list.setVisible(self.recent_list.count() > 0)

    def _load_labels(self) -> None:
        project = self.project
        self._labels = project.schema.entity_labels if project else []
        self.editor.set_labels(self._labels, current_theme())
        self.palette_panel.set_labels(self._labels)
        self.label_menu.clear()
        for label in self._labels:
            action = self.label_menu.addAction(
                f"{label.key} — {label.name_en} · {label.name_ar}"
                + (f"\t{label.shortcut}" if label.shortcut else "")
            )
            action.setToolTip(label.guideline)
            action.triggered.connect(lambda _=False, i=label.id: self.apply_label(i))
        self._update_editing_state()

    # ================================================================ the corpus index

    def _start_index(self) -> None:
        index = CorpusIndex(self.project)
        self.corpus_index = index
        self.search_panel.set_source(self.project, index)
        task = Task(lambda _progress: index.build(), TASK_ERRORS, self)
        task.finished.connect(lambda _result, i=index: self._index_built(i))
        task.failed.connect(
            lambda message: self.show_notice(
                f"The search index could not be built: {message}", ERROR
            )
        )
        self.run_task(task)

    def _index_built(self, index: CorpusIndex) -> None:
        if index is not self.corpus_index:
            return
        for changes in self._pending_index_changes:
            index.apply(changes)
        self._pending_index_changes = []
        self.search_panel.index_ready(index)

    def run_task(self, task: Task) -> Task:
        """Start background work the window keeps track of (closing waits for it)."""
        self._tasks.append(task)
        task.ended.connect(lambda t=task: self._forget_task(t))
        return task.start()

    def _forget_task(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        task.deleteLater()

    def _stop_tasks(self) -> None:
        for task in list(self._tasks):
            task.cancel()
            task.wait(60)
        QtCore.QCoreApplication.sendPostedEvents()

    def wait_for_tasks(self, ms: int = 60_000) -> None:
        """Block until background work is done and its results delivered (tests, scripts)."""
        for task in list(self._tasks):
            task.wait(ms / 1000)
        for _ in range(3):
            QtCore.QCoreApplication.processEvents()

    # ================================================================ identity

    def _set_identity(self, name: str | None) -> None:
        project = self.project
        if project is None:
            return
        name = name or os_user_name() or "annotator"
        result = self.run_operation(ensure_annotator, name)
        if result is None:
            return
        self.annotator = read_annotator(project, result.value)
        self._annotator_name = self.annotator.name
        state = load_state()
        state.annotator = self.annotator.name
        save_state(state)
        self._show_set(self.annotator.id, gold=False)

    def choose_annotator(self) -> None:
        if self.project is None:
            return
        known = [a.name for a in read_annotators(self.project)]
        dialog = AnnotatorDialog(self, self.annotator.name if self.annotator else "", known)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.switch_annotator(dialog.chosen_name())

    def switch_annotator(self, name: str) -> None:
        self._set_identity(name)
        self.show_notice(f"Annotating as {self.annotator.name}." if self.annotator else "", INFO)

    def view_own_set(self) -> None:
        if self.annotator is not None:
            self._show_set(self.annotator.id, gold=False)

    def view_set(self, owner: int | None, gold: bool = False) -> bool:
        """Show another annotator's set (or the gold set), read-only: curators only."""
        if self.annotator is None or not self.annotator.is_curator:
            self.show_notice(
                "Only curators can look at other annotators' work (Review > Annotators and roles).",
                ERROR,
            )
            return False
        self._show_set(owner, gold)
        return True

    def _show_set(self, owner: int | None, gold: bool) -> None:
        self.owner = owner
        self.viewing_gold = gold
        self.documents.model.set_source(self.project, owner)
        self._update_editing_state()
        document = self.current_document_id
        if document is not None:
            self.open_document(document)
        self.identity_changed.emit()
        self._update_status()

    def _owner_name(self) -> str:
        if self.viewing_gold:
            return "the gold standard"
        if self.annotator is not None and self.owner == self.annotator.id:
            return self.annotator.name
        return read_annotator(self.project, self.owner).name if self.owner is not None else "?"

    def _update_editing_state(self) -> None:
        read_only = self.read_only
        reason = ""
        if self.project is not None and read_only and self.annotator is not None:
            reason = (
                f"Viewing {self._owner_name()}'s annotations, read-only. "
                "Review > My annotations goes back."
            )
        self.editor.annotations_read_only = read_only
        self.preview.read_only_reason = reason
        self.palette_panel.set_enabled_for_editing(not read_only, reason)
        self.preview.refresh()

    def _fill_view_menu(self) -> None:
        self.view_menu.clear()
        if self.project is None:
            return
        curator = self.annotator is not None and self.annotator.is_curator
        others = [
            a for a in read_annotators(self.project) if self.annotator and a.id != self.annotator.id
        ]
        for other in others:
            action = self.view_menu.addAction(f"{other.name} ({other.role})")
            action.setEnabled(curator)
            action.triggered.connect(lambda _=False, i=other.id: self.view_set(i))
        gold = self.view_menu.addAction("Gold standard")
        gold.setEnabled(curator)
        gold.triggered.connect(lambda: self.view_set(None, gold=True))
        if not curator:
            self.view_menu.addSeparator()
            self.view_menu.addAction("Only curators can view others' work").setEnabled(False)

    def manage_roles(self) -> None:
        if self.project is None or self.annotator is None:
            return
        annotators = read_annotators(self.project)
        has_curator = any(a.is_curator for a in annotators)
        editable = self.annotator.is_curator or not has_curator
        reason = (
            "Curators can look at every annotator's work (read-only) and curate."
            if self.annotator.is_curator
            else "This project has no curator yet: name one here."
            if not has_curator
            else "Only a curator can change roles."
        )
        dialog = RolesDialog(annotators, editable, reason, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and editable:
            for annotator_id, role in dialog.changed_roles().items():
                self.run_operation(set_annotator_role, annotator_id, role)

    # ================================================================ documents

    def open_document(self, document_id: int, select: tuple[int, int] | None = None) -> bool:
        project = self.project
        if project is None:
            return False
        try:
            shown = read_owner_set(project, document_id, self.owner)
        except REFUSALS as err:
            self.show_notice(str(err), ERROR)
            return False
        changed = document_id != self.current_document_id
        self.current_document_id = document_id
        self.current_set_id = shown.set_id
        self.editor.show_document(
            document_id,
            shown.text,
            shown.spans,
            self._project_settings.get("clitic_rule", "standard"),
        )
        self.find_bar.set_text(
            shown.text, bool(self._project_settings.get("fold_teh_marbuta", True))
        )
        self.annotations.refresh_soon()
        self.documents.show_document(document_id)
        if select is not None:
            self.editor.select_range(*select)
        self._update_status()
        if changed:
            self.document_changed.emit(document_id)
        return True

    def step_document(self, direction: int) -> None:
        ids = self.documents.model.ids
        if not ids:
            return
        row = self.documents.model.row_of(self.current_document_id)
        target = 0 if row is None else row + direction
        if 0 <= target < len(ids):
            self.open_document(ids[target])
        else:
            self.statusBar().showMessage(
                "This is the last document." if direction > 0 else "This is the first document.",
                3000,
            )

    def finish_document(self) -> None:
        if self.current_document_id is None or self._refuse_if_read_only():
            return
        document = self.current_document_id
        result = self.run_operation(set_document_state, document, self.set_owner, FINISHED)
        if result is None:
            return
        order = self.documents.model.ids if document in self.documents.model.ids else None
        target = next_unfinished(self.project, self.owner, document, order)
        if target is None and order is not None:
            target = next_unfinished(self.project, self.owner, document)
        if target is None:
            self.show_notice("Finished. Every document is finished now.", INFO)
        else:
            self.open_document(target)

    def reopen_document(self) -> None:
        if self.current_document_id is None or self._refuse_if_read_only():
            return
        self.run_operation(
            set_document_state, self.current_document_id, self.set_owner, IN_PROGRESS
        )

    def reload(self) -> None:
        """Re-read everything shown (after another program changed the project)."""
        if self.project is None:
            return
        self.project.invalidate(Changes(schema=True))
        self._project_settings = self.project.settings()
        if self.annotator is not None:
            self.annotator = read_annotator(self.project, self.annotator.id)
            self._update_editing_state()
        self._load_labels()
        self.documents.model.titles_changed()
        self.documents.model.reload()
        if self.current_document_id is not None:
            self.open_document(self.current_document_id)
        if self.corpus_index is not None and self.corpus_index.built:
            self._start_index()

    def import_documents(
        self, paths: list[Path] | None = None, encoding: str | None = None
    ) -> Task | None:
        if self.project is None:
            return None
        if paths is None:
            folder = self.project.path.parent
            dialog = ImportDialog(self, folder)
            if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                return None
            paths, encoding = dialog.chosen()
        from core.documents.importing import import_documents

        project = self.project
        task = Task(
            lambda progress: import_documents(project, paths, encoding=encoding, progress=progress),
            TASK_ERRORS,
            self,
        )
        ProgressDialog(task, "Importing documents…", self)
        task.finished.connect(self._import_done)
        task.cancelled.connect(lambda: self._import_done(task.error.partial, cancelled=True))
        task.failed.connect(lambda message: self.show_notice(f"Import failed: {message}", ERROR))
        return self.run_task(task)

    def _import_done(self, report, cancelled: bool = False) -> None:
        if report.changes:
            self.emit_changes(report.changes)
        summary, details = report_text(report)
        if cancelled:
            summary += " (cancelled; the files imported before the cancel are kept)"
        self.show_notice(f"Import: {summary}.", ERROR if report.failed else INFO)
        if details:
            box = QtWidgets.QMessageBox(self)
            box.setWindowTitle("Import report")
            box.setIcon(
                QtWidgets.QMessageBox.Icon.Warning
                if report.failed
                else QtWidgets.QMessageBox.Icon.Information
            )
            box.setText(summary)
            box.setDetailedText(details)
            box.setModal(False)
            box.show()
            self._import_report = box
        if self.current_document_id is None and self.documents.model.ids:
            self.open_document(self.documents.model.ids[0])

    # ================================================================ annotating

    def refuse_if_read_only(self) -> bool:
        """Say so in the notice strip when the shown set is not the user's own."""
        return self._refuse_if_read_only()

    def _refuse_if_read_only(self) -> bool:
        if self.read_only:
            self.show_notice(
                f"These are {self._owner_name()}'s annotations, shown read-only. "
                "Review > My annotations goes back to yours.",
                ERROR,
            )
            return True
        return False

    def label_for_key(self, key: str) -> LabelInfo | None:
        for label in self._labels:
            if label.shortcut and label.shortcut.lower() == key:
                return label
        return None

    def _on_label_key(self, key: str, exact: bool) -> None:
        label = self.label_for_key(key)
        if label is None:
            for handler in self._label_key_handlers:
                if handler(key, exact):
                    return
            self.statusBar().showMessage(f"No label uses the key {key}. F1 lists the keys.", 4000)
            return
        self.apply_label(label.id, exact)

    def apply_label(self, label_id: int, exact: bool = False) -> int | None:
        """Tag the pending selection with a label, or relabel the selected annotation."""
        if self.current_document_id is None or self._refuse_if_read_only():
            return None
        selected = self.editor.selected_span
        if selected is not None:
            if self.run_operation(relabel_span, selected, label_id) is not None:
                self.editor.select_span(selected, ensure_visible=False)
            return selected
        pending = self.editor.pending_selection(force_exact=exact)
        if pending is None:
            self.statusBar().showMessage("Select some text first.", 4000)
            return None
        result = self.run_operation(
            annotate,
            self.current_document_id,
            self.set_owner,
            pending.start,
            pending.end,
            label_id,
        )
        if result is None:
            return None
        self.editor.select_span(result.value, ensure_visible=False)
        return result.value

    def delete_span(self, span_id: int | None) -> None:
        """Delete an annotation; if events or stances refer to it, ask first (they keep
        a detached, flagged reference)."""
        if span_id is None or self._refuse_if_read_only():
            return
        usage = span_usage(self.project, span_id)
        if usage["arguments"] or usage["stances"]:
            parts = []
            if usage["arguments"]:
                n = usage["arguments"]
                parts.append(f"{n} event argument{'s' if n != 1 else ''}")
            if usage["stances"]:
                n = usage["stances"]
                parts.append(f"{n} stance{'s' if n != 1 else ''} (as holder or target)")
            text = self.editor.text
            span = self.editor.layer.spans.get(span_id)
            shown = f"«{text[span.start : span.end]}» " if span is not None else ""
            if not self.confirm(
                "Delete annotation",
                f"The annotation {shown}is used by {' and '.join(parts)}. Deleting it keeps "
                "them, flagged as having lost their entity span, until you choose another "
                "span or remove them.",
                "Delete",
            ):
                return
        if self.run_operation(delete_span, span_id) is not None:
            self.editor.select_span(None)

    def _resize_span(self, span_id: int, start: int, end: int) -> None:
        if self._refuse_if_read_only():
            return
        if self.run_operation(resize_span, span_id, start, end) is not None:
            self.editor.select_span(span_id, ensure_visible=False)

    def _set_exact_mode(self, on: bool) -> None:
        self.editor.exact_mode = on
        self.editor.viewport().update()
        self.preview.refresh()

    def undo(self) -> None:
        self._replay(Project.undo)

    def redo(self) -> None:
        self._replay(Project.redo)

    def _replay(self, step: Callable[[Project], Changes]) -> None:
        if self.project is None:
            return
        changes = self.run_operation(step)
        self._update_undo_actions()
        if not changes:
            return
        documents = set(changes.documents) | set(changes.documents_added)
        if self.read_only and (documents or changes.sets):
            self.view_own_set()
        if documents and self.current_document_id not in documents:
            self.open_document(min(documents))

    def _update_undo_actions(self) -> None:
        project = self.project
        undo_name = project.undo_name if project else None
        redo_name = project.redo_name if project else None
        self.undo_action.setEnabled(undo_name is not None)
        self.redo_action.setEnabled(redo_name is not None)
        undo_keys = bindings.native_text("edit.undo").split(", ")[0]
        redo_keys = bindings.native_text("edit.redo").split(", ")[0]
        self.undo_action.setText(f"&Undo {undo_name}" if undo_name else "&Undo")
        self.redo_action.setText(f"&Redo {redo_name}" if redo_name else "&Redo")
        self.undo_action.setToolTip(f"Undo {undo_name or ''} ({undo_keys})")
        self.redo_action.setToolTip(f"Redo {redo_name or ''} ({redo_keys})")

    def annotate_all(self) -> AnnotateAllDialog | None:
        """Annotate every occurrence of the selected annotation's text (after a preview)."""
        if self.current_document_id is None or self._refuse_if_read_only():
            return None
        selected = self.editor.selected_span
        if selected is None:
            self.show_notice("Select an annotation first (click it, or Tab to it).", ERROR)
            return None
        span = self.editor.layer.spans[selected]
        query = self.editor.text[span.start : span.end]
        label = self.project.schema.label(span.label_id)
        titles = dict(document_titles(self.project))
        dialog = AnnotateAllDialog(label.key, query, titles, self)
        dialog.scope_changed.connect(
            lambda scope: self._find_occurrences(dialog, query, label.id, scope)
        )
        dialog.accepted.connect(lambda: self._annotate_chosen(dialog, label.id))
        dialog.setModal(True)
        dialog.show()
        self._find_occurrences(dialog, query, label.id, DOCUMENT)
        return dialog

    def _find_occurrences(
        self, dialog: AnnotateAllDialog, query: str, label_id: int, scope: str
    ) -> None:
        project, annotator = self.project, self.set_owner
        documents = [self.current_document_id] if scope == DOCUMENT else None
        index = (
            self.corpus_index if self.corpus_index is not None and self.corpus_index.built else None
        )
        dialog.set_busy()
        task = Task(
            lambda progress: find_occurrences(
                project,
                annotator,
                query,
                label_id,
                document_ids=documents,
                index=index,
                progress=progress,
            ),
            TASK_ERRORS,
            dialog,
        )
        if scope != DOCUMENT:
            ProgressDialog(task, "Looking through all documents…", dialog)
        task.finished.connect(lambda result: dialog.scope == scope and dialog.set_results(result))
        task.cancelled.connect(
            lambda: (
                dialog.scope == scope and dialog.set_results(task.error.partial, incomplete=True)
            )
        )
        task.failed.connect(lambda message: self.show_notice(message, ERROR))
        self.run_task(task)

    def _annotate_chosen(self, dialog: AnnotateAllDialog, label_id: int) -> None:
        chosen = dialog.chosen()
        if not chosen:
            return
        result = self.run_operation(annotate_occurrences, self.set_owner, label_id, chosen)
        if result is not None:
            self.show_notice(f"Added {len(result.value)} annotations (one undo step).", INFO)

    # ================================================================ reacting to changes

    def _on_operation(self, changes: Changes) -> None:
        project = self.project
        if project is None:
            return
        project.invalidate(changes)
        if changes.settings:
            self._project_settings = project.settings()
            self.setWindowTitle(f"{project.name} — Tawsim")
        if changes.schema:
            self._load_labels()
            self.documents.model.forget_problems()
        if changes.annotators and self.annotator is not None:
            self.annotator = read_annotator(project, self.annotator.id)
            self._update_editing_state()
        model = self.documents.model
        if changes.documents_added or changes.documents_removed:
            model.titles_changed()
            model.reload()
            self.documents.reselect()
        elif changes.documents:
            if model.states:  # a state filter: the change may move documents in or out
                model.reload()
                self.documents.reselect()
            else:
                model.documents_changed(changes.documents)
        current = self.current_document_id
        if current is not None and current in changes.documents_removed:
            self.current_document_id = None
            self.editor.clear_document()
            self.annotations.refresh()
            if model.ids:
                self.open_document(model.ids[0])
        elif current is not None and (current in changes.documents or changes.schema):
            self._refresh_spans(changes)
        index = self.corpus_index
        if index is not None and (changes.documents_added or changes.documents_removed):
            if index.built:
                index.apply(changes)
            else:
                self._pending_index_changes.append(changes)
        self._update_undo_actions()
        self._update_status()

    def _refresh_spans(self, changes: Changes | None = None) -> None:
        """Bring the shown spans up to date: only the rows a change names when it names
        them (a set can hold ten thousand spans), else the whole set."""
        touched = changes.rows.get("entity_span") if changes is not None else None
        precise = changes is not None and bool(changes.rows) and not changes.schema
        # precise without spans touched: only the set's id may have changed (a state, an event...)
        wanted = (touched or ()) if precise else None
        set_id, rows = read_changed_spans(
            self.project, self.current_document_id, self.owner, wanted
        )
        self.current_set_id = set_id
        if precise and touched is None:
            return
        if precise:
            self.editor.patch_spans(set(touched), rows)
            self.annotations.patch(set(touched))
        else:
            self.editor.update_spans(rows)
            self.annotations.refresh()

    # ================================================================ search

    def show_find_bar(self) -> None:
        if self.current_document_id is None:
            return
        pending = self.editor.raw_selection()
        initial = self.editor.text[pending[0] : pending[1]] if pending else ""
        self.find_bar.open_bar(initial)

    def show_corpus_search(self) -> None:
        dock = self.docks["search"]
        dock.show()
        dock.raise_()
        pending = self.editor.raw_selection()
        if pending and not self.search_panel.query.text():
            self.search_panel.query.setText(self.editor.text[pending[0] : pending[1]])
        self.search_panel.query.setFocus()
        self.search_panel.query.selectAll()

    def _focus_filter(self) -> None:
        self.docks["documents"].show()
        self.documents.filter.setFocus()
        self.documents.filter.selectAll()

    # ================================================================ editor glue

    def _on_span_chosen(self, span_id: int) -> None:
        self.editor.select_span(span_id)

    def _on_editor_selection(self) -> None:
        self.annotations.show_span(self.editor.selected_span)
        self._update_selection_status()

    def _editor_context_menu(self, point: QtCore.QPoint) -> None:
        hits = self.editor.spans_at_point(QtCore.QPointF(point))
        if hits and self.editor.selected_span not in hits:
            self.editor.select_span(hits[0], ensure_visible=False)
        menu = QtWidgets.QMenu(self)
        menu.addMenu(self.label_menu)
        for binding_id in ("annotate.delete", "annotate.all", "annotate.exact"):
            menu.addAction(self.actions[binding_id])
        menu.addSeparator()
        copy = menu.addAction("Copy text")
        copy.triggered.connect(self.editor.copy_selection)
        menu.exec(self.editor.mapToGlobal(point))

    def _update_selection_status(self) -> None:
        editor = self.editor
        if editor.selected_span is not None and editor.selected_span in editor.layer.spans:
            span = editor.layer.spans[editor.selected_span]
            style = editor.layer.styles.get(span.label_id)
            self.selection_label.setText(
                f"{style.key if style else '?'} {span.start}–{span.end} · "
                f"{_status_text(editor.text[span.start : span.end])}"
            )
            return
        pending = editor.pending_selection()
        if pending is None:
            self.selection_label.setText("")
        else:
            self.selection_label.setText(
                f"selection {pending.start}–{pending.end} · {_status_text(pending.text)}"
                + (" · exact" if pending.exact else "")
            )

    def _update_status(self) -> None:
        if self.project is None or self.annotator is None:
            self.identity_label.setText("")
            self.position_label.setText("")
            self.selection_label.setText("")
            return
        role = " (curator)" if self.annotator.is_curator else ""
        if self.read_only:
            self.identity_label.setText(
                f"Viewing {self._owner_name()} (read-only) · you are {self.annotator.name}{role}"
            )
        else:
            self.identity_label.setText(f"Annotator: {self.annotator.name}{role}")
        model = self.documents.model
        row = model.row_of(self.current_document_id) if self.current_document_id else None
        if self.current_document_id is None:
            self.position_label.setText(f"{len(model.ids):,} documents")
        elif row is None:
            self.position_label.setText(f"Document #{self.current_document_id}")
        else:
            self.position_label.setText(f"Document {row + 1} of {len(model.ids):,}")
        self._update_selection_status()

    # ================================================================ help

    def show_shortcuts(self) -> ShortcutsDialog:
        # entity labels and event types share the keys of the text
        labels = self._labels + (self.project.schema.event_types if self.project else [])
        if self._shortcuts_dialog is None:
            self._shortcuts_dialog = ShortcutsDialog(labels, self)
        else:
            from ui.dialogs.shortcuts import shortcuts_html

            self._shortcuts_dialog.browser.setHtml(shortcuts_html(labels))
        self._shortcuts_dialog.show()
        self._shortcuts_dialog.raise_()
        return self._shortcuts_dialog

    def about(self) -> None:
        from core.version import APP_VERSION

        QtWidgets.QMessageBox.about(
            self,
            "About Tawsim",
            f"<h3>Tawsim {APP_VERSION}</h3><p>Annotation of entities, events and stances in "
            "Arabic news.</p><p>GPL-3.0-or-later. Text font: Amiri (SIL Open Font License).</p>",
        )


def _status_text(text: str, limit: int = 32) -> str:
    """A short, bidi-isolated copy of `text` for the LTR status bar."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"\u2068{text}\u2069"
