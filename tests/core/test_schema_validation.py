"""Schema documents: every problem is reported, naming its field."""

import copy
import json

import pytest

from core.schema.model import SchemaError, load_preset, read_schema_file, validate_schema_document


@pytest.fixture
def doc():
    return copy.deepcopy(load_preset("ai-news-ar"))


def problems(data) -> list[str]:
    with pytest.raises(SchemaError) as info:
        validate_schema_document(data, "test.json")
    assert str(info.value).startswith("test.json: ")
    return info.value.problems


def test_the_default_preset_is_valid(doc):
    validate_schema_document(doc)


def test_each_wrong_field_is_named(doc):
    doc["entities"][1]["color"] = "blue"
    doc["entities"].append({"key": "has space"})
    doc["entities"][3]["colour"] = "#ffffff"
    doc["events"][0]["roles"][0]["labels"] = ["ORG", "COMPANY"]
    doc["events"][0]["roles"][1]["required"] = "yes"
    doc["stance_targets"]["entity_targets"] = "sometimes"
    doc["polarities"][0]["name_en"] = 7
    doc["version"] = 9
    found = problems(doc)
    assert "entities[1].color: expected #rrggbb, got 'blue'" in found
    assert any(p.startswith("entities[9].key: a non-empty name without spaces") for p in found)
    assert any(p.startswith("entities[3].colour: unknown field") for p in found)
    assert "events[0].roles[0].labels: unknown entity label 'COMPANY'" in found
    assert "events[0].roles[1].required: expected true or false" in found
    assert "stance_targets.entity_targets: expected true or false" in found
    assert "polarities[0].name_en: expected text" in found
    assert any(p.startswith("version: 9 is newer") for p in found)
    assert len(found) == 8


def test_duplicate_keys_are_refused_per_layer_and_per_event(doc):
    doc["entities"].append({**doc["entities"][0], "shortcut": None})
    roles = doc["events"][0]["roles"]
    roles.append(dict(roles[0]))
    found = problems(doc)
    assert "entities[9].key: 'PERS' appears twice" in found
    assert "events[0].roles[4].key: 'Acquirer' appears twice" in found
    # the same key in another layer is another item
    doc = load_preset("ai-news-ar")
    doc["stance_targets"]["targets"].append({"key": "ORG", "name_en": "Organizations"})
    validate_schema_document(doc)


def test_shortcuts_conflict_within_their_keyboard_only(doc):
    # entity labels and event types share the editor's keys
    doc["events"][0]["shortcut"] = "1"
    assert problems(doc) == [
        "events[0].shortcut: '1' is already used by entities[0] (PERS)",
    ]
    # targets and polarities share the stance panel's keys, case-insensitively
    doc = load_preset("ai-news-ar")
    doc["polarities"][2]["shortcut"] = "F"
    assert problems(doc) == [
        "polarities[2].shortcut: 'F' is already used by polarities[0] (FAVOR)",
    ]
    # but a stance key may equal an editor key
    doc = load_preset("ai-news-ar")
    doc["polarities"][0]["shortcut"] = "q"
    validate_schema_document(doc)


def test_shortcut_must_be_one_letter_or_digit(doc):
    doc["entities"][0]["shortcut"] = "ctrl+1"
    assert problems(doc) == ["entities[0].shortcut: expected one letter or digit, got 'ctrl+1'"]


def test_not_a_schema(doc):
    assert problems([1, 2]) == ["expected a JSON object"]
    doc["format"] = "brat"
    doc["events"] = {"not": "a list"}
    found = problems(doc)
    assert "format: expected 'tawsim-schema', got 'brat'" in found
    assert "events: expected a list" in found


def test_reading_a_file_names_the_file_and_line(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{\n "format": "tawsim-schema",\n "entities": [,]\n}', encoding="utf-8")
    with pytest.raises(SchemaError, match=r"broken.json: line 3 column \d+"):
        read_schema_file(broken)
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"name_ar": "é"}'.encode("latin-1"))
    with pytest.raises(SchemaError, match=r"latin\.json: not UTF-8 text"):
        read_schema_file(latin)
    with pytest.raises(SchemaError, match=r"missing\.json: no such file"):
        read_schema_file(tmp_path / "missing.json")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(load_preset("anercorp")), encoding="utf-8")
    assert [e["key"] for e in read_schema_file(good)["entities"]] == ["PERS", "LOC", "ORG", "MISC"]
