"""What an operation changed, so a UI can redraw only that."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

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

    def merge(self, other: Changes) -> Changes:
        self.documents |= other.documents
        self.documents_added |= other.documents_added
        self.documents_removed |= other.documents_removed
        self.sets |= other.sets
        self.schema |= other.schema
        self.annotators |= other.annotators
        self.settings |= other.settings
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
        )


@dataclass
class OpResult(Generic[T]):
    """An operation's outcome: what changed, and the value it produced (e.g. a new id)."""

    changes: Changes
    value: T | None = None
