"""Importing a schema document into a project (merge by key, dry run first) and exporting."""

import copy
import json

import pytest
from sqlalchemy import func, select

from core.annotation.annotators import ensure_annotator
from core.annotation.sets import ensure_set
from core.annotation.spans import add_span
from core.project.errors import OperationError
from core.schema.model import SchemaError, load_preset, read_schema_file
from core.schema.transfer import (
    apply_schema_import,
    export_schema,
    plan_schema_import,
    project_schema_document,
)
from models.tables import EntitySpan, Label


@pytest.fixture
def doc(project):
    return copy.deepcopy(project_schema_document(project))


def item_count(data):
    return (
        len(data["entities"])
        + len(data["events"])
        + sum(len(e["roles"]) for e in data["events"])
        + len(data["stance_targets"]["targets"])
        + len(data["polarities"])
    )


def test_importing_the_project_own_schema_changes_nothing(project, doc):
    plan = plan_schema_import(project, doc)
    assert plan.changes == () and plan.refused == ()
    assert plan.unchanged == item_count(doc)
    result = apply_schema_import(project, doc)
    assert not result.changes and project.undo_name is None


def test_a_new_label_takes_the_shortcut_an_updated_or_removed_label_gives_up(project, doc):
    org = next(item for item in doc["entities"] if item["key"] == "ORG")
    given_up = org["shortcut"]
    org["shortcut"] = None
    doc["entities"].append({"key": "LAW", "shortcut": given_up})
    targets = doc["stance_targets"]["targets"]
    removed = targets.pop()  # unused, so the import removes it
    targets.append({"key": "OPEN_WEIGHTS", "shortcut": removed["shortcut"]})
    apply_schema_import(project, doc, remove_missing=True)
    schema = project.schema
    assert schema.by_key("entity", "ORG").shortcut is None
    assert schema.by_key("entity", "LAW").shortcut == given_up
    assert schema.by_key("stance_target", removed["key"]) is None
    assert schema.by_key("stance_target", "OPEN_WEIGHTS").shortcut == removed["shortcut"]


def test_merge_adds_and_updates_by_key_in_one_undo_step(project, doc):
    doc["entities"][1]["name_en"] = "Organisation"
    doc["entities"][1]["color"] = "#123456"
    doc["entities"].append({"key": "LAW", "name_ar": "قانون", "name_en": "Law", "shortcut": "l"})
    acquire = doc["events"][0]
    acquire["roles"].append({"key": "Seller", "labels": ["ORG", "LAW"], "multiple": True})
    acquire["roles"][0]["labels"] = ["ORG"]  # Acquirer: no longer PERS
    doc["events"].append(
        {
            "key": "Legal.Sue",
            "name_en": "Lawsuit",
            "roles": [{"key": "Plaintiff", "labels": ["ORG", "PERS"], "required": True}],
        }
    )
    doc["stance_targets"]["entity_targets"] = False

    plan = plan_schema_import(project, doc)
    assert [str(c) for c in plan.added] == [
        "add entity label LAW",
        "add event type Legal.Sue",
        "add role Seller of Business.Acquire",
        "add role Plaintiff of Legal.Sue",
    ]
    assert [str(c) for c in plan.updated] == [
        "update entity label ORG: name_en: 'Organization' → 'Organisation'; "
        "color: '#3c7dd9' → '#123456'",
        "update role Acquirer of Business.Acquire: labels: ['ORG', 'PERS'] → ['ORG']",
        "update option entity_targets: True → False",
    ]
    assert plan.refused == () and plan.removed == []
    assert "4 to add, 3 to update, 0 to remove" in plan.summary()
    assert project.schema.by_key("entity", "LAW") is None  # a dry run

    revision = project.setting("schema_revision")
    result = apply_schema_import(project, doc)
    assert result.value == plan
    assert result.changes.schema and project.setting("schema_revision") == revision + 1
    assert project.undo_name == "Import schema"
    schema = project.schema
    law = schema.by_key("entity", "LAW")
    assert (law.name_en, law.shortcut, law.position) == ("Law", "l", 9)
    assert schema.by_key("entity", "ORG").name_en == "Organisation"
    acquire_id = schema.by_key("event", "Business.Acquire").id
    seller = schema.role_by_key(acquire_id, "Seller")
    assert seller.multiple and seller.allowed_label_ids == {
        law.id,
        schema.by_key("entity", "ORG").id,
    }
    sue = schema.by_key("event", "Legal.Sue")
    assert [r.key for r in schema.roles_of(sue.id)] == ["Plaintiff"]
    assert not schema.entity_targets
    # importing again: nothing left to do
    assert plan_schema_import(project, doc).changes == ()

    project.undo()
    assert project.schema.by_key("entity", "LAW") is None
    assert project.schema.by_key("event", "Legal.Sue") is None
    assert project.schema.by_key("entity", "ORG").name_en == "Organization"
    assert project.schema.entity_targets


