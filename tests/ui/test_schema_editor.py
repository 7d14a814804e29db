"""The schema editor: rename (annotations follow), shortcut conflicts refused, delete with
counts, reorder, roles, import with a dry-run plan, export; who may edit; the presets
File > New project offers."""

from __future__ import annotations

import json

from core.annotation.annotators import ensure_annotator, set_annotator_role
from core.annotation.spans import annotate
from core.schema.model import list_presets
from ui.dialogs.new_project import NewProjectDialog
from ui.dialogs.schema_editor import open_schema_editor
from ui.dialogs.schema_import import SchemaImportDialog
from ui.dialogs.schema_roles import ROLE_GUIDELINE, ROLE_MULTIPLE
from ui.qt import Qt, QtWidgets

from .conftest import spans_in_db
from .dialogs import Answer

DOC = 4


def entity_keys(window):
    return [label.key for label in window.project.schema.entity_labels]


def tag(qtbot, window, needle, key):
    editor = window.editor
    start = editor.text.index(needle)
    editor.select_range(start, start + len(needle))
    qtbot.keyClick(editor, key)
    return start


def select(tab, key):
    for row in range(tab.list.count()):
        if tab.list.item(row).text().split()[0] == key:
            tab.list.setCurrentRow(row)
            return
    raise AssertionError(key)


def test_rename_keeps_annotations_and_everything_redraws(qtbot, window):
    window.open_document(DOC)
    at = tag(qtbot, window, "Scale AI", Qt.Key.Key_2)
    dialog = open_schema_editor(window)
    assert dialog.editable  # no curator yet: anyone may
    tab = dialog.layer_tabs["entity"]
    select(tab, "ORG")
    tab.key.clear()
    qtbot.keyClicks(tab.key, "COMPANY")
    qtbot.keyClick(tab.key, Qt.Key.Key_Return)
    assert entity_keys(window)[1] == "COMPANY"
    assert spans_in_db(window.project, document_id=DOC) == [(DOC, at, at + 8, "COMPANY")]
    assert window.actions["edit.undo"].text() == "&Undo Rename Organization to COMPANY"
    # the editor's chips, the palette and the dialog's own list follow
    company = window.project.schema.by_key("entity", "COMPANY").id
    assert window.editor.layer.styles[company].key == "COMPANY"
    assert window.palette_panel.buttons[company].text() == "Organization"  # by its name
    assert tab.list.currentItem().text().startswith("COMPANY")
    # recolour, guideline, Arabic name
    tab.recolour("#123456")
    assert window.project.schema.label(company).color == "#123456"
    assert window.editor.layer.styles[company].color.name() == "#123456"
    tab.guideline.selectAll()
    qtbot.keyClicks(tab.guideline, "Companies and labs.")
    select(tab, "GPE")  # going to another label saves it (leaving the field does too)
    assert window.project.schema.label(company).guideline == "Companies and labs."
    assert tab.list.currentItem().text().startswith("GPE")
    # the dialog's Undo takes the steps back
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert entity_keys(window)[1] == "ORG"
    assert spans_in_db(window.project, document_id=DOC) == [(DOC, at, at + 8, "ORG")]


def test_a_shortcut_another_item_holds_is_refused_naming_it(qtbot, window):
    dialog = open_schema_editor(window)
    tab = dialog.layer_tabs["entity"]
    select(tab, "ORG")
    tab.shortcut.setFocus()
    tab.shortcut.selectAll()
    qtbot.keyClicks(tab.shortcut, "q")
    assert "already used by event type Acquisition" in tab.shortcut_status.text()
    qtbot.keyClick(tab.shortcut, Qt.Key.Key_Return)
    assert dialog.notice.isVisible()
    assert "'q' is already used by event type Acquisition" in dialog.notice.message.text()
    assert window.project.schema.by_key("entity", "ORG").shortcut == "2"
    assert tab.shortcut.text() == "2"
    # a free key is taken; the stance keyboard is another keyboard, so "f" is free here
    tab.shortcut.selectAll()
    qtbot.keyClicks(tab.shortcut, "z")
    qtbot.keyClick(tab.shortcut, Qt.Key.Key_Return)
    assert window.project.schema.by_key("entity", "ORG").shortcut == "z"


