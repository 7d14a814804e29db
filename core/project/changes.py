"""What an operation changed, so a UI can redraw only that."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass
class Changes:
    documents: set[int] = field(default_factory=set)  # annotations or state of these changed
    documents_added: set[int] = field(default_factory=set)
    documents_removed: set[int] = field(default_factory=set)
    sets: set[int] = field(default_factory=set)  # annotation sets touched
    schema: bool = False  # layers, labels, roles
    annotators: bool = False
    settings: bool = False
    # primary keys of the rows written, per table; filled by Txn, so a view can re-read
    # only those rows (empty when the change set was put together by hand)
    rows: dict[str, set[Any]] = field(default_factory=dict)

    def merge(self, other: Changes) -> Changes:
        self.documents |= other.documents
        self.documents_added |= other.documents_added
        self.documents_removed |= other.documents_removed
        self.sets |= other.sets
        self.schema |= other.schema
        self.annotators |= other.annotators
        self.settings |= other.settings
        for table, keys in other.rows.items():
            self.rows.setdefault(table, set()).update(keys)
        return self

    def reversed(self) -> Changes:
        """The changes of undoing this: what was added is removed and the reverse."""
        return Changes(
            documents=set(self.documents),
            documents_added=set(self.documents_removed),
            documents_removed=set(self.documents_added),
            sets=set(self.sets),
            schema=self.schema,
            annotators=self.annotators,
            settings=self.settings,
            rows={table: set(keys) for table, keys in self.rows.items()},
        )

    def to_json(self) -> dict[str, Any]:
        """As plain JSON values (keys of several columns become lists)."""
        return {
            "documents": sorted(self.documents),
            "documents_added": sorted(self.documents_added),
            "documents_removed": sorted(self.documents_removed),
            "sets": sorted(self.sets),
            "schema": self.schema,
            "annotators": self.annotators,
            "settings": self.settings,
            "rows": {
                table: sorted(list(k) if isinstance(k, tuple) else k for k in keys)
                for table, keys in self.rows.items()
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Changes:
        return cls(
            documents=set(data.get("documents", ())),
            documents_added=set(data.get("documents_added", ())),
            documents_removed=set(data.get("documents_removed", ())),
            sets=set(data.get("sets", ())),
            schema=bool(data.get("schema")),
            annotators=bool(data.get("annotators")),
            settings=bool(data.get("settings")),
            rows={
                table: {tuple(k) if isinstance(k, list) else k for k in keys}
                for table, keys in data.get("rows", {}).items()
            },
        )

    def __bool__(self) -> bool:
        return bool(
            self.documents
            or self.documents_added
            or self.documents_removed
            or self.sets
            or self.schema
            or self.annotators
            or self.settings
            or self.rows
        )


@dataclass
class OpResult(Generic[T]):
    """An operation's outcome: what changed, and the value it produced (a new id, a
    report); an operation that produces nothing returns OpResult[None]."""

    changes: Changes
    value: T
