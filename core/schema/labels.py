"""Labels of every layer (entity labels, event types, stance targets, polarities):
adding, editing, reordering and deleting them.

`insert_label` is the one way a label enters a schema: the schema editor
(`add_label`), a schema import, an annotation import that adds unknown labels and a
merge of annotators' files all call it, so every new label is checked, numbered and
coloured the same way and bumps the schema revision.

Every operation is one transaction and one undo step. Label ids never change:
renaming a key keeps every annotation that uses it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from core.project.changes import OpResult
from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import Project
from core.project.unset import UNSET, Unset
from core.schema.checks import (
    ARABIC_NAME,
    ENGLISH_NAME,
    GUIDELINE,
    bump_schema_revision,
    check_layer,
    check_text,
    check_unique_key,
    clean_color,
    clean_key,
    clean_shortcut,
    clean_text,
    describe_role,
    label_info,
    layer_id,
    make_room,
    reorder,
    typed,
)
from core.schema.model import (
    ENTITY,
    EVENT,
    LAYER_ITEM_NAMES,
    LAYER_PLURALS,
    STANCE_TARGET,
    LabelInfo,
    ProjectSchema,
    load_schema,
)
from core.schema.roles import delete_role_row
from core.schema.usage import (
    ConfirmationNeeded,
    Usage,
    removal_for_label,
    remove_annotations,
)
from models.messages import Message
from models.tables import EventArgument, Label, Layer, RoleAllowedLabel

# Distinct, readable on white; a new label takes the first one its layer does not use.
PALETTE = (
    "#d94f4f", "#3c7dd9", "#2e9e6b", "#8e5bd6", "#d98c2e", "#2ea3b0", "#b8960b",
    "#c2185b", "#5d8a2e", "#6d4c41", "#7a6ff0", "#e0631a", "#00897b", "#9e3d8f",
    "#546e7a", "#a1887f", "#1565c0", "#8d6e00", "#ad1457", "#43a047",
)  # fmt: skip


def free_color(schema: ProjectSchema, layer: str) -> str:
    used = {label.color.lower() for label in schema.layer(layer)}
    return next((c for c in PALETTE if c not in used), PALETTE[len(used) % len(PALETTE)])


def insert_label(
    tx: Txn,
    layer: str,
    key: str,
    *,
    name_ar: str = "",
    name_en: str = "",
    color: str | None = None,
    shortcut: str | None = None,
    guideline: str = "",
    position: int | None = None,
    drop_taken_shortcut: bool = False,
) -> int:
    """Add a label to `layer` in this transaction and return its id.

    It goes after the layer's last label (position 0 for the first), or at `position`,
    moving later ones down. Without a colour it takes the first colour of `PALETTE` its
    layer does not use. Raises OperationError for a bad key or one the layer already
    has, names that are not text, a bad colour or shortcut, or a shortcut another label
    of the same keyboard uses; with `drop_taken_shortcut` such a shortcut is left out
    instead (a merge copies labels whose shortcuts may be taken here).
    """
    check_layer(layer)
    key = clean_key(key, Message("new {what}", what=LAYER_ITEM_NAMES[layer]))
    schema = load_schema(tx.conn)
    check_unique_key(schema, layer, key, None)
    if drop_taken_shortcut and schema.shortcut_owner(layer, shortcut) is not None:
        shortcut = None
    values = {
        "layer_id": layer_id(tx.conn, layer),
        "key": key,
        "name_ar": check_text(name_ar, ARABIC_NAME),
        "name_en": check_text(name_en, ENGLISH_NAME),
        "color": clean_color(color) if color else free_color(schema, layer),
        "shortcut": clean_shortcut(schema, layer, shortcut, None),
        "guideline": check_text(guideline, GUIDELINE),
    }
    siblings = [(label.id, label.position) for label in schema.layer(layer)]
    values["position"] = make_room(tx, Label, siblings, position)
    label_id = tx.insert(Label, **values)
    bump_schema_revision(tx)
    return label_id


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
    check_layer(layer)
    key = clean_key(key, Message("new {what}", what=LAYER_ITEM_NAMES[layer]))
    with project.write(Message("Add {what} {key}", what=LAYER_ITEM_NAMES[layer], key=key)) as tx:
        label_id = insert_label(
            tx,
            layer,
            key,
            name_ar=typed(name_ar),
            name_en=typed(name_en),
            color=color,
            shortcut=shortcut,
            guideline=typed(guideline),
            position=position,
        )
    return OpResult(tx.changes, label_id)


def edit_label(
    project: Project,
    label_id: int,
    *,
    key: str | Unset = UNSET,
    name_ar: str | Unset = UNSET,
    name_en: str | Unset = UNSET,
    color: str | Unset = UNSET,
    shortcut: str | Unset | None = UNSET,
    guideline: str | Unset = UNSET,
) -> OpResult[None]:
    """Change any of a label's fields; annotations keep pointing at it (its id is stable)."""
    with project.read() as conn:
        old = label_info(load_schema(conn), label_id)
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
        if value is not UNSET
    }
    with project.write(_edit_name(old, given)) as tx:
        schema = load_schema(tx.conn)
        label = label_info(schema, label_id)
        values: dict[str, Any] = {}
        if "key" in given:
            values["key"] = clean_key(given["key"], schema.describe(label_id))
            check_unique_key(schema, label.layer, values["key"], label_id)
        for name, what in (("name_ar", ARABIC_NAME), ("name_en", ENGLISH_NAME)):
            if name in given:
                values[name] = clean_text(given[name], what)
        if "guideline" in given:
            values["guideline"] = clean_text(given["guideline"], GUIDELINE)
        if "color" in given:
            values["color"] = clean_color(given["color"])
        if "shortcut" in given:
            values["shortcut"] = clean_shortcut(schema, label.layer, given["shortcut"], label_id)
        values = {k: v for k, v in values.items() if getattr(label, k) != v}
        if not values:
            return OpResult(tx.changes, None)
        tx.update(Label, label_id, **values)
        if "key" in values and label.layer == ENTITY:
            # detached arguments remember the key of the span they lost
            for (arg_id,) in tx.conn.execute(
                select(EventArgument.id).where(EventArgument.detached_label == label.key)
            ).all():
                tx.update(EventArgument, arg_id, detached_label=values["key"])
        bump_schema_revision(tx)
    return OpResult(tx.changes, None)