def test_delete_asks_with_the_counts_and_explains_refusals(qtbot, window):
    window.open_document(DOC)
    at = tag(qtbot, window, "نيويورك", Qt.Key.Key_3)
    omar = ensure_annotator(window.project, "Omar").value
    gpe = window.project.schema.by_key("entity", "GPE").id
    annotate(window.project, DOC, omar, at, at + 7, gpe)
    annotate(window.project, 2, omar, 0, 4, gpe)
    dialog = open_schema_editor(window)
    tab = dialog.layer_tabs["entity"]
    select(tab, "GPE")
    answer = Answer("Cancel")
    assert not tab.delete_item()
    assert "entity label Geo-political entity is used" in answer.text
    assert "3 entity annotations (Omar: 2, Salma: 1)" in answer.text
    assert "GPE" in entity_keys(window)
    answer = Answer("Delete")
    assert tab.delete_item()
    assert "GPE" not in entity_keys(window)
    assert spans_in_db(window.project) == [] and spans_in_db(window.project, "Omar") == []
    assert window.editor.layer.spans == {}
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert entity_keys(window)[2] == "GPE"
    assert len(spans_in_db(window.project, "Omar")) == 2
    assert len(window.editor.layer.spans) == 1
    # OCC is the only label the role Position accepts: refused, naming the roles
    select(tab, "OCC")
    assert not tab.delete_item()
    refusal = dialog.notice.message.text()
    assert "Occupation/position is the only entity label these roles accept" in refusal
    assert "role Position of Hiring" in refusal
    # an unused label goes without a question
    add = tab.add_item()
    assert tab.list.currentItem().text().startswith("LABEL")
    assert tab.key.selectedText() == tab.key.text() == "LABEL"  # ready to type over
    answer = Answer("Delete")
    assert tab.delete_item()
    assert answer.text is None
    assert add not in {label.id for label in window.project.schema.entity_labels}


def test_reorder_roles_and_entity_targets(qtbot, window):
    dialog = open_schema_editor(window)
    tab = dialog.layer_tabs["entity"]
    select(tab, "GPE")
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    assert entity_keys(window)[:3] == ["PERS", "GPE", "ORG"]
    assert window.palette_panel.layout().itemAt(1).widget().text() == "Geo-political entity"
    # dragging: the list's new order is applied
    item = tab.list.takeItem(0)
    tab.list.insertItem(2, item)
    tab.list.reordered.emit()
    assert entity_keys(window)[:3] == ["GPE", "ORG", "PERS"]
    # event types and their roles
    events = dialog.layer_tabs["event"]
    dialog.tabs.setCurrentWidget(events)
    select(events, "Business.Acquire")
    roles = events.roles
    assert [roles.table.item(r, 0).text() for r in range(roles.table.rowCount())] == [
        "Acquirer", "Target", "Money", "Time",
    ]  # fmt: skip
    new_role = roles.add_role()
    schema = window.project.schema
    acquire = schema.by_key("event", "Business.Acquire").id
    assert [r.key for r in schema.roles_of(acquire)][-1] == "Role"
    # edit a role in its row: key, several, accepted labels
    row = roles.table.rowCount() - 1
    roles.table.item(row, 0).setText("Seller")
    roles.table.item(row, ROLE_MULTIPLE).setCheckState(Qt.CheckState.Checked)
    roles.table.item(row, ROLE_GUIDELINE).setText("Who sells.")
    org = schema.by_key("entity", "ORG").id
    roles.set_accepted(new_role, [org])
    role = window.project.schema.role(new_role)
    assert (role.key, role.multiple, role.guideline, role.allowed_label_ids) == (
        "Seller", True, "Who sells.", frozenset({org}),
    )  # fmt: skip
    assert window.actions["edit.undo"].text() == "&Undo Edit role Seller"
    roles.table.selectRow(row)
    roles.move(-1)
    assert [r.key for r in window.project.schema.roles_of(acquire)][-2:] == ["Seller", "Time"]
    assert roles.delete_role()  # unused: no question
    # stance targets may also be any entity
    targets = dialog.layer_tabs["stance_target"]
    targets.entity_targets.setChecked(False)
    assert window.project.schema.entity_targets is False
    stance_panel = window.panels["stances"]
    assert stance_panel.target_combo.findData(-1) == -1  # no "an entity" choice now


