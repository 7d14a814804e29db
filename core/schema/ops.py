"""Changing a project's schema: labels of every layer, event roles, import and export.

Every operation is one transaction and one undo step. It reports `Changes.schema`
and bumps the `schema_revision` setting, so other windows on the same project know
to reload their snapshot. Label and role ids never change: renaming a key keeps
every annotation that uses it.

Deleting a label or role that annotations use never happens silently: `label_usage`
/ `role_usage` count what would go (per annotator), and `delete_label` /
`delete_role` refuse with `ConfirmationNeeded` unless they are given those exact
counts back. They then delete the annotations through the transaction, so one undo
brings everything back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from core.annotation.sets import set_owner_names, touch_set
from core.annotation.spans import SPAN_COLUMNS, SpanRow, detach_span_references
from core.project.atomic import write_atomically
from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project, set_setting
from core.schema.model import (
    ENTITY,
    EVENT,
    LAYER_ITEM_NAMES,
    LAYERS,
    POLARITY,
    SHORTCUT_GROUPS,
    STANCE_TARGET,
    LabelInfo,
    ProjectSchema,
    RoleInfo,
    label_fields,
    load_schema,
    role_fields,
    schema_document,
    valid_color,
    valid_key,
    valid_shortcut,
    validate_schema_document,
)
from models.tables import (
    EntitySpan,
    EventArgument,
    EventMention,
    EventRole,
    Label,
    Layer,
    RoleAllowedLabel,
    Setting,
    Stance,
    StanceEvidence,
)

# Distinct, readable on white; a new label takes the first one its layer does not use.
PALETTE = (
    "#d94f4f", "#3c7dd9", "#2e9e6b", "#8e5bd6", "#d98c2e", "#2ea3b0", "#b8960b",
    "#c2185b", "#5d8a2e", "#6d4c41", "#7a6ff0", "#e0631a", "#00897b", "#9e3d8f",
    "#546e7a", "#a1887f", "#1565c0", "#8d6e00", "#ad1457", "#43a047",
)  # fmt: skip
_UNSET: Any = object()
_LAYER_KEYS = tuple(key for key, *_ in LAYERS)
_PLURAL = {
    ENTITY: "entity labels",
    EVENT: "event types",
    STANCE_TARGET: "stance targets",
    POLARITY: "polarities",
}


class ConfirmationNeeded(OperationError):
    """Deleting this would remove annotations; ask, then call again with `confirm=usage`."""

    def __init__(self, usage: Usage):
        self.usage = usage
        super().__init__(
            f"{usage.what} is used: deleting it removes {usage.describe()}. "
            "Confirm to delete them too."
        )


# --- usage ----------------------------------------------------------------------


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
class _Removal:
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


def _removal_for_label(conn: Connection, label: LabelInfo) -> _Removal:
    removal = _Removal()
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


def _removal_for_role(conn: Connection, role: RoleInfo) -> _Removal:
    return _Removal(
        arguments=list(conn.execute(_arguments_query().where(EventArgument.role_id == role.id)))
    )


def label_usage(project: Project, label_id: int) -> Usage:
    """What deleting this label would remove (ask the user with `usage.describe()`)."""
    with project.read() as conn:
        schema = load_schema(conn)
        label = _label(schema, label_id)
        return _removal_for_label(conn, label).usage(conn, schema.describe(label_id))


def role_usage(project: Project, role_id: int) -> Usage:
    with project.read() as conn:
        schema = load_schema(conn)
        role = _role(schema, role_id)
        return _removal_for_role(conn, role).usage(conn, _describe_role(schema, role))


# --- helpers ----------------------------------------------------------------------


def _bump_revision(tx: Txn) -> None:
    """Mark the schema as changed for every window that has this project open."""
    stored = tx.conn.execute(select(Setting.value).where(Setting.key == "schema_revision")).scalar()
    revision = json.loads(stored) if stored is not None else 1
    set_setting(tx, "schema_revision", int(revision) + 1)
    tx.changes.schema = True


def _label(schema: ProjectSchema, label_id: int) -> LabelInfo:
    try:
        return schema.label(label_id)
    except KeyError:
        raise OperationError(
            f"label {label_id} does not exist (it may have been deleted)"
        ) from None


def _role(schema: ProjectSchema, role_id: int) -> RoleInfo:
    try:
        return schema.role(role_id)
    except KeyError:
        raise OperationError(f"role {role_id} does not exist (it may have been deleted)") from None


def _describe_role(schema: ProjectSchema, role: RoleInfo) -> str:
    return f"role {role.key} of {schema.label(role.event_type_id).key}"


def _layer_id(conn: Connection, layer: str) -> int:
    layer_id = conn.execute(select(Layer.id).where(Layer.key == layer)).scalar()
    if layer_id is None:
        raise OperationError(f"unknown layer {layer!r}; expected one of {', '.join(_LAYER_KEYS)}")
    return layer_id


def _check_layer(layer: str) -> None:
    if layer not in _LAYER_KEYS:
        raise OperationError(f"unknown layer {layer!r}; expected one of {', '.join(_LAYER_KEYS)}")


def _clean_key(key: Any, what: str) -> str:
    key = key.strip() if isinstance(key, str) else key
    if not valid_key(key):
        raise OperationError(
            f"{what}: the key must be a non-empty name without spaces (at most 64 characters)"
        )
    return key


def _clean_text(value: Any, field_name: str) -> str:
    if not isinstance(value, str):
        raise OperationError(f"{field_name}: expected text")
    return value.strip()


def _clean_color(color: Any) -> str:
    if not valid_color(color):
        raise OperationError(f"colour: expected #rrggbb, got {color!r}")
    return color.lower()


def _clean_shortcut(
    schema: ProjectSchema, layer: str, shortcut: Any, ignore_label_id: int | None
) -> str | None:
    if shortcut in (None, ""):
        return None
    if not valid_shortcut(shortcut):
        raise OperationError(f"shortcut: expected one letter or digit, got {shortcut!r}")
    owner = schema.shortcut_owner(layer, shortcut, ignore_label_id)
    if owner is not None:
        raise OperationError(
            f"the shortcut {shortcut!r} is already used by {schema.describe(owner.id)}; "
            "choose another key or free that one first"
        )
    return shortcut


def _free_color(schema: ProjectSchema, layer: str) -> str:
    used = {label.color.lower() for label in schema.layer(layer)}
    return next((c for c in PALETTE if c not in used), PALETTE[len(used) % len(PALETTE)])


def _check_unique_key(schema: ProjectSchema, layer: str, key: str, ignore_id: int | None) -> None:
    other = schema.by_key(layer, key)
    if other is not None and other.id != ignore_id:
        raise OperationError(f"there already is an {LAYER_ITEM_NAMES[layer]} with the key {key!r}")


def _entity_label_ids(schema: ProjectSchema, label_ids: Iterable[int]) -> list[int]:
    result = []
    for label_id in label_ids:
        label = _label(schema, label_id)
        if label.layer != ENTITY:
            raise OperationError(
                f"a role can only accept entity labels, not {schema.describe(label_id)}"
            )
        if label_id not in result:
            result.append(label_id)
    return result


def _shift_positions(tx: Txn, items: Sequence[tuple[int, int]], model, start: int) -> None:
    """Make room at `start`: positions of later items move down by one."""
    for item_id, position in items:
        if position >= start:
            tx.update(model, item_id, position=position + 1)


# --- labels -------------------------------------------------------------------------


def add_label(
    project: Project,
    layer: str,
    key: str,
    *,
    name_ar: str = "",
    name_en: str = "",
    color: str | None = None,
    shortcut: str | None = None,
    guideline: str = "",
    position: int | None = None,
) -> OpResult[int]:
    """Add an entity label, event type, stance target or polarity; `position` None appends."""
    _check_layer(layer)
    key = _clean_key(key, f"new {LAYER_ITEM_NAMES[layer]}")
    with project.write(f"Add {LAYER_ITEM_NAMES[layer]} {key}") as tx:
        schema = load_schema(tx.conn)
        _check_unique_key(schema, layer, key, None)
        values = {
            "layer_id": _layer_id(tx.conn, layer),
            "key": key,
            "name_ar": _clean_text(name_ar, "Arabic name"),
            "name_en": _clean_text(name_en, "English name"),
            "color": _clean_color(color) if color else _free_color(schema, layer),
            "shortcut": _clean_shortcut(schema, layer, shortcut, None),
            "guideline": _clean_text(guideline, "guideline"),
        }
        siblings = [(label.id, label.position) for label in schema.layer(layer)]
        end = max((p for _, p in siblings), default=-1) + 1
        if position is None or position >= end:
            values["position"] = end
        else:
            values["position"] = max(position, 0)
            _shift_positions(tx, siblings, Label, values["position"])
        label_id = tx.insert(Label, **values)
        _bump_revision(tx)
    return OpResult(tx.changes, label_id)


def edit_label(
    project: Project,
    label_id: int,
    *,
    key: str = _UNSET,
    name_ar: str = _UNSET,
    name_en: str = _UNSET,
    color: str = _UNSET,
    shortcut: str | None = _UNSET,
    guideline: str = _UNSET,
) -> OpResult[None]:
    """Change any of a label's fields; annotations keep pointing at it (its id is stable)."""
    with project.read() as conn:
        old = _label(load_schema(conn), label_id)
    given = {
        name: value
        for name, value in (
            ("key", key),
            ("name_ar", name_ar),
            ("name_en", name_en),
            ("color", color),
            ("shortcut", shortcut),
            ("guideline", guideline),
        )
        if value is not _UNSET
    }
    with project.write(_edit_name(old, given)) as tx:
        schema = load_schema(tx.conn)
        label = _label(schema, label_id)
        values: dict[str, Any] = {}
        if "key" in given:
            values["key"] = _clean_key(given["key"], schema.describe(label_id))
            _check_unique_key(schema, label.layer, values["key"], label_id)
        for name, what in (("name_ar", "Arabic name"), ("name_en", "English name")):
            if name in given:
                values[name] = _clean_text(given[name], what)
        if "guideline" in given:
            values["guideline"] = _clean_text(given["guideline"], "guideline")
        if "color" in given:
            values["color"] = _clean_color(given["color"])
        if "shortcut" in given:
            values["shortcut"] = _clean_shortcut(schema, label.layer, given["shortcut"], label_id)
        values = {k: v for k, v in values.items() if getattr(label, k) != v}
        if not values:
            return OpResult(tx.changes)
        tx.update(Label, label_id, **values)
        if "key" in values and label.layer == ENTITY:
            # detached arguments remember the key of the span they lost
            for (arg_id,) in tx.conn.execute(
                select(EventArgument.id).where(EventArgument.detached_label == label.key)
            ).all():
                tx.update(EventArgument, arg_id, detached_label=values["key"])
        _bump_revision(tx)
    return OpResult(tx.changes)


