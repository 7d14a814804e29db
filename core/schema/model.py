"""The project's annotation schema: data, not code.

A schema document (JSON, see resources/schemas/) lists entity labels, event
types with argument roles, stance targets and polarity values. In the
database they live in four layers (`entity`, `event`, `stance_target`,
`polarity`) of the label table; roles and the entity labels each role accepts
have tables of their own. `ProjectSchema` is an immutable snapshot the UI and
exporters read; change it only through operations (which report
`Changes.schema`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlmodel import SQLModel

from core.resources import resource_path
from models.messages import Message
from models.tables import EventRole, Label, Layer, RoleAllowedLabel, table_of

SCHEMA_FORMAT = "tawsim-schema"
DEFAULT_PRESET = "ai-news-ar"
ENTITY, EVENT, STANCE_TARGET, POLARITY = "entity", "event", "stance_target", "polarity"
LAYERS = (  # key, kind, English name, Arabic name
    (ENTITY, "span", "Entities", "الكيانات"),
    (EVENT, "event", "Events", "الأحداث"),
    (STANCE_TARGET, "stance_target", "Stance targets", "أهداف المواقف"),
    (POLARITY, "polarity", "Polarities", "القطبية"),
)
LAYER_ITEM_NAMES = {  # how messages name one item of a layer
    ENTITY: Message("entity label"),
    EVENT: Message("event type"),
    STANCE_TARGET: Message("stance target"),
    POLARITY: Message("polarity"),
}
LAYER_PLURALS = {  # and several
    ENTITY: Message("entity labels"),
    EVENT: Message("event types"),
    STANCE_TARGET: Message("stance targets"),
    POLARITY: Message("polarities"),
}
# Layers whose shortcuts share one keyboard: the editor applies entity labels and
# event types to the selection; the stance panel picks targets and polarities.
SHORTCUT_GROUPS = {
    "editor": (ENTITY, EVENT),
    "stance": (STANCE_TARGET, POLARITY),
}
SCHEMA_VERSION = 1
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_KEY_RE = re.compile(r"^[^\s]{1,64}$")
_DOCUMENT_FIELDS = {
    "format", "version", "key", "name_ar", "name_en", "description", "source",
    "entities", "events", "stance_targets", "polarities",
}  # fmt: skip
_ITEM_FIELDS = {"key", "name_ar", "name_en", "color", "shortcut", "guideline"}
_ROLE_FIELDS = {"key", "name_ar", "name_en", "labels", "required", "multiple", "guideline"}


def shortcut_group(layer: str) -> tuple[str, ...]:
    """The layers whose shortcuts must differ from those of `layer`."""
    for layers in SHORTCUT_GROUPS.values():
        if layer in layers:
            return layers
    return (layer,)


def valid_key(key: Any) -> bool:
    return isinstance(key, str) and bool(_KEY_RE.match(key))


def valid_color(color: Any) -> bool:
    return isinstance(color, str) and bool(_COLOR_RE.match(color))


def valid_shortcut(shortcut: Any) -> bool:
    return isinstance(shortcut, str) and len(shortcut) == 1 and shortcut.isalnum()


class SchemaError(ValueError):
    """A schema document is invalid; `problems` name each field at fault."""

    def __init__(self, problems: list[str], source: str = "schema"):
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


@dataclass(frozen=True)
class LabelInfo:
    id: int
    layer: str  # ENTITY, EVENT, STANCE_TARGET or POLARITY
    key: str
    name_ar: str
    name_en: str
    color: str
    shortcut: str | None
    guideline: str
    position: int

    @property
    def display_name(self) -> str:
        return self.name_ar or self.name_en or self.key


@dataclass(frozen=True)
class RoleInfo:
    id: int
    event_type_id: int
    key: str
    name_ar: str
    name_en: str
    required: bool
    multiple: bool
    guideline: str
    position: int
    allowed_label_ids: frozenset[int]  # empty: any entity label

    def accepts(self, label_id: int) -> bool:
        return not self.allowed_label_ids or label_id in self.allowed_label_ids


@dataclass(frozen=True)
class ProjectSchema:
    labels: tuple[LabelInfo, ...]
    roles: tuple[RoleInfo, ...]
    entity_targets: bool = True  # stance targets may be entity spans
    _by_id: dict[int, LabelInfo] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({label.id: label for label in self.labels})

    def label(self, label_id: int) -> LabelInfo:
        return self._by_id[label_id]

    def layer(self, layer: str) -> list[LabelInfo]:
        return [label for label in self.labels if label.layer == layer]

    @cached_property
    def entity_labels(self) -> list[LabelInfo]:
        return self.layer(ENTITY)

    @cached_property
    def event_types(self) -> list[LabelInfo]:
        return self.layer(EVENT)

    @cached_property
    def stance_targets(self) -> list[LabelInfo]:
        return self.layer(STANCE_TARGET)

    @cached_property
    def polarities(self) -> list[LabelInfo]:
        return self.layer(POLARITY)

    def by_key(self, layer: str, key: str) -> LabelInfo | None:
        for label in self.labels:
            if label.layer == layer and label.key == key:
                return label
        return None

    def label_by_key(self, layer: str, key: str) -> LabelInfo:
        """The label `key` of `layer`, which must exist (KeyError otherwise, as `label`)."""
        label = self.by_key(layer, key)
        if label is None:
            raise KeyError((layer, key))
        return label

    def roles_of(self, event_type_id: int) -> list[RoleInfo]:
        return [r for r in self.roles if r.event_type_id == event_type_id]

    def role(self, role_id: int) -> RoleInfo:
        for r in self.roles:
            if r.id == role_id:
                return r
        raise KeyError(role_id)

    def role_by_key(self, event_type_id: int, key: str) -> RoleInfo | None:
        for r in self.roles:
            if r.event_type_id == event_type_id and r.key == key:
                return r
        return None

    def shortcut_owner(
        self, layer: str, shortcut: str | None, ignore_label_id: int | None = None
    ) -> LabelInfo | None:
        """The label already using `shortcut` on `layer`'s keyboard (case-insensitive)."""
        if not shortcut:
            return None
        group = shortcut_group(layer)
        for label in self.labels:
            if (
                label.layer in group
                and label.id != ignore_label_id
                and label.shortcut
                and label.shortcut.lower() == shortcut.lower()
            ):
                return label
        return None

    def describe(self, label_id: int) -> Message:
        """ "event type Business.Acquire" — how messages name a label (by its name in
        the window's language there)."""
        label = self.label(label_id)
        return Message("{kind} {label}", kind=LAYER_ITEM_NAMES[label.layer], label=label)


