"""What an annotation import is asked to do, and what it reports: the options,
the refusal that names every problem, and the report of what was imported.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from core.project.changes import Changes
from core.project.errors import OperationError
from core.schema.model import LAYER_PLURALS
from models.messages import Message

AUTO = "auto"
RESERVED_NAMES = ("gold", "all")
MAX_PROBLEMS_SHOWN = 20
LAYER_WORDS = {**LAYER_PLURALS, "role": Message("event roles")}


@dataclass
class ImportOptions:
    annotator: str = ""  # whose sets receive the annotations
    add_labels: bool = False  # add unknown labels, event types and roles to the schema
    offsets: str = AUTO  # "auto", "codepoints" or "utf16"
    clitics: str = "keep"  # token formats: "strip" moves an entity's start past a proclitic
    from_set: str | None = None  # files holding several sets per document: which to take
    dry_run: bool = False  # check everything, write nothing
    # a recommender's name: the file holds a model's predictions, imported as suggestions
    # of that recommender (entities and event triggers only), not as anyone's annotations
    as_suggestions: str | None = None


class ImportRefused(OperationError):
    """Nothing was imported; `problems` say why (file, line, field)."""

    def __init__(self, problems: list[str], unknown_labels: dict[str, list[str]] | None = None):
        self.problems = problems
        self.unknown_labels = unknown_labels or {}
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        text = "; ".join(shown) + (f"; and {more} more problem(s)" if more > 0 else "")
        super().__init__(f"nothing was imported: {text}")


@dataclass
class ImportReport:
    format: str
    annotator: str
    files: list[str] = field(default_factory=list)
    documents_added: list[int] = field(default_factory=list)
    documents_matched: list[int] = field(default_factory=list)
    sets_created: int = 0
    entities: int = 0
    events: int = 0
    arguments: int = 0
    stances: int = 0
    excluded: int = 0
    already_present: Counter[str] = field(default_factory=Counter)
    labels_added: dict[str, list[str]] = field(default_factory=dict)
    left_out: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    dry_run: bool = False
    suggestions: bool = False  # predictions imported as suggestions of `annotator`

    def summary(self) -> str:
        verb = "would import" if self.dry_run else "imported"
        docs = len(self.documents_added) + len(self.documents_matched)
        if self.suggestions:
            return (
                f"{verb} {self.entities:,} entity and {self.events:,} event trigger "
                f"suggestions of recommender {self.annotator} on {docs:,} document(s) "
                f"({len(self.documents_added):,} new)"
            )
        return (
            f"{verb} {self.entities:,} entities, {self.events:,} events "
            f"({self.arguments:,} arguments), {self.stances:,} stances into {self.annotator}'s "
            f"sets on {docs:,} document(s) ({len(self.documents_added):,} new)"
        )

    def details(self) -> list[str]:
        lines = list(self.notes)
        for layer, keys in self.labels_added.items():
            lines.append(f"added {LAYER_WORDS.get(layer, layer)}: {', '.join(keys)}")
        for what, count in sorted(self.already_present.items()):
            lines.append(f"already present, not added again: {count:,} {what}")
        for what, count in sorted(self.left_out.items()):
            lines.append(f"not imported: {count:,} {what}")
        return lines