def _edit_name(label: LabelInfo, given: dict[str, Any]) -> str:
    fields = set(given)
    if fields == {"key"}:
        return f"Rename {label.key} to {str(given['key']).strip()}"
    if fields == {"color"}:
        return f"Recolour {label.key}"
    if fields == {"shortcut"}:
        return f"Change shortcut of {label.key}"
    if fields == {"guideline"}:
        return f"Edit guideline of {label.key}"
    return f"Edit {label.key}"


def reorder_labels(project: Project, layer: str, label_ids: Sequence[int]) -> OpResult[None]:
    """Put a layer's labels in this order (every label of the layer, once)."""
    _check_layer(layer)
    with project.write(f"Reorder {_PLURAL[layer]}") as tx:
        current = load_schema(tx.conn).layer(layer)
        _reorder(tx, Label, current, label_ids, LAYER_ITEM_NAMES[layer])
    return OpResult(tx.changes)


def _reorder(tx: Txn, model, current: Sequence, ids: Sequence[int], what: str) -> None:
    """Renumber the `current` rows (labels or roles) of `model` in the order of `ids`,
    which must name each of them once."""
    if sorted(ids) != sorted(row.id for row in current):
        raise OperationError(f"reordering needs every {what} exactly once ({len(current)} of them)")
    positions = {row.id: row.position for row in current}
    for position, row_id in enumerate(ids):
        if positions[row_id] != position:
            tx.update(model, row_id, position=position)
    if tx.records:
        _bump_revision(tx)


