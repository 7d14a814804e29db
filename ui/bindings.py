"""Every key binding of the window, and every menu entry and toolbar button it starts
with, declared once.

`BINDINGS`: id, default keys, what it does. Menus, the editor and the shortcuts sheet
(F1) all read from here, so the sheet always shows the bindings that really work.
Label keys come from the project schema and are listed by the sheet separately. A user
can change any binding in Help > Keyboard shortcuts > Change keys (kept in the
`shortcuts` group of the settings file: `id = Ctrl+K`, several separated by "; ", or
empty to switch it off).

The defaults stay clear of what desktops take for themselves: no Shift+Alt or
Ctrl+Shift alone (keyboard-layout switching on Windows and many Linux desktops, which
Arabic typists use all day), no Ctrl+Alt+arrows or Ctrl/Alt+F-keys (workspaces in
GNOME, KDE and XFCE), no Ctrl+Shift+U (Unicode entry of GTK's input methods), no
Super.

`MENU_BAR`: the window's menus as a table (menu, entry text, handler, id, icon, flags);
an entry whose id is a binding's gets its keys (ui.window.menus builds the menus from
it). `TOOLBAR`: the toolbar's entries, by id. Extensions add entries of their own with
`window.add_action` (see docs/architecture.md, "UI"). Texts are marked for translation
where they are declared — what a binding does and its section with QT_TRANSLATE_NOOP
(context "Bindings"), the menu table's with QT_TR_NOOP — and translated where shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ui.i18n import LANGUAGES, QT_TR_NOOP, QT_TRANSLATE_NOOP
from ui.qt import QtCore, QtGui
from ui.theme import THEMES

# where the keys work: anywhere, with the text focused, or in the panel named in the description
WINDOW, EDITOR, PANEL = "window", "editor", "panel"
SUGGESTION = "suggestion"  # in the text, with the cursor on a suggestion
CANDIDATES = "candidates"  # in the curation view's candidate list


@dataclass(frozen=True)
class Binding:
    id: str
    keys: tuple[str, ...]  # portable QKeySequence text
    description: str  # marked for translation, context "Bindings" (see `described`)
    section: str  # likewise
    scope: str = WINDOW

    @property
    def described(self) -> str:
        """What it does, in the interface's language."""
        return QtCore.QCoreApplication.translate("Bindings", self.description)


