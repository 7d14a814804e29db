"""What the span-and-relation formats (doccano, Label Studio) share: offsets in the
tool's unit, and events written as a trigger span with relations to its arguments."""

from __future__ import annotations

from dataclasses import dataclass

from core.io.dataset import DocumentRecord
from core.io.formats.common import UTF16
from core.io.formats.offsets import Utf16Offsets


@dataclass(frozen=True, slots=True)
class FlatSpan:
    ref: str
    label: str
    start: int  # in the output unit
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class FlatRelation:
    ref: str
    from_ref: str
    to_ref: str
    type: str


def flatten(record: DocumentRecord, unit: str) -> tuple[list[FlatSpan], list[FlatRelation]]:
    """Entities and event triggers as labelled spans (triggers labelled with their event
    type), and each event argument as a relation trigger -> entity labelled with the role."""
    convert = Utf16Offsets(record.text).to_utf16 if unit == UTF16 else (lambda offset: offset)
    spans = [
        FlatSpan(f"e{e.id}", e.label, convert(e.start), convert(e.end), e.text)
        for e in record.entities
    ]
    relations = []
    for event in record.events:
        trigger = f"v{event.id}"
        spans.append(
            FlatSpan(trigger, event.type, convert(event.start), convert(event.end), event.text)
        )
        for n, argument in enumerate(event.arguments, start=1):
            relations.append(
                FlatRelation(f"{trigger}r{n}", trigger, f"e{argument.entity_id}", argument.role)
            )
    spans.sort(key=lambda s: (s.start, -s.end, s.label, s.ref))
    return spans, relations


__all__ = ["FlatRelation", "FlatSpan", "flatten"]