def set_entity_targets(project: Project, allowed: bool) -> OpResult[None]:
    """Whether an attributed stance may target an entity span (besides the schema's targets).

    Turning it off keeps existing stances that target spans; validation flags them.
    """
    with project.write("Allow entity targets" if allowed else "Disallow entity targets") as tx:
        row = tx.conn.execute(
            select(Layer.id, Layer.options).where(Layer.key == STANCE_TARGET)
        ).one()
        options = json.loads(row.options or "{}")
        if bool(options.get("entity_targets", True)) != allowed:
            options["entity_targets"] = allowed
            tx.update(Layer, row.id, options=json.dumps(options))
            _bump_revision(tx)
    return OpResult(tx.changes)


def delete_label(
    project: Project, label_id: int, *, confirm: Usage | None = None
) -> OpResult[Usage]:
    """Delete a label. If annotations use it, `confirm` must be its current `label_usage`;
    those annotations are then deleted too (entity spans detach the arguments and stances
    that point at them, as deleting one span does)."""
    with project.read() as conn:
        key = _label(load_schema(conn), label_id).key
    with project.write(f"Delete {key}") as tx:
        schema = load_schema(tx.conn)
        label = _label(schema, label_id)
        if label.layer == ENTITY:
            _refuse_if_last_allowed_label(schema, label)
        removal = _removal_for_label(tx.conn, label)
        usage = removal.usage(tx.conn, schema.describe(label_id))
        if usage.in_use and confirm != usage:
            raise ConfirmationNeeded(usage)
        _remove_annotations(tx, removal)
        if label.layer == ENTITY:
            for (role_id,) in tx.conn.execute(
                select(RoleAllowedLabel.role_id).where(RoleAllowedLabel.label_id == label_id)
            ).all():
                tx.delete(RoleAllowedLabel, (role_id, label_id))
        if label.layer == EVENT:
            for role in schema.roles_of(label_id):
                _delete_role_row(tx, role)
        tx.delete(Label, label_id)
        _bump_revision(tx)
    return OpResult(tx.changes, usage)


