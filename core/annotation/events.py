"""Events: a typed trigger span with arguments, each an entity span filling a role.

Operations the event panel calls. Each is one transaction and one undo step named
after what it did ("Add Business.Acquire", "Add Acquirer"), moves the annotator's
set to in progress, and reports the document and set in `Changes`. Arguments
refer to entity spans of the same annotation set. Problems that arise later (a span
deleted, relabelled, a role edited) are not repaired silently: `core.annotation.validation`
reports them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, select

from core.annotation.excluded import check_not_excluded, excluded_ranges_of_set
from core.annotation.sets import ensure_set, touch_set
from core.annotation.spans import SpanRow, check_offsets, get_span, spans_of_set
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project, in_batches
from core.schema.model import EVENT, LabelInfo, ProjectSchema, RoleInfo, load_schema
from models.messages import Message
from models.tables import EventArgument, EventMention


@dataclass(frozen=True)
class ArgumentRow:
    id: int
    event_id: int
    role_id: int
    span_id: int | None  # None: the span was deleted (see detached_*)
    detached_start: int | None = None
    detached_end: int | None = None
    detached_label: str | None = None

    @property
    def detached(self) -> bool:
        return self.span_id is None


@dataclass(frozen=True)
class EventRow:
    id: int
    set_id: int
    type_id: int
    start: int  # trigger
    end: int
    note: str
    arguments: tuple[ArgumentRow, ...] = ()

    def arguments_of(self, role_id: int) -> list[ArgumentRow]:
        return [a for a in self.arguments if a.role_id == role_id]


@dataclass(frozen=True)
class Candidate:
    """An entity span a role accepts, `distance` code points away from the trigger."""

    span: SpanRow
    distance: int


# --- reading -------------------------------------------------------------------------

_EVENT_COLUMNS = (
    EventMention.id,
    EventMention.set_id,
    EventMention.type_id,
    EventMention.start,
    EventMention.end,
    EventMention.note,
)
_ARGUMENT_COLUMNS = (
    EventArgument.id,
    EventArgument.event_id,
    EventArgument.role_id,
    EventArgument.span_id,
    EventArgument.detached_start,
    EventArgument.detached_end,
    EventArgument.detached_label,
)


def events_of_sets(conn: Connection, set_ids: list[int]) -> dict[int, list[EventRow]]:
    """Events (with their arguments, in role order then id) of each set, by trigger position."""
    result: dict[int, list[EventRow]] = {set_id: [] for set_id in set_ids}
    for chunk in in_batches(set_ids):
        events = conn.execute(
            select(*_EVENT_COLUMNS)
            .where(EventMention.set_id.in_(chunk))
            .order_by(EventMention.start, EventMention.end, EventMention.id)
        ).all()
        arguments: dict[int, list[ArgumentRow]] = defaultdict(list)
        for argument in conn.execute(
            select(*_ARGUMENT_COLUMNS)
            .join(EventMention, EventMention.id == EventArgument.event_id)
            .where(EventMention.set_id.in_(chunk))
            .order_by(EventArgument.id)
        ).all():
            arguments[argument.event_id].append(ArgumentRow(*argument))
        for event in events:
            result[event.set_id].append(EventRow(*event, arguments=tuple(arguments[event.id])))
    return result


def events_of_set(conn: Connection, set_id: int) -> list[EventRow]:
    return events_of_sets(conn, [set_id])[set_id]


def get_event(conn: Connection, event_id: int) -> EventRow:
    row = conn.execute(select(*_EVENT_COLUMNS).where(EventMention.id == event_id)).first()
    if row is None:
        raise OperationError(
            Message("event {id} does not exist (it may have been deleted)", id=event_id)
        )
    arguments = conn.execute(
        select(*_ARGUMENT_COLUMNS)
        .where(EventArgument.event_id == event_id)
        .order_by(EventArgument.id)
    ).all()
    return EventRow(*row, arguments=tuple(ArgumentRow(*a) for a in arguments))


def get_argument(conn: Connection, argument_id: int) -> ArgumentRow:
    row = conn.execute(select(*_ARGUMENT_COLUMNS).where(EventArgument.id == argument_id)).first()
    if row is None:
        raise OperationError(
            Message("argument {id} does not exist (it may have been deleted)", id=argument_id)
        )
    return ArgumentRow(*row)


def trigger_distance(span: SpanRow, start: int, end: int) -> int:
    """Code points between a span and a trigger (0 when they touch or overlap)."""
    return max(0, span.start - end, start - span.end)


def argument_candidates(
    project: Project, event_id: int, role_id: int, *, include_used: bool = False
) -> list[Candidate]:
    """Entity spans of the event's set that `role_id` accepts, nearest the trigger first.

    Spans in excluded text are left out; so are spans already filling this role of this
    event unless `include_used`. The UI cycles through them by keyboard.
    """
    with project.read() as conn:
        event = get_event(conn, event_id)
        role = _role_of_type(project.schema, event.type_id, role_id)
        excluded = excluded_ranges_of_set(conn, event.set_id)
        spans = spans_of_set(conn, event.set_id)
    used = {a.span_id for a in event.arguments_of(role.id)}
    candidates = [
        Candidate(span, trigger_distance(span, event.start, event.end))
        for span in spans
        if role.accepts(span.label_id)
        and (include_used or span.id not in used)
        and not excluded.overlaps(span.start, span.end)
    ]
    candidates.sort(key=lambda c: (c.distance, c.span.start, c.span.end, c.span.id))
    return candidates


# --- checks ------------------------------------------------------------------------------


def _event_type(schema: ProjectSchema, type_id: int):
    try:
        label = schema.label(type_id)
    except KeyError:
        raise OperationError(Message("event type {id} does not exist", id=type_id)) from None
    if label.layer != EVENT:
        raise OperationError(
            Message("{label} is not an event type", label=schema.describe(type_id))
        )
    return label


def _role(schema: ProjectSchema, role_id: int) -> RoleInfo:
    try:
        return schema.role(role_id)
    except KeyError:
        raise OperationError(
            Message("role {id} does not exist (it may have been deleted)", id=role_id)
        ) from None


def _role_of_type(schema: ProjectSchema, type_id: int, role_id: int) -> RoleInfo:
    role = _role(schema, role_id)
    if role.event_type_id != type_id:
        raise OperationError(
            Message(
                "{role} is a role of {owner}, not of {type}",
                role=role,
                owner=schema.label(role.event_type_id),
                type=schema.label(type_id),
            )
        )
    return role


def _check_trigger(conn: Connection, set_id: int, start: int, end: int) -> None:
    check_offsets(conn, set_id, start, end, Message("trigger"))
    check_not_excluded(conn, set_id, start, end, Message("a trigger"))


def _check_argument(
    conn: Connection,
    schema: ProjectSchema,
    event: EventRow,
    role: RoleInfo,
    span_id: int,
    ignore_argument_id: int | None = None,
) -> SpanRow:
    span = get_span(conn, span_id)
    label = schema.label(span.label_id)
    if span.set_id != event.set_id:
        raise OperationError(
            Message("an argument must be an entity span of the same annotation set")
        )
    if not role.accepts(span.label_id):
        allowed = tuple(
            sorted((schema.label(i) for i in role.allowed_label_ids), key=lambda a: a.key)
        )
        raise OperationError(
            Message(
                "{role} accepts {allowed}; this span is {label}",
                role=role,
                allowed=allowed,
                label=label,
            )
        )
    others = [a for a in event.arguments_of(role.id) if a.id != ignore_argument_id]
    if any(a.span_id == span_id for a in others):
        raise OperationError(Message("this span already fills {role} of this event", role=role))
    if others and not role.multiple:
        raise OperationError(
            Message("{role} takes one argument and already has one; reassign it instead", role=role)
        )
    check_not_excluded(conn, event.set_id, span.start, span.end, Message("an argument"))
    return span


# --- operations ------------------------------------------------------------------------------


def add_event(project: Project, set_id: int, type_id: int, start: int, end: int) -> OpResult[int]:
    """Mark `start`-`end` as the trigger of a new event of `type_id`."""
    event_type = _event_type(project.schema, type_id)
    with project.write(Message("Add {type}", type=event_type)) as tx:
        event_id = insert_event(tx, set_id, event_type, start, end)
    return OpResult(tx.changes, event_id)


def annotate_event(
    project: Project,
    document_id: int,
    annotator_id: int | None,
    type_id: int,
    start: int,
    end: int,
) -> OpResult[int]:
    """Mark a trigger in the annotator's set of a document, creating the set if needed,
    as one undo step (what `core.annotation.spans.annotate` is for entity spans)."""
    event_type = _event_type(project.schema, type_id)
    with project.write(Message("Add {type}", type=event_type)) as tx:
        set_id = ensure_set(tx, document_id, annotator_id)
        event_id = insert_event(tx, set_id, event_type, start, end)
    return OpResult(tx.changes, event_id)


def insert_event(tx: Txn, set_id: int, event_type: LabelInfo, start: int, end: int) -> int:
    """Add an event with its trigger to a set inside `tx`: refused outside the document,
    in excluded text, or when the trigger has that type already."""
    type_id = event_type.id
    _event_type(load_schema(tx.conn), type_id)
    _check_trigger(tx.conn, set_id, start, end)
    exists = tx.conn.execute(
        select(EventMention.id).where(
            EventMention.set_id == set_id,
            EventMention.start == start,
            EventMention.end == end,
            EventMention.type_id == type_id,
        )
    ).scalar()
    if exists is not None:
        raise OperationError(Message("this trigger already has a {type} event", type=event_type))
    event_id = tx.insert(EventMention, set_id=set_id, type_id=type_id, start=start, end=end)
    touch_set(tx, set_id)
    return event_id


def change_event_type(project: Project, event_id: int, type_id: int) -> OpResult[int]:
    """Give an event another type. Arguments move to the new type's role of the same key;
    the value is how many found none (they stay, flagged, for the annotator to reassign)."""
    new_type = _event_type(project.schema, type_id)
    with project.read() as conn:
        old_type = project.schema.label(get_event(conn, event_id).type_id)
    with project.write(Message("Change {old} to {new}", old=old_type, new=new_type)) as tx:
        schema = load_schema(tx.conn)
        _event_type(schema, type_id)
        event = get_event(tx.conn, event_id)
        if event.type_id == type_id:
            return OpResult(tx.changes, 0)
        unmatched = 0
        for argument in event.arguments:
            old_role = schema.role(argument.role_id)
            new_role = schema.role_by_key(type_id, old_role.key)
            if new_role is None:
                unmatched += 1
            else:
                tx.update(EventArgument, argument.id, role_id=new_role.id)
        tx.update(EventMention, event_id, type_id=type_id)
        touch_set(tx, event.set_id)
    return OpResult(tx.changes, unmatched)


def move_trigger(project: Project, event_id: int, start: int, end: int) -> OpResult[None]:
    with project.read() as conn:
        event_type = project.schema.label(get_event(conn, event_id).type_id)
    with project.write(Message("Move trigger of {type}", type=event_type)) as tx:
        event = get_event(tx.conn, event_id)
        _check_trigger(tx.conn, event.set_id, start, end)
        tx.update(EventMention, event_id, start=start, end=end)
        touch_set(tx, event.set_id)
    return OpResult(tx.changes, None)


def set_event_note(project: Project, event_id: int, note: str) -> OpResult[None]:
    with project.write(Message("Edit event note")) as tx:
        event = get_event(tx.conn, event_id)
        if event.note != note:
            tx.update(EventMention, event_id, note=note)
            touch_set(tx, event.set_id)
    return OpResult(tx.changes, None)


def delete_event(project: Project, event_id: int) -> OpResult[None]:
    """Delete an event with all its arguments (the entity spans stay)."""
    with project.read() as conn:
        event_type = project.schema.label(get_event(conn, event_id).type_id)
    with project.write(Message("Delete {type}", type=event_type)) as tx:
        event = get_event(tx.conn, event_id)
        delete_event_rows(tx, event)
        touch_set(tx, event.set_id)
    return OpResult(tx.changes, None)


def delete_event_rows(tx: Txn, event: EventRow) -> None:
    """Delete an event and its arguments through `tx` (for operations deleting many)."""
    for argument in event.arguments:
        tx.delete(EventArgument, argument.id)
    tx.delete(EventMention, event.id)


def add_argument(project: Project, event_id: int, role_id: int, span_id: int) -> OpResult[int]:
    """Fill `role_id` of an event with an entity span of the same set."""
    with project.write(Message("Add {role}", role=_role(project.schema, role_id))) as tx:
        schema = load_schema(tx.conn)
        event = get_event(tx.conn, event_id)
        role = _role_of_type(schema, event.type_id, role_id)
        _check_argument(tx.conn, schema, event, role, span_id)
        argument_id = tx.insert(EventArgument, event_id=event_id, role_id=role_id, span_id=span_id)
        touch_set(tx, event.set_id)
    return OpResult(tx.changes, argument_id)


def remove_argument(project: Project, argument_id: int) -> OpResult[None]:
    with project.read() as conn:
        argument = get_argument(conn, argument_id)
    with project.write(
        Message("Remove {role}", role=_role(project.schema, argument.role_id))
    ) as tx:
        argument = get_argument(tx.conn, argument_id)
        event = get_event(tx.conn, argument.event_id)
        tx.delete(EventArgument, argument_id)
        touch_set(tx, event.set_id)
    return OpResult(tx.changes, None)


def reassign_argument(
    project: Project,
    argument_id: int,
    *,
    span_id: int | None = None,
    role_id: int | None = None,
) -> OpResult[None]:
    """Point an argument at another span and/or move it to another role of its event.

    Giving a span to a detached argument repairs it (its remembered position is cleared).
    """
    with project.read() as conn:
        argument = get_argument(conn, argument_id)
    with project.write(
        Message("Reassign {role}", role=_role(project.schema, role_id or argument.role_id))
    ) as tx:
        schema = load_schema(tx.conn)
        argument = get_argument(tx.conn, argument_id)
        event = get_event(tx.conn, argument.event_id)
        role = _role_of_type(schema, event.type_id, role_id or argument.role_id)
        target_span = span_id if span_id is not None else argument.span_id
        if target_span is None:
            raise OperationError(
                Message(
                    "this {role} argument lost its span; choose an entity span for it", role=role
                )
            )
        _check_argument(tx.conn, schema, event, role, target_span, ignore_argument_id=argument_id)
        values: dict[str, int | None] = {"role_id": role.id, "span_id": target_span}
        if argument.detached:
            values.update(detached_start=None, detached_end=None, detached_label=None)
        tx.update(EventArgument, argument_id, **values)
        if tx.records:
            touch_set(tx, event.set_id)
    return OpResult(tx.changes, None)


__all__ = [
    "ArgumentRow",
    "Candidate",
    "EventRow",
    "add_argument",
    "add_event",
    "annotate_event",
    "argument_candidates",
    "change_event_type",
    "delete_event",
    "delete_event_rows",
    "events_of_set",
    "events_of_sets",
    "get_argument",
    "get_event",
    "move_trigger",
    "reassign_argument",
    "remove_argument",
    "set_event_note",
    "trigger_distance",
]
