"""What deleting a label or role would take with it, and taking it.

Deleting a label or role that annotations use never happens silently: `label_usage`
/ `role_usage` count what would go (per annotator), and the deleting operations
refuse with `ConfirmationNeeded` unless they are given those exact counts back. They
then delete the annotations through the transaction, so one undo brings everything
back. A schema import uses the same counts to refuse removing what is in use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from core.annotation.sets import set_owner_names, touch_set
from core.annotation.spans import SPAN_COLUMNS, SpanRow, detach_span_references
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project
from core.schema.checks import describe_role, label_info, role_info
from core.schema.model import ENTITY, EVENT, STANCE_TARGET, LabelInfo, RoleInfo, load_schema
from models.tables import (
    EntitySpan,
    EventArgument,
    EventMention,
    EventRole,
    Stance,
    StanceEvidence,
)


class ConfirmationNeeded(OperationError):
    """Deleting this would remove annotations; ask, then call again with `confirm=usage`."""

    def __init__(self, usage: Usage):
        self.usage = usage
        super().__init__(
            f"{usage.what} is used: deleting it removes {usage.describe()}. "
            "Confirm to delete them too."
        )


@dataclass(frozen=True)
class UsageCounts:
    spans: int = 0  # entity spans deleted
    events: int = 0  # events deleted (with their arguments)
    arguments: int = 0  # event arguments deleted
    stances: int = 0  # stances deleted (with their evidence)
    detached: int = 0  # arguments and stances kept but losing their span (flagged)

    @property
    def removed(self) -> int:
        return self.spans + self.events + self.arguments + self.stances

    @property
    def total(self) -> int:
        return self.removed + self.detached

    def __add__(self, other: UsageCounts) -> UsageCounts:
        return UsageCounts(
            self.spans + other.spans,
            self.events + other.events,
            self.arguments + other.arguments,
            self.stances + other.stances,
            self.detached + other.detached,
        )

    def describe(self) -> str:
        parts = []
        for count, one, many in (
            (self.spans, "entity span", "entity spans"),
            (self.events, "event", "events"),
            (self.arguments, "event argument", "event arguments"),
            (self.stances, "stance", "stances"),
        ):
            if count:
                parts.append(f"{count} {one if count == 1 else many}")
        return ", ".join(parts) or "nothing"


@dataclass(frozen=True)
class Usage:
    """What deleting one label or role would remove, in total and per annotator."""

    what: str  # "entity label ORG (منظمة)"
    counts: UsageCounts
    by_annotator: tuple[tuple[str, UsageCounts], ...] = ()  # ("Salma", ...), ("gold", ...)

    @property
    def in_use(self) -> bool:
        return self.counts.total > 0

    def describe(self) -> str:
        """ "6 entity spans (Omar: 2, Salma: 2, gold: 2); 2 references ... stay, flagged"."""
        text = self.counts.describe()
        owners = ", ".join(f"{name}: {c.removed}" for name, c in self.by_annotator if c.removed)
        if owners:
            text += f" ({owners})"
        if self.counts.detached:
            text += (
                f"; {self.counts.detached} reference(s) to those spans (event arguments, "
                "stance holders or targets) stay, flagged as detached"
            )
        return text


@dataclass
class Removal:
    """The rows a deletion removes or detaches, each with its annotation set."""

    spans: list[tuple[SpanRow, str]] = field(default_factory=list)  # (span, label key)
    events: list[tuple[int, int]] = field(default_factory=list)  # (event id, set id)
    arguments: list[tuple[int, int]] = field(default_factory=list)
    stances: list[tuple[int, int]] = field(default_factory=list)
    detached: list[tuple[int, int]] = field(default_factory=list)

    def sets(self) -> set[int]:
        found = {span.set_id for span, _ in self.spans}
        for rows in (self.events, self.arguments, self.stances, self.detached):
            found.update(set_id for _, set_id in rows)
        return found

    def usage(self, conn: Connection, what: str) -> Usage:
        per_set: dict[int, UsageCounts] = {}

        def add(set_id: int, counts: UsageCounts) -> None:
            per_set[set_id] = per_set.get(set_id, UsageCounts()) + counts

        for span, _ in self.spans:
            add(span.set_id, UsageCounts(spans=1))
        for _, set_id in self.events:
            add(set_id, UsageCounts(events=1))
        for _, set_id in self.arguments:
            add(set_id, UsageCounts(arguments=1))
        for _, set_id in self.stances:
            add(set_id, UsageCounts(stances=1))
        for _, set_id in self.detached:
            add(set_id, UsageCounts(detached=1))
        owners = set_owner_names(conn, per_set)
        per_owner: dict[str, UsageCounts] = {}
        for set_id, counts in per_set.items():
            name = owners[set_id]
            per_owner[name] = per_owner.get(name, UsageCounts()) + counts
        total = sum(per_set.values(), UsageCounts())
        return Usage(what, total, tuple(sorted(per_owner.items())))


def _arguments_query():
    return select(EventArgument.id, EventMention.set_id).join(
        EventMention, EventMention.id == EventArgument.event_id
    )


def removal_for_label(conn: Connection, label: LabelInfo) -> Removal:
    removal = Removal()
    if label.layer == ENTITY:
        rows = conn.execute(select(*SPAN_COLUMNS).where(EntitySpan.label_id == label.id)).all()
        removal.spans = [(SpanRow(*row), label.key) for row in rows]
        spans = select(EntitySpan.id).where(EntitySpan.label_id == label.id)
        removal.detached = [
            *conn.execute(_arguments_query().where(EventArgument.span_id.in_(spans))).all(),
            *conn.execute(
                select(Stance.id, Stance.set_id).where(
                    Stance.holder_span_id.in_(spans) | Stance.target_span_id.in_(spans)
                )
            ).all(),
        ]
    elif label.layer == EVENT:
        removal.events = list(
            conn.execute(
                select(EventMention.id, EventMention.set_id).where(EventMention.type_id == label.id)
            ).all()
        )
        # with the arguments of its events, and those of events re-typed since that still
        # hold one of its roles (kept, flagged, when the type changed)
        its_roles = select(EventRole.id).where(EventRole.event_type_id == label.id)
        removal.arguments = list(
            conn.execute(
                _arguments_query().where(
                    (EventMention.type_id == label.id) | EventArgument.role_id.in_(its_roles)
                )
            ).all()
        )
    else:
        column = Stance.target_label_id if label.layer == STANCE_TARGET else Stance.polarity_id
        removal.stances = list(
            conn.execute(select(Stance.id, Stance.set_id).where(column == label.id)).all()
        )
    return removal


def removal_for_role(conn: Connection, role: RoleInfo) -> Removal:
    return Removal(
        arguments=list(conn.execute(_arguments_query().where(EventArgument.role_id == role.id)))
    )


def label_usage(project: Project, label_id: int) -> Usage:
    """What deleting this label would remove (ask the user with `usage.describe()`)."""
    with project.read() as conn:
        schema = load_schema(conn)
        label = label_info(schema, label_id)
        return removal_for_label(conn, label).usage(conn, schema.describe(label_id))


def role_usage(project: Project, role_id: int) -> Usage:
    with project.read() as conn:
        schema = load_schema(conn)
        role = role_info(schema, role_id)
        return removal_for_role(conn, role).usage(conn, describe_role(schema, role))


def remove_annotations(tx: Txn, removal: Removal) -> None:
    for arg_id, _ in removal.arguments:
        tx.delete(EventArgument, arg_id)
    for event_id, _ in removal.events:
        tx.delete(EventMention, event_id)
    for stance_id, _ in removal.stances:
        _delete_stance_rows(tx, stance_id)
    for span, key in removal.spans:
        detach_span_references(tx, span, key)
        tx.delete(EntitySpan, span.id)
    for set_id in sorted(removal.sets()):
        touch_set(tx, set_id)


def _delete_stance_rows(tx: Txn, stance_id: int) -> None:
    for (evidence_id,) in tx.conn.execute(
        select(StanceEvidence.id).where(StanceEvidence.stance_id == stance_id)
    ).all():
        tx.delete(StanceEvidence, evidence_id)
    tx.delete(Stance, stance_id)


__all__ = [
    "ConfirmationNeeded",
    "Usage",
    "UsageCounts",
    "label_usage",
    "role_usage",
]
