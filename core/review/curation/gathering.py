"""Annotators' sets and the gold set of one document, grouped by candidate key.

`gather` adds one annotator's set to a `Gathered` (key -> {annotator id: detail}),
leaving out, and counting, what cannot be compared: annotations in excluded text,
arguments that lost their span or carry a role of another event type, stances that
lost their holder or target. `read_gold` indexes the gold set by the same keys, so
that `building` can tell which candidates gold holds. The keys are those the
package docstring lists.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection

from core.annotation.excluded import ExcludedRanges, excluded_regions
from core.annotation.spans import SpanRow
from core.annotation.stances import DOCUMENT
from core.annotation.validation import SetContent
from core.schema.model import ProjectSchema
from models.messages import Message


@dataclass
class StanceVersion:
    holder_label: int | None
    target_span_label: int | None
    evidence: list[tuple[int, int]]


@dataclass
class Gathered:
    """Annotations grouped by candidate key: key -> {annotator id: detail}."""

    entities: dict[tuple, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    events: dict[tuple, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    arguments: dict[tuple, dict[tuple, dict[int, int]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(dict))
    )
    document_stances: dict[tuple, dict[int, StanceVersion]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    attributed: dict[tuple, dict[int, StanceVersion]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    left_out: Counter[str] = field(default_factory=Counter)


@dataclass
class Gold:
    entities: dict[tuple, int] = field(default_factory=dict)
    events: dict[tuple, int] = field(default_factory=dict)
    arguments: dict[tuple, dict[tuple, int]] = field(default_factory=lambda: defaultdict(dict))
    argument_labels: dict[tuple, dict[tuple, int]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    document_stances: dict[tuple, int] = field(default_factory=dict)
    attributed: dict[tuple, int] = field(default_factory=dict)
    labels: dict[tuple, StanceVersion] = field(default_factory=dict)  # stance key -> labels


def everyone_excluded(conn: Connection, document_id: int) -> ExcludedRanges:
    """Text excluded for everyone: what binds the gold set while it does not exist."""
    return ExcludedRanges((r.start, r.end) for r in excluded_regions(conn, document_id, None))


def _attributed_key(
    holder: SpanRow,
    target_label_id: int | None,
    target: SpanRow | None,
    polarity_id: int | None,
) -> tuple:
    """(holder start, end, target label, target span start, end, polarity)."""
    return (
        holder.start,
        holder.end,
        target_label_id,
        target.start if target else None,
        target.end if target else None,
        polarity_id,
    )


Excluded = Callable[[int, int], bool]  # whether text (start, end) is left out


def gather(
    schema: ProjectSchema,
    content: SetContent,
    owner: int,
    blocked: ExcludedRanges | None,
    into: Gathered,
) -> None:
    """Group one set's annotations by candidate key (`blocked`: text to leave out)."""

    def excluded(start: int, end: int) -> bool:
        return blocked is not None and blocked.overlaps(start, end)

    for span in content.spans.values():
        if excluded(span.start, span.end):
            into.left_out[Message("entity spans in excluded text")] += 1
            continue
        into.entities[(span.start, span.end, span.label_id)][owner] = span.id
    _gather_events(schema, content, owner, excluded, into)
    _gather_stances(content, owner, excluded, into)


def _gather_events(
    schema: ProjectSchema, content: SetContent, owner: int, excluded: Excluded, into: Gathered
) -> None:
    left_out = into.left_out
    spans = content.spans
    for event in content.events:
        if excluded(event.start, event.end):
            left_out[Message("events in excluded text")] += 1
            continue
        key = (event.start, event.end, event.type_id)
        into.events[key][owner] = event.id
        arguments = into.arguments[key]
        for argument in event.arguments:
            span = spans.get(argument.span_id) if argument.span_id is not None else None
            try:
                role = schema.role(argument.role_id)
            except KeyError:
                role = None
            if span is None:
                left_out[Message("arguments without an entity span of their set")] += 1
            elif role is None or role.event_type_id != event.type_id:
                left_out[Message("arguments with a role of another event type")] += 1
            elif excluded(span.start, span.end):
                left_out[Message("arguments in excluded text")] += 1
            else:
                arguments[(argument.role_id, span.start, span.end)][owner] = span.label_id


def _gather_stances(content: SetContent, owner: int, excluded: Excluded, into: Gathered) -> None:
    left_out = into.left_out
    spans = content.spans
    for stance in content.stances:
        evidence = [(e.start, e.end) for e in stance.evidence if not excluded(e.start, e.end)]
        if len(evidence) < len(stance.evidence):
            left_out[Message("stance evidence in excluded text")] += len(stance.evidence) - len(
                evidence
            )
        if stance.scope == DOCUMENT:
            key = (stance.target_label_id, stance.polarity_id)
            into.document_stances[key][owner] = StanceVersion(None, None, evidence)
            continue
        if stance.polarity_id is None:
            left_out[Message("stances with no polarity chosen")] += 1
            continue
        holder = spans.get(stance.holder_span_id) if stance.holder_span_id is not None else None
        target = None
        if stance.target_span_id is not None:
            target = spans.get(stance.target_span_id)
        if holder is None or (stance.target_span_id is not None and target is None):
            left_out[Message("stances that lost their holder or target")] += 1
            continue
        if stance.target_label_id is None and target is None:
            left_out[Message("stances that lost their holder or target")] += 1
            continue
        if excluded(holder.start, holder.end) or (
            target is not None and excluded(target.start, target.end)
        ):
            left_out[Message("stances in excluded text")] += 1
            continue
        key = _attributed_key(holder, stance.target_label_id, target, stance.polarity_id)
        into.attributed[key][owner] = StanceVersion(
            holder.label_id, target.label_id if target else None, evidence
        )


def read_gold(content: SetContent) -> Gold:
    """The gold set's annotations by candidate key (nothing is left out of gold)."""
    gold = Gold()
    spans = content.spans
    for span in spans.values():
        gold.entities[(span.start, span.end, span.label_id)] = span.id
    for event in content.events:
        key = (event.start, event.end, event.type_id)
        gold.events[key] = event.id
        for argument in event.arguments:
            argument_span = spans.get(argument.span_id) if argument.span_id is not None else None
            if argument_span is not None:
                arg_key = (argument.role_id, argument_span.start, argument_span.end)
                gold.arguments[key][arg_key] = argument.id
                gold.argument_labels[key][arg_key] = argument_span.label_id
    for stance in content.stances:
        evidence = [(e.start, e.end) for e in stance.evidence]
        if stance.scope == DOCUMENT:
            stance_key = (stance.target_label_id, stance.polarity_id)
            gold.document_stances[stance_key] = stance.id
            gold.labels[stance_key] = StanceVersion(None, None, evidence)
            continue
        holder = spans.get(stance.holder_span_id) if stance.holder_span_id is not None else None
        target = spans.get(stance.target_span_id) if stance.target_span_id is not None else None
        if holder is None or (stance.target_label_id is None and target is None):
            continue
        if stance.polarity_id is None:
            continue
        stance_key = _attributed_key(holder, stance.target_label_id, target, stance.polarity_id)
        gold.attributed[stance_key] = stance.id
        gold.labels[stance_key] = StanceVersion(
            holder.label_id, target.label_id if target else None, evidence
        )
    return gold


__all__ = ["Gathered", "Gold", "StanceVersion", "everyone_excluded", "gather", "read_gold"]