BINDINGS: tuple[Binding, ...] = (
    # --- files
    Binding(
        "file.new",
        ("Ctrl+N",),
        QT_TRANSLATE_NOOP("Bindings", "New project…"),
        QT_TRANSLATE_NOOP("Bindings", "Files"),
    ),
    Binding(
        "file.open",
        ("Ctrl+O",),
        QT_TRANSLATE_NOOP("Bindings", "Open a project…"),
        QT_TRANSLATE_NOOP("Bindings", "Files"),
    ),
    Binding(
        "file.import",
        ("Ctrl+I",),
        QT_TRANSLATE_NOOP("Bindings", "Import documents…"),
        QT_TRANSLATE_NOOP("Bindings", "Files"),
    ),
    Binding(
        "file.switch_annotator",
        ("Ctrl+Shift+I",),
        QT_TRANSLATE_NOOP("Bindings", "Switch annotator…"),
        QT_TRANSLATE_NOOP("Bindings", "Files"),
    ),
    Binding(
        "file.close",
        ("Ctrl+W",),
        QT_TRANSLATE_NOOP("Bindings", "Close the project"),
        QT_TRANSLATE_NOOP("Bindings", "Files"),
    ),
    Binding(
        "file.quit",
        ("Ctrl+Q",),
        QT_TRANSLATE_NOOP("Bindings", "Quit"),
        QT_TRANSLATE_NOOP("Bindings", "Files"),
    ),
    # --- annotating
    Binding(
        "annotate.exact",
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "Exact selection: tag the characters selected, without snapping to words "
            "(or hold Alt while selecting)",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
    ),
    Binding(
        "annotate.delete",
        ("Del", "Backspace"),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "Delete the selected annotation (in the event and stance panels: the selected "
            "event, argument, stance or evidence)",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
        EDITOR,
    ),
    Binding(
        "annotate.clear",
        ("Esc",),
        QT_TRANSLATE_NOOP(
            "Bindings", "Clear the selection (in a panel: stop choosing, back to the text)"
        ),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
        EDITOR,
    ),
    Binding(
        "annotate.grow_start",
        ("Alt+Right",),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "Move the start (right edge) of the selection or selected annotation one character "
            "to the right: grows it",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
        EDITOR,
    ),
    Binding(
        "annotate.shrink_start",
        ("Alt+Left",),
        QT_TRANSLATE_NOOP(
            "Bindings", "Move the start (right edge) one character to the left: shrinks it"
        ),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
        EDITOR,
    ),
    Binding(
        "annotate.grow_end",
        ("Alt+,",),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "Move the end (left edge) one character to the left: grows it (the key left of "
            "the next one)",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
        EDITOR,
    ),
    Binding(
        "annotate.shrink_end",
        ("Alt+.",),
        QT_TRANSLATE_NOOP(
            "Bindings", "Move the end (left edge) one character to the right: shrinks it"
        ),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
        EDITOR,
    ),
    Binding(
        "annotate.next_span",
        ("Tab",),
        QT_TRANSLATE_NOOP("Bindings", "Select the next annotation"),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
        EDITOR,
    ),
    Binding(
        "annotate.previous_span",
        ("Shift+Tab",),
        QT_TRANSLATE_NOOP("Bindings", "Select the previous annotation"),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
        EDITOR,
    ),
    Binding(
        "annotate.all",
        ("Ctrl+Shift+A",),
        QT_TRANSLATE_NOOP(
            "Bindings", "Annotate all occurrences of the selected annotation's text…"
        ),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
    ),
    Binding(
        "edit.undo",
        ("Ctrl+Z",),
        QT_TRANSLATE_NOOP("Bindings", "Undo the last change"),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
    ),
    # --- events, stances, excluded text
    Binding(
        "event.panel",
        ("Ctrl+Shift+E",),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "Go to the event panel: the selected event's roles (event type keys mark the "
            "selected text as a trigger)",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Events and stances"),
    ),
    Binding(
        "event.next_candidate",
        ("Space",),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "Event panel, on a role: show the next entity annotation it accepts, nearest the "
            "trigger first",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Events and stances"),
        PANEL,
    ),
    Binding(
        "event.previous_candidate",
        ("Shift+Space",),
        QT_TRANSLATE_NOOP("Bindings", "Event panel, on a role: show the previous candidate"),
        QT_TRANSLATE_NOOP("Bindings", "Events and stances"),
        PANEL,
    ),
    Binding(
        "event.confirm_candidate",
        ("Return", "Enter"),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "Event panel: fill the role with the candidate shown (on an argument: reassign it)",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Events and stances"),
        PANEL,
    ),
    Binding(
        "stance.panel",
        ("Ctrl+Shift+T",),
        QT_TRANSLATE_NOOP("Bindings", "Go to the stance panel"),
        QT_TRANSLATE_NOOP("Bindings", "Events and stances"),
    ),
    Binding(
        "stance.new",
        ("Ctrl+Shift+H",),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "New attributed stance held by the selected entity annotation (or click its holder)",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Events and stances"),
    ),
    Binding(
        "stance.add_evidence",
        ("Ctrl+Shift+V",),
        QT_TRANSLATE_NOOP("Bindings", "Add the selected text as evidence of the selected stance"),
        QT_TRANSLATE_NOOP("Bindings", "Events and stances"),
    ),
    Binding(
        "exclude.mine",
        ("Ctrl+Shift+X",),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "Exclude the selected text from your annotation (boilerplate, another article)",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Events and stances"),
    ),
    Binding(
        "edit.redo",
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        QT_TRANSLATE_NOOP("Bindings", "Redo"),
        QT_TRANSLATE_NOOP("Bindings", "Annotating"),
    ),
    # --- suggestions (pre-annotation)
    Binding(
        "suggest.accept",
        ("Return", "Enter"),
        QT_TRANSLATE_NOOP(
            "Bindings", "Accept the suggestion under the cursor: it becomes your annotation"
        ),
        QT_TRANSLATE_NOOP("Bindings", "Suggestions"),
        SUGGESTION,
    ),
    Binding(
        "suggest.reject",
        ("Backspace",),
        QT_TRANSLATE_NOOP(
            "Bindings", "Reject the suggestion under the cursor: it is not suggested to you again"
        ),
        QT_TRANSLATE_NOOP("Bindings", "Suggestions"),
        SUGGESTION,
    ),
    Binding(
        "suggest.accept_label",
        ("Shift+Return", "Shift+Enter"),
        QT_TRANSLATE_NOOP(
            "Bindings", "Accept every suggestion of this label in the document (one undo step)"
        ),
        QT_TRANSLATE_NOOP("Bindings", "Suggestions"),
        SUGGESTION,
    ),
    Binding(
        "suggest.next",
        ("Alt+Down",),
        QT_TRANSLATE_NOOP("Bindings", "Go to the next suggestion"),
        QT_TRANSLATE_NOOP("Bindings", "Suggestions"),
        EDITOR,
    ),
    Binding(
        "suggest.previous",
        ("Alt+Up",),
        QT_TRANSLATE_NOOP("Bindings", "Go to the previous suggestion"),
        QT_TRANSLATE_NOOP("Bindings", "Suggestions"),
        EDITOR,
    ),
    # --- documents
    Binding(
        "document.finish",
        ("Ctrl+Return", "Ctrl+Enter"),
        QT_TRANSLATE_NOOP(
            "Bindings", "Mark the document finished and go to the next unfinished one"
        ),
        QT_TRANSLATE_NOOP("Bindings", "Documents"),
    ),
    Binding(
        "document.reopen",
        ("Ctrl+Shift+Return",),
        QT_TRANSLATE_NOOP("Bindings", "Mark the document in progress again"),
        QT_TRANSLATE_NOOP("Bindings", "Documents"),
    ),
    Binding(
        "document.next",
        ("Ctrl+PgDown",),
        QT_TRANSLATE_NOOP("Bindings", "Next document"),
        QT_TRANSLATE_NOOP("Bindings", "Documents"),
    ),
    Binding(
        "document.previous",
        ("Ctrl+PgUp",),
        QT_TRANSLATE_NOOP("Bindings", "Previous document"),
        QT_TRANSLATE_NOOP("Bindings", "Documents"),
    ),
    Binding(
        "document.filter",
        ("Ctrl+L",),
        QT_TRANSLATE_NOOP("Bindings", "Filter the document list"),
        QT_TRANSLATE_NOOP("Bindings", "Documents"),
    ),
    # --- search
    Binding(
        "search.find",
        ("Ctrl+F",),
        QT_TRANSLATE_NOOP("Bindings", "Find in the document (Arabic folding)"),
        QT_TRANSLATE_NOOP("Bindings", "Search"),
    ),
    Binding(
        "search.next",
        ("F3",),
        QT_TRANSLATE_NOOP("Bindings", "Next match"),
        QT_TRANSLATE_NOOP("Bindings", "Search"),
    ),
    Binding(
        "search.previous",
        ("Shift+F3",),
        QT_TRANSLATE_NOOP("Bindings", "Previous match"),
        QT_TRANSLATE_NOOP("Bindings", "Search"),
    ),
    Binding(
        "search.corpus",
        ("Ctrl+Shift+F",),
        QT_TRANSLATE_NOOP("Bindings", "Search all documents"),
        QT_TRANSLATE_NOOP("Bindings", "Search"),
    ),
    # --- view
    Binding(
        "view.zoom_in",
        ("Ctrl+=", "Ctrl++"),
        QT_TRANSLATE_NOOP("Bindings", "Larger text"),
        QT_TRANSLATE_NOOP("Bindings", "View"),
    ),
    Binding(
        "view.zoom_out",
        ("Ctrl+-",),
        QT_TRANSLATE_NOOP("Bindings", "Smaller text"),
        QT_TRANSLATE_NOOP("Bindings", "View"),
    ),
    Binding(
        "view.zoom_reset",
        ("Ctrl+0",),
        QT_TRANSLATE_NOOP("Bindings", "Default text size"),
        QT_TRANSLATE_NOOP("Bindings", "View"),
    ),
    Binding(
        "view.reload",
        ("F5",),
        QT_TRANSLATE_NOOP("Bindings", "Reload from the project file"),
        QT_TRANSLATE_NOOP("Bindings", "View"),
    ),
    Binding(
        "help.shortcuts",
        ("F1",),
        QT_TRANSLATE_NOOP("Bindings", "This list of shortcuts"),
        QT_TRANSLATE_NOOP("Bindings", "Help"),
    ),
    # --- curation (Review > Curate; in the curation view, Ctrl+Enter marks the gold
    # standard curated and opens the next document needing curation, Ctrl+Z undoes)
    Binding(
        "review.dashboard",
        ("Ctrl+Shift+R",),
        QT_TRANSLATE_NOOP(
            "Bindings", "Agreement dashboard: figures, heatmap, disagreements (curators)"
        ),
        QT_TRANSLATE_NOOP("Bindings", "Curation"),
    ),
    Binding(
        "review.curate",
        ("Ctrl+Shift+G",),
        QT_TRANSLATE_NOOP(
            "Bindings", "Curate the gold standard: annotators' versions side by side (curators)"
        ),
        QT_TRANSLATE_NOOP("Bindings", "Curation"),
    ),
    Binding(
        "curation.next",
        ("J", "N"),
        QT_TRANSLATE_NOOP("Bindings", "Next undecided candidate (in the candidate list)"),
        QT_TRANSLATE_NOOP("Bindings", "Curation"),
        CANDIDATES,
    ),
    Binding(
        "curation.previous",
        ("K", "P"),
        QT_TRANSLATE_NOOP("Bindings", "Previous undecided candidate (in the candidate list)"),
        QT_TRANSLATE_NOOP("Bindings", "Curation"),
        CANDIDATES,
    ),
    Binding(
        "curation.accept",
        ("A", "Return", "Enter"),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "Accept the candidate into the gold standard; an event comes with its arguments "
            "(in the candidate list)",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Curation"),
        CANDIDATES,
    ),
    Binding(
        "curation.reject",
        ("R",),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "Reject the candidate, taking it out of the gold standard if it is there; Delete "
            "does the same (in the candidate list)",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Curation"),
        CANDIDATES,
    ),
    Binding(
        "curation.edit",
        ("E",),
        QT_TRANSLATE_NOOP(
            "Bindings",
            "Edit: go to the candidate in the gold pane, where label keys, Delete and "
            "Shift+Alt+arrows work (in the candidate list)",
        ),
        QT_TRANSLATE_NOOP("Bindings", "Curation"),
        CANDIDATES,
    ),
)

