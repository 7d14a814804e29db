"""Every key binding of the window, declared once: id, default keys, what it does.

Menus, the editor and the shortcuts sheet (F1) all read from here, so the
sheet always shows the bindings that really work. Label keys come from the
project schema and are listed by the sheet separately. A user can override a
binding in the `shortcuts` group of the settings file (`id = Ctrl+K`, several
separated by "; ", or empty to switch it off).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ui.qt import QtCore, QtGui

# where the keys work: anywhere, with the text focused, or in the panel named in the description
WINDOW, EDITOR, PANEL = "window", "editor", "panel"
CANDIDATES = "candidates"  # in the curation view's candidate list


@dataclass(frozen=True)
class Binding:
    id: str
    keys: tuple[str, ...]  # portable QKeySequence text
    description: str
    section: str
    scope: str = WINDOW


BINDINGS: tuple[Binding, ...] = (
    # --- files
    Binding("file.new", ("Ctrl+N",), "New project…", "Files"),
    Binding("file.open", ("Ctrl+O",), "Open a project…", "Files"),
    Binding("file.import", ("Ctrl+I",), "Import documents…", "Files"),
    Binding("file.switch_annotator", ("Ctrl+Shift+U",), "Switch annotator…", "Files"),
    Binding("file.close", ("Ctrl+W",), "Close the project", "Files"),
    Binding("file.quit", ("Ctrl+Q",), "Quit", "Files"),
    # --- annotating
    Binding(
        "annotate.exact",
        ("Ctrl+E",),
        "Exact selection: tag the characters selected, without snapping to words "
        "(or hold Alt while selecting)",
        "Annotating",
    ),
    Binding(
        "annotate.delete",
        ("Del", "Backspace"),
        "Delete the selected annotation (in the event and stance panels: the selected "
        "event, argument, stance or evidence)",
        "Annotating",
        EDITOR,
    ),
    Binding(
        "annotate.clear",
        ("Esc",),
        "Clear the selection (in a panel: stop choosing, back to the text)",
        "Annotating",
        EDITOR,
    ),
    Binding(
        "annotate.grow_start",
        ("Shift+Alt+Right",),
        "Move the start (right edge) of the selection or selected annotation one character "
        "to the right: grows it",
        "Annotating",
        EDITOR,
    ),
    Binding(
        "annotate.shrink_start",
        ("Shift+Alt+Left",),
        "Move the start (right edge) one character to the left: shrinks it",
        "Annotating",
        EDITOR,
    ),
    Binding(
        "annotate.grow_end",
        ("Ctrl+Shift+Alt+Left",),
        "Move the end (left edge) one character to the left: grows it",
        "Annotating",
        EDITOR,
    ),
    Binding(
        "annotate.shrink_end",
        ("Ctrl+Shift+Alt+Right",),
        "Move the end (left edge) one character to the right: shrinks it",
        "Annotating",
        EDITOR,
    ),
    Binding("annotate.next_span", ("Tab",), "Select the next annotation", "Annotating", EDITOR),
    Binding(
        "annotate.previous_span",
        ("Shift+Tab",),
        "Select the previous annotation",
        "Annotating",
        EDITOR,
    ),
    Binding(
        "annotate.all",
        ("Ctrl+Shift+A",),
        "Annotate all occurrences of the selected annotation's text…",
        "Annotating",
    ),
    Binding("edit.undo", ("Ctrl+Z",), "Undo the last change", "Annotating"),
    # --- events, stances, excluded text
    Binding(
        "event.panel",
        ("Ctrl+Shift+E",),
        "Go to the event panel: the selected event's roles (event type keys mark the "
        "selected text as a trigger)",
        "Events and stances",
    ),
    Binding(
        "event.next_candidate",
        ("Space",),
        "Event panel, on a role: show the next entity annotation it accepts, nearest the "
        "trigger first",
        "Events and stances",
        PANEL,
    ),
    Binding(
        "event.previous_candidate",
        ("Shift+Space",),
        "Event panel, on a role: show the previous candidate",
        "Events and stances",
        PANEL,
    ),
    Binding(
        "event.confirm_candidate",
        ("Return", "Enter"),
        "Event panel: fill the role with the candidate shown (on an argument: reassign it)",
        "Events and stances",
        PANEL,
    ),
    Binding("stance.panel", ("Ctrl+Shift+T",), "Go to the stance panel", "Events and stances"),
    Binding(
        "stance.new",
        ("Ctrl+Shift+H",),
        "New attributed stance held by the selected entity annotation (or click its holder)",
        "Events and stances",
    ),
    Binding(
        "stance.add_evidence",
        ("Ctrl+Shift+V",),
        "Add the selected text as evidence of the selected stance",
        "Events and stances",
    ),
    Binding(
        "exclude.mine",
        ("Ctrl+Shift+X",),
        "Exclude the selected text from your annotation (boilerplate, another article)",
        "Events and stances",
    ),
    Binding("edit.redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo", "Annotating"),
    # --- documents
    Binding(
        "document.finish",
        ("Ctrl+Return", "Ctrl+Enter"),
        "Mark the document finished and go to the next unfinished one",
        "Documents",
    ),
    Binding(
        "document.reopen",
        ("Ctrl+Shift+Return",),
        "Mark the document in progress again",
        "Documents",
    ),
    Binding("document.next", ("Ctrl+PgDown",), "Next document", "Documents"),
    Binding("document.previous", ("Ctrl+PgUp",), "Previous document", "Documents"),
    Binding("document.filter", ("Ctrl+L",), "Filter the document list", "Documents"),
    # --- search
    Binding("search.find", ("Ctrl+F",), "Find in the document (Arabic folding)", "Search"),
    Binding("search.next", ("F3",), "Next match", "Search"),
    Binding("search.previous", ("Shift+F3",), "Previous match", "Search"),
    Binding("search.corpus", ("Ctrl+Shift+F",), "Search all documents", "Search"),
    # --- view
    Binding("view.zoom_in", ("Ctrl+=", "Ctrl++"), "Larger text", "View"),
    Binding("view.zoom_out", ("Ctrl+-",), "Smaller text", "View"),
    Binding("view.zoom_reset", ("Ctrl+0",), "Default text size", "View"),
    Binding("view.reload", ("F5",), "Reload from the project file", "View"),
    Binding("help.shortcuts", ("F1",), "This list of shortcuts", "Help"),
    # --- curation (Review > Curate; in the curation view, Ctrl+Enter marks the gold
    # standard curated and opens the next document needing curation, Ctrl+Z undoes)
    Binding(
        "review.dashboard",
        ("Ctrl+Shift+R",),
        "Agreement dashboard: figures, heatmap, disagreements (curators)",
        "Curation",
    ),
    Binding(
        "review.curate",
        ("Ctrl+Shift+G",),
        "Curate the gold standard: annotators' versions side by side (curators)",
        "Curation",
    ),
    Binding(
        "curation.next",
        ("J", "N"),
        "Next undecided candidate (in the candidate list)",
        "Curation",
        CANDIDATES,
    ),
    Binding(
        "curation.previous",
        ("K", "P"),
        "Previous undecided candidate (in the candidate list)",
        "Curation",
        CANDIDATES,
    ),
    Binding(
        "curation.accept",
        ("A", "Return", "Enter"),
        "Accept the candidate into the gold standard; an event comes with its arguments "
        "(in the candidate list)",
        "Curation",
        CANDIDATES,
    ),
    Binding(
        "curation.reject",
        ("R",),
        "Reject the candidate, taking it out of the gold standard if it is there; Delete "
        "does the same (in the candidate list)",
        "Curation",
        CANDIDATES,
    ),
    Binding(
        "curation.edit",
        ("E",),
        "Edit: go to the candidate in the gold pane, where label keys, Delete and "
        "Shift+Alt+arrows work (in the candidate list)",
        "Curation",
        CANDIDATES,
    ),
)

_BY_ID = {b.id: b for b in BINDINGS}
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


def native_text(binding_id: str) -> str:
    """The keys as this platform writes them ("Ctrl+Z" or "⌘Z"), for menus and the sheet."""
    return _native(keys(binding_id))


@lru_cache(maxsize=256)
def _native(portable: tuple[str, ...]) -> str:
    return ", ".join(
        QtGui.QKeySequence(k).toString(QtGui.QKeySequence.SequenceFormat.NativeText)
        for k in portable
    )
