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
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from core.resources import resource_path
from models.tables import EventRole, Label, Layer, RoleAllowedLabel

SCHEMA_FORMAT = "tawsim-schema"
DEFAULT_PRESET = "ai-news-ar"
ENTITY, EVENT, STANCE_TARGET, POLARITY = "entity", "event", "stance_target", "polarity"
LAYERS = (  # key, kind, English name, Arabic name
    (ENTITY, "span", "Entities", "الكيانات"),
    (EVENT, "event", "Events", "الأحداث"),
    (STANCE_TARGET, "stance_target", "Stance targets", "أهداف المواقف"),
    (POLARITY, "polarity", "Polarities", "القطبية"),
)
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_KEY_RE = re.compile(r"^[^\s]{1,64}$")


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

    def roles_of(self, event_type_id: int) -> list[RoleInfo]:
        return [r for r in self.roles if r.event_type_id == event_type_id]

    def role(self, role_id: int) -> RoleInfo:
        for r in self.roles:
            if r.id == role_id:
                return r
        raise KeyError(role_id)


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
    """Bundled presets: key, English and Arabic names, description."""
    presets = []
    for path in sorted(resource_path("schemas").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        presets.append(
            {
                "key": data.get("key", path.stem),
                "name_en": data.get("name_en", path.stem),
                "name_ar": data.get("name_ar", ""),
                "description": data.get("description", ""),
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
    except UnicodeDecodeError:
        raise SchemaError(["not UTF-8 text"], str(path)) from None
    except json.JSONDecodeError as err:
        raise SchemaError([f"line {err.lineno}: {err.msg}"], str(path)) from None
    validate_schema_document(data, str(path))
    return data


def _check_item(item: Any, where: str, problems: list[str], shortcuts: dict[str, str]) -> None:
    if not isinstance(item, dict):
        problems.append(f"{where}: expected an object")
        return
    key = item.get("key")
    if not isinstance(key, str) or not _KEY_RE.match(key):
        problems.append(f"{where}.key: a non-empty name without spaces is required")
    for name in ("name_ar", "name_en", "guideline"):
        if name in item and not isinstance(item[name], str):
            problems.append(f"{where}.{name}: expected text")
    color = item.get("color")
    if color is not None and (not isinstance(color, str) or not _COLOR_RE.match(color)):
        problems.append(f"{where}.color: expected #rrggbb, got {color!r}")
    shortcut = item.get("shortcut")
    if shortcut is not None:
        if not isinstance(shortcut, str) or len(shortcut) != 1 or not shortcut.isalnum():
            problems.append(f"{where}.shortcut: expected one letter or digit, got {shortcut!r}")
        elif shortcut.lower() in shortcuts:
            problems.append(
                f"{where}.shortcut: {shortcut!r} is already used by {shortcuts[shortcut.lower()]}"
            )
        else:
            shortcuts[shortcut.lower()] = where


def _check_unique(items: list[Any], where: str, problems: list[str]) -> None:
    seen = set()
    for i, item in enumerate(items):
        key = item.get("key") if isinstance(item, dict) else None
        if key in seen:
            problems.append(f"{where}[{i}].key: {key!r} appears twice")
        seen.add(key)


def validate_schema_document(data: Any, source: str = "schema") -> None:
    """Raise SchemaError naming every field that is wrong."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise SchemaError(["expected a JSON object"], source)
    if data.get("format") != SCHEMA_FORMAT:
        problems.append(f"format: expected {SCHEMA_FORMAT!r}")
    shortcuts: dict[str, str] = {}
    lists = {}
    for name in ("entities", "events", "polarities"):
        value = data.get(name, [])
        if not isinstance(value, list):
            problems.append(f"{name}: expected a list")
            value = []
        lists[name] = value
    targets = data.get("stance_targets", {"targets": []})
    if not isinstance(targets, dict) or not isinstance(targets.get("targets", []), list):
        problems.append("stance_targets: expected {entity_targets, targets: [...]}")
        targets = {"targets": []}
    entity_keys = {e.get("key") for e in lists["entities"] if isinstance(e, dict)}
    for name in ("entities", "events", "polarities"):
        _check_unique(lists[name], name, problems)
        for i, item in enumerate(lists[name]):
            _check_item(item, f"{name}[{i}]", problems, shortcuts)
    _check_unique(targets.get("targets", []), "stance_targets.targets", problems)
    for i, item in enumerate(targets.get("targets", [])):
        _check_item(item, f"stance_targets.targets[{i}]", problems, {})
    for i, event in enumerate(lists["events"]):
        if not isinstance(event, dict):
            continue
        roles = event.get("roles", [])
        if not isinstance(roles, list):
            problems.append(f"events[{i}].roles: expected a list")
            continue
        _check_unique(roles, f"events[{i}].roles", problems)
        for j, role in enumerate(roles):
            where = f"events[{i}].roles[{j}]"
            _check_item(role, where, problems, {})
            if not isinstance(role, dict):
                continue
            for label in role.get("labels", []):
                if label not in entity_keys:
                    problems.append(f"{where}.labels: unknown entity label {label!r}")
            for flag in ("required", "multiple"):
                if flag in role and not isinstance(role[flag], bool):
                    problems.append(f"{where}.{flag}: expected true or false")
    if problems:
        raise SchemaError(problems, source)


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
        result = conn.execute(
            Layer.__table__.insert().values(
                key=key,
                kind=kind,
                name_en=name_en,
                name_ar=name_ar,
                position=position,
                options=json.dumps(options),
            )
        )
        layer_ids[key] = result.inserted_primary_key[0]

    def add_label(layer: str, item: dict[str, Any], position: int) -> int:
        result = conn.execute(
            Label.__table__.insert().values(
                layer_id=layer_ids[layer],
                key=item["key"],
                name_ar=item.get("name_ar", ""),
                name_en=item.get("name_en", ""),
                color=item.get("color") or "#888888",
                shortcut=item.get("shortcut"),
                guideline=item.get("guideline", ""),
                position=position,
            )
        )
        return result.inserted_primary_key[0]

    entity_ids = {
        item["key"]: add_label(ENTITY, item, i) for i, item in enumerate(data.get("entities", []))
    }
    for i, item in enumerate(data.get("events", [])):
        type_id = add_label(EVENT, item, i)
        for j, role in enumerate(item.get("roles", [])):
            role_id = conn.execute(
                EventRole.__table__.insert().values(
                    event_type_id=type_id,
                    key=role["key"],
                    name_ar=role.get("name_ar", ""),
                    name_en=role.get("name_en", ""),
                    required=bool(role.get("required", False)),
                    multiple=bool(role.get("multiple", False)),
                    guideline=role.get("guideline", ""),
                    position=j,
                )
            ).inserted_primary_key[0]
            for label_key in role.get("labels", []):
                conn.execute(
                    RoleAllowedLabel.__table__.insert().values(
                        role_id=role_id, label_id=entity_ids[label_key]
                    )
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