_BY_ID = {b.id: b for b in BINDINGS}
BINDING_IDS = frozenset(_BY_ID)
_overrides: dict[str, tuple[str, ...]] = {}


def binding(binding_id: str) -> Binding:
    return _BY_ID[binding_id]


def load_overrides(settings: QtCore.QSettings) -> None:
    """Read user overrides (settings group `shortcuts`); unknown ids are ignored."""
    _overrides.clear()
    settings.beginGroup("shortcuts")
    try:
        for key in settings.childKeys():
            if key in _BY_ID:
                value = str(settings.value(key, "") or "")
                _overrides[key] = tuple(k.strip() for k in value.split(";") if k.strip())
    finally:
        settings.endGroup()


def keys(binding_id: str) -> tuple[str, ...]:
    return _overrides.get(binding_id, _BY_ID[binding_id].keys)


def set_keys(settings: QtCore.QSettings, binding_id: str, new: tuple[str, ...] | None) -> None:
    """Give a binding other keys (None: back to its default), remembered in `settings`."""
    settings.beginGroup("shortcuts")
    try:
        if new is None or new == _BY_ID[binding_id].keys:
            _overrides.pop(binding_id, None)
            settings.remove(binding_id)
        else:
            _overrides[binding_id] = new
            settings.setValue(binding_id, "; ".join(new))
    finally:
        settings.endGroup()
    settings.sync()


