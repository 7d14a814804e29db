"""The main window's parts.

`ui.main_window.MainWindow` is the host: it builds the widgets, holds the state the
parts and the extensions read, offers the host API (docs/architecture.md, "UI") and
dispatches every change in a fixed order. Each concern of the window is a part of its
own, an attribute of the window:

- `menus`        the menus and the toolbar, built from the tables in ui.bindings, and
                 the keys each action shows
- `lifecycle`    `window.lifecycle`: new, open, recent, close, reload; `set_project`
- `identity`     `window.identity`: the annotator, switching, whose set is shown, roles
- `navigation`   `window.navigation`: opening, stepping, finishing, importing documents;
                 the document list and the shown spans after a change
- `annotating`   `window.annotating`: label keys, labelling, deleting, resizing, annotate
                 all, exact selection, undo and redo
- `search`       `window.search`: the find bar, search in all documents and its index
- `status`       `window.status`: the status bar's texts
- `appearance`   `window.appearance`: theme, text size and font
- `help`         `window.help`: the shortcuts sheet, Check project, About
- `drops`        `window.drops`: files dropped on the window
- `arrangement`  `window.arrangement`: the docks, their first arrangement, the text
                 column kept wide, the layout saved and restored
"""

from __future__ import annotations

from core.project.errors import OperationError, ProjectError
from core.project.journal import UndoConflict

# what `run_operation` shows in the notice strip instead of raising (a project that is
# busy, damaged or on a full disk among them: the message says what to do)
REFUSALS = (OperationError, ProjectError, UndoConflict)
# background work shows any error's message as it is
TASK_ERRORS = (Exception,)