def load_schema(conn: Connection) -> ProjectSchema:
    layers = {row.id: row for row in conn.execute(select(Layer.id, Layer.key, Layer.options)).all()}
    labels = tuple(
        LabelInfo(
            id=r.id,
            layer=layers[r.layer_id].key,
            key=r.key,
            name_ar=r.name_ar,
            name_en=r.name_en,
            color=r.color,
            shortcut=r.shortcut,
            guideline=r.guideline,
            position=r.position,
        )
        for r in conn.execute(select(Label).order_by(Label.layer_id, Label.position, Label.id))
    )
    allowed: dict[int, set[int]] = {}
    for role_id, label_id in conn.execute(
        select(RoleAllowedLabel.role_id, RoleAllowedLabel.label_id)
    ):
        allowed.setdefault(role_id, set()).add(label_id)
    roles = tuple(
        RoleInfo(
            id=r.id,
            event_type_id=r.event_type_id,
            key=r.key,
            name_ar=r.name_ar,
            name_en=r.name_en,
            required=bool(r.required),
            multiple=bool(r.multiple),
            guideline=r.guideline,
            position=r.position,
            allowed_label_ids=frozenset(allowed.get(r.id, ())),
        )
        for r in conn.execute(
            select(EventRole).order_by(EventRole.event_type_id, EventRole.position, EventRole.id)
        )
    )
    entity_targets = True
    for layer in layers.values():
        if layer.key == STANCE_TARGET:
            entity_targets = bool(json.loads(layer.options or "{}").get("entity_targets", True))
    return ProjectSchema(labels=labels, roles=roles, entity_targets=entity_targets)