def clashes(binding_id: str, key: str) -> list[Binding]:
    """The other bindings `key` already triggers where `binding_id` works (bindings of
    the window work everywhere, so they clash with any scope)."""
    wanted = QtGui.QKeySequence(key)
    scope = _BY_ID[binding_id].scope
    return [
        other
        for other in BINDINGS
        if other.id != binding_id
        and (other.scope == scope or WINDOW in (other.scope, scope))
        and any(
            wanted.matches(QtGui.QKeySequence(k)) == QtGui.QKeySequence.SequenceMatch.ExactMatch
            for k in keys(other.id)
        )
    ]


def sequences(binding_id: str) -> list[QtGui.QKeySequence]:
    return [QtGui.QKeySequence(k) for k in keys(binding_id)]


def matches(event: QtGui.QKeyEvent, binding_id: str) -> bool:
    """Does this key press trigger the binding (editor-scope bindings are matched by hand)?"""
    pressed = QtGui.QKeySequence(event.keyCombination())
    # Shift+Tab arrives as Backtab
    if event.key() == QtCore.Qt.Key.Key_Backtab:
        pressed = QtGui.QKeySequence("Shift+Tab")
    return any(
        pressed.matches(seq) == QtGui.QKeySequence.SequenceMatch.ExactMatch
        for seq in sequences(binding_id)
    )


