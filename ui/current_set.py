"""The annotation set shown in the editor, as the event, stance and excluded-text panels
need it: its events, stances, spans and excluded text, with its problems.

One object per window (`CurrentSet.of(window)`) reads it once per change that touches
the shown set or the schema, and tells the panels through `changed`; no panel reads it
on its own. The window's own spans stay with the editor (which patches them row by row).
"""

from __future__ import annotations

from core.changes import Changes
from core.excluded import RegionRow, excluded_regions
from core.validation import ERROR, Problem, SetContent, load_set_content, validate_set
from ui.qt import QtCore, Signal


class CurrentSet(QtCore.QObject):
    changed = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.document_id: int | None = None
        self.set_id: int | None = None
        self.content: SetContent | None = None  # None: no set yet (nothing annotated)
        self.problems: list[Problem] = []
        self.regions: list[RegionRow] = []  # excluded text that applies to the set
        self.reads = 0  # for tests: how often it was read
        window.project_changed.connect(lambda _project: self.reload())
        window.editor.document_shown.connect(lambda _document: self.reload())
        window.operation_did_execute.connect(self._on_changes)

    @classmethod
    def of(cls, window) -> CurrentSet:
        found = getattr(window, "_current_set", None)
        if found is None:
            found = window._current_set = cls(window)
        return found

    def reload(self) -> None:
        window = self.window
        project, document_id = window.project, window.current_document_id
        self.document_id = document_id
        self.set_id, self.content, self.problems, self.regions = None, None, [], []
        if project is not None and document_id is not None:
            # the window keeps the shown set's id current (it is made by the first annotation)
            self.set_id = window.current_set_id
            with project.read() as conn:
                if self.set_id is not None:
                    self.content = load_set_content(conn, self.set_id)
                self.regions = excluded_regions(conn, document_id, self.set_id)
            if self.content is not None:
                self.problems = validate_set(project.schema, self.content)
            self.reads += 1
        self.changed.emit()

    def _on_changes(self, changes: Changes) -> None:
        document_id = self.window.current_document_id
        if document_id is None:
            return
        if (
            changes.schema
            or document_id in changes.documents
            or (self.set_id is not None and self.set_id in changes.sets)
        ):
            self.reload()

    # --- questions the panels ask ---------------------------------------------------

    def problems_of(self, **ids: int) -> list[Problem]:
        """Problems naming these ids, e.g. `problems_of(event_id=3)`."""
        return [p for p in self.problems if all(getattr(p, k) == v for k, v in ids.items())]

    @staticmethod
    def worst(problems: list[Problem]) -> str | None:
        """ "error", "warning" or None."""
        if not problems:
            return None
        return ERROR if any(p.severity == ERROR for p in problems) else problems[0].severity

    def span_text(self, span_id: int | None) -> str:
        content = self.content
        span = content.spans.get(span_id) if content is not None and span_id else None
        return self.window.editor.text[span.start : span.end] if span is not None else ""