def _edit_name(label: LabelInfo, given: dict[str, Any]) -> Message:
    fields = set(given)
    if fields == {"key"}:
        return Message("Rename {label} to {key}", label=label, key=str(given["key"]).strip())
    if fields == {"color"}:
        return Message("Recolour {label}", label=label)
    if fields == {"shortcut"}:
        return Message("Change shortcut of {label}", label=label)
    if fields == {"guideline"}:
        return Message("Edit guideline of {label}", label=label)
    return Message("Edit {label}", label=label)


def reorder_labels(project: Project, layer: str, label_ids: Sequence[int]) -> OpResult[None]:
    """Put a layer's labels in this order (every label of the layer, once)."""
    check_layer(layer)
    with project.write(Message("Reorder {what}", what=LAYER_PLURALS[layer])) as tx:
        current = load_schema(tx.conn).layer(layer)
        reorder(tx, Label, current, label_ids, LAYER_ITEM_NAMES[layer])
    return OpResult(tx.changes, None)


def set_entity_targets(project: Project, allowed: bool) -> OpResult[None]:
    """Whether an attributed stance may target an entity span (besides the schema's targets).

    Turning it off keeps existing stances that target spans; validation flags them.
    """
    name = Message("Allow entity targets") if allowed else Message("Disallow entity targets")
    with project.write(name) as tx:
        if store_entity_targets(tx, allowed):
            bump_schema_revision(tx)
    return OpResult(tx.changes, None)


def store_entity_targets(tx: Txn, allowed: bool) -> bool:
    """Write the stance-target layer's `entity_targets` option; False when it already was."""
    row = tx.conn.execute(select(Layer.id, Layer.options).where(Layer.key == STANCE_TARGET)).one()
    options = json.loads(row.options or "{}")
    if bool(options.get("entity_targets", True)) == allowed:
        return False
    options["entity_targets"] = allowed
    tx.update(Layer, row.id, options=json.dumps(options))
    return True


def delete_label(
    project: Project, label_id: int, *, confirm: Usage | None = None
) -> OpResult[Usage]:
    """Delete a label. If annotations use it, `confirm` must be its current `label_usage`;
    those annotations are then deleted too (entity spans detach the arguments and stances
    that point at them, as deleting one span does)."""
    with project.read() as conn:
        old = label_info(load_schema(conn), label_id)
    with project.write(Message("Delete {label}", label=old)) as tx:
        schema = load_schema(tx.conn)
        label = label_info(schema, label_id)
        if label.layer == ENTITY:
            _refuse_if_last_allowed_label(schema, label)
        removal = removal_for_label(tx.conn, label)
        usage = removal.usage(tx.conn, schema.describe(label_id))
        if usage.in_use and confirm != usage:
            raise ConfirmationNeeded(usage)
        remove_annotations(tx, removal)
        delete_label_row(tx, schema, label)
        bump_schema_revision(tx)
    return OpResult(tx.changes, usage)


def delete_label_row(tx: Txn, schema: ProjectSchema, label: LabelInfo) -> None:
    """Delete a label no annotation uses any more, with what hangs on it: an event type's
    roles, an entity label's place in the roles that accept it."""
    if label.layer == ENTITY:
        for (role_id,) in tx.conn.execute(
            select(RoleAllowedLabel.role_id).where(RoleAllowedLabel.label_id == label.id)
        ).all():
            tx.delete(RoleAllowedLabel, (role_id, label.id))
    if label.layer == EVENT:
        for role in schema.roles_of(label.id):
            delete_role_row(tx, role)
    tx.delete(Label, label.id)


def _refuse_if_last_allowed_label(schema: ProjectSchema, label: LabelInfo) -> None:
    """A role with no allowed labels accepts any: losing its only label would widen it."""
    sole = [r for r in schema.roles if r.allowed_label_ids == frozenset({label.id})]
    if sole:
        raise OperationError(
            Message(
                "{label} is the only entity label these roles accept: {roles}; change or "
                "delete them first",
                label=label,
                roles=tuple(describe_role(schema, r) for r in sole),
            )
        )


__all__ = [
    "PALETTE",
    "add_label",
    "delete_label",
    "edit_label",
    "insert_label",
    "reorder_labels",
    "set_entity_targets",
]