def _refuse_if_last_allowed_label(schema: ProjectSchema, label: LabelInfo) -> None:
    """A role with no allowed labels accepts any: losing its only label would widen it."""
    sole = [r for r in schema.roles if r.allowed_label_ids == frozenset({label.id})]
    if sole:
        names = ", ".join(_describe_role(schema, r) for r in sole[:3])
        if len(sole) > 3:
            names += f" and {len(sole) - 3} more"
        raise OperationError(
            f"{label.key} is the only entity label that {names} accept"
            f"{'s' if len(sole) == 1 else ''}; change or delete "
            f"{'that role' if len(sole) == 1 else 'those roles'} first"
        )


def _remove_annotations(tx: Txn, removal: _Removal) -> None:
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


def _delete_role_row(tx: Txn, role: RoleInfo) -> None:
    for label_id in sorted(role.allowed_label_ids):
        tx.delete(RoleAllowedLabel, (role.id, label_id))
    tx.delete(EventRole, role.id)


# --- event roles --------------------------------------------------------------------------


def add_role(
    project: Project,
    event_type_id: int,
    key: str,
    *,
    name_ar: str = "",
    name_en: str = "",
    labels: Sequence[int] = (),
    required: bool = False,
    multiple: bool = False,
    guideline: str = "",
    position: int | None = None,
) -> OpResult[int]:
    """Add an argument role; `labels` are the entity label ids it accepts (empty: any)."""
    key = _clean_key(key, "new role")
    with project.read() as conn:
        type_key = _label(load_schema(conn), event_type_id).key
    with project.write(f"Add role {key} to {type_key}") as tx:
        schema = load_schema(tx.conn)
        event_type = _label(schema, event_type_id)
        if event_type.layer != EVENT:
            raise OperationError(
                f"roles belong to event types, not to {schema.describe(event_type_id)}"
            )
        if schema.role_by_key(event_type_id, key) is not None:
            raise OperationError(f"{event_type.key} already has a role {key!r}")
        allowed = _entity_label_ids(schema, labels)
        siblings = [(r.id, r.position) for r in schema.roles_of(event_type_id)]
        end = max((p for _, p in siblings), default=-1) + 1
        if position is None or position >= end:
            position = end
        else:
            position = max(position, 0)
            _shift_positions(tx, siblings, EventRole, position)
        role_id = tx.insert(
            EventRole,
            event_type_id=event_type_id,
            key=key,
            name_ar=_clean_text(name_ar, "Arabic name"),
            name_en=_clean_text(name_en, "English name"),
            required=bool(required),
            multiple=bool(multiple),
            guideline=_clean_text(guideline, "guideline"),
            position=position,
        )
        for label_id in allowed:
            tx.insert(RoleAllowedLabel, role_id=role_id, label_id=label_id)
        _bump_revision(tx)
    return OpResult(tx.changes, role_id)


def edit_role(
    project: Project,
    role_id: int,
    *,
    key: str = _UNSET,
    name_ar: str = _UNSET,
    name_en: str = _UNSET,
    labels: Sequence[int] = _UNSET,
    required: bool = _UNSET,
    multiple: bool = _UNSET,
    guideline: str = _UNSET,
) -> OpResult[None]:
    """Change a role. Arguments keep it; any that no longer fit (a label the role stops
    accepting, a second argument once it is single) are flagged by validation, not removed."""
    with project.read() as conn:
        old = _role(load_schema(conn), role_id)
    name = f"Rename role {old.key} to {key}" if key is not _UNSET else f"Edit role {old.key}"
    with project.write(name) as tx:
        schema = load_schema(tx.conn)
        role = _role(schema, role_id)
        values: dict[str, Any] = {}
        if key is not _UNSET:
            values["key"] = _clean_key(key, _describe_role(schema, role))
            other = schema.role_by_key(role.event_type_id, values["key"])
            if other is not None and other.id != role_id:
                raise OperationError(
                    f"{schema.label(role.event_type_id).key} already has a role {values['key']!r}"
                )
        for field_name, value, what in (
            ("name_ar", name_ar, "Arabic name"),
            ("name_en", name_en, "English name"),
            ("guideline", guideline, "guideline"),
        ):
            if value is not _UNSET:
                values[field_name] = _clean_text(value, what)
        for field_name, value in (("required", required), ("multiple", multiple)):
            if value is not _UNSET:
                values[field_name] = bool(value)
        values = {k: v for k, v in values.items() if getattr(role, k) != v}
        if values:
            tx.update(EventRole, role_id, **values)
        if labels is not _UNSET:
            wanted = set(_entity_label_ids(schema, labels))
            for label_id in sorted(role.allowed_label_ids - wanted):
                tx.delete(RoleAllowedLabel, (role_id, label_id))
            for label_id in sorted(wanted - role.allowed_label_ids):
                tx.insert(RoleAllowedLabel, role_id=role_id, label_id=label_id)
        if tx.records:
            _bump_revision(tx)
    return OpResult(tx.changes)