def edge_keys() -> str:
    """The keys that move a span's edges, for hints: "Alt+Right/Alt+Left, Alt+,/Alt+."."""
    start = f"{native_text('annotate.grow_start')}/{native_text('annotate.shrink_start')}"
    end = f"{native_text('annotate.grow_end')}/{native_text('annotate.shrink_end')}"
    return QtCore.QCoreApplication.translate("Bindings", "{start} (start), {end} (end)").format(
        start=start, end=end
    )


def native_text(binding_id: str) -> str:
    """The keys as this platform writes them ("Ctrl+Z" or "⌘Z"), for menus and the sheet."""
    return _native(keys(binding_id))


@lru_cache(maxsize=256)
def _native(portable: tuple[str, ...]) -> str:
    return ", ".join(
        QtGui.QKeySequence(k).toString(QtGui.QKeySequence.SequenceFormat.NativeText)
        for k in portable
    )


# ---------------------------------------------------------------- menus and toolbar

# What an entry does: the path of a window attribute to call ("annotating.undo" is
# window.annotating.undo()), "module:function" called with the window, or a function of
# the window. A checkable entry's handler also gets whether it is checked.
Handler = str | Callable[..., Any]


@dataclass(frozen=True)
class Entry:
    """A menu entry. `id`: the binding of that id gives it its keys; entries without keys
    have ids of their own (every entry is `window.actions[id]`)."""

    text: str
    handler: Handler
    id: str
    icon: str | None = None
    anytime: bool = False  # enabled without a project
    checkable: bool = False
    exclusive: bool = False  # checkable, one checked among its menu's exclusive entries
    standard_keys: str | None = None  # keys Qt handles itself (a QKeySequence.StandardKey)


@dataclass(frozen=True)
class Submenu:
    """A submenu, `window.menu(name)`; `on_show` (a window attribute's path) fills it each
    time it opens, else whoever owns it fills it (the panels, the labels)."""

    text: str
    name: str
    entries: tuple[Entry, ...] = ()
    on_show: str | None = None


SEPARATOR = None
THEME_NAMES = {"light": QT_TR_NOOP("Light"), "dark": QT_TR_NOOP("Dark")}
MenuItem = Entry | Submenu | None