def test_import_shows_the_plan_first_and_export_writes_the_schema(qtbot, window, tmp_path):
    window.open_document(DOC)
    tag(qtbot, window, "زوكربيرج", Qt.Key.Key_1)
    dialog = open_schema_editor(window)
    exported = dialog.export_schema(tmp_path / "schema.json")
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert [e["key"] for e in data["entities"]] == entity_keys(window)
    assert "entity labels 9, event types 13" in dialog.notice.message.text()
    # a changed copy: one label renamed in English, one added, PERS missing
    data["entities"] = [e for e in data["entities"] if e["key"] != "PERS"]
    data["entities"][0]["name_en"] = "Company"
    data["entities"].append({"key": "LAW", "name_en": "Law", "name_ar": "قانون"})
    for event in data["events"]:
        for role in event["roles"]:
            role["labels"] = [k for k in role["labels"] if k != "PERS"]
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    plan_dialog = dialog.import_schema(changed)
    assert isinstance(plan_dialog, SchemaImportDialog) and plan_dialog.isVisible()
    assert "To add: 1, " in plan_dialog.summary.text()
    groups = {
        plan_dialog.tree.topLevelItem(i).text(0): plan_dialog.tree.topLevelItem(i)
        for i in range(plan_dialog.tree.topLevelItemCount())
    }
    assert groups["Added (1)"].child(0).text(0) == "entity label LAW"
    changed = next(item for name, item in groups.items() if name.startswith("Changed"))
    details = {
        changed.child(i).text(0): changed.child(i).text(1) for i in range(changed.childCount())
    }
    assert details["entity label ORG"] == "name_en: 'Organization' → 'Company'"
    assert details["role Acquirer of Business.Acquire"] == "labels: ['ORG', 'PERS'] → ['ORG']"
    assert "Removed" not in " ".join(groups)  # by default what the file leaves out stays
    assert window.project.schema.by_key("entity", "LAW") is None  # nothing applied yet
    # asking to remove what the file leaves out: PERS is used, so that is refused
    plan_dialog.remove_missing.setChecked(True)
    groups = {
        plan_dialog.tree.topLevelItem(i).text(0): plan_dialog.tree.topLevelItem(i)
        for i in range(plan_dialog.tree.topLevelItemCount())
    }
    refusals = groups["Refused (1)"]
    assert refusals.child(0).text(0) == "entity label PERS"
    assert "not removed: used by 1 entity span (Salma: 1)" in refusals.child(0).text(1)
    qtbot.mouseClick(plan_dialog.apply_button, Qt.MouseButton.LeftButton)
    schema = window.project.schema
    assert schema.by_key("entity", "LAW") is not None
    assert schema.by_key("entity", "ORG").name_en == "Company"
    assert schema.by_key("entity", "PERS") is not None  # refused, kept
    assert window.actions["edit.undo"].text() == "&Undo Import schema"
    assert "Imported: 1 added" in dialog.notice.message.text()
    # a broken file is named with its problem, and nothing happens
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "tawsim-schema", "entities": [{"key": "A", "colour": "red"}]}')
    assert dialog.import_schema(broken) is None
    assert "entities[0].colour: unknown field" in dialog.notice.message.text()


def test_an_annotator_cannot_change_a_schema_that_has_a_curator(qtbot, window):
    lead = ensure_annotator(window.project, "Lead").value
    set_annotator_role(window.project, lead, "curator")
    dialog = open_schema_editor(window)
    assert not dialog.editable
    assert "only a curator can change it" in dialog.reason.text()
    tab = dialog.layer_tabs["entity"]
    assert tab.key.isReadOnly() and not tab.add_button.isEnabled()
    assert not dialog.import_button.isEnabled() and dialog.export_button.isEnabled()
    assert tab.add_item() is None
    assert entity_keys(window)[-1] == "CARDINAL"
    # the curator may
    dialog.close()
    window.switch_annotator("Lead")
    dialog = open_schema_editor(window)
    assert dialog.editable and "for every annotator" in dialog.reason.text()


def test_new_project_offers_every_preset_with_its_description(qtbot, tmp_path):
    dialog = NewProjectDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    names = [dialog.preset.itemText(i) for i in range(dialog.preset.count())]
    assert len(names) == 5 and len(list_presets()) == 5
    assert names[0] == "Arabic AI-industry news"  # the default first
    assert {dialog.preset.itemData(i) for i in range(5)} == {
        "ai-news-ar", "ace-2005", "wojood", "anercorp", "semeval-2016-stance",
    }  # fmt: skip
    for i, preset in enumerate(dialog.presets):
        dialog.preset.setCurrentIndex(i)
        assert preset["description"] in dialog.description.text()
        assert f"Source: {preset['source']}" in dialog.description.text()
    dialog.name.setText("ACE batch")
    dialog.preset.setCurrentIndex(dialog.preset.findData("ace-2005"))
    path, name, preset = dialog.chosen()
    assert (path.name, name, preset) == ("ACE batch.tawsim", "ACE batch", "ace-2005")
    assert QtWidgets.QApplication.activeModalWidget() is None
