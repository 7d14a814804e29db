"""Schema documents in and out of a project: import (merge by key, dry run first) and
export.

`plan_schema_import` compares a schema document with the project's schema and says
what importing it would add, update, remove and refuse; `apply_schema_import` does
exactly that in one transaction and one undo step. Items are matched by key within
their layer (roles by key within their event type). Labels and roles the document
adds go through `insert_label` / `insert_role`, as every new label and role does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from core.project.atomic import write_atomically
from core.project.changes import OpResult
from core.project.journal import Txn
from core.project.project import Project
from core.schema.checks import bump_schema_revision, describe_role
from core.schema.labels import delete_label_row, insert_label, store_entity_targets
from core.schema.model import (
    ENTITY,
    EVENT,
    LAYER_ITEM_NAMES,
    POLARITY,
    SHORTCUT_GROUPS,
    STANCE_TARGET,
    LabelInfo,
    ProjectSchema,
    RoleInfo,
    load_schema,
    role_fields,
    schema_document,
    validate_schema_document,
)
from core.schema.roles import delete_role_row, insert_role, set_allowed_labels
from core.schema.usage import removal_for_label, removal_for_role
from models.messages import Message
from models.tables import EventRole, Label


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
                    usage = removal_for_label(self.conn, label).usage(self.conn, item)
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
                item = describe_role(self.schema, role)
                usage = removal_for_role(self.conn, role).usage(self.conn, item)
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
                describe_role(self.schema, role)
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
    with project.write(Message("Import schema")) as tx:
        schema = load_schema(tx.conn)
        plan, steps = _ImportPlanner(tx.conn, schema, data, remove_missing).plan()
        _apply_steps(tx, steps)
        if tx.records:
            bump_schema_revision(tx)
    return OpResult(tx.changes, plan)


def _apply_steps(tx: Txn, steps: _Steps) -> None:
    """Write an import's steps. Updates and removals come first, so the labels it adds
    find free the shortcuts and colours those give up (the plan settled every clash)."""
    for label_id, values in steps.update_labels:
        tx.update(Label, label_id, **values)
    for role in steps.remove_roles:  # unused: the plan checked it in this same transaction
        delete_role_row(tx, role)
    fresh = load_schema(tx.conn)
    # event types first: they take their roles along before entity labels leave those roles
    for label in sorted(steps.remove_labels, key=lambda lb: lb.layer != EVENT):
        delete_label_row(tx, fresh, label)
    for layer, values in steps.add_labels:
        insert_label(tx, layer, **values)
    fresh = load_schema(tx.conn)  # ids of the labels just added
    entity_ids = {label.key: label.id for label in fresh.entity_labels}
    for type_key, role_data in steps.add_roles:
        insert_role(
            tx,
            fresh.label_by_key(EVENT, type_key).id,
            **role_fields(role_data),
            allowed_label_ids=[entity_ids[key] for key in role_data.get("labels", [])],
        )
    fresh = load_schema(tx.conn)
    for role_id, values, labels in steps.update_roles:
        plain = {k: v for k, v in values.items() if k != "labels"}
        if plain:
            tx.update(EventRole, role_id, **plain)
        if labels is not None:
            set_allowed_labels(tx, fresh.role(role_id), {entity_ids[key] for key in labels})
    if steps.entity_targets is not None:
        store_entity_targets(tx, steps.entity_targets)


def project_schema_document(project: Project) -> dict[str, Any]:
    """The project's schema as a schema document (`format: tawsim-schema`)."""
    return schema_document(project.schema, key="", name_en=project.name)


def export_schema(project: Project, path: str | Path) -> Path:
    """Write the project's schema as JSON; the file appears whole or not at all."""
    path = Path(path)
    text = json.dumps(project_schema_document(project), ensure_ascii=False, indent=1) + "\n"
    return write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


__all__ = [
    "SchemaChange",
    "SchemaImportPlan",
    "SchemaRefusal",
    "apply_schema_import",
    "export_schema",
    "plan_schema_import",
    "project_schema_document",
]