MENU_BAR: tuple[tuple[str, str, tuple[MenuItem, ...]], ...] = (
    ("file", QT_TR_NOOP("&File"), (
        Entry(QT_TR_NOOP("&New project…"), "lifecycle.new_project", "file.new",
              "mdi6.file-plus-outline", anytime=True),
        Entry(QT_TR_NOOP("&Open project…"), "lifecycle.open_project", "file.open",
              "mdi6.folder-open-outline", anytime=True),
        Submenu(QT_TR_NOOP("Open &recent"), "recent", on_show="lifecycle.fill_recent_menu"),
        SEPARATOR,
        Entry(QT_TR_NOOP("&Import documents…"), "navigation.import_documents", "file.import",
              "mdi6.file-import-outline"),
        Entry(QT_TR_NOOP("&Export…"), "ui.dialogs.export:open_export_dialog", "file.export",
              "mdi6.export"),
        Entry(QT_TR_NOOP("Import &annotations…"),
              "ui.dialogs.import_annotations:open_import_dialog",
              "file.import_annotations", "mdi6.tag-arrow-down-outline"),
        SEPARATOR,
        Entry(QT_TR_NOOP("Switch &annotator…"),
              "identity.choose_annotator", "file.switch_annotator",
              "mdi6.account-switch-outline"),
        SEPARATOR,
        Entry(QT_TR_NOOP("&Close project"), "lifecycle.close_project", "file.close"),
        Entry(QT_TR_NOOP("&Quit"), "close", "file.quit", anytime=True),
    )),
    ("edit", QT_TR_NOOP("&Edit"), (
        Entry(QT_TR_NOOP("&Undo"), "annotating.undo", "edit.undo", "mdi6.undo"),
        Entry(QT_TR_NOOP("&Redo"), "annotating.redo", "edit.redo", "mdi6.redo"),
        SEPARATOR,
        Entry(QT_TR_NOOP("&Copy text"), "editor.copy_selection", "edit.copy", standard_keys="Copy"),
        SEPARATOR,
        Entry(QT_TR_NOOP("&Find in document…"),
              "search.show_find_bar", "search.find", "mdi6.magnify"),
        Entry(QT_TR_NOOP("Find &next"), "find_bar.next", "search.next"),
        Entry(QT_TR_NOOP("Find &previous"), "find_bar.previous", "search.previous"),
        Entry(QT_TR_NOOP("&Search all documents…"), "search.show_corpus_search", "search.corpus",
              "mdi6.text-search"),
    )),
    ("view", QT_TR_NOOP("&View"), (
        Submenu(QT_TR_NOOP("&Panels"), "panels"),
        Submenu(QT_TR_NOOP("&Theme"), "theme", tuple(
            Entry(THEME_NAMES[theme], lambda window, on, t=theme: on and window.set_theme(t),
                  f"view.theme_{theme}", anytime=True, checkable=True, exclusive=True)
            for theme in THEMES
        )),
        Submenu(QT_TR_NOOP("&Language"), "language", tuple(
            # each language named in itself, never translated
            Entry(name, lambda window, on, code=code: on and window.appearance.set_language(code),
                  f"view.language_{code}", anytime=True, checkable=True, exclusive=True)
            for code, name in LANGUAGES.items()
        )),
        SEPARATOR,
        Entry(QT_TR_NOOP("Zoom &in"), lambda window: window.appearance.zoom(+1), "view.zoom_in",
              "mdi6.magnify-plus-outline", anytime=True),
        Entry(QT_TR_NOOP("Zoom &out"), lambda window: window.appearance.zoom(-1), "view.zoom_out",
              "mdi6.magnify-minus-outline", anytime=True),
        Entry(QT_TR_NOOP("&Default size"),
              lambda window: window.appearance.zoom(0), "view.zoom_reset",
              anytime=True),
        Entry(QT_TR_NOOP("Text &font…"), "appearance.choose_font", "view.font", anytime=True),
        SEPARATOR,
        Entry(QT_TR_NOOP("&Reload"), "lifecycle.reload", "view.reload"),
        Entry(QT_TR_NOOP("Reset &layout"), "reset_layout", "view.reset_layout", anytime=True),
    )),
    ("annotate", QT_TR_NOOP("&Annotate"), (
        Submenu(QT_TR_NOOP("&Label selection as"), "labels"),
        Entry(QT_TR_NOOP("&Delete annotation"), "annotating.delete_selected", "annotate.delete"),
        Entry(QT_TR_NOOP("Annotate &all occurrences…"), "annotating.annotate_all", "annotate.all",
              "mdi6.format-list-checks"),
        Entry(QT_TR_NOOP("&Exact selection (no snapping)"),
              "annotating.set_exact_mode", "annotate.exact",
              "mdi6.format-letter-matches", checkable=True),
        SEPARATOR,
        Entry(QT_TR_NOOP("Grow at the start"), lambda window: window.editor.move_edge("start", -1),
              "annotate.grow_start"),
        Entry(QT_TR_NOOP("Shrink at the start"),
              lambda window: window.editor.move_edge("start", +1),
              "annotate.shrink_start"),
        Entry(QT_TR_NOOP("Grow at the end"), lambda window: window.editor.move_edge("end", +1),
              "annotate.grow_end"),
        Entry(QT_TR_NOOP("Shrink at the end"), lambda window: window.editor.move_edge("end", -1),
              "annotate.shrink_end"),
        Entry(QT_TR_NOOP("Ne&xt annotation"), lambda window: window.editor.select_neighbour(+1),
              "annotate.next_span"),
        Entry(QT_TR_NOOP("Pre&vious annotation"), lambda window: window.editor.select_neighbour(-1),
              "annotate.previous_span"),
        Entry(QT_TR_NOOP("Clear selection"), "editor.clear_selection", "annotate.clear"),
        SEPARATOR,
        Entry(QT_TR_NOOP("&Finish document, go to next unfinished"), "navigation.finish_document",
              "document.finish", "mdi6.check-circle-outline"),
        Entry(QT_TR_NOOP("&Reopen document"), "navigation.reopen_document", "document.reopen"),
        Entry(QT_TR_NOOP("Next document"), lambda window: window.navigation.step_document(+1),
              "document.next", "mdi6.chevron-left"),
        Entry(QT_TR_NOOP("Previous document"), lambda window: window.navigation.step_document(-1),
              "document.previous", "mdi6.chevron-right"),
        Entry(QT_TR_NOOP("Filter documents"), "navigation.focus_filter", "document.filter"),
    )),
    ("review", QT_TR_NOOP("&Review"), (
        Entry(QT_TR_NOOP("&My annotations"), "identity.view_own_set", "review.own_set"),
        Submenu(QT_TR_NOOP("&View annotations of"), "view_of", on_show="identity.fill_view_menu"),
        SEPARATOR,
        Entry(QT_TR_NOOP("Annotators and &roles…"), "identity.manage_roles", "review.roles"),
        Entry(QT_TR_NOOP("Curator &passphrase…"), "identity.manage_passphrase",
              "review.passphrase"),
    )),
    ("help", QT_TR_NOOP("&Help"), (
        Entry(QT_TR_NOOP("&Keyboard shortcuts"), "help.show_shortcuts", "help.shortcuts",
              "mdi6.keyboard-outline", anytime=True),
        Entry(QT_TR_NOOP("&Check project…"), "help.check_project", "help.check_project"),
        Entry(QT_TR_NOOP("&About Tawsim"), "help.about", "help.about", anytime=True),
    )),
)  # fmt: skip

# the toolbar's buttons, by entry id; None: a separator (the theme button comes last)
TOOLBAR: tuple[str | None, ...] = (
    "file.new", "file.open", "file.import", None,
    "edit.undo", "edit.redo", None,
    "document.previous", "document.next", "document.finish", None,
    "search.find", "search.corpus", "annotate.all", "annotate.exact", None,
    "view.zoom_out", "view.zoom_in",
)  # fmt: skip