def delete_role(project: Project, role_id: int, *, confirm: Usage | None = None) -> OpResult[Usage]:
    """Delete a role; arguments filling it are deleted only with `confirm=role_usage(...)`."""
    with project.read() as conn:
        key = _role(load_schema(conn), role_id).key
    with project.write(f"Delete role {key}") as tx:
        schema = load_schema(tx.conn)
        role = _role(schema, role_id)
        removal = _removal_for_role(tx.conn, role)
        usage = removal.usage(tx.conn, _describe_role(schema, role))
        if usage.in_use and confirm != usage:
            raise ConfirmationNeeded(usage)
        _remove_annotations(tx, removal)
        _delete_role_row(tx, role)
        _bump_revision(tx)
    return OpResult(tx.changes, usage)


def reorder_roles(project: Project, event_type_id: int, role_ids: Sequence[int]) -> OpResult[None]:
    with project.read() as conn:
        type_key = _label(load_schema(conn), event_type_id).key
    with project.write(f"Reorder roles of {type_key}") as tx:
        current = load_schema(tx.conn).roles_of(event_type_id)
        _reorder(tx, EventRole, current, role_ids, f"role of {type_key}")
    return OpResult(tx.changes)


# --- import and export ------------------------------------------------------------


@dataclass(frozen=True)
class SchemaChange:
    action: str  # "add", "update" or "remove"
    item: str  # "entity label ORG", "role Acquirer of Business.Acquire", "option entity_targets"
    detail: str = ""  # "name_en: 'Org' → 'Organization'"

    def __str__(self) -> str:
        return f"{self.action} {self.item}" + (f": {self.detail}" if self.detail else "")


@dataclass(frozen=True)
class SchemaRefusal:
    item: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"


@dataclass(frozen=True)
class SchemaImportPlan:
    """What importing a schema document would do (a dry run), or did."""

    changes: tuple[SchemaChange, ...]
    refused: tuple[SchemaRefusal, ...]
    unchanged: int

    @property
    def added(self) -> list[SchemaChange]:
        return [c for c in self.changes if c.action == "add"]

    @property
    def updated(self) -> list[SchemaChange]:
        return [c for c in self.changes if c.action == "update"]

    @property
    def removed(self) -> list[SchemaChange]:
        return [c for c in self.changes if c.action == "remove"]

    def summary(self) -> str:
        lines = [
            f"{len(self.added)} to add, {len(self.updated)} to update, "
            f"{len(self.removed)} to remove, {self.unchanged} unchanged, "
            f"{len(self.refused)} refused"
        ]
        lines += [f"  {change}" for change in self.changes]
        lines += [f"  refused: {refusal}" for refusal in self.refused]
        return "\n".join(lines)


_LABEL_FIELDS = ("name_ar", "name_en", "color", "shortcut", "guideline")
_ROLE_VALUE_FIELDS = ("name_ar", "name_en", "required", "multiple", "guideline")
_DOCUMENT_LAYERS = (
    (ENTITY, lambda d: d.get("entities", [])),
    (EVENT, lambda d: d.get("events", [])),
    (STANCE_TARGET, lambda d: d.get("stance_targets", {}).get("targets", [])),
    (POLARITY, lambda d: d.get("polarities", [])),
)


@dataclass
class _Steps:
    """The writes an import makes, in a safe order."""

    add_labels: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    update_labels: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    add_roles: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (type key, role)
    update_roles: list[tuple[int, dict[str, Any], list[str] | None]] = field(default_factory=list)
    remove_roles: list[RoleInfo] = field(default_factory=list)
    remove_labels: list[LabelInfo] = field(default_factory=list)
    entity_targets: bool | None = None


def _fmt(value: Any) -> str:
    return "none" if value is None else repr(value)


def _normal(name: str, value: Any) -> Any:
    """Compare fields as the user sees them: no shortcut is no shortcut, colours ignore case."""
    if name == "color" and isinstance(value, str):
        return value.lower()
    return (value or None) if name == "shortcut" else value


