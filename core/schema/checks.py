"""What every schema operation shares: checking the values it is given, finding the
label or role it names, numbering positions, and telling every window that has the
project open that the schema changed (the `schema_revision` setting).

Messages name the field at fault in the words the schema editor shows, so the
editor, the command line and importers report a bad value the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select

from core.project.errors import OperationError
from core.project.journal import Txn
from core.project.project import set_setting
from core.schema.model import (
    ENTITY,
    LAYER_ITEM_NAMES,
    LAYERS,
    LabelInfo,
    ProjectSchema,
    RoleInfo,
    valid_color,
    valid_key,
    valid_shortcut,
)
from models.messages import Message
from models.tables import Layer, Setting

REVISION_SETTING = "schema_revision"
LAYER_KEYS = tuple(key for key, *_ in LAYERS)


# --- the revision ----------------------------------------------------------------


def bump_schema_revision(tx: Txn) -> None:
    """Mark the schema as changed for every window that has this project open.

    Once per transaction however many labels or roles it changes: the revision counts
    schema versions, and one undo step is one version.
    """
    tx.changes.schema = True
    if REVISION_SETTING in tx.changes.rows.get(Setting.__tablename__, ()):
        return
    stored = tx.conn.execute(select(Setting.value).where(Setting.key == REVISION_SETTING)).scalar()
    revision = json.loads(stored) if stored is not None else 1
    set_setting(tx, REVISION_SETTING, int(revision) + 1)


# --- finding what an operation names -------------------------------------------------


def label_info(schema: ProjectSchema, label_id: int) -> LabelInfo:
    try:
        return schema.label(label_id)
    except KeyError:
        raise OperationError(
            Message("label {id} does not exist (it may have been deleted)", id=label_id)
        ) from None


def role_info(schema: ProjectSchema, role_id: int) -> RoleInfo:
    try:
        return schema.role(role_id)
    except KeyError:
        raise OperationError(
            Message("role {id} does not exist (it may have been deleted)", id=role_id)
        ) from None


def describe_role(schema: ProjectSchema, role: RoleInfo) -> Message:
    return Message("role {role} of {type}", role=role, type=schema.label(role.event_type_id))


def layer_id(conn: Connection, layer: str) -> int:
    found = conn.execute(select(Layer.id).where(Layer.key == layer)).scalar()
    if found is None:
        raise OperationError(f"unknown layer {layer!r}; expected one of {', '.join(LAYER_KEYS)}")
    return found


def check_layer(layer: str) -> None:
    if layer not in LAYER_KEYS:
        raise OperationError(f"unknown layer {layer!r}; expected one of {', '.join(LAYER_KEYS)}")


# --- checking values -------------------------------------------------------------------

# the fields a refusal names
ARABIC_NAME, ENGLISH_NAME = Message("Arabic name"), Message("English name")
GUIDELINE = Message("guideline")


def clean_key(key: Any, what: str) -> str:
    key = key.strip() if isinstance(key, str) else key
    if not valid_key(key):
        raise OperationError(
            Message(
                "{what}: the key must be a non-empty name without spaces (at most 64 characters)",
                what=what,
            )
        )
    return key


def check_text(value: Any, field_name: str) -> str:
    if not isinstance(value, str):
        raise OperationError(Message("{field}: expected text", field=field_name))
    return value


def typed(value: Any) -> Any:
    """What the user typed, without the spaces around it (a value that is not text is
    left for the check to refuse)."""
    return value.strip() if isinstance(value, str) else value


def clean_text(value: Any, field_name: str) -> str:
    """Text typed by a user: checked, and without the spaces around it."""
    return check_text(value, field_name).strip()


def clean_color(color: Any) -> str:
    if not valid_color(color):
        raise OperationError(Message("colour: expected #rrggbb, got {value!r}", value=color))
    return color.lower()


def clean_shortcut(
    schema: ProjectSchema, layer: str, shortcut: Any, ignore_label_id: int | None
) -> str | None:
    if shortcut in (None, ""):
        return None
    if not valid_shortcut(shortcut):
        raise OperationError(
            Message("shortcut: expected one letter or digit, got {value!r}", value=shortcut)
        )
    owner = schema.shortcut_owner(layer, shortcut, ignore_label_id)
    if owner is not None:
        raise OperationError(
            Message(
                "the shortcut {key!r} is already used by {owner}; "
                "choose another key or free that one first",
                key=shortcut,
                owner=schema.describe(owner.id),
            )
        )
    return shortcut


def check_unique_key(schema: ProjectSchema, layer: str, key: str, ignore_id: int | None) -> None:
    other = schema.by_key(layer, key)
    if other is not None and other.id != ignore_id:
        raise OperationError(
            Message(
                "there already is an {what} with the key {key!r}",
                what=LAYER_ITEM_NAMES[layer],
                key=key,
            )
        )


def entity_label_ids(schema: ProjectSchema, label_ids: Iterable[int]) -> list[int]:
    """The entity labels a role accepts, each once; any other label is refused."""
    result = []
    for label_id in label_ids:
        label = label_info(schema, label_id)
        if label.layer != ENTITY:
            raise OperationError(
                Message(
                    "a role can only accept entity labels, not {label}",
                    label=schema.describe(label_id),
                )
            )
        if label_id not in result:
            result.append(label_id)
    return result


# --- positions ------------------------------------------------------------------------


def make_room(tx: Txn, model, siblings: Sequence[tuple[int, int]], position: int | None) -> int:
    """The position a new label or role takes among its `siblings` (id, position): after
    the last one (0 for the first), or `position`, moving those at or after it down one."""
    end = max((p for _, p in siblings), default=-1) + 1
    if position is None or position >= end:
        return end
    position = max(position, 0)
    for item_id, current in siblings:
        if current >= position:
            tx.update(model, item_id, position=current + 1)
    return position


def reorder(tx: Txn, model, current: Sequence, ids: Sequence[int], what: str) -> None:
    """Renumber the `current` rows (labels or roles) of `model` in the order of `ids`,
    which must name each of them once."""
    if sorted(ids) != sorted(row.id for row in current):
        raise OperationError(f"reordering needs every {what} exactly once ({len(current)} of them)")
    positions = {row.id: row.position for row in current}
    for position, row_id in enumerate(ids):
        if positions[row_id] != position:
            tx.update(model, row_id, position=position)
    if tx.records:
        bump_schema_revision(tx)
