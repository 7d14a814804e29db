"""The annotation set shown in the editor, as the event, stance and excluded-text panels
need it: its events, stances and excluded text, with its problems.

One object per window (`window.current_set`) reads it once per change that touches the
shown set or the schema, and tells the panels through `changed`; no panel reads it on
its own. The window calls it itself, in a fixed order: after it has brought its own
state up to date and before it emits its signals, so panels never see it stale (`apply`
from `emit_changes`, `reload(force=True)` when a project or a document is shown).
Entity spans are not read again: the editor holds the shown set's spans, current (the
window patches them before this reads), and a set can have ten thousand of them, so
only those validation and the panels look at are taken from there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.annotation.excluded import RegionRow
from core.annotation.validation import (
    ERROR,
    Problem,
    ProblemCount,
    SetContent,
    read_shown_set,
    validate_set,
)
from core.project.changes import Changes
from ui.qt import QtCore, Signal

if TYPE_CHECKING:
    from ui.main_window import MainWindow

_PROBLEM_IDS = ("event_id", "argument_id", "role_id", "stance_id", "evidence_id", "span_id")


class CurrentSet(QtCore.QObject):
    changed = Signal()

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.document_id: int | None = None
        self.set_id: int | None = None
        self.content: SetContent | None = None  # None: no set yet (nothing annotated)
        self.problems: list[Problem] = []
        self.regions: list[RegionRow] = []  # excluded text that applies to the set
        self.reads = 0  # for tests: how often it was read
        self._shown: tuple | None = None
        self._by_id: dict[tuple[str, int], list[Problem]] = {}

    def reload(self, force: bool = False) -> None:
        """Read the shown set again; tell the panels if what they show changed (`force`:
        in any case)."""
        window = self.window
        project, document_id = window.project, window.current_document_id
        self.document_id = document_id
        self.set_id, self.content, self.problems, self.regions = None, None, [], []
        if project is not None and document_id is not None:
            # the window keeps the shown set's id current (it is made by the first annotation)
            self.set_id = window.current_set_id
            layer = window.editor.layer
            self.regions, self.content = read_shown_set(
                project, document_id, self.set_id, layer.spans, layer.index, len(layer.text)
            )
            if self.content is not None:
                self.problems = validate_set(project.schema, self.content)
            self.reads += 1
            self._note_problems()
        self._index_problems()
        content = self.content
        shown = (
            window.annotator,  # who looks decides what may be edited
            window.read_only,
            window.project.schema if window.project is not None else None,  # names shown
            self.document_id,
            self.set_id,
            self.regions,
            self.problems,
            (content.spans, content.events, content.stances, content.foreign_spans)
            if content is not None
            else None,
        )
        if force or shown != self._shown:  # else only a span nothing here refers to changed
            self._shown = shown
            self.changed.emit()

    def _index_problems(self) -> None:
        self._by_id = {}
        for problem in self.problems:
            for field in _PROBLEM_IDS:
                value = getattr(problem, field)
                if value is not None:
                    self._by_id.setdefault((field, value), []).append(problem)

    def apply(self, changes: Changes) -> None:
        """A change, after the window has taken it (the editor holds the changed spans)."""
        window = self.window
        document_id = window.current_document_id
        if document_id is None or not (
            changes.schema
            or document_id in changes.documents
            or (self.set_id is not None and self.set_id in changes.sets)
        ):
            return
        content = self.content
        referenced: set[int] | None
        if content is None:
            referenced = None if self.regions else set()
        else:  # the spans events and stances refer to, and those in excluded text
            referenced = content.spans.keys() | content.foreign_spans.keys()
        if (
            changes.rows
            and set(changes.rows) <= {"entity_span", "annotation_set", "suggestion_decision"}
            and not changes.schema
            and self.set_id == window.current_set_id
            and referenced is not None
            and referenced.isdisjoint(changes.rows.get("entity_span", ()))
        ):
            # entity spans alone changed, and nothing shown here refers to them; the
            # document list, told the document changed, keeps its count from here
            self._note_problems()
            return
        self.reload()

    def _note_problems(self) -> None:
        if self.document_id is None:
            return
        errors = sum(1 for p in self.problems if p.severity == ERROR)
        self.window.documents.model.note_problems(
            self.document_id, ProblemCount(errors, len(self.problems) - errors)
        )

    # --- questions the panels ask ---------------------------------------------------

    def problems_of(self, **ids: int) -> list[Problem]:
        """Problems naming these ids, e.g. `problems_of(event_id=3)`."""
        (field, value), *rest = ids.items()
        found = self._by_id.get((field, value), [])
        return [p for p in found if all(getattr(p, k) == v for k, v in rest)]

    @staticmethod
    def worst(problems: list[Problem]) -> str | None:
        """ "error", "warning" or None."""
        if not problems:
            return None
        return ERROR if any(p.severity == ERROR for p in problems) else problems[0].severity

    def span_text(self, span_id: int | None) -> str:
        span = self.window.editor.layer.spans.get(span_id) if span_id else None
        return self.window.editor.text[span.start : span.end] if span is not None else ""