# --- schema documents (JSON) -------------------------------------------------


def list_presets() -> list[dict[str, str]]:
    """Bundled presets: key, English and Arabic names, description, source (the default first)."""
    presets = []
    for path in sorted(resource_path("schemas").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        presets.append(
            {
                "key": data.get("key", path.stem),
                "name_en": data.get("name_en", path.stem),
                "name_ar": data.get("name_ar", ""),
                "description": data.get("description", ""),
                "source": data.get("source", ""),
            }
        )
    presets.sort(key=lambda p: (p["key"] != DEFAULT_PRESET, p["name_en"]))
    return presets


def load_preset(key: str) -> dict[str, Any]:
    path = resource_path("schemas", f"{key}.json")
    if not path.is_file():
        known = ", ".join(p["key"] for p in list_presets())
        raise SchemaError([f"no preset named {key!r} (presets: {known})"])
    return read_schema_file(path)


def read_schema_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SchemaError(["no such file"], str(path)) from None
    except UnicodeDecodeError:
        raise SchemaError(["not UTF-8 text"], str(path)) from None
    except json.JSONDecodeError as err:
        raise SchemaError([f"line {err.lineno} column {err.colno}: {err.msg}"], str(path)) from None
    validate_schema_document(data, str(path))  # a JSON object, or SchemaError
    document: dict[str, Any] = data
    return document


class _Checker:
    """Collects every problem of a schema document, each naming its field."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.shortcuts: dict[str, dict[str, str]] = {group: {} for group in SHORTCUT_GROUPS}

    def add(self, problem: str) -> None:
        self.problems.append(problem)

    def unknown_fields(self, item: dict[str, Any], allowed: set[str], where: str) -> None:
        expected = ", ".join(sorted(allowed))
        for name in sorted(set(item) - allowed):
            self.add(f"{where}.{name}: unknown field (expected one of {expected})")

    def text_fields(self, item: dict[str, Any], where: str, names: tuple[str, ...]) -> None:
        for name in names:
            if name in item and not isinstance(item[name], str):
                self.add(f"{where}.{name}: expected text")

    def item(self, item: Any, where: str, layer: str) -> bool:
        if not isinstance(item, dict):
            self.add(f"{where}: expected an object")
            return False
        allowed = _ITEM_FIELDS | ({"roles"} if layer == EVENT else set())
        self.unknown_fields(item, allowed, where)
        if not valid_key(item.get("key")):
            self.add(f"{where}.key: a non-empty name without spaces (at most 64 characters)")
        self.text_fields(item, where, ("name_ar", "name_en", "guideline"))
        color = item.get("color")
        if color is not None and not valid_color(color):
            self.add(f"{where}.color: expected #rrggbb, got {color!r}")
        shortcut = item.get("shortcut")
        if shortcut is not None:
            group = next(g for g, layers in SHORTCUT_GROUPS.items() if layer in layers)
            used = self.shortcuts[group]
            if not valid_shortcut(shortcut):
                self.add(f"{where}.shortcut: expected one letter or digit, got {shortcut!r}")
            elif shortcut.lower() in used:
                owner = used[shortcut.lower()]
                self.add(f"{where}.shortcut: {shortcut!r} is already used by {owner}")
            else:
                used[shortcut.lower()] = f"{where} ({item.get('key')})"
        return True

    def unique(self, items: list[Any], where: str) -> None:
        seen = set()
        for i, item in enumerate(items):
            key = item.get("key") if isinstance(item, dict) else None
            if key is None:
                continue
            if key in seen:
                self.add(f"{where}[{i}].key: {key!r} appears twice")
            seen.add(key)

    def role(self, role: Any, where: str, entity_keys: Container[object]) -> None:
        if not isinstance(role, dict):
            self.add(f"{where}: expected an object")
            return
        self.unknown_fields(role, _ROLE_FIELDS, where)
        if not valid_key(role.get("key")):
            self.add(f"{where}.key: a non-empty name without spaces (at most 64 characters)")
        self.text_fields(role, where, ("name_ar", "name_en", "guideline"))
        labels = role.get("labels", [])
        if not isinstance(labels, list):
            self.add(f"{where}.labels: expected a list of entity label keys")
        else:
            for label in labels:
                if label not in entity_keys:
                    self.add(f"{where}.labels: unknown entity label {label!r}")
        for flag in ("required", "multiple"):
            if flag in role and not isinstance(role[flag], bool):
                self.add(f"{where}.{flag}: expected true or false")


def validate_schema_document(data: Any, source: str = "schema") -> None:
    """Raise SchemaError naming every field that is wrong."""
    if not isinstance(data, dict):
        raise SchemaError(["expected a JSON object"], source)
    check = _Checker()
    if data.get("format") != SCHEMA_FORMAT:
        check.add(f"format: expected {SCHEMA_FORMAT!r}, got {data.get('format')!r}")
    version = data.get("version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        check.add(f"version: expected a whole number, got {version!r}")
    elif version > SCHEMA_VERSION:
        check.add(
            f"version: {version} is newer than this version of Tawsim reads ({SCHEMA_VERSION})"
        )
    check.unknown_fields(data, _DOCUMENT_FIELDS, "schema")
    check.text_fields(data, "schema", ("key", "name_ar", "name_en", "description", "source"))
    lists = {}
    for name in ("entities", "events", "polarities"):
        value = data.get(name, [])
        if not isinstance(value, list):
            check.add(f"{name}: expected a list")
            value = []
        lists[name] = value
    targets = data.get("stance_targets", {})
    if not isinstance(targets, dict):
        check.add("stance_targets: expected an object {entity_targets, targets}")
        targets = {}
    check.unknown_fields(targets, {"entity_targets", "targets"}, "stance_targets")
    if not isinstance(targets.get("entity_targets", True), bool):
        check.add("stance_targets.entity_targets: expected true or false")
    target_items = targets.get("targets", [])
    if not isinstance(target_items, list):
        check.add("stance_targets.targets: expected a list")
        target_items = []
    entity_keys = {e.get("key") for e in lists["entities"] if isinstance(e, dict)}
    for name, layer, items in (
        ("entities", ENTITY, lists["entities"]),
        ("events", EVENT, lists["events"]),
        ("stance_targets.targets", STANCE_TARGET, target_items),
        ("polarities", POLARITY, lists["polarities"]),
    ):
        check.unique(items, name)
        for i, item in enumerate(items):
            check.item(item, f"{name}[{i}]", layer)
    for i, event in enumerate(lists["events"]):
        if not isinstance(event, dict):
            continue
        roles = event.get("roles", [])
        if not isinstance(roles, list):
            check.add(f"events[{i}].roles: expected a list")
            continue
        check.unique(roles, f"events[{i}].roles")
        for j, role in enumerate(roles):
            check.role(role, f"events[{i}].roles[{j}]", entity_keys)
    if check.problems:
        raise SchemaError(check.problems, source)


def label_fields(item: dict[str, Any]) -> dict[str, Any]:
    """A label row's key, names, shortcut and guideline from a schema document's label
    (colour and position are the caller's)."""
    return {
        "key": item["key"],
        "name_ar": item.get("name_ar", ""),
        "name_en": item.get("name_en", ""),
        "shortcut": item.get("shortcut"),
        "guideline": item.get("guideline", ""),
    }


def role_fields(item: dict[str, Any]) -> dict[str, Any]:
    """An event role row's fields from a schema document's role (but its event type,
    position and allowed labels)."""
    return {
        "key": item["key"],
        "name_ar": item.get("name_ar", ""),
        "name_en": item.get("name_en", ""),
        "required": bool(item.get("required", False)),
        "multiple": bool(item.get("multiple", False)),
        "guideline": item.get("guideline", ""),
    }


def _insert(conn: Connection, model: type[SQLModel], **values: Any) -> int:
    """Insert one row into a table keyed by an integer id; the row's id."""
    key = conn.execute(table_of(model).insert().values(**values)).inserted_primary_key
    assert key is not None  # None only for a statement run with many rows of values
    row_id: int = key[0]
    return row_id


def install_schema(conn: Connection, data: dict[str, Any]) -> None:
    """Fill the (empty) schema tables of a new project from a schema document."""
    validate_schema_document(data)
    layer_ids = {}
    for position, (key, kind, name_en, name_ar) in enumerate(LAYERS):
        options = {}
        if key == STANCE_TARGET:
            options["entity_targets"] = bool(
                data.get("stance_targets", {}).get("entity_targets", True)
            )
        layer_ids[key] = _insert(
            conn,
            Layer,
            key=key,
            kind=kind,
            name_en=name_en,
            name_ar=name_ar,
            position=position,
            options=json.dumps(options),
        )

    def add_label(layer: str, item: dict[str, Any], position: int) -> int:
        return _insert(
            conn,
            Label,
            layer_id=layer_ids[layer],
            **label_fields(item),
            color=item.get("color") or "#888888",
            position=position,
        )

    entity_ids = {
        item["key"]: add_label(ENTITY, item, i) for i, item in enumerate(data.get("entities", []))
    }
    for i, item in enumerate(data.get("events", [])):
        type_id = add_label(EVENT, item, i)
        for j, role in enumerate(item.get("roles", [])):
            role_id = _insert(
                conn, EventRole, event_type_id=type_id, **role_fields(role), position=j
            )
            for label_key in role.get("labels", []):
                conn.execute(
                    table_of(RoleAllowedLabel)
                    .insert()
                    .values(role_id=role_id, label_id=entity_ids[label_key])
                )
    for i, item in enumerate(data.get("stance_targets", {}).get("targets", [])):
        add_label(STANCE_TARGET, item, i)
    for i, item in enumerate(data.get("polarities", [])):
        add_label(POLARITY, item, i)


def schema_document(schema: ProjectSchema, key: str = "", name_en: str = "") -> dict[str, Any]:
    """The project's schema as a schema document (for export, and round trips)."""

    def item(label: LabelInfo) -> dict[str, Any]:
        return {
            "key": label.key,
            "name_ar": label.name_ar,
            "name_en": label.name_en,
            "color": label.color,
            "shortcut": label.shortcut,
            "guideline": label.guideline,
        }

    entity_keys = {label.id: label.key for label in schema.entity_labels}
    events = []
    for event_type in schema.event_types:
        roles = [
            {
                "key": r.key,
                "name_ar": r.name_ar,
                "name_en": r.name_en,
                "labels": sorted(entity_keys[i] for i in r.allowed_label_ids if i in entity_keys),
                "required": r.required,
                "multiple": r.multiple,
                "guideline": r.guideline,
            }
            for r in schema.roles_of(event_type.id)
        ]
        events.append({**item(event_type), "roles": roles})
    return {
        "format": SCHEMA_FORMAT,
        "version": 1,
        "key": key,
        "name_en": name_en,
        "entities": [item(label) for label in schema.entity_labels],
        "events": events,
        "stance_targets": {
            "entity_targets": schema.entity_targets,
            "targets": [item(label) for label in schema.stance_targets],
        },
        "polarities": [item(label) for label in schema.polarities],
    }
