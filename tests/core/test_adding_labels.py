"""One way to add a label or role: the schema editor, an annotation import and a merge
number and colour what they add the same way, and bump the schema revision once."""

from __future__ import annotations

import pytest

from core.io.handoff import merge_annotations
from core.io.import_annotations import ImportOptions, import_annotations
from core.project.errors import OperationError
from core.project.project import Project
from core.schema.labels import PALETTE, add_label, insert_label
from core.schema.roles import add_role
from tests.core.review_fixtures import Annotate, add_documents

TEXT = "استحوذت ميتا على شركة ناشئة بمبلغ مليار دولار"
NEW_LABELS = ("LAW", "TECH")


def where(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def added(project: Project) -> dict[str, tuple]:
    """What each path must agree on: the new labels' and the new role's places and colours."""
    schema = project.schema
    acquire = schema.by_key("event", "Business.Acquire")
    price = schema.role_by_key(acquire.id, "Price")
    found = {key: schema.by_key("entity", key) for key in NEW_LABELS}
    return {
        **{key: (label.position, label.color) for key, label in found.items()},
        "Price": (price.position,),
    }


def through_the_schema_editor(path) -> Project:
    project = Project.create(path)
    for key in NEW_LABELS:
        add_label(project, "entity", key)
    add_role(project, project.schema.by_key("event", "Business.Acquire").id, "Price")
    return project


def through_an_import(path, tmp_path) -> Project:
    project = Project.create(path)
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "doc.txt").write_text(TEXT, encoding="utf-8")
    law, tech, trigger = where("شركة ناشئة"), where("ميتا"), where("استحوذت")
    (folder / "doc.ann").write_text(
        f"T1\tTECH {tech[0]} {tech[1]}\tميتا\n"
        f"T2\tLAW {law[0]} {law[1]}\tشركة ناشئة\n"
        f"T3\tBusiness.Acquire {trigger[0]} {trigger[1]}\tاستحوذت\n"
        "E1\tBusiness.Acquire:T3 Price:T1\n",
        encoding="utf-8",
    )
    revision = project.setting("schema_revision")
    import_annotations(project, "brat", [folder], ImportOptions("Salma", add_labels=True))
    assert project.setting("schema_revision") == revision + 1  # once for three additions
    return project


def through_a_merge(path, tmp_path) -> Project:
    other = through_the_schema_editor(tmp_path / "other.tawsim")
    try:
        (doc,) = add_documents(other, tmp_path, [TEXT])
        hand = Annotate(other, doc, "amal")
        tech = hand.entity("ميتا", "TECH")
        hand.entity("شركة ناشئة", "LAW")
        hand.event(*hand.where("استحوذت"), "Business.Acquire", Price=tech)
    finally:
        other.close()
    project = Project.create(path)
    revision = project.setting("schema_revision")
    merge_annotations(project, [tmp_path / "other.tawsim"], add_labels=True, add_documents=True)
    assert project.setting("schema_revision") == revision + 1
    return project


def test_the_editor_an_import_and_a_merge_number_and_colour_new_labels_alike(tmp_path):
    projects = [
        through_the_schema_editor(tmp_path / "editor.tawsim"),
        through_an_import(tmp_path / "import.tawsim", tmp_path),
        through_a_merge(tmp_path / "merge.tawsim", tmp_path),
    ]
    try:
        editor, imported, merged = (added(project) for project in projects)
        entity_labels = len(projects[0].schema.entity_labels)
        # after the last label, counted from 0; each in a palette colour its layer lacked
        assert (editor["LAW"][0], editor["TECH"][0]) == (entity_labels - 2, entity_labels - 1)
        colours = [label.color for label in projects[0].schema.entity_labels]
        assert editor["LAW"][1] in PALETTE and colours.count(editor["LAW"][1]) == 1
        assert editor["TECH"][1] in PALETTE and colours.count(editor["TECH"][1]) == 1
        assert imported == editor
        assert merged == editor
    finally:
        for project in projects:
            project.close()


def test_one_revision_per_transaction_however_many_labels(project):
    revision = project.setting("schema_revision")
    with project.write("Add two") as tx:
        first = insert_label(tx, "polarity", "MIXED")
        second = insert_label(tx, "polarity", "UNCLEAR", shortcut="q")
    assert project.setting("schema_revision") == revision + 1
    assert project.schema.label(second).position == project.schema.label(first).position + 1
    project.undo()
    assert project.setting("schema_revision") == revision
    assert project.schema.by_key("polarity", "MIXED") is None


def test_a_taken_shortcut_is_refused_or_left_out(project):
    org = project.schema.by_key("entity", "ORG")
    assert org.shortcut
    refused = pytest.raises(OperationError, match="already used by entity label ORG")
    with refused, project.write() as tx:
        insert_label(tx, "event", "Business.Merge", shortcut=org.shortcut)
    with project.write() as tx:
        merged = insert_label(
            tx, "event", "Business.Merge", shortcut=org.shortcut, drop_taken_shortcut=True
        )
    assert project.schema.label(merged).shortcut is None
