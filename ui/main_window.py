"""The main window: the host every panel plugs into.

It builds the widgets, holds the state everyone reads, offers the host API below and
dispatches every change in a fixed order; each concern of the window (projects,
identity, documents, annotating, search, status, looks, help) is a part of its own in
ui/window/, and the menus are a table in ui/bindings.py. See docs/architecture.md, "UI".

Host API:
- `operation_did_execute(Changes)`: emitted by `emit_changes` after the window itself
  and the shown set (CurrentSet) took the change; every panel redraws what the change
  set names, nothing more.
- `run_operation(op, *args)`: runs `op(project, *args)` (a core operation returning an
  OpResult, or Changes), emits its changes, and shows a refusal (OperationError,
  ProjectBusy, UndoConflict) in the notice strip, without a modal dialog. Returns the
  result, or None when refused.
- `add_panel(id, title, widget, area)`: a dock that remembers its place, with a toggle
  under View > Panels; `area` as in English, mirrored in a right-to-left window.
- `menu(name)` / `add_action(menu, text, slot, binding=...)`: menus are "file", "edit",
  "view", "annotate", "review", "help" (and the submenus named in ui.bindings.MENU_BAR).
- `register_label_key_handler(fn)`: label keys the entity labels do not use (event
  types, for instance) are offered to `fn(key, exact) -> handled`.
- `project_changed(project | None)`, `document_changed(document id | None)`,
  `identity_changed()` (annotator or shown set changed), `operation_refused(message)`
  (for windows of their own, which do not see this window's notice strip).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.annotation.annotators import AnnotatorInfo
from core.documents.search import CorpusIndex
from core.project.appstate import load_state
from core.project.changes import Changes, OpResult
from core.project.project import Project
from core.schema.model import LabelInfo
from ui import bindings, extensions, settings
from ui.current_set import CurrentSet
from ui.dialogs.annotate_all import AnnotateAllDialog
from ui.dialogs.shortcuts import ShortcutsDialog
from ui.editor import AnnotationEditor
from ui.find_bar import FindBar
from ui.i18n import error_text
from ui.icons import icon
from ui.notice import ERROR, INFO, NoticeBar, confirm
from ui.panels.annotations import AnnotationPanel
from ui.panels.corpus_search import CorpusSearchPanel
from ui.panels.documents import DocumentPanel
from ui.panels.labels import LabelPalette
from ui.preview import SelectionPreview
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ui.tasks import Task
from ui.window import REFUSALS
from ui.window.annotating import Annotating
from ui.window.appearance import Appearance
from ui.window.arrangement import PanelArrangement
from ui.window.drops import FileDrops
from ui.window.help import Help
from ui.window.identity import Identity
from ui.window.lifecycle import ProjectLifecycle
from ui.window.menus import build_menus, build_toolbar, show_keys
from ui.window.navigation import Navigation
from ui.window.search import Search
from ui.window.status import StatusTexts

if TYPE_CHECKING:
    from ui.span_picker import SpanPicker


class MainWindow(QtWidgets.QMainWindow):
    operation_did_execute = Signal(object)  # Changes
    project_changed = Signal(object)  # Project | None
    document_changed = Signal(object)  # document id | None
    identity_changed = Signal()
    operation_refused = Signal(str)  # a refusal's message, for views outside this window
    bindings_changed = Signal()  # the user gave some bindings other keys

    # widgets the parts build (status bar, toolbar, welcome page)
    selection_label: QtWidgets.QLabel
    position_label: QtWidgets.QLabel
    identity_label: QtWidgets.QLabel
    saved_label: QtWidgets.QLabel
    theme_button: QtWidgets.QToolButton
    recent_list: QtWidgets.QListWidget
    _span_picker: SpanPicker  # made by the first panel that asks for one (SpanPicker.of)

    def __init__(self, project: Project | None, annotator: str | None = None):
        super().__init__()
        # the state parts and extensions read (which part writes what: see ui/window)
        self.project: Project | None = None
        self.annotator: AnnotatorInfo | None = None
        self.owner: int | None = None  # whose set is shown (None with viewing_gold: the gold set)
        self.viewing_gold = False
        self.current_document_id: int | None = None
        self.current_set_id: int | None = None
        self.corpus_index: CorpusIndex | None = None
        self.last_refusal: Exception | None = None  # why the last run_operation was refused
        # by binding or menu entry id; documented as `window.actions[id]`, so it keeps
        # the name although it hides QWidget.actions() (nothing here calls that)
        self.actions: dict[str, QtGui.QAction] = {}  # type: ignore[assignment]
        self.docks: dict[str, QtWidgets.QDockWidget] = {}
        self.panels: dict[str, QtWidgets.QWidget] = {}
        self._menus: dict[str, QtWidgets.QMenu] = {}
        self._tasks: list[Task] = []
        # the parts: one concern each (ui/window)
        self.lifecycle = ProjectLifecycle(self)
        self.identity = Identity(self, annotator or load_state().annotator)
        self.navigation = Navigation(self)
        self.annotating = Annotating(self)
        self.search = Search(self)
        self.status = StatusTexts(self)
        self.appearance = Appearance(self)
        self.help = Help(self)
        self.drops = FileDrops(self)
        self.arrangement = PanelArrangement(self)

        bindings.load_overrides(settings.ui_settings())
        self.setWindowTitle(self.tr("Tawsim"))
        self.setDockOptions(
            QtWidgets.QMainWindow.DockOption.AnimatedDocks
            | QtWidgets.QMainWindow.DockOption.AllowTabbedDocks
        )
        self.resize(1280, 800)
        self._build_central()
        self._menus = build_menus(self)
        self._build_panels()
        build_toolbar(self)
        self.status.build()
        self.current_set = CurrentSet(self)
        for install in extensions.installers():
            install(self)
        # after the extensions, so that their docks are part of the first arrangement
        # (View > Reset layout puts them back too) and are restored with the others
        self.arrangement.arrange()
        self.appearance.check_saved_theme()
        self.appearance.check_language()
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
        id: str | None = None,
        icon_name: str | None = None,
        checkable: bool = False,
        shown_keys: str | None = None,
        needs_project: bool = True,
        before: str | None = None,
    ) -> QtGui.QAction:
        """A menu entry; `binding` gives it the keys declared in ui.bindings.

        Window-scope bindings become real shortcuts; editor-scope ones are handled
        by the editor and only shown in the menu. The action is `actions[binding or id]`;
        `before`: the id of the entry it goes before (else it goes last).
        """
        action = QtGui.QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
            action.setProperty("icon_name", icon_name)
        action.setCheckable(checkable)
        if binding is not None:
            action.setProperty("binding", binding)
            action.setProperty("base_text", text)
            show_keys(action)
        elif shown_keys:
            action.setText(f"{text}\t{shown_keys}")
        entry_id = binding or id
        if entry_id:
            self.actions[entry_id] = action
        action.setProperty("needs_project", needs_project)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        if menu is not None:
            target = self._menus[menu] if isinstance(menu, str) else menu
            if before is None:
                target.addAction(action)
            else:
                target.insertAction(self.actions[before], action)
        return action

    def apply_bindings(self) -> None:
        """After the user changed keys: every action and window of the app takes them."""
        for action in self.actions.values():
            if action.property("binding"):
                show_keys(action)
        self.bindings_changed.emit()

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
        that panel (which stays in front) when there is one. The panel scrolls when its
        dock is smaller than it would like, so no panel holds the window larger than a
        laptop's screen; `panels[panel_id]` is `widget`."""
        return self.arrangement.add_dock(panel_id, title, widget, area, visible, behind)

    def register_label_key_handler(self, handler: Callable[[str, bool], bool]) -> None:
        self.annotating.label_key_handlers.append(handler)

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
            self.show_notice(error_text(err), ERROR)
            self.operation_refused.emit(error_text(err))
            return None
        changes = result.changes if isinstance(result, OpResult) else result
        if isinstance(changes, Changes) and changes:
            self.emit_changes(changes)
        return result

    def emit_changes(self, changes: Changes) -> None:
        """Tell everyone of a change, in this order: the window itself (the project's name
        and settings, the labels, the roles, the document list and the shown spans patched
        into the editor, the search index, undo and the status bar), then the shown set
        (CurrentSet: its events, stances, excluded text and problems), then every listener
        of `operation_did_execute` (the panels). Nothing else emits that signal."""
        project = self.project
        if project is not None:
            project.invalidate(changes)
            self.lifecycle.apply(changes)
            self.annotating.apply(changes)
            self.identity.apply(changes)
            self.navigation.apply(changes)
            self.search.apply(changes)
            self.annotating.update_undo_actions()
            self.status.update()
            self.status.saved()
            self.current_set.apply(changes)
        self.operation_did_execute.emit(changes)

    def confirm(
        self,
        title: str,
        text: str,
        ok_text: str,
        parent: QtWidgets.QWidget | None = None,
    ) -> bool:
        """Ask before doing something that removes work; Cancel is the default."""
        return confirm(parent or self, title, text, ok_text)

    def show_notice(self, text: str, kind: str = INFO) -> None:
        self.notice.show_message(text, kind)
        self.statusBar().showMessage(text, 8000)

    def refuse_if_read_only(self) -> bool:
        """Say so in the notice strip when the shown set is not the user's own."""
        return self.identity.refuse_if_read_only()

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
        if self.viewing_gold:
            return None
        if self.annotator is None:  # callers check refuse_if_read_only() first
            raise RuntimeError("no annotator: nothing can be edited")
        return self.annotator.id

    def require_project(self) -> Project:
        """The open project, for code that only runs while one is open (a document is
        shown, a change is being dispatched, a project-only action was triggered)."""
        if self.project is None:
            raise RuntimeError("no project is open")
        return self.project

    @property
    def labels(self) -> list[LabelInfo]:
        return self.annotating.labels

    # --- background work

    def run_task(self, task: Task) -> Task:
        """Start background work the window keeps track of (closing waits for it)."""
        self._tasks.append(task)
        task.ended.connect(lambda t=task: self._forget_task(t))
        return task.start()

    def _forget_task(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        task.deleteLater()

    def stop_tasks(self) -> None:
        """Cancel background work and wait a moment for it (a project is going away)."""
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

    # ================================================================ what the parts do
    # (menus, panels, tests and extensions call these on the window)

    def set_project(self, project: Project | None) -> None:
        self.lifecycle.set_project(project)

    def open_project_file(self, path: str | Path) -> bool:
        return self.lifecycle.open_project_file(path)

    def create_project(self, path: Path, name: str, preset: str) -> bool:
        return self.lifecycle.create_project(path, name, preset)

    def close_project(self) -> None:
        self.lifecycle.close_project()

    def reload(self) -> None:
        self.lifecycle.reload()

    def switch_annotator(self, name: str) -> None:
        self.identity.switch_annotator(name)

    def view_own_set(self) -> None:
        self.identity.view_own_set()

    def view_set(self, owner: int | None, gold: bool = False) -> bool:
        return self.identity.view_set(owner, gold)

    def open_document(self, document_id: int, select: tuple[int, int] | None = None) -> bool:
        return self.navigation.open_document(document_id, select)

    def step_document(self, direction: int) -> None:
        self.navigation.step_document(direction)

    def import_documents(
        self, paths: list[Path] | None = None, encoding: str | None = None
    ) -> Task | None:
        return self.navigation.import_documents(paths, encoding)

    def label_for_key(self, key: str) -> LabelInfo | None:
        return self.annotating.label_for_key(key)

    def apply_label(self, label_id: int, exact: bool = False) -> int | None:
        return self.annotating.apply_label(label_id, exact)

    def delete_span(self, span_id: int | None) -> None:
        self.annotating.delete_span(span_id)

    def annotate_all(self) -> AnnotateAllDialog | None:
        return self.annotating.annotate_all()

    def undo(self) -> None:
        self.annotating.undo()

    def redo(self) -> None:
        self.annotating.redo()

    def show_corpus_search(self) -> None:
        self.search.show_corpus_search()

    def set_theme(self, theme: str) -> None:
        self.appearance.set_theme(theme)

    def show_shortcuts(self) -> ShortcutsDialog:
        return self.help.show_shortcuts()

    # ================================================================ building

    def _build_central(self) -> None:
        self.editor = AnnotationEditor(self.appearance.text_font())
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
        self.welcome_page = self.lifecycle.welcome_page()
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self.welcome_page)
        self.pages.addWidget(page)
        self.setCentralWidget(self.pages)

        editor, annotating = self.editor, self.annotating
        editor.label_key_pressed.connect(annotating.on_label_key)
        editor.delete_requested.connect(annotating.delete_span)
        editor.resize_requested.connect(annotating.resize_span)
        editor.selection_changed.connect(annotating.on_editor_selection)
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(annotating.context_menu)
        # a label key tags exactly the hit found, not the word around it
        self.find_bar.match_chosen.connect(lambda s, e: editor.select_range(s, e, exact=True))
        self.find_bar.hits_changed.connect(editor.set_search_hits)
        self.find_bar.closed.connect(editor.setFocus)

    def _build_panels(self) -> None:
        self.documents = DocumentPanel()
        self.documents.document_chosen.connect(self.open_document)
        self.add_panel("documents", self.tr("Documents"), self.documents)
        self.palette_panel = LabelPalette()
        self.palette_panel.label_chosen.connect(lambda label_id: self.apply_label(label_id))
        self.add_panel(
            "labels", self.tr("Labels"), self.palette_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.annotations = AnnotationPanel(self.editor.layer, lambda: self.editor.selected_span)
        self.annotations.span_chosen.connect(lambda span_id: self.editor.select_span(span_id))
        self.annotations.key_pressed.connect(self.editor.keyPressEvent)
        self.add_panel(
            "annotations",
            self.tr("Annotations"),
            self.annotations,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.search_panel = CorpusSearchPanel()
        self.search_panel.hit_chosen.connect(
            lambda doc, s, e: self.open_document(doc, select=(s, e))
        )
        self.add_panel(
            "search",
            self.tr("Search all documents"),
            self.search_panel,
            Qt.DockWidgetArea.BottomDockWidgetArea,
            False,
        )

    # ================================================================ layout

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrangement.resized()

    def reset_layout(self) -> None:
        self.arrangement.reset_layout()

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        self.drops.enter(event)

    def dragMoveEvent(self, event: QtGui.QDragMoveEvent) -> None:
        self.drops.enter(event)

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        self.drops.drop(event)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.arrangement.save_layout()
        self.stop_tasks()
        super().closeEvent(event)
