"""The bundled schema presets: each installs into a fresh project, completely described."""

import pytest

from core.project.project import Project
from core.schema.model import list_presets, load_preset, schema_document

PRESETS = ["ai-news-ar", "ace-2005", "anercorp", "semeval-2016-stance", "wojood"]


def test_presets_are_listed_default_first():
    presets = list_presets()
    assert presets[0]["key"] == "ai-news-ar"
    assert sorted(p["key"] for p in presets) == sorted(PRESETS)
    for preset in presets:
        assert preset["name_en"] and preset["name_ar"] and preset["description"]
        assert preset["source"], preset["key"]


@pytest.mark.parametrize("key", PRESETS)
def test_every_preset_installs_into_a_fresh_project(tmp_path, key):
    data = load_preset(key)
    with Project.create(tmp_path / f"{key}.tawsim", schema=data) as project:
        schema = project.schema
        assert [label.key for label in schema.entity_labels] == [e["key"] for e in data["entities"]]
        assert [label.key for label in schema.event_types] == [e["key"] for e in data["events"]]
        for event in data["events"]:
            event_type = schema.by_key("event", event["key"])
            assert [r.key for r in schema.roles_of(event_type.id)] == [
                r["key"] for r in event["roles"]
            ]
        # what is installed is what the preset says (round trip through the database)
        exported = schema_document(schema)
        for layer in ("entities", "events", "polarities"):
            assert _normal(exported[layer]) == _normal(data[layer])
        assert _normal(exported["stance_targets"]["targets"]) == _normal(
            data["stance_targets"]["targets"]
        )


def _normal(items):
    """Preset items with defaults filled in, roles' labels sorted."""
    result = []
    for item in items:
        entry = {
            "key": item["key"],
            "name_ar": item.get("name_ar", ""),
            "name_en": item.get("name_en", ""),
            "color": item.get("color", "#888888").lower(),
            "shortcut": item.get("shortcut"),
            "guideline": item.get("guideline", ""),
        }
        if "roles" in item:
            entry["roles"] = [
                {
                    "key": r["key"],
                    "name_ar": r.get("name_ar", ""),
                    "name_en": r.get("name_en", ""),
                    "labels": sorted(r.get("labels", [])),
                    "required": r.get("required", False),
                    "multiple": r.get("multiple", False),
                    "guideline": r.get("guideline", ""),
                }
                for r in item["roles"]
            ]
        result.append(entry)
    return result


@pytest.mark.parametrize("key", PRESETS)
def test_every_item_is_described_in_both_languages(key):
    data = load_preset(key)
    items = [
        *data["entities"],
        *data["events"],
        *data["stance_targets"]["targets"],
        *data["polarities"],
    ]
    for item in items:
        assert item["name_ar"] and item["name_en"] and item["guideline"], item["key"]
        assert item["color"].startswith("#"), item["key"]
        # Arabic names are written in Arabic script
        assert any("\u0600" <= ch <= "\u06ff" for ch in item["name_ar"]), item["key"]
    for event in data["events"]:
        for role in event["roles"]:
            assert role["name_ar"] and role["name_en"] and role["guideline"], role["key"]
    colors = [item["color"].lower() for item in data["entities"]]
    assert len(set(colors)) == len(colors), "entity labels need distinct colours"


def test_ace_2005_has_its_entity_types_and_33_event_subtypes():
    data = load_preset("ace-2005")
    keys = [e["key"] for e in data["entities"]]
    assert keys[:7] == ["PER", "ORG", "GPE", "LOC", "FAC", "VEH", "WEA"]
    assert keys[7:] == ["TIME", "NUMERIC", "JOB-TITLE", "CRIME", "SENTENCE"]  # value types
    events = {e["key"]: e for e in data["events"]}
    assert len(events) == 33
    assert {key.split(".")[0] for key in events} == {
        "Life", "Movement", "Transaction", "Business",
        "Conflict", "Contact", "Personnel", "Justice",
    }  # fmt: skip

    def roles(key):
        return {r["key"]: sorted(r["labels"]) for r in events[key]["roles"]}

    assert roles("Movement.Transport") == {
        "Agent": ["GPE", "ORG", "PER"],
        "Artifact": ["PER", "VEH", "WEA"],
        "Vehicle": ["VEH"],
        "Price": ["NUMERIC"],
        "Origin": ["FAC", "GPE", "LOC"],
        "Destination": ["FAC", "GPE", "LOC"],
        "Time": ["TIME"],
    }
    assert list(roles("Transaction.Transfer-Ownership")) == [
        "Buyer", "Seller", "Beneficiary", "Artifact", "Price", "Time", "Place",
    ]  # fmt: skip
    assert list(roles("Justice.Sentence")) == [
        "Defendant", "Adjudicator", "Crime", "Sentence", "Time", "Place",
    ]  # fmt: skip
    assert list(roles("Justice.Extradite")) == [
        "Agent", "Person", "Destination", "Origin", "Crime", "Time",
    ]  # fmt: skip
    assert roles("Personnel.Start-Position")["Position"] == ["JOB-TITLE"]
    assert list(roles("Contact.Phone-Write")) == ["Entity", "Time"]


def test_wojood_anercorp_and_semeval():
    assert [e["key"] for e in load_preset("wojood")["entities"]] == [
        "PERS", "NORP", "OCC", "ORG", "GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "CARDINAL",
        "ORDINAL", "PERCENT", "LANGUAGE", "QUANTITY", "WEBSITE", "UNIT", "LAW", "MONEY",
        "PRODUCT", "CURR",
    ]  # fmt: skip
    assert [e["key"] for e in load_preset("anercorp")["entities"]] == ["PERS", "LOC", "ORG", "MISC"]
    semeval = load_preset("semeval-2016-stance")
    assert [t["name_en"] for t in semeval["stance_targets"]["targets"]] == [
        "Atheism",
        "Climate Change is a Real Concern",
        "Feminist Movement",
        "Hillary Clinton",
        "Legalization of Abortion",
        "Donald Trump",
    ]
    assert [p["key"] for p in semeval["polarities"]] == ["FAVOR", "AGAINST", "NONE"]


def test_the_default_preset_covers_the_issue():
    data = load_preset("ai-news-ar")
    assert [e["key"] for e in data["entities"]] == [
        "PERS", "ORG", "GPE", "LOC", "PRODUCT", "OCC", "MONEY", "DATE", "CARDINAL",
    ]  # fmt: skip
    events = {e["key"]: [r["key"] for r in e["roles"]] for e in data["events"]}
    for key, roles in {
        "Business.Acquire": ["Acquirer", "Target", "Money", "Time"],
        "Business.Invest": ["Investor", "Recipient", "Money", "Time"],
        "Personnel.Hire": ["Employer", "Person", "Position", "Time"],
        "Personnel.Leave": ["Employer", "Person", "Position", "Agent", "Time"],
        "Business.Layoff": ["Employer", "Count", "Time"],
        "Product.Release": ["Developer", "Product", "Time"],
        "Business.Partnership": ["Participants", "Time"],
        "Contact.Talks": ["Participants", "Topic", "Time"],
        "Model.Distill": ["Developer", "Source", "Result"],
    }.items():
        assert set(roles) <= set(events[key]), key
    targets = [t["key"] for t in data["stance_targets"]["targets"]]
    assert targets == ["OPEN_SOURCE_AI", "CLOSED_MODELS", "SUPERINTELLIGENCE"]
    assert data["stance_targets"]["entity_targets"] is True
    assert [p["key"] for p in data["polarities"]] == ["FAVOR", "AGAINST", "NEUTRAL"]
