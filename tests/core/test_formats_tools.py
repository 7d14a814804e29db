"""doccano, Label Studio and Hugging Face files: what Tawsim writes and what it reads."""

from __future__ import annotations

import json

import pytest

from core.io.dataset import Selection
from core.io.export import export_dataset
from core.io.formats import doccano, hf, labelstudio
from core.io.formats.common import FormatError
from core.io.import_annotations import ImportOptions, import_annotations
from tests.core.formats_support import annotate_seed_article, annotations_of, text_of


def test_doccano_lines_carry_events_as_relations(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    out = tmp_path / "d.jsonl"
    report = export_dataset(seeded_project, "doccano", out)
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["offset_unit"] == "utf16" and line["annotation_set"] == "gold"
    by_id = {e["id"]: e for e in line["entities"]}
    trigger = next(e for e in line["entities"] if e["label"] == "Business.Partnership")
    arguments = [(r["type"], by_id[r["to_id"]]["label"]) for r in line["relations"]]
    assert all(r["from_id"] == trigger["id"] for r in line["relations"])
    assert arguments == [("Participants", "ORG"), ("Participants", "ORG")]
    text = line["text"]
    assert all(text[e["start_offset"] : e["end_offset"]] for e in line["entities"])
    assert report.left_out["stances (doccano has no place for them)"] == 2

    out = tmp_path / "label.jsonl"
    export_dataset(seeded_project, "doccano", out, options={"variant": "label"})
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["label"][0] == [0, 4, "ORG"] and "entities" not in line


def test_doccano_old_and_new_layouts_are_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [
        {"id": 7, "data": "ميتا تطلق", "label": [[0, 4, "ORG"]], "Comments": []},
        {
            "text": "ميتا تستحوذ على Scale",
            "entities": [
                {"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 4},
                {"id": 2, "label": "Business.Acquire", "start_offset": 5, "end_offset": 11},
                {"id": 3, "label": "ORG", "start_offset": 16, "end_offset": 21},
            ],
            "relations": [
                {"id": 1, "from_id": 2, "to_id": 1, "type": "Acquirer"},
                {"id": 2, "from_id": 2, "to_id": 3, "type": "Target"},
                {"id": 3, "from_id": 1, "to_id": 3, "type": "partner_of"},
            ],
        },
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    first, second = doccano.read(path).each()
    assert first.text == "ميتا تطلق" and first.meta == {"Comments": [], "id": 7}
    assert [(e.label, e.start, e.end) for e in first.entities] == [("ORG", 0, 4)]
    assert len(second.relations) == 3


def test_doccano_relations_become_events_on_import(project, tmp_path):
    path = tmp_path / "rel.jsonl"
    path.write_text(
        json.dumps(
            {
                "text": "ميتا تستحوذ على Scale",
                "entities": [
                    {"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 4},
                    {"id": 2, "label": "Business.Acquire", "start_offset": 5, "end_offset": 11},
                    {"id": 3, "label": "ORG", "start_offset": 16, "end_offset": 21},
                ],
                "relations": [
                    {"id": 1, "from_id": 2, "to_id": 1, "type": "Acquirer"},
                    {"id": 2, "from_id": 2, "to_id": 3, "type": "Target"},
                    {"id": 3, "from_id": 1, "to_id": 3, "type": "partner_of"},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    report = import_annotations(project, "doccano", [path], ImportOptions("Salma"))
    assert report.left_out == {"relations that are not event arguments": 1}
    (found,) = annotations_of(project, Selection.from_argument("Salma")).values()
    assert found["entities"] == [(0, 4, "ORG"), (16, 21, "ORG")]
    assert found["events"] == [
        (
            5,
            11,
            "Business.Acquire",
            (("Acquirer", (0, 4, "ORG")), ("Target", (16, 21, "ORG"))),
        )
    ]


def test_label_studio_tasks_and_config(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    out = tmp_path / "tasks.json"
    export_dataset(seeded_project, "labelstudio", out)
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    results = task["annotations"][0]["result"]
    labels = [r for r in results if r["type"] == "labels"]
    relations = [r for r in results if r["type"] == "relation"]
    assert {r["from_name"] for r in labels} == {"label", "event"}
    assert all(r["value"]["text"] for r in labels)
    assert [r["labels"] for r in relations] == [["Participants"], ["Participants"]]
    config = (tmp_path / "tasks.config.xml").read_text(encoding="utf-8")
    assert '<Label value="ORG" background="#3c7dd9" hint="منظمة"/>' in config
    assert '<Relation value="Participants"/>' in config
    assert '<Text name="text" value="$text"/>' in config


def test_label_studio_reading_rules(project, tmp_path):
    text = "ميتا تطلق Llama 4"
    tasks = [
        {
            "data": {"body": text},
            "annotations": [
                {"was_cancelled": True, "result": []},
                {
                    "result": [
                        {
                            "id": "a",
                            "type": "labels",
                            "value": {"start": 0, "end": 4, "text": "ميتا", "labels": ["ORG"]},
                        },
                        {"id": "b", "type": "choices", "value": {"choices": ["relevant"]}},
                        {
                            "id": "c",
                            "type": "labels",
                            "value": {
                                "start": 10,
                                "end": 17,
                                "text": "Llama 4",
                                "labels": ["PRODUCT", "ORG"],
                            },
                        },
                    ]
                },
                {"result": []},
            ],
        },
        {
            "data": {"text": "جوجل"},
            "predictions": [
                {
                    "result": [
                        {
                            "id": "p",
                            "type": "labels",
                            "value": {"start": 0, "end": 4, "labels": ["ORG"]},
                        }
                    ]
                }
            ],
        },
    ]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    parsed = labelstudio.read(path)
    first, second = parsed.documents
    assert first.text == text
    assert [(e.label, e.start, e.end) for e in first.entities] == [
        ("ORG", 0, 4),
        ("PRODUCT", 10, 17),
        ("ORG", 10, 17),
    ]
    assert parsed.left_out == {"Label Studio results of type 'choices'": 1}
    assert parsed.warnings == [
        "ls.json task 2: no annotation; its prediction was imported",
        "ls.json: 1 task(s) had several annotations; the first one of each was imported",
    ]
    assert [(e.label, e.start) for e in second.entities] == [("ORG", 0)]
    path.write_text(json.dumps([{"data": {"a": "x", "b": "y"}}]), encoding="utf-8")
    with pytest.raises(FormatError, match="task 1: data has no 'text' field"):
        labelstudio.read(path)


def test_hugging_face_dataset_folder_lines_and_label_names(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    out = tmp_path / "dataset"
    report = export_dataset(seeded_project, "hf", out)
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "labels.json", "train.jsonl"]
    names = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    assert names[:3] == ["O", "B-PERS", "I-PERS"] and len(names) == 1 + 2 * 9
    lines = [json.loads(x) for x in (out / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    first = lines[0]
    assert first["tokens"][:2] == ["ميتا", "تفكر"]
    assert [names[i] for i in first["ner_tags"][:2]] == ["B-ORG", "O"]
    assert [line["sentence"] for line in lines] == list(range(len(lines)))
    # the nested "Meta" inside "Meta Superintelligence Lab" is in the spans
    entity_keys = [n[2:] for n in names if n.startswith("B-")]
    lab = next(line for line in lines if "Superintelligence" in line["tokens"])
    at = lab["tokens"].index("Meta")
    assert {"start": at, "end": at + 1, "label": entity_keys.index("ORG")} in lab["spans"]
    assert {"start": at, "end": at + 3, "label": entity_keys.index("ORG")} in lab["spans"]
    assert "nested entities (one tag per token in this format)" not in report.left_out
    # read back with the ids, then from one file with a datasets dataset_info.json
    (doc,) = hf.read(out).documents
    assert doc.text.startswith("ميتا تفكر في دمج نماذج جوجل و أوبن إيه آي")
    (out / "labels.json").unlink()
    with pytest.raises(FormatError, match="no label names were found"):
        hf.read(out)
    (out / "dataset_info.json").write_text(
        json.dumps({"features": {"ner_tags": {"feature": {"names": names}}}}), encoding="utf-8"
    )
    assert hf.read(out / "train.jsonl").documents[0].text == doc.text


def test_hugging_face_without_spans_counts_the_nested_entities(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    report = export_dataset(seeded_project, "hf", tmp_path / "d", options={"spans": "no"})
    line = json.loads((tmp_path / "d" / "train.jsonl").read_text(encoding="utf-8").split("\n")[0])
    assert "spans" not in line
    assert report.left_out["nested entities (one tag per token in this format)"] == 1


def test_hugging_face_lines_with_tag_names_need_no_side_file(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(
        json.dumps({"tokens": ["ميتا", "تطلق"], "ner_tags": ["B-ORG", "O"]}, ensure_ascii=False)
        + "\n"
        + json.dumps({"tokens": ["a"], "ner_tags": ["B-ORG", "O"]})
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(FormatError, match="line 2: ner_tags must be a list as long as tokens"):
        hf.read(path)


def test_the_dataset_texts_are_the_documents(seeded_project, tmp_path):
    annotate_seed_article(seeded_project)
    export_dataset(
        seeded_project, "doccano", tmp_path / "d.jsonl", options={"offsets": "codepoints"}
    )
    (line,) = [
        json.loads(x) for x in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert line["text"] == text_of(seeded_project, 1)


def test_hugging_face_lines_are_the_json_of_their_fields(project, tmp_path):
    from core.documents.importing import import_documents
    from tests.core.formats_support import add_spans, set_for

    text = 'قال "ميتا" \\ نعم\nسطر ثان: C:\\new'
    (tmp_path / "q.txt").write_text(text, encoding="utf-8")
    import_documents(project, [tmp_path / "q.txt"])
    add_spans(project, set_for(project, 1, None), [(5, 9, "ORG")])
    export_dataset(project, "hf", tmp_path / "d")
    lines = (tmp_path / "d" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["tokens"] for x in lines] == [
        ["قال", '"', "ميتا", '"', "\\", "نعم"],
        ["سطر", "ثان", ":", "C", ":", "\\", "new"],
    ]
    assert all(x == json.dumps(json.loads(x), ensure_ascii=False) for x in lines)