def test_missing_items_are_kept_unless_asked_and_then_only_unused_ones_go(project, doc):
    annotator = ensure_annotator(project, "Salma").value
    from core.documents.importing import import_documents

    path = project.path.parent / "a.txt"
    path.write_text("ميتا استحوذت على شركة في القاهرة", encoding="utf-8")
    import_documents(project, [path])
    with project.write() as tx:
        set_id = ensure_set(tx, 1, annotator)
    add_span(project, set_id, 0, 4, project.schema.by_key("entity", "CARDINAL").id)

    doc["entities"] = [e for e in doc["entities"] if e["key"] not in ("LOC", "CARDINAL")]
    for event in doc["events"]:
        for role in event["roles"]:
            role["labels"] = [k for k in role["labels"] if k not in ("LOC", "CARDINAL")]
    doc["events"] = [e for e in doc["events"] if e["key"] != "Finance.Stock"]
    hire = next(e for e in doc["events"] if e["key"] == "Personnel.Hire")
    hire["roles"] = [r for r in hire["roles"] if r["key"] != "Count"]

    merge = plan_schema_import(project, doc)
    assert merge.removed == [] and merge.refused == ()

    replace = plan_schema_import(project, doc, remove_missing=True)
    assert sorted(str(c) for c in replace.removed) == [
        "remove entity label LOC",
        "remove event type Finance.Stock",
        "remove role Count of Personnel.Hire",
    ]
    assert [str(r) for r in replace.refused] == [
        "entity label CARDINAL: not removed: used by 1 entity span (Salma: 1)",
    ]
    apply_schema_import(project, doc, remove_missing=True)
    schema = project.schema
    assert schema.by_key("entity", "LOC") is None
    assert schema.by_key("entity", "CARDINAL") is not None
    assert schema.by_key("event", "Finance.Stock") is None
    assert schema.role_by_key(schema.by_key("event", "Personnel.Hire").id, "Count") is None
    with project.read() as conn:
        assert conn.execute(select(func.count(EntitySpan.id))).scalar() == 1


def test_a_label_a_kept_role_still_accepts_is_not_removed(project, doc):
    from core.annotation.events import add_event
    from core.documents.importing import import_documents

    path = project.path.parent / "a.txt"
    path.write_text("محادثات بين ميتا وجوجل", encoding="utf-8")
    import_documents(project, [path])
    with project.write() as tx:
        set_id = ensure_set(tx, 1, None)
    add_event(project, set_id, project.schema.by_key("event", "Contact.Talks").id, 0, 7)

    doc["entities"] = [e for e in doc["entities"] if e["key"] != "LOC"]
    for event in doc["events"]:
        for role in event["roles"]:
            role["labels"] = [k for k in role["labels"] if k != "LOC"]
    doc["events"] = [e for e in doc["events"] if e["key"] != "Contact.Talks"]
    # Contact.Talks is used, so it stays, and its Place role still accepts LOC
    replace = plan_schema_import(project, doc, remove_missing=True)
    assert replace.removed == []
    assert [str(r) for r in replace.refused] == [
        "event type Contact.Talks: not removed: used by 1 event (gold: 1)",
        "entity label LOC: not removed: still accepted by role Place of Contact.Talks",
    ]
    apply_schema_import(project, doc, remove_missing=True)
    assert project.schema.by_key("entity", "LOC") is not None


def test_shortcut_taken_by_a_kept_item_is_refused_not_stolen(project, doc):
    doc["events"] = []  # merge: the project's event types stay, with their keys
    doc["entities"].append({"key": "LAW", "shortcut": "q"})  # 'q' is Business.Acquire's
    doc["entities"][0]["shortcut"] = "w"  # PERS wants Business.Invest's key
    plan = plan_schema_import(project, doc)
    assert [str(r) for r in plan.refused] == [
        "entity label PERS: shortcut 'w' is used by event type Business.Invest (kept); keeps '1'",
        "entity label LAW: shortcut 'q' is used by event type Business.Acquire (kept); "
        "left without one",
    ]
    apply_schema_import(project, doc)
    assert project.schema.by_key("entity", "LAW").shortcut is None
    assert project.schema.by_key("entity", "PERS").shortcut == "1"
    assert project.schema.by_key("event", "Business.Acquire").shortcut == "q"


def test_an_invalid_document_changes_nothing(project, doc):
    doc["entities"][0]["color"] = "red"
    doc["events"][0]["roles"][0]["labels"] = ["NOPE"]
    with pytest.raises(SchemaError) as info:
        apply_schema_import(project, doc, source="mine.json")
    assert info.value.problems == [
        "entities[0].color: expected #rrggbb, got 'red'",
        "events[0].roles[0].labels: unknown entity label 'NOPE'",
    ]
    assert str(info.value).startswith("mine.json: ")
    assert project.undo_name is None and project.setting("schema_revision") == 1


def test_importing_another_preset_into_a_project(project):
    plan = plan_schema_import(project, load_preset("anercorp"))
    assert [str(c) for c in plan.added] == ["add entity label MISC"]
    assert [c.item for c in plan.updated] == [
        "entity label PERS",
        "entity label LOC",
        "entity label ORG",
        "option entity_targets",
    ]
    apply_schema_import(project, load_preset("anercorp"))
    assert [e.key for e in project.schema.entity_labels][-1] == "MISC"


def test_export_writes_a_schema_document_that_reads_back(project, tmp_path):
    path = export_schema(project, tmp_path / "schema.json")
    data = read_schema_file(path)
    assert data["format"] == "tawsim-schema" and data["name_en"] == project.name
    assert data == json.loads(path.read_text(encoding="utf-8"))
    assert "استحواذ" in path.read_text(encoding="utf-8")  # not \\u-escaped
    with project.read() as conn:
        labels = conn.execute(select(func.count(Label.id))).scalar()
    assert labels == len(data["entities"]) + len(data["events"]) + len(data["polarities"]) + len(
        data["stance_targets"]["targets"]
    )
    # into another project: identical schema
    from core.project.project import Project

    with Project.create(tmp_path / "other.tawsim", schema=data) as other:
        assert plan_schema_import(other, project_schema_document(project)).changes == ()


def test_export_to_a_missing_folder_writes_nothing(project, tmp_path):
    with pytest.raises(OperationError, match="no such folder"):
        export_schema(project, tmp_path / "nope" / "schema.json")
    assert not (tmp_path / "nope").exists()
