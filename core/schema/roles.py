"""Argument roles of event types: adding, editing, reordering and deleting them.

`insert_role` is the one way a role enters a schema: the schema editor
(`add_role`), a schema import, an annotation import that adds unknown roles and a
merge of annotators' files all call it. A role's allowed labels are entity labels;
a role that lists none accepts any.

Every operation is one transaction and one undo step. Role ids never change:
renaming a role keeps every argument that fills it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

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
    check_text,
    clean_key,
    clean_text,
    describe_role,
    entity_label_ids,
    label_info,
    make_room,
    reorder,
    role_info,
    typed,
)
from core.schema.model import EVENT, RoleInfo, load_schema
from core.schema.usage import ConfirmationNeeded, Usage, removal_for_role, remove_annotations
from models.messages import Message
from models.tables import EventRole, RoleAllowedLabel

NEW_ROLE = Message("new role")  # what a bad key of a role being added is named


def insert_role(
    tx: Txn,
    event_type_id: int,
    key: str,
    *,
    name_ar: str = "",
    name_en: str = "",
    allowed_label_ids: Iterable[int] = (),
    required: bool = False,
    multiple: bool = False,
    guideline: str = "",
    position: int | None = None,
) -> int:
    """Add a role to an event type in this transaction and return its id.

    It goes after the type's last role (position 0 for the first), or at `position`,
    moving later ones down. Raises OperationError for a bad key or one the type
    already has, a label that is not an event type, allowed labels that are not
    entity labels, or names that are not text.
    """
    key = clean_key(key, NEW_ROLE)
    schema = load_schema(tx.conn)
    event_type = label_info(schema, event_type_id)
    if event_type.layer != EVENT:
        raise OperationError(
            Message(
                "roles belong to event types, not to {label}",
                label=schema.describe(event_type_id),
            )
        )
    if schema.role_by_key(event_type_id, key) is not None:
        raise OperationError(Message("{type} already has a role {key!r}", type=event_type, key=key))
    allowed = entity_label_ids(schema, allowed_label_ids)
    siblings = [(r.id, r.position) for r in schema.roles_of(event_type_id)]
    position = make_room(tx, EventRole, siblings, position)
    role_id = tx.insert(
        EventRole,
        event_type_id=event_type_id,
        key=key,
        name_ar=check_text(name_ar, ARABIC_NAME),
        name_en=check_text(name_en, ENGLISH_NAME),
        required=bool(required),
        multiple=bool(multiple),
        guideline=check_text(guideline, GUIDELINE),
        position=position,
    )
    for label_id in allowed:
        tx.insert(RoleAllowedLabel, role_id=role_id, label_id=label_id)
    bump_schema_revision(tx)
    return role_id


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
    key = clean_key(key, NEW_ROLE)
    with project.read() as conn:
        event_type = label_info(load_schema(conn), event_type_id)
    with project.write(Message("Add role {key} to {type}", key=key, type=event_type)) as tx:
        role_id = insert_role(
            tx,
            event_type_id,
            key,
            name_ar=typed(name_ar),
            name_en=typed(name_en),
            allowed_label_ids=labels,
            required=required,
            multiple=multiple,
            guideline=typed(guideline),
            position=position,
        )
    return OpResult(tx.changes, role_id)


def edit_role(
    project: Project,
    role_id: int,
    *,
    key: str | Unset = UNSET,
    name_ar: str | Unset = UNSET,
    name_en: str | Unset = UNSET,
    labels: Sequence[int] | Unset = UNSET,
    required: bool | Unset = UNSET,
    multiple: bool | Unset = UNSET,
    guideline: str | Unset = UNSET,
) -> OpResult[None]:
    """Change a role. Arguments keep it; any that no longer fit (a label the role stops
    accepting, a second argument once it is single) are flagged by validation, not removed."""
    with project.read() as conn:
        old = role_info(load_schema(conn), role_id)
    name = (
        Message("Rename role {role} to {key}", role=old, key=key)
        if key is not UNSET
        else Message("Edit role {role}", role=old)
    )
    with project.write(name) as tx:
        schema = load_schema(tx.conn)
        role = role_info(schema, role_id)
        values: dict[str, Any] = {}
        if key is not UNSET:
            values["key"] = clean_key(key, describe_role(schema, role))
            other = schema.role_by_key(role.event_type_id, values["key"])
            if other is not None and other.id != role_id:
                raise OperationError(
                    Message(
                        "{type} already has a role {key!r}",
                        type=schema.label(role.event_type_id),
                        key=values["key"],
                    )
                )
        for field_name, value, what in (
            ("name_ar", name_ar, ARABIC_NAME),
            ("name_en", name_en, ENGLISH_NAME),
            ("guideline", guideline, GUIDELINE),
        ):
            if value is not UNSET:
                values[field_name] = clean_text(value, what)
        for field_name, flag in (("required", required), ("multiple", multiple)):
            if flag is not UNSET:
                values[field_name] = bool(flag)
        values = {k: v for k, v in values.items() if getattr(role, k) != v}
        if values:
            tx.update(EventRole, role_id, **values)
        if labels is not UNSET:
            set_allowed_labels(tx, role, set(entity_label_ids(schema, labels)))
        if tx.records:
            bump_schema_revision(tx)
    return OpResult(tx.changes, None)


def set_allowed_labels(tx: Txn, role: RoleInfo, wanted: set[int]) -> None:
    """Make the role accept exactly the entity labels `wanted` (empty: any)."""
    for label_id in sorted(role.allowed_label_ids - wanted):
        tx.delete(RoleAllowedLabel, (role.id, label_id))
    for label_id in sorted(wanted - role.allowed_label_ids):
        tx.insert(RoleAllowedLabel, role_id=role.id, label_id=label_id)


def delete_role(project: Project, role_id: int, *, confirm: Usage | None = None) -> OpResult[Usage]:
    """Delete a role; arguments filling it are deleted only with `confirm=role_usage(...)`."""
    with project.read() as conn:
        old = role_info(load_schema(conn), role_id)
    with project.write(Message("Delete role {role}", role=old)) as tx:
        schema = load_schema(tx.conn)
        role = role_info(schema, role_id)
        removal = removal_for_role(tx.conn, role)
        usage = removal.usage(tx.conn, describe_role(schema, role))
        if usage.in_use and confirm != usage:
            raise ConfirmationNeeded(usage)
        remove_annotations(tx, removal)
        delete_role_row(tx, role)
        bump_schema_revision(tx)
    return OpResult(tx.changes, usage)


def delete_role_row(tx: Txn, role: RoleInfo) -> None:
    """Delete a role no argument fills any more, with the list of labels it accepts."""
    for label_id in sorted(role.allowed_label_ids):
        tx.delete(RoleAllowedLabel, (role.id, label_id))
    tx.delete(EventRole, role.id)


def reorder_roles(project: Project, event_type_id: int, role_ids: Sequence[int]) -> OpResult[None]:
    with project.read() as conn:
        event_type = label_info(load_schema(conn), event_type_id)
    with project.write(Message("Reorder roles of {type}", type=event_type)) as tx:
        current = load_schema(tx.conn).roles_of(event_type_id)
        reorder(tx, EventRole, current, role_ids, Message("role of {type}", type=event_type))
    return OpResult(tx.changes, None)


__all__ = [
    "add_role",
    "delete_role",
    "edit_role",
    "insert_role",
    "reorder_roles",
]
