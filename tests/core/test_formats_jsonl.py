"""Gold JSONL: the documented schema, byte-level properties, and reading it back."""

from __future__ import annotations

import json

import jsonschema
import pytest

from core.documents.importing import import_documents
from core.io.dataset import Selection, open_dataset
from core.io.export import export_dataset
from core.io.formats import jsonl
from core.io.formats.common import FormatError
from tests.conftest import ROOT
from tests.core.formats_support import (
    EMOJI_TEXT,
    add_spans,
    annotate_seed_article,
    find,
    set_for,
)

SCHEMA = json.loads((ROOT / "docs" / "gold-jsonl.schema.json").read_text(encoding="utf-8"))


def test_every_line_validates_against_the_documented_schema(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    annotate_seed_article(seeded_project, "Salma")
    (tmp_path / "emoji.txt").write_text(EMOJI_TEXT, encoding="utf-8")
    import_documents(seeded_project, [tmp_path / "emoji.txt"])
    add_spans(
        seeded_project, set_for(seeded_project, 6, None), [(*find(EMOJI_TEXT, "ميتا"), "ORG")]
    )
    out = tmp_path / "all.jsonl"
    export_dataset(seeded_project, "jsonl", out, Selection.from_argument("all"))
    validator = jsonschema.Draft202012Validator(SCHEMA)
    validator.check_schema(SCHEMA)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    for record in records:
        errors = sorted(validator.iter_errors(record), key=str)
        assert errors == [], errors[0].message
        text = record["text"]
        for entity in record["entities"]:
            assert text[entity["start"] : entity["end"]] == entity["text"]
        ids = {e["id"] for e in record["entities"]}
        for event in record["events"]:
            assert {a["entity"] for a in event["arguments"]} <= ids
    # the schema is strict enough to catch a broken line
    broken = dict(records[0], entities=[{"id": 1, "start": -1, "end": 3, "label": "ORG"}])
    assert list(validator.iter_errors(broken))


def test_lines_are_utf8_not_escaped_and_in_a_stable_order(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    export_dataset(seeded_project, "jsonl", first)
    export_dataset(seeded_project, "jsonl", second)
    raw = first.read_bytes()
    assert "ميتا".encode() in raw and b"\\u0645" not in raw
    assert raw.endswith(b"\n") and raw.count(b"\n") == 1

    def strip_time(data: bytes) -> list:
        records = [json.loads(line) for line in data.decode("utf-8").splitlines()]
        for r in records:
            r["provenance"].pop("exported_at")
        return records

    assert strip_time(raw) == strip_time(second.read_bytes())
    (record,) = strip_time(raw)
    places = [(e["start"], e["end"]) for e in record["entities"]]
    assert places == sorted(places)  # by start, then end (a nested entity first)
    nested = [e for e in record["entities"] if e["text"].startswith("Meta S")]
    inner = [e for e in record["entities"] if e["text"] == "Meta"]
    assert record["entities"].index(inner[0]) + 1 == record["entities"].index(nested[0])


def test_the_fast_line_writer_matches_json_dumps(seeded_project):
    from core.io.formats.common import ExportContext
    from models.tables import EntitySpan

    annotated = annotate_seed_article(seeded_project)
    with seeded_project.write() as tx:
        tx.update(EntitySpan, annotated.spans["meta"], note='say "hi"\n\t\\ ميتا \x01')
    context = ExportContext(seeded_project.schema, Selection(), {"exported_at": "now"})
    with open_dataset(seeded_project, Selection()) as dataset:
        (record,) = list(dataset)
    expected = json.dumps(
        jsonl.record_to_json(record, context), ensure_ascii=False, separators=(",", ":")
    )
    assert jsonl.record_line(record, context) == expected


def test_reading_refuses_bad_lines_naming_line_and_field(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = {"text": "ميتا تطلق", "entities": [{"id": 1, "start": 0, "end": 4, "label": "ORG"}]}
    cases = {
        "{not json": "line 2: invalid JSON",
        json.dumps({"entities": []}): "line 2: text is missing",
        json.dumps(
            {"text": "x", "entities": [{"id": 1, "start": "0", "end": 1, "label": "ORG"}]}
        ): ("line 2: entities[0].start must be a whole number"),
        json.dumps({"text": "x", "events": [{"type": "A", "arguments": []}]}): (
            "line 2: events[0].trigger is missing"
        ),
        json.dumps({"text": "x", "stances": [{"scope": "mine", "target": {}, "polarity": "F"}]}): (
            "line 2: stances[0].scope must be 'document' or 'attributed'"
        ),
        "[1, 2]": "line 2: expected a JSON object",
    }
    for line, message in cases.items():
        path.write_text(json.dumps(good, ensure_ascii=False) + "\n" + line + "\n", encoding="utf-8")
        with pytest.raises(FormatError) as caught:
            list(jsonl.read(path).each())
        assert str(caught.value).startswith("bad.jsonl ")
        assert message in str(caught.value)
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(FormatError, match="holds no documents"):
        list(jsonl.read(path).each())


def test_the_foundation_document_jsonl_reads_as_documents_without_annotations(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        json.dumps({"id": "a-1", "title": "خبر", "text": "نص الخبر"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (doc,) = jsonl.read(path).each()
    assert doc.text == "نص الخبر" and doc.title == "خبر" and doc.meta == {"id": "a-1"}
    assert doc.entities == [] and doc.source_set is None