class _ImportPlanner:
    """Compares a schema document with the project's schema, one concern per method."""

    def __init__(
        self, conn: Connection, schema: ProjectSchema, data: dict[str, Any], remove_missing: bool
    ):
        self.conn, self.schema, self.data = conn, schema, data
        self.remove_missing = remove_missing
        self.changes: list[SchemaChange] = []
        self.refused: list[SchemaRefusal] = []
        self.unchanged = 0
        self.steps = _Steps()
        self.removing: set[int] = set()  # label ids the import deletes
        self.in_file = {
            layer: {item["key"]: item for item in items(data)} for layer, items in _DOCUMENT_LAYERS
        }
        self.entity_key_of = {label.id: label.key for label in schema.entity_labels}
        self.shortcut: dict[tuple[str, str], str | None] = {}  # what each label ends up with
        self.claim_order: list[tuple[str, str, str]] = []  # (layer, key, description)

    def plan(self) -> tuple[SchemaImportPlan, _Steps]:
        self.labels_missing_from_file()
        self.labels_of_file()
        self.settle_shortcuts()
        self.compare_labels()
        self.compare_roles()
        self.keep_labels_roles_need()
        self.entity_targets()
        plan = SchemaImportPlan(tuple(self.changes), tuple(self.refused), self.unchanged)
        return plan, self.steps

    def labels_missing_from_file(self) -> None:
        """Kept (merge), removed, or refused removal because annotations use them."""
        for layer, _ in _DOCUMENT_LAYERS:
            for label in self.schema.layer(layer):
                if label.key in self.in_file[layer]:
                    continue
                item = f"{LAYER_ITEM_NAMES[layer]} {label.key}"
                if self.remove_missing:
                    usage = _removal_for_label(self.conn, label).usage(self.conn, item)
                    if not usage.in_use:
                        self.removing.add(label.id)
                        self.steps.remove_labels.append(label)
                        self.changes.append(SchemaChange("remove", item))
                        continue
                    self.refused.append(
                        SchemaRefusal(item, f"not removed: used by {usage.describe()}")
                    )
                self.shortcut[(layer, label.key)] = label.shortcut
                self.claim_order.append((layer, label.key, f"{item} (kept)"))

    def labels_of_file(self) -> None:
        for layer, items in _DOCUMENT_LAYERS:
            for item_data in items(self.data):
                key = item_data["key"]
                self.claim_order.append((layer, key, f"{LAYER_ITEM_NAMES[layer]} {key}"))
                existing = self.schema.by_key(layer, key)
                default = existing.shortcut if existing else None
                self.shortcut[(layer, key)] = item_data.get("shortcut", default)

    def settle_shortcuts(self) -> None:
        """First come, first served: items that stay as they are, then the file's in order.
        A file item whose key is taken keeps its old one if free, else gets none."""
        claimed: dict[tuple[str, str], str] = {}
        for layer, key, description in self.claim_order:
            shortcut = self.shortcut[(layer, key)]
            if not shortcut:
                continue
            group = next(g for g, layers in SHORTCUT_GROUPS.items() if layer in layers)
            slot = (group, shortcut.lower())
            if slot not in claimed:
                claimed[slot] = description
                continue
            existing = self.schema.by_key(layer, key)
            keep = existing.shortcut if existing is not None else None
            if keep and keep.lower() != shortcut.lower() and (group, keep.lower()) not in claimed:
                self.shortcut[(layer, key)] = keep
                claimed[(group, keep.lower())] = description
                reason = f"shortcut {shortcut!r} is used by {claimed[slot]}; keeps {keep!r}"
            else:
                self.shortcut[(layer, key)] = None
                reason = f"shortcut {shortcut!r} is used by {claimed[slot]}; left without one"
            self.refused.append(SchemaRefusal(description, reason))

    def compare_labels(self) -> None:
        for layer, items in _DOCUMENT_LAYERS:
            for item_data in items(self.data):
                key = item_data["key"]
                item = f"{LAYER_ITEM_NAMES[layer]} {key}"
                wanted = {name: item_data[name] for name in _LABEL_FIELDS if name in item_data}
                wanted["shortcut"] = self.shortcut[(layer, key)]
                existing = self.schema.by_key(layer, key)
                if existing is None:
                    self.steps.add_labels.append((layer, {"key": key, **wanted}))
                    self.changes.append(SchemaChange("add", item))
                    continue
                diff = {
                    name: value
                    for name, value in wanted.items()
                    if _normal(name, getattr(existing, name)) != _normal(name, value)
                }
                if not diff:
                    self.unchanged += 1
                    continue
                self.steps.update_labels.append((existing.id, diff))
                detail = "; ".join(
                    f"{name}: {_fmt(getattr(existing, name))} → {_fmt(value)}"
                    for name, value in diff.items()
                )
                self.changes.append(SchemaChange("update", item, detail))

    def compare_roles(self) -> None:
        """Roles of the file's event types: added, updated, or (replacing) removed."""
        for event_data in self.in_file[EVENT].values():
            event_type = self.schema.by_key(EVENT, event_data["key"])
            existing = {r.key: r for r in self.schema.roles_of(event_type.id)} if event_type else {}
            file_roles = {role["key"]: role for role in event_data.get("roles", [])}
            for role_key, role_data in file_roles.items():
                item = f"role {role_key} of {event_data['key']}"
                role = existing.get(role_key)
                if role is None:
                    self.steps.add_roles.append((event_data["key"], role_data))
                    self.changes.append(SchemaChange("add", item))
                else:
                    self.compare_role(role, role_data, item)
            if not self.remove_missing:
                continue
            for role_key, role in existing.items():
                if role_key in file_roles:
                    continue
                item = _describe_role(self.schema, role)
                usage = _removal_for_role(self.conn, role).usage(self.conn, item)
                if usage.in_use:
                    self.refused.append(
                        SchemaRefusal(item, f"not removed: used by {usage.describe()}")
                    )
                else:
                    self.steps.remove_roles.append(role)
                    self.changes.append(SchemaChange("remove", item))

    def compare_role(self, role: RoleInfo, role_data: dict[str, Any], item: str) -> None:
        diff = {
            name: role_data[name]
            for name in _ROLE_VALUE_FIELDS
            if name in role_data and getattr(role, name) != role_data[name]
        }
        labels = None
        current = sorted(self.entity_key_of[i] for i in role.allowed_label_ids)
        if "labels" in role_data and sorted(role_data["labels"]) != current:
            labels = sorted(role_data["labels"])
            diff["labels"] = labels
        if not diff:
            self.unchanged += 1
            return
        self.steps.update_roles.append((role.id, diff, labels))
        detail = "; ".join(
            f"{name}: {_fmt(current if name == 'labels' else getattr(role, name))} → {_fmt(value)}"
            for name, value in diff.items()
        )
        self.changes.append(SchemaChange("update", item, detail))

    def keep_labels_roles_need(self) -> None:
        """An entity label may only go if no role that stays still accepts it."""
        for label in [label for label in self.steps.remove_labels if label.layer == ENTITY]:
            holders = [
                _describe_role(self.schema, role)
                for role in self.schema.roles
                if role not in self.steps.remove_roles
                and role.event_type_id not in self.removing
                and label.key in self.final_labels(role)
            ]
            if not holders:
                continue
            item = f"{LAYER_ITEM_NAMES[ENTITY]} {label.key}"
            self.steps.remove_labels.remove(label)
            self.removing.discard(label.id)
            self.changes.remove(SchemaChange("remove", item))
            self.refused.append(
                SchemaRefusal(item, f"not removed: still accepted by {', '.join(holders)}")
            )

    def final_labels(self, role: RoleInfo) -> set[str]:
        """The entity label keys a role accepts after the import."""
        type_key = self.schema.label(role.event_type_id).key
        for role_data in self.in_file[EVENT].get(type_key, {}).get("roles", []):
            if role_data["key"] == role.key and "labels" in role_data:
                return set(role_data["labels"])
        return {self.entity_key_of[i] for i in role.allowed_label_ids}

    def entity_targets(self) -> None:
        targets = self.data.get("stance_targets", {})
        wanted = targets.get("entity_targets", self.schema.entity_targets)
        if wanted != self.schema.entity_targets:
            self.steps.entity_targets = wanted
            self.changes.append(
                SchemaChange(
                    "update", "option entity_targets", f"{self.schema.entity_targets} → {wanted}"
                )
            )


def plan_schema_import(
    project: Project, data: dict[str, Any], *, remove_missing: bool = False, source: str = "schema"
) -> SchemaImportPlan:
    """Dry run: what importing `data` would add, update, remove and refuse.

    Items are matched by key within their layer (roles by key within their event type).
    By default items missing from `data` are kept; with `remove_missing` they are removed
    unless annotations use them (refused, with the counts). Raises SchemaError for an
    invalid document.
    """
    validate_schema_document(data, source)
    with project.read() as conn:
        return _ImportPlanner(conn, load_schema(conn), data, remove_missing).plan()[0]


def apply_schema_import(
    project: Project, data: dict[str, Any], *, remove_missing: bool = False, source: str = "schema"
) -> OpResult[SchemaImportPlan]:
    """Import `data` as planned by `plan_schema_import` (refused items are left as they are).

    One undo step; an invalid document changes nothing.
    """
    validate_schema_document(data, source)
    with project.write("Import schema") as tx:
        schema = load_schema(tx.conn)
        plan, steps = _ImportPlanner(tx.conn, schema, data, remove_missing).plan()
        _apply_steps(tx, schema, steps)
        if tx.records:
            _bump_revision(tx)
    return OpResult(tx.changes, plan)


def _apply_steps(tx: Txn, schema: ProjectSchema, steps: _Steps) -> None:
    ends = {
        layer: max((label.position for label in schema.layer(layer)), default=-1) + 1
        for layer, _ in _DOCUMENT_LAYERS
    }
    layer_ids = {layer: _layer_id(tx.conn, layer) for layer, _ in _DOCUMENT_LAYERS}
    used_colors = {layer: {label.color.lower() for label in schema.layer(layer)} for layer in ends}
    for layer, values in steps.add_labels:
        color = values.get("color")
        if not color:
            color = next((c for c in PALETTE if c not in used_colors[layer]), PALETTE[0])
        used_colors[layer].add(color)
        tx.insert(
            Label,
            layer_id=layer_ids[layer],
            **label_fields(values),
            color=color,
            position=ends[layer],
        )
        ends[layer] += 1
    for label_id, values in steps.update_labels:
        tx.update(Label, label_id, **values)
    fresh = load_schema(tx.conn)  # ids of the labels just added
    entity_ids = {label.key: label.id for label in fresh.entity_labels}
    for role in steps.remove_roles:  # unused: the plan checked it in this same transaction
        _delete_role_row(tx, role)
    for type_key, role_data in steps.add_roles:
        event_type = fresh.by_key(EVENT, type_key)
        position = max((r.position for r in fresh.roles_of(event_type.id)), default=-1) + 1
        role_id = tx.insert(
            EventRole, event_type_id=event_type.id, **role_fields(role_data), position=position
        )
        for label_key in dict.fromkeys(role_data.get("labels", [])):
            tx.insert(RoleAllowedLabel, role_id=role_id, label_id=entity_ids[label_key])
        fresh = load_schema(tx.conn)
    for role_id, values, labels in steps.update_roles:
        plain = {k: v for k, v in values.items() if k != "labels"}
        if plain:
            tx.update(EventRole, role_id, **plain)
        if labels is not None:
            role = fresh.role(role_id)
            wanted = {entity_ids[key] for key in labels}
            for label_id in sorted(role.allowed_label_ids - wanted):
                tx.delete(RoleAllowedLabel, (role_id, label_id))
            for label_id in sorted(wanted - role.allowed_label_ids):
                tx.insert(RoleAllowedLabel, role_id=role_id, label_id=label_id)
    fresh = load_schema(tx.conn)
    for label in sorted(steps.remove_labels, key=lambda lb: lb.layer != EVENT):
        if label.layer == EVENT:
            for role in fresh.roles_of(label.id):
                _delete_role_row(tx, role)
        if label.layer == ENTITY:
            for (role_id,) in tx.conn.execute(
                select(RoleAllowedLabel.role_id).where(RoleAllowedLabel.label_id == label.id)
            ).all():
                tx.delete(RoleAllowedLabel, (role_id, label.id))
        tx.delete(Label, label.id)
    if steps.entity_targets is not None:
        row = tx.conn.execute(
            select(Layer.id, Layer.options).where(Layer.key == STANCE_TARGET)
        ).one()
        options = json.loads(row.options or "{}")
        options["entity_targets"] = steps.entity_targets
        tx.update(Layer, row.id, options=json.dumps(options))


def project_schema_document(project: Project) -> dict[str, Any]:
    """The project's schema as a schema document (`format: tawsim-schema`)."""
    return schema_document(project.schema, key="", name_en=project.name)


def export_schema(project: Project, path: str | Path) -> Path:
    """Write the project's schema as JSON; the file appears whole or not at all."""
    path = Path(path)
    text = json.dumps(project_schema_document(project), ensure_ascii=False, indent=1) + "\n"
    return write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


__all__ = [
    "PALETTE",
    "ConfirmationNeeded",
    "SchemaChange",
    "SchemaImportPlan",
    "SchemaRefusal",
    "Usage",
    "UsageCounts",
    "add_label",
    "add_role",
    "apply_schema_import",
    "delete_label",
    "delete_role",
    "edit_label",
    "edit_role",
    "export_schema",
    "label_usage",
    "plan_schema_import",
    "project_schema_document",
    "reorder_labels",
    "reorder_roles",
    "role_usage",
    "set_entity_targets",
]
